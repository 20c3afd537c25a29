#!/usr/bin/env python3
"""A fake API server for recording kubectl's shell completion (`kubectl __complete ...`) without a cluster.

Discovery (/api, /apis, /api/v1, /apis/<g>/<v>) is built from the v1.32 OpenAPI v3 documents: the GA
group-versions a default kube-apiserver serves, each resource with the verbs its paths declare
(x-kubernetes-action), no subresources. One custom resource (widgets.example.com, kind Widget, short
name wd) is added, as a CustomResourceDefinition would. Lists answer with the objects in OBJECTS below (the objects of the store the tests build: see cases.txt),
so name completion has something to offer.

Usage: fake_discovery.py OPENAPI_DIR PORTFILE   (binds 127.0.0.1 on a free port, writes it to PORTFILE)
"""
import glob, json, os, re, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACTIONS = {"get": "get", "list": "list", "post": "create", "put": "update", "patch": "patch", "delete": "delete",
           "deletecollection": "deletecollection", "watch": "watch", "watchlist": "watch"}
VERB_ORDER = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
PATH_RE = re.compile(r"^/apis?/(?:[^/]+/)?[^/]+/(?:watch/)?(namespaces/\{namespace\}/)?([a-z0-9]+)(/\{name\})?$")

# Short names as a v1.32 API server's discovery lists them (the OpenAPI documents do not carry them).
SHORT = {"v1": {"componentstatuses": ["cs"], "configmaps": ["cm"], "endpoints": ["ep"], "events": ["ev"],
                "limitranges": ["limits"], "namespaces": ["ns"], "nodes": ["no"], "persistentvolumeclaims": ["pvc"],
                "persistentvolumes": ["pv"], "pods": ["po"], "replicationcontrollers": ["rc"],
                "resourcequotas": ["quota"], "serviceaccounts": ["sa"], "services": ["svc"]},
         "apps/v1": {"daemonsets": ["ds"], "deployments": ["deploy"], "replicasets": ["rs"], "statefulsets": ["sts"]},
         "autoscaling/v2": {"horizontalpodautoscalers": ["hpa"]}, "autoscaling/v1": {"horizontalpodautoscalers": ["hpa"]},
         "batch/v1": {"cronjobs": ["cj"]}, "certificates.k8s.io/v1": {"certificatesigningrequests": ["csr"]},
         "events.k8s.io/v1": {"events": ["ev"]}, "networking.k8s.io/v1": {"ingresses": ["ing"], "networkpolicies": ["netpol"]},
         "policy/v1": {"poddisruptionbudgets": ["pdb"]}, "scheduling.k8s.io/v1": {"priorityclasses": ["pc"]},
         "storage.k8s.io/v1": {"storageclasses": ["sc"]},
         "apiextensions.k8s.io/v1": {"customresourcedefinitions": ["crd", "crds"]}}

# name completion data: (group/version, plural, namespace or None) -> names
OBJECTS = {
    ("v1", "pods", "default"): ["db-0", "web-1", "web-2"],
    ("v1", "pods", "team-a"): ["worker-0"],
    ("v1", "namespaces", None): ["default", "kube-node-lease", "kube-public", "kube-system", "team-a"],
    ("v1", "configmaps", "default"): ["app-config", "kube-root-ca.crt"],
    ("v1", "nodes", None): ["node-1"],
    ("v1", "services", "default"): ["kubernetes"],
    ("apps/v1", "deployments", "default"): ["web"],
    ("apiextensions.k8s.io/v1", "customresourcedefinitions", None): ["widgets.example.com"],
    ("example.com/v1", "widgets", "default"): ["gizmo", "sprocket"],
}
CUSTOM = {"example.com/v1": [{"name": "widgets", "singularName": "widget", "namespaced": True, "kind": "Widget",
                              "verbs": VERB_ORDER, "shortNames": ["wd"], "categories": ["all"]}]}


def load(openapi_dir):
    discovery = {}
    files = [os.path.join(openapi_dir, "api", "v1.json")] + sorted(glob.glob(os.path.join(openapi_dir, "apis", "*", "v[0-9].json")))
    for f in files:
        rel = os.path.relpath(f, openapi_dir)[:-5]
        with open(f) as fh:
            doc = json.load(fh)
        resources = {}
        for path, item in doc.get("paths", {}).items():
            m = PATH_RE.match(path)
            if not m or (m.group(2) == "namespaces" and m.group(1)):
                continue
            plural = m.group(2)
            for op in item.values():
                if not isinstance(op, dict) or "x-kubernetes-group-version-kind" not in op:
                    continue
                r = resources.setdefault(plural, {"name": plural, "singularName": "", "namespaced": False,
                                                  "kind": op["x-kubernetes-group-version-kind"]["kind"], "verbs": set()})
                if m.group(1):
                    r["namespaced"] = True
                verb = ACTIONS.get(op.get("x-kubernetes-action", ""))
                if verb:
                    r["verbs"].add(verb)
        gv = "v1" if rel == "api/v1" else rel[5:]
        for r in resources.values():
            r["verbs"] = [v for v in VERB_ORDER if v in r["verbs"]]
            r["singularName"] = r["kind"].lower()
            if r["name"] in SHORT.get(gv, {}):
                r["shortNames"] = SHORT[gv][r["name"]]
        discovery[gv] = sorted(resources.values(), key=lambda r: r["name"])
    discovery.update(CUSTOM)
    return discovery


def main():
    openapi_dir, portfile = sys.argv[1], sys.argv[2]
    discovery = load(openapi_dir)
    groups = {}
    for gv in discovery:
        if gv != "v1":
            g, v = gv.split("/")
            groups.setdefault(g, []).append(v)
    for vs in groups.values():
        vs.sort(reverse=True)  # autoscaling: v2 before v1

    def body_for(path):
        if path == "/api":
            return {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": []}
        if path == "/apis":
            return {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
                {"name": g, "versions": [{"groupVersion": g + "/" + v, "version": v} for v in vs],
                 "preferredVersion": {"groupVersion": g + "/" + vs[0], "version": vs[0]}}
                for g, vs in groups.items()]}
        if path == "/version":
            return {"major": "1", "minor": "32", "gitVersion": "v1.32.0"}
        gv = "v1" if path == "/api/v1" else path[len("/apis/"):] if path.startswith("/apis/") else None
        if gv in discovery:
            return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": discovery[gv]}
        m = re.match(r"^/apis?/((?:[^/]+/)?v[0-9]+)/(?:namespaces/([^/]+)/)?([a-z0-9]+)$", path)
        if m:
            gv, ns, plural = m.groups()
            if path.startswith("/api/"):
                gv = "v1"
            kind = next((r["kind"] for r in discovery.get(gv, []) if r["name"] == plural), "Unknown")
            if ns is None and any(k[0] == gv and k[1] == plural and k[2] for k in OBJECTS):  # across namespaces
                found = sorted((k[2], n) for k in OBJECTS if k[0] == gv and k[1] == plural and k[2] for n in OBJECTS[k])
            else:
                found = [(ns, n) for n in OBJECTS.get((gv, plural, ns), [])]
            return {"kind": kind + "List", "apiVersion": gv, "metadata": {"resourceVersion": "1"},
                    "items": [item(gv, kind, n_ns, n) for n_ns, n in found]}
        m = re.match(r"^/apis?/((?:[^/]+/)?v[0-9]+)/(?:namespaces/([^/]+)/)?([a-z0-9]+)/([^/]+)$", path)
        if m:
            gv, ns, plural, name = m.groups()
            gv = "v1" if path.startswith("/api/") else gv
            if name in OBJECTS.get((gv, plural, ns), []):
                kind = next((r["kind"] for r in discovery.get(gv, []) if r["name"] == plural), "Unknown")
                return item(gv, kind, ns, name)
        return None

    def item(api_version, kind, ns, name):
        o = {"apiVersion": api_version, "kind": kind, "metadata": dict({"name": name}, **({"namespace": ns} if ns else {}))}
        if kind == "Pod":  # every pod of the fixture runs one container `app` with one init container `setup`
            o["spec"] = {"initContainers": [{"name": "setup", "image": "busybox"}], "containers": [{"name": "app", "image": "nginx"}]}
        return o

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = body_for(self.path.split("?")[0])
            if body is None:
                self.send_response(404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}')
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(portfile + ".tmp", "w") as fh:
        fh.write(str(srv.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    srv.serve_forever()


if __name__ == "__main__":
    main()
