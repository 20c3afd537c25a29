import KubeModel
import KubeRegistry

/// Puts kube-system in place: in a new store as it is created, and once in a store created before
/// kube-system was seeded (the store setting `seed.kube-system` records that it was done). Objects the
/// user already created under the same names are left alone. No events are recorded: a cluster's
/// start-up events have long expired by the time anyone looks.
extension Seed {
    static let kubeSystemLevel = "1"

    /// Who makes a kube-system object on a kind cluster: the API server its bootstrap RBAC and priority
    /// classes, the kubelet its mirror pods, kubeadm the rest.
    static func seedManager(_ obj: JSONValue, kind: String) -> String {
        if kind == "PriorityClass" || obj["metadata"]["labels"]["kubernetes.io/bootstrapping"].string == "rbac-defaults" {
            return "kube-apiserver"
        }
        return kind == "Pod" ? "kubelet" : "kubeadm"
    }

    static func installKubeSystem(into s: APISession) throws {
        let savedManager = s.fieldManager
        defer { s.fieldManager = savedManager }
        let nodeType = s.registry.type(group: "", kind: "Node")!
        let nodeUID = try s.find(nodeType, namespace: "", name: nodeName)?["metadata"]["uid"].string ?? ""
        s.controllers.muteEvents = true
        defer { s.controllers.muteEvents = false }
        var objects = KubeSystemSeed.objects(nodeUID: nodeUID, now: s.now)
        objects.append(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "cluster-info", "namespace": "kube-public"],
                        "data": ["kubeconfig": .string(KubeSystemFiles.clusterInfoKubeconfig)]])
        for obj in objects {
            let gvk = GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "")
            guard let type = s.registry.type(group: gvk.group, kind: gvk.kind) else { continue }
            let ns = obj["metadata"]["namespace"].string ?? ""
            if type.kind == "Pod", nodeUID.isEmpty { continue }
            s.fieldManager.manager = seedManager(obj, kind: type.kind)
            if try s.find(type, namespace: ns, name: obj["metadata"]["name"].string ?? "") != nil { continue }
            _ = try s.create(obj, type: type, namespace: ns)
        }
        try s.tx.setConfig("seed.kube-system", kubeSystemLevel)
    }
}

extension APIServer {
    /// Seeds kube-system in a store that predates it (one read per command otherwise).
    func upgradeSeed() throws {
        guard try read({ try $0.tx.config("seed.kube-system") }) == nil else { return }
        try write { s in
            guard try s.tx.config("seed.kube-system") == nil else { return }
            try Seed.installKubeSystem(into: s)
        }
    }
}
