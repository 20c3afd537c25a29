import Foundation
import Testing
@testable import KubeStore

/// A deferred insert (a pod its scheduler and kubelet update at once) is logged against the last new
/// object of its resource deflated in full: the pods of one file differ in a few names and ids, so their
/// first states are logged as format 6 without deflating each. Whatever is logged reads back as the
/// text written. A row's own data is written as `DataCodec.encodeStored` writes it (see StoredDeltaTests):
/// the first state of a deferred row written as it is stays deflated, the base of the next ones' logs.
@Suite struct ShapeDeltaLogTests {
    static func pod(_ name: String, ns: String = "ns-3", uid: String, rv: Int64) -> String {
        DeltaCodecTests.pod(rv: String(rv)).replacingOccurrences(of: "web-7d4b9c-x2k9p", with: name)
            .replacingOccurrences(of: "97d503ae-ae51-41b9-8802-ee36315e4190", with: uid)
            .replacingOccurrences(of: #""namespace":"ns-3""#, with: #""namespace":"\#(ns)""#)
    }

    static func row(_ name: String, _ rv: Int64, data: String? = nil) -> ObjectRow {
        let uid = "97d503ae-ae51-41b9-8802-" + String(String(String(rv).reversed()) + String(repeating: "0", count: 12)).prefix(12)
        return ObjectRow(resource: "/pods", namespace: "ns-3", name: name, uid: uid, resourceVersion: rv, labels: #"{"app":"web"}"#,
                         data: data ?? pod(name, uid: uid, rv: rv))
    }

    private func snapshot(_ store: Store) throws -> [String] {
        try store.read { tx in
            try tx.list(resource: "/pods", namespace: nil).map { "row \($0.name) \($0.resourceVersion) \($0.data)" }
                + tx.changes(resource: "/pods", after: 0).map { "change \($0.type) \($0.row.name) \($0.row.resourceVersion) \($0.row.data)" }
        }
    }

    @Test func logsOfNewPodsReadBackAsWritten() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let plain = try Store(path: dir.file("plain.db")), deferred = try Store(path: dir.file("deferred.db"))
        for (store, later) in [(plain, false), (deferred, true)] {
            try store.write { tx in
                for i in 0..<6 { try tx.insert(Self.row("pod-\(i)", Int64(10 + i)), deferred: later) }
                // Two of them updated before they are written, one deleted: the others are written as created.
                try tx.update(Self.row("pod-1", 20, data: DeltaCodecTests.terminating), expectedResourceVersion: 11)
                try tx.update(Self.row("pod-4", 21, data: DeltaCodecTests.stopped), expectedResourceVersion: 14)
                try tx.delete(resource: "/pods", namespace: "ns-3", name: "pod-5")
                // An object with nothing in common with the others: deflated, and the base from then on.
                try tx.insert(Self.row("other", 22, data: #"{"kind":"Pod","note":"\#(String(repeating: "z", count: 300))"}"#), deferred: later)
            }
        }
        #expect(try snapshot(deferred) == snapshot(plain))
        // Read by another connection (a watcher's).
        let other = try Store(path: dir.file("deferred.db"))
        #expect(try snapshot(other) == snapshot(plain))
        // pod-1 ... pod-5 were logged against pod-0's state.
        #expect(try deferred.db.scalarInt("SELECT count(*) FROM changes WHERE type = 'ADDED' AND substr(data, 1, 1) = x'06'") == 5)
        #expect(try deferred.db.scalarInt("SELECT count(*) FROM object_data") == 6)
        // Stored in full: the first pod written (plain), or the first deferred pod and the first pod
        // stored through an update (deferred); and the object with nothing in common. The rest are deltas.
        #expect(try StoredDeltaTests.formats(plain).filter { $0.value != "06" }.keys.sorted() == ["other", "pod-0"])
        #expect(try StoredDeltaTests.formats(deferred).filter { $0.value != "06" }.keys.sorted() == ["other", "pod-0", "pod-1"])
    }

    /// A rolled-back savepoint takes its rows with it; the base kept from it is only bytes and text.
    @Test func aRolledBackFirstPodLeavesAUsableBase() throws {
        let store = try Store.inMemory()
        try store.write { tx in
            do {
                try store.write { tx in
                    try tx.insert(Self.row("pod-0", 10), deferred: true)
                    throw StoreError.conflict(current: 0)
                }
            } catch StoreError.conflict {}
            try tx.insert(Self.row("pod-1", 11), deferred: true)
        }
        #expect(try store.read { try $0.changes(resource: "/pods", after: 0) }.map(\.row.data) == [Self.row("pod-1", 11).data])
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "ns-3", name: "pod-1") }?.data == Self.row("pod-1", 11).data)
    }
}
