import KubeTestSupport
import Testing

/// Replays the cases recorded from kubectl v1.32 under Golden/timeflow (see its record.sh): failure
/// states as time passes. setup.txt runs at T0 in a fresh store, each case at T1 (five minutes later),
/// and stdout, stderr and the exit code must match kubectl's byte for byte, once the random parts of
/// names (pod-name suffixes, container ids, token volume names, pod UIDs) are masked on both sides.
enum TimeflowGolden {
    static let dir = besideTest("Golden/timeflow")

    static func lines(_ file: String) -> [String] { goldenListLines("\(dir)/\(file)") }

    static let cases = goldenTabCases("\(dir)/cases.txt")

    /// The random parts of generated names and ids, as `x`s of the same length.
    static func mask(_ text: String) -> String {
        var out = text
        for pattern in [#/web-6dc5cd68db-[a-z0-9]{5}/#, #/refused-fc85cfbb-[a-z0-9]{5}/#, #/greedy-685b84f7f6-[a-z0-9]{5}/#, #/kube-api-access-[a-z0-9]{5}/#] {
            out = out.replacing(pattern) { m in String(m.output.dropLast(5)) + "xxxxx" }
        }
        // Pod UIDs (in the kubelet's `name_namespace(uid)` of BackOff messages).
        out = out.replacing(#/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#) { _ in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" }
        return out.replacing(#/containerd:\/\/[0-9a-f]{64}/#) { _ in "containerd://" + String(repeating: "x", count: 64) }
    }
}

@Test("kubectl v1.32 goldens of failure states over time", arguments: TimeflowGolden.cases.map(\.name))
func timeflowGolden(_ name: String) throws {
    let args = try #require(TimeflowGolden.cases.first { $0.name == name }).args
    let store = TestStore(now: "2026-11-23T12:00:00Z")
    for line in TimeflowGolden.lines("setup.txt") {
        // Files are named relative to the golden directory.
        let set = store.run(args: line.split(separator: " ").map { $0.hasPrefix("manifests/") ? "\(TimeflowGolden.dir)/\($0)" : String($0) })
        #expect(set.exitCode == 0, "\(line): \(set.stderr)")
    }
    store.environment["KUBECTL_LOCAL_NOW"] = "2026-11-23T12:05:00Z"
    let result = store.run(args: args.split(separator: " ").map(String.init))
    let base = "\(TimeflowGolden.dir)/golden/\(name)"
    #expect(TimeflowGolden.mask(result.stdout) == TimeflowGolden.mask(readTextFile("\(base).stdout") ?? ""), "stdout of \(args)")
    #expect(result.stderr == readTextFile("\(base).stderr"), "stderr of \(args)")
    #expect("\(result.exitCode)\n" == readTextFile("\(base).exit"), "exit code of \(args)")
}
