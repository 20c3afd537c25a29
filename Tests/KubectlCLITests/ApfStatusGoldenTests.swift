import KubeTestSupport
import Testing

/// Replays the cases recorded from kubectl v1.32 under Golden/apfstatus (see its record.sh): FlowSchemas whose
/// `Dangling` condition the priority-and-fairness config controller set when they were written and when the
/// level one of them names was deleted. setup.txt runs at T0 in a fresh store, each case at T1; stdout, stderr
/// and the exit code must match kubectl's byte for byte once uids are masked on both sides.
enum ApfStatusGolden {
    static let dir = besideTest("Golden/apfstatus")
    static let cases = goldenTabCases("\(dir)/cases.txt")

    static func mask(_ text: String) -> String {
        text.replacing(#/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#) { _ in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" }
    }

    static func setUp() -> TestStore {
        let store = TestStore(now: "2026-11-23T12:00:00Z")
        for line in goldenListLines("\(dir)/setup.txt") {
            let set = store.run(args: line.split(separator: " ").map { $0.hasPrefix("manifests/") ? "\(dir)/\($0)" : String($0) })
            #expect(set.exitCode == 0, "\(line): \(set.stderr)")
        }
        store.environment["KUBECTL_LOCAL_NOW"] = "2026-11-23T12:05:00Z"
        return store
    }
}

@Test("kubectl v1.32 describes FlowSchemas with their Dangling condition", arguments: ApfStatusGolden.cases.map(\.name))
func apfStatusGolden(_ name: String) throws {
    let args = try #require(ApfStatusGolden.cases.first { $0.name == name }).args
    let store = ApfStatusGolden.setUp()
    let result = store.run(args: args.split(separator: " ").map(String.init))
    let base = "\(ApfStatusGolden.dir)/golden/\(name)"
    #expect(ApfStatusGolden.mask(result.stdout) == ApfStatusGolden.mask(readTextFile("\(base).stdout") ?? ""), "stdout of \(args)")
    #expect(result.stderr == readTextFile("\(base).stderr"), "stderr of \(args)")
    #expect("\(result.exitCode)\n" == readTextFile("\(base).exit"), "exit code of \(args)")
}
