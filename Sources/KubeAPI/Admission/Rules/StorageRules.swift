import KubeModel

/// Storage validation (apis/storage and apis/core validation, v1.32): a StorageClass's provisioner,
/// reclaim policy and binding mode, and which of them may not change; a PersistentVolume's access
/// modes, capacity, reclaim policy, volume mode and exactly one volume source (a local one with node
/// affinity); a claim's access modes and storage request, and that a bound claim's request may grow
/// but not shrink to its capacity.
enum StorageRules {
    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]
    static let volumeModes = ["Block", "Filesystem"]
    /// The PV volume sources, in the order the server checks them.
    static let sources = ["hostPath", "gcePersistentDisk", "awsElasticBlockStore", "glusterfs", "flocker", "nfs", "rbd",
                          "quobyte", "cephfs", "iscsi", "cinder", "fc", "flexVolume", "azureFile", "vsphereVolume",
                          "photonPersistentDisk", "portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi"]

    // MARK: StorageClass

    static func storageClass(_ sc: JSONValue, old: JSONValue?) -> [FieldError] {
        var errs: [FieldError] = []
        let provisioner = sc["provisioner"].string ?? ""
        if provisioner.isEmpty { errs.append(.required("provisioner")) }
        for msg in provisioner.isEmpty ? [] : isQualifiedName(provisioner.lowercased()) { errs.append(.invalid("provisioner", provisioner, msg)) }
        if let policy = sc["reclaimPolicy"].string, policy != "Delete", policy != "Retain" {
            errs.append(.notSupported("reclaimPolicy", .string(policy), supported: ["Delete", "Retain"]))
        }
        if let mode = sc["volumeBindingMode"].string, mode != "Immediate", mode != "WaitForFirstConsumer" {
            errs.append(.notSupported("volumeBindingMode", .string(mode), supported: ["Immediate", "WaitForFirstConsumer"]))
        }
        guard let old else { return errs }
        // reflect.DeepEqual of the maps: `parameters: {}` (an empty map, kept from decoding until the write)
        // differs from a stored class without parameters (a nil map: the store never keeps an empty one).
        if sc["parameters"] != old["parameters"] {
            errs.append(FieldError(.forbidden, field: "parameters", detail: "updates to parameters are forbidden."))
        }
        if sc["provisioner"] != old["provisioner"] {
            errs.append(FieldError(.forbidden, field: "provisioner", detail: "updates to provisioner are forbidden."))
        }
        if sc["reclaimPolicy"] != old["reclaimPolicy"] {
            errs.append(FieldError(.forbidden, field: "reclaimPolicy", detail: "updates to reclaimPolicy are forbidden."))
        }
        if sc["volumeBindingMode"] != old["volumeBindingMode"] {
            let value: FieldError.BadValue = sc["volumeBindingMode"].string.map { .string($0) } ?? .null
            errs.append(FieldError(.invalid, field: "volumeBindingMode", value: value, detail: "field is immutable"))
        }
        return errs
    }

    // MARK: CSIDriver

    /// `validateCSIDriverSpec`'s value checks (the required booleans are always set by the v1 defaults): the
    /// fsGroupPolicy enum, each volume lifecycle mode (reported at the list, without an index), token requests'
    /// audiences unique and expirations of 10 minutes to 2^32 s; on update `attachRequired` (at the server's
    /// misspelt `spec.attachedRequired`) and the lifecycle modes may not change (compared as defaulted).
    static func csiDriver(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        let spec = obj["spec"]
        var errs: [FieldError] = []
        let policies = ["File", "None", "ReadWriteOnceWithFSType"]
        if let policy = spec["fsGroupPolicy"].string, !policies.contains(policy) {
            errs.append(.notSupported("spec.fsGroupPolicy", .string(policy), supported: policies))
        }
        var audiences = Set<String>()
        for (i, request) in (spec["tokenRequests"].array ?? []).enumerated() {
            let p = "spec.tokenRequests[\(i)]"
            let audience = request["audience"].string ?? ""
            if audiences.contains(audience) { errs.append(FieldError(.duplicate, field: "\(p).audience", value: .string(audience))); continue }
            audiences.insert(audience)
            guard let secs = request["expirationSeconds"].int else { continue }
            if secs < 600 {
                errs.append(FieldError(.invalid, field: "\(p).expirationSeconds", value: .int(secs), detail: "may not specify a duration less than 10 minutes"))
            }
            if secs > 1 << 32 {
                errs.append(FieldError(.invalid, field: "\(p).expirationSeconds", value: .int(secs), detail: "may not specify a duration larger than 2^32 seconds"))
            }
        }
        let modes = (spec["volumeLifecycleModes"].array ?? []).map { $0.string ?? "" }
        for mode in modes where mode != "Persistent" && mode != "Ephemeral" {
            errs.append(.notSupported("spec.volumeLifecycleModes", .string(mode), supported: ["Persistent", "Ephemeral"]))
        }
        guard let old else { return errs }
        let attach = spec["attachRequired"].bool ?? true, oldAttach = old["spec"]["attachRequired"].bool ?? true
        if attach != oldAttach {
            errs.append(FieldError(.invalid, field: "spec.attachedRequired", value: .bool(attach), detail: "field is immutable"))
        }
        let oldModes = (old["spec"]["volumeLifecycleModes"].array ?? []).map { $0.string ?? "" }
        let effective = modes.isEmpty ? ["Persistent"] : modes
        if effective != (oldModes.isEmpty ? ["Persistent"] : oldModes) {
            let shown = "[]storage.VolumeLifecycleMode{" + effective.map(strconvQuote).joined(separator: ", ") + "}"
            errs.append(FieldError(.invalid, field: "spec.volumeLifecycleModes", value: .raw(shown), detail: "field is immutable"))
        }
        return errs
    }

    // MARK: PersistentVolume

    /// `compared`: the volume as the update rules compare it (`AdmissionRequest.compared`).
    static func persistentVolume(_ pv: JSONValue, old: JSONValue? = nil, compared: JSONValue? = nil) -> [FieldError] {
        var errs = persistentVolumeSpec(pv) + attributesClassSpec(pv, old: old, claim: false)
        if let old { errs += persistentVolumeUpdate(compared ?? pv, old: old) + attributesClassUpdate(pv, old: old, claim: false) }
        return errs
    }

    static func persistentVolumeSpec(_ pv: JSONValue) -> [FieldError] {
        let spec = pv["spec"]
        var errs: [FieldError] = []
        accessModeList(spec["accessModes"], path: "spec.accessModes", into: &errs)
        let capacity = spec["capacity"].object ?? JSONObject()
        if capacity.isEmpty { errs.append(.required("spec.capacity")) }
        if capacity["storage"] == nil || capacity.count > 1 {
            errs.append(.notSupported("spec.capacity", .raw(goResourceList(capacity)), supported: ["storage"]))
        }
        for name in capacity.keys.sorted() {
            guard let q = try? Quantity.parse(json: capacity[name]!), q <= Quantity.zero else { continue }
            errs.append(.invalid("spec.capacity[\(name)]", "\(q)", "must be greater than zero"))
        }
        if let policy = spec["persistentVolumeReclaimPolicy"].string, !policy.isEmpty, !["Delete", "Recycle", "Retain"].contains(policy) {
            errs.append(.notSupported("spec.persistentVolumeReclaimPolicy", .string(policy), supported: ["Delete", "Recycle", "Retain"]))
        }
        var count = 0
        for key in sources where spec[key].object != nil {
            if count > 0 {
                errs.append(FieldError(.forbidden, field: "spec.\(key)", detail: "may not specify more than 1 volume type"))
                continue
            }
            count += 1
            if key == "local" {
                if (spec["local"]["path"].string ?? "").isEmpty { errs.append(.required("spec.local.path")) }
                if spec["nodeAffinity"].object == nil {
                    errs.append(.required("spec.nodeAffinity", "Local volume requires node affinity"))
                }
            }
        }
        if count == 0 { errs.append(.required("spec", "must specify a volume type")) }
        if let cls = spec["storageClassName"].string, !cls.isEmpty {
            for msg in isDNS1123Subdomain(cls) { errs.append(.invalid("spec.storageClassName", cls, msg)) }
        }
        if let mode = spec["volumeMode"].string, !volumeModes.contains(mode) {
            errs.append(.notSupported("spec.volumeMode", .string(mode), supported: volumeModes))
        }
        return errs
    }

    static func accessModeList(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        let modes = (v.array ?? []).compactMap(\.string)
        if modes.isEmpty { errs.append(.required(path)) }
        var rwop = false, other = false
        for m in modes {
            if !accessModes.contains(m) { errs.append(.notSupported(path, .string(m), supported: accessModes)) }
            if m == "ReadWriteOncePod" { rwop = true } else if accessModes.contains(m) { other = true }
        }
        if rwop && other { errs.append(FieldError(.forbidden, field: path, detail: "may not use ReadWriteOncePod with other access modes")) }
    }

    /// `%#v` of a `core.ResourceList` (keys sorted as Go's fmt prints maps).
    static func goResourceList(_ list: JSONObject) -> String {
        let items = list.keys.sorted().map { k in
            let q = (try? Quantity.parse(json: list[k]!)) ?? Quantity.zero
            return "\(strconvQuote(k)):\(AutoscalingRules.goQuantity(q))"
        }
        return "core.ResourceList{" + items.joined(separator: ", ") + "}"
    }

    // MARK: PersistentVolumeClaim

    /// `compared`: the claim as the update rules compare it (`AdmissionRequest.compared`).
    static func persistentVolumeClaim(_ pvc: JSONValue, old: JSONValue?, compared: JSONValue? = nil) -> [FieldError] {
        let spec = pvc["spec"]
        var errs: [FieldError] = []
        accessModeList(spec["accessModes"], path: "spec.accessModes", into: &errs)
        let storage = spec["resources"]["requests"]["storage"]
        if storage.isNull {
            errs.append(.required("spec.resources[storage]"))
        } else if let q = try? Quantity.parse(json: storage), q <= Quantity.zero {
            errs.append(.invalid("spec.resources[storage]", "\(q)", "must be greater than zero"))
        }
        if let mode = spec["volumeMode"].string, !volumeModes.contains(mode) {
            errs.append(.notSupported("spec.volumeMode", .string(mode), supported: volumeModes))
        }
        errs += attributesClassSpec(pvc, old: old, claim: true)
        guard let old else { return errs }
        errs += claimSpecUpdate(compared ?? pvc, old: old)
        // (RecoverVolumeExpansionFailure, on in v1.32: a request may shrink, but not to the capacity.)
        if let oldQ = try? Quantity.parse(json: old["spec"]["resources"]["requests"]["storage"]),
           let newQ = try? Quantity.parse(json: storage), newQ < oldQ,
           let capacity = try? Quantity.parse(json: old["status"]["capacity"]["storage"]), newQ <= capacity
        {
            errs.append(FieldError(.forbidden, field: "spec.resources.requests.storage", detail: "field can not be less than status.capacity"))
        }
        // ValidateImmutableField of the (defaulted) mode, at the path `volumeMode`.
        if let mode = spec["volumeMode"].string, let was = old["spec"]["volumeMode"].string, mode != was {
            errs.append(.invalid("volumeMode", mode, "field is immutable"))
        }
        return errs + attributesClassUpdate(pvc, old: old, claim: true)
    }

    // MARK: VolumeAttributesClass (beta, off in v1.32)

    /// The class name is checked only when the stored object has one (the strategies drop a new one
    /// otherwise): a volume's must be a non-empty DNS subdomain on a CSI volume, a claim's a DNS subdomain
    /// when not empty.
    static func attributesClassSpec(_ obj: JSONValue, old: JSONValue?, claim: Bool) -> [FieldError] {
        guard old.map({ !$0["spec"]["volumeAttributesClassName"].isNull }) ?? false,
              let name = obj["spec"]["volumeAttributesClassName"].string else { return [] }
        let path = "spec.volumeAttributesClassName"
        var errs: [FieldError] = []
        if name.isEmpty {
            if !claim { errs.append(.required(path, "an empty string is disallowed")) }
        } else {
            for msg in isDNS1123Subdomain(name) { errs.append(.invalid(path, name, msg)) }
        }
        if !claim, obj["spec"]["csi"].object == nil {
            errs.append(.required("spec.csi", "has to be specified when using volumeAttributesClassName"))
        }
        return errs
    }

    /// A stored class name may not change while the feature gate is off, nor be removed (a claim's nor
    /// emptied).
    static func attributesClassUpdate(_ obj: JSONValue, old: JSONValue, claim: Bool) -> [FieldError] {
        let was = old["spec"]["volumeAttributesClassName"], now = obj["spec"]["volumeAttributesClassName"]
        guard was != now else { return [] }
        let path = "spec.volumeAttributesClassName"
        var errs = [FieldError(.forbidden, field: path, detail: "update is forbidden when the VolumeAttributesClass feature gate is disabled")]
        if !was.isNull {
            if now.isNull {
                errs.append(FieldError(.forbidden, field: path, detail: "update from non-nil value to nil is forbidden"))
            } else if claim, now.string == "" {
                errs.append(FieldError(.forbidden, field: path, detail: "update from non-nil value to an empty string is forbidden"))
            }
        }
        return errs
    }
}

extension StorageRules {
    /// `ValidatePersistentVolumeUpdate`: a volume's source does not change after creation (a CSI volume may
    /// gain the controllerExpandSecretRef it had none of), the Forbidden detail ending with go-cmp's diff
    /// of the old `core.PersistentVolumeSource` and the new one; nor does its mode; nor a node affinity once
    /// set, except a requirement's key going from a beta label to its GA one
    /// (`failure-domain.beta.kubernetes.io/zone` to `topology.kubernetes.io/zone`, ...).
    static func persistentVolumeUpdate(_ pv: JSONValue, old: JSONValue) -> [FieldError] {
        var new = pv["spec"]
        let was = old["spec"]
        var errs: [FieldError] = []
        if !was["csi"].isNull, was["csi"]["controllerExpandSecretRef"].isNull, !new["csi"]["controllerExpandSecretRef"].isNull {
            new["csi"].remove(["controllerExpandSecretRef"])
        }
        if !semanticallyEqual(sourceFields(new), sourceFields(was)) {
            let type = GoType.named("PersistentVolumeSource")
            let diff = GoCmp.diff(GoValues.value(was, type), GoValues.value(new, type))
            errs.append(FieldError(.forbidden, field: "spec.persistentvolumesource",
                                   detail: "spec.persistentvolumesource is immutable after creation\n" + diff))
        }
        if let mode = new["volumeMode"].string, let wasMode = was["volumeMode"].string, mode != wasMode {
            errs.append(.invalid("volumeMode", mode, "field is immutable"))
        }
        if !was["nodeAffinity"].isNull, !semanticallyEqual(new["nodeAffinity"], gaKeys(was["nodeAffinity"], as: new["nodeAffinity"])) {
            let value: FieldError.BadValue = new["nodeAffinity"].isNull ? .string("null")
                : .raw("core.VolumeNodeAffinity{Required:(*core.NodeSelector)(\(new["nodeAffinity"]["required"].isNull ? "nil" : "0xc000000000"))}")
            errs.append(FieldError(.invalid, field: "nodeAffinity", value: value,
                                   detail: "field is immutable, except for updating from beta label to GA"))
        }
        return errs
    }

    /// The members of a volume spec that make its `PersistentVolumeSource` (the spec's other fields dropped).
    static func sourceFields(_ spec: JSONValue) -> JSONValue {
        var out = JSONObject()
        for key in sources where !spec[key].isNull { out[key] = spec[key] }
        return .object(out)
    }

    /// The beta node labels v1.32 lets a volume's node affinity move to their GA names.
    static let betaToGALabel = [
        "failure-domain.beta.kubernetes.io/zone": "topology.kubernetes.io/zone",
        "failure-domain.beta.kubernetes.io/region": "topology.kubernetes.io/region",
        "beta.kubernetes.io/os": "kubernetes.io/os", "beta.kubernetes.io/arch": "kubernetes.io/arch",
        "beta.kubernetes.io/instance-type": "node.kubernetes.io/instance-type",
    ]

    /// `old` with each node selector requirement's beta key renamed to the GA key the same requirement
    /// of `new` has (the API server's masked comparison).
    static func gaKeys(_ old: JSONValue, as new: JSONValue) -> JSONValue {
        guard var terms = old["required"]["nodeSelectorTerms"].array else { return old }
        let newTerms = new["required"]["nodeSelectorTerms"].array ?? []
        for t in terms.indices where t < newTerms.count {
            for list in ["matchExpressions", "matchFields"] {
                guard var reqs = terms[t][list].array else { continue }
                let newReqs = newTerms[t][list].array ?? []
                for r in reqs.indices where r < newReqs.count {
                    if let key = reqs[r]["key"].string, let ga = betaToGALabel[key], newReqs[r]["key"].string == ga {
                        reqs[r]["key"] = .string(ga)
                    }
                }
                terms[t][list] = .array(reqs)
            }
        }
        var out = old
        out["required"]["nodeSelectorTerms"] = .array(terms)
        return out
    }

    /// apimachinery's `Semantic.DeepEqual` on decoded values: an empty list or map equals a missing one.
    static func semanticallyEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        withoutEmptyCollections(a) == withoutEmptyCollections(b)
    }

    static func withoutEmptyCollections(_ v: JSONValue) -> JSONValue {
        switch v {
        case .array(let a): return a.isEmpty ? .null : .array(a.map(withoutEmptyCollections))
        case .object(let o):
            var out = JSONObject()
            for k in o.keys {
                let c = withoutEmptyCollections(o[k]!)
                if !c.isNull { out[k] = c }
            }
            return .object(out)
        default: return v
        }
    }

    /// `ValidatePersistentVolumeClaimUpdate`'s spec rule: a claim's spec does not change, except a volume name
    /// set once, a storage class set where there was none (retroactive default class, on in v1.32), and for a
    /// bound claim its storage request and volume attributes class (checked elsewhere). The Forbidden detail
    /// ends with go-cmp's diff of the old spec and the new one, as the API server prints it.
    static func claimSpecUpdate(_ pvc: JSONValue, old: JSONValue) -> [FieldError] {
        var new = pvc["spec"], was = old["spec"]
        if (was["volumeName"].string ?? "").isEmpty { was["volumeName"] = new["volumeName"] }
        let betaClass = "volume.beta.kubernetes.io/storage-class"
        if old["metadata"]["annotations"][betaClass].isNull, was["storageClassName"].isNull,
           let cls = new["storageClassName"].string, !cls.isEmpty
        {
            new.remove(["storageClassName"])
        }
        if pvc["status"]["phase"].string == "Bound" {
            if !new["resources"]["requests"].isNull { new["resources"]["requests"]["storage"] = was["resources"]["requests"]["storage"] }
            if !new["volumeAttributesClassName"].isNull { new["volumeAttributesClassName"] = was["volumeAttributesClassName"] }
        }
        let type = GoType.named("PersistentVolumeClaimSpec")
        let diff = GoCmp.diff(GoValues.value(was, type), GoValues.value(new, type))
        guard !diff.isEmpty else { return [] }
        return [FieldError(.forbidden, field: "spec",
                           detail: "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n" + diff)]
    }
}

/// The PersistentVolumeClaimResize admission plugin: a claim's storage request may grow only when the
/// claim is bound and its StorageClass has `allowVolumeExpansion: true`.
struct ClaimResizeAdmission: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.fromClient, r.groupKind == ("", "PersistentVolumeClaim"), let old = r.old,
            let oldQ = try? Quantity.parse(json: old["spec"]["resources"]["requests"]["storage"]),
            let newQ = try? Quantity.parse(json: r.object["spec"]["resources"]["requests"]["storage"]), newQ > oldQ else { return }
        if old["status"]["phase"].string != "Bound" { throw forbidden(r, "Only bound persistent volume claims can be expanded") }
        let cls = r.object["spec"]["storageClassName"].string ?? "", oldCls = old["spec"]["storageClassName"].string ?? ""
        var allowed = false
        if !cls.isEmpty, cls == oldCls, let scType = s.registry.type(group: "storage.k8s.io", kind: "StorageClass"),
            let sc = try s.find(scType, namespace: "", name: cls)
        {
            allowed = sc["allowVolumeExpansion"].bool ?? false
        }
        if !allowed {
            throw forbidden(r, "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize")
        }
    }

    func forbidden(_ r: AdmissionRequest, _ detail: String) -> APIError {
        APIError(reason: .forbidden, message: "\(r.type.qualifiedPlural) \(strconvQuote(r.name)) is forbidden: \(detail)", code: 403)
    }
}
