import KubeModel
import KubeRegistry
import KubeStore

/// The default scheduler (filters: NodeUnschedulable, TaintToleration, NodeAffinity/nodeSelector, pod
/// count; score: fewest pods) and the node lifecycle controller's unschedulable taint.
extension ControllerManager {
    struct NodeInfo {
        var name: String
        var obj: JSONValue
        var labels: [String: String]
        var taints: [JSONValue]
        var ready: Bool
        var maxPods: Int
        var unschedulable = false
    }

    /// Every node, in name order (each read once per transaction, until a node changes).
    func nodes() throws -> [NodeInfo] {
        if let cached = nodeCache { return cached }
        let result = try nodeNames().compactMap { try nodeInfo($0) }
        nodeCache = result
        return result
    }

    /// The nodes' names in name order, from the rows alone (no node is decoded).
    func nodeNames() throws -> [String] {
        if let cached = nodeNamesCache { return cached }
        let names = try s.tx.listSummaries(resource: nodeType.storageKey, namespace: nil).map(\.name)
        nodeNamesCache = names
        podCountsByNodeIndex = nil
        return names
    }

    /// One node as the scheduler sees it, read on first use in a transaction.
    func nodeInfo(_ name: String) throws -> NodeInfo? {
        if let known = nodeInfoCache[name] { return known }
        // A node an earlier transaction of this process read is used again while its row still has
        // the resource version it was read at (one index lookup instead of reading and decoding it).
        if let memory = s.memory, let (version, info) = memory.node(name) {
            try s.authorize("get", nodeType, namespace: "", name: name)
            if try s.tx.resourceVersion(resource: nodeType.storageKey, namespace: "", name: name) == version {
                nodeInfoCache[name] = info
                return info
            }
        }
        try s.authorize("get", nodeType, namespace: "", name: name)
        guard let (version, stored) = try s.stored(nodeType, namespace: "", name: name) else { return nil }
        let n = HPAConversion.served(stored, as: nodeType)
        var taints = n["spec"]["taints"].array ?? []
        let conditions = n["status"]["conditions"].array ?? []
        let readyCond = conditions.first { $0["type"].string == "Ready" }
        let ready = readyCond == nil || readyCond?["status"].string == "True"
        if !ready, !taints.contains(where: { $0["key"].string == "node.kubernetes.io/not-ready" }) {
            taints.append(["effect": "NoSchedule", "key": "node.kubernetes.io/not-ready"])
        }
        if n["spec"]["unschedulable"].bool == true,
            !taints.contains(where: { $0["key"].string == "node.kubernetes.io/unschedulable" })
        {
            taints.append(["effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable"])
        }
        // A quantity: 1000 is stored as "1k".
        let maxPods = (try? Quantity.parse(json: n["status"]["allocatable"]["pods"])).map { Int(clamping: $0.value) } ?? 110
        let info = NodeInfo(name: name, obj: n, labels: labels(n), taints: taints,
                            ready: ready, maxPods: maxPods, unschedulable: n["spec"]["unschedulable"].bool == true)
        nodeInfoCache[name] = info
        s.memory?.rememberNode(name, resourceVersion: version, info)
        return info
    }

    /// Forgets what was read about nodes (a node changed).
    func forgetNodes() {
        nodeCache = nil
        nodeNamesCache = nil
        nodeInfoCache = [:]
        maxPodsCache = [:]
        podsPerNode = nil
        podCountsByNodeIndex = nil
    }

    /// Keeps the `node.kubernetes.io/unschedulable:NoSchedule` taint in step with `spec.unschedulable`.
    func syncNode(_ name: String) throws {
        guard let node = try s.find(nodeType, namespace: "", name: name) else { return }
        var taints = node["spec"]["taints"].array ?? []
        let has = taints.contains { $0["key"].string == "node.kubernetes.io/unschedulable" }
        let cordoned = node["spec"]["unschedulable"].bool == true
        var updated = node
        if cordoned && !has {
            taints.append(["effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable",
                           "timeAdded": .string(now.rfc3339)])
            updated["spec"]["taints"] = .array(taints)
        } else if !cordoned && has {
            taints.removeAll { $0["key"].string == "node.kubernetes.io/unschedulable" }
            if taints.isEmpty { updated.remove(["spec", "taints"]) } else { updated["spec"]["taints"] = .array(taints) }
        }
        updated = try nodeLifecycle(updated)
        try save(updated, node, nodeType)
    }

    /// Pods per node, from the store's counts (one row per node, whatever the number of pods).
    func computePodsPerNode() throws -> [String: Int] {
        if let p = podsPerNode { return p }
        var counts = try s.tx.fieldCounts(FieldIndex.activeNode)
        counts[""] = nil
        podsPerNode = counts
        podCountsByNodeIndex = nil
        return counts
    }

    /// Keeps the pods-per-node view in step with a pod write (`from`/`to`: the node the pod occupied
    /// before and after; "" unscheduled, nil not there or terminated), and notes which nodes' fullness
    /// may have changed.
    func podOccupancyChanged(from old: String?, to new: String?) throws {
        guard old != new else { return }
        for node in [old, new] {
            guard let node, !node.isEmpty else { continue }
            // The store's count already includes this write.
            let after = try s.tx.fieldCount(FieldIndex.activeNode, value: node)
            let before = after + (node == old ? 1 : -1)
            let max = try maxPods(node)
            if fullAtStart[node] == nil { fullAtStart[node] = before >= max }
            if (after >= max) != fullAtStart[node] { fullnessMoved.insert(node) } else { fullnessMoved.remove(node) }
            if podsPerNode != nil { podsPerNode![node] = after == 0 ? nil : after }
            if let i = podCountsByNodeIndex?.index[node] { podCountsByNodeIndex!.counts[i] = after }
        }
    }

    /// The node's allocatable pods (110 when it does not say), or nil when there is no such node.
    func maxPods(_ node: String) throws -> Int {
        if let known = maxPodsCache[node] { return known }
        let value = try nodeInfo(node)?.maxPods ?? Int.max
        maxPodsCache[node] = value
        return value
    }

    /// True while no node changed and every node whose pod count moved is exactly as full (or not)
    /// as it was: then every pending pod would be refused for the reasons it already shows.
    /// (Kept as the counts move, in `podOccupancyChanged`: no count is read again here. A node's
    /// allocatable pods change only with a node write, which sets `nodesChanged`.)
    func schedulingStateUnchanged() throws -> Bool {
        !nodesChanged && fullnessMoved.isEmpty
    }

    /// A new baseline: every pending pod agrees with the nodes as they are now.
    func resetFullness() {
        fullAtStart = [:]
        fullnessMoved = []
    }

    /// Gives the pending pods (oldest first, as the scheduler's queue) another chance after a pod left
    /// a node or a node changed, stopping as soon as the cluster is back to a state every remaining
    /// pending pod has already been judged against.
    func schedulePendingPods() throws {
        if try schedulingStateUnchanged() { return }
        let forced = nodesChanged
        if forced, let classes = try changedSchedulingClasses() {
            // A claim bound or a node written during this pass asks for another one.
            nodesChanged = false
            try schedulePendingPods(ofClasses: classes)
            resetFullness()
            return
        }
        var position: Int64 = 0
        while true {
            let page = try s.tx.keys(resource: podType.storageKey, field: FieldIndex.activeNode, value: "", after: position)
            guard let last = page.last else { break }
            position = last.position
            for key in page {
                try syncPod(namespace: key.namespace, name: key.name)
                if !forced, try schedulingStateUnchanged() { return }
            }
        }
        // Every pending pod now agrees with the cluster as it is: that is the new baseline.
        nodesChanged = false
        resetFullness()
    }

    /// After a node (or a claim, volume, class) changed: the scheduling classes of pending pods
    /// (`FieldIndex.schedulingClass`) whose answer is no longer the one their pods show, judged on one
    /// pod of each. Nil when the index cannot tell: pods written before it (the classes' counts fall
    /// short of the pending pods'), or so many classes that reading every pending pod is as cheap.
    func changedSchedulingClasses() throws -> [String]? {
        let classes = try s.tx.fieldCounts(FieldIndex.schedulingClass)
        let pending = try s.tx.fieldCount(FieldIndex.activeNode, value: "")
        guard classes.values.reduce(0, +) == pending, classes.count <= Self.maxSchedulingClasses else { return nil }
        var changed: [String] = []
        for cls in classes.keys.sorted() {
            guard let key = try s.tx.keys(resource: podType.storageKey, field: FieldIndex.schedulingClass, value: cls, limit: 1).first,
                  let pod = try s.find(podType, namespace: key.namespace, name: key.name)
            else { continue }
            if try !answerStands(pod) { changed.append(cls) }
        }
        return changed
    }

    /// Beyond this many classes, a node change reads every pending pod.
    static let maxSchedulingClasses = 1_000

    /// Whether the scheduler, looking at this pending pod now, would leave it as it is: a pod it does
    /// not schedule (another scheduler's, or being deleted), or one that still fits nowhere for the
    /// reason it already shows.
    func answerStands(_ pod: JSONValue) throws -> Bool {
        if !pod["metadata"]["deletionTimestamp"].isNull || isTerminated(pod) { return true }
        if (pod["spec"]["schedulerName"].string ?? "default-scheduler") != "default-scheduler" { return true }
        let decision = try schedulingDecision(pod)
        let shown = (pod["status"]["conditions"].array ?? []).first { $0["type"].string == "PodScheduled" }?["message"].string
        return decision.node == nil && decision.message == shown
    }

    /// Gives the pending pods of `classes` another look, oldest first as the full scan would (the pods
    /// of other classes would keep their answer: the pods scheduled meanwhile only fill nodes, and
    /// a node that did not suit a pod for another reason still fails it for that reason).
    func schedulePendingPods(ofClasses classes: [String]) throws {
        var keys: [(position: Int64, namespace: String, name: String)] = []
        for cls in classes {
            var position: Int64 = 0
            while true {
                let page = try s.tx.keys(resource: podType.storageKey, field: FieldIndex.schedulingClass, value: cls, after: position)
                guard let last = page.last else { break }
                position = last.position
                keys += page
            }
        }
        for key in keys.sorted(by: { $0.position < $1.position }) {
            try syncPod(namespace: key.namespace, name: key.name)
        }
    }

    static func tolerates(_ tolerations: [JSONValue], _ taint: JSONValue) -> Bool {
        tolerations.contains { t in
            let effect = t["effect"].string ?? ""
            if !effect.isEmpty && effect != taint["effect"].string { return false }
            let key = t["key"].string ?? ""
            let op = t["operator"].string ?? "Equal"
            if key.isEmpty { return op == "Exists" }
            if key != taint["key"].string { return false }
            if op == "Exists" { return true }
            return (t["value"].string ?? "") == (taint["value"].string ?? "")
        }
    }

    static func matchesTerm(_ term: JSONValue, node: NodeInfo) -> Bool {
        let exprs = term["matchExpressions"].array ?? []
        let fields = term["matchFields"].array ?? []
        if exprs.isEmpty && fields.isEmpty { return false }
        for e in exprs {
            let key = e["key"].string ?? ""
            let values = (e["values"].array ?? []).compactMap(\.string)
            let v = node.labels[key]
            switch e["operator"].string ?? "" {
            case "In": if v == nil || !values.contains(v!) { return false }
            case "NotIn": if let v, values.contains(v) { return false }
            case "Exists": if v == nil { return false }
            case "DoesNotExist": if v != nil { return false }
            case "Gt", "Lt":
                guard let v, let lv = Int64(v), let rv = values.first.flatMap({ Int64($0) }) else { return false }
                if e["operator"].string == "Gt" ? !(lv > rv) : !(lv < rv) { return false }
            default: return false
            }
        }
        for f in fields {
            guard f["key"].string == "metadata.name" else { return false }
            let values = (f["values"].array ?? []).compactMap(\.string)
            switch f["operator"].string ?? "" {
            case "In": if !values.contains(node.name) { return false }
            case "NotIn": if values.contains(node.name) { return false }
            default: return false
            }
        }
        return true
    }

    /// Whether `node` passes the pod's affinity/selector filter.
    static func matchesAffinity(_ spec: JSONValue, node: NodeInfo) -> Bool {
        for (k, v) in spec["nodeSelector"].stringMap where node.labels[k] != v { return false }
        let required = spec["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
        if let terms = required["nodeSelectorTerms"].array {
            if !terms.contains(where: { matchesTerm($0, node: node) }) { return false }
        }
        return true
    }

    /// The first failing filter's reasons for `node` (only VolumeBinding gives more than one), empty when
    /// the pod fits. The pod's tolerations are read once; `checkAffinity` is false when the pod has
    /// neither a nodeSelector nor node affinity (every node matches).
    func filter(_ spec: JSONValue, tolerations: [JSONValue], checkAffinity: Bool, volumes: VolumeFilter, node: NodeInfo,
                counts: [String: Int]) throws -> [String] {
        if node.unschedulable,
            !ControllerManager.tolerates(tolerations, ["key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"])
        {
            return ["node(s) were unschedulable"]
        }
        for taint in node.taints where taint["effect"].string == "NoSchedule" || taint["effect"].string == "NoExecute" {
            if !ControllerManager.tolerates(tolerations, taint) {
                return ["node(s) had untolerated taint {\(taint["key"].string ?? ""): \(taint["value"].string ?? "")}"]
            }
        }
        if checkAffinity, !ControllerManager.matchesAffinity(spec, node: node) {
            return ["node(s) didn't match Pod's node affinity/selector"]
        }
        if counts[node.name, default: 0] >= node.maxPods { return ["Too many pods"] }
        return try volumeReasons(volumes, node: node)
    }

    /// Picks a node for the pod, or returns the FailedScheduling message. The scheduler's choice is the
    /// feasible node with the fewest pods (the first in name order on a tie), so nodes are tried in that
    /// order and only those tried are read: on a large cluster with room, one or two nodes per pod.
    /// Only when none fits is every node read, for the message's reasons. Bound volumes that name their
    /// nodes leave only those to try.
    func pickNode(_ pod: JSONValue, volumes: VolumeFilter = VolumeFilter()) throws -> (node: NodeInfo?, message: String) {
        let names = try nodeNames()
        if names.isEmpty { return (nil, "no nodes available to schedule pods") }
        let counts = try computePodsPerNode()
        let spec = pod["spec"]
        let tolerations = spec["tolerations"].array ?? []
        let checkAffinity = !spec["nodeSelector"].isNull || !spec["affinity"]["nodeAffinity"].isNull
        if volumes.eligible != nil {
            return try pickNodeReadingAll(spec, tolerations: tolerations, checkAffinity: checkAffinity, volumes: volumes, counts: counts)
        }
        var podCounts = podCounts(names, counts)
        let tried = Int.max
        for _ in 0..<min(names.count, 8) {
            var best = -1
            for i in podCounts.indices where podCounts[i] != tried && (best < 0 || podCounts[i] < podCounts[best]) { best = i }
            guard best >= 0 else { break }
            podCounts[best] = tried
            guard let node = try nodeInfo(names[best]) else { continue }
            if try filter(spec, tolerations: tolerations, checkAffinity: checkAffinity, volumes: volumes, node: node, counts: counts).isEmpty {
                return (node, "")
            }
        }
        return try pickNodeReadingAll(spec, tolerations: tolerations, checkAffinity: checkAffinity, volumes: volumes, counts: counts)
    }

    /// `counts` by position in `names` (0 for a node without pods), kept in step with every pod write
    /// (`podOccupancyChanged`) until the nodes or the counts are read again: with 1,000 nodes, looking
    /// each one up for every pod scheduled cost more than the rest of the scheduling.
    private func podCounts(_ names: [String], _ counts: [String: Int]) -> [Int] {
        if let known = podCountsByNodeIndex { return known.counts }
        var index: [String: Int] = [:]
        index.reserveCapacity(names.count)
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        let byIndex = names.map { counts[$0, default: 0] }
        podCountsByNodeIndex = (index, byIndex)
        return byIndex
    }

    /// `pickNode` over every node (those the bound volumes name, when they do): the fewest-pods
    /// feasible node, or why none is. Nodes left out count as not satisfying VolumeBinding.
    private func pickNodeReadingAll(_ spec: JSONValue, tolerations: [JSONValue], checkAffinity: Bool,
                                    volumes: VolumeFilter, counts: [String: Int]) throws -> (node: NodeInfo?, message: String) {
        let all = try nodes()
        if all.isEmpty { return (nil, "no nodes available to schedule pods") }
        var reasons: [String: Int] = [:]
        var best: Int?
        var bestCount = 0
        var failed = 0
        for i in all.indices {
            if let eligible = volumes.eligible, !eligible.contains(all[i].name) { continue }
            let r = try filter(spec, tolerations: tolerations, checkAffinity: checkAffinity, volumes: volumes, node: all[i], counts: counts)
            if !r.isEmpty {
                for reason in r { reasons[reason, default: 0] += 1 }
                failed += 1
                continue
            }
            let count = counts[all[i].name, default: 0]
            if best == nil || count < bestCount {
                best = i
                bestCount = count
            }
        }
        if let best { return (all[best], "") }
        if failed < all.count { reasons["node(s) didn't satisfy plugin(s) [VolumeBinding]", default: 0] += all.count - failed }
        let parts = reasons.map { "\($0.value) \($0.key)" }.sorted()
        let resourceReasons = reasons.filter { $0.key == "Too many pods" }.values.reduce(0, +)
        var preemption: [String] = []
        if all.count - resourceReasons > 0 { preemption.append("\(all.count - resourceReasons) Preemption is not helpful for scheduling") }
        if resourceReasons > 0 { preemption.append("\(resourceReasons) No preemption victims found for incoming pod") }
        let message = "0/\(all.count) nodes are available: \(parts.joined(separator: ", ")). preemption: 0/\(all.count) nodes are available: \(preemption.sorted().joined(separator: ", "))."
        return (nil, message)
    }
}
