#!/usr/bin/env python3
"""Runs kubectl-local on every line of cases.jsonl and compares stdout, stderr and exit code with
expected.jsonl (record.py). Prints one line per difference and the count; with -v the first lines of
each difference. Usage: ./compare.py PATH/TO/kubectl-local [-v] [NAME-PREFIX...]"""
import difflib, json, os, subprocess, sys, tempfile
here = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1]
verbose = "-v" in sys.argv
only = [a for a in sys.argv[2:] if a != "-v"]
home = tempfile.mkdtemp()
env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "KUBECTL_LOCAL_STORE": os.path.join(home, "store.db")}
cases = [json.loads(l) for l in open(os.path.join(here, "cases.jsonl"), encoding="utf-8")]
exp = {e["name"]: e for e in (json.loads(l) for l in open(os.environ.get("KZ_EXPECTED", os.path.join(here, "expected.jsonl")), encoding="utf-8"))}
known = {}
kp = os.path.join(here, "known-differences.jsonl")
if os.path.exists(kp):
    for l in open(kp, encoding="utf-8"):
        k = json.loads(l); known[k["name"]] = k["reason"]
bad = 0
n = 0
for c in cases:
    if only and not any(c["name"].startswith(o) for o in only): continue
    n += 1
    e = exp.get(c["name"])
    if e is None: continue
    args = [a.replace("$ROOT", here) for a in c["args"]]
    r = subprocess.run([binary] + args, cwd=here, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    got = {"out": r.stdout.decode("utf-8", "replace").replace(here, "$ROOT"), "err": r.stderr.decode("utf-8", "replace").replace(here, "$ROOT"), "rc": r.returncode}
    what = [k for k in ("out", "err", "rc") if got[k] != e[k]]
    if what:
        bad += 1
        print("DIFF %s %s%s" % (c["name"], ",".join(what), "  (known)" if c["name"] in known else ""))
        if verbose:
            for k in what[:2]:
                if k == "rc":
                    print("   rc: kubectl %d, local %d" % (e["rc"], got["rc"])); continue
                for l in list(difflib.unified_diff(e[k].splitlines(), got[k].splitlines(), "kubectl", "local", lineterm="", n=1))[2:14]:
                    print("   " + l)
print("%d of %d lines differ" % (bad, n))
