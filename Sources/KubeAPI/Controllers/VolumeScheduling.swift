import KubeModel
import KubeRegistry
import KubeStore

/// The VolumeBinding plugin's node checks (v1.32): a bound claim's volume must allow the node
/// (`spec.nodeAffinity`), a claim of a `WaitForFirstConsumer` class must find an Available volume
/// that allows the node or a class able to provision there; and bound local volumes that name
/// their nodes by hostname narrow the nodes the scheduler looks at (PreFilterResult).
extension ControllerManager {
    struct VolumeFilter {
        /// The volume of each bound claim, in the pod's order (nil: the claim's volume does not exist).
        var bound: [JSONValue?] = []
        /// Unbound claims of `WaitForFirstConsumer` classes.
        var delayed: [DelayedClaim] = []
        /// The nodes the bound volumes name (`kubernetes.io/hostname In`), nil when they do not narrow.
        var eligible: Set<String>?

        var isEmpty: Bool { bound.isEmpty && delayed.isEmpty }

        /// `GetEligibleNodes`: the intersection of the node names each bound volume's required terms
        /// give (the union over terms of each term's hostname `In` values); nil when a volume is missing.
        mutating func narrow() {
            eligible = nil
            var result: Set<String>?
            for pv in bound {
                guard let pv else { return }
                let names = ControllerManager.hostnames(pv)
                if names.isEmpty { continue }
                result = result.map { $0.intersection(names) } ?? names
            }
            eligible = result
        }
    }

    /// A claim whose binding waits for its pod's node: its class and the Available volumes that
    /// could serve it on some node, smallest first (read once per scheduling attempt).
    struct DelayedClaim {
        var claim: JSONValue
        var storageClass: JSONValue?
        var candidates: [JSONValue]
    }

    func delayedClaim(_ pvc: JSONValue, storageClass: JSONValue?) throws -> DelayedClaim {
        let candidates = try s.list(pvType, namespace: nil).filter { pv in
            pv["spec"]["claimRef"].isNull && pv["metadata"]["deletionTimestamp"].isNull
                && pv["status"]["phase"].string == "Available" && claimAccepts(pvc, pv)
        }
        let sorted = candidates.enumerated().sorted {
            let a = storage($0.element["spec"]["capacity"]["storage"]), b = storage($1.element["spec"]["capacity"]["storage"])
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        return DelayedClaim(claim: pvc, storageClass: storageClass, candidates: sorted)
    }

    static func hostnames(_ pv: JSONValue) -> Set<String> {
        var result = Set<String>()
        for term in pv["spec"]["nodeAffinity"]["required"]["nodeSelectorTerms"].array ?? [] {
            var names: Set<String>?
            for e in term["matchExpressions"].array ?? []
            where e["key"].string == "kubernetes.io/hostname" && e["operator"].string == "In" {
                let values = Set((e["values"].array ?? []).compactMap(\.string))
                names = names.map { $0.intersection(values) } ?? values
            }
            result.formUnion(names ?? [])
        }
        return result
    }

    /// `CheckNodeAffinity`: a volume without required terms allows every node.
    static func volumeAllows(_ pv: JSONValue, node: NodeInfo) -> Bool {
        let required = pv["spec"]["nodeAffinity"]["required"]
        if required.isNull { return true }
        return (required["nodeSelectorTerms"].array ?? []).contains { matchesTerm($0, node: node) }
    }

    /// The plugin's reasons for `node`, in its order (none: the node suits the pod's volumes).
    func volumeReasons(_ volumes: VolumeFilter, node: NodeInfo) throws -> [String] {
        if volumes.isEmpty { return [] }
        var reasons: [String] = []
        var missing = false
        for pv in volumes.bound {
            guard let pv else { missing = true; break }
            if !Self.volumeAllows(pv, node: node) {
                reasons.append("node(s) had volume node affinity conflict")
                break
            }
        }
        if !volumes.delayed.isEmpty, try delayedBindings(volumes.delayed, node: node) == nil {
            reasons.append("node(s) didn't find available persistent volumes to bind")
        }
        if missing { reasons.append("node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)") }
        return reasons
    }

    /// For each delayed claim, the Available volume it would bind to on `node` (nil: its class
    /// provisions one there), or nil when some claim can have neither.
    func delayedBindings(_ claims: [DelayedClaim], node: NodeInfo) throws -> [JSONValue?]? {
        var chosen = Set<String>()
        var result: [JSONValue?] = []
        for delayed in claims {
            if let pv = delayed.candidates.first(where: {
                !chosen.contains($0["metadata"]["name"].string ?? "") && Self.volumeAllows($0, node: node)
            }) {
                chosen.insert(pv["metadata"]["name"].string ?? "")
                result.append(pv)
                continue
            }
            guard let sc = delayed.storageClass else { return nil }
            let provisioner = sc["provisioner"].string ?? ""
            if provisioner.isEmpty || provisioner == "kubernetes.io/no-provisioner" { return nil }
            if !Self.topologyAllows(sc["allowedTopologies"], node: node) { return nil }
            result.append(nil)
        }
        return result
    }

    /// `MatchTopologySelectorTerms`: no terms allow every node; otherwise some term's label
    /// expressions must all hold.
    static func topologyAllows(_ terms: JSONValue, node: NodeInfo) -> Bool {
        guard let terms = terms.array, !terms.isEmpty else { return true }
        return terms.contains { term in
            (term["matchLabelExpressions"].array ?? []).allSatisfy { e in
                guard let v = node.labels[e["key"].string ?? ""] else { return false }
                return (e["values"].array ?? []).contains { $0.string == v }
            }
        }
    }

    /// Whether the volume could serve the claim, apart from who it is bound to: class, volume mode,
    /// access modes, capacity and the claim's selector.
    func claimAccepts(_ pvc: JSONValue, _ pv: JSONValue) -> Bool {
        if (pv["spec"]["storageClassName"].string ?? "") != (pvc["spec"]["storageClassName"].string ?? "") { return false }
        if (pv["spec"]["volumeMode"].string ?? "Filesystem") != (pvc["spec"]["volumeMode"].string ?? "Filesystem") { return false }
        let modes = Set((pvc["spec"]["accessModes"].array ?? []).compactMap(\.string))
        if !modes.isSubset(of: Set((pv["spec"]["accessModes"].array ?? []).compactMap(\.string))) { return false }
        if storage(pv["spec"]["capacity"]["storage"]) < storage(pvc["spec"]["resources"]["requests"]["storage"]) { return false }
        let selector = pvc["spec"]["selector"].isNull ? LabelSelector.everything
            : ((try? LabelSelector(from: pvc["spec"]["selector"])) ?? .nothing)
        return selector.matches(labels: pv["metadata"]["labels"])
    }
}
