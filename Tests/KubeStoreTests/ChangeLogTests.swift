import Glibc
import Testing
@testable import KubeStore

/// The store's change log: every insert, update and delete in commit order, readable from any
/// position (resumption), and bounded.
@Suite struct ChangeLogTests {
    @Test func changesAreLoggedInOrderAndResumable() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        try store.write { tx in
            try tx.insert(row(name: "a"))
            var b = row(name: "a")
            b.resourceVersion = 2
            try tx.update(b, expectedResourceVersion: nil)
            try tx.delete(resource: "/pods", namespace: "default", name: "a")
        }
        let all = try store.read { try $0.changes(resource: "/pods", after: 0) }
        #expect(all.map(\.type) == [.added, .modified, .deleted])
        #expect(all.map(\.row.name) == ["a", "a", "a"])
        #expect(all[2].row.resourceVersion == 2)     // a delete carries the last stored state
        let later = try store.read { try $0.changes(resource: "/pods", after: all[0].seq) }
        #expect(later.map(\.type) == [.modified, .deleted])
        #expect(try store.read { try $0.changes(resource: "apps/deployments", after: 0) }.isEmpty)
    }

    @Test func theLogIsBounded() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        let n = Int(StoreTransaction.changeLogLimit) + 500
        try store.write { tx in
            for i in 0..<n { try tx.insert(row(name: "p\(i)", data: "{}")) }
        }
        let bounds = try store.read { try $0.changeLogBounds() }
        #expect(bounds.last == Int64(n))
        #expect(bounds.last - bounds.first < StoreTransaction.changeLogLimit + 64)
        #expect(bounds.first > 1)
    }
}
