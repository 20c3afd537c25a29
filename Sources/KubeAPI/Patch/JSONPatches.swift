import KubeModel

/// JSON merge patch (RFC 7386), as `--type=merge` applies it.
public enum JSONMergePatch {
    public static func apply(_ original: JSONValue, patch: JSONValue) throws -> JSONValue {
        switch patch {
        case .object(let p):
            return .object(merge(original.object ?? JSONObject(), p))
        case .array:
            throw PatchError("json: cannot unmarshal array into Go value of type unstructured.detector")
        default:
            throw PatchError("Invalid JSON Patch")
        }
    }

    static func merge(_ doc: JSONObject, _ patch: JSONObject) -> JSONObject {
        var out = doc
        for (k, v) in patch {
            if v.isNull { out.removeValue(forKey: k); continue }
            if case .object(let p) = v, case .object(let d)? = out[k] {
                out[k] = .object(merge(d, p))
            } else {
                out[k] = prune(v)
            }
        }
        return out
    }

    static func prune(_ v: JSONValue) -> JSONValue { v.withoutNulls }

    /// The merge patch that turns `original` into `modified` (jsonmergepatch.CreateMergePatch for
    /// maps): changed and added keys, `null` for removed ones, lists replaced whole.
    public static func diff(_ original: JSONValue, _ modified: JSONValue) -> JSONValue {
        guard case .object(let o) = original, case .object(let m) = modified else { return modified }
        var out = JSONObject()
        for (k, mv) in m {
            if let ov = o[k] {
                if ov == mv { continue }
                if ov.object != nil, mv.object != nil { out[k] = diff(ov, mv) } else { out[k] = mv }
            } else {
                out[k] = mv
            }
        }
        for k in o.keys where m[k] == nil { out[k] = .null }
        return .object(out)
    }
}

/// JSON patch (RFC 6902) as the json-patch library kubectl v1.32 and its API server use (v4.12):
/// negative array indices count from the end, the first segment of a path is not checked, `null`
/// and a missing key read alike, `replace` of the whole document, and that library's error texts.
public enum JSONPatch {
    public static func apply(_ original: JSONValue, patch: JSONValue) throws -> JSONValue {
        guard let ops = patch.array else {
            throw PatchError("json: cannot unmarshal \(StrategicMerge.jsonTypeName(patch)) into Go value of type jsonpatch.Patch")
        }
        // The whole patch decodes before any operation runs.
        for op in ops where op.object == nil && !op.isNull {
            throw PatchError("json: cannot unmarshal \(StrategicMerge.jsonTypeName(op)) into Go value of type jsonpatch.Operation")
        }
        var doc = original
        for op in ops { try JSONPatchOperation(op).apply(to: &doc) }
        return doc
    }
}

/// One operation of a JSON patch.
struct JSONPatchOperation {
    let fields: JSONObject

    init(_ op: JSONValue) { fields = op.object ?? JSONObject() }

    var kind: String { fields["op"]?.string ?? "unknown" }

    /// A string field (`path`, `from`): what is missing or `null` is an error of its own.
    enum Field { case value(String), missing, wrongType(String) }

    func field(_ name: String) -> Field {
        guard let v = fields[name], !v.isNull else { return .missing }
        if let s = v.string { return .value(s) }
        return .wrongType("json: cannot unmarshal \(StrategicMerge.jsonTypeName(v)) into Go value of type string")
    }

    /// The `value` member; absent and `null` both give a null node.
    var value: JSONValue { fields["value"] ?? .null }

    func apply(to doc: inout JSONValue) throws {
        switch kind {
        case "add": try add(&doc)
        case "remove": try remove(&doc)
        case "replace": try replace(&doc)
        case "move": try move(&doc)
        case "test": try test(doc)
        case "copy": try copy(&doc)
        default: throw PatchError("Unexpected kind: \(kind)")
        }
    }

    /// The path for add, remove and copy: any decoding problem reads as a missing value.
    private func plainPath(_ op: String) throws -> String {
        guard case .value(let p) = field("path") else { throw PatchError("\(op) operation failed to decode path: missing value") }
        return p
    }

    /// The path or from field for the other operations, which keep the decoding error.
    private func wrappedField(_ name: String, _ op: String) throws -> String {
        switch field(name) {
        case .value(let p): return p
        case .missing:
            let what = name == "path" ? "operation missing path field" : "operation, missing from field"
            throw PatchError("\(op) operation failed to decode \(name): \(what): missing value")
        case .wrongType(let e): throw PatchError("\(op) operation failed to decode \(name): \(e)")
        }
    }

    /// Finds the container of `path` (else the `missing` error) and runs `body` on it with the path's
    /// last token; a library error from `body` is worded by `wrap` (with the token and its message).
    private func change(_ doc: inout JSONValue, at path: String, missing: String,
                        wrap: ((String, String) -> String)? = nil,
                        _ body: (inout JSONValue, String) throws -> Void) throws {
        guard let target = PatchPointer.find(doc, path) else { throw PatchError(missing + ": missing value") }
        try target.mutate(&doc) { c in
            do { try body(&c, target.key) } catch let e as PatchError where wrap != nil {
                throw PatchError(wrap!(target.key, e.message))
            }
        }
    }

    private func add(_ doc: inout JSONValue) throws {
        let path = try plainPath("add")
        try change(&doc, at: path, missing: "add operation does not apply: doc is missing path: \"\(path)\"",
                   wrap: { "error in add for path: '\(path)': \($1)" }) { c, key in try PatchPointer.add(&c, key: key, value) }
    }

    private func remove(_ doc: inout JSONValue) throws {
        let path = try plainPath("remove")
        try change(&doc, at: path, missing: "remove operation does not apply: doc is missing path: \"\(path)\"",
                   wrap: { "error in remove for path: '\(path)': \($1)" }) { c, key in try PatchPointer.remove(&c, key: key) }
    }

    private func replace(_ doc: inout JSONValue) throws {
        let path = try wrappedField("path", "replace")
        if path.isEmpty {
            // The whole document; a value that is neither an object nor an array changes nothing.
            if value.object != nil || value.array != nil { doc = value }
            return
        }
        try change(&doc, at: path, missing: "replace operation does not apply: doc is missing path: \(path)") { c, key in
            // An object answers any key (a missing one reads as null); an array needs the index.
            if case .array(let a) = c, (try? PatchPointer.index(key, count: a.count)) == nil {
                throw PatchError("replace operation does not apply: doc is missing key: \(path): missing value")
            }
            try PatchPointer.set(&c, key: key, value)
        }
    }

    private func move(_ doc: inout JSONValue) throws {
        let from = try wrappedField("from", "move")
        var moved = JSONValue.null
        try change(&doc, at: from, missing: "move operation does not apply: doc is missing from path: \(from)",
                   wrap: { "error in move for path: '\($0)': \($1)" }) { c, key in
            moved = try PatchPointer.get(c, key: key) ?? .null
            try PatchPointer.remove(&c, key: key)
        }
        let path = try wrappedField("path", "move")
        try change(&doc, at: path, missing: "move operation does not apply: doc is missing destination path: \(path)",
                   wrap: { "error in move for path: '\(path)': \($1)" }) { c, key in try PatchPointer.add(&c, key: key, moved) }
    }

    private func copy(_ doc: inout JSONValue) throws {
        let from = try wrappedField("from", "copy")
        guard let source = PatchPointer.find(doc, from) else {
            throw PatchError("copy operation does not apply: doc is missing from path: \(from): missing value")
        }
        let copied: JSONValue
        do { copied = try PatchPointer.get(source.container(in: doc), key: source.key) ?? .null } catch let e as PatchError {
            throw PatchError("error in copy for from: '\(from)': \(e.message)")
        }
        let path = try plainPath("copy")
        try change(&doc, at: path, missing: "copy operation does not apply: doc is missing destination path: \(path)",
                   wrap: { "error while adding value during copy: \($1)" }) { c, key in try PatchPointer.add(&c, key: key, copied) }
    }

    private func test(_ doc: JSONValue) throws {
        let path = try wrappedField("path", "test")
        let failed = PatchError("testing value \(path) failed: test failed")
        if path.isEmpty {
            guard PatchPointer.libraryEqual(doc, value) else { throw failed }
            return
        }
        guard let target = PatchPointer.find(doc, path) else {
            throw PatchError("test operation does not apply: is missing path: \(path): missing value")
        }
        let found: JSONValue?
        do { found = try PatchPointer.get(target.container(in: doc), key: target.key) } catch let e as PatchError {
            throw PatchError("error in test for path: '\(path)': \(e.message)")
        }
        guard let found else {
            if value.isNull { return }
            throw failed
        }
        guard PatchPointer.libraryEqual(found, value) else { throw failed }
    }
}

/// Where a JSON pointer leads: the steps to its container, and the last token.
struct PatchPointer {
    enum Step { case key(String), index(Int) }
    let steps: [Step]
    let key: String

    /// The library's findObject: split on "/", ignore the first segment, walk every middle one through
    /// objects and arrays (a `null` or scalar on the way is a missing path).
    static func find(_ doc: JSONValue, _ path: String) -> PatchPointer? {
        let split = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard split.count >= 2 else { return nil }
        var cur = doc
        var steps: [Step] = []
        for part in split[1..<(split.count - 1)] {
            let token = decode(part)
            switch cur {
            case .object(let o):
                guard let next = o[token], next.object != nil || next.array != nil else { return nil }
                steps.append(.key(token)); cur = next
            case .array(let a):
                guard let i = try? index(token, count: a.count), let next = Optional(a[i]), next.object != nil || next.array != nil
                else { return nil }
                steps.append(.index(i)); cur = next
            default: return nil
            }
        }
        return PatchPointer(steps: steps, key: decode(split[split.count - 1]))
    }

    static func decode(_ token: String) -> String {
        token.replacingAll("~1", with: "/").replacingAll("~0", with: "~")
    }

    func container(in doc: JSONValue) -> JSONValue {
        var cur = doc
        for step in steps {
            switch step {
            case .key(let k): cur = cur.object?[k] ?? .null
            case .index(let i): cur = cur.array?[i] ?? .null
            }
        }
        return cur
    }

    func mutate(_ doc: inout JSONValue, _ body: (inout JSONValue) throws -> Void) throws {
        try Self.mutate(&doc, steps[...], body)
    }

    private static func mutate(_ v: inout JSONValue, _ steps: ArraySlice<Step>, _ body: (inout JSONValue) throws -> Void) throws {
        guard let step = steps.first else { try body(&v); return }
        switch (step, v) {
        case (.key(let k), .object(var o)):
            var child = o[k] ?? .null
            try mutate(&child, steps.dropFirst(), body)
            o[k] = child
            v = .object(o)
        case (.index(let i), .array(var a)):
            try mutate(&a[i], steps.dropFirst(), body)
            v = .array(a)
        default: break
        }
    }

    /// strconv.Atoi and its errors.
    static func atoi(_ s: String) throws -> Int {
        if let n = Int(s) { return n }
        let digits = s.hasPrefix("-") || s.hasPrefix("+") ? s.dropFirst() : Substring(s)
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw PatchError("strconv.Atoi: parsing \(strconvQuote(s)): value out of range")
        }
        throw PatchError("strconv.Atoi: parsing \(strconvQuote(s)): invalid syntax")
    }

    static func invalidIndex(_ i: Int) -> PatchError {
        PatchError("Unable to access invalid index: \(i): invalid index referenced")
    }

    /// An existing element's index; negative ones count from the end.
    static func index(_ token: String, count: Int) throws -> Int {
        var i = try atoi(token)
        if i < 0 {
            guard i >= -count else { throw invalidIndex(i) }
            i += count
        }
        guard i < count else { throw invalidIndex(i) }
        return i
    }

    /// The member or element at `key`; `nil` for a missing or null member.
    static func get(_ c: JSONValue, key: String) throws -> JSONValue? {
        switch c {
        case .object(let o):
            guard let v = o[key], !v.isNull else { return nil }
            return v
        case .array(let a):
            let v = a[try index(key, count: a.count)]
            return v.isNull ? nil : v
        default: return nil
        }
    }

    /// replace's write, after `get` found the key.
    static func set(_ c: inout JSONValue, key: String, _ value: JSONValue) throws {
        switch c {
        case .object(var o): o[key] = value; c = .object(o)
        case .array(var a): a[try index(key, count: a.count)] = value; c = .array(a)
        default: break
        }
    }

    static func add(_ c: inout JSONValue, key: String, _ value: JSONValue) throws {
        switch c {
        case .object(var o): o[key] = value; c = .object(o)
        case .array(var a):
            if key == "-" { a.append(value); c = .array(a); return }
            var i: Int
            do { i = try atoi(key) } catch let e as PatchError {
                throw PatchError("value was not a proper array index: '\(key)': \(e.message)")
            }
            let size = a.count + 1
            guard i < size else { throw invalidIndex(i) }
            if i < 0 {
                guard i >= -size else { throw invalidIndex(i) }
                i += size
            }
            a.insert(value, at: i)
            c = .array(a)
        default: break
        }
    }

    static func remove(_ c: inout JSONValue, key: String) throws {
        switch c {
        case .object(var o):
            guard o.removeValue(forKey: key) != nil else {
                throw PatchError("Unable to remove nonexistent key: \(key): missing value")
            }
            c = .object(o)
        case .array(var a):
            var i = try atoi(key)
            guard i < a.count else { throw invalidIndex(i) }
            if i < 0 {
                guard i >= -a.count else { throw invalidIndex(i) }
                i += a.count
            }
            a.remove(at: i)
            c = .array(a)
        default: break
        }
    }

    /// The library's equality: objects with the same members, arrays element by element, scalars by
    /// their JSON text.
    static func libraryEqual(_ doc: JSONValue, _ value: JSONValue) -> Bool {
        switch doc {
        case .object(let o):
            guard let v = value.object, v.count == o.count else { return false }
            for (k, dv) in o {
                guard let pv = v[k] else { return false }
                if dv.isNull && pv.isNull { continue }
                if dv.isNull || pv.isNull || !libraryEqual(dv, pv) { return false }
            }
            return true
        case .array(let a):
            guard let b = value.array, a.count == b.count else { return false }
            return zip(a, b).allSatisfy { x, y in x.isNull && y.isNull || (!x.isNull && !y.isNull && libraryEqual(x, y)) }
        default:
            if value.isNull { return false }
            return doc.jsonString(.compact) == value.jsonString(.compact)
        }
    }
}
