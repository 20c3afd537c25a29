import KubeModel

/// The pod strategy's `dropDisabledFields` for alpha features whose gate is off in v1.32: an `image`
/// volume (ImageVolume) is removed from the pod spec with every mount of it, unless the stored spec
/// already has one. Runs for pods and for every kind with a pod template.
struct DropDisabledFields: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.fromClient, let path = r.type.podSpecPath else { return }
        if let old = r.old, Self.usesImageVolumes(old.at(path)) { return }
        var spec = r.object.at(path)
        guard Self.usesImageVolumes(spec) else { return }
        Self.dropImageVolumes(&spec)
        r.object.set(path, spec)
    }

    static func usesImageVolumes(_ spec: JSONValue) -> Bool {
        (spec["volumes"].array ?? []).contains { !$0["image"].isNull }
    }

    /// `dropImageVolumes`: the volumes go, then the mounts that name them (an emptied list is omitted).
    static func dropImageVolumes(_ spec: inout JSONValue) {
        let volumes = spec["volumes"].array ?? []
        let dropped = Set(volumes.filter { !$0["image"].isNull }.compactMap { $0["name"].string })
        let kept = volumes.filter { $0["image"].isNull }
        if kept.isEmpty { spec.remove(["volumes"]) } else { spec["volumes"] = .array(kept) }
        for key in ["containers", "initContainers", "ephemeralContainers"] {
            guard var list = spec[key].array else { continue }
            for i in list.indices {
                guard let mounts = list[i]["volumeMounts"].array else { continue }
                let left = mounts.filter { !dropped.contains($0["name"].string ?? "") }
                if left.isEmpty { list[i].remove(["volumeMounts"]) } else { list[i]["volumeMounts"] = .array(left) }
            }
            spec[key] = .array(list)
        }
    }
}
