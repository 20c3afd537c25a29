import KubeModel

/// A patch that cannot be applied or computed; `message` is the text kubectl prints after `error: `.
public struct PatchError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Strategic merge patch (apimachinery `strategicpatch`): maps merge key by key, `null` deletes,
/// lists whose field has the `merge` strategy merge element by element on the patch merge key
/// (primitive lists: union), other lists are replaced. Directives: `$patch: replace|delete` in maps and
/// list elements, `$retainKeys`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`.
public enum StrategicMerge {
    static let directive = "$patch"
    static let retainKeys = "$retainKeys"
    static let setOrderPrefix = "$setElementOrder/"
    static let deletePrimitivePrefix = "$deleteFromPrimitiveList/"

    /// Applies `patch` to `original` (both whole objects).
    public static func apply(_ original: JSONValue, patch: JSONValue, schema: PatchSchema) throws -> JSONValue {
        guard let p = patch.object else {
            throw PatchError("json: cannot unmarshal \(jsonTypeName(patch)) into Go value of type map[string]interface {}")
        }
        return .object(try mergeMap(original.object ?? JSONObject(), p, schema))
    }

    public static func jsonTypeName(_ v: JSONValue) -> String {
        switch v {
        case .array: return "array"
        case .string: return "string"
        case .int, .double: return "number"
        case .bool: return "bool"
        default: return "object"
        }
    }

    static func mergeMap(_ originalIn: JSONObject, _ patchIn: JSONObject, _ schema: PatchSchema) throws -> JSONObject {
        var original = originalIn
        var patch = patchIn
        if let d = patch[directive] {
            if d == .string("replace") {
                patch.removeValue(forKey: directive)
                return patch
            }
            if d == .string("delete") { return JSONObject() }
            throw PatchError("unknown patch type: \(goValueString(d)) in map: \(goValueString(.object(patch)))")
        }
        // $retainKeys: drop the original's keys that are not listed.
        if let rk = patch.removeValue(forKey: retainKeys) {
            guard let list = rk.array else { throw PatchError("invalid patch: $retainKeys must be a list") }
            let keep = Set(list.compactMap { $0.string })
            for k in patch.keys where !k.hasPrefix("$") && !keep.contains(k) {
                throw PatchError("the following keys are not in retainKeys list: \(k)")
            }
            for k in original.keys where !keep.contains(k) { original.removeValue(forKey: k) }
        }
        // $setElementOrder/<list>: merge that list now and order it as listed.
        for key in patch.keys where key.hasPrefix(setOrderPrefix) {
            let order = patch.removeValue(forKey: key)?.array ?? []
            let field = String(key.dropFirst(setOrderPrefix.count))
            let meta = try schema.lookup(field)
            let patchList = patch[field]?.array
            var originalList = original[field]?.array
            if let del = patch.removeValue(forKey: deletePrimitivePrefix + field)?.array, let o = originalList {
                originalList = o.filter { !del.contains($0) }
            }
            let merged: [JSONValue]
            switch (originalList, patchList) {
            case (let o?, nil): merged = o
            case (nil, let p?): merged = try mergeSlice([], p, meta)
            case (let o?, let p?):
                merged = meta.isMerge ? try mergeSlice(o, p, meta) : p
            case (nil, nil): continue
            }
            let (inPatch, serverOnly) = partition(merged, by: order, mergeKey: meta.mergeKey)
            original[field] = .array(normalizeOrder(inPatch, serverOnly, patchOrder: order,
                                                    serverOrder: originalList ?? [], mergeKey: meta.mergeKey))
            patch.removeValue(forKey: field)
        }
        for (k0, patchValue) in patch {
            var k = k0
            var isDeleteList = false
            if k.hasPrefix(deletePrimitivePrefix) {
                k = String(k.dropFirst(deletePrimitivePrefix.count))
                isDeleteList = true
            }
            if patchValue.isNull {
                original.removeValue(forKey: k)
                continue
            }
            guard let current = original[k] else {
                if !isDeleteList, let v = takenAsIs(patchValue) { original[k] = v }
                continue
            }
            switch (current, patchValue) {
            case (.object(let o), .object(let p)):
                let meta = try schema.lookup(k)
                if meta.isReplace {
                    original[k] = .object(p)
                } else {
                    original[k] = .object(try mergeMap(o, p, meta.schema))
                }
            case (.array(let o), .array(let p)):
                let meta = try schema.lookup(k)
                if isDeleteList {
                    original[k] = .array(o.filter { !p.contains($0) })
                } else if meta.isMerge {
                    original[k] = .array(try mergeSlice(o, p, meta))
                } else {
                    original[k] = .array(p)
                }
            default:
                if !isDeleteList { original[k] = takenAsIs(patchValue) }
            }
        }
        return original
    }

    /// A patch value taken as is (the original lacks the key or holds another type), as kubectl v1.32
    /// leaves it: nulls in maps dropped at every depth, list elements that are maps with a `$patch`
    /// key dropped, and a map with a `$patch` key gone altogether (nil: the key is removed). Other
    /// directives (`$retainKeys`, `$setElementOrder/...`) stay, and no schema is consulted.
    static func takenAsIs(_ v: JSONValue) -> JSONValue? {
        switch v {
        case .object(let o):
            if o[directive] != nil { return nil }
            var out = JSONObject()
            for (k, x) in o where !x.isNull {
                if let y = takenAsIs(x) { out[k] = y }
            }
            return .object(out)
        case .array(let a):
            return .array(a.compactMap { e in e.object?[directive] != nil ? nil : takenAsIs(e) })
        default: return v
        }
    }

    static func stripDirectives(_ o: JSONObject) -> JSONObject {
        var out = JSONObject()
        for (k, v) in o where !(k == directive || k == retainKeys || k.hasPrefix(setOrderPrefix) || k.hasPrefix(deletePrimitivePrefix)) {
            out[k] = stripDirectivesValue(v)
        }
        return out
    }

    static func stripDirectivesValue(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o): return .object(stripDirectives(o))
        case .array(let a):
            return .array(a.filter { $0[directive].isNull }.map(stripDirectivesValue))
        default: return v
        }
    }

    static func mergeSlice(_ originalIn: [JSONValue], _ patchIn: [JSONValue], _ meta: PatchSchema.Field) throws -> [JSONValue] {
        if originalIn.isEmpty && patchIn.isEmpty { return originalIn }
        var original = originalIn
        var patch = patchIn
        let isMaps = (original.first ?? patch.first).map { $0.object != nil } ?? false
        var merged: [JSONValue]
        if !isMaps {
            merged = []
            for v in original + patch where !merged.contains(v) { merged.append(v) }
        } else {
            let mergeKey = meta.mergeKey
            if mergeKey.isEmpty { throw PatchError("cannot merge lists without merge key") }
            // Elements with a $patch directive.
            var plain: [JSONValue] = []
            var replace = false
            for v in patch {
                guard let d = v[directive].string ?? (v[directive].isNull ? nil : goValueString(v[directive])) else {
                    plain.append(v)
                    continue
                }
                switch d {
                case "delete":
                    let key = v[mergeKey]
                    if key.isNull {
                        throw PatchError("map: \(goValueString(v)) does not contain declared merge key: \(mergeKey)")
                    }
                    original = original.filter { $0[mergeKey] != key }
                case "replace": replace = true
                case "merge": throw PatchError("merging lists cannot yet be specified in the patch")
                default: throw PatchError("unknown patch type: \(d) in map: \(goValueString(v))")
                }
            }
            if replace {
                original = plain
                patch = []
            } else {
                patch = plain
            }
            merged = original
            for v in patch {
                let key = v[mergeKey]
                if key.isNull {
                    throw PatchError("map: \(goValueString(v)) does not contain declared merge key: \(mergeKey)")
                }
                if let i = merged.firstIndex(where: { $0[mergeKey] == key }) {
                    merged[i] = .object(try mergeMap(merged[i].object ?? JSONObject(), v.object ?? JSONObject(), meta.schema))
                } else {
                    merged.append(.object(mergeMapIntoEmpty(v.object ?? JSONObject(), meta.schema)))
                }
            }
        }
        let (inPatch, serverOnly) = partition(merged, by: patch, mergeKey: isMaps ? meta.mergeKey : "")
        return normalizeOrder(inPatch, serverOnly, patchOrder: patch, serverOrder: original, mergeKey: isMaps ? meta.mergeKey : "")
    }

    /// A new list element: taken from the patch as is (strategic merge appends the patch's map).
    static func mergeMapIntoEmpty(_ p: JSONObject, _ schema: PatchSchema) -> JSONObject { p }

    static func identity(_ v: JSONValue, _ mergeKey: String) -> JSONValue { mergeKey.isEmpty ? v : v[mergeKey] }

    static func partition(_ merged: [JSONValue], by list: [JSONValue], mergeKey: String) -> ([JSONValue], [JSONValue]) {
        let keys = list.map { identity($0, mergeKey) }
        var inList: [JSONValue] = []
        var rest: [JSONValue] = []
        for v in merged {
            if keys.contains(identity(v, mergeKey)) { inList.append(v) } else { rest.append(v) }
        }
        return (inList, rest)
    }

    /// normalizeElementOrder: patch items in patch order, server-only items in server order, then
    /// server-only items interleaved where the live order puts them.
    static func normalizeOrder(_ patchItems: [JSONValue], _ serverOnly: [JSONValue], patchOrder: [JSONValue],
                               serverOrder: [JSONValue], mergeKey: String) -> [JSONValue]
    {
        func sortBy(_ items: [JSONValue], _ order: [JSONValue]) -> [JSONValue] {
            let keys = order.map { identity($0, mergeKey) }
            let indexed = items.enumerated().map { (i, v) -> (Int, Int, JSONValue) in
                (keys.firstIndex(of: identity(v, mergeKey)) ?? Int.max, i, v)
            }
            return indexed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { $0.2 }
        }
        let right = sortBy(patchItems, patchOrder)
        let left = sortBy(serverOnly, serverOrder)
        let serverKeys = serverOrder.map { identity($0, mergeKey) }
        var out: [JSONValue] = []
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            if i >= left.count { out.append(right[j]); j += 1; continue }
            if j >= right.count { out.append(left[i]); i += 1; continue }
            let li = serverKeys.firstIndex(of: identity(left[i], mergeKey))
            let ri = serverKeys.firstIndex(of: identity(right[j], mergeKey))
            if let li, let ri, li < ri { out.append(left[i]); i += 1 } else { out.append(right[j]); j += 1 }
        }
        return out
    }
}
