import KubeModel
import KubeSchema

/// The patched object's JSON as the API server quotes it in a JSON or merge patch's decode error
/// (`patch: Invalid value: "{...}"`). The server encodes the stored object (Go field order for a built-in
/// type, sorted keys for a custom resource's map), then applies the patch with evanphx/json-patch v4,
/// which decodes every object and list it walks into Go maps and slices and leaves the rest as the raw
/// bytes it read: the top level and each container on a patch's path come out with sorted keys, the
/// untouched parts in the stored encoding's order, and the patch's own values as kubectl sent them
/// (sorted: kubectl converts `-p` through YAML). This replays the patch over that mix.
enum PatchedObjectText {
    indirect enum Node {
        /// Bytes of the stored object, of the given type.
        case stored(JSONValue, SchemaType?)
        /// Bytes from the patch.
        case sent(JSONValue)
        /// Decoded into a Go map: written with sorted keys.
        case doc([String: Node])
        /// Decoded into a Go slice.
        case list([Node])
    }

    /// The text for a patch of `old` into the result `patched`; the fully sorted result when the patch
    /// cannot be replayed.
    static func text(old: JSONValue, patched: JSONValue, patch: JSONValue, merge: Bool, builtin: Bool) -> String {
        var root: SchemaType? = nil
        if builtin, let def = SchemaIndex.builtin.definition(apiVersion: old["apiVersion"].string ?? "", kind: old["kind"].string ?? "") {
            root = .ref(def.name)
        }
        var node = Node.stored(old, root)
        let replayed: Bool
        if merge {
            replayed = mergePatch(&node, patch)
        } else {
            replayed = jsonPatch(&node, patch)
        }
        guard replayed else { return GoFieldOrder.sorted(patched).jsonString(.compactOrdered) }
        // The document itself is always decoded.
        if let d = toDoc(node) { node = .doc(d) }
        return render(node).jsonString(.compactOrdered)
    }

    static func render(_ n: Node) -> JSONValue {
        switch n {
        case .stored(let v, let t): return t == nil ? GoFieldOrder.sorted(v) : GoFieldOrder.ordered(v, type: t)
        case .sent(let v): return GoFieldOrder.sorted(v)
        case .doc(let d):
            var out = JSONObject()
            for k in d.keys.sorted(by: goStringLess) { out[k] = render(d[k]!) }
            return .object(out)
        case .list(let items): return .array(items.map(render))
        }
    }

    static func toDoc(_ n: Node) -> [String: Node]? {
        switch n {
        case .doc(let d): return d
        case .stored(.object(let o), let t):
            var d: [String: Node] = [:]
            for (k, v) in o { d[k] = .stored(v, GoFieldOrder.fieldType(t, k)) }
            return d
        case .sent(.object(let o)):
            var d: [String: Node] = [:]
            for (k, v) in o { d[k] = .sent(v) }
            return d
        default: return nil
        }
    }

    static func toList(_ n: Node) -> [Node]? {
        switch n {
        case .list(let l): return l
        case .stored(.array(let a), let t):
            let item = GoFieldOrder.elementType(t)
            return a.map { .stored($0, item) }
        case .sent(.array(let a)): return a.map { .sent($0) }
        default: return nil
        }
    }

    static func isNull(_ n: Node) -> Bool {
        switch n {
        case .stored(.null, _), .sent(.null): return true
        default: return false
        }
    }

    // MARK: merge patch (RFC 7386 as json-patch v4 applies it)

    static func mergePatch(_ node: inout Node, _ patch: JSONValue) -> Bool {
        guard case .object(let p) = patch, var d = toDoc(node) else { return false }
        mergeDocs(&d, p)
        node = .doc(d)
        return true
    }

    static func mergeDocs(_ doc: inout [String: Node], _ patch: JSONObject) {
        for (k, v) in patch {
            if v.isNull {
                doc[k] = nil
            } else if let cur = doc[k], !isNull(cur) {
                doc[k] = merge(cur, v)
            } else {
                doc[k] = .sent(v.withoutNulls)
            }
        }
    }

    static func merge(_ cur: Node, _ patch: JSONValue) -> Node {
        guard var d = toDoc(cur) else { return .sent(patch.withoutNulls) }
        guard case .object(let p) = patch else { return .sent(patch) }
        mergeDocs(&d, p)
        return .doc(d)
    }

    // MARK: JSON patch (RFC 6902 as json-patch v4 applies it)

    static func jsonPatch(_ node: inout Node, _ patch: JSONValue) -> Bool {
        guard let ops = patch.array else { return false }
        for op in ops {
            guard let path = op["path"].string, let kind = op["op"].string else { return false }
            switch kind {
            case "add", "replace":
                let value = Node.sent(op["value"])
                guard edit(&node, path, { c, key in set(&c, key, value, insert: kind == "add") }) else { return false }
            case "remove":
                guard edit(&node, path, { c, key in remove(&c, key) }) else { return false }
            case "test":
                guard edit(&node, path, { _, _ in true }) else { return false }
            case "move", "copy":
                guard let from = op["from"].string else { return false }
                var taken: Node? = nil
                guard edit(&node, from, { c, key in
                    taken = get(c, key)
                    return taken != nil && (kind == "copy" || remove(&c, key))
                }), let value = taken else { return false }
                guard edit(&node, path, { c, key in set(&c, key, value, insert: true) }) else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Decodes the containers on `pointer`'s path (the document included) and runs `body` on the last one
    /// with the final key.
    static func edit(_ node: inout Node, _ pointer: String, _ body: (inout Node, String) -> Bool) -> Bool {
        let parts = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(unescape)
        guard let key = parts.last else { return false }
        return descend(&node, parts.dropLast()[...], key, body)
    }

    /// A JSON pointer token: `~1` is `/`, `~0` is `~`.
    static func unescape(_ token: Substring) -> String {
        var out = ""
        var it = token.makeIterator()
        while let c = it.next() {
            if c == "~", let n = it.next() { out.append(n == "1" ? "/" : n == "0" ? "~" : n) } else { out.append(c) }
        }
        return out
    }

    static func descend(_ node: inout Node, _ parts: ArraySlice<String>, _ key: String, _ body: (inout Node, String) -> Bool) -> Bool {
        if var d = toDoc(node) {
            node = .doc(d)
            guard let part = parts.first else { return body(&node, key) }
            guard var child = d[part] else { return false }
            guard descend(&child, parts.dropFirst(), key, body) else { return false }
            d[part] = child
            node = .doc(d)
            return true
        }
        if var l = toList(node) {
            node = .list(l)
            guard let part = parts.first else { return body(&node, key) }
            guard let i = Int(part), i >= 0, i < l.count else { return false }
            var child = l[i]
            guard descend(&child, parts.dropFirst(), key, body) else { return false }
            l[i] = child
            node = .list(l)
            return true
        }
        return false
    }

    static func get(_ c: Node, _ key: String) -> Node? {
        if case .doc(let d) = c { return d[key] }
        if case .list(let l) = c, let i = Int(key), i >= 0, i < l.count { return l[i] }
        return nil
    }

    static func set(_ c: inout Node, _ key: String, _ value: Node, insert: Bool) -> Bool {
        switch c {
        case .doc(var d):
            d[key] = value
            c = .doc(d)
            return true
        case .list(var l):
            if key == "-" { l.append(value) } else {
                guard let i = Int(key), i >= 0, i <= l.count else { return false }
                if insert { l.insert(value, at: i) } else if i < l.count { l[i] = value } else { return false }
            }
            c = .list(l)
            return true
        default:
            return false
        }
    }

    static func remove(_ c: inout Node, _ key: String) -> Bool {
        switch c {
        case .doc(var d):
            guard d.removeValue(forKey: key) != nil else { return false }
            c = .doc(d)
            return true
        case .list(var l):
            guard let i = Int(key), i >= 0, i < l.count else { return false }
            l.remove(at: i)
            c = .list(l)
            return true
        default:
            return false
        }
    }
}
