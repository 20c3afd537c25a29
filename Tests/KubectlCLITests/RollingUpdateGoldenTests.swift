import KubeTestSupport
import Testing

/// Replays the cases recorded from kubectl v1.32 under Golden/rollingupdate (see its record.sh):
/// Deployments in the middle of rolling updates that wait for availability. setup.txt runs in a fresh
/// store, each line at the time of the last `@TIME` line, each case at T1 (12:05:00); stdout, stderr and
/// the exit code must match kubectl's byte for byte once UIDs are masked on both sides.
enum RollingUpdateGolden {
    static let dir = besideTest("Golden/rollingupdate")

    static func lines(_ file: String) -> [String] { goldenListLines("\(dir)/\(file)") }

    static let cases = goldenTabCases("\(dir)/cases.txt")

    static func mask(_ text: String) -> String {
        text.replacing(#/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#) { _ in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" }
    }

    /// The store after setup.txt, made once and copied for each case.
    static let seeded: TestStore = {
        let store = TestStore(now: "2026-11-23T12:00:00Z")
        for line in lines("setup.txt") {
            if line.hasPrefix("@") { store.setNow(String(line.dropFirst())); continue }
            let args = line.split(separator: " ").map { $0.hasPrefix("manifests/") ? "\(dir)/\($0)" : String($0) }
            let r = store.run(args: args)
            precondition(r.exitCode == 0, "\(line): \(r)")
        }
        return store
    }()
}

@Test("kubectl v1.32 goldens of rolling updates waiting for availability", arguments: RollingUpdateGolden.cases.map(\.name))
func rollingUpdateGolden(_ name: String) throws {
    let args = try #require(RollingUpdateGolden.cases.first { $0.name == name }).args
    let store = TestStore(now: "2026-11-23T12:05:00Z")
    _ = shell("cp -a '\(RollingUpdateGolden.seeded.directory)'/store.* '\(store.directory)'/")
    let result = store.run(args: args.split(separator: " ").map(String.init))
    let base = "\(RollingUpdateGolden.dir)/golden/\(name)"
    #expect(RollingUpdateGolden.mask(result.stdout) == RollingUpdateGolden.mask(readTextFile("\(base).stdout") ?? ""), "stdout of \(args)")
    #expect(result.stderr == readTextFile("\(base).stderr"), "stderr of \(args)")
    #expect("\(result.exitCode)\n" == readTextFile("\(base).exit"), "exit code of \(args)")
}
