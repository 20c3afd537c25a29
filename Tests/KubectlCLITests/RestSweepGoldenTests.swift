import KubeModel
import KubeTestSupport
import Testing

/// The oracle sweep of `events`, `cluster-info` (and `dump`), `certificate approve|deny`, `version`,
/// `get --raw` and `auth can-i` (Golden/restsweep, recorded by its record.sh from kubectl v1.32 against
/// the objects of _files/seed.yaml as a kubectl-local store holds them): the same store is built here at
/// the same times, and each command must print what kubectl printed.
enum RestSweepGolden {
    static let dir = besideTest("Golden/restsweep")
    static let seedNow = "2026-12-05T11:58:00Z", csrNow = "2026-12-05T11:59:40Z", cmdNow = "2026-12-05T12:12:30Z"
    static var cases: [String] { goldenCaseNames(in: dir) }

    /// `cluster-info dump`'s per-container log sections: kubectl's log request failed against the fake
    /// server, kubectl-local says it has no container runtime. Both are left out of the comparison.
    static func dropLogSections(_ s: String) -> String {
        var out: [Substring] = [], inLogs = false
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("==== START logs for container ") { inLogs = true }
            if !inLogs { out.append(line) }
            if line.hasPrefix("==== END logs for container ") { inLogs = false }
        }
        return out.joined(separator: "\n")
    }

    /// Names a store draws at random (a pod's service-account volume, its containers' IDs) as placeholders.
    static func maskRandom(_ s: String) -> String {
        var text = s
        for (prefix, allowed, length) in [("kube-api-access-", Set("abcdefghijklmnopqrstuvwxyz0123456789"), 5),
                                          ("containerd://", Set("0123456789abcdef"), 64)] {
            var out = "", rest = Substring(text)
            while let r = rest.firstRange(of: prefix) {
                out += rest[..<r.upperBound]
                rest = rest[r.upperBound...]
                let value = rest.prefix(length)
                if value.count == length, value.allSatisfy(allowed.contains) { out += "RANDOM"; rest = rest.dropFirst(length) }
            }
            text = out + rest
        }
        return text
    }
}

@Suite struct RestSweepGoldenTests {
    @Test func corpusIsThere() { #expect(RestSweepGolden.cases.count >= 90) }

    @Test(arguments: RestSweepGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let dir = RestSweepGolden.dir, base = dir + "/" + name
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let s = TestStore(now: RestSweepGolden.seedNow)
        #expect(s.run("create -f \(dir)/_files/seed.yaml").exitCode == 0)
        s.environment["KUBECTL_LOCAL_NOW"] = RestSweepGolden.csrNow
        #expect(s.run("certificate approve carol").exitCode == 0)
        #expect(s.run("certificate deny dave").exitCode == 0)
        s.environment["KUBECTL_LOCAL_NOW"] = RestSweepGolden.cmdNow
        var words = shellWords(cmd).map { $0.hasPrefix("_files/") ? dir + "/" + $0 : $0 }
        words.removeFirst()  // kubectl
        let r = s.run(args: words)
        let server = s.run("config view -o jsonpath={.clusters[0].cluster.server}").stdout
        let expectedOut = (readTextFile(base + "/stdout") ?? "").replacingAll("http://127.0.0.1:18103", with: server)
        let out = RestSweepGolden.maskRandom(RestSweepGolden.dropLogSections(r.stdout))
        let expected = RestSweepGolden.maskRandom(RestSweepGolden.dropLogSections(expectedOut))
        #expect(ClusterGolden.maskUIDs(out) == ClusterGolden.maskUIDs(expected), "\(name): \(cmd)")
        #expect(r.stderr.replacingAll(dir + "/", with: "") == (readTextFile(base + "/stderr") ?? ""), "\(name): \(cmd)")
        #expect(r.exitCode == Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n"))!, "\(name): \(cmd)")
    }
}
