#!/usr/bin/env python3
"""Oracle sweep harness. Run each case line (a shell command starting with `kubectl`) through the oracle and our binary;
compare stdout, stderr, exit byte for byte. Usage: sweep.py OURBIN CASEFILE... [-o OUTDIR]"""
import re, os, subprocess, sys, shutil, json, concurrent.futures as cf
HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"
args = sys.argv[1:]
ours = os.path.abspath(args.pop(0))
outdir = os.environ.get("OUT", "/tmp/verbsweep-out")
if "-o" in args:
    i = args.index("-o"); outdir = os.path.abspath(args[i+1]); del args[i:i+2]
jobs = int(os.environ.get("JOBS", "2"))
cases = []
for f in args:
    for line in open(f):
        line = line.rstrip("\n")
        if line.strip() and not line.startswith("#"): cases.append(line)
import tempfile
SCRATCH = tempfile.mkdtemp()
KLOG = re.compile(rb"(?m)^([IWE])\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ ")
WORK = os.environ["WORK"]  # cwd of every case (the golden folder whose fixtures the cases name)
SEED = os.environ["SEED"]  # a folder holding the store.db every case of ours starts from (copied)
def run(cmd, mine, idx):
    env = dict(os.environ)
    tmp = os.path.join(SCRATCH, str(idx) + ("m" if mine else "o"))
    shutil.rmtree(tmp, ignore_errors=True); os.makedirs(tmp)
    env["HOME"] = tmp
    if mine:
        shutil.copytree(SEED, tmp + "/store")
        env["KUBECTL_LOCAL_STORE"] = tmp + "/store/store.db"
        env["KUBECTL_LOCAL_NOW"] = os.environ.get("NOW", "2026-11-23T12:00:00Z")
        env.pop("KUBECONFIG", None)
        fn = 'kubectl() { "%s" "$@"; }' % ours
    else:
        env["KUBECONFIG"] = os.environ["KCFG"]
        fn = 'kubectl() { "%s" "$@"; }' % ORACLE
    p = subprocess.run(["bash", "-c", fn + "\n" + cmd], cwd=WORK, env=env, capture_output=True, timeout=60)
    shutil.rmtree(tmp, ignore_errors=True)
    err = KLOG.sub(rb"\1MMDD HH:MM:SS.UUUUUU PID ", p.stderr)
    # The fake server cannot watch: drop the informer's complaint about it.
    err = b"".join(l for l in err.splitlines(keepends=True) if b"reflector.go:" not in l)
    return p.stdout, err, p.returncode
def one(i):
    cmd = cases[i]
    try:
        o = run(cmd, False, i); m = run(cmd, True, i)
    except subprocess.TimeoutExpired:
        return i, cmd, None, None
    return i, cmd, o, m
shutil.rmtree(outdir, ignore_errors=True); os.makedirs(outdir)
diffs = 0
with cf.ThreadPoolExecutor(jobs) as ex:
    for i, cmd, o, m in ex.map(one, range(len(cases))):
        if o is None:
            diffs += 1; print(f"TIMEOUT {i}: {cmd}"); continue
        if o != m:
            diffs += 1
            d = os.path.join(outdir, "%04d" % i); os.makedirs(d)
            open(d + "/cmd", "w").write(cmd + "\n")
            for tag, r in (("oracle", o), ("ours", m)):
                open(f"{d}/{tag}.stdout", "wb").write(r[0]); open(f"{d}/{tag}.stderr", "wb").write(r[1])
                open(f"{d}/{tag}.exit", "w").write(str(r[2]) + "\n")
            what = [n for n, k in (("stdout", 0), ("stderr", 1), ("exit", 2)) if o[k] != m[k]]
            print(f"DIFF {i:04d} [{','.join(what)}]: {cmd}")
print(f"{len(cases)} cases, {diffs} differ")
