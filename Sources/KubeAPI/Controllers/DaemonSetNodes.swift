import KubeModel
import KubeRegistry
import KubeStore

/// A DaemonSet reacts to the one node that changed (or the node of the one pod that changed) instead of
/// reading every node and every pod it owns. Each node's share of the status (wanted, scheduled, ready,
/// updated) is kept in a store setting `dsnode/<uid>/<node>`, and their totals in `dsnodes/<uid>` with
/// the generation and revision they were counted at; a node's sync moves the totals by the difference
/// of its share. A full sync (a new DaemonSet, a new template, a rolling update's step, totals counted
/// at another generation) counts every node again.
extension ControllerManager {
    struct DaemonShare: Equatable {
        var wanted = 0, scheduled = 0, ready = 0, updated = 0

        init() {}

        init(wanted: Bool, pod: JSONValue?, rev: String, ready isReady: (JSONValue) -> Bool) {
            guard wanted else { return }
            self.wanted = 1
            guard let pod else { return }
            scheduled = 1
            ready = isReady(pod) ? 1 : 0
            updated = pod["metadata"]["labels"]["controller-revision-hash"].string == rev ? 1 : 0
        }

        init?(_ text: String) {
            let parts = text.split(separator: " ").compactMap { Int($0) }
            guard parts.count == 4 else { return nil }
            (wanted, scheduled, ready, updated) = (parts[0], parts[1], parts[2], parts[3])
        }

        var text: String { "\(wanted) \(scheduled) \(ready) \(updated)" }

        static func + (a: Self, b: Self) -> Self {
            var r = a
            (r.wanted, r.scheduled, r.ready, r.updated) = (a.wanted + b.wanted, a.scheduled + b.scheduled, a.ready + b.ready, a.updated + b.updated)
            return r
        }

        static func - (a: Self, b: Self) -> Self {
            var r = a
            (r.wanted, r.scheduled, r.ready, r.updated) = (a.wanted - b.wanted, a.scheduled - b.scheduled, a.ready - b.ready, a.updated - b.updated)
            return r
        }
    }

    static let daemonSharePrefix = "dsnode/"
    static let daemonTotalsPrefix = "dsnodes/"

    /// After a full sync: every node's share (absent: none) and the totals, written where they changed.
    func rememberShares(_ ds: JSONValue, shares: [String: DaemonShare], nodes: [String], rev: (name: String, hash: String)) throws -> DaemonShare {
        let uid = ds["metadata"]["uid"].string ?? ""
        let prefix = Self.daemonSharePrefix + uid + "/"
        var stored: [String: String] = [:]
        for (k, v) in try s.tx.configEntries(withPrefix: prefix) { stored[String(k.dropFirst(prefix.count))] = v }
        var totals = DaemonShare()
        for node in nodes {
            let share = shares[node] ?? DaemonShare()
            totals = totals + share
            let text = share == DaemonShare() ? nil : share.text
            if stored.removeValue(forKey: node) != text { try s.tx.setConfig(prefix + node, text) }
        }
        for node in stored.keys { try s.tx.setConfig(prefix + node, nil) }
        try saveTotals(uid: uid, totals, generation: ds["metadata"]["generation"].int ?? 1, rev: rev)
        return totals
    }

    private func saveTotals(uid: String, _ t: DaemonShare, generation: Int64, rev: (name: String, hash: String)) throws {
        try s.tx.setConfig(Self.daemonTotalsPrefix + uid, "\(generation) \(rev.hash) \(rev.name) \(t.text)")
    }

    /// The totals and the revision they were counted at, when counted at this generation and the
    /// revision is still there (the template is the same while the generation is).
    private func totals(_ ds: JSONValue, uid: String, generation: Int64) throws -> (DaemonShare, rev: (name: String, hash: String))? {
        guard let text = try s.tx.config(Self.daemonTotalsPrefix + uid) else { return nil }
        let parts = text.split(separator: " ", maxSplits: 3).map(String.init)
        guard parts.count == 4, parts[0] == String(generation), let t = DaemonShare(parts[3]),
              try s.tx.get(resource: crType.storageKey, namespace: ds["metadata"]["namespace"].string ?? "", name: parts[2]) != nil
        else { return nil }
        return (t, (parts[2], parts[1]))
    }

    /// The DaemonSet was deleted: its shares go with it.
    func forgetShares(uid: String) throws {
        guard try s.tx.config(Self.daemonTotalsPrefix + uid) != nil else { return }
        for (k, _) in try s.tx.configEntries(withPrefix: Self.daemonSharePrefix + uid + "/") { try s.tx.setConfig(k, nil) }
        try s.tx.setConfig(Self.daemonTotalsPrefix + uid, nil)
    }

    /// Reconciles the DaemonSet on one node: its pod there created, removed or deduplicated as the full
    /// sync would, and the status moved by the node's new share. Falls back to the full sync when the
    /// totals are not current or a rolling update may take its next step.
    func syncDaemonSetNode(namespace ns: String, name: String, node: String) throws {
        guard !node.isEmpty, let ds = try live(dsType, ns, name) else { return try syncDaemonSet(namespace: ns, name: name) }
        let uid = ds["metadata"]["uid"].string ?? ""
        let generation = ds["metadata"]["generation"].int ?? 1
        guard let (before, rev) = try totals(ds, uid: uid, generation: generation) else {
            return try syncDaemonSet(namespace: ns, name: name)
        }
        let wanted = try nodeInfo(node).map { daemonWanted(ds, on: $0) } ?? false
        var pods = try daemonPods(uid: uid, namespace: ns, node: node)
        var busy = false
        var refused: PodCreationRefused?
        if wanted && pods.isEmpty {
            do {
                pods = [try createDaemonPod(ds, rev: rev, node: node)]
                busy = true
            } catch let e as PodCreationRefused {
                refused = e
            }
        } else if !wanted {
            for p in pods where !terminating(p) { try deleteDaemonPod(ds, p) }
        } else if pods.filter({ !terminating($0) }).count > 1 {
            for p in pods.filter({ !terminating($0) }).dropFirst() { try deleteDaemonPod(ds, p) }
            pods = pods.filter { !terminating($0) }.prefix(1) + pods.filter(terminating)
        }
        let key = Self.daemonSharePrefix + uid + "/" + node
        let old = try s.tx.config(key).flatMap(DaemonShare.init) ?? DaemonShare()
        let share = DaemonShare(wanted: wanted, pod: pods.first, rev: rev.hash, ready: isReady)
        let totals = before - old + share
        if share != old { try s.tx.setConfig(key, share == DaemonShare() ? nil : share.text) }
        try saveTotals(uid: uid, totals, generation: generation, rev: rev)
        // A rolling update's next step picks the first outdated node in name order: the full sync does.
        if !busy && refused == nil && ds["spec"]["updateStrategy"]["type"].string != "OnDelete"
            && totals.ready == totals.scheduled && totals.updated < totals.scheduled
        {
            return try syncDaemonSet(namespace: ns, name: name)
        }
        try saveDaemonStatus(ds, totals)
        if let refused { throw refused }
    }

    /// The DaemonSet's pods (not terminated; Terminating ones too) on `node` or waiting to be scheduled there, in name order.
    private func daemonPods(uid: String, namespace ns: String, node: String) throws -> [JSONValue] {
        var pods: [JSONValue] = []
        for value in [node, ""] {
            for row in try podSummaries(namespace: ns, node: value) where row.ownerUIDs.contains(uid) {
                guard let pod = try s.object(of: row), controllerRef(pod)?.uid == uid, !isTerminated(pod) else { continue }
                if value.isEmpty && (!(pod["spec"]["nodeName"].string ?? "").isEmpty || daemonPodNode(pod) != node) { continue }
                pods.append(pod)
            }
        }
        return pods.sorted { ($0["metadata"]["name"].string ?? "") < ($1["metadata"]["name"].string ?? "") }
    }

    /// The pods of `ns` on `node`; for "" (waiting to be scheduled) a superset: none when no pod in the
    /// store waits, else read through the namespace when it holds fewer pods than wait (the store's
    /// index would go through every waiting pod of every namespace).
    private func podSummaries(namespace ns: String, node: String) throws -> [ObjectRow] {
        if node.isEmpty {
            let waiting = try s.tx.fieldCount(FieldIndex.activeNode, value: "")
            if waiting == 0 { return [] }
            if try s.tx.count(resource: podType.storageKey, namespace: ns) < waiting {
                return try s.tx.listSummaries(resource: podType.storageKey, namespace: ns)
            }
        }
        return try s.tx.listSummaries(resource: podType.storageKey, namespace: ns, fields: [.equals("spec.nodeName", node)])
    }
}
