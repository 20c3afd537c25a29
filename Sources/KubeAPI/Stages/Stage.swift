import KubeModel

/// A kwok `Stage` (`kwok.x-k8s.io/v1alpha1`): which objects it applies to (kind, label, annotation and
/// jq-expression selectors), when (a delay with jitter, possibly read from the object), how likely
/// among stages that match together (weight), and what happens next (an event, finalizers, deletion, a
/// status rendered from a Go template, patches).
struct Stage {
    struct Requirement {
        var query: JQQuery
        var op: String
        var values: [String]
    }

    struct Patch {
        var subresource: String
        var root: String
        var template: String
        var type: String  // json, merge, strategic, or "" (strategic for pods and nodes, merge otherwise)
    }

    var name: String
    var apiGroup: String  // "v1" and "" mean the core group
    var kind: String
    var matchLabels: [String: String]?
    var matchAnnotations: [String: String]?
    var expressions: [Requirement] = []
    var weight: Int64 = 0
    var weightFrom: JQQuery?
    var duration: Int64?  // milliseconds
    var durationFrom: JQQuery?
    var jitter: Int64?
    var jitterFrom: JQQuery?
    var hasDelay = false
    var hasJitter = false
    var event: (type: String, reason: String, message: String)?
    var finalizersAdd: [String] = []
    var finalizersRemove: [String] = []
    var finalizersEmpty = false
    var delete = false
    var patches: [Patch] = []
    var immediateNextStage = false

    struct Invalid: Error { var message: String }

    /// The group as the API names it (`v1` → core).
    var group: String {
        let g = apiGroup.split(separator: "/").first.map(String.init) ?? ""
        return g == "v1" ? "" : g
    }

    /// Reads a Stage object; nil when it has no selector (kwok ignores such stages).
    static func parse(_ obj: JSONValue) throws -> Stage? {
        let spec = obj["spec"]
        guard !spec["selector"].isNull else { return nil }
        var st = Stage(name: obj["metadata"]["name"].string ?? "", apiGroup: spec["resourceRef"]["apiGroup"].string ?? "v1",
                       kind: spec["resourceRef"]["kind"].string ?? "")
        let sel = spec["selector"]
        if let m = sel["matchLabels"].object { st.matchLabels = m.reduce(into: [:]) { $0[$1.0] = $1.1.string ?? "" } }
        if let m = sel["matchAnnotations"].object { st.matchAnnotations = m.reduce(into: [:]) { $0[$1.0] = $1.1.string ?? "" } }
        for e in sel["matchExpressions"].array ?? [] {
            let op = e["operator"].string ?? ""
            let values = (e["values"].array ?? []).compactMap(\.string)
            switch op {
            case "In", "NotIn":
                if values.isEmpty { throw Invalid(message: "for 'in', 'notin' operators, values set can't be empty") }
            case "Exists", "DoesNotExist":
                if !values.isEmpty { throw Invalid(message: "values set must be empty for exists and does not exist") }
            default: throw Invalid(message: "operator \(strconvQuote(op)) is not supported")
            }
            st.expressions.append(Requirement(query: try JQQuery(e["key"].string ?? "."), op: op, values: values))
        }
        st.weight = spec["weight"].int ?? 0
        st.weightFrom = try query(spec["weightFrom"])
        let delay = spec["delay"]
        if !delay.isNull {
            st.duration = delay["durationMilliseconds"].int
            st.durationFrom = try query(delay["durationFrom"])
            st.hasDelay = true
            st.jitter = delay["jitterDurationMilliseconds"].int
            st.jitterFrom = try query(delay["jitterDurationFrom"])
            st.hasJitter = st.jitter != nil || st.jitterFrom != nil
        }
        try st.readNext(spec["next"])
        st.immediateNextStage = spec["immediateNextStage"].bool ?? false
        return st
    }

    private static func query(_ from: JSONValue) throws -> JQQuery? {
        guard let text = from["expressionFrom"].string else { return nil }
        return try JQQuery(text)
    }

    private mutating func readNext(_ next: JSONValue) throws {
        if !next["event"].isNull {
            event = (next["event"]["type"].string ?? "Normal", next["event"]["reason"].string ?? "", next["event"]["message"].string ?? "")
        }
        finalizersAdd = (next["finalizers"]["add"].array ?? []).compactMap { $0["value"].string }
        finalizersRemove = (next["finalizers"]["remove"].array ?? []).compactMap { $0["value"].string }
        finalizersEmpty = next["finalizers"]["empty"].bool ?? false
        delete = next["delete"].bool ?? false
        if let tpl = next["statusTemplate"].string, !tpl.isEmpty {
            patches.append(Patch(subresource: next["statusSubresource"].string ?? "status", root: "status", template: tpl, type: "merge"))
        }
        for p in next["patches"].array ?? [] {
            patches.append(Patch(subresource: p["subresource"].string ?? "", root: p["root"].string ?? "",
                                 template: p["template"].string ?? "", type: p["type"].string ?? ""))
        }
    }

    // MARK: matching

    func matches(_ obj: JSONValue) -> Bool {
        let meta = obj["metadata"]
        if let m = matchLabels, !m.allSatisfy({ meta["labels"][$0.key].string == $0.value }) { return false }
        if let m = matchAnnotations, !m.allSatisfy({ meta["annotations"][$0.key].string == $0.value }) { return false }
        for r in expressions where !Stage.requirementHolds(r, obj) { return false }
        return true
    }

    static func requirementHolds(_ r: Requirement, _ obj: JSONValue) -> Bool {
        guard let data = r.query.run(obj) else { return r.op == "NotIn" || r.op == "DoesNotExist" }
        let has = data.contains { v in
            switch v {
            case .string(let s): return r.values.contains(s)
            case .bool(let b): return r.values.contains(b ? "true" : "false")
            default: return false
            }
        }
        let exists = data.contains { !$0.isNull }
        switch r.op {
        case "In": return has
        case "NotIn": return !has
        case "Exists": return exists
        default: return !exists
        }
    }

    /// The stage's weight for this object (kwok's IntFrom), or nil when it cannot be read.
    func weight(for obj: JSONValue) -> Int64? {
        guard let q = weightFrom else { return weight }
        guard let out = q.run(obj) else { return nil }
        guard let first = out.first else { return weight }
        switch first {
        case .string(let s): return s.isEmpty ? nil : Int64(s)
        case .int(let i): return i
        case .double(let d): return Int64(d)
        default: return weight
        }
    }

    // MARK: delay

    /// A duration in nanoseconds read from the object (an RFC 3339 time counts from `now`, or a Go
    /// duration), or the fixed value; nil when neither applies.
    static func duration(fixed: Int64?, from q: JQQuery?, _ obj: JSONValue, now: Timestamp) -> Int64? {
        let fixedNanos = fixed.map { $0 * 1_000_000 }
        guard let q else { return fixedNanos }
        guard let out = q.run(obj) else { return fixedNanos }
        if let s = out.first?.string {
            if s.isEmpty { return nil }
            if let t = Timestamp(rfc3339: s) { return (t.seconds - now.seconds) * 1_000_000_000 }
            if let d = try? GoDuration.parse(s) { return d.nanoseconds }
        }
        return fixedNanos
    }

    /// kwok's possible delay: `[duration]` or `[duration, jitter]` in nanoseconds; nil without a delay.
    func delayRange(_ obj: JSONValue, now: Timestamp) -> [Int64]? {
        guard hasDelay, let d = Stage.duration(fixed: duration, from: durationFrom, obj, now: now) else { return nil }
        guard hasJitter, let j = Stage.duration(fixed: jitter, from: jitterFrom, obj, now: now) else { return [d] }
        return j <= d ? [j] : [d, j]
    }

    /// The delay in milliseconds, the jitter drawn from `seed` (deterministic for one object version).
    func delayMillis(_ obj: JSONValue, now: Timestamp, seed: UInt64) -> Int64 {
        guard let r = delayRange(obj, now: now) else { return 0 }
        var nanos = r[0]
        if r.count == 2, r[1] > r[0] { nanos += Int64(seed % UInt64(r[1] - r[0])) }
        return max(0, nanos / 1_000_000)
    }
}

/// The stages of one kind, and kwok's choice among those that match an object.
struct StageSet {
    var stages: [Stage]

    func matching(_ obj: JSONValue) -> [Stage] { stages.filter { $0.matches(obj) } }

    /// Every stage that may be chosen (kwok's ListAllPossible): all when weights are unreadable or all
    /// zero, otherwise those with a positive weight.
    func possible(_ obj: JSONValue) -> [Stage] {
        let matched = matching(obj)
        if matched.count <= 1 { return matched }
        let weights = matched.map { $0.weight(for: obj) }
        let readable = weights.compactMap { $0 }
        if readable.isEmpty { return matched }
        let total = readable.reduce(0, +)
        if total == 0 {
            return readable.count == matched.count ? matched : zip(matched, weights).filter { $0.1 != nil }.map(\.0)
        }
        return zip(matched, weights).filter { ($0.1 ?? 0) > 0 }.map(\.0)
    }

    /// The stage kwok would pick, drawing from `seed`.
    func pick(_ obj: JSONValue, seed: UInt64) -> Stage? {
        let candidates = possible(obj)
        guard candidates.count > 1 else { return candidates.first }
        let weights = candidates.map { max(0, $0.weight(for: obj) ?? 0) }
        let total = weights.reduce(0, +)
        if total == 0 { return candidates[Int(seed % UInt64(candidates.count))] }
        var off = Int64(seed % UInt64(total))
        for (st, w) in zip(candidates, weights) where w > 0 {
            off -= w
            if off < 0 { return st }
        }
        return candidates.last
    }
}
