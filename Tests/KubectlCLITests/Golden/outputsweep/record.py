#!/usr/bin/env python3
"""Records what kubectl v1.32 prints for every case of cases.jsonl (made by gen-cases.py).

Each case runs `kubectl ARGS...` in fx/ (no cluster, no kubeconfig: an empty HOME) six times; a case
whose runs differ (kubectl walks Go maps in random order) is dropped from cases.jsonl and reported.
Results go to expected.jsonl, one line per case in the same order: {"out": stdout, "err": stderr, "rc": exit code}.
Usage: KUBECTL=/path/to/kubectl.1.32 ./record.py"""
import json, os, subprocess, sys, tempfile
here = os.path.dirname(os.path.abspath(__file__))
kubectl = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
home = tempfile.mkdtemp()
env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"}
cases = [json.loads(l) for l in open(os.path.join(here, "cases.jsonl"), encoding="utf-8")]
kept, out = [], []
for i, c in enumerate(cases):
    runs = [subprocess.run([kubectl] + c["args"], cwd=os.path.join(here, "fx"), env=env, capture_output=True,
                           stdin=subprocess.DEVNULL) for _ in range(6)]
    if len({(r.stdout, r.stderr, r.returncode) for r in runs}) > 1:
        print("unstable, dropped: %s" % json.dumps(c["args"], ensure_ascii=False), file=sys.stderr)
        continue
    r = runs[0]
    kept.append(c)
    out.append({"out": r.stdout.decode("utf-8"), "err": r.stderr.decode("utf-8"), "rc": r.returncode})
with open(os.path.join(here, "cases.jsonl"), "w", encoding="utf-8") as f:
    for c in kept: f.write(json.dumps(c, ensure_ascii=False) + "\n")
with open(os.path.join(here, "expected.jsonl"), "w", encoding="utf-8") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + "\n")
print("recorded %d cases (%d dropped)" % (len(out), len(cases) - len(out)))
