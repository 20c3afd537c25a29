import KubeCodec
import KubeModel
import KubeTestSupport
import Testing

@testable import KubeAPI

/// kwok's own Stage definitions (Fixtures/kwok-stages, copied from kwok with its licence) run against
/// kwok's test inputs: the stages that may apply, their delays, weights and rendered steps must be what
/// kwok's `*.output.yaml` files say. `<...>` in an expected value stands for a value that depends on
/// the cluster (now, addresses, versions).
struct KwokStageTestdataTests {
    static let root = besideTest("Fixtures/kwok-stages")

    struct Env: StageEnvironment {
        var now = Timestamp(rfc3339: "2006-01-02T15:04:05Z")!
        func nodeIP(_ nodeName: String) -> String { "10.0.0.1" }
        func podIP(nodeName: String, hostNetwork: Bool, uid: String, name: String, namespace: String) -> String { "10.0.0.2" }
        // kwok's tests run dual-stack.
        func nodeIPs(_ nodeName: String) -> [String] { ["10.0.0.1", "fd00::1"] }
        func podIPs(nodeName: String, hostNetwork: Bool, uid: String, name: String, namespace: String) -> [String] {
            ["10.0.0.2", "fd00::2"]
        }
    }

    static var cases: [String] {
        var out: [String] = []
        for kind in ["node", "pod"] {
            for set in directoryEntries("\(root)/\(kind)") {
                for f in directoryEntries("\(root)/\(kind)/\(set)/testdata") where f.hasSuffix(".input.yaml") {
                    out.append("\(kind)/\(set)/testdata/\(f.dropLast(".input.yaml".count))")
                }
            }
        }
        return out
    }

    @Test func everyTestdataCaseIsFound() {
        #expect(Self.cases.count >= 12)
    }

    @Test(arguments: cases)
    func stagePlanMatchesKwok(_ name: String) throws {
        let dir = name.split(separator: "/").prefix(2).joined(separator: "/")
        var stages: [Stage] = []
        for f in directoryEntries("\(Self.root)/\(dir)") where f.hasSuffix(".yaml") {
            let text = readTextFile("\(Self.root)/\(dir)/\(f)") ?? ""
            if let st = try Stage.parse(try YAMLCodec.decode(text)) { stages.append(st) }
        }
        let input = try YAMLCodec.decode(readTextFile("\(Self.root)/\(name).input.yaml") ?? "")
        let expected = try YAMLCodec.decode(readTextFile("\(Self.root)/\(name).output.yaml") ?? "")
        let env = Env()
        let kind = input["kind"].string ?? ""
        let set = StageSet(stages: stages.filter { $0.kind == kind })
        var plan: [JSONValue] = []
        for st in set.possible(input) {
            var entry: JSONValue = .emptyObject
            if let d = st.delayRange(input, now: env.now) { entry["delay"] = .array(d.map { .int($0) }) }
            entry["next"] = .array(try st.steps(for: input, env: env).map(Self.describe))
            entry["stage"] = .string(st.name)
            entry["weight"] = .int(st.weight(for: input) ?? 0)
            plan.append(entry)
        }
        let actual: JSONValue = ["apiGroup": input["apiVersion"], "kind": input["kind"], "name": input["metadata"]["name"],
                                 "stages": .array(plan)]
        let diffs = Self.differences(expected, actual, path: "")
        #expect(diffs.isEmpty, "\(name): \(diffs.joined(separator: "\n"))\nactual: \(actual.compactJSON)")
    }

    static func describe(_ step: StageStep) -> JSONValue {
        switch step {
        case .event(let type, let reason, let message):
            return ["kind": "event", "message": .string(message), "reason": .string(reason), "type": .string(type)]
        case .delete: return ["kind": "delete"]
        case .finalizers(let ops): return ["data": ops, "kind": "patch", "type": "application/json-patch+json"]
        case .patch(let data, let sub, let type):
            let mime = type == "json" ? "application/json-patch+json"
                : type == "merge" ? "application/merge-patch+json" : "application/strategic-merge-patch+json"
            var o: JSONValue = ["data": data, "kind": "patch"]
            if !sub.isEmpty { o["subresource"] = .string(sub) }
            o["type"] = .string(mime)
            return o
        }
    }

    /// Where `actual` differs from `expected`; an expected string with `<...>` matches any scalar.
    static func differences(_ expected: JSONValue, _ actual: JSONValue, path: String) -> [String] {
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            var out: [String] = []
            let keys = Set(e.map { $0.0 }).union(a.map { $0.0 })
            for k in keys.sorted() {
                out += differences(e[k] ?? .null, a[k] ?? .null, path: path + "." + k)
            }
            return out
        case (.array(let e), .array(let a)):
            if e.count != a.count { return ["\(path): \(e.count) items expected, \(a.count) found"] }
            return zip(e, a).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        case (.string(let s), _) where s.contains("<") && s.contains(">"):
            if case .object = actual { return ["\(path): expected scalar \(s)"] }
            if case .array = actual { return ["\(path): expected scalar \(s)"] }
            if actual.isNull { return ["\(path): expected \(s), missing"] }
            return []
        default:
            return expected == actual ? [] : ["\(path): expected \(expected.compactJSON), got \(actual.compactJSON)"]
        }
    }
}
