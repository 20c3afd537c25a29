# Builds routes.json for Golden/create/fakeapi.py from old.yaml (created at T0) and new.yaml (T1), as
# kubectl-local's store holds them after the test creates old.yaml at T0 and new.yaml at T1.
import json, subprocess, sys
T0, T1 = "2026-11-20T12:00:00Z", "2026-11-21T12:00:00Z"
def load(f, ts):
    docs = json.loads(subprocess.check_output(["python3", "-c", "import sys,yaml,json; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))", f]))
    for d in docs:
        d["metadata"]["creationTimestamp"] = ts
        d["metadata"].setdefault("namespace", "default") if d["kind"] != "Namespace" else None
    return docs
objs = load("old.yaml", T0) + load("new.yaml", T1)
def lst(kind, api, items): return {"kind": kind + "List", "apiVersion": api, "metadata": {"resourceVersion": "9"}, "items": items}
pods = [o for o in objs if o["kind"] == "Pod"]
key = lambda o: o["metadata"]["name"]
dpods = sorted([p for p in pods if p["metadata"]["namespace"] == "default"], key=key)
nss = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": n, "creationTimestamp": T0}} for n in ["default", "kube-node-lease", "kube-public", "kube-system", "other"]]
routes = {
    "/api/v1/namespaces/default/pods": lst("Pod", "v1", dpods),
    "/api/v1/pods": lst("Pod", "v1", sorted([p for p in pods if "app" in p["metadata"].get("labels", {})], key=lambda o: (o["metadata"]["namespace"], key(o)))),
    "/api/v1/namespaces": lst("Namespace", "v1", nss),
    "/apis/apps/v1/namespaces/default/deployments": lst("Deployment", "apps/v1", [o for o in objs if o["kind"] == "Deployment"]),
}
for p in pods: routes["/api/v1/namespaces/%s/pods/%s" % (p["metadata"]["namespace"], key(p))] = p
json.dump(routes, open(sys.argv[1], "w"), indent=1)
