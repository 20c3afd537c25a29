import KubeModel
import KubeRegistry
import KubeStore

/// A kubelet's node status posts, as a client reads its Node: with node leases the kubelet posts its
/// status when something in it changes and otherwise every nodeStatusReportFrequency (5 min by
/// default in v1.32), and each post sets `lastHeartbeatTime` on every condition (`lastTransitionTime`
/// only moves with a status change). Nothing is written per post: a node is served with its conditions'
/// last post at or before now, counted in closed form from the stored latest `lastHeartbeatTime`, so the
/// cost of a read does not grow with idle time. A kubelet that stopped (Ready Unknown: the lifecycle
/// controller marked it 40 s after its last lease renewal) posts nothing after it stopped.
enum NodeHeartbeat {
    static let reportFrequency: Int64 = 300

    static func isNode(_ type: ResourceType) -> Bool { type.group == "" && type.kind == "Node" }

    /// `node` with its kubelet's posts up to `until` (seconds), or nil when it has posted none since stored.
    static func served(_ node: JSONValue, until: Int64) -> JSONValue? {
        guard var conditions = node["status"]["conditions"].array, !conditions.isEmpty else { return nil }
        let beats = conditions.compactMap { $0["lastHeartbeatTime"].string.flatMap(Timestamp.init(rfc3339:))?.seconds }
        guard let last = beats.max() else { return nil }
        var stop = until
        if let ready = conditions.first(where: { $0["type"].string == "Ready" }), ready["status"].string == "Unknown" {
            guard let since = ready["lastTransitionTime"].string.flatMap(Timestamp.init(rfc3339:))?.seconds else { return nil }
            stop = min(stop, since - LeaseRenewal.kubeletDuration)
        }
        let tick = LeaseRenewal.lastTick(from: last, period: reportFrequency, until: stop)
        guard tick > last else { return nil }
        let at = JSONValue.string(Timestamp(seconds: tick).rfc3339)
        for i in conditions.indices where conditions[i]["lastHeartbeatTime"].string != nil {
            conditions[i]["lastHeartbeatTime"] = at
        }
        var out = node
        out["status"]["conditions"] = .array(conditions)
        if var entries = out["metadata"]["managedFields"].array,
           let i = entries.lastIndex(where: { $0["manager"].string == "kubelet" && $0["subresource"].string == "status" }) {
            entries[i]["time"] = at
            out["metadata"]["managedFields"] = .array(entries)
        }
        return out
    }
}

extension APISession {
    /// The node as read now (`NodeHeartbeat`); any other object as it is.
    func servedNode(_ obj: JSONValue, as type: ResourceType) -> JSONValue {
        guard NodeHeartbeat.isNode(type) else { return obj }
        return NodeHeartbeat.served(obj, until: now.seconds) ?? obj
    }
}
