import Testing
@testable import KubeStore

/// A list narrowed by a label or field term that few objects match starts from that term's index
/// entries; one that many match reads the resource in key order. Either way a list returns the same
/// rows, in key order (namespace, then name, in byte order), as an in-memory filter of every row does.
@Suite struct ListDriverTests {
    struct Pod {
        var namespace: String, name: String, node: String, phase: String, labels: [String: String]
        var labelsJSON: String {
            "{" + labels.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
        }
    }

    /// More Running pods than `drivingEntryLimit`, a few on node-a (inserted out of key order, across
    /// namespaces, "B" before "a" in byte order), some Pending; every pod labelled, some `tier=db`.
    static func pods() -> [Pod] {
        let count = Int(StoreTransaction.drivingEntryLimit) + 300
        return (0..<count).map { i in
            let k = (i * 7919) % count
            var labels = ["app": "app-\(k % 50)"]
            if k % 97 == 0 { labels["tier"] = "db" }
            return Pod(namespace: ["ns-b", "ns-a", "ns-B"][k % 3], name: "pod-\(k)",
                       node: k % 211 == 0 ? "node-a" : "node-\(k % 40)", phase: k % 13 == 0 ? "Pending" : "Running",
                       labels: labels)
        }
    }

    static func makeStore(_ pods: [Pod]) throws -> Store {
        let store = try Store.inMemory()
        try store.write { tx in
            for (i, p) in pods.enumerated() {
                try tx.insert(ObjectRow(resource: "/pods", namespace: p.namespace, name: p.name, uid: "uid-\(i)",
                                        resourceVersion: Int64(i + 1), labels: p.labelsJSON, cells: p.name,
                                        data: #"{"metadata":{"name":"\#(p.name)"}}"#,
                                        fields: [IndexedField("spec.nodeName", p.node), IndexedField("status.phase", p.phase)]))
            }
            // Another resource with the same label and field values: never listed with the pods.
            try tx.insert(ObjectRow(resource: "/events", namespace: "ns-a", name: "ev", uid: "uid-ev", resourceVersion: 1_000_000,
                                    labels: #"{"tier":"db"}"#, data: "{}", fields: [IndexedField("spec.nodeName", "node-a")]))
        }
        return store
    }

    static func expected(_ pods: [Pod], namespace: String?, _ keep: (Pod) -> Bool) -> [String] {
        pods.filter { (namespace == nil || $0.namespace == namespace) && keep($0) }
            .sorted { ($0.namespace.utf8.lexicographicallyPrecedes($1.namespace.utf8)) || ($0.namespace == $1.namespace
                        && $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)) }
            .map { "\($0.namespace)/\($0.name)" }
    }

    @Test func everyDriverListsTheSameRowsInKeyOrder() throws {
        let pods = ListDriverTests.pods()
        let store = try ListDriverTests.makeStore(pods)
        typealias Case = (labels: [LabelRequirement], fields: [FieldTerm], keep: (Pod) -> Bool)
        let cases: [Case] = [
            ([], [.equals("spec.nodeName", "node-a")], { $0.node == "node-a" }),
            ([], [.equals("status.phase", "Running")], { $0.phase == "Running" }),
            ([], [.equals("status.phase", "Running"), .equals("spec.nodeName", "node-a")], { $0.phase == "Running" && $0.node == "node-a" }),
            ([], [.equals("spec.nodeName", "node-a"), .notEquals("status.phase", "Pending")], { $0.node == "node-a" && $0.phase != "Pending" }),
            ([.equals("tier", "db")], [], { $0.labels["tier"] == "db" }),
            ([.equals("app", "app-7"), .exists("tier")], [.equals("status.phase", "Running")],
             { $0.labels["app"] == "app-7" && $0.labels["tier"] != nil && $0.phase == "Running" }),
            ([.notEquals("tier", "db")], [.equals("spec.nodeName", "node-a")], { $0.labels["tier"] != "db" && $0.node == "node-a" }),
            ([.in("app", ["app-1", "app-2"])], [.equals("spec.nodeName", "node-1")],
             { ["app-1", "app-2"].contains($0.labels["app"] ?? "") && $0.node == "node-1" }),
            ([], [.equals("spec.nodeName", "nowhere")], { _ in false }),
        ]
        try store.read { tx throws in
            for (labels, fields, keep) in cases {
                for namespace in [nil, "ns-a", "ns-B"] as [String?] {
                    let want = ListDriverTests.expected(pods, namespace: namespace, keep)
                    let full = try tx.list(resource: "/pods", namespace: namespace, labels: labels, fields: fields)
                    #expect(full.map { "\($0.namespace)/\($0.name)" } == want, "\(labels) \(fields) in \(namespace ?? "all")")
                    #expect(full.allSatisfy { $0.data == #"{"metadata":{"name":"\#($0.name)"}}"# && $0.cells == $0.name })
                    let summaries = try tx.listSummaries(resource: "/pods", namespace: namespace, labels: labels, fields: fields)
                    #expect(summaries.map { "\($0.namespace)/\($0.name)" } == want)
                    var streamed: [String] = []
                    try tx.forEach(resource: "/pods", namespace: namespace, labels: labels, fields: fields, full: true) {
                        streamed.append("\($0.namespace)/\($0.name)")
                    }
                    #expect(streamed == want)
                }
            }
        }
    }

    @Test func theTermFewestObjectsMatchDrivesTheList() throws {
        let store = try ListDriverTests.makeStore(ListDriverTests.pods())
        try store.read { tx throws in
            #expect(try tx.listDriver(labels: [], fields: [.equals("spec.nodeName", "node-a")]) == .field(0))
            // Running: more entries than the limit, so the pods are read in key order.
            #expect(try tx.listDriver(labels: [], fields: [.equals("status.phase", "Running")]) == .keyOrder)
            #expect(try tx.listDriver(labels: [.equals("app", "app-3")],
                                      fields: [.equals("status.phase", "Running"), .equals("spec.nodeName", "node-a")]) == .field(1))
            #expect(try tx.listDriver(labels: [.exists("tier"), .equals("tier", "db")], fields: [.equals("spec.nodeName", "node-1")]) == .label(1))
            #expect(try tx.listDriver(labels: [.notEquals("tier", "db")], fields: [.notEquals("spec.nodeName", "node-a")]) == .keyOrder)
        }
    }
}
