import Testing
@testable import KubeStore

@Suite struct StoreContractTests {
    @Test func createTwiceFailsWithAlreadyExists() throws {
        let store = try Store.inMemory()
        try store.write { try $0.insert(row(name: "web")) }
        #expect(throws: StoreError.alreadyExists) {
            try store.write { try $0.insert(row(name: "web", uid: "other")) }
        }
        // Same name in another namespace or another resource is a different key.
        try store.write { tx throws in
            try tx.insert(row("/pods", "prod", name: "web"))
            try tx.insert(row("apps/deployments", "default", name: "web"))
        }
        try store.read { tx throws in
            #expect(try tx.get(resource: "/pods", namespace: "default", name: "web")?.uid == "uid-default-web")
            #expect(try tx.count(resource: "/pods", namespace: nil) == 2)
        }
    }

    @Test func updateChecksResourceVersion() throws {
        let store = try Store.inMemory()
        try store.write { try $0.insert(row(name: "web", rv: 5, data: "v1")) }
        #expect(throws: StoreError.conflict(current: 5)) {
            try store.write { try $0.update(row(name: "web", rv: 6, data: "v2"), expectedResourceVersion: 4) }
        }
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web")?.data } == "v1")

        try store.write { try $0.update(row(name: "web", rv: 6, data: "v2"), expectedResourceVersion: 5) }
        try store.write { try $0.update(row(name: "web", rv: 7, data: "v3"), expectedResourceVersion: nil) }
        let stored = try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web") }
        #expect(stored?.data == "v3")
        #expect(stored?.resourceVersion == 7)

        #expect(throws: StoreError.notFound) {
            try store.write { try $0.update(row(name: "missing"), expectedResourceVersion: nil) }
        }
    }

    @Test func getReturnsEveryColumn() throws {
        let store = try Store.inMemory()
        let original = ObjectRow(resource: "apps/deployments", namespace: "prod", name: "web", uid: "u-1",
                                 resourceVersion: 42, labels: #"{"app":"web","tier":"front"}"#,
                                 ownerUIDs: ["o-1", "o\"2<"], cells: "web\t1/1", data: #"{"kind":"Deployment"}"#)
        try store.write { try $0.insert(original) }
        try store.read { tx throws in
            #expect(try tx.get(resource: "apps/deployments", namespace: "prod", name: "web") == original)
            #expect(try tx.get(uid: "u-1") == original)
            #expect(try tx.get(resource: "apps/deployments", namespace: "default", name: "web") == nil)
            #expect(try tx.get(uid: "nope") == nil)
        }
    }

    @Test func listOrderAndNamespaceFiltering() throws {
        let store = try Store.inMemory()
        try store.write { tx throws in
            for (ns, name) in [("prod", "b"), ("default", "zeta"), ("prod", "a"), ("default", "Alpha"),
                               ("default", "alpha"), ("kube-system", "dns")] {
                try tx.insert(row("/pods", ns, name: name, cells: "cells-\(name)"))
            }
            try tx.insert(row("/services", "default", name: "kubernetes"))
        }
        try store.read { tx throws in
            let all = try tx.list(resource: "/pods", namespace: nil)
            #expect(all.map { "\($0.namespace)/\($0.name)" } ==
                    ["default/Alpha", "default/alpha", "default/zeta", "kube-system/dns", "prod/a", "prod/b"])
            #expect(all.allSatisfy { !$0.data.isEmpty })

            let prod = try tx.list(resource: "/pods", namespace: "prod")
            #expect(prod.map(\.name) == ["a", "b"])
            #expect(try tx.list(resource: "/pods", namespace: "empty").isEmpty)

            let summaries = try tx.listSummaries(resource: "/pods", namespace: nil)
            #expect(summaries.map(\.name) == all.map(\.name))
            #expect(summaries.allSatisfy { $0.data.isEmpty })
            #expect(summaries.map(\.cells) == all.map(\.cells))

            #expect(try tx.namespaces(withObjectsIn: "/pods") == ["default", "kube-system", "prod"])
            #expect(try tx.count(resource: "/pods", namespace: "default") == 3)
            #expect(try tx.count(resource: "/services", namespace: nil) == 1)
            #expect(try tx.summaries(inNamespace: "default").map { "\($0.resource) \($0.name)" } ==
                    ["/pods Alpha", "/pods alpha", "/pods zeta", "/services kubernetes"])
        }
    }

    @Test func labelRequirements() throws {
        let store = try Store.inMemory()
        try store.write { tx throws in
            try tx.insert(row(name: "a", labels: #"{"app":"web","tier":"front"}"#))
            try tx.insert(row(name: "b", labels: #"{"app":"web","tier":"back"}"#))
            try tx.insert(row(name: "c", labels: #"{"app":"db"}"#))
            try tx.insert(row(name: "d"))
            try tx.insert(row("/pods", "other", name: "e", labels: #"{"app":"web"}"#))
        }
        func names(_ labels: [LabelRequirement], namespace: String? = "default") throws -> [String] {
            let summaries = try store.read { try $0.listSummaries(resource: "/pods", namespace: namespace, labels: labels) }
            let full = try store.read { try $0.list(resource: "/pods", namespace: namespace, labels: labels) }
            #expect(summaries.map(\.name) == full.map(\.name))
            return full.map(\.name)
        }
        #expect(try names([.equals("app", "web")]) == ["a", "b"])
        #expect(try names([.equals("app", "web")], namespace: nil) == ["a", "b", "e"])
        #expect(try names([.equals("app", "web"), .equals("tier", "back")]) == ["b"])
        #expect(try names([.notEquals("app", "web")]) == ["c", "d"])
        #expect(try names([.in("tier", ["front", "back"])]) == ["a", "b"])
        #expect(try names([.notIn("tier", ["front"])]) == ["b", "c", "d"])
        #expect(try names([.in("tier", [])]) == [])
        #expect(try names([.exists("tier")]) == ["a", "b"])
        #expect(try names([.doesNotExist("tier")]) == ["c", "d"])

        // The index follows updates and deletes.
        try store.write { tx throws in
            try tx.update(row(name: "c", labels: #"{"app":"web"}"#), expectedResourceVersion: nil)
            try tx.delete(resource: "/pods", namespace: "default", name: "a")
        }
        #expect(try names([.equals("app", "web")]) == ["b", "c"])
        #expect(try names([.equals("app", "db")]) == [])
    }

    @Test func deleteRemovesTheRow() throws {
        let store = try Store.inMemory()
        try store.write { tx throws in
            try tx.insert(row(name: "web", rv: 3, labels: #"{"a":"b"}"#, owners: ["rs-1"]))
            try tx.insert(row(name: "db"))
        }
        #expect(throws: StoreError.conflict(current: 3)) {
            try store.write { try $0.delete(resource: "/pods", namespace: "default", name: "web", expectedResourceVersion: 2) }
        }
        try store.write { try $0.delete(resource: "/pods", namespace: "default", name: "web") }
        try store.read { tx throws in
            #expect(try tx.get(resource: "/pods", namespace: "default", name: "web") == nil)
            #expect(try tx.list(resource: "/pods", namespace: nil).map(\.name) == ["db"])
            #expect(try tx.dependents(ofUID: "rs-1").isEmpty)
            #expect(try tx.listSummaries(resource: "/pods", namespace: nil, labels: [.exists("a")]).isEmpty)
        }
        #expect(throws: StoreError.notFound) {
            try store.write { try $0.delete(resource: "/pods", namespace: "default", name: "web") }
        }
        // The key can be reused after a delete.
        try store.write { try $0.insert(row(name: "web", uid: "new")) }
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web")?.uid } == "new")
    }

    @Test func dependentsFollowOwnerUIDs() throws {
        let store = try Store.inMemory()
        try store.write { tx throws in
            try tx.insert(row("apps/replicasets", name: "web-1", uid: "rs-1", owners: ["dep-1"]))
            try tx.insert(row(name: "web-1-a", owners: ["rs-1"]))
            try tx.insert(row(name: "web-1-b", owners: ["rs-1", "other"]))
            try tx.insert(row(name: "lonely"))
        }
        try store.read { tx throws in
            #expect(try tx.dependents(ofUID: "rs-1").map(\.name) == ["web-1-a", "web-1-b"])
            #expect(try tx.dependents(ofUID: "rs-1").allSatisfy { !$0.data.isEmpty })
            #expect(try tx.dependents(ofUID: "dep-1").map(\.name) == ["web-1"])
            #expect(try tx.dependents(ofUID: "other").map(\.ownerUIDs) == [["rs-1", "other"]])
            #expect(try tx.dependents(ofUID: "nobody").isEmpty)
        }
        // Orphaning (owners changed by update) moves the index entry.
        try store.write { try $0.update(row(name: "web-1-b", owners: []), expectedResourceVersion: nil) }
        #expect(try store.read { try $0.dependents(ofUID: "rs-1").map(\.name) } == ["web-1-a"])
        #expect(try store.read { try $0.dependents(ofUID: "other") }.isEmpty)
    }

    @Test func resourceVersionIsMonotonicAcrossTransactionsAndOpens() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        var seen: [Int64] = []
        do {
            let store = try Store(path: path)
            #expect(try store.read { try $0.currentResourceVersion() } == 0)
            for _ in 0..<3 {
                try store.write { tx throws in
                    seen.append(try tx.nextResourceVersion())
                    seen.append(try tx.nextResourceVersion())
                }
            }
        }
        let reopened = try Store(path: path)
        try reopened.write { seen.append(try $0.nextResourceVersion()) }
        #expect(seen == Array(1...7))
        #expect(try reopened.read { try $0.currentResourceVersion() } == 7)
    }

    @Test func throwingRollsEverythingBack() throws {
        struct Boom: Error {}
        let store = try Store.inMemory()
        try store.write { try $0.insert(row(name: "kept")) }
        #expect(throws: Boom.self) {
            try store.write { tx throws in
                _ = try tx.nextResourceVersion()
                try tx.insert(row(name: "lost", labels: #"{"x":"y"}"#, owners: ["o"]))
                try tx.update(row(name: "kept", rv: 99, data: "changed"), expectedResourceVersion: nil)
                try tx.setConfig("namespace", "lost")
                throw Boom()
            }
        }
        try store.read { tx throws in
            #expect(try tx.list(resource: "/pods", namespace: nil).map(\.name) == ["kept"])
            #expect(try tx.get(resource: "/pods", namespace: "default", name: "kept")?.resourceVersion == 1)
            #expect(try tx.dependents(ofUID: "o").isEmpty)
            #expect(try tx.listSummaries(resource: "/pods", namespace: nil, labels: [.exists("x")]).isEmpty)
            #expect(try tx.config("namespace") == nil)
            #expect(try tx.currentResourceVersion() == 0)
        }
    }

    @Test func nestedWriteRollsBackOnlyItsOwnWork() throws {
        struct Boom: Error {}
        let store = try Store.inMemory()
        try store.write { tx throws in
            try tx.insert(row(name: "outer"))
            try? store.write { inner in
                try inner.insert(row(name: "inner"))
                throw Boom()
            }
            try store.write { try $0.insert(row(name: "inner-ok")) }
        }
        #expect(try store.read { try $0.list(resource: "/pods", namespace: nil).map(\.name) } == ["inner-ok", "outer"])
    }

    @Test func misuseIsReported() throws {
        let store = try Store.inMemory()
        #expect(throws: StoreError.misuse("write inside a read transaction")) {
            try store.read { try $0.insert(row(name: "x")) }
        }
        #expect(throws: StoreError.misuse("write inside a read transaction")) {
            try store.read { _ in try store.write { _ in } }
        }
        let escaped = try store.read { $0 }
        #expect(throws: StoreError.misuse("transaction used after it ended")) {
            _ = try escaped.get(resource: "/pods", namespace: "", name: "x")
        }
    }

    @Test func configKeyValue() throws {
        let store = try Store.inMemory()
        try store.write { tx throws in
            #expect(try tx.config("namespace") == nil)
            try tx.setConfig("namespace", "prod")
            try tx.setConfig("context/b", "2")
            try tx.setConfig("context/a", "1")
        }
        try store.write { tx throws in
            #expect(try tx.config("namespace") == "prod")
            try tx.setConfig("namespace", "dev")
            #expect(try tx.config("namespace") == "dev")
            try tx.setConfig("context/b", nil)
        }
        try store.read { tx throws in
            #expect(try tx.configEntries(withPrefix: "context/").map { "\($0.key)=\($0.value)" } == ["context/a=1"])
            #expect(try tx.config("context/b") == nil)
        }
    }

    /// Settings are kept until the transaction or savepoint ends: what a nested write sets is read back
    /// at once, by key and by range, kept when it succeeds and gone when it fails, with what the outer
    /// transaction set before and after it.
    @Test func settingsFollowSavepoints() throws {
        struct Boom: Error {}
        let store = try Store.inMemory()
        try store.write { tx throws in
            try tx.setConfig("k/a", "1")
            try? store.write { inner in
                try inner.setConfig("k/a", "lost")
                try inner.setConfig("k/b", "lost")
                #expect(try inner.config("k/a") == "lost")
                #expect(try inner.configEntries(withPrefix: "k/").map { "\($0.key)=\($0.value)" } == ["k/a=lost", "k/b=lost"])
                try inner.setConfig("k/c", "lost")
                throw Boom()
            }
            #expect(try tx.config("k/a") == "1")
            #expect(try tx.config("k/c") == nil)
            try store.write { inner in
                try inner.setConfig("k/b", "2")
                try inner.setConfig("k/a", nil)
            }
            try tx.setConfig("k/d", "4")
            #expect(try tx.firstConfigEntry(from: "k/", below: "k0")?.key == "k/b")
            #expect(try tx.lastConfigEntry(from: "k/", below: "k0")?.key == "k/d")
            #expect(try tx.configKeys(from: "k/", below: "k0", limit: 10) == ["k/b", "k/d"])
            try tx.setConfig("k/e", "5")
        }
        #expect(try store.read { try $0.configEntries(withPrefix: "k/").map { "\($0.key)=\($0.value)" } } == ["k/b=2", "k/d=4", "k/e=5"])
    }
}
