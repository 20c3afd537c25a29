import Glibc
import Testing
@testable import KubeStore

/// Milliseconds with three decimals (no Foundation formatting here).
private func ms(_ x: Double) -> String {
    let thousandths = Int((x * 1000).rounded())
    let frac = String(thousandths % 1000)
    return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac + " ms"
}

private func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

/// Timings for the store's performance targets. Not a regression gate: it only runs when asked,
/// `KUBESTORE_BENCH=1 swift test --filter StoreBenchmark`, and prints milliseconds.
@Suite(.enabled(if: getenv("KUBESTORE_BENCH") != nil))
struct StoreBenchmark {
    @Test func tenThousandRows() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("bench.db")
        let payload = String(repeating: "x", count: 1_400)
        func makeRow(_ i: Int, rv: Int64) -> ObjectRow {
            ObjectRow(resource: "apps/deployments", namespace: "ns\(i % 10)", name: "deploy-\(i)", uid: "uid-\(i)",
                      resourceVersion: rv, labels: #"{"app":"web-\#(i % 100)","tier":"t\#(i % 3)"}"#,
                      ownerUIDs: i % 2 == 0 ? ["owner-\(i % 50)"] : [],
                      cells: "deploy-\(i)\u{1F}1/1\u{1F}1\u{1F}1",
                      data: #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"deploy-\#(i)"},"pad":"\#(payload)"}"#)
        }
        let rows = (0..<10_000).map { makeRow($0, rv: 0) }
        print("row size ~\(rows[0].data.utf8.count + rows[0].cells.utf8.count + rows[0].labels.utf8.count) bytes")

        let t0 = now()
        let store = try Store(path: path)
        let t1 = now()
        try store.write { tx in
            for var r in rows {
                r.resourceVersion = try tx.nextResourceVersion()
                try tx.insert(r)
            }
        }
        let t2 = now()
        print("create store: \(ms(t1 - t0)); insert 10,000 rows in one transaction: \(ms(t2 - t1))")

        for round in 0..<3 {
            let a = now()
            let summaries = try store.read { try $0.listSummaries(resource: "apps/deployments", namespace: nil) }
            let b = now()
            let full = try store.read { try $0.list(resource: "apps/deployments", namespace: nil) }
            let c = now()
            let labelled = try store.read {
                try $0.listSummaries(resource: "apps/deployments", namespace: nil, labels: [.equals("tier", "t1")])
            }
            let d = now()
            let inNamespace = try store.read { try $0.listSummaries(resource: "apps/deployments", namespace: "ns3") }
            let e = now()
            print("round \(round): listSummaries \(summaries.count) rows \(ms(b - a)); list with data \(full.count) rows \(ms(c - b))")
            print("round \(round): label tier=t1 \(labelled.count) rows \(ms(d - c)); one namespace \(inNamespace.count) rows \(ms(e - d))")
        }

        var gets = 0
        let g0 = now()
        try store.read { tx in
            for i in stride(from: 0, to: 10_000, by: 10) {
                if try tx.get(resource: "apps/deployments", namespace: "ns\(i % 10)", name: "deploy-\(i)") != nil { gets += 1 }
            }
        }
        let g1 = now()
        print("get by key: \(ms((g1 - g0) / Double(gets))) each (\(gets) gets)")

        let h0 = now()
        let one = try store.read { try $0.get(resource: "apps/deployments", namespace: "ns7", name: "deploy-4567") }
        let h1 = now()
        print("single get in its own read transaction: \(ms(h1 - h0)) (found: \(one != nil))")

        let o0 = now()
        let reopened = try Store(path: path)
        let o1 = now()
        let got = try reopened.read { try $0.get(resource: "apps/deployments", namespace: "ns7", name: "deploy-4567") }
        let o2 = now()
        print("open existing store: \(ms(o1 - o0)); first get: \(ms(o2 - o1))")
        #expect(got != nil)

        let u0 = now()
        try store.write { tx in
            for i in 0..<1_000 {
                var r = makeRow(i, rv: 0)
                let old = try tx.get(resource: r.resource, namespace: r.namespace, name: r.name)!
                r.resourceVersion = try tx.nextResourceVersion()
                try tx.update(r, expectedResourceVersion: old.resourceVersion)
            }
        }
        let u1 = now()
        print("1,000 get+update in one transaction: \(ms(u1 - u0))")
    }
}
