import KubeModel
@testable import KubeRegistry

/// A describe context over fixture objects: `list` filters by namespace, `events` matches
/// `involvedObject.uid` (else kind/namespace/name).
struct FakeDescribeContext: DescribeContext {
    var now: Timestamp
    var objects: [String: [JSONValue]] = [:]
    var allEvents: [JSONValue] = []
    var showEvents = true

    init(now: String, objects: [String: [JSONValue]] = [:], events: [JSONValue] = [], showEvents: Bool = true) {
        self.now = Timestamp(rfc3339: now)!
        self.objects = objects
        self.allEvents = events
        self.showEvents = showEvents
    }

    func list(_ resource: String, namespace: String?) -> [JSONValue] {
        (objects[resource] ?? []).filter { namespace == nil || $0["metadata"]["namespace"].string == namespace }
    }

    func events(for object: JSONValue) -> [JSONValue] {
        allEvents.filter { e in
            let io = e["involvedObject"]
            if let uid = io["uid"].string, let ouid = object["metadata"]["uid"].string { return uid == ouid }
            return io["name"].string == object["metadata"]["name"].string
                && io["namespace"].string == object["metadata"]["namespace"].string
        }
    }
}

func parse(_ text: String) -> JSONValue {
    do { return try JSON.parse(text) } catch { fatalError("bad fixture JSON: \(error)\n\(text)") }
}

/// A core/v1 Event about `uid`, first seen `first` and last seen `last` seconds before `now`.
func event(_ uid: String, type: String = "Normal", reason: String, message: String, component: String,
           now: String, firstAgo: Int64, lastAgo: Int64, count: Int64 = 1) -> JSONValue
{
    let n = Timestamp(rfc3339: now)!
    var e: JSONValue = ["apiVersion": "v1", "kind": "Event", "type": .string(type), "reason": .string(reason),
                        "message": .string(message), "count": .int(count)]
    e["involvedObject"] = ["uid": .string(uid)]
    e["source"] = ["component": .string(component)]
    e["firstTimestamp"] = .string(n.adding(seconds: -firstAgo).rfc3339)
    e["lastTimestamp"] = .string(n.adding(seconds: -lastAgo).rfc3339)
    return e
}

/// A readable first difference, for failure messages.
func firstDifference(_ got: String, _ want: String) -> String {
    let g = got.split(separator: "\n", omittingEmptySubsequences: false)
    let w = want.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(g.count, w.count) {
        let a = i < g.count ? String(g[i]) : "<missing>"
        let b = i < w.count ? String(w[i]) : "<missing>"
        if a != b { return "line \(i + 1):\n got: [\(a)]\nwant: [\(b)]" }
    }
    return "equal"
}
