import KubeModel
import KubeRegistry

/// kind's node authorizer, the first of `--authorization-mode=Node,RBAC`: it answers only for kubelet
/// identities (`system:node:NAME` in `system:nodes`). Secrets, config maps, claims, volumes, volume
/// attachments, service-account tokens and pods are allowed when the object is related to the node
/// (a pod bound to it uses it: the authorizer's graph), leases and CSINodes when they are the node's,
/// nodes and pods as AuthorizeNodeWithSelectors (on by default in v1.32) limits them, anything else by
/// the fixed rules of the `system:node` role. A request it does not allow gets no opinion, with the
/// reason it gives (RBAC is asked next).
struct NodeAuthorizer {
    let session: APISession

    /// nil for users that are not nodes; else whether the node authorizer allows, and its reason.
    func decide(_ user: UserInfo, _ a: AuthorizationAttributes) throws -> (allowed: Bool, reason: String)? {
        guard let node = user.nodeName else { return nil }
        if node.isEmpty { return (false, "unknown node for user \(strconvQuote(user.name))") }
        guard a.path == nil else { return (Self.rulesAllow(a), "") }
        switch (a.apiGroup, a.resource) {
        case ("", "secrets"), ("", "configmaps"):
            guard ["get", "list", "watch"].contains(a.verb) else { return (false, "can only read resources of this type") }
            if !a.subresource.isEmpty { return (false, "cannot read subresource") }
            if a.namespace.isEmpty { return (false, "can only read namespaced object of this type") }
            return try related(node, a)
        case ("", "persistentvolumeclaims") where a.subresource == "status":
            guard ["update", "patch"].contains(a.verb) else { return (false, "can only get/update/patch this type") }
            return try related(node, a)
        case ("", "persistentvolumeclaims"), ("", "persistentvolumes"), ("resource.k8s.io", "resourceclaims"),
             ("storage.k8s.io", "volumeattachments"):
            return try getRelated(node, a)
        case ("", "serviceaccounts"):
            if a.verb != "create" || a.name.isEmpty { return (false, "can only create tokens for individual service accounts") }
            if a.subresource != "token" { return (false, "can only create token subresource of serviceaccount") }
            return try related(node, a)
        case ("coordination.k8s.io", "leases"):
            guard Self.ownObjectVerbs.contains(a.verb) else { return (false, "can only get, create, update, patch, or delete a node lease") }
            if a.namespace != "kube-node-lease" { return (false, "can only access leases in the \"kube-node-lease\" system namespace") }
            if a.verb != "create", a.name != node { return (false, "can only access node lease with the same name as the requesting node") }
            return (true, "")
        case ("storage.k8s.io", "csinodes"):
            guard Self.ownObjectVerbs.contains(a.verb) else { return (false, "can only get, create, update, patch, or delete a CSINode") }
            if !a.subresource.isEmpty { return (false, "cannot authorize CSINode subresources") }
            if a.verb != "create", a.name != node { return (false, "can only access CSINode with the same name as the requesting node") }
            return (true, "")
        case ("", "nodes"):
            switch (a.subresource, a.verb) {
            case ("", "create"), ("", "update"), ("", "patch"), ("status", "update"), ("status", "patch"): return (true, "")
            case ("", "get"), ("", "list"), ("", "watch"):
                if a.name == node { return (true, "") }
                return (false, a.name.isEmpty ? "node '\(node)' cannot read all nodes, only its own Node object"
                                              : "node '\(node)' cannot read '\(a.name)', only its own Node object")
            default: return (false, "")
            }
        case ("", "pods"):
            switch (a.subresource, a.verb) {
            case ("", "get"): return try getRelated(node, a)
            case ("", "list"), ("", "watch"):
                if a.fieldSelector.contains(where: { $0.field == "spec.nodeName" && $0.op == .equals && $0.value == node }) {
                    return (true, "")
                }
                if !a.name.isEmpty { return try related(node, a) }
                return (false, "can only list/watch pods with spec.nodeName field selector")
            case ("", "create"), ("", "delete"), ("status", "update"), ("status", "patch"), ("eviction", "create"): return (true, "")
            default: return (false, "")
            }
        default:
            return (Self.rulesAllow(a), "")
        }
    }

    static let ownObjectVerbs: Set<String> = ["get", "create", "update", "patch", "delete"]

    private func getRelated(_ node: String, _ a: AuthorizationAttributes) throws -> (allowed: Bool, reason: String) {
        if a.verb != "get" { return (false, "can only get individual resources of this type") }
        if !a.subresource.isEmpty { return (false, "cannot get subresource") }
        return try related(node, a)
    }

    /// The graph's answer: whether the named object is related to the node.
    private func related(_ node: String, _ a: AuthorizationAttributes) throws -> (allowed: Bool, reason: String) {
        if a.name.isEmpty { return (false, "No Object name found") }
        if try hasPath(node, a) { return (true, "") }
        return (false, "no relationship found between node '\(node)' and this object")
    }

    private func core(_ plural: String, _ group: String = "") -> ResourceType? { session.registry.type(group: group, plural: plural) }

    /// The pods bound to the node in a namespace.
    private func pods(on node: String, namespace: String) throws -> [JSONValue] {
        guard let t = core("pods") else { return [] }
        return try session.list(t, namespace: namespace, fieldValues: [("spec.nodeName", node)])
    }

    private func hasPath(_ node: String, _ a: AuthorizationAttributes) throws -> Bool {
        guard let nodeType = core("nodes"), let nodeObject = try session.find(nodeType, namespace: "", name: node) else { return false }
        switch a.resource {
        case "pods":
            guard let t = core("pods"), let pod = try session.find(t, namespace: a.namespace, name: a.name) else { return false }
            return pod["spec"]["nodeName"].string == node
        case "secrets":
            if try pods(on: node, namespace: a.namespace).contains(where: { PodReferences.secrets($0).contains(a.name) }) { return true }
            return try volumesOfNode(node).contains { PodReferences.volumeSecrets($0, namespace: a.namespace).contains(a.name) }
        case "configmaps":
            let source = nodeObject["spec"]["configSource"]["configMap"]
            if source["namespace"].string == a.namespace, source["name"].string == a.name { return true }
            return try pods(on: node, namespace: a.namespace).contains { PodReferences.configMaps($0).contains(a.name) }
        case "persistentvolumeclaims":
            return try pods(on: node, namespace: a.namespace).contains { PodReferences.claims($0).contains(a.name) }
        case "persistentvolumes":
            return try volumesOfNode(node).contains { $0["metadata"]["name"].string == a.name }
        case "serviceaccounts":
            return try pods(on: node, namespace: a.namespace).contains { ($0["spec"]["serviceAccountName"].string ?? "") == a.name }
        case "resourceclaims":
            return try pods(on: node, namespace: a.namespace).contains { pod in
                (pod["status"]["resourceClaimStatuses"].array ?? []).contains { $0["resourceClaimName"].string == a.name }
            }
        case "volumeattachments":
            guard let t = core("volumeattachments", "storage.k8s.io"),
                  let va = try session.find(t, namespace: "", name: a.name) else { return false }
            return va["spec"]["nodeName"].string == node
        default:
            return false
        }
    }

    /// The persistent volumes bound to claims that pods of the node use.
    private func volumesOfNode(_ node: String) throws -> [JSONValue] {
        guard let podType = core("pods"), let claimType = core("persistentvolumeclaims"), let pvType = core("persistentvolumes") else { return [] }
        var out: [JSONValue] = []
        for pod in try session.list(podType, namespace: nil, fieldValues: [("spec.nodeName", node)]) {
            let ns = pod["metadata"]["namespace"].string ?? ""
            for claim in PodReferences.claims(pod) {
                guard let pvc = try session.find(claimType, namespace: ns, name: claim),
                      let volume = pvc["spec"]["volumeName"].string, !volume.isEmpty,
                      let pv = try session.find(pvType, namespace: "", name: volume) else { continue }
                out.append(pv)
            }
        }
        return out
    }

    /// RBAC's rule match against the `system:node` role's rules (the node authorizer's fixed rules).
    static func rulesAllow(_ a: AuthorizationAttributes) -> Bool {
        BootstrapRBAC.nodeRules.contains { RBACRule.allows($0, a) }
    }
}

/// The objects a pod names, as the node authorizer's graph links them (podutil's visitors).
enum PodReferences {
    static func containers(_ pod: JSONValue) -> [JSONValue] {
        ["initContainers", "containers", "ephemeralContainers"].flatMap { pod["spec"][$0].array ?? [] }
    }

    static func secrets(_ pod: JSONValue) -> Set<String> {
        var out = Set((pod["spec"]["imagePullSecrets"].array ?? []).compactMap { $0["name"].string })
        for c in containers(pod) {
            out.formUnion((c["envFrom"].array ?? []).compactMap { $0["secretRef"]["name"].string })
            out.formUnion((c["env"].array ?? []).compactMap { $0["valueFrom"]["secretKeyRef"]["name"].string })
        }
        for v in pod["spec"]["volumes"].array ?? [] {
            if let name = v["secret"]["secretName"].string { out.insert(name) }
            if let name = v["azureFile"]["secretName"].string { out.insert(name) }
            if let name = v["csi"]["nodePublishSecretRef"]["name"].string { out.insert(name) }
            for key in ["cephfs", "cinder", "flexVolume", "rbd", "scaleIO", "iscsi", "storageos"] {
                if let name = v[key]["secretRef"]["name"].string { out.insert(name) }
            }
            out.formUnion((v["projected"]["sources"].array ?? []).compactMap { $0["secret"]["name"].string })
        }
        return out
    }

    static func configMaps(_ pod: JSONValue) -> Set<String> {
        var out = Set<String>()
        for c in containers(pod) {
            out.formUnion((c["envFrom"].array ?? []).compactMap { $0["configMapRef"]["name"].string })
            out.formUnion((c["env"].array ?? []).compactMap { $0["valueFrom"]["configMapKeyRef"]["name"].string })
        }
        for v in pod["spec"]["volumes"].array ?? [] {
            if let name = v["configMap"]["name"].string { out.insert(name) }
            out.formUnion((v["projected"]["sources"].array ?? []).compactMap { $0["configMap"]["name"].string })
        }
        return out
    }

    /// Claims of `persistentVolumeClaim` volumes and the `POD-VOLUME` claims of ephemeral ones.
    static func claims(_ pod: JSONValue) -> [String] {
        (pod["spec"]["volumes"].array ?? []).compactMap { v in
            if let claim = v["persistentVolumeClaim"]["claimName"].string { return claim }
            if !v["ephemeral"].isNull { return (pod["metadata"]["name"].string ?? "") + "-" + (v["name"].string ?? "") }
            return nil
        }
    }

    /// The secrets a persistent volume names (in `namespace`, where a reference without one means the claim's).
    static func volumeSecrets(_ pv: JSONValue, namespace: String) -> Set<String> {
        var out = Set<String>()
        let spec = pv["spec"]
        for (key, ref) in [("azureFile", "secretName")] {
            if let name = spec[key][ref].string, (spec[key]["secretNamespace"].string ?? namespace) == namespace { out.insert(name) }
        }
        // A reference without a namespace means the claim's for these sources...
        for key in ["cephfs", "flexVolume", "rbd", "scaleIO", "iscsi"] {
            let ref = spec[key]["secretRef"]
            if let name = ref["name"].string, (ref["namespace"].string ?? namespace) == namespace { out.insert(name) }
        }
        // ...and is taken as written for these. Of a CSI volume's references only those the kubelet
        // uses (node stage, publish, expand) link the secret to the node; the controller ones do not.
        var asWritten = [spec["cinder"]["secretRef"], spec["storageos"]["secretRef"]]
        for key in ["nodePublishSecretRef", "nodeStageSecretRef", "nodeExpandSecretRef"] { asWritten.append(spec["csi"][key]) }
        for ref in asWritten {
            if let name = ref["name"].string, ref["namespace"].string ?? "" == namespace { out.insert(name) }
        }
        return out
    }
}
