import KubeModel
import KubeRegistry
import Testing

@testable import KubeAPI

/// The scheduler after a node change asks one pending pod per scheduling class, and the Endpoints
/// controller merges the pods that changed into the Endpoints it wrote: both must end where reading
/// every pending or selected pod ends.
@Suite struct IncrementalSchedulingTests {
    func node(_ name: String, pods: Int, labels: JSONValue = .null, taints: JSONValue = .null) -> JSONValue {
        var n: JSONValue = ["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name)],
                            "status": ["allocatable": ["pods": .string(String(pods))]]]
        if !labels.isNull { n["metadata"]["labels"] = labels }
        if !taints.isNull { n["spec"]["taints"] = taints }
        return n
    }

    func pod(_ name: String, spec extra: JSONValue = .emptyObject) -> JSONValue {
        var spec: JSONValue = ["containers": [["name": "c", "image": "nginx"]]]
        for (k, v) in extra.object ?? JSONObject() { spec[k] = v }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name)], "spec": spec]
    }

    func message(_ c: Cluster, _ name: String) throws -> String? {
        let pod = try c.get("", "Pod", name)!
        return (pod["status"]["conditions"].array ?? []).first { $0["type"].string == "PodScheduled" }?["message"].string
    }

    func nodeOf(_ c: Cluster, _ name: String) throws -> String? { try c.get("", "Pod", name)!["spec"]["nodeName"].string }

    func version(_ c: Cluster, _ name: String) throws -> String? { try c.get("", "Pod", name)!["metadata"]["resourceVersion"].string }

    @Test func pendingPodsFollowNodeChangesByClass() throws {
        let c = try Cluster()
        try c.update("", "Node", "node-1", ns: "") { $0["spec"]["unschedulable"] = true }
        // kube-proxy (a DaemonSet) takes one place on node-2: two are left.
        try c.create(node("node-2", pods: 3), "", "Node", ns: "")
        let toleration: JSONValue = ["tolerations": [["key": "dedicated", "operator": "Equal", "value": "db", "effect": "NoSchedule"]]]
        for (name, spec) in [("p0", JSONValue.emptyObject), ("p1", .emptyObject), ("p2", .emptyObject), ("t0", toleration),
                             ("p3", .emptyObject), ("s0", ["nodeSelector": ["disk": "ssd"]]), ("p4", .emptyObject)] {
            try c.create(pod(name, spec: spec), "", "Pod")
        }
        #expect(try nodeOf(c, "p0") == "node-2" && nodeOf(c, "p1") == "node-2")
        let full2 = "0/2 nodes are available: 1 Too many pods, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."
        let selector2 = "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."
        for name in ["p2", "t0", "p3", "p4"] { let m = try message(c, name); #expect(m == full2) }
        #expect(try message(c, "s0") == selector2)

        // A node write that changes no answer leaves every pending pod as it is.
        let before = try ["p2", "t0", "p3", "s0", "p4"].map { try version(c, $0) }
        let failed = try c.events(reason: "FailedScheduling").count
        try c.update("", "Node", "node-2", ns: "") { $0["metadata"]["annotations"]["note"] = "x" }
        #expect(try ["p2", "t0", "p3", "s0", "p4"].map { try version(c, $0) } == before)
        #expect(try c.events(reason: "FailedScheduling").count == failed)

        // A tainted node with the label: the pod that tolerates the taint goes there, every other
        // pending pod is told about the third node.
        try c.create(node("node-3", pods: 2, labels: ["disk": "ssd"], taints: [["key": "dedicated", "value": "db", "effect": "NoSchedule"]]),
                     "", "Node", ns: "")
        #expect(try nodeOf(c, "t0") == "node-3")
        #expect(try c.get("", "Pod", "t0")!["status"]["phase"].string == "Running")
        let full3 = "0/3 nodes are available: 1 Too many pods, 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling."
        for name in ["p2", "p3", "p4"] { let m = try message(c, name); #expect(m == full3) }
        #expect(try message(c, "s0") == "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")

        // Room for one more on node-2: the oldest pending pod takes it, the others keep their answer.
        let p3Version = try version(c, "p3"), s0Version = try version(c, "s0")
        try c.update("", "Node", "node-2", ns: "") { $0["status"]["allocatable"]["pods"] = "4" }
        #expect(try nodeOf(c, "p2") == "node-2")
        #expect(try version(c, "p3") == p3Version && version(c, "s0") == s0Version)
        #expect(try message(c, "p4") == full3)

        // node-1 uncordoned: the plain pods go there; the one that wants a disk does not.
        try c.update("", "Node", "node-1", ns: "") { _ = $0.remove(["spec", "unschedulable"]) }
        #expect(try nodeOf(c, "p3") == "node-1" && nodeOf(c, "p4") == "node-1")
        #expect(try message(c, "s0") == "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")

        // node-3's taint goes: kube-proxy takes its last place first, so the pod that wants a disk is
        // told the node is full.
        try c.update("", "Node", "node-3", ns: "") { _ = $0.remove(["spec", "taints"]) }
        #expect(try nodeOf(c, "s0") == nil)
        #expect(try message(c, "s0") == "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.")
        // A pod leaving node-3 makes room for it.
        try c.delete("", "Pod", "t0")
        // Once it is gone: a Terminating pod still holds its place.
        #expect(try nodeOf(c, "s0") == nil)
        try c.settle()
        #expect(try nodeOf(c, "s0") == "node-3")
    }

    @Test func allocatablePodsIsAQuantity() throws {
        let c = try Cluster()
        try c.update("", "Node", "node-1", ns: "") { $0["spec"]["unschedulable"] = true }
        // 1000 is stored as "1k": the node holds 1000 pods, not the default 110.
        try c.create(node("node-2", pods: 1000), "", "Node", ns: "")
        #expect(try c.get("", "Node", "node-2", ns: "")!["status"]["allocatable"]["pods"].string == "1k")
        try c.create(deployment("many", replicas: 120), "apps", "Deployment")
        let pods = try c.list("", "Pod").filter { ($0["metadata"]["name"].string ?? "").hasPrefix("many-") }
        #expect(pods.count == 120)
        #expect(pods.allSatisfy { $0["spec"]["nodeName"].string == "node-2" })
    }

    func webPod(_ name: String, app: String = "web", port: Int64) -> JSONValue {
        ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "labels": ["app": .string(app)]],
         "spec": ["containers": [["name": "c", "image": "nginx", "ports": [["name": "http", "containerPort": .int(port)]]]]]]
    }

    /// The Endpoints' pods (ready ones) and port, and the EndpointSlice's pods.
    func endpoints(_ c: Cluster) throws -> (pods: [String], port: Int64?, slice: [String]) {
        let ep = try c.get("", "Endpoints", "web")!
        let pods = (ep["subsets"][0]["addresses"].array ?? []).compactMap { $0["targetRef"]["name"].string }
        let slice = try webSlice(c)
        return (pods, ep["subsets"][0]["ports"][0]["port"].int, (slice["endpoints"].array ?? []).compactMap { $0["targetRef"]["name"].string })
    }

    /// The slice of Service `web` (default also holds the kubernetes Service's).
    func webSlice(_ c: Cluster) throws -> JSONValue {
        try #require(try c.list("discovery.k8s.io", "EndpointSlice").first { $0["metadata"]["labels"]["kubernetes.io/service-name"].string == "web" })
    }

    /// A Service write makes the controller read every selected pod: nothing may change then.
    func expectSameAsFullSync(_ c: Cluster) throws {
        let ep = try c.get("", "Endpoints", "web")!
        let slice = try webSlice(c)
        try c.update("", "Service", "web") { $0["metadata"]["annotations"]["touch"] = .string(ep["metadata"]["resourceVersion"].string ?? "") }
        let after = try c.get("", "Endpoints", "web")!
        #expect(after == ep)
        #expect(try webSlice(c) == slice)
    }

    @Test func endpointsFollowEachPodChange() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
                      "spec": ["selector": ["app": "web"], "ports": [["port": 80, "targetPort": "http"]]]], "", "Service")
        try c.create(webPod("a1", port: 8080), "", "Pod")
        try c.create(webPod("a2", port: 9090), "", "Pod")
        try c.create(webPod("b1", app: "other", port: 7070), "", "Pod")
        try c.create(webPod("a3", port: 9090), "", "Pod")
        var e = try endpoints(c)
        #expect(e.pods == ["a1", "a2", "a3"] && e.slice == e.pods && e.port == 8080)
        try expectSameAsFullSync(c)
        // Labels moved: a2 leaves, b1 joins (in address order: b1 got its address before a3).
        try c.update("", "Pod", "a2") { $0["metadata"]["labels"]["app"] = "other" }
        try c.update("", "Pod", "b1") { $0["metadata"]["labels"]["app"] = "web" }
        e = try endpoints(c)
        #expect(e.pods == ["a1", "b1", "a3"] && e.slice == e.pods && e.port == 8080)
        try expectSameAsFullSync(c)
        // The first pod goes: the port comes from the next one's named port.
        try c.delete("", "Pod", "a1")
        e = try endpoints(c)
        #expect(e.pods == ["b1", "a3"] && e.slice == e.pods && e.port == 7070)
        try expectSameAsFullSync(c)
        // A pod of another app changes: the Endpoints are not written.
        let rv = try c.get("", "Endpoints", "web")!["metadata"]["resourceVersion"]
        try c.update("", "Pod", "a2") { $0["metadata"]["labels"]["tier"] = "x" }
        #expect(try c.get("", "Endpoints", "web")!["metadata"]["resourceVersion"] == rv)
        // Endpoints written by someone else are computed from every pod at the next change.
        try c.update("", "Endpoints", "web") { $0["subsets"] = [["addresses": [["ip": "10.0.0.1"]]]] }
        try c.create(webPod("a4", port: 9090), "", "Pod")
        e = try endpoints(c)
        #expect(e.pods == ["b1", "a3", "a4"] && e.slice == e.pods)
        try expectSameAsFullSync(c)
        // Every pod gone: no subsets.
        for name in ["b1", "a3", "a4"] { try c.delete("", "Pod", name) }
        #expect(try c.get("", "Endpoints", "web")!["subsets"].isNull)
        #expect(try endpoints(c).slice.isEmpty)
    }
}
