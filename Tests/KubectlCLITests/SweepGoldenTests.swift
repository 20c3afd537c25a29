import KubeTestSupport
import Testing

/// Replays the cases recorded from kubectl v1.32 under Golden/sweep (see its record.sh): the fixes the
/// oracle sweeps of bench/sweep found. manifests/ is created at T0 in a fresh store, each case's command
/// runs at T1, and stdout, stderr and the exit code must match kubectl's byte for byte.
enum SweepGolden {
    static let dir = besideTest("Golden/sweep")

    static let cases = goldenTabCases("\(dir)/cases.txt")
}

@Test("kubectl v1.32 goldens of the oracle sweeps' fixes", arguments: SweepGolden.cases.map(\.name))
func sweepGolden(_ name: String) throws {
    let args = try #require(SweepGolden.cases.first { $0.name == name }).args
    let store = TestStore(now: "2026-11-01T00:00:00Z")
    let created = store.run(args: ["create", "-f", "\(SweepGolden.dir)/manifests"])
    #expect(created.exitCode == 0, "\(created.stderr)")
    store.environment["KUBECTL_LOCAL_NOW"] = "2026-11-21T00:00:00Z"
    let result = store.run(args: args.split(separator: " ").map(String.init))
    let base = "\(SweepGolden.dir)/golden/\(name)"
    #expect(maskUIDs(result.stdout) == maskUIDs(readTextFile("\(base).stdout") ?? ""), "stdout of \(args)")
    #expect(result.stderr == readTextFile("\(base).stderr"), "stderr of \(args)")
    #expect("\(result.exitCode)\n" == readTextFile("\(base).exit"), "exit code of \(args)")
}

/// Object uids are random (in a cluster as here): a `UID:` line's value is masked on both sides.
private func maskUIDs(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard line.contains("UID:"), line.count >= 36 else { return String(line) }
        let value = line.suffix(36)
        guard value.filter({ $0 == "-" }).count == 4 else { return String(line) }
        return line.dropLast(36) + "<uid>"
    }.joined(separator: "\n")
}
