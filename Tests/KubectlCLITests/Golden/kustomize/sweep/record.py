#!/usr/bin/env python3
"""Records what kubectl v1.32 prints for every command of cases.jsonl (made by gen_cases.py).

`kustomize` lines run fully offline; lines marked "server" (`create -k DIR --dry-run=client -o yaml`)
need discovery, served by ../../restsweep/fullapi.py on port 18104 (OPENAPI=/work/shared/openapi/v1.32).
Each line runs twice; a line whose runs differ is dropped and reported. The sweep folder's absolute path
is written as $ROOT. Results go to expected.jsonl: {"name", "out", "err", "rc"}.
Usage: KUBECTL=/path/to/kubectl.1.32 ./record.py [NAME-PREFIX] (with a prefix, only those lines are recorded;
the others keep their recording, and a line without one is left out as unstable)"""
import json, os, subprocess, sys, tempfile, time
here = os.path.dirname(os.path.abspath(__file__))
kubectl = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
home = tempfile.mkdtemp()
port = 18104
kc = os.path.join(home, "kubeconfig")
open(kc, "w").write(open(os.path.join(here, "..", "..", "create", "_files", "fake-kubeconfig")).read().replace("18080", str(port)))
env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "KUBECONFIG": kc}
cases = [json.loads(l) for l in open(os.path.join(here, "cases.jsonl"), encoding="utf-8")]
only = sys.argv[1] if len(sys.argv) > 1 else None
old = {}
if only and os.path.exists(os.path.join(here, "expected.jsonl")):
    for l in open(os.path.join(here, "expected.jsonl"), encoding="utf-8"):
        e = json.loads(l); old[e["name"]] = e
server = None
if any(c.get("server") and (not only or c["name"].startswith(only)) for c in cases):
    senv = dict(os.environ, OPENAPI=os.environ.get("OPENAPI", "/work/shared/openapi/v1.32"))
    server = subprocess.Popen([sys.executable, os.path.join(here, "..", "..", "restsweep", "fullapi.py"), str(port)],
                              env=senv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2)
kept, out = [], []
try:
    for c in cases:
        if only and not c["name"].startswith(only):
            if c["name"] in old:
                kept.append(c); out.append(old[c["name"]])
            continue
        args = [a.replace("$ROOT", here) for a in c["args"]]
        runs = [subprocess.run([kubectl] + args, cwd=here, env=env, capture_output=True, stdin=subprocess.DEVNULL) for _ in range(2)]
        if len({(r.stdout, r.stderr, r.returncode) for r in runs}) > 1:
            print("unstable, dropped: %s" % c["name"], file=sys.stderr)
            continue
        r = runs[0]
        kept.append(c)
        out.append({"name": c["name"], "out": r.stdout.decode("utf-8").replace(here, "$ROOT"),
                    "err": r.stderr.decode("utf-8").replace(here, "$ROOT"), "rc": r.returncode})
finally:
    if server:
        server.terminate()
with open(os.path.join(here, "cases.jsonl"), "w", encoding="utf-8") as f:
    for c in kept: f.write(json.dumps(c, ensure_ascii=False) + "\n")
with open(os.path.join(here, "expected.jsonl"), "w", encoding="utf-8") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + "\n")
print("recorded %d lines (%d dropped)" % (len(out), len(cases) - len(out)))
