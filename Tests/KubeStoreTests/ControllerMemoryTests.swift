import KubeAPI
import KubeModel
import KubeRegistry
import Testing
@testable import KubeStore

/// The controllers remember a ReplicaSet's pods between the transactions of one process; another
/// process writing the store in between makes them read the pods again.
@Suite struct ControllerMemoryTests {
    @Test func anotherProcessesWriteIsSeen() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        let clock = Clock(now: Timestamp(rfc3339: "2026-11-23T12:00:00Z")!)
        let registry = Registry.builtin
        let podType = registry.type(group: "", kind: "Pod")!, rsType = registry.type(group: "apps", kind: "ReplicaSet")!
        let one = try APIServer.open(path: path, registry: registry, clock: clock)
        let other = try APIServer.open(path: path, registry: registry, clock: clock)
        let rs: JSONValue = ["apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": ["name": "web", "namespace": "default"],
                             "spec": ["replicas": 3, "selector": ["matchLabels": ["app": "web"]],
                                      "template": ["metadata": ["labels": ["app": "web"]],
                                                   "spec": ["containers": [["name": "c", "image": "nginx"]]]]]]
        try one.write { _ = try $0.create(rs, type: rsType, namespace: "default") }
        func pods(_ server: APIServer) throws -> [JSONValue] { try server.read { try $0.list(podType, namespace: "default") } }
        func scale(_ server: APIServer, _ n: Int64) throws {
            try server.write { s in
                var r = try s.get(rsType, namespace: "default", name: "web")
                r["spec"]["replicas"] = .int(n)
                _ = try s.update(r, type: rsType)
            }
        }
        try scale(one, 4)
        #expect(try pods(one).count == 4)
        // The other process relabels a pod (released: an orphan) and its ReplicaSet makes another.
        let released = try pods(other)[0]["metadata"]["name"].string!
        try other.write { s in
            var p = try s.get(podType, namespace: "default", name: released)
            p["metadata"]["labels"]["app"] = "debug"
            _ = try s.update(p, type: podType)
        }
        #expect(try pods(one).count == 5)
        // Scaling down in the first process counts the ReplicaSet's pods as they are now.
        try scale(one, 1)
        // The pods scaled away are Terminating until their kubelet has stopped them.
        let left = try pods(one).filter { $0["metadata"]["deletionTimestamp"].isNull }
        #expect(left.count == 2)
        #expect(try pods(one).count == 5)
        #expect(left.contains { $0["metadata"]["name"].string == released && $0["metadata"]["ownerReferences"].isNull })
        #expect(try one.read { try $0.get(rsType, namespace: "default", name: "web") }["status"]["replicas"].int == 1)
    }
}
