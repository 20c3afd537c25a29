import KubeModel
import KubeSchema

/// What an update changed, as structured-merge-diff's `Comparison`: paths added, modified and removed.
struct FieldChanges {
    var added = FieldSet()
    var modified = FieldSet()
    var removed = FieldSet()

    /// Added or modified: what the writer of the change comes to own.
    var changed: FieldSet { added.union(modified) }
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
        compare(l ?? withSkeleton(.emptyObject), r, root, [], &c)
        return c
    }

    func leaf(_ l: JSONValue?, _ r: JSONValue?, _ path: [PathElement], _ c: inout FieldChanges) {
        switch (l, r) {
        case (nil, nil): return
        case (nil, _): c.added.insert(path)
        case (_, nil): c.removed.insert(path)
        case (let a?, let b?): if a != b { c.modified.insert(path) }
        }
    }

    func compare(_ l: JSONValue?, _ r: JSONValue?, _ s: FieldShape, _ path: [PathElement], _ c: inout FieldChanges) {
        if let l, let r, l == r { return }  // nothing below changed
        switch s {
        case .scalar, .list(_, .atomic), .structure(_, atomic: true), .map(_, atomic: true):
            leaf(l, r, path, &c)
        case .list(_, let kind):
            let la = l?.array, ra = r?.array
            if (la?.isEmpty ?? true) && (ra?.isEmpty ?? true) || (l != nil && !(l!.isNull) && la == nil) || (r != nil && !(r!.isNull) && ra == nil) {
                leaf(l, r, path, &c); return
            }
            container(l, r, path, &c)
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
                if case .set = kind { leaf(left[e], right[e], path + [e], &c); continue }
                compare(left[e], right[e], el, path + [e], &c)
            }
        case .structure, .map, .deduced:
            let lo = l?.object, ro = r?.object
            let lOther = l != nil && !(l!.isNull) && lo == nil, rOther = r != nil && !(r!.isNull) && ro == nil
            if lOther || rOther || ((lo?.isEmpty ?? true) && (ro?.isEmpty ?? true)) {
                leaf(l, r, path, &c); return
            }
            container(l, r, path, &c)
            var keys = lo?.keys ?? []
            for k in ro?.keys ?? [] where lo?[k] == nil { keys.append(k) }
            for k in keys { compare(lo?[k], ro?[k], child(s, k), path + [.field(k)], &c) }
        }
    }

    /// A map or list that appears or disappears is itself added or removed (the `.` of FieldsV1).
    func container(_ l: JSONValue?, _ r: JSONValue?, _ path: [PathElement], _ c: inout FieldChanges) {
        guard !path.isEmpty else { return }
        if l == nil && r != nil { c.added.insert(path) }
        if l != nil && r == nil { c.removed.insert(path) }
    }

    // MARK: the zero value

    /// Fields that Go's zero value of a type always has (structs that are not pointers, lists and
    /// maps without `omitempty`): present in every version of an object, so never "added" themselves.
    static let skeleton: [String: [(String, JSONValue)]] = [
        "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": [("creationTimestamp", .null)],
        "io.k8s.api.apps.v1.DeploymentSpec": [("strategy", .emptyObject), ("template", .emptyObject)],
        "io.k8s.api.apps.v1.ReplicaSetSpec": [("template", .emptyObject)],
        "io.k8s.api.apps.v1.StatefulSetSpec": [("template", .emptyObject), ("updateStrategy", .emptyObject)],
        "io.k8s.api.apps.v1.DaemonSetSpec": [("template", .emptyObject), ("updateStrategy", .emptyObject)],
        "io.k8s.api.batch.v1.JobSpec": [("template", .emptyObject)],
        "io.k8s.api.batch.v1.CronJobSpec": [("jobTemplate", .emptyObject)],
        "io.k8s.api.batch.v1.JobTemplateSpec": [("metadata", .emptyObject), ("spec", .emptyObject)],
        "io.k8s.api.core.v1.PodTemplateSpec": [("metadata", .emptyObject), ("spec", .emptyObject)],
        "io.k8s.api.core.v1.PodTemplate": [("template", .emptyObject)],
        "io.k8s.api.core.v1.PodSpec": [("containers", .null)],
        "io.k8s.api.core.v1.Container": [("resources", .emptyObject)],
        "io.k8s.api.core.v1.ServiceStatus": [("loadBalancer", .emptyObject)],
        "io.k8s.api.networking.v1.IngressStatus": [("loadBalancer", .emptyObject)],
        "io.k8s.api.core.v1.NodeStatus": [("daemonEndpoints", .emptyObject), ("nodeInfo", .emptyObject)],
        "io.k8s.api.core.v1.NodeDaemonEndpoints": [("kubeletEndpoint", .emptyObject)],
        "io.k8s.api.core.v1.PersistentVolumeClaimSpec": [("resources", .emptyObject)],
        "io.k8s.api.core.v1.Event": [("involvedObject", .emptyObject), ("source", .emptyObject)],
        "io.k8s.api.rbac.v1.RoleBinding": [("roleRef", .emptyObject)],
        "io.k8s.api.rbac.v1.ClusterRoleBinding": [("roleRef", .emptyObject)],
        "io.k8s.api.rbac.v1.Role": [("rules", .null)],
        "io.k8s.api.rbac.v1.ClusterRole": [("rules", .null)],
        "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec": [("scaleTargetRef", .emptyObject)],
        "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec": [("scaleTargetRef", .emptyObject)],
    ]

    /// `v` with the zero value's fields filled in where missing (the metadata, spec and status of a
    /// kind; the structs listed in `skeleton`), recursively.
    func withSkeleton(_ v: JSONValue) -> JSONValue { filled(v, root, top: true) }

    func filled(_ v: JSONValue, _ s: FieldShape, top: Bool = false) -> JSONValue {
        switch s {
        case .structure(let def, atomic: false):
            guard case .object(var o) = v else { return v }
            var extra = Self.skeleton[def.name] ?? []
            if top { for f in ["metadata", "spec", "status"] where def.property(named: f) != nil { extra.append((f, .emptyObject)) } }
            for (k, z) in extra where o[k] == nil { o[k] = z }
            for (k, c) in o where c.object != nil || c.array != nil { o[k] = filled(c, child(s, k)) }
            return .object(o)
        case .map(_, atomic: false):
            guard case .object(var o) = v else { return v }
            for (k, c) in o where c.object != nil || c.array != nil { o[k] = filled(c, child(s, k)) }
            return .object(o)
        case .list(_, .map):
            guard case .array(let a) = v else { return v }
            let el = element(s)
            return .array(a.map { filled($0, el) })
        default: return v
        }
    }
}
