#!/usr/bin/env python3
"""Records kubectl v1.32's stdout, stderr and exit code for each line of cases.jsonl (expected.jsonl).
The case directory's absolute path is written as $ROOT. create -k needs no server (--dry-run=client,
--validate=false) but kubectl reads a kubeconfig: KUBECONFIG points at an empty file."""
import json, os, subprocess, sys
here = os.path.dirname(os.path.abspath(__file__))
kubectl = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
out = []
for line in open(os.path.join(here, "cases.jsonl")):
    c = json.loads(line)
    args = [a.replace("$ROOT", here) for a in c["args"]]
    r = subprocess.run([kubectl] + args, capture_output=True, cwd=here, stdin=subprocess.DEVNULL,
                       env=dict(os.environ, KUBECONFIG=os.path.join(here, "kubeconfig")))
    sw = lambda b: b.decode().replace(here, "$ROOT")
    out.append({"name": c["name"], "out": sw(r.stdout), "err": sw(r.stderr), "rc": r.returncode})
open(os.path.join(here, "expected.jsonl"), "w").write("".join(json.dumps(o) + "\n" for o in out))
