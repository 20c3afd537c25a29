#!/usr/bin/env python3
"""Writes CASE/routes.json for record.sh: what the fake API server answers for one case.

GET of each object the case's command names, as kubectl-local stores it after _files/setup; PATCH of each object the case's
command names, answered as kubectl-local's API layer answers that patch: the patched object (200), or
its refusal as an Invalid Status (422) whose message is the API layer's text (those texts are checked
against the API server's by the admission suites). What the recording then checks is kubectl's side:
the words a set or rollout verb puts before a refused patch, several refusals together, and what it prints for
the objects whose patch succeeded. Usage: routes.py KUBECTL_LOCAL CASE..."""
import json, os, re, shlex, subprocess, sys, tempfile

KL = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
PATHS = {"deployment": "/apis/apps/v1/namespaces/default/deployments/", "pod": "/api/v1/namespaces/default/pods/",
         "job": "/apis/batch/v1/namespaces/default/jobs/", "serviceaccount": "/api/v1/namespaces/default/serviceaccounts/",
         "rolebinding": "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/"}
ALIAS = {"deploy": "deployment", "po": "pod", "sa": "serviceaccount"}
PREFIX = re.compile(r"^error: failed to patch(?: (?:env|image) update to pod template: | resources update to pod template |"
                    r" ServiceAccountName | subjects to rolebinding: |: )")

def run(store, args):
    env = dict(os.environ, KUBECTL_LOCAL_STORE=store, KUBECTL_LOCAL_NOW="2026-12-06T12:00:00Z")
    return subprocess.run([KL] + args, env=env, capture_output=True, text=True, cwd=here)

def shortened(v):
    """Long strings (the 256 KiB annotation of _files/big.json) cut short: kubectl computes its patch from
    the object it reads and only prints the answer's kind and name, so what is served need not be whole."""
    if isinstance(v, dict): return {k: shortened(x) for k, x in v.items()}
    if isinstance(v, list): return [shortened(x) for x in v]
    return v[:100] + "(shortened)" if isinstance(v, str) and len(v) > 1000 else v

def fresh():
    store = tempfile.mkdtemp() + "/s.db"
    for line in open(here + "/_files/setup").read().splitlines():
        assert run(store, shlex.split(line)).returncode == 0, line
    return store

for case in sys.argv[2:]:
    words = shlex.split(open(f"{here}/{case}/cmd").read())[1:]
    store = fresh()
    verb, rest = words[:2], words[2:]
    targets, others, i = [], [], 0
    while i < len(rest):
        w = rest[i]
        if "/" in w and not w.startswith("-"):
            k, n = w.split("/", 1); targets.append((ALIAS.get(k, k), n))
        elif w in ("deploy", "deployment", "rolebinding", "pod", "job") and i + 1 < len(rest):
            targets.append((ALIAS.get(w, w), rest[i + 1])); i += 1
        else:
            others.append(w)
        i += 1
    others = [w for w in others if not w.startswith("--dry-run")]
    routes = {}
    for kind, name in targets:
        r = run(store, ["get", kind, name, "-o", "json"])
        if r.returncode == 0:
            routes[PATHS[kind] + name] = shortened(json.loads(r.stdout))
    for kind, name in targets:
        if verb[0] == "rollout":  # no --dry-run: the patch is made in a store of its own
            r = run(fresh(), verb + [f"{kind}/{name}"] + others + ["-o", "json"])
        else:
            r = run(store, verb + [f"{kind}/{name}"] + others + ["--dry-run=server", "-o", "json"])
        key = "PATCH " + PATHS[kind] + name
        if PATHS[kind] + name not in routes:  # not in the store: the API server's NotFound
            group = PATHS[kind].split("/")[2] if PATHS[kind].startswith("/apis/") else ""
            plural = PATHS[kind].rstrip("/").rsplit("/", 1)[1]
            routes[PATHS[kind] + name] = {"code": 404, "body": {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                "message": f'{plural}{"." + group if group else ""} "{name}" not found', "reason": "NotFound",
                "details": {"name": name, "group": group, "kind": plural}, "code": 404}}
            continue
        if r.returncode == 0:
            routes[key] = {"code": 200, "body": shortened(json.loads(r.stdout))}
        else:
            m = PREFIX.match(r.stderr)
            assert m, r.stderr
            # CheckErr ends the text with a newline unless it has one: a Pod update's refusal ends with
            # the spec diff, which (as go-cmp writes it) ends with its own newline; keep that one.
            msg = r.stderr[m.end():]
            if not msg.endswith("  }\n"):
                msg = msg[:-1]
            routes[key] = {"code": 422, "body": {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                           "message": msg, "reason": "Invalid", "details": {"name": name}, "code": 422}}
    json.dump(routes, open(f"{here}/{case}/routes.json", "w"), indent=1)
    print(case, sorted(k for k in routes if k.startswith("PATCH")))
