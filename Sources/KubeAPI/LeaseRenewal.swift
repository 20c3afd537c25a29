import KubeModel
import KubeRegistry
import KubeStore

/// The heartbeats of the cluster's live components, as a client reads their Leases: a kubelet renews
/// its node's lease in kube-node-lease every 10 s (holder the node, 40 s), the controller manager and
/// the scheduler their leader-election leases every 2 s, the API server its identity lease every 10 s.
/// Nothing is written per renewal: a lease is served with the last renewal at or before now, counted
/// from its stored `renewTime` in closed form, so reading it costs the same after ten seconds or a year
/// and an idle store writes nothing. A write of the lease (a user's edit) stores what was served.
/// A node's kubelet renews while the node exists and does not report Unknown (the lifecycle controller
/// marks a node Unknown once its lease has gone 40 s without renewal, so renewals stop 40 s before the
/// condition's transition). Leader and identity leases renew while their holder is still the
/// component that took them; a lease another holder took is left as it is.
enum LeaseRenewal {
    static let nodeLeaseNamespace = "kube-node-lease"
    static let kubeletInterval: Int64 = 10
    static let kubeletDuration: Int64 = 40
    static let leaderRetryPeriod: Int64 = 2
    static let identityInterval: Int64 = 10

    static func isLease(_ type: ResourceType) -> Bool { type.group == "coordination.k8s.io" && type.kind == "Lease" }

    /// Who renews `lease` and how often: the renewal period and the component's field manager, or nil
    /// for a lease no live component of the cluster holds.
    static func renewer(_ lease: JSONValue) -> (period: Int64, manager: String)? {
        let meta = lease["metadata"]
        let name = meta["name"].string ?? ""
        let holder = lease["spec"]["holderIdentity"].string
        switch meta["namespace"].string {
        case nodeLeaseNamespace?:
            return (kubeletInterval, "kubelet")
        case "kube-system"?:
            if name == "kube-controller-manager" || name == "kube-scheduler" {
                return holder == SeedLeases.leaderIdentity(name) ? (leaderRetryPeriod, name) : nil
            }
            if name.hasPrefix("apiserver-"), holder == SeedLeases.apiServerIdentity(name) {
                return (identityInterval, "kube-apiserver")
            }
            return nil
        default:
            return nil
        }
    }

    /// The last renewal tick at or before `until`, counting from `last` every `period` seconds.
    static func lastTick(from last: Int64, period: Int64, until: Int64) -> Int64 {
        guard until > last else { return last }
        return last + (until - last) / period * period
    }

    /// `lease` as its renewer has kept it up to `until` (seconds), or nil when it has not renewed it since
    /// it was stored.
    static func renewed(_ lease: JSONValue, period: Int64, manager: String, until: Int64) -> JSONValue? {
        guard let text = lease["spec"]["renewTime"].string, let last = Timestamp(rfc3339: text) else { return nil }
        let tick = lastTick(from: last.seconds, period: period, until: until)
        guard tick > last.seconds else { return nil }
        var out = lease
        // The fraction of the second the renewals happen at stays that of the stored one.
        let fraction = text.firstIndex(of: ".").map { String(text[$0...].dropLast()) } ?? ".000000"
        let at = Timestamp(seconds: tick)
        out["spec"]["renewTime"] = .string(String(at.rfc3339.dropLast()) + fraction + "Z")
        if manager == "kubelet" {
            // The kubelet writes its whole lease each time: holder and duration come back if changed.
            let node = lease["metadata"]["name"].string ?? ""
            out["spec"]["holderIdentity"] = .string(node)
            out["spec"]["leaseDurationSeconds"] = .int(kubeletDuration)
        }
        if var entries = out["metadata"]["managedFields"].array,
           let i = entries.lastIndex(where: { $0["manager"].string == manager && $0["operation"].string == "Update" }) {
            entries[i]["time"] = .string(at.rfc3339)
            out["metadata"]["managedFields"] = .array(entries)
        }
        return out
    }
}

extension APISession {
    /// The lease as read now (`LeaseRenewal`); any other object as it is.
    func servedLease(_ obj: JSONValue, as type: ResourceType) throws -> JSONValue {
        guard LeaseRenewal.isLease(type), let (period, manager) = LeaseRenewal.renewer(obj) else { return obj }
        var until = now.seconds
        if manager == "kubelet" {
            guard let limit = try kubeletAlive(node: obj["metadata"]["name"].string ?? "") else { return obj }
            until = min(until, limit)
        }
        return LeaseRenewal.renewed(obj, period: period, manager: manager, until: until) ?? obj
    }

    /// Until when the kubelet of `node` ran: nil when there is no such node, the distant future while it
    /// runs, 40 s before its Ready condition became Unknown once it stopped.
    func kubeletAlive(node: String) throws -> Int64? {
        guard let nodeType = registry.type(group: "", kind: "Node"),
              let n = try stored(nodeType, namespace: "", name: node)?.object else { return nil }
        let ready = (n["status"]["conditions"].array ?? []).first { $0["type"].string == "Ready" }
        guard let ready, ready["status"].string == "Unknown" else { return Int64.max }
        let since = ready["lastTransitionTime"].string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? Int64.min + LeaseRenewal.kubeletDuration
        return since - LeaseRenewal.kubeletDuration
    }

    /// A row of `type` whose lease was renewed since it was stored, with its data and cells as read now.
    func servedLeaseRow(_ row: ObjectRow, type: ResourceType) throws -> ObjectRow {
        let obj = try decode(row)
        let served = try servedLease(obj, as: type)
        guard served != obj else { return row }
        var out = row
        out.data = served.jsonString(.compactOrdered)
        out.cells = storedCells(for: served, type: type)
        return out
    }
}

/// A node's lease deleted while its kubelet runs: the kubelet's next renewal (10 s after its last one)
/// finds it gone and creates it again, as its lease controller does (an update of the vanished lease
/// fails, so it falls back to a get and a create of a fresh lease: holder the node, 40 s, renewed at
/// that tick, owned by the node; a new uid). One timer per lease (`nodelease/<leases>/kube-node-lease/
/// <node>`), set at the delete; when it falls due, a lease made meanwhile, a node gone or a kubelet
/// stopped by then leaves nothing to do. A kwok-managed node's lease is its Stages' business.
extension APISession {
    static let nodeLeaseTimer = "nodelease"

    /// After a delete of `lease`: the timer of its kubelet's next renewal, when one will come.
    func nodeLeaseDeleted(_ lease: JSONValue, type: ResourceType) throws {
        guard LeaseRenewal.isLease(type), lease["metadata"]["namespace"].string == LeaseRenewal.nodeLeaseNamespace,
              let name = lease["metadata"]["name"].string, let node = try kubeletNode(name),
              let last = lease["spec"]["renewTime"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
        else { return }
        let period = LeaseRenewal.kubeletInterval
        let due = LeaseRenewal.lastTick(from: last, period: period, until: now.seconds) + period
        guard due <= (try kubeletAlive(node: name) ?? Int64.min), node["metadata"]["deletionTimestamp"].isNull else { return }
        try Timers.set(tx, id: Timers.objectID(Self.nodeLeaseTimer, type.storageKey, LeaseRenewal.nodeLeaseNamespace, name), due: due)
    }

    /// The renewal after a delete fell due: the kubelet of node `name` creates its lease again.
    func nodeLeaseRenewalDue(node name: String) throws {
        guard let node = try kubeletNode(name), node["metadata"]["deletionTimestamp"].isNull,
              now.seconds <= (try kubeletAlive(node: name) ?? Int64.min) else { return }
        let saved = (fieldManager, componentClient)
        fieldManager = FieldManagerContext(manager: "kubelet")
        componentClient = true
        defer { (fieldManager, componentClient) = saved }
        // Without kube-node-lease (deleted, or going) the create fails; the next renewal would try again.
        try? createIfPossible(SeedLeases.nodeLease(node: name, nodeUID: node["metadata"]["uid"].string ?? "", now: now))
    }

    /// The Node `name` when a kubelet of ours runs it (not one kwok manages).
    private func kubeletNode(_ name: String) throws -> JSONValue? {
        guard let nodeType = registry.type(group: "", kind: "Node"), let node = try stored(nodeType, namespace: "", name: name)?.object,
              node["metadata"]["annotations"]["kwok.x-k8s.io/node"].string != "fake" else { return nil }
        return node
    }
}
