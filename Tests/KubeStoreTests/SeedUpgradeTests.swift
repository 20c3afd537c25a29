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
        #expect(try server.read { try $0.tx.config("seed.kube-system") } == "2")
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
        #expect(try server.read { try $0.tx.config("seed.kube-system") } == "2")
    }
}
