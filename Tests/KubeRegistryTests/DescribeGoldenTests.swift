import KubeModel
import KubeTestSupport
import Testing
@testable import KubeRegistry

/// Replays every `describe` case recorded from kubectl v1.32 under Golden/describe (see its record.sh):
/// the same fixture objects the fake API server served are given to our describer through a context
/// that answers lists and event searches as the server did, and the text must match byte for byte.
enum DescribeGolden {
    static let dir = besideTest("Golden/describe")

    /// NAME → describe arguments, from cases.txt.
    static let cases = goldenTabCases("\(dir)/cases.txt")

    static var caseNames: [String] { cases.map(\.name) }

    /// Every object of fixtures/*.json.
    static let objects: [JSONValue] = {
        var all: [JSONValue] = []
        for file in directoryEntries("\(dir)/fixtures") where file.hasSuffix(".json") {
            let text = readTextFile("\(dir)/fixtures/\(file)") ?? "[]"
            all += parse(text).array ?? []
        }
        return all
    }()
}

/// Lists and event searches over the fixture objects, as fake_cluster.py answers them.
struct GoldenDescribeContext: DescribeContext {
    let now: Timestamp
    let objects: [JSONValue]
    var showEvents: Bool { true }

    func list(_ resource: String, namespace: String?) -> [JSONValue] {
        objects.filter { o in
            guard let t = Registry.builtin.type(apiVersion: o["apiVersion"].string ?? "", kind: o["kind"].string ?? "")
                ?? Registry.builtin.type(group: groupOf(o), kind: o["kind"].string ?? "") else { return false }
            return t.qualifiedPlural == resource && (namespace == nil || o["metadata"]["namespace"].string == namespace)
        }.sorted { a, b in
            let ka = (a["metadata"]["namespace"].string ?? "", a["metadata"]["name"].string ?? "")
            let kb = (b["metadata"]["namespace"].string ?? "", b["metadata"]["name"].string ?? "")
            return ka.0 == kb.0 ? goStringLess(ka.1, kb.1) : goStringLess(ka.0, kb.0)
        }
    }

    /// kubectl's searchEvents: involvedObject name, namespace, kind and (when set) uid.
    func events(for object: JSONValue) -> [JSONValue] {
        let ns = object["metadata"]["namespace"].string ?? ""
        let uid = object["metadata"]["uid"].string ?? ""
        return list("events", namespace: ns.isEmpty ? nil : ns).filter { e in
            let io = e["involvedObject"]
            return io["name"].string == object["metadata"]["name"].string
                && (io["namespace"].string ?? "") == ns
                && io["kind"].string == object["kind"].string
                && (uid.isEmpty || io["uid"].string == uid)
        }
    }

    private func groupOf(_ o: JSONValue) -> String {
        let v = o["apiVersion"].string ?? ""
        return v.contains("/") ? String(v[..<v.firstIndex(of: "/")!]) : ""
    }
}

@Test("kubectl v1.32 describe goldens", arguments: DescribeGolden.caseNames)
func describeGolden(_ name: String) throws {
    let args = try #require(DescribeGolden.cases.first { $0.name == name }).args
    let words = args.split(separator: " ").map(String.init)
    var namespace = "default"
    var positional: [String] = []
    var i = 0
    while i < words.count {
        if words[i] == "-n" { namespace = words[i + 1]; i += 2; continue }
        positional.append(words[i]); i += 1
    }
    let type = try Registry.builtin.resolve(positional[0]).type
    let objName = positional[1]
    let obj = try #require(DescribeGolden.objects.first { o in
        o["kind"].string == type.kind && Registry.builtin.type(group: type.group, kind: type.kind) != nil
            && (o["apiVersion"].string ?? "").hasPrefix(type.group.isEmpty ? "v" : type.group + "/")
            && o["metadata"]["name"].string == objName
            && (!type.namespaced || o["metadata"]["namespace"].string == namespace)
    }, "no fixture object for \(args)")
    let base = "\(DescribeGolden.dir)/golden/\(name)"
    let nowText = try #require(readTextFile("\(base).now")).split(separator: "\n").first.map(String.init) ?? ""
    let ctx = GoldenDescribeContext(now: try #require(Timestamp(rfc3339: nowText)), objects: DescribeGolden.objects)
    if readTextFile("\(base).exit") != "0\n" {
        let failure = Describers.failure(obj).map { "error: \($0)\n" }
        #expect(failure == readTextFile("\(base).stderr"), "describe \(args) fails as kubectl does")
        return
    }
    let describer = type.describer ?? Describers.generic
    let got = describer(obj, ctx)
    let want = try #require(readTextFile("\(base).stdout"))
    #expect(got == want, "describe \(args)\n\(firstDifference(got, want))")
}
