import KubeModel

/// Merging an applied configuration into the live object and removing fields, as structured-merge-diff
/// does for server-side apply.
extension TypedFields {
    /// `config` merged into `live`: maps and structs field by field, associative lists and sets item by
    /// item (live order, new items after), atomic lists and scalars replaced. A null removes the field.
    func merge(_ live: JSONValue, _ config: JSONValue) -> JSONValue { merged(live, config, root) }

    func merged(_ l: JSONValue, _ r: JSONValue, _ s: FieldShape) -> JSONValue {
        switch s {
        case .scalar, .list(_, .atomic), .structure(_, atomic: true), .map(_, atomic: true):
            return r
        case .list(_, let kind):
            guard let la = l.array, let ra = r.array else { return r }
            let el = element(s)
            var out = la
            var positions: [PathElement: Int] = [:]
            for (i, item) in la.enumerated() { positions[itemElement(kind, item, at: i)] = i }
            for (i, item) in ra.enumerated() {
                let e = itemElement(kind, item, at: i)
                if let at = positions[e] {
                    if case .set = kind { continue }
                    out[at] = merged(la[at], item, el)
                } else {
                    positions[e] = out.count
                    out.append(item)
                }
            }
            return .array(out)
        case .structure, .map, .deduced:
            guard case .object(var lo) = l, case .object(let ro) = r else { return r }
            for (k, v) in ro {
                if v.isNull { _ = lo.removeValue(forKey: k); continue }
                lo[k] = lo[k].map { merged($0, v, child(s, k)) } ?? v
            }
            return .object(lo)
        }
    }

    /// `obj` without the member paths of `remove`, except where `keep` owns something below them.
    func removing(_ remove: FieldSet, from obj: JSONValue, keep: FieldSet) -> JSONValue {
        var out = obj
        for path in remove.memberPaths {
            var below = keep
            var owned = true
            for e in path {
                guard let c = below.children[e] else { owned = false; break }
                below = c
            }
            if owned && !below.isEmpty { continue }
            out = removed(out, path[...], root)
        }
        return out
    }

    func removed(_ v: JSONValue, _ path: ArraySlice<PathElement>, _ s: FieldShape) -> JSONValue {
        guard let e = path.first else { return v }
        let last = path.count == 1
        switch (e, v) {
        case (.field(let k), .object(var o)):
            guard let c = o[k] else { return v }
            if last { _ = o.removeValue(forKey: k) } else { o[k] = removed(c, path.dropFirst(), child(s, k)) }
            return .object(o)
        case (_, .array(var a)):
            guard case .list(_, let kind) = s else { return v }
            guard let i = a.indices.first(where: { itemElement(kind, a[$0], at: $0) == e }) else { return v }
            if last { a.remove(at: i) } else { a[i] = removed(a[i], path.dropFirst(), element(s)) }
            return .array(a)
        default:
            return v
        }
    }

    /// The value at a path (nil when absent).
    func value(at path: [PathElement], in v: JSONValue) -> JSONValue? {
        var cur = v
        var s = root
        for e in path {
            switch (e, cur) {
            case (.field(let k), .object(let o)):
                guard let c = o[k] else { return nil }
                cur = c; s = child(s, k)
            case (_, .array(let a)):
                guard case .list(_, let kind) = s,
                      let i = a.indices.first(where: { itemElement(kind, a[$0], at: $0) == e }) else { return nil }
                cur = a[i]; s = element(s)
            default: return nil
            }
        }
        return cur
    }
}
