import Testing
@testable import KubeStore

/// Schema v6 keeps objects' JSON deflated with a preset dictionary: what is read back is exactly what
/// was written, rows stored as text before v6 read as they are, and the stored bytes are fewer.
@Suite struct CompactDataTests {
    static let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"default","labels":{"app":"web"},"uid":"1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b","creationTimestamp":"2026-11-23T12:00:00Z","resourceVersion":"42"},"spec":{"containers":[{"name":"web","image":"nginx:1.27","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","nodeName":"node-1","note":"é ✓ \"quoted\" \\ <tag>"},"status":{"phase":"Running","podIP":"10.244.0.7"}}"#

    @Test func objectsReadBackExactlyAndAreStoredSmaller() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        let short = #"{"kind":"ConfigMap"}"#
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/pods", namespace: "default", name: "web-1", uid: "u1", resourceVersion: 1,
                                    data: CompactDataTests.pod))
            try tx.insert(ObjectRow(resource: "/configmaps", namespace: "default", name: "c", uid: "u2", resourceVersion: 2,
                                    data: short))
        }
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web-1") }?.data == CompactDataTests.pod)
        #expect(try store.read { try $0.get(resource: "/configmaps", namespace: "default", name: "c") }?.data == short)
        #expect(try store.read { try $0.changes(resource: "/pods", after: 0) }.map(\.row.data) == [CompactDataTests.pod])
        let stored = try store.db.scalarInt("SELECT length(data) FROM object_data WHERE typeof(data) = 'blob'")
        #expect(stored > 0 && stored < Int64(CompactDataTests.pod.utf8.count) / 2)
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_data WHERE typeof(data) = 'text'") == 1)
        try store.write { tx in try tx.delete(resource: "/pods", namespace: "default", name: "web-1") }
        let deleted = try store.read { try $0.changes(resource: "/pods", after: 0) }
        #expect(deleted.map(\.type) == [.added, .deleted])
        #expect(deleted.last?.row.data == CompactDataTests.pod)
    }

    @Test func aDamagedBlobIsReportedNotCrashed() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/pods", namespace: "default", name: "web-1", uid: "u1", resourceVersion: 1,
                                    data: CompactDataTests.pod))
        }
        try store.db.execute("UPDATE object_data SET data = x'01FF0F0102030405'")
        #expect(throws: StoreError.self) { try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web-1") } }
        try store.db.execute("UPDATE object_data SET data = x'07000102'")
        #expect(throws: StoreError.self) { try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web-1") } }
    }
}
