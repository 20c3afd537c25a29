import KubeModel

/// `kubectl apply --overwrite=false` (strategic merge's MergingMapsHaveConflicts): the patch conflicts
/// with the changes others made since the last apply (last applied → live) when both set a field to
/// different values. Lists merged by key are compared item by item, merged lists of scalars never
/// conflict, other lists must be equal (scalars compared as sorted sets).
extension ThreeWayMerge {
    /// The changes from the last applied configuration to the live object, as a strategic patch.
    public static func changes(original: JSONValue?, current: JSONValue, schema: PatchSchema) throws -> JSONValue {
        .object(try diffMaps(original?.object ?? JSONObject(), current.object ?? JSONObject(), schema,
                             Options(setElementOrder: false)))
    }

    public static func haveConflicts(_ patch: JSONValue, _ changed: JSONValue, schema: PatchSchema) -> Bool {
        mapsHaveConflicts(patch.object ?? JSONObject(), changed.object ?? JSONObject(), schema)
    }

    static func mapsHaveConflicts(_ left: JSONObject, _ right: JSONObject, _ schema: PatchSchema) -> Bool {
        for (key, l) in left where key != "$patch" && key != "$retainKeys" {
            guard let r = right[key] else { continue }
            let meta = schema.field(key)
            let strategy = meta.isMerge ? "merge" : meta.isReplace ? "replace" : ""
            if fieldsHaveConflicts(l, r, meta.schema, strategy: strategy, mergeKey: meta.mergeKey) { return true }
        }
        return false
    }

    static func fieldsHaveConflicts(_ left: JSONValue, _ right: JSONValue, _ schema: PatchSchema, strategy: String,
                                    mergeKey: String) -> Bool
    {
        switch (left, right) {
        case (.object(let l), .object(let r)):
            let lm = l["$patch"], rm = r["$patch"]
            if lm != nil || rm != nil { return lm != rm }
            if strategy == "replace" { return false }
            return mapsHaveConflicts(l, r, schema)
        case (.object, _), (.array, _):
            guard case .array(let l) = left, case .array(let r) = right else { return true }
            return listsHaveConflicts(l, r, schema, strategy: strategy, mergeKey: mergeKey)
        default:
            return left != right
        }
    }

    static func listsHaveConflicts(_ left: [JSONValue], _ right: [JSONValue], _ schema: PatchSchema, strategy: String,
                                   mergeKey: String) -> Bool
    {
        let all = left + right
        let maps = all.first.map { if case .object = $0 { return true } else { return false } } ?? false
        if all.contains(where: { if case .object = $0 { return !maps } else { return maps } }) { return true }
        if strategy == "merge" {
            guard maps else { return false }
            var byKey: [String: JSONValue] = [:]
            for item in right { byKey[keyString(item[mergeKey])] = item }
            for item in left {
                if let other = byKey[keyString(item[mergeKey])],
                   fieldsHaveConflicts(item, other, schema, strategy: "", mergeKey: "") { return true }
            }
            return false
        }
        if left.count != right.count { return true }
        var l = left, r = right
        if !maps {
            l = Array(Set(l.map(\.compactJSON))).sorted().compactMap { try? JSON.parse($0) }
            r = Array(Set(r.map(\.compactJSON))).sorted().compactMap { try? JSON.parse($0) }
            if l.count != r.count { return true }
        }
        for i in l.indices where fieldsHaveConflicts(l[i], r[i], schema, strategy: "", mergeKey: "") { return true }
        return false
    }
}
