import KubeTestSupport
import KubeModel
import Testing

/// `events` and `cluster-info` against kubectl v1.32's own output (Golden/cluster, recorded by its
/// record.sh from the objects of _files/events.yaml as a kubectl-local store holds them): the same
/// objects are created here at the same time, and each command must print what kubectl printed.
enum ClusterGolden {
    static let dir = besideTest("Golden/cluster")
    static let seedNow = "2026-12-05T11:59:00Z"
    static let cmdNow = "2026-12-05T12:00:00Z"
    static var cases: [String] { goldenCaseNames(in: dir) }

    /// uids are random per store, and resourceVersions depend on how many objects the store seeds:
    /// compare them as placeholders.
    static func maskUIDs(_ s: String) -> String {
        var out = ""
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix("uid: ") || trimmed.hasPrefix("\"uid\": ") {
                out += line.prefix(line.count - trimmed.count) + "uid: UID\n"
            } else if trimmed.hasPrefix("resourceVersion: ") || trimmed.hasPrefix("\"resourceVersion\": ") {
                out += line.prefix(line.count - trimmed.count) + "resourceVersion: RV\n"
            } else {
                out += maskInline(String(line)) + "\n"
            }
        }
        return String(out.dropLast())
    }

    /// The same inside one line (go-template dumps): `"uid":"<uuid>"`, `uid:<uuid>`,
    /// `"resourceVersion":"<n>"`, `resourceVersion:<n>`.
    static func maskInline(_ line: String) -> String {
        var s = line
        for (key, placeholder, allowed) in [("uid", "UID", Set("0123456789abcdef-")), ("resourceVersion", "RV", Set("0123456789"))] {
            for prefix in ["\"\(key)\":\"", "\(key):"] {
                var out = ""
                var rest = Substring(s)
                while let r = rest.firstRange(of: prefix) {
                    out += rest[..<r.upperBound]
                    rest = rest[r.upperBound...]
                    let value = rest.prefix { allowed.contains($0) }
                    if !value.isEmpty { out += placeholder; rest = rest.dropFirst(value.count) }
                }
                s = out + rest
            }
        }
        return s
    }
}

@Suite struct ClusterGoldenTests {
    @Test func corpusIsThere() { #expect(ClusterGolden.cases.count >= 19) }

    @Test(arguments: ClusterGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = ClusterGolden.dir + "/" + name
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let s = TestStore(now: ClusterGolden.seedNow)
        let seeded = s.run("create -f \(ClusterGolden.dir)/_files/events.yaml")
        #expect(seeded.exitCode == 0, "\(seeded)")
        s.environment["KUBECTL_LOCAL_NOW"] = ClusterGolden.cmdNow
        var words = shellWords(cmd)
        words.removeFirst()  // kubectl
        let r = s.run(args: words)
        let server = s.run("config view -o jsonpath={.clusters[0].cluster.server}").stdout
        let expectedOut = (readTextFile(base + "/stdout") ?? "").replacingAll("http://127.0.0.1:18091", with: server)
        #expect(ClusterGolden.maskUIDs(r.stdout) == ClusterGolden.maskUIDs(expectedOut), "\(name): \(cmd)")
        #expect(r.stderr == (readTextFile(base + "/stderr") ?? ""), "\(name): \(cmd)")
        #expect(r.exitCode == Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n"))!, "\(name): \(cmd)")
    }
}
