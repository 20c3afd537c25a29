import KubeModel
import KubeRegistry

/// The field manager of the client's requests (kubectl's `--field-manager` or its per-command
/// default) and the subresource they write through (`status`, `scale`, or the object itself).
public struct FieldManagerContext: Sendable, Equatable {
    public var manager: String
    public var subresource: String

    public init(manager: String = "kubectl", subresource: String = "") {
        self.manager = manager
        self.subresource = subresource
    }
}

extension APISession {
    /// Records in `obj.metadata.managedFields` who changed what, as the API server's field manager
    /// does on create and update (before mutating admission: defaults count, plugin additions do not).
    /// `statusWrite`: the write changes only the pod's status and binding (`ControllerPodWrite`).
    func recordManagedFields(_ obj: inout JSONValue, old: JSONValue?, type: ResourceType, fromClient: Bool,
                             requested: JSONValue? = nil, statusWrite: Bool = false) {
        // A server-side apply has already recorded its applier (defaults it causes are no one's); the
        // writes its controllers make meanwhile are recorded as usual.
        if applyingManagedFieldsAt == writeDepth { return }
        let memo: (key: JSONValue, context: String)? = old == nil && type.group.isEmpty && type.kind == "Pod" && obj["metadata"]["managedFields"].isNull
            ? CreatedPodFields.key(obj, requested: requested ?? obj, fromClient: fromClient, manager: fieldManager,
                                   time: now.rfc3339) : .none
        if let memo, let known = createdPodFields, known.key == memo.key, known.context == memo.context {
            if let fields = known.managedFields { obj["metadata"]["managedFields"] = fields }
            return
        }
        // A controller's update of a pod: the result for an earlier pod of the same shape, with this
        // pod's strings in its keys (`PodShapeMemo`).
        if let old, !fromClient, usesPodShapeMemo, type.group.isEmpty, type.kind == "Pod" {
            guard let shape = podShape(obj, old: old, requested: requested ?? obj, statusWrite: statusWrite) else {
                Self.podShapeCheck?.unmemoizable += 1
                computeManagedFields(&obj, old: old, type: type, fromClient: fromClient, requested: requested)
                return
            }
            if let known = podShapeMemos.first(where: { $0.context == shape.context && $0.bytes == shape.fp.bytes }) {
                let fields = known.result(shape.fp, source: shape.source)
                if let check = Self.podShapeCheck {
                    var full = obj
                    computeManagedFields(&full, old: old, type: type, fromClient: fromClient, requested: requested)
                    check.record(fast: fields, full: full["metadata"]["managedFields"].isNull ? nil : full["metadata"]["managedFields"])
                }
                if let fields { obj["metadata"]["managedFields"] = fields } else { obj.remove(["metadata", "managedFields"]) }
                return
            }
            Self.podShapeCheck?.misses += 1
            let origins = computeManagedFields(&obj, old: old, type: type, fromClient: fromClient, requested: requested)
            let result = obj["metadata"]["managedFields"]
            if let memo = PodShapeMemo(context: shape.context, fp: shape.fp, origins: origins,
                                       result: result.isNull ? nil : result, keys: &podShapeKeys) {
                if podShapeMemos.count >= 4 { podShapeMemos.removeFirst() }
                podShapeMemos.append(memo)
            }
            return
        }
        computeManagedFields(&obj, old: old, type: type, fromClient: fromClient, requested: requested)
        if let memo {
            createdPodFields = CreatedPodFields(key: memo.key, context: memo.context, managedFields: obj["metadata"]["managedFields"].array.map(JSONValue.array))
        }
    }

    /// The field manager's work for one write, in full. Returns, for each entry written, the position
    /// of the entry it keeps unchanged from the managed fields it read (nil: an entry written anew).
    @discardableResult
    func computeManagedFields(_ obj: inout JSONValue, old: JSONValue?, type: ResourceType, fromClient: Bool,
                              requested: JSONValue?) -> [Int?] {
        let fromClient = fromClient || componentClient
        // The API server computes a write's fields in the version it came in: an HPA written through
        // autoscaling/v1 (kubectl autoscale) is stored as v2, and its entry is v1's, on v1's fields.
        if HPAConversion.isHPA(type), type.version == "v1", obj["apiVersion"].string == "autoscaling/v2" {
            var served = HPAConversion.served(obj, as: type)
            let origins = computeManagedFields(&served, old: old.map { HPAConversion.served($0, as: type) }, type: type,
                                               fromClient: fromClient, requested: requested.map { HPAConversion.served($0, as: type) })
            let fields = served["metadata"]["managedFields"]
            if fields.isNull { obj.remove(["metadata", "managedFields"]) } else { obj["metadata"]["managedFields"] = fields }
            return origins
        }
        let typed = TypedFields(type, apiVersion: obj["apiVersion"].string ?? type.apiVersion)
        var book = ManagedFieldsBook(object: obj, parse: parsedFieldSet)
        if book.entries.isEmpty, let old { book = ManagedFieldsBook(object: old, parse: parsedFieldSet) }
        var changes = typed.changes(from: old, to: obj)
        if type.group.isEmpty && type.kind == "Pod" { Self.dropAdmissionPluginFields(&changes, obj, requested: requested ?? obj) }
        if type.group.isEmpty && type.kind == "Service" { Self.dropAllocatedServiceFields(&changes, obj, requested: requested ?? obj) }
        if (old == nil || fromClient && fieldManager.subresource.isEmpty),
           case .structure = TypedFields(apiVersion: obj["apiVersion"].string ?? type.apiVersion, kind: type.kind).root {
            // Creates and writes to the object itself reset its status (the status subresource owns it).
            changes.added.children[.field("status")] = nil
            changes.modified.children[.field("status")] = nil
        }
        let apiVersion = obj["apiVersion"].string ?? type.apiVersion
        let time = now.rfc3339
        if fromClient {
            book.update(changes, manager: fieldManager.manager, apiVersion: apiVersion, subresource: fieldManager.subresource, time: time)
        } else {
            for part in componentParts(changes, obj: obj, old: old, type: type) {
                book.update(part.changes, manager: part.manager, apiVersion: apiVersion, subresource: part.subresource, time: time)
            }
        }
        book.write(to: &obj)
        return book.origins
    }

    /// The fingerprint of a controller's pod update (nil when it cannot be memoized), the context it
    /// holds for, and the managed-fields entries the book starts from.
    func podShape(_ obj: JSONValue, old: JSONValue, requested: JSONValue, statusWrite: Bool = false)
        -> (fp: PodShapeFingerprint, context: String, source: [JSONValue])? {
        var fp = PodShapeFingerprint()
        if statusWrite {
            fp.statusWrite(obj, old: old)
        } else {
            fp.object(obj)
            fp.object(old, after: obj)
        }
        var source = obj["metadata"]["managedFields"]
        fp.entries(source, keys: &podShapeKeys)
        // The book reads the old object's entries when the new one has none it can read.
        if !(source.array ?? []).contains(where: { $0["operation"].string != nil }) {
            source = old["metadata"]["managedFields"]
            fp.entries(source, keys: &podShapeKeys)
        }
        guard fp.memoizable else { return nil }
        var context = [fieldManager.manager, fieldManager.subresource, obj["apiVersion"].string ?? "", now.rfc3339,
                       statusWrite ? "status" : "object"].joined(separator: "\u{1}")
        for f in ["serviceAccountName", "serviceAccount", "priority", "preemptionPolicy", "tolerations"] {
            context += requested["spec"][f].isNull ? "0" : "1"
        }
        return (fp, context, source.array ?? [])
    }

    /// `FieldSet(fieldsV1:)`, remembered for the last few sets read in this session: the pods of one
    /// file or template carry the same entries (field sets hold keys, not values).
    func parsedFieldSet(_ fieldsV1: JSONValue) -> FieldSet {
        if let i = parsedFieldSets.firstIndex(where: { $0.fieldsV1 == fieldsV1 }) { return parsedFieldSets[i].set }
        let set = FieldSet(fieldsV1: fieldsV1)
        if parsedFieldSets.count >= 4 { parsedFieldSets.removeFirst() }
        parsedFieldSets.append((fieldsV1, set))
        return set
    }

    /// A controller's write split as the components make it: status through the status subresource
    /// (the kubelet's for pods and nodes), a pod's binding by nobody, the rest by the controller manager.
    func componentParts(_ c: FieldChanges, obj: JSONValue, old: JSONValue?, type: ResourceType)
        -> [(manager: String, subresource: String, changes: FieldChanges)]
    {
        let isPod = type.group.isEmpty && type.kind == "Pod"
        let isNode = type.group.isEmpty && type.kind == "Node"
        var main = FieldChanges(), status = FieldChanges()
        func split(_ s: FieldSet, _ m: WritableKeyPath<FieldChanges, FieldSet>) {
            var rest = s
            if let st = s.children[.field("status")] {
                rest.children[.field("status")] = nil
                var only = FieldSet(); only.children[.field("status")] = st
                status[keyPath: m] = only
            }
            main[keyPath: m] = rest
        }
        split(c.added, \.added); split(c.modified, \.modified); split(c.removed, \.removed)
        if type.group.isEmpty && type.kind == "Event" {
            let component = obj["source"]["component"].string ?? obj["reportingComponent"].string ?? ""
            let manager = component == "kubelet" ? "kubelet" : component == "default-scheduler" ? "kube-scheduler" : "kube-controller-manager"
            return [(manager, "", c)]
        }
        guard isPod else {
            return [("kube-controller-manager", "", main), (isNode ? "kubelet" : "kube-controller-manager", "status", status)]
        }
        // The binding (nodeName and the PodScheduled condition) is recorded by no one.
        let bound = (old?["spec"]["nodeName"].string ?? "").isEmpty && !(obj["spec"]["nodeName"].string ?? "").isEmpty
        let scheduled: [PathElement] = [.field("status"), .field("conditions"), .key(#"{"type":"PodScheduled"}"#)]
        for m in [\FieldChanges.added, \FieldChanges.modified] {
            main[keyPath: m].children[.field("spec")]?.children[.field("nodeName")] = nil
            if bound {
                status[keyPath: m] = Self.without(status[keyPath: m], scheduled)
                // The binding made the conditions list: the kubelet only adds to it.
                status[keyPath: m].children[.field("status")]?.children[.field("conditions")]?.isMember = false
            }
        }
        var scheduler = FieldChanges()
        if !bound && (obj["spec"]["nodeName"].string ?? "").isEmpty {
            scheduler = status; status = FieldChanges()
        }
        return [("kube-controller-manager", "", main), ("kubelet", "status", status), ("kube-scheduler", "status", scheduler)]
    }

    /// What the ServiceAccount, Priority and DefaultTolerationSeconds plugins add to a pod: no one's.
    static func dropAdmissionPluginFields(_ c: inout FieldChanges, _ pod: JSONValue, requested: JSONValue) {
        let spec = pod["spec"]
        var drop: [[PathElement]] = ["serviceAccountName", "serviceAccount", "priority", "preemptionPolicy", "tolerations"]
            .filter { requested["spec"][$0].isNull }.map { [.field("spec"), .field($0)] }
        let volumes = spec["volumes"].array ?? []
        for v in volumes where (v["name"].string ?? "").hasPrefix("kube-api-access-") {
            drop.append([.field("spec"), .field("volumes"), PathElement.key(of: v, fields: ["name"])])
            if volumes.count == 1 { drop.append([.field("spec"), .field("volumes")]) }
        }
        for key in ["containers", "initContainers"] {
            for ctr in spec[key].array ?? [] {
                let base: [PathElement] = [.field("spec"), .field(key), PathElement.key(of: ctr, fields: ["name"]), .field("volumeMounts")]
                let mounts = ctr["volumeMounts"].array ?? []
                for m in mounts where m["mountPath"].string == "/var/run/secrets/kubernetes.io/serviceaccount" {
                    drop.append(base + [PathElement.key(of: m, fields: ["mountPath"])])
                    if mounts.count == 1 { drop.append(base) }
                }
            }
        }
        for path in drop {
            c.added.remove(path[...])
            c.modified.remove(path[...])
        }
    }

    /// What the Service registry allocates (cluster IPs, IP families, node ports) is no one's unless
    /// the request set it.
    static func dropAllocatedServiceFields(_ c: inout FieldChanges, _ svc: JSONValue, requested: JSONValue) {
        var drop: [[PathElement]] = ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "healthCheckNodePort"]
            .filter { requested["spec"][$0].isNull }.map { [.field("spec"), .field($0)] }
        let asked = requested["spec"]["ports"].array ?? []
        for port in svc["spec"]["ports"].array ?? [] where !port["nodePort"].isNull {
            let key = PathElement.key(of: port, fields: ["port", "protocol"])
            if !asked.contains(where: { PathElement.key(of: $0, fields: ["port", "protocol"]) == key && !$0["nodePort"].isNull }) {
                drop.append([.field("spec"), .field("ports"), key, .field("nodePort")])
            }
        }
        for path in drop {
            c.added.remove(path[...])
            c.modified.remove(path[...])
        }
    }

    static func without(_ s: FieldSet, _ path: [PathElement]) -> FieldSet {
        var out = s
        out.remove(path[...])
        return out
    }
}

/// The managed fields a pod's create was given and what they depend on: the object's shape (field
/// sets hold the keys of maps, not their values; the token volume's random name is dropped from them),
/// which fields the request left to admission, the writer and the time. Every pod of one file or one
/// template gets the same, so they are worked out once (`APISession.createdPodFields`).
struct CreatedPodFields {
    var key: JSONValue
    var context: String
    var managedFields: JSONValue?

    static func key(_ obj: JSONValue, requested: JSONValue, fromClient: Bool, manager: FieldManagerContext,
                    time: String) -> (key: JSONValue, context: String) {
        var o = obj
        ManagedFieldsBook.strip(&o)
        for field in ["labels", "annotations"] {
            guard case .object(var map)? = o["metadata"].object?[field] else { continue }
            for (k, v) in map where v.string != nil { map[k] = .string("") }
            o["metadata"][field] = .object(map)
        }
        if !o["spec"].isNull { o["spec"] = SpecValidation.withoutTokenVolumeName(o["spec"]) }
        var context = [fromClient ? "client" : "controller", manager.manager, manager.subresource,
                       obj["apiVersion"].string ?? "", time].joined(separator: "\u{1}")
        for f in ["serviceAccountName", "serviceAccount", "priority", "preemptionPolicy", "tolerations"] {
            context += requested["spec"][f].isNull ? "0" : "1"
        }
        return (o, context)
    }
}
