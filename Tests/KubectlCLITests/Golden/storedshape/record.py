#!/usr/bin/env python3
"""Records how objects come out of the store (`get -o json`), checked against kubectl v1.32's typed round trip.

objects.yaml (zero values Go drops written on purpose: `paused: false`, `value: ""`, `env: []`, `hostNetwork:
false`, `nodePort: 0`; pointer zeros it keeps: `automountServiceAccountToken: false`, `runAsUser: 0`) is created
with kubectl-local in a fresh store; each object listed in TARGETS (the manifest's and one pod of each
controller, which the controllers wrote) is read back with `get -o json` and pushed through kubectl's typed
round trip (decode into the Go type, encode with encoding/json): `set serviceaccount --local` with the
object's own service account for pods and templates, `set selector --local` with its own selector for
Services, `set subject --local` for RoleBindings (the probe subject removed again). kubectl's output must equal
ours, compared as JSON values (`get -o json` sorts keys); any object that differs is reported and the
recording stops. expected.jsonl holds kubectl's output, one object a line, in targets.txt order, with what is
random masked: UIDs (UID), the object's own name (NAME), the token volume's suffix (kube-api-access-X) and
container IDs (containerd://ID).
Usage: KUBECTL_LOCAL_BIN=.build/debug/kubectl-local [KUBECTL=kubectl.1.32] ./record.py"""
import json, os, re, subprocess, sys, tempfile
here = os.path.dirname(os.path.abspath(__file__))
B = os.environ.get("KUBECTL_LOCAL_BIN", os.path.join(here, "../../../../.build/debug/kubectl-local"))
K = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
TARGETS = [l.split() for l in open(os.path.join(here, "targets.txt")) if l.strip()]
env = dict(PATH="/usr/bin:/bin", HOME=tempfile.mkdtemp(), KUBECONFIG="/dev/null",
           KUBECTL_LOCAL_STORE=tempfile.mkdtemp() + "/s.db", KUBECTL_LOCAL_NOW="2026-11-23T12:00:00Z")
UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

def run(cmd, stdin=None):
    r = subprocess.run(cmd, input=stdin, env=env, capture_output=True, text=True)
    if r.returncode: sys.exit("%s: %s" % (" ".join(cmd), r.stderr))
    return r.stdout

MASKS = [(UID, "UID"), (re.compile(r"kube-api-access-[a-z0-9]{5}"), "kube-api-access-X"),
         (re.compile(r"containerd://[0-9a-f]{64}"), "containerd://ID")]

def masked(o):
    text = json.dumps(o).replace('"%s"' % o["metadata"]["name"], '"NAME"')
    for r, m in MASKS: text = r.sub(m, text)
    return json.loads(text)

run([B, "create", "-f", os.path.join(here, "objects.yaml")])
out = []
for what in TARGETS:
    o = json.loads(run([B, "get"] + what + ["-o", "json"]))
    if o.get("kind") == "List": o = o["items"][0]
    k = o["kind"]
    if k == "Service":
        sel = o["spec"].get("selector") or {"probe": "1"}
        cmd = ["set", "selector", "--local", "-f", "-", ",".join("%s=%s" % kv for kv in sel.items())]
    elif k in ("RoleBinding", "ClusterRoleBinding"):
        cmd = ["set", "subject", "--local", "-f", "-", "--user=zz-probe"]
    else:
        spec = o["spec"] if k == "Pod" else o["spec"]["jobTemplate"]["spec"]["template"]["spec"] if k == "CronJob" else o["spec"]["template"]["spec"]
        cmd = ["set", "serviceaccount", "--local", "-f", "-", spec.get("serviceAccountName", "")]
    g = json.loads(run([K] + cmd + ["-o", "json"], json.dumps(o)))
    if k == "Service" and "selector" not in o["spec"]: g["spec"].pop("selector", None)
    if k in ("RoleBinding", "ClusterRoleBinding"):
        g["subjects"] = [s for s in g["subjects"] if s["name"] != "zz-probe"]
        if not g["subjects"]: del g["subjects"]
    if g != o: sys.exit("differs from kubectl's typed round trip: %s\nours:    %s\nkubectl: %s" % (what, json.dumps(o, sort_keys=True), json.dumps(g, sort_keys=True)))
    out.append(masked(g))
with open(os.path.join(here, "expected.jsonl"), "w") as f:
    for o in out: f.write(json.dumps(o, sort_keys=True) + "\n")
print("recorded %d objects, each equal to kubectl's typed round trip of it" % len(out))
