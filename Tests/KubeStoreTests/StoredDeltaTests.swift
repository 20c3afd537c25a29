import Testing
@testable import KubeStore

/// An object's stored data (a row and its change-log entry) is written as format 6 against the last
/// object of its resource deflated in full when the two have enough in common (`DataCodec.encodeStored`):
/// the pods of one file or template are not deflated one by one. Whatever is stored reads back as the
/// text written, through another connection too; states logged later are deltas of the base the row holds.
@Suite struct StoredDeltaTests {
    static func row(_ i: Int, data: String? = nil, rv: Int64? = nil) -> ObjectRow {
        ShapeDeltaLogTests.row("pod-\(i)", rv ?? Int64(100 + i), data: data)
    }

    /// The formats of the stored rows of /pods by name (hex of the first byte).
    static func formats(_ store: Store) throws -> [String: String] {
        let q = try store.db.statement("SELECT o.name, hex(substr(d.data, 1, 1)) FROM objects o JOIN object_data d ON d.id = o.id WHERE o.resource = '/pods'")
        defer { q.reset() }
        var out: [String: String] = [:]
        while try q.step() { out[q.text(0)] = q.text(1) }
        return out
    }

    @Test func podsOfOneShapeAreStoredAsDeltasAndReadBackExactly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        let rows = (0..<40).map { StoredDeltaTests.row($0) }
        try store.write { tx in for r in rows { try tx.insert(r) } }
        let formats = try StoredDeltaTests.formats(store)
        #expect(formats.count == 40)
        #expect(formats["pod-0"] == "04")
        #expect(formats.filter { $0.value == "06" }.count == 39)
        // Each holds the first one's data and a few edits.
        let first = try store.db.scalarInt("SELECT length(d.data) FROM objects o JOIN object_data d ON d.id = o.id WHERE o.name = 'pod-0'")
        let largest = try store.db.scalarInt("SELECT max(length(data)) FROM object_data WHERE substr(data, 1, 1) = x'06'")
        #expect(largest < first + Int64(rows[1].data.utf8.count / 8))
        for reader in [store, try Store(path: dir.file("s.db"))] {
            #expect(try reader.read { try $0.list(resource: "/pods", namespace: nil) }.map(\.data).sorted() == rows.map(\.data).sorted())
            #expect(try reader.read { try $0.changes(resource: "/pods", after: 0) }.map(\.row.data) == rows.map(\.data))
            #expect(try reader.read { try $0.get(resource: "/pods", namespace: "ns-3", name: "pod-17") }?.data == rows[17].data)
        }
    }

    /// A pod stored as a delta, marked Terminating (a deferred update), its stopped status and grace-0
    /// delete only logged, then deleted: the entries are deltas of the base its row holds, never of a
    /// delta, and read back as logged.
    @Test func statesOfADeltaStoredPodAreLoggedAgainstTheBaseItHolds() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        try store.write { tx in
            try tx.insert(StoredDeltaTests.row(0))
            try tx.insert(StoredDeltaTests.row(1, data: DeltaCodecTests.pod(), rv: 162))
        }
        #expect(try StoredDeltaTests.formats(store)["pod-1"] == "06")
        let start = try store.read { try $0.changeLogBounds().last }
        func state(_ data: String, _ rv: Int64) -> ObjectRow { StoredDeltaTests.row(1, data: data, rv: rv) }
        let grace0 = DeltaCodecTests.stoppedPod(rv: "1207", deletion: #","deletionTimestamp":"2026-11-23T12:00:00Z","deletionGracePeriodSeconds":0"#)
        try store.write { tx in
            try tx.update(state(DeltaCodecTests.terminating, 1204), expectedResourceVersion: 162, deferred: true)
            try tx.logPassingState(state(DeltaCodecTests.stopped, 1206))
            let last = state(grace0, 1207)
            let encoded = try tx.logPassingState(last)
            try tx.delete(resource: "/pods", namespace: "ns-3", name: "pod-1", expectedResourceVersion: 1204, lastState: (last, encoded))
        }
        let changes = try Store(path: dir.file("s.db")).read { try $0.changes(resource: "/pods", after: start) }
        #expect(changes.map(\.row.data) == [DeltaCodecTests.terminating, DeltaCodecTests.stopped, grace0, grace0])
        let q = try store.db.statement("SELECT data FROM changes WHERE seq > ?1")
        try q.bind(1, start)
        var blobs: [[UInt8]] = []
        while try q.step() { blobs.append(try #require(q.blob(0))) }
        q.reset()
        #expect(blobs.count == 4)
        for blob in blobs {
            #expect(blob.first == DeltaCodec.format)
            let range = try #require(blob.withUnsafeBufferPointer { DeltaCodec.baseRange($0) })
            #expect(blob[range.lowerBound] == DataCodec.writeFormat)
            #expect(blob.count < 1000)
        }
    }

    /// An object with little in common with the base is deflated and is the base from then on.
    @Test func aDifferentObjectIsDeflatedAndBecomesTheBase() throws {
        let store = try Store.inMemory()
        let other = { (i: Int) in
            #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"other-\#(i)"},"spec":{"note":"\#(String(repeating: "zq", count: 1000))"}}"#
        }
        try store.write { tx in
            try tx.insert(StoredDeltaTests.row(0))
            try tx.insert(StoredDeltaTests.row(1, data: other(1)))
            try tx.insert(StoredDeltaTests.row(2, data: other(2)))
            try tx.insert(StoredDeltaTests.row(3))
        }
        // pod-3 is too far from the base then (other-1): deflated, the base again.
        #expect(try StoredDeltaTests.formats(store) == ["pod-0": "04", "pod-1": "04", "pod-2": "06", "pod-3": "04"])
        #expect(try store.read { try $0.list(resource: "/pods", namespace: nil) }.map(\.data)
                == [StoredDeltaTests.row(0).data, other(1), other(2), StoredDeltaTests.row(3).data])
    }

    /// Rows holding different bases read back right in any order (the codec keeps the last base read).
    @Test func deltasOfTwoBasesReadBackInAnyOrder() throws {
        let writer = DeltaCodecTests.codec(), reader = DeltaCodecTests.codec()
        let a = (0..<3).map { StoredDeltaTests.row($0).data }
        let b = (0..<3).map { DeltaCodecTests.stoppedPod(rv: String(300 + $0)) }
        var encoded: [(String, [UInt8])] = []
        for (x, y) in zip(a, b) {
            encoded.append((x, try #require(writer.encodeStored(x, resource: "/pods"))))
            encoded.append((y, try #require(writer.encodeStored(y, resource: "/configmaps"))))
        }
        #expect(encoded.map { $0.1.first! } == [4, 4, 6, 6, 6, 6])
        for (text, bytes) in encoded + encoded.reversed() {
            #expect(try bytes.withUnsafeBufferPointer { try reader.decode($0) } == text)
        }
    }

    /// A store without format 6 (schema v9) stores deflated, as before.
    @Test func withoutTheDeltaFormatRowsAreDeflated() throws {
        let codec = DataCodec()
        codec.eventFormat = true
        let bytes = try (0..<3).map { try #require(codec.encodeStored(StoredDeltaTests.row($0).data, resource: "/pods")) }
        #expect(bytes.map { $0.first! } == [4, 4, 4])
    }
}
