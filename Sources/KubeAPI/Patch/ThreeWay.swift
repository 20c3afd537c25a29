import KubeModel

/// Computes strategic merge patches the way `kubectl apply` does (CreateThreeWayMergePatch):
/// changes and additions come from comparing the live object with the new configuration, deletions
/// from comparing the last applied configuration with the new one, so fields others set on the live
/// object are kept.
public enum ThreeWayMerge {
    struct Options {
        var ignoreDeletions = false
        var ignoreChangesAndAdditions = false
        var setElementOrder = true
        var buildRetainKeys = false
    }

    /// The patch to send: `original` = last applied (may be nil), `modified` = new, `current` = live.
    public static func patch(original: JSONValue?, modified: JSONValue, current: JSONValue, schema: PatchSchema) throws -> JSONValue {
        let cur = current.object ?? JSONObject()
        let mod = modified.object ?? JSONObject()
        let orig = original?.object ?? JSONObject()
        let delta = try diffMaps(cur, mod, schema, Options(ignoreDeletions: true))
        let deletions = try diffMaps(orig, mod, schema, Options(ignoreChangesAndAdditions: true))
        return .object(try mergePatches(deletions, delta, schema))
    }

    /// The strategic two-way patch from `original` to `modified` (used by `edit --output-patch`).
    public static func twoWay(original: JSONValue, modified: JSONValue, schema: PatchSchema) throws -> JSONValue {
        .object(try diffMaps(original.object ?? JSONObject(), modified.object ?? JSONObject(), schema, Options()))
    }

    static func diffMaps(_ original: JSONObject, _ modified: JSONObject, _ schema: PatchSchema, _ opts: Options) throws -> JSONObject {
        var patch = JSONObject()
        var retain: [JSONValue] = []
        for (key, mv) in modified {
            if opts.buildRetainKeys && !mv.isNull { retain.append(.string(key)) }
            guard let ov = original[key] else {
                if !opts.ignoreChangesAndAdditions { patch[key] = mv }
                continue
            }
            switch (ov, mv) {
            case (.object(let o), .object(let m)):
                let meta = schema.field(key)
                var sub = opts
                sub.buildRetainKeys = meta.isRetainKeys
                if meta.isReplace {
                    if !opts.ignoreChangesAndAdditions && ov != mv { patch[key] = mv }
                } else {
                    let p = try diffMaps(o, m, meta.schema, sub)
                    if !p.isEmpty { patch[key] = .object(p) }
                }
            case (.array(let o), .array(let m)):
                let meta = schema.field(key)
                if meta.isMerge {
                    var sub = opts
                    sub.buildRetainKeys = meta.isRetainKeys
                    let (add, del, order) = try diffLists(o, m, meta, sub)
                    if !add.isEmpty { patch[key] = .array(add) }
                    if !del.isEmpty { patch[StrategicMerge.deletePrimitivePrefix + key] = .array(del) }
                    if !order.isEmpty { patch[StrategicMerge.setOrderPrefix + key] = .array(order) }
                } else if !opts.ignoreChangesAndAdditions && ov != mv {
                    patch[key] = mv
                }
            default:
                if !sameType(ov, mv) || ov != mv {
                    if !opts.ignoreChangesAndAdditions { patch[key] = mv }
                }
            }
        }
        if !opts.ignoreDeletions {
            for k in original.keys where modified[k] == nil { patch[k] = .null }
        }
        if !retain.isEmpty && (!patch.isEmpty || original.contains(where: { k, v in !v.isNull && modified[k] == nil })) {
            patch[StrategicMerge.retainKeys] = .array(retain.sorted { goStringLess($0.string!, $1.string!) })
        }
        return patch
    }

    static func sameType(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null), (.bool, .bool), (.string, .string), (.array, .array), (.object, .object): return true
        case (.int, .int), (.double, .double), (.int, .double), (.double, .int): return true
        default: return false
        }
    }

    static func keyString(_ v: JSONValue) -> String { goValueString(v) }

    static func diffLists(_ original: [JSONValue], _ modified: [JSONValue], _ meta: PatchSchema.Field, _ opts: Options) throws
        -> ([JSONValue], [JSONValue], [JSONValue])
    {
        let isMaps = (original.first ?? modified.first).map { $0.object != nil } ?? false
        let mergeKey = meta.mergeKey
        if isMaps {
            if mergeKey.isEmpty { throw PatchError("cannot merge lists without merge key") }
            for v in original + modified where v[mergeKey].isNull {
                throw PatchError("map: \(goValueString(v)) does not contain declared merge key: \(mergeKey)")
            }
            let os = original.sorted { keyString($0[mergeKey]) < keyString($1[mergeKey]) }
            let ms = modified.sorted { keyString($0[mergeKey]) < keyString($1[mergeKey]) }
            var patch: [JSONValue] = []
            var deletions: [JSONValue] = []
            var i = 0
            var j = 0
            while i < os.count || j < ms.count {
                let ok = i < os.count ? keyString(os[i][mergeKey]) : nil
                let mk = j < ms.count ? keyString(ms[j][mergeKey]) : nil
                if let ok, let mk, ok == mk {
                    var p = try diffMaps(os[i].object ?? JSONObject(), ms[j].object ?? JSONObject(), meta.schema, opts)
                    if !p.isEmpty {
                        p[mergeKey] = ms[j][mergeKey]
                        patch.append(.object(p))
                    }
                    i += 1; j += 1
                } else if ok == nil || (mk != nil && ok! > mk!) {
                    if !opts.ignoreChangesAndAdditions { patch.append(ms[j]) }
                    j += 1
                } else {
                    if !opts.ignoreDeletions {
                        deletions.append(.object(JSONObject([(StrategicMerge.directive, "delete"), (mergeKey, os[i][mergeKey])])))
                    }
                    i += 1
                }
            }
            patch = sortByOrder(patch, modified, mergeKey)
            var orderSame = original.count == modified.count
            if orderSame {
                for (a, b) in zip(original, modified) where a[mergeKey] != b[mergeKey] { orderSame = false }
            }
            patch += deletions
            var order: [JSONValue] = []
            if opts.setElementOrder
                && ((!opts.ignoreChangesAndAdditions && (!patch.isEmpty || !orderSame))
                    || (!opts.ignoreDeletions && !patch.isEmpty))
            {
                order = modified.map { .object(JSONObject([(mergeKey, $0[mergeKey])])) }
            }
            return (patch, [], order)
        }
        // Primitive lists.
        var adds: [JSONValue] = []
        var dels: [JSONValue] = []
        if !opts.ignoreChangesAndAdditions {
            for v in modified where !original.contains(v) && !adds.contains(v) { adds.append(v) }
        }
        if !opts.ignoreDeletions {
            for v in original where !modified.contains(v) && !dels.contains(v) { dels.append(v) }
            dels.sort { keyString($0) < keyString($1) }
        }
        adds = sortByOrder(adds, modified, "")
        var order: [JSONValue] = []
        if opts.setElementOrder && ((!opts.ignoreDeletions && !dels.isEmpty) || (!opts.ignoreChangesAndAdditions && original != modified)) {
            order = modified
        }
        return (adds, dels, order)
    }

    static func sortByOrder(_ items: [JSONValue], _ order: [JSONValue], _ mergeKey: String) -> [JSONValue] {
        let keys = order.map { StrategicMerge.identity($0, mergeKey) }
        return items.enumerated().map { (i, v) in (keys.firstIndex(of: StrategicMerge.identity(v, mergeKey)) ?? Int.max, i, v) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { $0.2 }
    }

    /// mergeMap(deletions, delta) with MergeParallelList off: merges two patches, keeping directives.
    static func mergePatches(_ a: JSONObject, _ b: JSONObject, _ schema: PatchSchema) throws -> JSONObject {
        var out = a
        for (k, bv) in b {
            guard let av = out[k] else { out[k] = bv; continue }
            switch (av, bv) {
            case (.object(let x), .object(let y)):
                let meta = schema.field(k)
                out[k] = .object(try mergePatches(x, y, meta.schema))
            case (.array(let x), .array(let y)):
                if k.hasPrefix(StrategicMerge.setOrderPrefix) || k == StrategicMerge.retainKeys {
                    out[k] = bv
                    continue
                }
                if k.hasPrefix(StrategicMerge.deletePrimitivePrefix) {
                    var m = x
                    for v in y where !m.contains(v) { m.append(v) }
                    out[k] = .array(m)
                    continue
                }
                let meta = schema.field(k)
                if meta.isMerge, let first = (x.first ?? y.first), first.object != nil, !meta.mergeKey.isEmpty {
                    var merged = x
                    for v in y {
                        if let i = merged.firstIndex(where: { $0[meta.mergeKey] == v[meta.mergeKey] && $0[StrategicMerge.directive].isNull }) {
                            merged[i] = .object(try mergePatches(merged[i].object!, v.object ?? JSONObject(), meta.schema))
                        } else {
                            merged.append(v)
                        }
                    }
                    let (inB, others) = StrategicMerge.partition(merged, by: y, mergeKey: meta.mergeKey)
                    out[k] = .array(StrategicMerge.normalizeOrder(inB, others, patchOrder: y, serverOrder: x, mergeKey: meta.mergeKey))
                } else if meta.isMerge {
                    var m = x
                    for v in y where !m.contains(v) { m.append(v) }
                    out[k] = .array(m)
                } else {
                    out[k] = bv
                }
            default:
                out[k] = bv
            }
        }
        return out
    }
}
