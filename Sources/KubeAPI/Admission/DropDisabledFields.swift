import KubeModel

/// The pod strategy's `dropDisabledFields` for the features whose gate is off by default in v1.32, each
/// unless the stored spec already uses it: an `image` volume (ImageVolume) goes with every mount of it; the
/// pod-level `resources` (PodLevelResources), containers' `resizePolicy` (InPlacePodVerticalScaling),
/// `hostUsers` (UserNamespacesSupport), `securityContext.supplementalGroupsPolicy` (SupplementalGroupsPolicy)
/// and `securityContext.seLinuxChangePolicy` (SELinuxChangePolicy), `resourceClaims` and containers'
/// `resources.claims` (DynamicResourceAllocation) and a projection's `clusterTrustBundle`
/// (ClusterTrustBundleProjection, leaving an empty source) are removed; a container's `procMount` becomes
/// `Default` (ProcMountType). Runs for pods and for every kind with a pod template, and (`dropVolumeFields`)
/// for claims and volumes (whoever writes them), and a StatefulSet's `maxUnavailable` (`dropStatefulSetFields`).
struct DropDisabledFields: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        // The strategies drop for every writer: a claim the StatefulSet controller makes from a template
        // (templates keep the class name: only the claim strategy drops it) loses it too.
        if r.groupKind == ("", "PersistentVolumeClaim") || r.groupKind == ("", "PersistentVolume") {
            Self.dropVolumeFields(&r.object, old: r.old)
            return
        }
        guard r.fromClient else { return }
        if r.groupKind == ("apps", "StatefulSet") { Self.dropStatefulSetFields(&r.object, old: r.old) }
        guard let path = r.type.podSpecPath else { return }
        var spec = r.object.at(path)
        guard spec.object != nil else { return }
        let old = r.old?.at(path)
        var changed = false
        for feature in Self.features where feature.inUse(spec) && !(old.map(feature.inUse) ?? false) {
            feature.drop(&spec)
            changed = true
        }
        if changed { r.object.set(path, spec) }
    }

    /// The StatefulSet strategy's `dropStatefulSetDisabledFields`: `updateStrategy.rollingUpdate.maxUnavailable`
    /// (MaxUnavailableStatefulSet, alpha in v1.32) unless the stored StatefulSet has one.
    static func dropStatefulSetFields(_ obj: inout JSONValue, old: JSONValue?) {
        let path = ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]
        if !obj.at(path).isNull, old?.at(path).isNull ?? true { obj.remove(path) }
    }

    /// The claim and volume strategies' `DropDisabledFields`: `volumeAttributesClassName` (VolumeAttributesClass,
    /// beta but off in v1.32) unless the stored object has one, and a claim's `dataSourceRef.namespace`
    /// (CrossNamespaceVolumeDataSource) unless the stored claim names one, and a claim's status
    /// `currentVolumeAttributesClassName` and `modifyVolumeStatus` unless stored; then a claim's two data
    /// source fields are made to agree.
    static func dropVolumeFields(_ obj: inout JSONValue, old: JSONValue?) {
        if !obj["spec"]["volumeAttributesClassName"].isNull, old?["spec"]["volumeAttributesClassName"].isNull ?? true {
            obj.remove(["spec", "volumeAttributesClassName"])
        }
        if !(obj["spec"]["dataSourceRef"]["namespace"].string ?? "").isEmpty,
           (old?["spec"]["dataSourceRef"]["namespace"].string ?? "").isEmpty {
            obj.remove(["spec", "dataSourceRef", "namespace"])
        }
        guard obj["kind"].string == "PersistentVolumeClaim" else { return }
        // `DropDisabledFieldsFromStatus`: the claim's current class and modify status likewise.
        for key in ["currentVolumeAttributesClassName", "modifyVolumeStatus"]
        where !obj["status"][key].isNull && (old?["status"][key].isNull ?? true) {
            obj.remove(["status", key])
        }
        // `NormalizeDataSources` (AnyVolumeDataSource is on): either data source fills the other, except that a
        // reference to another namespace has no dataSource form.
        let source = obj["spec"]["dataSource"], ref = obj["spec"]["dataSourceRef"]
        if source.object != nil, ref.isNull {
            obj["spec"]["dataSourceRef"] = ["apiGroup": source["apiGroup"], "kind": source["kind"], "name": source["name"]]
        } else if ref.object != nil, source.isNull, (ref["namespace"].string ?? "").isEmpty {
            obj["spec"]["dataSource"] = ["apiGroup": ref["apiGroup"], "kind": ref["kind"], "name": ref["name"]]
        }
    }

    struct Feature {
        let inUse: (JSONValue) -> Bool
        let drop: (inout JSONValue) -> Void
    }

    static let containerKinds = ["containers", "initContainers", "ephemeralContainers"]

    /// Every container of the spec, changed in place.
    static func eachContainer(_ spec: inout JSONValue, _ body: (inout JSONValue) -> Void) {
        for key in containerKinds {
            guard var list = spec[key].array else { continue }
            for i in list.indices { body(&list[i]) }
            spec[key] = .array(list)
        }
    }

    static func anyContainer(_ spec: JSONValue, _ test: (JSONValue) -> Bool) -> Bool {
        containerKinds.contains { (spec[$0].array ?? []).contains(where: test) }
    }

    static func projectionSources(_ spec: JSONValue) -> [JSONValue] {
        (spec["volumes"].array ?? []).flatMap { $0["projected"]["sources"].array ?? [] }
    }

    static let features: [Feature] = [
        Feature(inUse: { !$0["hostUsers"].isNull }, drop: { $0.remove(["hostUsers"]) }),
        Feature(inUse: { !$0["securityContext"]["supplementalGroupsPolicy"].isNull },
                drop: { $0.remove(["securityContext", "supplementalGroupsPolicy"]) }),
        Feature(inUse: { !$0["resources"].isNull }, drop: { $0.remove(["resources"]) }),
        // procMountInUse: a value other than Default.
        Feature(inUse: { anyContainer($0) { c in !c["securityContext"]["procMount"].isNull && c["securityContext"]["procMount"].string != "Default" } },
                drop: { eachContainer(&$0) { c in if !c["securityContext"]["procMount"].isNull { c["securityContext"]["procMount"] = "Default" } } }),
        Feature(inUse: { !$0["resourceClaims"].isNull || anyContainer($0) { c in !c["resources"]["claims"].isNull } },
                drop: { spec in
                    spec.remove(["resourceClaims"])
                    eachContainer(&spec) { c in c.remove(["resources", "claims"]) }
                }),
        Feature(inUse: { projectionSources($0).contains { !$0["clusterTrustBundle"].isNull } },
                drop: { spec in
                    guard var volumes = spec["volumes"].array else { return }
                    for i in volumes.indices {
                        guard var sources = volumes[i]["projected"]["sources"].array else { continue }
                        for j in sources.indices { sources[j].remove(["clusterTrustBundle"]) }
                        volumes[i]["projected"]["sources"] = .array(sources)
                    }
                    spec["volumes"] = .array(volumes)
                }),
        Feature(inUse: { anyContainer($0) { c in !c["resizePolicy"].isNull } },
                drop: { eachContainer(&$0) { c in c.remove(["resizePolicy"]) } }),
        Feature(inUse: usesImageVolumes, drop: dropImageVolumes),
        Feature(inUse: { !$0["securityContext"]["seLinuxChangePolicy"].isNull },
                drop: { $0.remove(["securityContext", "seLinuxChangePolicy"]) }),
    ]

    static func usesImageVolumes(_ spec: JSONValue) -> Bool {
        (spec["volumes"].array ?? []).contains { !$0["image"].isNull }
    }

    /// `dropImageVolumes`: the volumes go, then the mounts that name them (an emptied list is omitted).
    static func dropImageVolumes(_ spec: inout JSONValue) {
        let volumes = spec["volumes"].array ?? []
        let dropped = Set(volumes.filter { !$0["image"].isNull }.compactMap { $0["name"].string })
        let kept = volumes.filter { $0["image"].isNull }
        if kept.isEmpty { spec.remove(["volumes"]) } else { spec["volumes"] = .array(kept) }
        eachContainer(&spec) { c in
            guard let mounts = c["volumeMounts"].array else { return }
            let left = mounts.filter { !dropped.contains($0["name"].string ?? "") }
            if left.isEmpty { c.remove(["volumeMounts"]) } else { c["volumeMounts"] = .array(left) }
        }
    }
}
