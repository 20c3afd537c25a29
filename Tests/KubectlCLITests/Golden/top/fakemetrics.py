# A fake API server with the metrics API (it ignores selectors): three pods, labelled tier=demo in the test, (their usage equals the requests the test gives
# the same pods in kubectl-local, which derives top figures from requests) and one node.
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
pods = [("default","a",["a"],[("100m","64Mi")]),("tools","b",["b"],[("1m","4Mi")]),("default","c",["c1","c2"],[("5m","10Mi"),("7m","3Mi")])]
def podm(ns,n,cs,us): return {"metadata":{"name":n,"namespace":ns},"timestamp":"2026-01-01T00:00:00Z","window":"10s","containers":[{"name":c,"usage":{"cpu":u[0],"memory":u[1]}} for c,u in zip(cs,us)]}
class H(BaseHTTPRequestHandler):
    def log_message(self,*a): pass
    def send(self,code,obj):
        b=json.dumps(obj).encode(); self.send_response(code); self.send_header("Content-Type","application/json"); self.send_header("Content-Length",str(len(b))); self.end_headers(); self.wfile.write(b)
    def do_GET(self):
        p=self.path.split("?")[0]; q=self.path
        if p=="/api": return self.send(200,{"kind":"APIVersions","versions":["v1"]})
        if p=="/apis": return self.send(200,{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}],"preferredVersion":{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}}]})
        if p=="/api/v1": return self.send(200,{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"nodes","singularName":"node","namespaced":False,"kind":"Node","verbs":["get","list"]},{"name":"pods","singularName":"pod","namespaced":True,"kind":"Pod","verbs":["get","list"]}]})
        if p=="/apis/metrics.k8s.io/v1beta1": return self.send(200,{"kind":"APIResourceList","groupVersion":"metrics.k8s.io/v1beta1","resources":[{"name":"nodes","singularName":"","namespaced":False,"kind":"NodeMetrics","verbs":["get","list"]},{"name":"pods","singularName":"","namespaced":True,"kind":"PodMetrics","verbs":["get","list"]}]})
        if p=="/apis/metrics.k8s.io/v1beta1/nodes": return self.send(200,{"kind":"NodeMetricsList","apiVersion":"metrics.k8s.io/v1beta1","metadata":{},"items":[{"metadata":{"name":"node-1"},"timestamp":"2026-01-01T00:00:00Z","window":"10s","usage":{"cpu":"250m","memory":"1024Mi"}}]})
        if p=="/api/v1/nodes": return self.send(200,{"kind":"NodeList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"node-1"},"status":{"allocatable":{"cpu":"2","memory":"4Gi"},"capacity":{"cpu":"2","memory":"4Gi"}}}]})
        if p.startswith("/apis/metrics.k8s.io/v1beta1") and p.endswith("/pods"):
            ns = p.split("/")[5] if "/namespaces/" in p else None
            return self.send(200,{"kind":"PodMetricsList","apiVersion":"metrics.k8s.io/v1beta1","metadata":{},"items":[podm(*x) for x in pods if ns is None or x[0]==ns]})
        self.send(404,{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"nf "+p})
HTTPServer(("127.0.0.1",int(sys.argv[1])),H).serve_forever()
