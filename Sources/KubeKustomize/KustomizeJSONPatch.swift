import KubeModel

/// RFC 6902 JSON patch operations (add, remove, replace, move, copy, test) as kustomize applies them
/// (evanphx/json-patch v4): `replace` of a missing member of an object sets it, and each failure has
/// that library's text (`add operation does not apply: doc is missing path: "/a": missing value`).
enum KustomizeJSONPatch {
    static let missingValue = "missing value"

    static func apply(_ ops: [JSONValue], to doc: JSONValue) throws -> JSONValue {
        var doc = doc
        for op in ops {
            let kind = op["op"].string ?? ""
            let pathText = op["path"].string ?? ""
            let path = pointer(pathText)
            switch kind {
            case "add":
                try add(&doc, path, op["value"], failure: "add operation does not apply: doc is missing path: \(strconvQuote(pathText))",
                        context: "error in add for path: '\(pathText)'")
            case "remove":
                try remove(&doc, path, failure: "remove operation does not apply: doc is missing path: \"\(pathText)\"",
                           context: "error in remove for path: '\(pathText)'")
            case "replace":
                try replace(&doc, path, op["value"], pathText: pathText)
            case "move":
                let fromText = op["from"].string ?? ""
                let from = pointer(fromText)
                guard let fromParent = try? get(doc, Array(from.dropLast())), fromParent.object != nil || fromParent.array != nil else {
                    throw KustomizeError("move operation does not apply: doc is missing from path: \(fromText): \(missingValue)")
                }
                let value = try member(fromParent, from.last ?? "", context: "error in move for path: '\(from.last ?? "")'")
                try remove(&doc, from, failure: "move operation does not apply: doc is missing from path: \(fromText)",
                           context: "error in move for path: '\(from.last ?? "")'")
                try add(&doc, path, value ?? .null, failure: "move operation does not apply: doc is missing destination path: \(pathText)",
                        context: "error in move for path: '\(path.last ?? "")'")
            case "copy":
                let fromText = op["from"].string ?? ""
                let from = pointer(fromText)
                guard let fromParent = try? get(doc, Array(from.dropLast())), fromParent.object != nil || fromParent.array != nil else {
                    throw KustomizeError("copy operation does not apply: doc is missing from path: \(fromText): \(missingValue)")
                }
                let value = try member(fromParent, from.last ?? "", context: "error in copy for from: '\(fromText)'")
                try add(&doc, path, value ?? .null, failure: "copy operation does not apply: doc is missing destination path: \(pathText)",
                        context: "error in copy for path: '\(pathText)'")
            case "test":
                guard let parent = try? get(doc, Array(path.dropLast())), parent.object != nil || parent.array != nil else {
                    throw KustomizeError("test operation does not apply: is missing path: \(pathText): \(missingValue)")
                }
                let value = try member(parent, path.last ?? "", context: "error in test for path: '\(pathText)'")
                let want = op["value"]
                if (value ?? .null) != want || (value == nil && !want.isNull) {
                    throw KustomizeError("testing value \(pathText) failed: test failed")
                }
            default:
                throw KustomizeError("Unexpected kind: \(kind)")
            }
        }
        return doc
    }

    static func pointer(_ p: String) -> [String] {
        if p.isEmpty { return [] }
        return p.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacingAll("~1", with: "/").replacingAll("~0", with: "~")
        }
    }

    /// The value at a path, nil when a step is missing.
    static func get(_ doc: JSONValue, _ path: [String]) throws -> JSONValue? {
        var cur = doc
        for seg in path {
            switch cur {
            case .object(let o):
                guard let v = o[seg] else { return nil }
                cur = v
            case .array(let a):
                guard let i = Int(seg), i >= 0, i < a.count else { return nil }
                cur = a[i]
            default: return nil
            }
        }
        return cur
    }

    /// A member of a container: nil for an object's missing key; an array's bad index fails.
    static func member(_ container: JSONValue, _ key: String, context: String) throws -> JSONValue? {
        if let o = container.object { return o[key] }
        let a = container.array ?? []
        return a[try index(key, count: a.count, failure: invalidIndex(key, context))]
    }

    /// The array index a path segment names: within the array (`inserting`: up to its end as well), or
    /// `failure` is thrown.
    static func index(_ segment: String, count: Int, inserting: Bool = false, failure: @autoclosure () -> String) throws -> Int {
        guard let i = Int(segment), i >= 0, inserting ? i <= count : i < count else { throw KustomizeError(failure()) }
        return i
    }

    /// evanphx/json-patch's text for an index outside the array.
    static func invalidIndex(_ segment: String, _ context: String) -> String {
        "\(context): Unable to access invalid index: \(Int(segment) ?? 0): invalid index referenced"
    }

    private static func add(_ doc: inout JSONValue, _ path: [String], _ value: JSONValue, failure: String, context: String) throws {
        guard let last = path.last else { doc = value; return }
        try modify(&doc, Array(path.dropLast()), failure: failure) { parent in
            switch parent {
            case .object(var o):
                o[last] = value
                parent = .object(o)
            case .array(var a):
                if last == "-" { a.append(value) } else {
                    a.insert(value, at: try index(last, count: a.count, inserting: true, failure: invalidIndex(last, context)))
                }
                parent = .array(a)
            default: throw KustomizeError("\(failure): \(missingValue)")
            }
        }
    }

    private static func remove(_ doc: inout JSONValue, _ path: [String], failure: String, context: String) throws {
        guard let last = path.last else { throw KustomizeError("\(failure): \(missingValue)") }
        try modify(&doc, Array(path.dropLast()), failure: failure) { parent in
            switch parent {
            case .object(var o):
                guard o.removeValue(forKey: last) != nil else {
                    throw KustomizeError("\(context): Unable to remove nonexistent key: \(last): \(missingValue)")
                }
                parent = .object(o)
            case .array(var a):
                a.remove(at: try index(last, count: a.count, failure: invalidIndex(last, context)))
                parent = .array(a)
            default: throw KustomizeError("\(failure): \(missingValue)")
            }
        }
    }

    private static func replace(_ doc: inout JSONValue, _ path: [String], _ value: JSONValue, pathText: String) throws {
        guard let last = path.last else { doc = value; return }
        let failure = "replace operation does not apply: doc is missing path: \(pathText)"
        try modify(&doc, Array(path.dropLast()), failure: failure) { parent in
            switch parent {
            case .object(var o):
                o[last] = value
                parent = .object(o)
            case .array(var a):
                a[try index(last, count: a.count, failure: "replace operation does not apply: doc is missing key: \(pathText): \(missingValue)")] = value
                parent = .array(a)
            default: throw KustomizeError("\(failure): \(missingValue)")
            }
        }
    }

    private static func modify(_ doc: inout JSONValue, _ path: [String], failure: String,
                               _ f: (inout JSONValue) throws -> Void) throws {
        guard let first = path.first else {
            guard doc.object != nil || doc.array != nil else { throw KustomizeError("\(failure): \(missingValue)") }
            try f(&doc)
            return
        }
        switch doc {
        case .object(var o):
            guard var child = o[first] else { throw KustomizeError("\(failure): \(missingValue)") }
            try modify(&child, Array(path.dropFirst()), failure: failure, f)
            o[first] = child
            doc = .object(o)
        case .array(var a):
            guard let i = Int(first), i >= 0, i < a.count else { throw KustomizeError("\(failure): \(missingValue)") }
            try modify(&a[i], Array(path.dropFirst()), failure: failure, f)
            doc = .array(a)
        default:
            throw KustomizeError("\(failure): \(missingValue)")
        }
    }
}
