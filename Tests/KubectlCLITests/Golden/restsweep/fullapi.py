# fakeapi.py (../create) with the whole v1.32 discovery (every group and resource of the OpenAPI
# documents in $OPENAPI, short names as the explain fixture gives them) instead of its small table;
# the routes, review answers and echo of fakeapi.py are unchanged.  Usage: fullapi.py PORT
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
tests = os.path.join(here, "..", "..", "..")
sys.path.insert(0, os.path.join(tests, "KubeSchemaTests", "Fixtures", "explain"))
import fake_apiserver
src = open(os.path.join(tests, "KubectlCLITests", "Golden", "create", "fakeapi.py")).read()
marker = "# FAKEAPI_ROUTES=routes.json serves"
hook = '''
_, _full = fake_apiserver.load(os.environ["OPENAPI"])
for _gv, _rs in _full.items():
    _have = {r["name"] for r in groups.get(_gv, [])}
    groups.setdefault(_gv, [])
    for _r in _rs:
        if _r["name"] not in _have:
            _r = dict(_r, verbs=["get", "list", "create", "update", "patch", "delete", "watch"])
            groups[_gv].append(_r)
groups.pop("extensions/v1beta1", None)
_order = ["v1", "apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "autoscaling",
          "batch", "certificates.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "storage.k8s.io",
          "admissionregistration.k8s.io", "apiextensions.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io",
          "discovery.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "storagemigration.k8s.io", "extensions"]
def _key(gv):
    g, v = (gv.split("/") + [""])[:2] if "/" in gv else ("v1", gv)
    return (_order.index(g) if g in _order else len(_order), g, fake_apiserver.version_priority(v))
groups = {gv: groups[gv] for gv in sorted(groups, key=_key)}
'''
src = src.replace(marker, hook + marker, 1)
exec(compile(src, "fakeapi.py", "exec"), {"__name__": "__main__", "fake_apiserver": fake_apiserver})
