import KubeModel
import KubeRegistry

/// Puts kube-system in place: in a new store as it is created, and once in a store created before
/// kube-system was seeded, or seeded at an older level (the store setting `seed.kube-system` records the
/// level done; level 2 added the `kubernetes` Service's Endpoints and EndpointSlice, level 3 the bootstrap
/// policy's controller roles and bindings, API Priority and Fairness's bootstrap objects and the
/// leases). Objects the user
/// already created under the same names are left alone. No events are recorded: a cluster's
/// start-up events have long expired by the time anyone looks.
extension Seed {
    static let kubeSystemLevel = "3"

    /// Who makes a kube-system object on a kind cluster: the API server its bootstrap RBAC and priority
    /// classes, the kubelet its mirror pods, kubeadm the rest.
    static func seedManager(_ obj: JSONValue, kind: String) -> String {
        if kind == "FlowSchema" || kind == "PriorityLevelConfiguration" { return FlowControlBootstrap.manager }
        if kind == "Lease" { return SeedLeases.manager(obj) }
        if kind == "PriorityClass" || obj["metadata"]["labels"]["kubernetes.io/bootstrapping"].string == "rbac-defaults" {
            return "kube-apiserver"
        }
        return kind == "Pod" ? "kubelet" : "kubeadm"
    }

    /// `done`: the level a store already has (nil: none), whose objects are not made again (one the user
    /// deleted stays deleted).
    static func installKubeSystem(into s: APISession, done: String? = nil) throws {
        let savedManager = s.fieldManager
        defer { s.fieldManager = savedManager }
        let nodeType = s.registry.type(group: "", kind: "Node")!
        let nodeUID = try s.find(nodeType, namespace: "", name: nodeName)?["metadata"]["uid"].string ?? ""
        s.controllers.muteEvents = true
        defer { s.controllers.muteEvents = false }
        var objects: [JSONValue] = []
        if done == nil {
            objects = KubeSystemSeed.objects(nodeUID: nodeUID, now: s.now)
            objects.append(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "cluster-info", "namespace": "kube-public"],
                            "data": ["kubeconfig": .string(KubeSystemFiles.clusterInfoKubeconfig)]])
        }
        if done == nil || done == "1" { objects += apiServerEndpoints() }  // level 2
        objects += levelThree(nodeUID: nodeUID, now: s.now)
        for obj in objects {
            let gvk = GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "")
            guard let type = s.registry.type(group: gvk.group, kind: gvk.kind) else { continue }
            let ns = obj["metadata"]["namespace"].string ?? ""
            if type.kind == "Pod", nodeUID.isEmpty { continue }
            s.fieldManager.manager = ns == "default" ? "kube-apiserver" : seedManager(obj, kind: type.kind)
            if try s.find(type, namespace: ns, name: obj["metadata"]["name"].string ?? "") != nil { continue }
            let made = try s.create(obj, type: type, namespace: ns)
            if !obj["status"].isNull, made["status"] != obj["status"] {
                // What the component's own controller writes once the object exists (a flow schema's
                // Dangling condition).
                var withStatus = made
                withStatus["status"] = obj["status"]
                s.fieldManager.manager = FlowControlBootstrap.statusManager
                _ = try s.update(withStatus, type: type, subresource: "status")
            }
        }
        try s.tx.setConfig("seed.kube-system", kubeSystemLevel)
    }
}

extension Seed {
    /// Level 3: the per-controller roles and bindings, the flow schemas and priority levels, the leases.
    static func levelThree(nodeUID: String, now: Timestamp) -> [JSONValue] {
        BootstrapRBAC.controllerRoles() + BootstrapRBAC.controllerRoleBindings() + FlowControlBootstrap.objects(now: now)
            + SeedLeases.objects(nodeUID: nodeUID, now: now)
    }
}

extension APIServer {
    /// Seeds kube-system in a store that predates it or its level (one read per command otherwise).
    func upgradeSeed() throws {
        guard try read({ try $0.tx.config("seed.kube-system") }) != Seed.kubeSystemLevel else { return }
        try write { s in
            let done = try s.tx.config("seed.kube-system")
            guard done != Seed.kubeSystemLevel else { return }
            try Seed.installKubeSystem(into: s, done: done)
        }
    }
}
