import KubeTestSupport
import Testing

/// `describe` of odd objects, recorded from kubectl v1.32 under Golden/describeodd (see its record.sh;
/// gen_manifests.py and the YAML files were written before either binary ran): kinds with empty or absent
/// optional fields, many items, odd quantities, Unicode, long names, every describer's odd corners.
/// manifests/ is created at T0 in one store, each case runs at T1, and stdout, stderr and the exit code
/// must be kubectl's, with two allowances, both for what no two clusters share:
/// - random values are masked on both sides: uids, service account tokens (signed with each store's own
///   key), and the five-character suffixes the API server appends to generated names
///   (`kube-api-access-hhrrh`, `agent-kxw5l`);
/// - kubectl prints ConfigMap and Secret data and LimitRange rows from Go maps, in an order that changes
///   from run to run (two recordings differed): for those cases the lines are compared as a multiset.
enum DescribeOddGolden {
    static let dir = besideTest("Golden/describeodd")

    static let cases = cases(in: dir)

    /// The NAME<TAB>arguments lines of a golden folder's cases.txt (arguments split at spaces).
    static func cases(in dir: String) -> [(name: String, args: [String])] {
        (readTextFile("\(dir)/cases.txt") ?? "").split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return line.hasPrefix("#") || parts.count != 2 ? nil : (parts[0], parts[1].split(separator: " ").map(String.init))
        }
    }

    /// A golden folder recorded as record.sh records it: `manifests` created in that order at T0 in one
    /// store, each case run at T1; stdout (masked; as a multiset of lines for `unordered` cases), stderr
    /// and the exit code must be kubectl's.
    static func replay(_ dir: String, manifests: [String], unordered: Set<String>) {
        let store = TestStore(now: "2026-11-01T00:00:00Z")
        for m in manifests {  // custom objects after their CRDs
            let created = store.run(args: ["create", "-f", "\(dir)/\(m)"])
            #expect(created.exitCode == 0, "\(created.stderr)")
        }
        store.environment["KUBECTL_LOCAL_NOW"] = "2026-11-21T00:00:00Z"
        for (name, args) in cases(in: dir) {
            // Files are named relative to the golden folder, where record.sh ran.
            let r = store.run(args: args.map { $0.hasPrefix("manifests/") ? "\(dir)/\($0)" : $0 })
            let want = recordedResult("\(dir)/golden/\(name)")
            let isUnordered = unordered.contains(name)
            #expect(comparable(r.stdout, unordered: isUnordered) == comparable(want.stdout, unordered: isUnordered),
                    "stdout of \(name): kubectl \(args.joined(separator: " "))")
            #expect(mask(r.stderr) == mask(want.stderr), "stderr of \(name)")
            #expect(r.exitCode == want.exitCode, "exit code of \(name)")
        }
    }

    /// Cases whose text kubectl prints in Go map order.
    static let unordered: Set<String> = [
        "cm-unicode", "cm-many", "cm-all", "limits", "ns-odd", "secret-tls-empty", "secret-string-only", "secrets-all",
        "pv-pvc-all",  // provisioned volumes are named pvc-<uid>: their order is the uids'
    ]

    static let generatedSuffix = Set("bcdfghjklmnpqrstvwxz2456789")

    /// Masks uids (8-4-4-4-12 hex) and generated-name suffixes (`-` and five characters of the API
    /// server's alphabet ending a word).
    static func mask(_ text: String) -> String {
        let c = Array(text)
        var out: [Character] = []
        var i = 0
        func isWord(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber || ch == "-" }
        func isUUID(at i: Int) -> Bool {
            guard i + 36 <= c.count, i == 0 || !(c[i - 1].isLetter || c[i - 1].isNumber), i + 36 == c.count || !isWord(c[i + 36]) else { return false }
            for k in 0..<36 {
                if [8, 13, 18, 23].contains(k) { if c[i + k] != "-" { return false } } else if !c[i + k].isHexDigit { return false }
            }
            return true
        }
        while i < c.count {
            // A service account token (a signed JWT: the key is the store's own).
            if c[i] == "e", i + 3 <= c.count, c[i..<(i + 3)] == ["e", "y", "J"] {
                var j = i
                while j < c.count, c[j].isLetter || c[j].isNumber || "_-.".contains(c[j]) { j += 1 }
                out += Array("<jwt>")
                i = j
                continue
            }
            if isUUID(at: i) {
                out += Array("<uid>")
                i += 36
                continue
            }
            if c[i] == "-", i > 0, c[i - 1].isLetter || c[i - 1].isNumber, i + 6 <= c.count,
               c[(i + 1)...(i + 5)].allSatisfy(generatedSuffix.contains), i + 6 == c.count || !isWord(c[i + 6]) {
                out += Array("-<rand>")
                i += 6
                continue
            }
            out.append(c[i])
            i += 1
        }
        return String(out)
    }

    static func comparable(_ text: String, unordered: Bool) -> String {
        let masked = mask(text)
        guard unordered else { return masked }
        return masked.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).sorted().joined(separator: "\n")
    }
}

@Suite struct DescribeOddGoldenTests {
    @Test func corpusIsThere() {
        #expect(DescribeOddGolden.cases.count >= 60)
    }

    /// One store for every case (created at T0, described at T1, as recorded).
    @Test func matchesKubectl() {
        DescribeOddGolden.replay(DescribeOddGolden.dir, manifests: ["manifests", "manifests-cr"], unordered: DescribeOddGolden.unordered)
    }

    /// The masks change only what they name.
    @Test func masksAreNarrow() {
        #expect(DescribeOddGolden.mask("from kube-api-access-hhrrh (ro)") == "from kube-api-access-<rand> (ro)")
        #expect(DescribeOddGolden.mask("uid=a48d2b2e-57fa-42a1-9049-a2eb2b7d1b45\n") == "uid=<uid>\n")
        #expect(DescribeOddGolden.mask("token:  eyJhbGc.eyJpc3M.XEh-tB_N\n") == "token:  <jwt>\n")
        #expect(DescribeOddGolden.mask("pvc-bfd8255a-51b3-428b-b449-de902abf9885") == "pvc-<uid>")
        #expect(DescribeOddGolden.mask("claim-block pv-nfs-tiny many-keys web-zzzzzz") == "claim-block pv-nfs-tiny many-keys web-zzzzzz")
    }
}

/// Golden/describeaudit (session 34's audit of issue 15 on inputs nobody tuned to, see its record.sh):
/// describe of 24 kinds' odd objects, `get -o yaml|json` of some, and `events` (by namespace, `-A
/// --types`, `--for`), recorded from kubectl v1.32 against the served store.
@Suite struct DescribeAuditGoldenTests {
    @Test func matchesKubectl() {
        let dir = besideTest("Golden/describeaudit")
        #expect(DescribeOddGolden.cases(in: dir).count >= 30)
        DescribeOddGolden.replay(dir, manifests: ["manifests"], unordered: ["limits", "ns"])
    }
}
