import KubeModel
import KubeSchema

/// What an update changed, as structured-merge-diff's `Comparison`: paths added, modified and removed.
struct FieldChanges {
    var added = FieldSet()
    var modified = FieldSet()
    var removed = FieldSet()

    /// Added or modified: what the writer of the change comes to own.
    var changed: FieldSet { added.union(modified) }

    /// Attaches the changes below a child position (where there are any).
    mutating func attach(_ e: PathElement, _ sub: FieldChanges) {
        if sub.added.isMember || !sub.added.children.isEmpty { added.children[e] = sub.added }
        if sub.modified.isMember || !sub.modified.children.isEmpty { modified.children[e] = sub.modified }
        if sub.removed.isMember || !sub.removed.children.isEmpty { removed.children[e] = sub.removed }
    }
    var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
}

extension TypedFields {
    /// The fields `new` differs from `old` in (both without the fields the API server never tracks).
    func changes(from old: JSONValue?, to new: JSONValue) -> FieldChanges {
        var c = FieldChanges()
        var l = old.map { withSkeleton($0) }
        var r = withSkeleton(new)
        if l != nil { ManagedFieldsBook.strip(&l!) }
        ManagedFieldsBook.strip(&r)
        // Both sides are objects here, so the object itself is never added or removed as a container.
        compare(l ?? withSkeleton(.emptyObject), r, root, &c)
        return c
    }

    /// The change at one position (`c` is that position's node of the change sets).
    func leaf(_ l: JSONValue?, _ r: JSONValue?, _ c: inout FieldChanges) {
        switch (l, r) {
        case (nil, nil): return
        case (nil, _): c.added.isMember = true
        case (_, nil): c.removed.isMember = true
        case (let a?, let b?): if a != b { c.modified.isMember = true }
        }
    }

    /// Compares `l` and `r` at a position whose changes go to `c` (relative to that position: the
    /// sets are built from the leaves up, each child attached where something below it changed).
    func compare(_ l: JSONValue?, _ r: JSONValue?, _ s: FieldShape, _ c: inout FieldChanges) {
        if let l, let r, l == r { return }  // nothing below changed
        switch s {
        case .scalar, .list(_, .atomic), .structure(_, atomic: true), .map(_, atomic: true):
            leaf(l, r, &c)
        case .list(_, let kind):
            let la = l?.array, ra = r?.array
            if (la?.isEmpty ?? true) && (ra?.isEmpty ?? true) || (l != nil && !(l!.isNull) && la == nil) || (r != nil && !(r!.isNull) && ra == nil) {
                leaf(l, r, &c); return
            }
            container(l, r, &c)
            let el = element(s)
            var keys: [PathElement] = []
            var left: [PathElement: JSONValue] = [:], right: [PathElement: JSONValue] = [:]
            for (i, item) in (la ?? []).enumerated() {
                let e = itemElement(kind, item, at: i)
                if left[e] == nil { keys.append(e); left[e] = item }
            }
            for (i, item) in (ra ?? []).enumerated() {
                let e = itemElement(kind, item, at: i)
                if left[e] == nil && right[e] == nil { keys.append(e) }
                if right[e] == nil { right[e] = item }
            }
            for e in keys {
                var sub = FieldChanges()
                if case .set = kind { leaf(left[e], right[e], &sub) } else { compare(left[e], right[e], el, &sub) }
                c.attach(e, sub)
            }
        case .structure, .map, .deduced:
            let lo = l?.object, ro = r?.object
            let lOther = l != nil && !(l!.isNull) && lo == nil, rOther = r != nil && !(r!.isNull) && ro == nil
            if lOther || rOther || ((lo?.isEmpty ?? true) && (ro?.isEmpty ?? true)) {
                leaf(l, r, &c); return
            }
            container(l, r, &c)
            if let lo {
                for (k, lv) in lo {
                    var sub = FieldChanges()
                    compare(lv, ro?[k], child(s, k), &sub)
                    c.attach(.field(k), sub)
                }
            }
            for (k, rv) in ro ?? JSONObject() where lo?[k] == nil {
                var sub = FieldChanges()
                compare(nil, rv, child(s, k), &sub)
                c.attach(.field(k), sub)
            }
        }
    }

    /// A map or list that appears or disappears is itself added or removed (the `.` of FieldsV1).
    func container(_ l: JSONValue?, _ r: JSONValue?, _ c: inout FieldChanges) {
        if l == nil && r != nil { c.added.isMember = true }
        if l != nil && r == nil { c.removed.isMember = true }
    }

    // MARK: the zero value

    /// The fields Go's zero value of the type has (structs that are not pointers, lists and maps without
    /// `omitempty`): present in every version of an object, so never "added" themselves. One table says
    /// which: `GoZeroValues` (the marks of `GoFieldOrder`), which covers every type a kind's zero value reaches.
    static func zeroFields(_ type: String) -> [(name: String, zero: JSONValue)] {
        GoZeroValues.zeroFields(type) ?? []
    }

    /// `v` with the zero value's fields filled in where missing (the metadata, spec and status of a
    /// kind; the structs `zeroFields` knows), recursively.
    func withSkeleton(_ v: JSONValue) -> JSONValue { filled(v, root, top: true) ?? v }

    /// `v` filled in, or nil when nothing in it lacks a zero value's field (the value is then kept as
    /// it is, not rebuilt).
    func filled(_ v: JSONValue, _ s: FieldShape, top: Bool = false) -> JSONValue? {
        switch s {
        case .structure(let def, atomic: false):
            guard case .object(var o) = v else { return nil }
            var changed = false
            for (k, z) in Self.zeroFields(def.name) where o[k] == nil { o[k] = z; changed = true }
            if top { for f in ["metadata", "spec", "status"] where o[f] == nil && def.property(named: f) != nil { o[f] = .emptyObject; changed = true } }
            return filledMembers(&o, s) || changed ? .object(o) : nil
        case .map(_, atomic: false):
            guard case .object(var o) = v else { return nil }
            return filledMembers(&o, s) ? .object(o) : nil
        case .list(_, .map):
            guard case .array(var a) = v else { return nil }
            let el = element(s)
            var changed = false
            for i in a.indices { if let f = filled(a[i], el) { a[i] = f; changed = true } }
            return changed ? .array(a) : nil
        default: return nil
        }
    }

    /// Fills the object and array members of `o`; whether any changed.
    private func filledMembers(_ o: inout JSONObject, _ s: FieldShape) -> Bool {
        var changed = false
        for (k, c) in o where c.object != nil || c.array != nil {
            if let f = filled(c, child(s, k)) { o[k] = f; changed = true }
        }
        return changed
    }
}
