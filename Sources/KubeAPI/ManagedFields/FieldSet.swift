import KubeModel

/// One step of a field path, as structured-merge-diff names it: a field of a map or struct (`f:`), an
/// item of an associative list by its key fields (`k:`), an item of a set by its value (`v:`), or an
/// item by position (`i:`, not used by kubectl-local's schemas).
enum PathElement: Hashable, Comparable {
    case field(String)
    /// The key fields of a list item as compact JSON with sorted names: `{"name":"nginx"}`.
    case key(String)
    /// A set item's value as compact JSON.
    case value(String)
    case index(Int)

    var rank: Int {
        switch self {
        case .field: return 0
        case .key: return 1
        case .value: return 2
        case .index: return 3
        }
    }

    static func < (a: PathElement, b: PathElement) -> Bool {
        switch (a, b) {
        case (.field(let x), .field(let y)), (.key(let x), .key(let y)), (.value(let x), .value(let y)):
            return goStringLess(x, y)
        case (.index(let x), .index(let y)): return x < y
        default: return a.rank < b.rank
        }
    }

    /// The FieldsV1 key of the element.
    var fieldsV1Key: String {
        switch self {
        case .field(let n): return "f:" + n
        case .key(let k): return "k:" + k
        case .value(let v): return "v:" + v
        case .index(let i): return "i:\(i)"
        }
    }

    init?(fieldsV1Key s: String) {
        guard s.count >= 2 else { return nil }
        let body = String(s.dropFirst(2))
        switch s.prefix(2) {
        case "f:": self = .field(body)
        case "k:": self = .key(body)
        case "v:": self = .value(body)
        case "i:": guard let i = Int(body) else { return nil }; self = .index(i)
        default: return nil
        }
    }

    /// The element as a conflict message shows it (`.spec`, `[name="nginx"]`, `[=value]`).
    var pathString: String {
        switch self {
        case .field(let n): return "." + n
        case .key(let k):
            guard case .object(let o)? = try? JSON.parse(k) else { return "[" + k + "]" }
            return "[" + o.sortedKeys.map { "\($0)=\(o[$0]!.compactJSON)" }.joined(separator: ",") + "]"
        case .value(let v): return "[=" + v + "]"
        case .index(let i): return "[\(i)]"
        }
    }

    /// The key element of a list item with these key fields. A missing key field counts as its
    /// schema default when it has one (`defaults`), else it is left out.
    static func key(of item: JSONValue, fields: [String], defaults: [String: JSONValue] = [:]) -> PathElement {
        var o = JSONObject()
        for f in fields.sorted(by: goStringLess) {
            if !item[f].isNull { o[f] = item[f] } else if let d = defaults[f] { o[f] = d }
        }
        return .key(JSONValue.object(o).compactJSON)
    }
}

/// A set of field paths (structured-merge-diff's `fieldpath.Set`): a tree whose nodes are members
/// (owned paths) or only lead to members.
struct FieldSet: Equatable {
    var isMember = false
    var children: [PathElement: FieldSet] = [:]

    init() {}

    var isEmpty: Bool { !isMember && children.values.allSatisfy(\.isEmpty) }

    mutating func insert(_ path: ArraySlice<PathElement>) {
        guard let first = path.first else { isMember = true; return }
        children[first, default: FieldSet()].insert(path.dropFirst())
    }

    mutating func insert(_ path: [PathElement]) { insert(path[...]) }

    /// Removes the node at `path` with everything below it, and the nodes above it that then lead
    /// nowhere (an empty path empties the set).
    mutating func remove(_ path: ArraySlice<PathElement>) {
        guard let first = path.first else { self = FieldSet(); return }
        guard children[first] != nil else { return }
        let rest = path.dropFirst()
        if rest.isEmpty { children[first] = nil; return }
        children[first]!.remove(rest)
        if children[first]!.isEmpty { children[first] = nil }
    }

    func contains(_ path: ArraySlice<PathElement>) -> Bool {
        guard let first = path.first else { return isMember }
        return children[first]?.contains(path.dropFirst()) ?? false
    }

    func child(_ e: PathElement) -> FieldSet? { children[e] }

    func union(_ other: FieldSet) -> FieldSet {
        var out = self
        out.isMember = isMember || other.isMember
        for (k, v) in other.children { out.children[k] = (children[k] ?? FieldSet()).union(v) }
        return out
    }

    /// Members of this set that are not members of `other` (structure-wise, as `Set.Difference`).
    func difference(_ other: FieldSet) -> FieldSet {
        var out = FieldSet()
        out.isMember = isMember && !other.isMember
        for (k, v) in children {
            let d = other.children[k].map { v.difference($0) } ?? v
            if !d.isEmpty { out.children[k] = d }
        }
        return out
    }

    func intersection(_ other: FieldSet) -> FieldSet {
        var out = FieldSet()
        out.isMember = isMember && other.isMember
        for (k, v) in children {
            guard let w = other.children[k] else { continue }
            let i = v.intersection(w)
            if !i.isEmpty { out.children[k] = i }
        }
        return out
    }

    /// Every member path, in the set's order.
    func members(prefix: [PathElement] = [], _ body: ([PathElement]) -> Void) {
        if isMember && !prefix.isEmpty { body(prefix) }
        for k in children.keys.sorted() { children[k]!.members(prefix: prefix + [k], body) }
    }

    /// Member paths in structured-merge-diff's iteration order: a node's member children first, then
    /// the paths below its children (the order conflicts are listed in).
    var iterationPaths: [[PathElement]] {
        var out: [[PathElement]] = []
        func walk(_ s: FieldSet, _ prefix: [PathElement]) {
            let keys = s.children.keys.sorted()
            for k in keys where s.children[k]!.isMember { out.append(prefix + [k]) }
            for k in keys where !s.children[k]!.children.isEmpty { walk(s.children[k]!, prefix + [k]) }
        }
        walk(self, [])
        return out
    }

    var memberPaths: [[PathElement]] {
        var out: [[PathElement]] = []
        members { out.append($0) }
        return out
    }

    // MARK: FieldsV1

    /// The FieldsV1 form: `{"f:spec":{"f:replicas":{}}}`, `".": {}` for a member with children.
    var fieldsV1: JSONValue {
        var o = JSONObject()
        for k in children.keys.sorted() {
            let c = children[k]!
            guard !c.isEmpty else { continue }
            var inner = c.fieldsV1.object ?? JSONObject()
            if c.isMember && !inner.isEmpty { inner.insert(".", .emptyObject, at: 0) }
            o[k.fieldsV1Key] = .object(inner)
        }
        return .object(o)
    }

    /// Reads a FieldsV1 value (an unreadable key is skipped).
    init(fieldsV1 v: JSONValue) {
        self.init()
        for (key, value) in v.object ?? JSONObject() {
            if key == "." { isMember = true; continue }
            guard let e = PathElement(fieldsV1Key: key) else { continue }
            var c = FieldSet(fieldsV1: value)
            if (value.object?.isEmpty ?? true) { c.isMember = true }
            children[e] = c
        }
    }

    static func pathString(_ path: [PathElement]) -> String { path.map(\.pathString).joined() }
}
