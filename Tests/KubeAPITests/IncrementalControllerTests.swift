import KubeModel
import KubeRegistry
import Testing

@testable import KubeAPI

/// Controllers that react to the one object that changed must end where a full recount ends.
@Suite struct IncrementalControllerTests {
    func node(_ name: String) -> JSONValue { ["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name)]] }

    func daemonSet(_ name: String) -> JSONValue {
        ["apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": .string(name)],
         "spec": ["selector": ["matchLabels": ["app": .string(name)]],
                  "template": ["metadata": ["labels": ["app": .string(name)]],
                               "spec": ["containers": [["name": "main", "image": "nginx"]]]]]]
    }

    /// The DaemonSet's pods by node, and its status counters, once the pods it deleted are gone.
    func state(_ c: Cluster, _ name: String) throws -> (byNode: [String: Int], status: [String: Int64]) {
        try c.settleAll()
        var byNode: [String: Int] = [:]
        for p in try c.list("", "Pod") where p["metadata"]["labels"]["app"].string == name {
            byNode[p["spec"]["nodeName"].string ?? "", default: 0] += 1
        }
        var status: [String: Int64] = [:]
        for (k, v) in try c.get("apps", "DaemonSet", name)!["status"].object ?? JSONObject() { status[k] = v.int }
        return (byNode, status)
    }

    func counters(desired: Int64, ready: Int64) -> [String: Int64] {
        var s: [String: Int64] = ["currentNumberScheduled": ready, "desiredNumberScheduled": desired, "numberMisscheduled": 0,
                                  "numberReady": ready, "observedGeneration": 1]
        if ready > 0 { s["numberAvailable"] = ready; s["updatedNumberScheduled"] = ready }
        if desired - ready > 0 { s["numberUnavailable"] = desired - ready }
        return s
    }

    @Test func daemonSetFollowsEachNodeAndPod() throws {
        let c = try Cluster()
        try c.create(daemonSet("agent"), "apps", "DaemonSet")
        #expect(try state(c, "agent").byNode == ["node-1": 1])
        for i in 2...6 { try c.create(node("node-\(i)"), "", "Node", ns: "") }
        var s = try state(c, "agent")
        #expect(s.byNode == ["node-1": 1, "node-2": 1, "node-3": 1, "node-4": 1, "node-5": 1, "node-6": 1])
        #expect(s.status == counters(desired: 6, ready: 6))
        // A taint the pods do not tolerate takes the agent off that node; removing it brings it back.
        try c.update("", "Node", "node-3", ns: "") { $0["spec"]["taints"] = [["key": "dedicated", "value": "db", "effect": "NoSchedule"]] }
        s = try state(c, "agent")
        #expect(s.byNode == ["node-1": 1, "node-2": 1, "node-4": 1, "node-5": 1, "node-6": 1])
        #expect(s.status == counters(desired: 5, ready: 5))
        try c.update("", "Node", "node-3", ns: "") { _ = $0.remove(["spec", "taints"]) }
        #expect(try state(c, "agent").byNode["node-3"] == 1)
        // A deleted node loses its pod; a deleted pod comes back on its node.
        try c.delete("", "Node", "node-4", ns: "")
        s = try state(c, "agent")
        #expect(s.byNode == ["node-1": 1, "node-2": 1, "node-3": 1, "node-5": 1, "node-6": 1])
        #expect(s.status == counters(desired: 5, ready: 5))
        let onFive = try c.list("", "Pod").first { $0["spec"]["nodeName"].string == "node-5" && $0["metadata"]["labels"]["app"].string == "agent" }!
        try c.delete("", "Pod", onFive["metadata"]["name"].string!)
        #expect(try c.terminatingNames() == [onFive["metadata"]["name"].string!])
        s = try state(c, "agent")
        #expect(s.byNode == ["node-1": 1, "node-2": 1, "node-3": 1, "node-5": 1, "node-6": 1])
        #expect(s.status == counters(desired: 5, ready: 5))
        #expect(try c.names("", "Pod").contains(onFive["metadata"]["name"].string!) == false)
        // kube-system's DaemonSets count every node too.
        let proxy = try c.get("apps", "DaemonSet", "kube-proxy", ns: "kube-system")!
        #expect(proxy["status"]["desiredNumberScheduled"].int == 5)
        #expect(proxy["status"]["numberReady"].int == 5)
    }

    @Test func daemonSetTemplateChangeRollsNodeByNode() throws {
        let c = try Cluster()
        for i in 2...4 { try c.create(node("node-\(i)"), "", "Node", ns: "") }
        try c.create(daemonSet("agent"), "apps", "DaemonSet")
        try c.update("apps", "DaemonSet", "agent") {
            $0["spec"]["template"]["spec"]["containers"] = [["name": "main", "image": "nginx:1.27"]]
        }
        // One node at a time: the first node's old pod is Terminating, its new one comes once it is gone.
        #expect(try c.terminatingNames().count == 1)
        try c.settleAll()
        let pods = try c.list("", "Pod").filter { $0["metadata"]["labels"]["app"].string == "agent" }
        #expect(pods.count == 4)
        #expect(pods.allSatisfy { $0["spec"]["containers"][0]["image"].string == "nginx:1.27" })
        let status = try c.get("apps", "DaemonSet", "agent")!["status"]
        #expect(status["updatedNumberScheduled"].int == 4)
        #expect(status["observedGeneration"].int == 2)
    }
}
