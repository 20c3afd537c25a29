import KubeModel

/// The Leases a kind v1.32 cluster holds from the start: the node's heartbeat lease in
/// kube-node-lease (its kubelet the holder, owned by the node, 40 s), the controller manager's and the
/// scheduler's leader-election leases in kube-system (15 s, held by `NODE_<uuid>`) and the API server's
/// identity lease (`apiserver-<hash>`, one hour, labelled with its identity and host).
enum SeedLeases {
    static let apiVersion = "coordination.k8s.io/v1"

    /// A MicroTime (RFC 3339 with six fraction digits) at `now`.
    static func microTime(_ now: Timestamp) -> String {
        String(now.rfc3339.dropLast()) + ".000000Z"
    }

    /// A version-4-shaped UUID made from `seed` (the holder identities' random part, stable per store).
    static func uuid(_ seed: String) -> String {
        let h = Array(stableHex64(seed).prefix(32))
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-4" + String(h[13..<16]) + "-a" + String(h[17..<20]) + "-" + String(h[20..<32])
    }

    /// The kubelet's lease for `node` (uid: the Node's, for the owner reference).
    static func nodeLease(node: String, nodeUID: String, now: Timestamp) -> JSONValue {
        ["apiVersion": .string(apiVersion), "kind": "Lease",
         "metadata": ["name": .string(node), "namespace": "kube-node-lease",
                      "ownerReferences": [["apiVersion": "v1", "kind": "Node", "name": .string(node), "uid": .string(nodeUID)]]],
         "spec": ["holderIdentity": .string(node), "leaseDurationSeconds": 40, "renewTime": .string(microTime(now))]]
    }

    /// The holder of the leader lease `name` (`kube-controller-manager`, `kube-scheduler`): the
    /// component on the control-plane node that took it.
    static func leaderIdentity(_ name: String) -> String { Seed.nodeName + "_" + uuid(name + "@" + Seed.nodeName) }

    /// The holder of the API server's identity lease `name`.
    static func apiServerIdentity(_ name: String) -> String { name + "_" + uuid(name) }

    static func leaderLease(_ name: String, now: Timestamp) -> JSONValue {
        let t = JSONValue.string(microTime(now))
        return ["apiVersion": .string(apiVersion), "kind": "Lease",
                "metadata": ["name": .string(name), "namespace": "kube-system"],
                "spec": ["acquireTime": t, "holderIdentity": .string(leaderIdentity(name)),
                         "leaseDurationSeconds": 15, "leaseTransitions": 0, "renewTime": t]]
    }

    /// The API server's identity lease: `apiserver-` and 26 base32 letters from the host name.
    static func apiServerLease(now: Timestamp) -> JSONValue {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        let hex = Array(stableHex64("apiserver@" + Seed.nodeName))
        let name = "apiserver-" + String((0..<26).map { i in alphabet[Int(String(hex[i * 2...i * 2 + 1]), radix: 16)! % 32] })
        return ["apiVersion": .string(apiVersion), "kind": "Lease",
                "metadata": ["name": .string(name), "namespace": "kube-system",
                             "labels": ["apiserver.kubernetes.io/identity": "kube-apiserver", "kubernetes.io/hostname": .string(Seed.nodeName)]],
                "spec": ["holderIdentity": .string(apiServerIdentity(name)), "leaseDurationSeconds": 3600,
                         "renewTime": .string(microTime(now))]]
    }

    static func objects(nodeUID: String, now: Timestamp) -> [JSONValue] {
        var out: [JSONValue] = []
        if !nodeUID.isEmpty { out.append(nodeLease(node: Seed.nodeName, nodeUID: nodeUID, now: now)) }
        out += [apiServerLease(now: now), leaderLease("kube-controller-manager", now: now), leaderLease("kube-scheduler", now: now)]
        return out
    }

    /// Who writes each lease.
    static func manager(_ obj: JSONValue) -> String {
        switch obj["metadata"]["namespace"].string {
        case "kube-node-lease": return "kubelet"
        default:
            let name = obj["metadata"]["name"].string ?? ""
            return name.hasPrefix("apiserver-") ? "kube-apiserver" : name
        }
    }
}
