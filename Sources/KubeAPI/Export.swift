import KubeModel
import KubeRegistry
import KubeStore

/// What `kubectl-local store export` writes: the objects a user made, as manifests a real cluster
/// accepts (`kubectl apply -f`). Left out: what a cluster makes by itself (objects a controller owns,
/// events, nodes, leases, the seed of a fresh cluster, each namespace's default ServiceAccount and root
/// CA ConfigMap) and, inside each object, what the API server or a controller assigned (status, uid,
/// resourceVersion, timestamps, generation, managedFields, cluster IPs, node names, ...).
public enum ExportRules {
    /// Kinds a cluster makes and keeps by itself.
    static let clusterKinds: Set<String> = ["Event", "Node", "Lease", "EndpointSlice", "ControllerRevision",
                                            "ComponentStatus"]
    static let metadataFields = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink",
                                 "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences"]
    static let assignedAnnotations = ["kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
                                      "kubernetes.io/limit-ranger", "pv.kubernetes.io/bind-completed",
                                      "pv.kubernetes.io/bound-by-controller", "pv.kubernetes.io/provisioned-by",
                                      "volume.beta.kubernetes.io/storage-provisioner", "volume.kubernetes.io/storage-provisioner",
                                      "volume.kubernetes.io/selected-node"]
    static let jobLabels = ["batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "controller-uid", "job-name"]

    /// The order kinds are written in, so that `kubectl apply -f` of the stream finds what each object
    /// needs (namespaces, CRDs, service accounts, config) already there. Unlisted kinds come last.
    public static let kindOrder = ["Namespace", "CustomResourceDefinition", "PriorityClass", "StorageClass", "NetworkPolicy",
                                   "ResourceQuota", "LimitRange", "PodDisruptionBudget", "ServiceAccount", "Secret",
                                   "ConfigMap", "PersistentVolume", "PersistentVolumeClaim", "ClusterRole",
                                   "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Endpoints", "DaemonSet", "Pod",
                                   "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
                                   "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress"]

    /// The kinds of `registry` in export order.
    public static func orderedTypes(_ registry: Registry) -> [ResourceType] {
        let rank = Dictionary(uniqueKeysWithValues: kindOrder.enumerated().map { ($1, $0) })
        return registry.types.enumerated().sorted { a, b in
            let ra = rank[a.element.kind] ?? Int.max, rb = rank[b.element.kind] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// Whether an object is the user's to export (before `clean`); `seed` holds the keys of a fresh store.
    static func isExported(_ obj: JSONValue, type: ResourceType, seed: Set<String>) -> Bool {
        if clusterKinds.contains(type.kind) { return false }
        let meta = obj["metadata"]
        let ns = meta["namespace"].string ?? "", name = meta["name"].string ?? ""
        if seed.contains(key(type, ns, name)) { return false }
        if (meta["ownerReferences"].array ?? []).contains(where: { $0["controller"].bool == true }) { return false }
        if type.group.isEmpty {
            if type.kind == "ServiceAccount" && name == "default" { return false }
            // Volumes a provisioner made for a claim: the real cluster provisions its own.
            if type.kind == "PersistentVolume" && !meta["annotations"]["pv.kubernetes.io/provisioned-by"].isNull { return false }
            if type.kind == "ConfigMap" && name == "kube-root-ca.crt" { return false }
        }
        return true
    }

    static func key(_ type: ResourceType, _ namespace: String, _ name: String) -> String {
        type.storageKey + "|" + (type.namespaced ? namespace : "") + "|" + name
    }

    /// The object without what the cluster assigned.
    public static func clean(_ input: JSONValue, type: ResourceType) -> JSONValue {
        var obj = input
        obj.remove(["status"])
        for f in metadataFields { obj.remove(["metadata", f]) }
        for a in assignedAnnotations { obj.remove(["metadata", "annotations", a]) }
        if type.group.isEmpty {
            switch type.kind {
            case "Service": cleanService(&obj)
            case "Pod": cleanPodSpec(&obj, path: ["spec"])
            case "Namespace":
                obj.remove(["spec"])
                obj.remove(["metadata", "labels", "kubernetes.io/metadata.name"])
            case "PersistentVolume" where input["metadata"]["annotations"]["pv.kubernetes.io/bound-by-controller"].string == "yes":
                obj.remove(["spec", "claimRef"])
            case "PersistentVolumeClaim":
                if obj["spec"]["volumeName"].string?.hasPrefix("pvc-") ?? false { obj.remove(["spec", "volumeName"]) }
            case "Secret" where obj["type"].string == "kubernetes.io/service-account-token":
                obj.remove(["data"])
            default: break
            }
        }
        if type.group == "batch" && type.kind == "Job" && obj["spec"]["manualSelector"].bool != true {
            obj.remove(["spec", "selector"])
            for label in jobLabels {
                obj.remove(["metadata", "labels", label])
                obj.remove(["spec", "template", "metadata", "labels", label])
            }
            if obj["spec"]["template"]["metadata"]["labels"].object?.isEmpty ?? false {
                obj.remove(["spec", "template", "metadata", "labels"])
            }
        }
        if type.group == "rbac.authorization.k8s.io" && type.kind == "ClusterRole" && !obj["aggregationRule"].isNull {
            obj.remove(["rules"])
        }
        for map in ["labels", "annotations"] where obj["metadata"][map].object?.isEmpty ?? false {
            obj.remove(["metadata", map])
        }
        return obj
    }

    static func cleanService(_ obj: inout JSONValue) {
        if obj["spec"]["clusterIP"].string != "None" {
            obj.remove(["spec", "clusterIP"])
            obj.remove(["spec", "clusterIPs"])
        }
        obj.remove(["spec", "healthCheckNodePort"])
        if var ports = obj["spec"]["ports"].array {
            for i in ports.indices { ports[i].remove(["nodePort"]) }
            obj["spec"]["ports"] = .array(ports)
        }
    }

    /// A pod spec without the scheduler's node, the service-account token volume the admission plugin
    /// added and the default not-ready/unreachable tolerations.
    static func cleanPodSpec(_ obj: inout JSONValue, path: [String]) {
        obj.remove(path + ["nodeName"])
        obj.remove(path + ["priority"])  // the Priority admission plugin derives it again
        let injected = { (v: JSONValue) in v["name"].string?.hasPrefix("kube-api-access-") ?? false }
        if let volumes = obj.at(path + ["volumes"]).array {
            let kept = volumes.filter { !injected($0) }
            if kept.isEmpty { obj.remove(path + ["volumes"]) } else { obj.set(path + ["volumes"], .array(kept)) }
        }
        for list in ["containers", "initContainers"] {
            guard var containers = obj.at(path + [list]).array else { continue }
            for i in containers.indices {
                guard let mounts = containers[i]["volumeMounts"].array else { continue }
                let kept = mounts.filter { !injected($0) }
                if kept.isEmpty { containers[i].remove(["volumeMounts"]) } else { containers[i]["volumeMounts"] = .array(kept) }
            }
            obj.set(path + [list], .array(containers))
        }
        if let tolerations = obj.at(path + ["tolerations"]).array {
            let kept = tolerations.filter { t in
                !(["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].contains(t["key"].string ?? "")
                    && t["tolerationSeconds"].int == 300)
            }
            if kept.isEmpty { obj.remove(path + ["tolerations"]) } else { obj.set(path + ["tolerations"], .array(kept)) }
        }
    }
}

extension APIServer {
    /// The keys of what a fresh store holds (its seed), which an export leaves out.
    public func seedKeys() throws -> Set<String> {
        let fresh = try APIServer.inMemory(registry: registry, clock: clock)
        return try fresh.read { s in
            var keys: Set<String> = []
            for type in registry.types where !APISession.servesOnlyCreate(type) {
                try s.forEachRow(type, namespace: nil, full: false) { keys.insert(ExportRules.key(type, $0.namespace, $0.name)) }
            }
            return keys
        }
    }

    /// The schema version of the store file.
    public var schemaVersion: Int32 { Store.schemaVersion }
}

extension APISession {
    /// Calls `body` with each object to export, cleaned, in export order (streamed type by type).
    public func forEachExported(seed: Set<String>, _ body: (JSONValue, ResourceType) throws -> Void) throws {
        for type in ExportRules.orderedTypes(registry) where !Self.servesOnlyCreate(type) {
            try forEachRow(type, namespace: nil, full: true) { row in
                let obj = try decode(row)
                guard ExportRules.isExported(obj, type: type, seed: seed) else { return }
                if type.group.isEmpty && type.kind == "Endpoints", try isManagedEndpoints(obj) { return }
                try body(ExportRules.clean(obj, type: type), type)
            }
        }
    }

    /// Endpoints the endpoints controller keeps for a Service with a selector.
    func isManagedEndpoints(_ obj: JSONValue) throws -> Bool {
        guard let service = registry.type(group: "", kind: "Service"),
              let svc = try find(service, namespace: obj["metadata"]["namespace"].string ?? "", name: obj["metadata"]["name"].string ?? "")
        else { return false }
        return !(svc["spec"]["selector"].object?.isEmpty ?? true)
    }

    /// How many objects of `type` the store holds.
    public func count(_ type: ResourceType) throws -> Int {
        try tx.count(resource: type.storageKey, namespace: nil)
    }
}
