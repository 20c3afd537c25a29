/// A golden folder recorded by a `served.sh` script that runs `setup.txt` (one kubectl-local command per line,
/// `manifests/...` relative to the folder) at T0 in a fresh store and each `cases.txt` line
/// (`NAME<TAB>arguments`) at T1 with kubectl v1.32 against the served store.
public struct SetupGolden: Sendable {
    public let dir: String
    public let t0: String
    public let t1: String

    public init(dir: String, t0: String, t1: String) {
        self.dir = dir
        self.t0 = t0
        self.t1 = t1
    }

    public var cases: [(name: String, args: String)] { goldenTabCases("\(dir)/cases.txt") }

    /// What is random on both sides: uids, container ids and the token volume's suffix.
    public static func mask(_ text: String) -> String {
        text.replacing(#/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#) { _ in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" }
            .replacing(#/containerd:\/\/[0-9a-f]{64}/#) { _ in "containerd://" + String(repeating: "x", count: 64) }
            .replacing(#/kube-api-access-[a-z0-9]{5}/#) { _ in "kube-api-access-xxxxx" }
    }

    /// A store after setup.txt at T0, its clock at T1, and the setup lines that failed (with their stderr).
    public func setUp() -> (store: TestStore, failures: [String]) {
        let store = TestStore(now: t0)
        var failures: [String] = []
        for line in goldenListLines("\(dir)/setup.txt") {
            let args = line.split(separator: " ").map { $0.hasPrefix("manifests/") ? "\(dir)/\($0)" : String($0) }
            let result = store.run(args: args)
            if result.exitCode != 0 { failures.append("\(line): \(result.stderr)") }
        }
        store.environment["KUBECTL_LOCAL_NOW"] = t1
        return (store, failures)
    }

    /// The case run with kubectl-local after setup (random parts masked in stdout), what kubectl v1.32 printed, and
    /// the setup lines that failed; nil when there is no such case.
    public func replay(_ name: String) -> (got: CLIResult, want: CLIResult, setupFailures: [String])? {
        guard let args = cases.first(where: { $0.name == name })?.args else { return nil }
        let (store, failures) = setUp()
        var got = store.run(args: args.split(separator: " ").map(String.init))
        var want = recordedResult("\(dir)/golden/\(name)")
        got.stdout = Self.mask(got.stdout)
        want.stdout = Self.mask(want.stdout)
        return (got, want, failures)
    }
}
