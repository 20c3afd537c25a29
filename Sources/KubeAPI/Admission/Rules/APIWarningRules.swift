import KubeModel

/// The API server's warnings on writes (v1.32 `GetWarningsForPod`, `GetWarningsForPodTemplate`,
/// `GetWarningsForPersistentVolume`, `GetWarningsForPersistentVolumeClaim`): deprecated node labels,
/// annotations and volume plugins, fractional byte quantities, repeated env names, host aliases and
/// pull secrets, ambiguous ports, a negative grace period, selectors that match nothing. kubectl prints
/// each as `Warning: <text>`; the write goes on.
enum APIWarningRules {
    /// Warnings for a pod (`prefix` "") or a pod template at `prefix` ("spec.template."), given the
    /// object holding the template's `metadata` and `spec`.
    static func podTemplate(_ t: JSONValue, prefix: String) -> [String] {
        let spec = t["spec"], sp = prefix + "spec"
        var out: [String] = []
        for k in (spec["nodeSelector"].object?.keys ?? []) {
            if let m = deprecatedNodeLabel(k) { out.append("\(sp).nodeSelector[\(k)]: \(m)") }
        }
        let node = spec["affinity"]["nodeAffinity"]
        for (i, term) in (node["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"].array ?? []).enumerated() {
            out += nodeSelectorTerm(term, "\(sp).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[\(i)]")
        }
        for (i, term) in (node["preferredDuringSchedulingIgnoredDuringExecution"].array ?? []).enumerated() {
            out += nodeSelectorTerm(term["preference"], "\(sp).affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[\(i)].preference")
        }
        for (i, c) in (spec["topologySpreadConstraints"].array ?? []).enumerated() {
            let key = c["topologyKey"].string ?? ""
            if let m = deprecatedNodeLabel(key) { out.append("\(sp).topologySpreadConstraints[\(i)].topologyKey: \(key) is \(m)") }
            if c["labelSelector"].isNull { out.append("\(sp).topologySpreadConstraints[\(i)].labelSelector: \(nullSelector)") }
        }
        let annotations = t["metadata"]["annotations"].object
        for (key, message) in deprecatedAnnotations where annotations?[key] != nil {
            out.append("\(prefix)metadata.annotations[\(key)]: \(message)")
        }
        out += volumes(spec["volumes"].array ?? [], sp)
        out += duplicates(spec["hostAliases"].array ?? [], field: "ip", path: "\(sp).hostAliases", what: "ip")
        out += duplicates(spec["imagePullSecrets"].array ?? [], field: "name", path: "\(sp).imagePullSecrets", what: "name")
        for (i, s) in (spec["imagePullSecrets"].array ?? []).enumerated() where (s["name"].string ?? "").isEmpty {
            out.append("\(sp).imagePullSecrets[\(i)].name: invalid empty name \"\"")
        }
        for r in ["memory", "ephemeral-storage"] {
            if let q = fractionalBytes(spec["overhead"][r]) { out.append("\(sp).overhead[\(r)]: \(fractional(q))") }
        }
        out += containers(t, prefix: prefix)
        out += PodSpecRules.warnings(spec, path: sp)
        if let g = spec["terminationGracePeriodSeconds"].int, g < 0 {
            out.append("\(sp).terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1")
        }
        for kind in ["podAffinity", "podAntiAffinity"] {
            let a = spec["affinity"][kind], p = "\(sp).affinity.\(kind)"
            for (i, term) in (a["requiredDuringSchedulingIgnoredDuringExecution"].array ?? []).enumerated() where term["labelSelector"].isNull {
                out.append("\(p).requiredDuringSchedulingIgnoredDuringExecution[\(i)].labelSelector: \(nullSelector)")
            }
            for (i, term) in (a["preferredDuringSchedulingIgnoredDuringExecution"].array ?? []).enumerated()
            where term["podAffinityTerm"]["labelSelector"].isNull {
                out.append("\(p).preferredDuringSchedulingIgnoredDuringExecution[\(i)].podAffinityTerm.labelSelector: \(nullSelector)")
            }
        }
        return out
    }

    static let nullSelector = "a null labelSelector results in matching no pod"

    static let deprecatedAnnotations: [(String, String)] = [
        ("scheduler.alpha.kubernetes.io/critical-pod", #"non-functional in v1.16+; use the "priorityClassName" field instead"#),
        ("security.alpha.kubernetes.io/sysctls", #"non-functional in v1.11+; use the "sysctls" field instead"#),
        ("security.alpha.kubernetes.io/unsafe-sysctls", #"non-functional in v1.11+; use the "sysctls" field instead"#),
    ]

    /// The node labels the API server calls deprecated, with its advice.
    static func deprecatedNodeLabel(_ key: String) -> String? {
        switch key {
        case "beta.kubernetes.io/arch": return #"deprecated since v1.14; use "kubernetes.io/arch" instead"#
        case "beta.kubernetes.io/os": return #"deprecated since v1.14; use "kubernetes.io/os" instead"#
        case "failure-domain.beta.kubernetes.io/region": return #"deprecated since v1.17; use "topology.kubernetes.io/region" instead"#
        case "failure-domain.beta.kubernetes.io/zone": return #"deprecated since v1.17; use "topology.kubernetes.io/zone" instead"#
        case "beta.kubernetes.io/instance-type": return #"deprecated since v1.17; use "node.kubernetes.io/instance-type" instead"#
        default: return nil
        }
    }

    static func nodeSelectorTerm(_ term: JSONValue, _ path: String) -> [String] {
        (term["matchExpressions"].array ?? []).enumerated().compactMap { i, e in
            let key = e["key"].string ?? ""
            return deprecatedNodeLabel(key).map { "\(path).matchExpressions[\(i)].key: \(key) is \($0)" }
        }
    }

    /// Deprecated or removed volume plugins, in the order the server checks them.
    static let deprecatedVolumes: [(String, String)] = [
        ("photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"), ("gitRepo", "deprecated in v1.11"),
        ("scaleIO", "deprecated in v1.16, non-functional in v1.22+"), ("flocker", "deprecated in v1.22, non-functional in v1.25+"),
        ("storageos", "deprecated in v1.22, non-functional in v1.25+"), ("quobyte", "deprecated in v1.22, non-functional in v1.25+"),
        ("glusterfs", "deprecated in v1.25, non-functional in v1.26+"),
    ]

    static func volumes(_ volumes: [JSONValue], _ sp: String) -> [String] {
        var out: [String] = []
        for (i, v) in volumes.enumerated() {
            let p = "\(sp).volumes[\(i)]"
            for (key, message) in deprecatedVolumes where !v[key].isNull {
                // The field path names the Go field (storageOS), the JSON key is storageos.
                out.append("\(p).\(key == "storageos" ? "storageOS" : key): \(message)")
            }
            let claim = v["ephemeral"]["volumeClaimTemplate"]
            if !claim.isNull { out += claimSpec(claim["spec"], "\(p).ephemeral.volumeClaimTemplate.spec") }
            for key in ["cephfs", "rbd"] where !v[key].isNull {
                out.append("\(p).\(key): deprecated in v1.28, non-functional in v1.31+")
            }
        }
        return out
    }

    /// Per container (init, regular, ephemeral): fractional byte quantities, repeated env names.
    static func containers(_ t: JSONValue, prefix: String) -> [String] {
        var out: [String] = []
        for list in ["initContainers", "containers", "ephemeralContainers"] {
            for (ci, c) in (t["spec"][list].array ?? []).enumerated() {
                let p = "\(prefix)spec.\(list)[\(ci)]"
                for (kind, r) in [("limits", "memory"), ("requests", "memory"), ("limits", "ephemeral-storage"), ("requests", "ephemeral-storage")] {
                    if let q = fractionalBytes(c["resources"][kind][r]) { out.append("\(p).resources.\(kind)[\(r)]: \(fractional(q))") }
                }
                var seen = Set<String>()
                for (i, e) in (c["env"].array ?? []).enumerated() {
                    let name = e["name"].string ?? ""
                    if seen.insert(name).inserted { continue }
                    let value = e["value"].string ?? "", ref = "$(\(name))"
                    if !e["valueFrom"].isNull || value == ref || !value.contains(ref) {
                        out.append("\(p).env[\(i)]: hides previous definition of \(strconvQuote(name)), which may be dropped when using apply")
                    }
                }
            }
        }
        return out
    }

    static func duplicates(_ items: [JSONValue], field: String, path: String, what: String) -> [String] {
        guard items.count > 1 else { return [] }
        var seen = Set<String>(), out: [String] = []
        for (i, item) in items.enumerated() {
            let v = item[field].string ?? ""
            if !seen.insert(v).inserted { out.append("\(path)[\(i)].\(field): duplicate \(what) \(strconvQuote(v))") }
        }
        return out
    }

    /// The quantity's canonical text when it is not a whole number of bytes.
    static func fractionalBytes(_ v: JSONValue) -> String? {
        guard !v.isNull, let q = try? Quantity.parse(json: v), q.milliValue % 1000 != 0 else { return nil }
        return q.description
    }

    static func fractional(_ q: String) -> String { "fractional byte value \(strconvQuote(q)) is invalid, must be an integer" }

    /// A claim spec's storage request and limit (PVCs, ephemeral volumes).
    static func claimSpec(_ spec: JSONValue, _ path: String) -> [String] {
        ["requests", "limits"].compactMap { kind in
            fractionalBytes(spec["resources"][kind]["storage"]).map { "\(path).resources.\(kind)[storage]: \(fractional($0))" }
        }
    }

    /// A StatefulSet's `volumeClaimTemplates` (its strategy's WarningsOnCreate/WarningsOnUpdate): the claim
    /// spec's storage quantities, at `spec.volumeClaimTemplates[i]` on create and, as v1.32 names it on
    /// update, `spec.volumeClaimTemplates[i].Spec` (the Go field's name).
    static func claimTemplates(_ o: JSONValue, update: Bool) -> [String] {
        (o["spec"]["volumeClaimTemplates"].array ?? []).enumerated().flatMap { i, t in
            claimSpec(t["spec"], "spec.volumeClaimTemplates[\(i)]" + (update ? ".Spec" : ""))
        }
    }

    static let betaStorageClass = "volume.beta.kubernetes.io/storage-class"
    static let betaStorageClassMessage = #"deprecated since v1.8; use "storageClassName" attribute instead"#

    static func persistentVolumeClaim(_ o: JSONValue) -> [String] {
        var out: [String] = []
        if o["metadata"]["annotations"][betaStorageClass].string != nil {
            out.append("metadata.annotations[\(betaStorageClass)]: \(betaStorageClassMessage)")
        }
        return out + claimSpec(o["spec"], "spec")
    }

    static func persistentVolume(_ o: JSONValue) -> [String] {
        var out: [String] = []
        let spec = o["spec"]
        if o["metadata"]["annotations"][betaStorageClass].string != nil {
            out.append("metadata.annotations[\(betaStorageClass)]: \(betaStorageClassMessage)")
        }
        if spec["persistentVolumeReclaimPolicy"].string == "Recycle" {
            out.append("spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.")
        }
        for (i, term) in (spec["nodeAffinity"]["required"]["nodeSelectorTerms"].array ?? []).enumerated() {
            out += nodeSelectorTerm(term, "spec.nodeAffinity.required.nodeSelectorTerms[\(i)]")
        }
        let plugins: [(String, String, String)] = [
            ("cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+"),
            ("photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"),
            ("scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+"),
            ("storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+"),
            ("glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+"),
            ("rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+"),
        ]
        for (key, field, message) in plugins where !spec[key].isNull { out.append("spec.\(field): \(message)") }
        return out
    }
}
