#!/usr/bin/env python3
"""Records kubectl v1.32's stdout, stderr and exit code for each case of cases.jsonl, run in fx/ fully
offline (--local), into expected.jsonl (SweepCorpus's format)."""
import json, os, subprocess, tempfile
here = os.path.dirname(os.path.abspath(__file__))
kubectl = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
home = tempfile.mkdtemp()
env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "KUBECONFIG": os.path.join(home, "none")}
out = []
for line in open(os.path.join(here, "cases.jsonl"), encoding="utf-8"):
    c = json.loads(line)
    r = subprocess.run([kubectl] + c["args"], cwd=os.path.join(here, "fx"), env=env, capture_output=True, stdin=subprocess.DEVNULL)
    out.append({"out": r.stdout.decode(), "err": r.stderr.decode(), "rc": r.returncode})
with open(os.path.join(here, "expected.jsonl"), "w", encoding="utf-8") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + "\n")
print("recorded %d cases" % len(out))
