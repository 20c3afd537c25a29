#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// The `images` transformer: every `containers`/`initContainers` list anywhere in an object (as
/// kustomize's legacy image filter walks them) plus image volume references.
enum KustomizeImages {
    static func apply(_ images: [Kustomization.ImageEntry], to obj: inout JSONValue) {
        walk(&obj, images)
        for spec in [FieldSpec("spec/volumes[]/image/reference"), FieldSpec("spec/template/spec/volumes[]/image/reference")] {
            spec.apply(to: &obj) { v in
                if let s = v.string { v = .string(update(s, images)) }
            }
        }
    }

    private static func walk(_ v: inout JSONValue, _ images: [Kustomization.ImageEntry]) {
        switch v {
        case .object(var o):
            v = .null
            for key in o.keys {
                guard var child = o[key] else { continue }
                if key == "containers" || key == "initContainers", case .array(var items) = child {
                    for i in items.indices {
                        if let s = items[i]["image"].string { items[i]["image"] = .string(update(s, images)) }
                    }
                    child = .array(items)
                }
                walk(&child, images)
                o[key] = child
            }
            v = .object(o)
        case .array(var items):
            v = .null
            for i in items.indices { walk(&items[i], images) }
            v = .array(items)
        default:
            return
        }
    }

    /// kustomize's image.Split: name, tag and digest, a registry port not taken for a tag.
    static func split(_ image: String) -> (name: String, tag: String, digest: String) {
        let chars = Array(image)
        var slash = 0
        if let s = chars.firstIndex(of: "/"), s > 0 { slash = s }
        let search = chars[slash...]
        let at = search.firstIndex(of: "@")
        let colon = search.firstIndex(of: ":")
        if at == nil && colon == nil { return (image, "", "") }
        if let at, colon == nil || at < colon! {
            return (String(chars[..<at]), "", String(chars[(at + 1)...]))
        }
        if let at, let colon {
            return (String(chars[..<colon]), String(chars[(colon + 1)..<at]), String(chars[(at + 1)...]))
        }
        let c = colon!
        return (String(chars[..<c]), String(chars[(c + 1)...]), "")
    }

    static func update(_ image: String, _ images: [Kustomization.ImageEntry]) -> String {
        var (name, tag, digest) = split(image)
        guard let entry = images.first(where: { $0.name == name }) else { return image }
        if !entry.newName.isEmpty { name = entry.newName }
        if !entry.newTag.isEmpty && !entry.digest.isEmpty {
            tag = entry.newTag
            digest = entry.digest
        } else if !entry.newTag.isEmpty {
            tag = entry.newTag
            digest = ""
        } else if !entry.digest.isEmpty {
            digest = entry.digest
            tag = ""
        }
        var out = name
        if !tag.isEmpty { out += ":" + tag }
        if !digest.isEmpty { out += "@" + digest }
        return out
    }
}

/// RFC 6902 JSON patch operations (add, remove, replace, move, copy, test) on JSON values.
enum KustomizeJSONPatch {
    static func apply(_ ops: [JSONValue], to doc: JSONValue) throws -> JSONValue {
        var doc = doc
        for op in ops {
            let kind = op["op"].string ?? ""
            let path = try pointer(op["path"].string ?? "")
            switch kind {
            case "add": try add(&doc, path, op["value"])
            case "remove": _ = try remove(&doc, path)
            case "replace":
                _ = try remove(&doc, path)
                try add(&doc, path, op["value"])
            case "move":
                let from = try pointer(op["from"].string ?? "")
                let v = try remove(&doc, from)
                try add(&doc, path, v)
            case "copy":
                let from = try pointer(op["from"].string ?? "")
                try add(&doc, path, try get(doc, from))
            case "test":
                if try get(doc, path) != op["value"] {
                    throw KustomizeError("testing value \(op["path"].string ?? "") failed: test failed")
                }
            default:
                throw KustomizeError("Unexpected kind: \(kind)")
            }
        }
        return doc
    }

    static func pointer(_ p: String) throws -> [String] {
        if p.isEmpty { return [] }
        guard p.hasPrefix("/") else { throw KustomizeError("invalid JSON pointer \(strconvQuote(p))") }
        return p.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacingAll("~1", with: "/").replacingAll("~0", with: "~")
        }
    }

    static func get(_ doc: JSONValue, _ path: [String]) throws -> JSONValue {
        var cur = doc
        for seg in path {
            switch cur {
            case .object(let o):
                guard let v = o[seg] else { throw missing(path) }
                cur = v
            case .array(let a):
                guard let i = Int(seg), i >= 0, i < a.count else { throw missing(path) }
                cur = a[i]
            default: throw missing(path)
            }
        }
        return cur
    }

    static func missing(_ path: [String]) -> Error {
        KustomizeError("Unable to find /\(path.joined(separator: "/")) in the document")
    }

    static func add(_ doc: inout JSONValue, _ path: [String], _ value: JSONValue) throws {
        guard let last = path.last else { doc = value; return }
        try modify(&doc, Array(path.dropLast()), full: path) { parent in
            switch parent {
            case .object(var o):
                o[last] = value
                parent = .object(o)
            case .array(var a):
                if last == "-" { a.append(value) } else {
                    guard let i = Int(last), i >= 0, i <= a.count else { throw missing(path) }
                    a.insert(value, at: i)
                }
                parent = .array(a)
            default: throw missing(path)
            }
        }
    }

    static func remove(_ doc: inout JSONValue, _ path: [String]) throws -> JSONValue {
        guard let last = path.last else { throw missing(path) }
        var removed: JSONValue = .null
        try modify(&doc, Array(path.dropLast()), full: path) { parent in
            switch parent {
            case .object(var o):
                guard let v = o.removeValue(forKey: last) else { throw missing(path) }
                removed = v
                parent = .object(o)
            case .array(var a):
                guard let i = Int(last), i >= 0, i < a.count else { throw missing(path) }
                removed = a.remove(at: i)
                parent = .array(a)
            default: throw missing(path)
            }
        }
        return removed
    }

    private static func modify(_ doc: inout JSONValue, _ path: [String], full: [String],
                               _ f: (inout JSONValue) throws -> Void) throws {
        guard let first = path.first else { try f(&doc); return }
        switch doc {
        case .object(var o):
            guard var child = o[first] else { throw missing(full) }
            try modify(&child, Array(path.dropFirst()), full: full, f)
            o[first] = child
            doc = .object(o)
        case .array(var a):
            guard let i = Int(first), i >= 0, i < a.count else { throw missing(full) }
            try modify(&a[i], Array(path.dropFirst()), full: full, f)
            doc = .array(a)
        default:
            throw missing(full)
        }
    }
}

/// A target name/namespace pattern, as a POSIX extended regular expression (the subset of Go's
/// RE2 syntax kustomize targets use in practice).
final class GoRegex {
    private var re = regex_t()
    init(_ pattern: String) throws {
        // POSIX ERE has no non-capturing groups.
        let posix = pattern.replacingAll("(?:", with: "(")
        guard regcomp(&re, posix, REG_EXTENDED | REG_NOSUB) == 0 else {
            throw KustomizeError("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }
    deinit { regfree(&re) }
    func matches(_ s: String) -> Bool { regexec(&re, s, 0, nil, 0) == 0 }
}
