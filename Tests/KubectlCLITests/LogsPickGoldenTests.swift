import KubeTestSupport
import Testing

/// Replays the cases recorded from kubectl v1.32 under Golden/logspick (see its record.sh): which pod
/// `kubectl logs` picks for a workload, a service or a selector, the notes it writes, and its errors
/// before any log request. setup.txt runs in a fresh store (each line at its own time), each case at
/// 12:05:00. The random parts of generated pod names are masked on both sides.
enum LogsPickGolden {
    static let dir = besideTest("Golden/logspick")
    static let cases = goldenTabCases("\(dir)/cases.txt")
    /// The fake server kubectl was recorded against has no pods/log: a case that reached a log request
    /// ends with this line, where kubectl-local gives its own answer (one line, or nothing).
    static let noLogEndpoint = "Error from server (NotFound): the server could not find the requested resource\n"

    static func mask(_ text: String) -> String {
        text.replacing(#/(solo|trio)-[a-z0-9]{8,10}-[a-z0-9]{5}|once-[a-z0-9]{5}/#) { m in
            String(m.output.0.prefix { $0 != "-" }) + "-xxxxx"
        }
    }
}

@Test("kubectl v1.32 goldens of the pod logs picks", arguments: LogsPickGolden.cases.map(\.name))
func logsPickGolden(_ name: String) throws {
    let args = try #require(LogsPickGolden.cases.first { $0.name == name }).args
    let store = TestStore(now: "2026-11-23T12:00:00Z")
    for line in goldenListLines("\(LogsPickGolden.dir)/setup.txt") {
        let words = line.split(separator: " ").map(String.init)
        store.environment["KUBECTL_LOCAL_NOW"] = words[0]
        let set = store.run(args: words.dropFirst().map { $0.hasPrefix("manifests/") ? "\(LogsPickGolden.dir)/\($0)" : $0 })
        #expect(set.exitCode == 0, "\(line): \(set.stderr)")
    }
    store.environment["KUBECTL_LOCAL_NOW"] = "2026-11-23T12:05:00Z"
    let result = store.run(args: args.split(separator: " ").map(String.init))
    let base = "\(LogsPickGolden.dir)/golden/\(name)"
    let stderr = LogsPickGolden.mask(readTextFile("\(base).stderr") ?? "")
    #expect(result.stdout == readTextFile("\(base).stdout"), "stdout of \(args)")
    let ours = LogsPickGolden.mask(result.stderr)
    if stderr.hasSuffix(LogsPickGolden.noLogEndpoint) {
        // A log request was made: what kubectl wrote before it must match; then kubectl-local's answer.
        let before = String(stderr.dropLast(LogsPickGolden.noLogEndpoint.count))
        #expect(ours.hasPrefix(before), "stderr of \(args): \(ours)")
        let answer = ours.hasPrefix(before) ? String(ours.dropFirst(before.count)) : ours
        #expect(answer.filter { $0 == "\n" }.count == (result.exitCode == 0 ? 0 : 1), "answer of \(args): \(answer)")
    } else {
        #expect(ours == stderr, "stderr of \(args)")
        #expect("\(result.exitCode)\n" == readTextFile("\(base).exit"), "exit code of \(args)")
    }
}
