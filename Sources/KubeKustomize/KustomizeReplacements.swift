import KubeCodec
import KubeModel

/// `replacements`: copies a value from one object's field into fields of other objects, after every
/// other transformer (so names carry their prefixes). Field paths are dotted; a segment is a map key,
/// a list index, `*` (every element) or `[key=value]` (the elements whose field has that value).
enum KustomizeReplacements {
    struct Options {
        var delimiter = ""
        var index = 0
        var create = false

        init(_ v: JSONValue) {
            delimiter = Kustomization.scalar(Kustomization.member(v, "delimiter"))
            index = Int(Kustomization.member(v, "index").int ?? 0)
            create = Kustomization.member(v, "create").bool ?? false
        }
    }

    /// The replacement entries of a kustomization: inline ones, and `path:` files holding one or a list.
    static func entries(_ k: Kustomization, dir: String, read: (String) throws -> String) throws -> [JSONValue] {
        var out: [JSONValue] = []
        for r in k.replacements {
            let path = Kustomization.scalar(Kustomization.member(r, "path"))
            if path.isEmpty { out.append(r); continue }
            if !Kustomization.member(r, "source").isNull || !(Kustomization.member(r, "targets").array ?? []).isEmpty {
                let config = YAMLCodec.encode(.object(JSONObject([("Replacements", configValue(.array(k.replacements)))])))
                throw KustomizeError("trouble configuring builtin ReplacementTransformer with config: `\n\(config)`: cannot specify both path and inline replacement")
            }
            for doc in try YAMLCodec.decodeDocuments(try read(path), source: path) {
                if let items = doc.array { out += items } else if !doc.isNull { out.append(doc) }
            }
        }
        return out
    }

    /// A value as kustomize marshals its configuration back: keys sorted, empty fields left out.
    private static func configValue(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for key in o.sortedKeys {
                let child = o[key]!
                switch child {
                case .null, .string(""), .bool(false), .int(0): continue
                case .array(let a) where a.isEmpty: continue
                default: out[key] = configValue(child)
                }
            }
            return .object(out)
        case .array(let a): return .array(a.map(configValue))
        default: return v
        }
    }

    static func apply(_ replacement: JSONValue, to resources: [KustomizeResource],
                      select: (Kustomization.Target) throws -> [KustomizeResource]) throws {
        let source = Kustomization.member(replacement, "source")
        if source.isNull || (Kustomization.member(replacement, "targets").array ?? []).isEmpty {
            throw KustomizeError("replacements must specify a source and at least one target")
        }
        let sourceTarget = target(source)
        var fieldPath = Kustomization.scalar(Kustomization.member(source, "fieldPath"))
        if fieldPath.isEmpty { fieldPath = "metadata.name" }
        let id = idText(sourceTarget)
        let matches = resources.filter { r in
            let (g, v) = splitAPIVersion(r.apiVersion)
            if !sourceTarget.group.isEmpty && sourceTarget.group != g { return false }
            if !sourceTarget.version.isEmpty && sourceTarget.version != v { return false }
            if !sourceTarget.kind.isEmpty && sourceTarget.kind != r.kind { return false }
            if !sourceTarget.name.isEmpty && !r.allNames.contains(sourceTarget.name) { return false }
            if !sourceTarget.namespace.isEmpty && sourceTarget.namespace != r.namespace
                && !r.previousNamespaces.contains(sourceTarget.namespace) { return false }
            return true
        }
        guard let from = matches.first else { throw KustomizeError("nothing selected by \(id):\(fieldPath)") }
        if matches.count > 1 {
            throw KustomizeError("multiple matches for selector \(id):\(fieldPath)")
        }
        let found = values(from.object, segments(fieldPath))
        // A null source (`~`, an empty value) is missing too.
        guard var value = found.first, !value.isNull, KyamlScalar.text(value).map({ KyamlScalar.resolve($0) == .json(.null) }) != true else {
            throw KustomizeError("fieldPath `\(fieldPath)` is missing for replacement source \(id)")
        }
        let sourceOptions = Options(Kustomization.member(source, "options"))
        if !sourceOptions.delimiter.isEmpty, let s = KyamlScalar.text(value) ?? value.string {
            let parts = split(s, sourceOptions.delimiter)
            guard sourceOptions.index >= 0, sourceOptions.index < parts.count else {
                throw KustomizeError("options.index \(sourceOptions.index) is out of bounds for value \(s)")
            }
            value = .string(parts[sourceOptions.index])
        }

        for t in Kustomization.member(replacement, "targets").array ?? [] {
            guard !Kustomization.member(t, "select").isNull else { throw KustomizeError("target must specify resources to select") }
            let selected = try select(target(Kustomization.member(t, "select")))
            let rejects = try (Kustomization.member(t, "reject").array ?? []).flatMap { try select(target($0)) }
            let options = Options(Kustomization.member(t, "options"))
            for r in selected where !rejects.contains(where: { $0 === r }) {
                var fieldPaths = Kustomization.strings(Kustomization.member(t, "fieldPaths"))
                if fieldPaths.isEmpty { fieldPaths = ["metadata.name"] }
                for path in fieldPaths {
                    var obj = r.object
                    let hit: Bool
                    do {
                        hit = try set(&obj, segments(path)[...], create: options.create) { old in
                        // A field the replacement creates gets the text untagged: kustomize writes it plain,
                        // so "5432" reads back as a number.
                        // (The text keeps its place's meaning: an annotation reads `0x1F` back as written.)
                        if old.isNull, options.delimiter.isEmpty, let text = value.string, KyamlScalar.text(text) == nil {
                            if case .json(.string) = KyamlScalar.resolve(text) { return value }
                            return .string(KyamlScalar.raw(text))
                        }
                        guard !options.delimiter.isEmpty else { return try scalarInto(old, value) }
                        var parts = split(KyamlScalar.text(old) ?? old.string ?? "", options.delimiter)
                        let v = KyamlScalar.text(value) ?? value.string ?? Kustomization.scalar(value)
                        if options.index >= parts.count { parts.append(v) } else if options.index < 0 { parts.insert(v, at: 0) } else {
                            parts[options.index] = v
                        }
                        return .string(parts.joined(separator: options.delimiter))
                        }
                    } catch is WildcardOnCreatedMap {
                        throw KustomizeError("unable to find or create field \(strconvQuote(path)) in replacement target: wrong node kind: expected SequenceNode but got MappingNode: node contents:\n{}")
                    }
                    if !hit { throw KustomizeError("unable to find field \(strconvQuote(path)) in replacement target") }
                    r.object = obj
                }
            }
        }
    }

    /// kyaml copies only the text of a scalar into a field that holds a scalar, which keeps its tag:
    /// into a string it is that text as a string ("42", "0x1F"), into a number or boolean the text read
    /// as YAML, refused (as go-yaml refuses it when the object is decoded) when it reads as another type.
    static func scalarInto(_ old: JSONValue, _ value: JSONValue) throws -> JSONValue {
        if old.isNull || old.array != nil || old.object != nil || value.array != nil || value.object != nil { return value }
        let text = KyamlScalar.text(value) ?? Kustomization.scalar(value)
        func tag(_ v: JSONValue) -> String {
            switch v {
            case .string(let s):
                guard let t = KyamlScalar.text(s) else { return "str" }
                switch KyamlScalar.resolve(t) {
                case .json(let j): return tag(j)
                case .timestamp: return "timestamp"
                case .unsigned: return "int"
                }
            case .int: return "int"
            case .double: return "float"
            case .bool: return "bool"
            default: return "null"
            }
        }
        let oldTag = tag(old)
        if oldTag == "str" { return .string(text) }
        let newTag = tag(.string(KyamlScalar.raw(text)))
        guard newTag == oldTag || (oldTag == "float" && newTag == "int") else {
            throw KustomizeError("map[string]interface {}(nil): yaml: cannot decode !!\(newTag) `\(text)` as a !!\(oldTag)")
        }
        return .string(KyamlScalar.raw(text))
    }

    /// Go's strings.Split with a non-empty separator.
    static func split(_ s: String, _ sep: String) -> [String] {
        let b = Array(s.utf8), d = Array(sep.utf8)
        var out: [String] = []
        var start = 0, i = 0
        while i + d.count <= b.count {
            if Array(b[i..<(i + d.count)]) == d {
                out.append(String(decoding: b[start..<i], as: UTF8.self))
                i += d.count
                start = i
            } else {
                i += 1
            }
        }
        out.append(String(decoding: b[start...], as: UTF8.self))
        return out
    }

    static func target(_ v: JSONValue) -> Kustomization.Target {
        func f(_ name: String) -> String { Kustomization.scalar(Kustomization.member(v, name)) }
        return Kustomization.Target(group: f("group"), version: f("version"), kind: f("kind"), name: f("name"),
                                    namespace: f("namespace"), labelSelector: f("labelSelector"),
                                    annotationSelector: f("annotationSelector"))
    }

    /// kustomize's ResId text of a selector: `Kind.version.group/name.namespace` with `[noX]` for blanks.
    static func idText(_ t: Kustomization.Target) -> String {
        "\(t.kind.isEmpty ? "[noKind]" : t.kind).\(t.version.isEmpty ? "[noVer]" : t.version).\(t.group.isEmpty ? "[noGrp]" : t.group)/\(t.name.isEmpty ? "[noName]" : t.name).\(t.namespace.isEmpty ? "[noNs]" : t.namespace)"
    }

    /// A dotted path's segments; dots inside `[...]` do not split.
    static func segments(_ path: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var depth = 0
        for c in path {
            if c == "[" { depth += 1 }
            if c == "]" { depth = max(0, depth - 1) }
            if c == "." && depth == 0 { out.append(cur); cur = ""; continue }
            cur.append(c)
        }
        out.append(cur)
        return out
    }

    /// `[key=value]`: the key and value of an element match.
    static func elementMatch(_ seg: String) -> (String, String)? {
        guard seg.hasPrefix("["), seg.hasSuffix("]"), let eq = seg.firstIndex(of: "=") else { return nil }
        return (String(seg[seg.index(after: seg.startIndex)..<eq]), String(seg[seg.index(after: eq)..<seg.index(before: seg.endIndex)]))
    }

    static func values(_ v: JSONValue, _ path: [String]) -> [JSONValue] {
        guard let seg = path.first else { return [v] }
        let rest = Array(path.dropFirst())
        switch v {
        case .object(let o):
            return o[seg].map { values($0, rest) } ?? []
        case .array(let items):
            if seg == "*" { return items.flatMap { values($0, rest) } }
            if let (k, want) = elementMatch(seg) {
                return items.filter { Kustomization.scalar($0[k]) == want }.flatMap { values($0, rest) }
            }
            if let i = Int(seg), i >= 0, i < items.count { return values(items[i], rest) }
            return []
        default:
            return []
        }
    }

    /// Sets every field the path reaches to `make(old)`; returns whether any was reached (or created).
    /// kyaml creates a missing field as a map, so a `*` after it finds no list.
    struct WildcardOnCreatedMap: Error {}

    static func set(_ v: inout JSONValue, _ path: ArraySlice<String>, create: Bool, _ make: (JSONValue) throws -> JSONValue) throws -> Bool {
        guard let seg = path.first else { v = try make(v); return true }
        let rest = path.dropFirst()
        switch v {
        case .object(var o):
            var child: JSONValue
            if let c = o[seg], !c.isNull {
                child = c
            } else if create {
                if rest.first == "*" { throw WildcardOnCreatedMap() }
                child = rest.first.map { Int($0) != nil || $0 == "*" || elementMatch($0) != nil ? JSONValue.array([]) : .emptyObject } ?? .null
            } else {
                return false
            }
            v = .null
            let hit = try set(&child, rest, create: create, make)
            if hit { o[seg] = child }
            v = .object(o)
            return hit
        case .array(var items):
            var hit = false
            if seg == "*" || elementMatch(seg) != nil {
                let m = elementMatch(seg)
                for i in items.indices where m == nil || Kustomization.scalar(items[i][m!.0]) == m!.1 {
                    if try set(&items[i], rest, create: create, make) { hit = true }
                }
            } else if let i = Int(seg), i >= 0 {
                if i < items.count {
                    hit = try set(&items[i], rest, create: create, make)
                } else if create && i == items.count {
                    var fresh: JSONValue = rest.isEmpty ? .null : .emptyObject
                    hit = try set(&fresh, rest, create: create, make)
                    if hit { items.append(fresh) }
                }
            }
            v = .array(items)
            return hit
        default:
            return false
        }
    }
}
