#!/usr/bin/env python3
"""A tiny fake API server for recording `kubectl explain` goldens without a cluster.

Serves /openapi/v3 (index + one document per group-version) and minimal discovery (/api, /apis,
/api/v1, /apis/<g>/<v>) built from the upstream v1.32 OpenAPI v3 documents.

Every upstream description is REPLACED by synthetic text (synth_description below; the Swift test
support has the same function), so recorded outputs contain no upstream prose: they pin kubectl's
layout, wrapping, types and structure byte for byte.  Properties that are a bare `$ref` are served
in the equivalent `allOf: [$ref]` form so that they can carry a description too.

Usage: fake_apiserver.py OPENAPI_DIR PORTFILE   (binds 127.0.0.1 on a free port, writes it to PORTFILE)
"""
import glob, json, os, re, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = ["pod", "field", "value", "the", "of", "a", "container", "when", "set", "is", "default", "node"]
LONG_WORD = "x" * 80


def fnv1a(s):
    h = 0x811C9DC5
    for b in s.encode():
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def synth_description(key):
    """Deterministic filler text for a definition name or `definition.field` key ('' = none)."""
    h = fnv1a(key)
    if h % 17 == 0:
        return ""
    n = 1 + h % 37
    state = h
    out = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0xFFFFFFFF
        w = LONG_WORD if (state >> 4) % 61 == 0 else WORDS[(state >> 16) % len(WORDS)]
        if i > 0:
            out.append("\n" if (state >> 8) % 13 == 0 else " ")
        out.append(w)
    return "".join(out)


def rewrite(doc):
    for name, s in doc.get("components", {}).get("schemas", {}).items():
        scrub(s)
        d = synth_description(name)
        if d:
            s["description"] = d
        for pname, p in list(s.get("properties", {}).items()):
            if "$ref" in p:
                p = {"allOf": [{"$ref": p["$ref"]}]}
                s["properties"][pname] = p
            d = synth_description(name + "." + pname)
            if d:
                p["description"] = d
    for path in doc.get("paths", {}).values():
        for op in path.values():
            if isinstance(op, dict):
                op.pop("description", None)
    return doc


def scrub(s):
    """Removes every description (and externalDocs) below a schema."""
    if isinstance(s, dict):
        s.pop("description", None)
        s.pop("externalDocs", None)
        for k, v in s.items():
            if k in ("properties",):
                for p in v.values():
                    scrub(p)
            elif isinstance(v, (dict, list)):
                scrub(v)
    elif isinstance(s, list):
        for x in s:
            scrub(x)


SHORT = {"pods": ["po"], "services": ["svc"], "deployments": ["deploy"], "configmaps": ["cm"], "namespaces": ["ns"],
         "nodes": ["no"], "replicasets": ["rs"], "daemonsets": ["ds"], "statefulsets": ["sts"],
         "persistentvolumeclaims": ["pvc"], "persistentvolumes": ["pv"], "serviceaccounts": ["sa"],
         "ingresses": ["ing"], "cronjobs": ["cj"], "horizontalpodautoscalers": ["hpa"],
         "networkpolicies": ["netpol"], "poddisruptionbudgets": ["pdb"],
         "customresourcedefinitions": ["crd", "crds"], "endpoints": ["ep"], "events": ["ev"],
         "limitranges": ["limits"], "resourcequotas": ["quota"], "replicationcontrollers": ["rc"],
         "certificatesigningrequests": ["csr"], "storageclasses": ["sc"], "priorityclasses": ["pc"]}
PATH_RE = re.compile(r"^/apis?/(?:[^/]+/)?[^/]+/(namespaces/\{namespace\}/)?([a-z0-9]+)(/\{name\})?$")


def load(openapi_dir):
    docs, discovery = {}, {}
    files = [os.path.join(openapi_dir, "api", "v1.json")] + sorted(glob.glob(os.path.join(openapi_dir, "apis", "*", "*.json")))
    for f in files:
        rel = os.path.relpath(f, openapi_dir)[:-5]
        with open(f) as fh:
            doc = json.load(fh)
        resources = {}
        for path, item in doc.get("paths", {}).items():
            m = PATH_RE.match(path)
            if not m or "/watch/" in path or m.group(2) == "namespaces" and m.group(1):
                continue
            plural = m.group(2)
            for verb, op in item.items():
                if not isinstance(op, dict):
                    continue
                gvk = op.get("x-kubernetes-group-version-kind")
                if gvk and plural not in resources:
                    resources[plural] = {"name": plural, "singularName": "", "namespaced": bool(m.group(1)),
                                         "kind": gvk["kind"], "verbs": ["get", "list"],
                                         "shortNames": SHORT.get(plural, [])}
                if gvk and m.group(1):
                    resources[plural]["namespaced"] = True
        gv = "v1" if rel == "api/v1" else rel[5:]
        docs[rel] = json.dumps(rewrite(doc)).encode()
        discovery[gv] = sorted(resources.values(), key=lambda r: r["name"])
    return docs, discovery


def version_priority(v):
    """Kubernetes version order: GA before beta before alpha, higher numbers first."""
    m = re.match(r"^v(\d+)(?:(alpha|beta)(\d+))?$", v)
    if not m:
        return (3, 0, 0, v)
    level = {None: 0, "beta": 1, "alpha": 2}[m.group(2)]
    return (level, -int(m.group(1)), -int(m.group(3) or 0), v)


def main():
    openapi_dir, portfile = sys.argv[1], sys.argv[2]
    docs, discovery = load(openapi_dir)
    groups = {}
    for gv in discovery:
        if gv != "v1":
            g, v = gv.split("/")
            groups.setdefault(g, []).append(v)
    for vs in groups.values():
        vs.sort(key=version_priority)

    def body_for(path):
        if path == "/openapi/v3":
            return {"paths": {rel: {"serverRelativeURL": "/openapi/v3/" + rel + "?hash=0"} for rel in docs}}
        if path.startswith("/openapi/v3/"):
            return docs.get(path[len("/openapi/v3/"):])
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
        return None

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = body_for(self.path.split("?")[0])
            if body is None:
                self.send_response(404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}')
                return
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
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
