import KubeModel

/// The managed fields of a controller's pod update, worked out once per pod shape.
///
/// The field manager's result depends on the two versions of the pod and their managed fields, but
/// not on what most of their strings say: only on which strings are equal to which (a comparison),
/// on the few strings it looks at (`""`, `TCP`, `PodScheduled`, the service-account mount path, the
/// `kube-api-access-` prefix), and on the byte order of the strings that become list keys (`k:` and
/// `v:` keys, sorted). So the inputs are written with every other string replaced by a token (the
/// first string seen is token 0, and so on: a bijection), and a pod whose inputs give the same tokens
/// gets the result computed for an earlier one, with its own strings put back into the keys and the
/// keys sorted again. Entries kept unchanged are the pod's own stored entries.
struct PodShapeFingerprint {
    /// The inputs in token form.
    private(set) var bytes: [UInt8] = []
    /// Token `i`'s string in this pod.
    private(set) var strings: [String] = []
    private var tokens = PodShapeTokens()
    /// False when a key of the managed fields is not in the form the field manager writes (the
    /// tokens would not say everything about it).
    private(set) var memoizable = true

    init() { bytes.reserveCapacity(4096) }

    /// The strings the field manager looks at: kept as they are.
    static func isFixed(_ s: String) -> Bool {
        switch s.utf8.count {
        case 0: return true
        case 3: return s == "TCP"
        case 12: return s == "PodScheduled"
        case 45: return s == "/var/run/secrets/kubernetes.io/serviceaccount"
        default: return false
        }
    }

    static let strippedMetadata: Set<String> = ["name", "namespace", "creationTimestamp", "selfLink", "uid", "generation",
                                                "managedFields", "resourceVersion"]

    func token(_ s: String) -> Int? { tokens.token(s, in: strings) }

    private mutating func count(_ n: Int) {
        var n = UInt(n)
        while n >= 0x80 { bytes.append(UInt8(n & 0x7f) | 0x80); n >>= 7 }
        bytes.append(UInt8(n))
    }

    private mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { u in
            count(u.count)
            bytes.append(contentsOf: u)
        }
    }

    private mutating func word(_ w: UInt64) {
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: w >> (8 * UInt64(i)))) }
    }

    /// A string: fixed strings as they are, others as their token (with whether it has the token
    /// volume's prefix, which the field manager checks).
    private mutating func string(_ s: String) {
        if Self.isFixed(s) { bytes.append(5); text(s); return }
        let t = tokens.token(adding: s, to: &strings)
        // A string shorter than the prefix's 16 bytes cannot start with it.
        bytes.append(s.utf8.count >= 16 && s.hasPrefix("kube-api-access-") ? 7 : 6)
        count(t)
    }

    /// A value; `raw` writes its strings as they are.
    mutating func value(_ v: JSONValue, raw: Bool = false) {
        switch v {
        case .null: bytes.append(0)
        case .bool(let b): bytes.append(b ? 2 : 1)
        case .int(let i): bytes.append(3); word(UInt64(bitPattern: i))
        case .double(let d): bytes.append(4); word(d.bitPattern)
        case .string(let s): if raw { bytes.append(5); text(s) } else { string(s) }
        case .array(let a):
            bytes.append(8); count(a.count)
            for x in a { value(x, raw: raw) }
        case .object(let o):
            bytes.append(9); count(o.count)
            for (k, x) in o { text(k); value(x, raw: raw) }
        }
    }

    /// An object as the comparison sees it: without the fields `ManagedFieldsBook.strip` takes out.
    mutating func object(_ v: JSONValue?) {
        guard let v else { bytes.append(20); return }
        guard case .object(let o) = v else { value(v); return }
        bytes.append(21)
        for (k, x) in o where k != "apiVersion" && k != "kind" {
            bytes.append(22); text(k)
            if k == "metadata", case .object(let m) = x {
                bytes.append(23)
                for (mk, mx) in m where !Self.strippedMetadata.contains(mk) { bytes.append(22); text(mk); value(mx) }
                bytes.append(24)
            } else {
                value(x)
            }
        }
        bytes.append(24)
    }

    /// The old version of an object after its new one (`object(new)` first): members equal to the new
    /// version's (most of a pod its controller updates) are written as such, not walked again. (Equal
    /// members compare equal whatever their key order, as the comparison sees them.)
    mutating func object(_ old: JSONValue, after new: JSONValue) {
        guard case .object(let o) = old, case .object(let n) = new else { object(old); return }
        bytes.append(25)
        for (k, x) in o where k != "apiVersion" && k != "kind" {
            bytes.append(22); text(k)
            if k == "metadata", case .object(let m) = x {
                bytes.append(23)
                let nm = n[k]?.object
                for (mk, mx) in m where !Self.strippedMetadata.contains(mk) {
                    bytes.append(22); text(mk)
                    if let my = nm?[mk], my == mx { bytes.append(26) } else { value(mx) }
                }
                bytes.append(24)
            } else if let y = n[k], y == x {
                bytes.append(26)
            } else if case .object(let xo) = x, case .object(let yo)? = n[k] {
                // One level further (a pod's spec or status with some members changed).
                bytes.append(27); count(xo.count)
                for (xk, xv) in xo {
                    text(xk)
                    if let yv = yo[xk], yv == xv { bytes.append(26) } else { value(xv) }
                }
            } else {
                value(x)
            }
        }
        bytes.append(24)
    }

    /// A write that changes only a pod's status and binding (`ControllerPodWrite`: metadata and the
    /// rest of the spec are the same bytes): the comparison finds no change elsewhere whatever they
    /// say, and the binding is read only as whether each version has a node. So the two statuses and
    /// those two facts stand for the objects.
    mutating func statusWrite(_ new: JSONValue, old: JSONValue) {
        bytes.append(40)
        bytes.append((old["spec"]["nodeName"].string ?? "").isEmpty ? 0 : 1)
        bytes.append((new["spec"]["nodeName"].string ?? "").isEmpty ? 0 : 1)
        if let status = new.object?["status"] { bytes.append(41); value(status) } else { bytes.append(42) }
        guard let oldStatus = old.object?["status"] else { bytes.append(42); return }
        bytes.append(41)
        guard case .object(let o) = oldStatus, case .object(let n)? = new.object?["status"] else { value(oldStatus); return }
        // Members equal to the new status's are written as such (the comparison finds them unchanged).
        bytes.append(27); count(o.count)
        for (k, x) in o {
            text(k)
            if let y = n[k], y == x { bytes.append(26) } else { value(x) }
        }
    }

    /// Managed-fields entries: as they are, but for the strings inside their `k:` and `v:` keys.
    mutating func entries(_ v: JSONValue, keys: inout PodShapeKeyCache) {
        guard case .array(let a) = v else { bytes.append(30); value(v, raw: true); return }
        bytes.append(31); count(a.count)
        for e in a {
            guard case .object(let o) = e else { bytes.append(32); value(e, raw: true); continue }
            bytes.append(33); count(o.count)
            for (k, x) in o {
                text(k)
                if k == "fieldsV1" { fields(x, keys: &keys) } else { value(x, raw: true) }
            }
        }
    }

    /// A `fieldsV1` tree. The order of a level's keys does not change the field set, and a level
    /// with list keys is sorted by their pod's strings: its members are written in the order of their
    /// token form, so pods whose strings sort differently still match (the entries kept unchanged are
    /// each pod's own stored ones).
    private mutating func fields(_ v: JSONValue, keys: inout PodShapeKeyCache) {
        guard case .object(let o) = v else { bytes.append(34); value(v, raw: true); return }
        bytes.append(35); count(o.count)
        var listKeys = false
        for k in o.keys where PodShapeKeyCache.isListKey(k) { listKeys = true; break }
        guard listKeys else {
            for (k, x) in o { bytes.append(37); text(k); fields(x, keys: &keys) }
            return
        }
        var members: [[UInt8]] = []
        members.reserveCapacity(o.count)
        var outer: [UInt8] = []
        swap(&outer, &bytes)
        defer { swap(&outer, &bytes) }
        for (k, x) in o {
            bytes = []
            if PodShapeKeyCache.isListKey(k) {
                guard let parsed = keys.parsed(k) else { memoizable = false; return }
                bytes.append(36); bytes.append(k.utf8.first!); value(parsed)
            } else {
                bytes.append(37); text(k)
            }
            fields(x, keys: &keys)
            members.append(bytes)
        }
        members.sort { $0.lexicographicallyPrecedes($1) }
        bytes = []
        for m in members { count(m.count); bytes.append(contentsOf: m) }
        // The sorted members go after the outer bytes (the deferred swap puts those back in front).
        outer.append(contentsOf: bytes)
        bytes = []
    }
}

/// The tokens of a fingerprint's strings (token `i` is `strings[i]`), as a `[String: Int]` keeps them
/// (Swift's string equality), found without its seeded hashing and growth while every string is ASCII
/// (then equal strings are equal bytes): an open-addressed table of tokens hashed with FNV-1a. The first
/// string that is not ASCII moves the tokens into a `Dictionary`, which keeps them from then on.
struct PodShapeTokens {
    /// Token + 1 per slot (0: empty); a power of two, at least twice as many as the tokens.
    private var slots = [Int32](repeating: 0, count: 64)
    /// Each token's hash.
    private var hashes: [UInt64] = []
    /// The tokens once a string that is not ASCII has been met.
    private var general: [String: Int]?

    /// FNV-1a of the UTF-8 bytes, or nil when a byte is not ASCII.
    static func asciiHash(_ s: String) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        var s = s
        s.withUTF8 { u in
            for b in u {
                high |= b
                h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            }
        }
        return high < 0x80 ? h : nil
    }

    /// The token of `s` (ASCII, of hash `h`), or nil and the empty slot where it would go.
    private func find(_ s: String, _ h: UInt64, _ strings: [String]) -> (token: Int?, slot: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = Int(slots[i])
            if v == 0 { return (nil, i) }
            if hashes[v - 1] == h && strings[v - 1] == s { return (v - 1, i) }
            i = (i + 1) & mask
        }
    }

    /// The token of `s`, if it has one.
    func token(_ s: String, in strings: [String]) -> Int? {
        if let general { return general[s] }
        // Every string with a token is ASCII (distinct ones are unequal): a string that is not may still
        // equal one of them (U+212A KELVIN SIGN is "K").
        guard let h = Self.asciiHash(s) else { return strings.firstIndex(of: s) }
        return find(s, h, strings).token
    }

    /// The token of `s`; a new one, appended to `strings`, when it has none.
    mutating func token(adding s: String, to strings: inout [String]) -> Int {
        if general == nil, let h = Self.asciiHash(s) {
            let (known, slot) = find(s, h, strings)
            if let known { return known }
            strings.append(s)
            hashes.append(h)
            slots[slot] = Int32(strings.count)
            if hashes.count * 2 > slots.count { grow() }
            return strings.count - 1
        }
        if general == nil {
            var tokens = [String: Int](minimumCapacity: strings.count * 2 + 8)
            for (t, x) in strings.enumerated() { tokens[x] = t }
            general = tokens
        }
        if let known = general![s] { return known }
        strings.append(s)
        general![s] = strings.count - 1
        return strings.count - 1
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (t, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while bigger[i] != 0 { i = (i + 1) & mask }
            bigger[i] = Int32(t + 1)
        }
        slots = bigger
    }
}

/// The `k:`/`v:` keys of managed fields already read: their JSON, when it is written as the field
/// manager writes it (compact, sorted), else nil.
struct PodShapeKeyCache {
    private var known: [String: JSONValue?] = [:]

    static func isListKey(_ k: String) -> Bool {
        let u = k.utf8
        guard u.count >= 2 else { return false }
        let i = u.startIndex
        return (u[i] == UInt8(ascii: "k") || u[i] == UInt8(ascii: "v")) && u[u.index(after: i)] == UInt8(ascii: ":")
    }

    mutating func parsed(_ key: String) -> JSONValue? {
        if let k = known[key] { return k }
        let body = String(key.dropFirst(2))
        var result: JSONValue?
        if let v = try? JSON.parse(body), v.compactJSON == body { result = v }
        if known.count > 256 { known.removeAll() }
        known[key] = .some(result)
        return result
    }
}

/// A key of a managed-fields entry with holes for the pod's strings.
enum PodShapeKeyTemplate {
    case literal(String)
    indirect case pieces([Piece])

    enum Piece {
        case text(String)
        case token(Int)
    }

    func render(_ strings: [String]) -> String {
        switch self {
        case .literal(let s): return s
        case .pieces(let ps):
            var out = ""
            for p in ps {
                switch p {
                case .text(let t): out += t
                case .token(let i): out += JSONValue.string(strings[i]).compactJSON
                }
            }
            return out
        }
    }

    /// The template of `prefix` + the compact JSON of `v`, tokens where the fingerprint has them;
    /// nil when a string of it has no token (it did not come from the inputs).
    static func make(prefix: String, _ v: JSONValue, _ fp: PodShapeFingerprint) -> PodShapeKeyTemplate? {
        var pieces: [Piece] = []
        var pending = prefix
        var ok = true
        func flush() { if !pending.isEmpty { pieces.append(.text(pending)); pending = "" } }
        func walk(_ v: JSONValue) {
            switch v {
            case .string(let s):
                if PodShapeFingerprint.isFixed(s) { pending += v.compactJSON; return }
                guard let t = fp.token(s) else { ok = false; return }
                flush(); pieces.append(.token(t))
            case .array(let a):
                pending += "["
                for (i, x) in a.enumerated() { if i > 0 { pending += "," }; walk(x) }
                pending += "]"
            case .object(let o):
                pending += "{"
                for (i, k) in o.sortedKeys.enumerated() {
                    if i > 0 { pending += "," }
                    pending += JSONValue.string(k).compactJSON + ":"
                    walk(o[k]!)
                }
                pending += "}"
            default: pending += v.compactJSON
            }
        }
        walk(v)
        flush()
        return ok ? .pieces(pieces) : nil
    }
}

/// A `fieldsV1` tree with holes in its list keys; subtrees without list keys are kept whole.
indirect enum PodShapeFieldsTemplate {
    case fixed(JSONValue)
    /// Members with their keys' templates; the tree as it was made and the tokens in it (when the pod
    /// has the same strings for them, the tree is used as it is).
    case object([(key: PodShapeKeyTemplate, value: PodShapeFieldsTemplate)], sorts: Bool, original: JSONValue, tokens: [Int])

    /// Nil when a key cannot be templated.
    static func make(_ v: JSONValue, _ fp: PodShapeFingerprint, keys: inout PodShapeKeyCache) -> PodShapeFieldsTemplate? {
        guard case .object(let o) = v, hasListKey(v) else { return .fixed(v) }
        var members: [(key: PodShapeKeyTemplate, value: PodShapeFieldsTemplate)] = []
        var sorts = false
        var tokens: [Int] = []
        for (k, x) in o {
            let key: PodShapeKeyTemplate
            if PodShapeKeyCache.isListKey(k) {
                guard let parsed = keys.parsed(k), let t = PodShapeKeyTemplate.make(prefix: String(k.prefix(2)), parsed, fp),
                      t.render(fp.strings) == k else { return nil }
                key = t
                sorts = true
                if case .pieces(let ps) = t { for case .token(let i) in ps { tokens.append(i) } }
            } else {
                key = .literal(k)
            }
            guard let sub = make(x, fp, keys: &keys) else { return nil }
            if case .object(_, _, _, let inner) = sub { tokens += inner }
            members.append((key, sub))
        }
        return .object(members, sorts: sorts, original: v, tokens: tokens)
    }

    static func hasListKey(_ v: JSONValue) -> Bool {
        guard case .object(let o) = v else { return false }
        for (k, x) in o where PodShapeKeyCache.isListKey(k) || hasListKey(x) { return true }
        return false
    }

    /// The tree for a pod whose token `i` is `strings[i]` (`made`: the strings of the pod it was made from).
    func render(_ strings: [String], made: [String]) -> JSONValue {
        switch self {
        case .fixed(let v): return v
        case .object(let members, let sorts, let original, let tokens):
            if tokens.allSatisfy({ strings[$0] == made[$0] }) { return original }
            var pairs = members.map { (key: $0.key.render(strings), value: $0.value.render(strings, made: made)) }
            if sorts { pairs.sort { Self.fieldsKeyLess($0.key, $1.key) } }
            var o = JSONObject()
            for p in pairs { o.appendUnchecked(p.key, p.value) }
            return .object(o)
        }
    }

    /// `FieldSet.fieldsV1`'s order: `.` first, then the path elements in order.
    static func fieldsKeyLess(_ a: String, _ b: String) -> Bool {
        if a == "." || b == "." { return a == "." && b != "." }
        guard let x = PathElement(fieldsV1Key: a), let y = PathElement(fieldsV1Key: b) else { return goStringLess(a, b) }
        return x < y
    }
}

/// The managed fields computed for one pod update, in token form.
struct PodShapeMemo {
    enum Entry {
        /// The pod's own entry at this position of its managed fields, unchanged.
        case kept(Int)
        /// A new entry: its members but `fieldsV1` as they are, `fieldsV1` from the template.
        case made(JSONObject, fields: PodShapeFieldsTemplate)
    }

    var context: String
    var bytes: [UInt8]
    /// The strings of the pod the memo was made from.
    var strings: [String]
    /// Nil: the update leaves no managed fields.
    var entries: [Entry]?

    /// The memo of `result` (the managed fields computed for the pod with fingerprint `fp`; `origins`:
    /// which of its entries are stored ones kept unchanged); nil when some key cannot be expressed in tokens.
    init?(context: String, fp: PodShapeFingerprint, origins: [Int?], result: JSONValue?, keys: inout PodShapeKeyCache) {
        self.context = context
        bytes = fp.bytes
        strings = fp.strings
        guard let result else { entries = nil; return }
        guard case .array(let out) = result, out.count == origins.count else { return nil }
        var made: [Entry] = []
        for (e, origin) in zip(out, origins) {
            if let i = origin { made.append(.kept(i)); continue }
            guard case .object(let o) = e else { return nil }
            guard let fields = PodShapeFieldsTemplate.make(o["fieldsV1"] ?? .null, fp, keys: &keys) else { return nil }
            made.append(.made(o, fields: fields))
        }
        entries = made
    }

    /// The managed fields of the pod with fingerprint `fp` (same bytes) and entries `source`.
    func result(_ fp: PodShapeFingerprint, source: [JSONValue]) -> JSONValue? {
        guard let entries else { return nil }
        return .array(entries.map { e in
            switch e {
            case .kept(let i): return source[i]
            case .made(var o, let fields):
                o["fieldsV1"] = fields.render(fp.strings, made: strings)
                return .object(o)
            }
        })
    }
}

/// Tests' check of the memo: on every use it is compared with the full computation.
final class PodShapeCheck: @unchecked Sendable {
    private(set) var hits = 0
    /// Updates computed in full (no memo for their shape yet), and those that cannot be memoized.
    var misses = 0, unmemoizable = 0
    private(set) var mismatches: [(fast: String, full: String)] = []

    func record(fast: JSONValue?, full: JSONValue?) {
        hits += 1
        let a = fast?.jsonString(.compactOrdered) ?? "-", b = full?.jsonString(.compactOrdered) ?? "-"
        if a != b { mismatches.append((a, b)) }
    }
}

extension APISession {
    /// Set by tests: every use of a `PodShapeMemo` is checked against the full computation.
    @TaskLocal static var podShapeCheck: PodShapeCheck?
}
