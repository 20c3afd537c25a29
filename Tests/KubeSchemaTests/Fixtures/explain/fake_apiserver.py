#!/usr/bin/env python3
"""A tiny fake API server for recording `kubectl explain` goldens without a cluster.

Serves /openapi/v3 (index + one document per group-version), /openapi/v2 (the same schemas as one v2
document, in protobuf, for `--output=plaintext-openapiv2`) and minimal discovery (/api, /apis,
/api/v1, /apis/<g>/<v>) built from the upstream v1.32 OpenAPI v3 documents.

Every upstream description is REPLACED by synthetic text (synth_description below; the Swift test
support has the same function), so recorded outputs contain no upstream prose: they pin kubectl's
layout, wrapping, types and structure byte for byte.  Properties that are a bare `$ref` are served
in the equivalent `allOf: [$ref]` form so that they can carry a description too.

Only the GA group-versions are served, as by a default v1.32 API server (FAKE_ALL_VERSIONS=1: all).

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
         "certificatesigningrequests": ["csr"], "componentstatuses": ["cs"], "storageclasses": ["sc"], "priorityclasses": ["pc"]}
PATH_RE = re.compile(r"^/apis?/(?:[^/]+/)?[^/]+/(namespaces/\{namespace\}/)?([a-z0-9]+)(/\{name\})?$")


def load(openapi_dir):
    docs, discovery, rewritten = {}, {}, []
    files = [os.path.join(openapi_dir, "api", "v1.json")] + sorted(glob.glob(os.path.join(openapi_dir, "apis", "*", "*.json")))
    for f in files:
        rel = os.path.relpath(f, openapi_dir)[:-5]
        # A default v1.32 API server serves no alpha and (for these groups) no beta versions:
        # FAKE_ALL_VERSIONS=1 serves every document anyway.
        if re.search(r"v\d+(alpha|beta)\d+$", rel) and not os.environ.get("FAKE_ALL_VERSIONS"):
            continue
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
        rewritten.append(rewrite(doc))
        docs[rel] = json.dumps(rewritten[-1]).encode()
        discovery[gv] = sorted(resources.values(), key=lambda r: r["name"])
    docs["v2"] = openapi_v2(rewritten)
    if os.environ.get("FAKE_CRDS"):
        with open(os.environ["FAKE_CRDS"]) as fh:
            crds = json.load(fh)
        add_custom_resources(crds.get("items", [crds]), rewritten, docs, discovery)
    return docs, discovery


def unfold_int_or_string(s):
    """The API server's structural-schema Unfold: an int-or-string value gains anyOf integer/string."""
    if not isinstance(s, dict):
        return
    if s.get("x-kubernetes-int-or-string") and "anyOf" not in s and "allOf" not in s:
        s["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    for p in s.get("properties", {}).values():
        unfold_int_or_string(p)
    for k in ("items", "additionalProperties"):
        unfold_int_or_string(s.get(k))


def add_embedded_properties(s, key):
    """The API server's builder: an embedded resource gets apiVersion, kind and metadata (synthetic
    descriptions here), and kind and apiVersion become required."""
    if not isinstance(s, dict):
        return
    for k, p in s.get("properties", {}).items():
        add_embedded_properties(p, key + "." + k)
    add_embedded_properties(s.get("items"), key + "[]")
    add_embedded_properties(s.get("additionalProperties"), key + "{}")
    if s.get("x-kubernetes-embedded-resource"):
        props = s.setdefault("properties", {})
        props["apiVersion"] = {"type": "string", "description": synth_description(key + ".apiVersion")}
        props["kind"] = {"type": "string", "description": synth_description(key + ".kind")}
        props["metadata"] = {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}],
                             "description": synth_description(key + ".metadata")}
        required = s.setdefault("required", [])
        for r in ("kind", "apiVersion"):
            if r not in required:
                required.append(r)


def add_custom_resources(crds, rewritten, docs, discovery):
    """FAKE_CRDS=FILE (a CRD or a List of them): each served version is published as the API server
    does (discovery, and an OpenAPI v3 document with the version's schema, apiVersion, kind and
    metadata added with synthetic descriptions, its group-version-kind, and ObjectMeta's definitions)."""
    core = {}
    for doc in rewritten:
        core.update(doc.get("components", {}).get("schemas", {}))
    meta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
    closure, pending = {}, [meta]
    while pending:
        n = pending.pop()
        if n in closure:
            continue
        closure[n] = core[n]
        pending += re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(core[n]))
    for crd in crds:
        spec = crd["spec"]
        group, names = spec["group"], spec["names"]
        for v in spec["versions"]:
            if not v.get("served"):
                continue
            name = ".".join(reversed(group.split("."))) + "." + v["name"] + "." + names["kind"]
            root = json.loads(json.dumps(v.get("schema", {}).get("openAPIV3Schema", {"type": "object"})))
            unfold_int_or_string(root)
            add_embedded_properties(root, name)
            props = root.setdefault("properties", {})
            props["apiVersion"] = {"type": "string", "description": synth_description(name + ".apiVersion")}
            props["kind"] = {"type": "string", "description": synth_description(name + ".kind")}
            props["metadata"] = {"allOf": [{"$ref": "#/components/schemas/" + meta}],
                                 "description": synth_description(name + ".metadata")}
            root["x-kubernetes-group-version-kind"] = [{"group": group, "version": v["name"], "kind": names["kind"]}]
            schemas = dict(closure)
            schemas[name] = root
            ref = {"schema": {"$ref": "#/components/schemas/" + name}}
            ns = "namespaces/{namespace}/" if spec["scope"] == "Namespaced" else ""
            path = "/apis/%s/%s/%s%s/{name}" % (group, v["name"], ns, names["plural"])
            paths = {path: {"get": {"responses": {"200": {"content": {"application/json": ref}, "description": "OK"}},
                                    "x-kubernetes-action": "get",
                                    "x-kubernetes-group-version-kind": root["x-kubernetes-group-version-kind"][0]}}}
            docs["apis/%s/%s" % (group, v["name"])] = json.dumps(
                {"openapi": "3.0.0", "info": {"title": "Kubernetes CRD Swagger", "version": "v0.1.0"},
                 "paths": paths, "components": {"schemas": schemas}}).encode()
            discovery.setdefault(group + "/" + v["name"], []).append(
                {"name": names["plural"], "singularName": names.get("singular", ""),
                 "namespaced": spec["scope"] == "Namespaced", "kind": names["kind"], "verbs": ["get", "list"],
                 "shortNames": names.get("shortNames", []), "categories": names.get("categories", [])})


# --- /openapi/v2 (for `--output=plaintext-openapiv2`): the same documents, rewritten as one OpenAPI v2
# document and encoded in protobuf by hand (gnostic's openapi.v2 messages, the fields kubectl reads).

def pb_key(field, wire):
    return pb_varint(field << 3 | wire)


def pb_varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb_bytes(field, data):
    if isinstance(data, str):
        data = data.encode()
    return pb_key(field, 2) + pb_varint(len(data)) + data


def pb_any(value):
    """gnostic Any: the value as YAML text (JSON is YAML) in field 2."""
    return pb_bytes(2, json.dumps(value))


def v2_ref(ref):
    return ref.replace("#/components/schemas/", "#/definitions/")


def pb_schema(s):
    """A v3 schema (after rewrite) as a gnostic openapi.v2 Schema message."""
    if "allOf" in s and len(s["allOf"]) == 1 and "$ref" in s["allOf"][0]:
        s = dict(s, **{"$ref": s["allOf"][0]["$ref"]})
        s.pop("allOf")
    out = b""
    if "$ref" in s:
        out += pb_bytes(1, v2_ref(s["$ref"]))
    if "format" in s:
        out += pb_bytes(2, s["format"])
    if s.get("description"):
        out += pb_bytes(4, s["description"])
    for r in s.get("required", []):
        out += pb_bytes(19, r)
    for e in s.get("enum", []):
        out += pb_bytes(20, pb_any(e))
    ap = s.get("additionalProperties")
    if isinstance(ap, dict):
        out += pb_bytes(21, pb_bytes(1, pb_schema(ap)))
    elif isinstance(ap, bool):
        out += pb_bytes(21, pb_key(2, 0) + pb_varint(int(ap)))
    t = s.get("type")
    if t is None and "oneOf" in s:
        t = "string"  # IntOrString and Quantity are strings in v2
    if t:
        out += pb_bytes(22, pb_bytes(1, t))
    if "items" in s:
        out += pb_bytes(23, pb_bytes(1, pb_schema(s["items"])))
    if "properties" in s:
        props = b"".join(pb_bytes(1, pb_bytes(1, k) + pb_bytes(2, pb_schema(v))) for k, v in s["properties"].items())
        out += pb_bytes(25, props)
    for k, v in s.items():
        if k.startswith("x-"):
            out += pb_bytes(31, pb_bytes(1, k) + pb_bytes(2, pb_any(v)))
    return out


def openapi_v2(rewritten_docs):
    defs = {}
    for doc in rewritten_docs:
        defs.update(doc.get("components", {}).get("schemas", {}))
    body = b"".join(pb_bytes(1, pb_bytes(1, k) + pb_bytes(2, pb_schema(v))) for k, v in sorted(defs.items()))
    return pb_bytes(1, "2.0") + pb_bytes(2, pb_bytes(1, "Kubernetes") + pb_bytes(2, "v1.32.0")) + pb_bytes(9, body)


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
            return {"paths": {rel: {"serverRelativeURL": "/openapi/v3/" + rel + "?hash=0"} for rel in docs if rel != "v2"}}
        if path == "/openapi/v2":
            return docs["v2"]
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
            proto = self.path.split("?")[0] == "/openapi/v2"
            self.send_header("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf" if proto else "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("FAKE_PORT", "0"))), Handler)
    with open(portfile + ".tmp", "w") as fh:
        fh.write(str(srv.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    srv.serve_forever()


if __name__ == "__main__":
    main()
