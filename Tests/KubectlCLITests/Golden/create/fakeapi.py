import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
def res(name, kind, namespaced=True, verbs=("get","list","create","update","patch","delete","watch"), short=None):
    r = {"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind, "verbs": list(verbs)}
    if short: r["shortNames"] = short
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
cronjob = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else None
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def send(self, code, obj):
        b = json.dumps(obj).encode()
        self.send_response(code); self.send_header("Content-Type","application/json"); self.send_header("Content-Length",str(len(b))); self.end_headers(); self.wfile.write(b)
    def do_GET(self):
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
        self.send(404, {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404})
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
        self.send(404, {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404})
HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
