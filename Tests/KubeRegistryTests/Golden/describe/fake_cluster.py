#!/usr/bin/env python3
"""A fake API server that serves recorded objects, for recording `kubectl describe` goldens.

Discovery comes from the v1.32 OpenAPI documents (through the explain fixture's fake_apiserver.load).
Objects come from every fixtures/*.json file (each a JSON list of objects). GET of one object, LIST of
a resource (namespaced or across namespaces) with labelSelector and fieldSelector (any dotted field,
`=`, `==`, `!=`, comma = AND) are answered the way an API server answers them; anything else is 404.

Usage: fake_cluster.py OPENAPI_DIR FIXTURES_DIR PORTFILE
"""
import glob, json, os, re, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "KubeSchemaTests", "Fixtures", "explain"))
import fake_apiserver  # noqa: E402


def field(obj, path):
    v = obj
    for k in path.split("."):
        v = v.get(k) if isinstance(v, dict) else None
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def field_match(obj, sel):
    for term in filter(None, sel.split(",")):
        if "!=" in term:
            k, v = term.split("!=", 1)
            if field(obj, k) == v:
                return False
        else:
            k, v = term.split("==", 1) if "==" in term else term.split("=", 1)
            if field(obj, k) != v:
                return False
    return True


def split_terms(sel):
    terms, depth, cur = [], 0, ""
    for ch in sel:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            terms.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        terms.append(cur)
    return terms


def label_match(obj, sel):
    labels = obj.get("metadata", {}).get("labels") or {}
    for term in split_terms(sel):
        term = term.strip()
        m = re.match(r"^(\S+)\s+(in|notin)\s+\((.*)\)$", term)
        if m:
            vals = {x.strip() for x in m.group(3).split(",")}
            has = m.group(1) in labels and labels[m.group(1)] in vals
            if (m.group(2) == "in") != has:
                return False
        elif term.startswith("!"):
            if term[1:] in labels:
                return False
        elif "!=" in term:
            k, v = term.split("!=", 1)
            if labels.get(k) == v:
                return False
        elif "=" in term:
            k, v = term.split("==", 1) if "==" in term else term.split("=", 1)
            if labels.get(k) != v:
                return False
        elif term not in labels:
            return False
    return True


def main():
    openapi_dir, fixtures_dir, portfile = sys.argv[1], sys.argv[2], sys.argv[3]
    _, discovery = fake_apiserver.load(openapi_dir)
    groups = {}
    for gv in discovery:
        if gv != "v1":
            g, v = gv.split("/")
            groups.setdefault(g, []).append(v)
    for vs in groups.values():
        vs.sort(key=fake_apiserver.version_priority)
    kinds = {}  # (groupVersion, plural) -> (kind, namespaced)
    for gv, resources in discovery.items():
        for r in resources:
            kinds[(gv, r["name"])] = (r["kind"], r["namespaced"])
    objects = []
    for f in sorted(glob.glob(os.path.join(fixtures_dir, "*.json"))):
        with open(f) as fh:
            objects += json.load(fh)

    def group_of(api_version):
        return api_version.split("/")[0] if "/" in api_version else ""

    def answer(path, query):
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
        m = re.match(r"^/(?:api/(v1)|apis/([^/]+/[^/]+))(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?$", path)
        if not m:
            return None
        gv = m.group(1) or m.group(2)
        ns, plural, name = m.group(3), m.group(4), m.group(5)
        if (gv, plural) not in kinds:
            return None
        kind, namespaced = kinds[(gv, plural)]
        group = group_of(gv)
        hits = [o for o in objects if o.get("kind") == kind and group_of(o.get("apiVersion", "")) == group
                and (ns is None or o.get("metadata", {}).get("namespace") == ns)]
        if name is not None:
            for o in hits:
                if o["metadata"]["name"] == name:
                    o = dict(o)
                    o["apiVersion"] = gv
                    return o
            return 404, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                         "message": '%s "%s" not found' % (plural if not group else plural + "." + group, name),
                         "reason": "NotFound", "details": {"name": name, "group": group, "kind": plural},
                         "code": 404}
        if "labelSelector" in query:
            hits = [o for o in hits if label_match(o, query["labelSelector"][0])]
        if "fieldSelector" in query:
            hits = [o for o in hits if field_match(o, query["fieldSelector"][0])]
        hits.sort(key=lambda o: (o["metadata"].get("namespace", ""), o["metadata"]["name"]))
        items = []
        for o in hits:
            o = dict(o)
            o.pop("apiVersion", None)
            o.pop("kind", None)
            items.append(o)
        return {"kind": kind + "List", "apiVersion": gv, "metadata": {"resourceVersion": "1"}, "items": items}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            u = urlsplit(self.path)
            body = answer(u.path, parse_qs(u.query))
            code = 200
            if isinstance(body, tuple):
                code, body = body
            if body is None:
                code, body = 404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound",
                                   "message": "the server could not find the requested resource", "code": 404}
            data = json.dumps(body).encode()
            self.send_response(code)
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
