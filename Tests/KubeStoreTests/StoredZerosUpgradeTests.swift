import KubeAPI
import KubeModel
import KubeRegistry
import Testing
@testable import KubeStore

/// A store written before the table of Go's zero values classified a kind keeps that kind's zeros in its
/// rows; the first command that opens it reshapes them once (`upgradeStoredZeros`), keeping every resource
/// version and logging no change, so the objects read as the table says. A kind's fingerprint is kept, so a
/// store is walked again only where the table changed.
@Suite struct StoredZerosUpgradeTests {
    @Test func anOlderStoresObjectsReadAsTheTableSays() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        let clock = Clock(now: Timestamp(rfc3339: "2026-11-23T12:00:00Z")!)
        let registry = Registry.builtin
        let pcType = registry.type(group: "scheduling.k8s.io", kind: "PriorityClass")!
        let ingType = registry.type(group: "networking.k8s.io", kind: "Ingress")!
        let server = try APIServer.open(path: path, registry: registry, clock: clock)
        try server.write { s in
            _ = try s.create(try JSON.parse(#"{"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"pc"},"value":7}"#),
                             type: pcType, namespace: "")
            _ = try s.create(try JSON.parse(#"{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"ing","namespace":"default"},"spec":{"rules":[{"host":"a.example","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"s","port":{"number":80}}}}]}}]}}"#),
                             type: ingType, namespace: "default")
        }
        // Put back what an older build stored: the zeros Go leaves out, without the fields it always writes.
        var before: [String: Int64] = [:]
        var lastChange: Int64 = 0
        try Store(path: path).write { tx in
            let keys = try tx.configEntries(withPrefix: "stored.go-zero-values/").map(\.key)
            #expect(keys.count > 40)
            for key in keys { try tx.setConfig(key, nil) }
            // An older build wrote no stamp of the whole table either (the current one skips the walk).
            #expect(try tx.config("stored.go-zero-values") != nil)
            try tx.setConfig("stored.go-zero-values", nil)
            var pc = try #require(try tx.get(resource: pcType.storageKey, namespace: "", name: "pc"))
            var o = try JSON.parse(pc.data)
            o["globalDefault"] = .bool(false)
            o["description"] = .string("")
            pc.data = o.jsonString(.compactOrdered)
            try tx.update(pc, expectedResourceVersion: nil)
            var ing = try #require(try tx.get(resource: ingType.storageKey, namespace: "default", name: "ing"))
            // No status, an empty tls list and a port name "".
            #expect(ing.data.contains(#""port":{"number":80}"#) && ing.data.contains(#","status":{"loadBalancer":{}}"#))
            ing.data = ing.data.replacingAll(#""port":{"number":80}"#, with: #""port":{"name":"","number":80}"#)
                .replacingAll(#","status":{"loadBalancer":{}}"#, with: "").replacingAll(#""spec":{"#, with: #""spec":{"tls":[],"#)
            try tx.update(ing, expectedResourceVersion: nil)
            before["pc"] = try tx.resourceVersion(resource: pcType.storageKey, namespace: "", name: "pc")
            before["ing"] = try tx.resourceVersion(resource: ingType.storageKey, namespace: "default", name: "ing")
            lastChange = try tx.changeLogBounds().last
        }
        let older = try APIServer.open(path: path, registry: registry, clock: clock)
        let pc = try older.read { try $0.get(pcType, namespace: "", name: "pc") }
        #expect(pc.object?["globalDefault"] == nil && pc.object?["description"] == nil && pc["value"] == .int(7))
        let ing = try older.read { try $0.get(ingType, namespace: "default", name: "ing") }
        #expect(ing["spec"].object?["tls"] == nil)
        #expect(ing["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]["port"].jsonString(.compact) == #"{"number":80}"#)
        #expect(ing["status"].jsonString(.compact) == #"{"loadBalancer":{}}"#)
        let after = try older.read { s in
            (try s.tx.resourceVersion(resource: pcType.storageKey, namespace: "", name: "pc"),
             try s.tx.resourceVersion(resource: ingType.storageKey, namespace: "default", name: "ing"),
             try s.tx.changeLogBounds().last, try s.tx.config("stored.go-zero-values/scheduling.k8s.io/priorityclasses"))
        }
        #expect(after.0 == before["pc"] && after.1 == before["ing"])
        #expect(after.2 == lastChange)
        #expect(after.3 != nil)
        // Once reshaped, a store is not walked again: a zero written behind the table's back stays.
        try Store(path: path).write { tx in
            var row = try #require(try tx.get(resource: pcType.storageKey, namespace: "", name: "pc"))
            var o = try JSON.parse(row.data)
            o["description"] = .string("")
            row.data = o.jsonString(.compactOrdered)
            try tx.update(row, expectedResourceVersion: nil)
        }
        let again = try APIServer.open(path: path, registry: registry, clock: clock)
        #expect(try again.read { try $0.get(pcType, namespace: "", name: "pc") }["description"] == .string(""))
    }
}
