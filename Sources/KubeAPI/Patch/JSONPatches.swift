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

/// JSON patch (RFC 6902) with the error texts of the json-patch library kubectl uses.
public enum JSONPatch {
    public static func apply(_ original: JSONValue, patch: JSONValue) throws -> JSONValue {
        guard let ops = patch.array else {
            throw PatchError("json: cannot unmarshal \(StrategicMerge.jsonTypeName(patch)) into Go value of type jsonpatch.Patch")
        }
        var doc = original
        for op in ops {
            let kind = op["op"].string ?? "unknown"
            let path = op["path"].string ?? ""
            switch kind {
            case "add":
                guard let (parent, key) = split(path), container(doc, parent) != nil else {
                    throw PatchError("add operation does not apply: doc is missing path: \(goQuoted(path)): missing value")
                }
                try insert(&doc, parent: parent, key: key, value: op["value"], path: path, op: "add")
            case "remove":
                guard let (parent, key) = split(path), let c = container(doc, parent) else {
                    throw PatchError("remove operation does not apply: doc is missing path: \(goQuoted(path)): missing value")
                }
                try removeAt(&doc, parent: parent, key: key, container: c, opName: "remove", path: path)
            case "replace":
                guard let (parent, key) = split(path), let c = container(doc, parent) else {
                    throw PatchError("replace operation does not apply: doc is missing path: \(path): missing value")
                }
                if case .array(let a) = c {
                    guard let i = Int(key), i >= 0, i < a.count else {
                        throw PatchError("replace operation does not apply: doc is missing path: \(path): missing value")
                    }
                    var arr = a
                    arr[i] = op["value"]
                    setAt(&doc, parent, .array(arr))
                } else {
                    var o = c.object ?? JSONObject()
                    o[key] = op["value"]
                    setAt(&doc, parent, .object(o))
                }
            case "move", "copy":
                let from = op["from"].string ?? ""
                let value = get(doc, from)
                if kind == "move" {
                    guard let (fp, fk) = split(from), let c = container(doc, fp) else {
                        throw PatchError("move operation does not apply: doc is missing from path: \(goQuoted(from)): missing value")
                    }
                    try removeAt(&doc, parent: fp, key: fk, container: c, opName: "move", path: fk)
                }
                guard let (parent, key) = split(path), container(doc, parent) != nil else {
                    throw PatchError("\(kind) operation does not apply: doc is missing destination path: \(path): missing value")
                }
                try insert(&doc, parent: parent, key: key, value: value ?? .null, path: path, op: kind)
            case "test":
                // json-patch: a missing parent is an error of its own; a missing key equals only null.
                guard let (parent, _) = split(path), container(doc, parent) != nil else {
                    throw PatchError("test operation does not apply: is missing path: \(path): missing value")
                }
                let v = get(doc, path)
                if v == nil ? !op["value"].isNull : v! != op["value"] {
                    throw PatchError("testing value \(path) failed: test failed")
                }
            default:
                throw PatchError("Unexpected kind: \(kind)")
            }
        }
        return doc
    }

    static func decodeToken(_ s: Substring) -> String {
        String(s).replacingAll("~1", with: "/").replacingAll("~0", with: "~")
    }

    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(decodeToken)
    }

    static func split(_ path: String) -> ([String], String)? {
        guard let t = tokens(path), let last = t.last else { return nil }
        return (Array(t.dropLast()), last)
    }

    static func container(_ doc: JSONValue, _ parent: [String]) -> JSONValue? {
        guard let v = walk(doc, parent) else { return nil }
        switch v {
        case .object, .array: return v
        default: return nil
        }
    }

    static func walk(_ doc: JSONValue, _ path: [String]) -> JSONValue? {
        var cur = doc
        for t in path {
            switch cur {
            case .object(let o):
                guard let n = o[t] else { return nil }
                cur = n
            case .array(let a):
                guard let i = Int(t), i >= 0, i < a.count else { return nil }
                cur = a[i]
            default: return nil
            }
        }
        return cur
    }

    static func get(_ doc: JSONValue, _ pointer: String) -> JSONValue? {
        guard let t = tokens(pointer) else { return nil }
        return walk(doc, t)
    }

    static func setAt(_ doc: inout JSONValue, _ path: [String], _ value: JSONValue) {
        guard let first = path.first else { doc = value; return }
        let rest = Array(path.dropFirst())
        switch doc {
        case .object(var o):
            var child = o[first] ?? .null
            setAt(&child, rest, value)
            o[first] = child
            doc = .object(o)
        case .array(var a):
            if let i = Int(first), i >= 0, i < a.count {
                setAt(&a[i], rest, value)
                doc = .array(a)
            }
        default: break
        }
    }

    static func insert(_ doc: inout JSONValue, parent: [String], key: String, value: JSONValue, path: String, op: String) throws {
        guard let c = container(doc, parent) else { return }
        switch c {
        case .array(var a):
            if key == "-" {
                a.append(value)
            } else {
                guard let i = Int(key) else {
                    throw PatchError("error in \(op) for path: '\(path)': strconv.Atoi: parsing \(goQuoted(key)): invalid syntax")
                }
                guard i >= 0, i <= a.count else {
                    throw PatchError("error in \(op) for path: '\(path)': Unable to access invalid index: \(i): invalid index referenced")
                }
                a.insert(value, at: i)
            }
            setAt(&doc, parent, .array(a))
        case .object(var o):
            o[key] = value
            setAt(&doc, parent, .object(o))
        default: break
        }
    }

    static func removeAt(_ doc: inout JSONValue, parent: [String], key: String, container c: JSONValue, opName: String, path: String) throws {
        switch c {
        case .array(var a):
            guard let i = Int(key) else {
                throw PatchError("error in \(opName) for path: '\(path)': strconv.Atoi: parsing \(goQuoted(key)): invalid syntax")
            }
            guard i >= 0, i < a.count else {
                throw PatchError("error in \(opName) for path: '\(path)': Unable to access invalid index: \(i): invalid index referenced")
            }
            a.remove(at: i)
            setAt(&doc, parent, .array(a))
        case .object(var o):
            guard o.removeValue(forKey: key) != nil else {
                throw PatchError("error in \(opName) for path: '\(path)': Unable to remove nonexistent key: \(key): missing value")
            }
            setAt(&doc, parent, .object(o))
        default: break
        }
    }
}

fileprivate func goQuoted(_ s: String) -> String { strconvQuote(s) }

