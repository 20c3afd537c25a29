import KubeModel
import KubeRegistry
import KubeStore

/// What `kubectl-local store export` writes: the objects a user made, as manifests a real cluster
/// accepts (`kubectl apply -f`). Left out: what a cluster makes by itself (objects a controller owns,
/// events, nodes, node leases, the seed of a fresh cluster, each namespace's default ServiceAccount and root
/// CA ConfigMap) and, inside each object, what the API server or a controller assigned (status, uid,
/// resourceVersion, timestamps, generation, managedFields, cluster IPs, node names, ...).
public enum ExportRules {
    /// Kinds a cluster makes and keeps by itself.
    static let clusterKinds: Set<String> = ["Event", "Node", "ControllerRevision", "ComponentStatus"]
    static let metadataFields = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink",
                                 "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences"]
    /// Not `kubernetes.io/limit-ranger`: limit ranges are written after the pods, which keep the
    /// defaults the plugin gave them and its note of it.
    static let assignedAnnotations = ["kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
                                      "pv.kubernetes.io/bind-completed",
                                      "pv.kubernetes.io/bound-by-controller", "pv.kubernetes.io/provisioned-by",
                                      "volume.beta.kubernetes.io/storage-provisioner", "volume.kubernetes.io/storage-provisioner",
                                      "volume.kubernetes.io/selected-node"]
    static let jobLabels = ["batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "controller-uid", "job-name"]

    /// The order kinds are written in, so that `kubectl apply -f` of the stream finds what each object
    /// needs (namespaces, CRDs, service accounts, config) already there. Unlisted kinds come next, and
    /// `admissionKinds` last: a quota, limit range or webhook written earlier would judge the objects
    /// after it, which the exported store admitted before it existed (a LoadBalancer Service made before
    /// a quota of `services.loadbalancers: 0`).
    public static let kindOrder = ["Namespace", "CustomResourceDefinition", "PriorityClass", "StorageClass", "NetworkPolicy",
                                   "PodDisruptionBudget", "ServiceAccount", "Secret",
                                   "ConfigMap", "PersistentVolume", "PersistentVolumeClaim", "ClusterRole",
                                   "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Endpoints", "DaemonSet", "Pod",
                                   "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
                                   "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress"]
    public static let admissionKinds = ["LimitRange", "ResourceQuota", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
                                        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    /// A file name's base (before `.yaml`) short enough for a file system's 255-byte names: a longer one
    /// (an object name near 253 characters, percent-escaped) keeps its first 200 bytes and gets `-` and
    /// the FNV-64a of the whole; the file's content names the object.
    public static func fileBase(_ base: String) -> String {
        guard base.utf8.count > 250 else { return base }
        return String(decoding: Array(base.utf8.prefix(200)), as: UTF8.self) + "-" + hex(fnv64a(base))
    }

    /// Where an object goes in a stream that recreates a store, as `forEachExported` writes one: its
    /// kind's place (unlisted kinds after the listed, `admissionKinds` last), and a global default
    /// PriorityClass between the pods without a class and those naming one. `store import` orders the
    /// objects of its files so (a stable sort), which `--dir` exports, read in file-name order, need.
    public static func place(_ obj: JSONValue) -> (Int, Int) {
        let kind = obj["kind"].string ?? ""
        if kind == "PriorityClass" && obj["globalDefault"].bool == true { return (kindRank(of: "Pod"), 1) }
        if kind == "Pod" { return (kindRank(of: kind), (obj["spec"]["priorityClassName"].string ?? "").isEmpty ? 0 : 2) }
        return (kindRank(of: kind), 0)
    }

    static let kindRanks: [String: Int] = Dictionary(uniqueKeysWithValues:
        kindOrder.enumerated().map { ($1, $0) } + admissionKinds.enumerated().map { ($1, kindOrder.count + 1 + $0) })

    static func kindRank(of kind: String) -> Int { kindRanks[kind] ?? kindOrder.count }

    /// The kinds of `registry` in export order.
    public static func orderedTypes(_ registry: Registry) -> [ResourceType] {
        registry.types.enumerated().sorted { a, b in
            let ra = kindRank(of: a.element.kind), rb = kindRank(of: b.element.kind)
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
        if type.group == "coordination.k8s.io" && type.kind == "Lease" && ns == "kube-node-lease" { return false }  // the kubelets'
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
    /// `keepStatus`: the kind has no status subresource (a custom resource whose CRD declares none),
    /// so its status is the user's to write, as the API server keeps it.
    public static func clean(_ input: JSONValue, type: ResourceType, keepStatus: Bool = false) -> JSONValue {
        var obj = input
        if !keepStatus { obj.remove(["status"]) }
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
            case "PersistentVolume":
                // A claim named by the user binds again by name; its uid and version were this store's
                // (a claimRef whose uid no claim has is a released volume).
                obj.remove(["spec", "claimRef", "uid"])
                obj.remove(["spec", "claimRef", "resourceVersion"])
            case "PersistentVolumeClaim":
                if obj["spec"]["volumeName"].string?.hasPrefix("pvc-") ?? false { obj.remove(["spec", "volumeName"]) }
            case "Secret" where obj["type"].string == "kubernetes.io/service-account-token":
                // The tokens controller fills it again; a kept uid names this store's service account,
                // and the controller deletes a token Secret whose uid is not its service account's.
                obj.remove(["data"])
                obj.remove(["metadata", "annotations", "kubernetes.io/service-account.uid"])
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
    /// A global default PriorityClass is written among the pods: after those without a class (written
    /// later, each would get its name, which the exported store did not give them) and before those
    /// that name one (the Priority admission plugin refuses a pod whose class does not exist).
    public func forEachExported(seed: Set<String>, _ body: (JSONValue, ResourceType) throws -> Void) throws {
        var defaults: [(JSONValue, ResourceType)] = []
        var keepStatus = false
        func export(_ type: ResourceType, _ include: (JSONValue) -> Bool) throws {
            try forEachRow(type, namespace: nil, full: true) { row in
                let obj = try decode(row)
                guard include(obj), ExportRules.isExported(obj, type: type, seed: seed) else { return }
                if type.group.isEmpty && type.kind == "Endpoints", try isManagedEndpoints(obj) { return }
                if type.kind == "PriorityClass" && obj["globalDefault"].bool == true {
                    defaults.append((ExportRules.clean(obj, type: type), type))
                    return
                }
                try body(ExportRules.clean(obj, type: type, keepStatus: keepStatus), type)
            }
        }
        for type in ExportRules.orderedTypes(registry) where !Self.servesOnlyCreate(type) {
            keepStatus = try !hasStatusSubresource(type)
            guard type.group.isEmpty && type.kind == "Pod" else {
                try export(type) { _ in true }
                continue
            }
            let hasClass = { (pod: JSONValue) in !(pod["spec"]["priorityClassName"].string ?? "").isEmpty }
            try export(type) { !hasClass($0) }
            for (obj, t) in defaults { try body(obj, t) }
            defaults = []
            try export(type, hasClass)
        }
        for (obj, t) in defaults { try body(obj, t) }
    }

    /// Whether `type` has a status subresource: every built-in kind the export writes does; a custom
    /// resource when a version of its CRD declares `subresources.status`.
    func hasStatusSubresource(_ type: ResourceType) throws -> Bool {
        guard Registry.builtin.type(group: type.group, kind: type.kind) == nil,
              let crdType = registry.type(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition"),
              let crd = try find(crdType, namespace: "", name: type.plural + "." + type.group) else { return true }
        return (crd["spec"]["versions"].array ?? []).contains { !$0["subresources"]["status"].isNull }
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
