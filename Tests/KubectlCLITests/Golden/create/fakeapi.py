import json, os, re, sys, time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer
def res(name, kind, namespaced=True, verbs=("get","list","create","update","patch","delete","watch"), short=None):
    r = {"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind, "verbs": list(verbs)}
    if short: r["shortNames"] = short
    if kind == "Scale": r.update(group="autoscaling", version="v1")  # as the API server lists /scale
    return r
groups = {
 "v1": [res("pods","Pod",short=["po"]), res("pods/log","Pod",verbs=("get",)), res("pods/exec","PodExecOptions",verbs=("create","get")), res("services","Service",short=["svc"]), res("configmaps","ConfigMap",short=["cm"]), res("secrets","Secret"), res("namespaces","Namespace",False,short=["ns"]), res("nodes","Node",False,short=["no"]), res("serviceaccounts","ServiceAccount",short=["sa"])],
 "apps/v1": [res("deployments","Deployment",short=["deploy"]), res("deployments/scale","Scale",verbs=("get","patch","update")), res("replicasets","ReplicaSet",short=["rs"]), res("statefulsets","StatefulSet",short=["sts"]), res("daemonsets","DaemonSet",short=["ds"])],
 "batch/v1": [res("jobs","Job"), res("cronjobs","CronJob",short=["cj"])],
 "rbac.authorization.k8s.io/v1": [res("roles","Role"), res("clusterroles","ClusterRole",False), res("rolebindings","RoleBinding"), res("clusterrolebindings","ClusterRoleBinding",False)],
 "networking.k8s.io/v1": [res("ingresses","Ingress",short=["ing"])],
 "authorization.k8s.io/v1": [res("selfsubjectaccessreviews","SelfSubjectAccessReview",False,verbs=("create",)), res("selfsubjectrulesreviews","SelfSubjectRulesReview",False,verbs=("create",))],
 "authentication.k8s.io/v1": [res("selfsubjectreviews","SelfSubjectReview",False,verbs=("create",)), res("tokenreviews","TokenReview",False,verbs=("create",))],
 "certificates.k8s.io/v1": [res("certificatesigningrequests","CertificateSigningRequest",False,short=["csr"])],
 "extensions/v1beta1": [res("ingresses","Ingress",short=["ing"]), res("deployments","Deployment")],
}
# FAKEAPI_GROUPS=groups.json adds resources to discovery: {"group/version": [[name, kind, namespaced], ...]}.
for _gv, _rs in (json.load(open(os.environ["FAKEAPI_GROUPS"])) if os.environ.get("FAKEAPI_GROUPS") else {}).items():
    groups.setdefault(_gv, []).extend(res(r[0], r[1], r[2]) for r in _rs)
# FAKEAPI_ROUTES=routes.json serves recorded responses: {"/path?query": body or {"code": N, "body": ...}};
# a path without its query matches any query. FAKEAPI_NOW=<RFC3339> shifts every timestamp in served
# bodies by (real now - FAKEAPI_NOW), so kubectl's ages (LAST SEEN, AGE) read as they did at FAKEAPI_NOW.
routes = json.load(open(os.environ["FAKEAPI_ROUTES"])) if os.environ.get("FAKEAPI_ROUTES") else {}
if routes:
    groups["v1"] += [res("events","Event",short=["ev"]), res("pods/ephemeralcontainers","Pod",verbs=("get","patch","update"))]
    groups["certificates.k8s.io/v1"] = [res("certificatesigningrequests","CertificateSigningRequest",False,short=["csr"]), res("certificatesigningrequests/approval","CertificateSigningRequest",False,verbs=("get","patch","update"))]
    groups["events.k8s.io/v1"] = [res("events","Event",short=["ev"])]
# FAKEAPI_WORKLOADS=1 (the expose/scale/rollout/autoscale recordings): the rest of the workload API
# (replication controllers, controller revisions, every scale subresource, autoscaling).
if os.environ.get("FAKEAPI_WORKLOADS"):
    groups["v1"] += [res("replicationcontrollers","ReplicationController",short=["rc"]), res("replicationcontrollers/scale","Scale",verbs=("get","patch","update"))]
    groups["apps/v1"] += [res("controllerrevisions","ControllerRevision"), res("replicasets/scale","Scale",verbs=("get","patch","update")), res("statefulsets/scale","Scale",verbs=("get","patch","update"))]
    groups["autoscaling/v2"] = [res("horizontalpodautoscalers","HorizontalPodAutoscaler",short=["hpa"])]
    groups["autoscaling/v1"] = [res("horizontalpodautoscalers","HorizontalPodAutoscaler",short=["hpa"])]
TS = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$')
def parse_ts(s):
    base, frac = (s[:-1].split(".") + [""])[:2]
    t = datetime.strptime(base, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
    return t + (float("0." + frac) if frac else 0), frac
def shift(v, delta):
    if isinstance(v, dict): return {k: shift(x, delta) for k, x in v.items()}
    if isinstance(v, list): return [shift(x, delta) for x in v]
    if isinstance(v, str) and TS.match(v):
        t, frac = parse_ts(v)
        out = datetime.fromtimestamp(t + delta, timezone.utc)
        return out.strftime("%Y-%m-%dT%H:%M:%S") + ("." + out.strftime("%f")[:len(frac)] if frac else "") + "Z"
    return v
def field(o, dotted):
    for k in dotted.split("."): o = o.get(k, {}) if isinstance(o, dict) else {}
    return o if isinstance(o, str) else ""
def routed(path):
    r = routes.get(path, routes.get(path.split("?")[0]))
    if r is None: return None
    code, body = (r["code"], r["body"]) if isinstance(r, dict) and "code" in r and "body" in r else (200, r)
    from urllib.parse import parse_qs, urlsplit
    ls = parse_qs(urlsplit(path).query).get("labelSelector", [""])[0]
    if ls and isinstance(body, dict) and "items" in body and re.fullmatch(r"[\w./-]+==?[\w.-]*(,[\w./-]+==?[\w.-]*)*", ls):  # equality terms only
        terms = [t.replace("==", "=").split("=", 1) for t in ls.split(",")]
        body = dict(body, items=[i for i in body["items"] if all((i.get("metadata", {}).get("labels") or {}).get(k) == v for k, v in terms)])
    fs = parse_qs(urlsplit(path).query).get("fieldSelector", [""])[0]
    if fs and isinstance(body, dict) and "items" in body:  # equality terms only
        terms = [t.split("=", 1) for t in fs.split(",")]
        body = dict(body, items=[i for i in body["items"] if all(field(i, k) == v for k, v in terms)])
    if os.environ.get("FAKEAPI_NOW"): body = shift(body, time.time() - parse_ts(os.environ["FAKEAPI_NOW"])[0])
    return code, body
# FAKEAPI_NOTFOUND=1: a GET of a missing object of a served type answers as the API server does
# (`cronjobs.batch "x" not found`) instead of the generic 404 of an unknown path.
def not_found(path):
    m = re.match(r'^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/[^/]+)?/([^/]+)/([^/]+)$', path)
    if not m: return None
    group, plural, name = m.group(1) or "", m.group(2), m.group(3)
    gv = (group + "/" if group else "") + path.split("/")[3 if group else 2]
    if plural not in [r["name"] for r in groups.get(gv, [])]: return None
    what = plural + ("." + group if group else "")
    return {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":what + " \"" + name + "\" not found",
            "reason":"NotFound","details":{"name":name,"group":group,"kind":plural} if group else {"name":name,"kind":plural},"code":404}
cronjob = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else None
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    # FAKEAPI_COMPACT=1: bodies as the API server writes them (Go's encoding/json: no spaces, UTF-8 kept,
    # <, > and & escaped), so raw fields kubectl compares byte for byte (a ControllerRevision's data) match.
    def send(self, code, obj):
        if os.environ.get("FAKEAPI_COMPACT"):
            t = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
            for c, e in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")): t = t.replace(c, e)
            b = t.encode()
        else:
            b = json.dumps(obj).encode()
        self.send_response(code); self.send_header("Content-Type","application/json"); self.send_header("Content-Length",str(len(b))); self.end_headers(); self.wfile.write(b)
    def do_GET(self):
        r = routed(self.path)
        if r is not None:
            if isinstance(r[1], str):
                b = r[1].encode()
                self.send_response(r[0]); self.send_header("Content-Type","text/plain"); self.send_header("Content-Length",str(len(b))); self.end_headers(); return self.wfile.write(b)
            return self.send(*r)
        if os.environ.get("FAKEAPI_LOG"): open(os.environ["FAKEAPI_LOG"], "a").write("GET " + self.path + "\n")
        p = self.path.split("?")[0]
        if p == "/api": return self.send(200, {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"x"}]})
        if p == "/apis":
            gl = []
            seen = {}
            for gv in groups:
                if gv == "v1": continue
                g, v = gv.split("/")
                seen.setdefault(g, []).append(v)
            for g, vs in seen.items():
                gl.append({"name": g, "versions": [{"groupVersion": g+"/"+v, "version": v} for v in vs], "preferredVersion": {"groupVersion": g+"/"+vs[0], "version": vs[0]}})
            return self.send(200, {"kind":"APIGroupList","apiVersion":"v1","groups":gl})
        if p == "/api/v1": return self.send(200, {"kind":"APIResourceList","groupVersion":"v1","resources":groups["v1"]})
        if p.startswith("/apis/"):
            parts = p[6:].split("/")
            gv = "/".join(parts[:2])
            if len(parts) == 2 and gv in groups: return self.send(200, {"kind":"APIResourceList","apiVersion":"v1","groupVersion":gv,"resources":groups[gv]})
            if gv == "batch/v1" and len(parts) == 6 and parts[4] == "cronjobs" and cronjob is not None and parts[5] == cronjob["metadata"]["name"]:
                return self.send(200, cronjob)
        if os.environ.get("FAKEAPI_NOTFOUND"):
            nf = not_found(p)
            if nf: return self.send(404, nf)
        self.send(404, {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404})
    def do_PUT(self):
        # With recorded routes, an update is accepted as sent (kubectl certificate approve|deny).
        # The body (JSON or protobuf) goes back as it came.
        if not routes: return self.send(405, {})
        b = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.method_route("PUT"): return
        if os.environ.get("FAKEAPI_LOG"): open(os.environ["FAKEAPI_LOG"], "a").write("PUT " + self.path + "\n")
        self.send_response(200); self.send_header("Content-Type", self.headers.get("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b)
    # Review and token requests (auth can-i, auth whoami, create token) are answered with the JSON file
    # named by FAKEAPI_RESPONSE when the server started (its content is read for each request: the
    # recording copies each case's answer there), with the request's body saved as <file>.request.
    def do_POST(self):
        import os
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        answer = os.environ.get("FAKEAPI_RESPONSE", "")
        if answer and os.path.exists(answer):
            open(answer + ".request", "wb").write(body)
            doc = json.load(open(answer))
            return self.send(doc.get("code", 201) if doc.get("kind") == "Status" else 201, doc)
        if os.environ.get("FAKEAPI_ECHO"): return self.echo("POST", body, 201)
        self.send(404, {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404})
    # FAKEAPI_ECHO=<file> (kubectl debug): a create answers with the object sent, a patch of a subresource
    # (pods/NAME/ephemeralcontainers) and a delete with the recorded object; each request's method, path
    # and body are appended to <file>.
    def echo(self, method, body, code):
        ctype = self.headers.get("Content-Type", "application/json")
        open(os.environ["FAKEAPI_ECHO"], "a").write(method + " " + self.path + "\n" + (body.decode() if "json" in ctype else "(protobuf)") + "\n")
        if method == "POST":
            if "json" not in ctype:  # a typed client's protobuf body goes back as it came
                self.send_response(code); self.send_header("Content-Type", ctype); self.send_header("Content-Length", str(len(body)))
                self.end_headers(); return self.wfile.write(body)
            obj = json.loads(body)
        else:
            r = routed(self.path.rsplit("/ephemeralcontainers", 1)[0])
            if r is None: return self.send(404, {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"not found" if "ephemeralcontainers" in self.path else "the server could not find the requested resource","reason":"NotFound","code":404})
            obj = r[1]
        self.send(code, obj)
    # A route keyed "PUT /path" or "PATCH /path" answers that method with its recorded code and body
    # (replace/apply --subresource: the API server's refusals).
    def method_route(self, method):
        r = routes.get(method + " " + self.path.split("?")[0])
        if r is None: return False
        self.send(r["code"], r["body"]); return True
    def do_PATCH(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.method_route("PATCH"): return
        if os.environ.get("FAKEAPI_ECHO"): return self.echo("PATCH", body, 200)
        self.send(405, {})
    def do_DELETE(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if os.environ.get("FAKEAPI_ECHO"): return self.echo("DELETE", body, 200)
        self.send(405, {})
HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
