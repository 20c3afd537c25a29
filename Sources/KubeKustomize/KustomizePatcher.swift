import KubeCodec
import KubeModel
import KubeSchema

/// The strategic merge step of kustomize patches, behind a protocol so the project's own
/// strategic-merge-patch engine (KubeAPI/Patch, written for apply/patch) can be plugged in:
/// `KustomizeBuilder(patcher: ThatEngineAdapter())`.
protocol KustomizeStrategicMerger {
    func merge(_ original: JSONValue, patch: JSONValue) throws -> JSONValue
}

/// A small strategic merge in kustomize's (kyaml merge2) manner, used until the shared engine lands:
/// maps merge key by key (null deletes), lists of objects merge by their patch merge key from the
/// embedded schema (`containers` by `name`, `ports` by `containerPort`, ...) with the patch's elements
/// first and the original's other elements after them; other lists (custom kinds, fields the schema
/// does not describe) are replaced by the patch's as written; `$patch: delete|replace` directives on
/// maps and on the elements of keyed lists.
struct SimpleStrategicMerge: KustomizeStrategicMerger {
    var index: SchemaIndex = .builtin

    /// The lists of custom kinds merged by key, from a kustomization's `openapi.path` schema:
    /// `apiVersion|kind` -> field path -> merge key.
    var customMergeKeys: [String: [[String]: String]] = [:]

    func merge(_ original: JSONValue, patch: JSONValue) throws -> JSONValue {
        let apiVersion = original["apiVersion"].string ?? "", kind = original["kind"].string ?? ""
        let def = index.definition(apiVersion: apiVersion, kind: kind)
        if def == nil, let keys = customMergeKeys[apiVersion + "|" + kind] {
            return mergeCustom(original, patch, path: [], keys: keys) ?? .null
        }
        return mergeValue(original, patch, type: def.map { _ in SchemaType.object }, def: def) ?? .null
    }

    /// A custom kind's merge: maps key by key as elsewhere, the schema's keyed lists merged by their key.
    private func mergeCustom(_ dest: JSONValue, _ patch: JSONValue, path: [String], keys: [[String]: String]) -> JSONValue? {
        guard case .object(let p) = patch, p["$patch"] == nil, case .object(var d) = dest else {
            return mergeValue(dest, patch, type: nil, def: nil)
        }
        for (key, value) in d where p[key] == nil { d[key] = walkOriginal(value, type: nil, ext: nil) }
        for (key, value) in p {
            let childPath = path + [key]
            if value.isNull { _ = d.removeValue(forKey: key); continue }
            if case .array(let items) = value, let mergeKey = keys[childPath] {
                d[key] = mergeList(d[key]?.array ?? [], items, elementType: nil, mergeKey: mergeKey, strategy: "merge")
            } else if let existing = d[key], keys.keys.contains(where: { $0.count > childPath.count && Array($0.prefix(childPath.count)) == childPath }) {
                d[key] = mergeCustom(existing, value, path: childPath, keys: keys)
            } else if let merged = mergeField(d[key] ?? .null, value, type: nil, ext: nil) {
                d[key] = merged
            } else {
                _ = d.removeValue(forKey: key)
            }
        }
        return .object(d)
    }

    /// The keyed lists an OpenAPI (v2) schema declares for the kinds it names
    /// (`x-kubernetes-group-version-kind`, `x-kubernetes-patch-merge-key` with a `merge` strategy).
    static func customMergeKeys(schema: JSONValue) -> [String: [[String]: String]] {
        let definitions = schema["definitions"].object ?? JSONObject()
        var out: [String: [[String]: String]] = [:]
        func walk(_ s: JSONValue, _ path: [String], _ depth: Int, _ into: inout [[String]: String]) {
            guard depth < 16 else { return }
            var s = s
            if let ref = s["$ref"].string, ref.hasPrefix("#/definitions/"), let d = definitions[String(ref.dropFirst(14))] { s = d }
            if let key = s["x-kubernetes-patch-merge-key"].string, (s["x-kubernetes-patch-strategy"].string ?? "").contains("merge") {
                into[path] = key
            }
            for (name, prop) in s["properties"].object ?? JSONObject() { walk(prop, path + [name], depth + 1, &into) }
        }
        for (_, def) in definitions {
            for gvk in def["x-kubernetes-group-version-kind"].array ?? [] {
                let group = gvk["group"].string ?? "", version = gvk["version"].string ?? ""
                var keys: [[String]: String] = [:]
                walk(def, [], 0, &keys)
                if !keys.isEmpty { out[(group.isEmpty ? version : group + "/" + version) + "|" + (gvk["kind"].string ?? "")] = keys }
            }
        }
        return out
    }

    /// Returns nil when the value is to be deleted.
    private func mergeValue(_ dest: JSONValue, _ patch: JSONValue, type: SchemaType?, def: SchemaDefinition?) -> JSONValue? {
        switch patch {
        case .null:
            return nil
        case .object(var p):
            if let directive = p["$patch"]?.string {
                if directive == "delete" { return nil }
                if directive == "replace" {
                    _ = p.removeValue(forKey: "$patch")
                    return .object(clean(p))
                }
                _ = p.removeValue(forKey: "$patch")
            }
            guard case .object(var d) = dest else { return .object(clean(p)) }
            let (resolvedType, resolvedDef) = resolve(type, def)
            // kyaml walks the original's own fields too: a plain empty value (`k0:`) it does not keep.
            for (key, value) in d where p[key] == nil {
                let (childType, ext) = fieldType(key, type: resolvedType, def: resolvedDef)
                d[key] = walkOriginal(value, type: childType, ext: ext)
            }
            for (key, value) in p {
                let (childType, ext) = fieldType(key, type: resolvedType, def: resolvedDef)
                if value.isNull { _ = d.removeValue(forKey: key); continue }
                if let existing = d[key] {
                    if let merged = mergeField(existing, value, type: childType, ext: ext) {
                        d[key] = merged
                    } else {
                        _ = d.removeValue(forKey: key)
                    }
                } else if let fresh = mergeField(.null, value, type: childType, ext: ext) {
                    d[key] = fresh
                }
            }
            return .object(d)
        default:
            return patch
        }
    }

    private func mergeField(_ dest: JSONValue, _ patch: JSONValue, type: SchemaType?, ext: SchemaExtensions?) -> JSONValue? {
        if case .array(let items) = patch {
            var elementType: SchemaType?
            if case .array(let t)? = type { elementType = t }
            return mergeList(dest.array ?? [], items, elementType: elementType, mergeKey: ext?.patchMergeKey,
                             strategy: ext?.patchStrategy)
        }
        return mergeValue(dest, patch, type: type, def: nil)
    }

    private func mergeList(_ dest: [JSONValue], _ patch: [JSONValue], elementType: SchemaType?, mergeKey: String?,
                           strategy: String?) -> JSONValue {
        // A list the schema does not merge by key (any list of a kind or field it does not describe) is
        // replaced by the patch's, as written: directives and nulls in it stay.
        guard let key = mergeKey, strategy?.contains("merge") ?? true, patch.allSatisfy({ $0.object != nil }) else {
            return .array(patch)
        }
        // `$patch: replace` as an element replaces the whole list with the other elements.
        if patch.contains(where: { $0["$patch"].string == "replace" && $0.object?.count == 1 }) {
            return .array(patch.filter { !($0["$patch"].string == "replace" && $0.object?.count == 1) })
        }
        var result: [JSONValue] = []
        var used = Set<Int>()
        for p in patch {
            let k = p[key]
            let match = dest.indices.first { !used.contains($0) && dest[$0][key] == k }
            if let m = match { used.insert(m) }
            if p["$patch"].string == "delete" { continue }
            if let m = match {
                if let merged = mergeValue(dest[m], p, type: elementType, def: nil) { result.append(merged) }
            } else if case .object(let o) = p {
                result.append(.object(clean(o)))
            }
        }
        for (i, d) in dest.enumerated() where !used.contains(i) {
            if let kept = walkOriginal(d, type: elementType, ext: nil) { result.append(kept) }
        }
        return .array(result)
    }

    /// A value of the original the patch does not mention, as kyaml's merge walks it: a field whose
    /// value is a plain empty scalar (`k0:`) is dropped (a written `null` or `~` stays), in maps and in
    /// the elements of lists merged by key; other lists are kept as they are. Nil: drop the value.
    private func walkOriginal(_ v: JSONValue, type: SchemaType?, ext: SchemaExtensions?) -> JSONValue? {
        switch v {
        case .string(let s):
            // (JSONValue is nil-literal expressible: `.none` is "drop", not `.null`)
            if KyamlScalar.text(s) == "" { return .none }
            return v
        case .object(var o):
            let (resolvedType, resolvedDef) = resolve(type, nil)
            for (key, value) in o {
                let (childType, childExt) = fieldType(key, type: resolvedType, def: resolvedDef)
                o[key] = walkOriginal(value, type: childType, ext: childExt)
            }
            return .object(o)
        case .array(let items):
            let associative: Bool
            if case .array? = type {
                associative = ext?.patchMergeKey != nil && (ext?.patchStrategy?.contains("merge") ?? false)
            } else {
                associative = false
            }
            guard associative else { return v }
            var elementType: SchemaType?
            if case .array(let t)? = type { elementType = t }
            return .array(items.map { item in item.object == nil ? item : (walkOriginal(item, type: elementType, ext: nil) ?? item) })
        default:
            return v
        }
    }

    /// A patch value added where nothing was: directives and nulls dropped.
    private func clean(_ o: JSONObject) -> JSONObject {
        var out = JSONObject()
        for (k, v) in o where k != "$patch" && !v.isNull {
            switch v {
            case .object(let inner): out[k] = .object(clean(inner))
            case .array(let items):
                // kyaml copies a list the original lacks as the patch wrote it, delete directives included.
                out[k] = .array(items.map { item in
                    if item["$patch"].string == "delete" { return item }
                    return item.object.map { .object(clean($0)) } ?? item
                })
            default: out[k] = v
            }
        }
        return out
    }

    private func resolve(_ type: SchemaType?, _ def: SchemaDefinition?) -> (SchemaType?, SchemaDefinition?) {
        if let def { return (def.type, def) }
        guard let type else { return (nil, nil) }
        if case .ref(let name) = type, let d = index.definition(named: name) { return (d.type, d) }
        return (type, nil)
    }

    private func fieldType(_ key: String, type: SchemaType?, def: SchemaDefinition?) -> (SchemaType?, SchemaExtensions?) {
        if let def, let prop = def.property(named: key) { return (prop.type, prop.extensions) }
        if case .map(let valueType)? = type { return (valueType, nil) }
        return (nil, nil)
    }
}
