#!/usr/bin/env python3
"""A fake API server that serves recorded objects, for recording `kubectl describe` goldens.

Discovery comes from the v1.32 OpenAPI documents (through the explain fixture's fake_apiserver.load).
Objects come from every fixtures/*.json file (each a JSON list of objects). GET of one object, LIST of
a resource (namespaced or across namespaces) with labelSelector and fieldSelector (any dotted field,
`=`, `==`, `!=`, comma = AND) are answered the way an API server answers them; anything else is 404.

Usage: fake_cluster.py OPENAPI_DIR FIXTURES_DIR PORTFILE

FAKE_NOW=<RFC 3339> shifts every timestamp of a served body by the whole seconds between FAKE_NOW and
the real clock, so kubectl's ages read as they would at FAKE_NOW; FAKE_DELTA_LOG=<file> gets one line
per request whose body held a timestamp, with the shift used (the sweeps shift absolute times in kubectl's output back by it).
FAKE_WATCH_IDLE=1 answers a watch (`watch=true`) as a server with nothing to report: the response stays
open, with no events, until the client goes (kubectl's own timeout ends it). Without it a watch gets the list.
FAKE_METRICS=1 adds the metrics API (metrics.k8s.io/v1beta1 pods and nodes), its figures following
kubectl-local's documented rule (SimulatedUsage): a Running pod's container uses what it requests, or
1m of CPU and 4Mi of memory; a node uses the sum of its Running pods.
"""
import calendar, glob, json, os, re, sys, time
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


TS = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$")


def shift(v, delta):
    if isinstance(v, dict):
        return {k: shift(x, delta) for k, x in v.items()}
    if isinstance(v, list):
        return [shift(x, delta) for x in v]
    m = TS.match(v) if isinstance(v, str) else None
    if m:
        t = calendar.timegm(time.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S")) + delta
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + (m.group(2) or "") + "Z"
    return v


SUFFIX = {"n": 10**-9, "u": 10**-6, "m": 10**-3, "": 1, "k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12,
          "P": 10**15, "E": 10**18, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60}


def quantity(q):
    """A Kubernetes quantity as a float (enough for the sweeps' figures)."""
    m = re.match(r"^([+-]?[0-9.]+)(?:[eE]([+-]?\d+))?([a-zA-Z]*)$", str(q))
    return float(m.group(1)) * 10 ** int(m.group(2) or 0) * SUFFIX[m.group(3)]


def usage(container):
    req = container.get("resources", {}).get("requests", {})
    cpu = quantity(req["cpu"]) if "cpu" in req else 0.001
    mem = quantity(req["memory"]) if "memory" in req else 4 * 2**20
    return int(round(cpu * 1000)), int(mem)


def metrics(path, query, objects):
    """The metrics API's answers for `path`, or None."""
    base = "/apis/metrics.k8s.io/v1beta1"
    running = [o for o in objects if o.get("kind") == "Pod" and o.get("status", {}).get("phase") == "Running"]
    if path == base:
        return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "metrics.k8s.io/v1beta1", "resources": [
            {"name": "nodes", "singularName": "", "namespaced": False, "kind": "NodeMetrics", "verbs": ["get", "list"]},
            {"name": "pods", "singularName": "", "namespaced": True, "kind": "PodMetrics", "verbs": ["get", "list"]}]}
    m = re.match("^" + base + r"(?:/namespaces/([^/]+))?/(pods|nodes)(?:/([^/]+))?$", path)
    if not m:
        return None
    ns, plural, name = m.groups()
    items = []
    if plural == "pods":
        for p in running:
            md = p["metadata"]
            if ns and md.get("namespace") != ns or name and md["name"] != name:
                continue
            if "labelSelector" in query and not label_match(p, query["labelSelector"][0]):
                continue
            if "fieldSelector" in query and not field_match(p, query["fieldSelector"][0]):
                continue
            items.append({"metadata": {"name": md["name"], "namespace": md["namespace"], "labels": md.get("labels", {})},
                          "timestamp": md["creationTimestamp"], "window": "10s", "containers": [
                              {"name": c["name"], "usage": {"cpu": "%dm" % usage(c)[0], "memory": str(usage(c)[1])}}
                              for c in p["spec"]["containers"]]})
    else:
        for n in (o for o in objects if o.get("kind") == "Node"):
            if name and n["metadata"]["name"] != name:
                continue
            if "labelSelector" in query and not label_match(n, query["labelSelector"][0]):
                continue
            cpu = sum(usage(c)[0] for p in running if p["spec"].get("nodeName") == n["metadata"]["name"] for c in p["spec"]["containers"])
            mem = sum(usage(c)[1] for p in running if p["spec"].get("nodeName") == n["metadata"]["name"] for c in p["spec"]["containers"])
            items.append({"metadata": {"name": n["metadata"]["name"], "labels": n["metadata"].get("labels", {})},
                          "timestamp": n["metadata"]["creationTimestamp"], "window": "10s",
                          "usage": {"cpu": "%dm" % cpu, "memory": str(mem)}})
    if name is not None:
        # metrics-server's NotFound names the group resource and, for pods, namespace/name
        key = "%s/%s" % (ns, name) if plural == "pods" else name
        gr = "podmetrics.metrics.k8s.io" if plural == "pods" else "nodemetrics.metrics.k8s.io"
        return items[0] if items else (404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound",
                                             "message": '%s "%s" not found' % (gr, key), "code": 404,
                                             "details": {"name": key, "group": "metrics.k8s.io", "kind": gr.split(".")[0]}})
    kind = "PodMetricsList" if plural == "pods" else "NodeMetricsList"
    return {"kind": kind, "apiVersion": "metrics.k8s.io/v1beta1", "metadata": {}, "items": items}


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
    # CustomResourceDefinitions among the fixtures add their served versions to discovery.
    for crd in (o for o in objects if o.get("kind") == "CustomResourceDefinition"):
        spec, names = crd.get("spec", {}), crd.get("spec", {}).get("names", {})
        for v in spec.get("versions", []):
            if not v.get("served"):
                continue
            gv = spec["group"] + "/" + v["name"]
            discovery.setdefault(gv, []).append({
                "name": names["plural"], "singularName": names.get("singular", ""),
                "namespaced": spec.get("scope") == "Namespaced", "kind": names["kind"],
                "verbs": ["get", "list"], "shortNames": names.get("shortNames", []),
                "categories": names.get("categories", [])})
            groups.setdefault(spec["group"], [])
            if v["name"] not in groups[spec["group"]]:
                groups[spec["group"]].append(v["name"])
                groups[spec["group"]].sort(key=fake_apiserver.version_priority)
    kinds.update({(gv, r["name"]): (r["kind"], r["namespaced"]) for gv, rs in discovery.items() for r in rs})

    def group_of(api_version):
        return api_version.split("/")[0] if "/" in api_version else ""

    def answer(path, query):
        if path == "/api":
            return {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": []}
        if path == "/apis":
            listed = dict(groups, **({"metrics.k8s.io": ["v1beta1"]} if os.environ.get("FAKE_METRICS") else {}))
            return {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
                {"name": g, "versions": [{"groupVersion": g + "/" + v, "version": v} for v in vs],
                 "preferredVersion": {"groupVersion": g + "/" + vs[0], "version": vs[0]}}
                for g, vs in listed.items()]}
        if os.environ.get("FAKE_METRICS") and path.startswith("/apis/metrics.k8s.io/"):
            return metrics(path, query, objects)
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
            if os.environ.get("FAKE_WATCH_IDLE") and parse_qs(u.query).get("watch", [""])[0] in ("true", "1"):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                self.wfile.flush()
                try:
                    self.rfile.read(1)  # blocks until the client closes the connection
                except OSError:
                    pass
                return
            body = answer(u.path, parse_qs(u.query))
            code = 200
            if isinstance(body, tuple):
                code, body = body
            if os.environ.get("FAKE_NOW") and body is not None:
                now = calendar.timegm(time.strptime(os.environ["FAKE_NOW"], "%Y-%m-%dT%H:%M:%SZ"))
                delta = int(time.time()) - now
                shifted = shift(body, delta)
                if shifted != body and os.environ.get("FAKE_DELTA_LOG"):
                    with open(os.environ["FAKE_DELTA_LOG"], "a") as fh:
                        fh.write("%d\n" % delta)
                body = shifted
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
