import KubeAPI
import KubeModel
import KubeRegistry
import Testing
@testable import KubeStore

/// A store made before kube-system was seeded gains it once, when a command opens it.
@Suite struct SeedUpgradeTests {
    @Test func olderStoreGainsKubeSystemOnce() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        let clock = Clock(now: Timestamp(rfc3339: "2026-11-23T12:00:00Z")!)
        let registry = Registry.builtin
        func key(_ group: String, _ kind: String) -> String { registry.type(group: group, kind: kind)!.storageKey }
        _ = try APIServer.open(path: path, registry: registry, clock: clock)
        // Take kube-system's add-ons away again, as a store from before them looks.
        try Store(path: path).write { tx in
            try tx.setConfig("seed.kube-system", nil)
            for (group, kind) in [("", "Pod"), ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "DaemonSet"), ("", "Service")] {
                for row in try tx.list(resource: key(group, kind), namespace: "kube-system") {
                    try tx.delete(resource: row.resource, namespace: row.namespace, name: row.name)
                }
            }
            for row in try tx.list(resource: key("scheduling.k8s.io", "PriorityClass"), namespace: nil) {
                try tx.delete(resource: row.resource, namespace: "", name: row.name)
            }
        }
        let server = try APIServer.open(path: path, registry: registry, clock: clock)
        let pods = try server.read { try $0.list(registry.type(group: "", kind: "Pod")!, namespace: "kube-system") }
        #expect(pods.count == 7)
        #expect(pods.allSatisfy { $0["status"]["phase"].string == "Running" })
        #expect(try server.read { try $0.list(registry.type(group: "scheduling.k8s.io", kind: "PriorityClass")!, namespace: nil) }.count == 2)
        #expect(try server.read { try $0.tx.config("seed.kube-system") } == "3")
        // Opening again adds nothing.
        let version = try server.read { try $0.tx.currentResourceVersion() }
        let again = try APIServer.open(path: path, registry: registry, clock: clock)
        #expect(try again.read { try $0.tx.currentResourceVersion() } == version)
    }

    /// A store seeded at level 1 gains only what level 2 added (the `kubernetes` Service's Endpoints and
    /// EndpointSlice); what its user deleted from kube-system stays deleted.
    @Test func levelOneStoreGainsOnlyTheAPIServersEndpoints() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        let clock = Clock(now: Timestamp(rfc3339: "2026-11-23T12:00:00Z")!)
        let registry = Registry.builtin
        func type(_ group: String, _ kind: String) -> ResourceType { registry.type(group: group, kind: kind)! }
        _ = try APIServer.open(path: path, registry: registry, clock: clock)
        try Store(path: path).write { tx in
            try tx.setConfig("seed.kube-system", "1")
            try tx.delete(resource: type("", "Endpoints").storageKey, namespace: "default", name: "kubernetes")
            try tx.delete(resource: type("discovery.k8s.io", "EndpointSlice").storageKey, namespace: "default", name: "kubernetes")
            try tx.delete(resource: type("apps", "DaemonSet").storageKey, namespace: "kube-system", name: "kube-proxy")
        }
        let server = try APIServer.open(path: path, registry: registry, clock: clock)
        let endpoints = try server.read { try $0.find(type("", "Endpoints"), namespace: "default", name: "kubernetes") }
        #expect(endpoints?["subsets"][0]["addresses"][0]["ip"].string == "172.18.0.2")
        #expect(try server.read { try $0.find(type("discovery.k8s.io", "EndpointSlice"), namespace: "default", name: "kubernetes") } != nil)
        #expect(try server.read { try $0.find(type("apps", "DaemonSet"), namespace: "kube-system", name: "kube-proxy") } == nil)
        #expect(try server.read { try $0.tx.config("seed.kube-system") } == "3")
    }

    /// A store seeded at level 2 gains level 3 (the controller roles and bindings, the flow schemas and
    /// priority levels, the leases) and only that: a fresh store and the upgraded one list the same names.
    @Test func levelTwoStoreGainsControllerRolesFlowControlAndLeases() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let clock = Clock(now: Timestamp(rfc3339: "2026-11-23T12:00:00Z")!)
        let registry = Registry.builtin
        func type(_ group: String, _ kind: String) -> ResourceType { registry.type(group: group, kind: kind)! }
        let levelThree: [(String, String)] = [("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
                                              ("flowcontrol.apiserver.k8s.io", "FlowSchema"),
                                              ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"), ("coordination.k8s.io", "Lease")]
        func names(_ server: APIServer) throws -> [String] {
            try levelThree.flatMap { g, k in
                try server.read { try $0.list(type(g, k), namespace: nil) }.map { "\(k)/\($0["metadata"]["namespace"].string ?? "")/\($0["metadata"]["name"].string ?? "")" }
            }.sorted()
        }
        let fresh = try names(APIServer.open(path: dir.file("fresh.db"), registry: registry, clock: clock))
        let path = dir.file("store.db")
        _ = try APIServer.open(path: path, registry: registry, clock: clock)
        try Store(path: path).write { tx in
            try tx.setConfig("seed.kube-system", "2")
            for (g, k) in levelThree {
                for row in try tx.list(resource: type(g, k).storageKey, namespace: nil) {
                    let name = row.name
                    if k == "ClusterRole" || k == "ClusterRoleBinding" { guard name.hasPrefix("system:controller:") else { continue } }
                    try tx.delete(resource: row.resource, namespace: row.namespace, name: name)
                }
            }
            // A user's deletion of a level-1 object stays.
            try tx.delete(resource: type("rbac.authorization.k8s.io", "ClusterRole").storageKey, namespace: "", name: "system:heapster")
        }
        let server = try APIServer.open(path: path, registry: registry, clock: clock)
        let upgraded = try names(server)
        #expect(upgraded == fresh.filter { $0 != "ClusterRole//system:heapster" })
        #expect(fresh.filter { $0.hasPrefix("ClusterRole//system:controller:") }.count == 33)
        #expect(fresh.filter { $0.hasPrefix("ClusterRoleBinding//system:controller:") }.count == 33)
        #expect(fresh.filter { $0.hasPrefix("FlowSchema/") }.count == 13)
        #expect(fresh.filter { $0.hasPrefix("PriorityLevelConfiguration/") }.count == 8)
        let leases = fresh.filter { $0.hasPrefix("Lease/") }
        #expect(leases.count == 4 && leases.filter { $0.hasPrefix("Lease/kube-system/apiserver-") }.count == 1)
        for lease in ["Lease/kube-node-lease/node-1", "Lease/kube-system/kube-controller-manager", "Lease/kube-system/kube-scheduler"] {
            #expect(leases.contains(lease))
        }
        #expect(try server.read { try $0.tx.config("seed.kube-system") } == "3")
    }
}
