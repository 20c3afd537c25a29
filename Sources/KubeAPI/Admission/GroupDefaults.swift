import KubeModel

/// Defaults of the API groups beyond core and apps (SetDefaults_* of rbac/v1, batch/v1, discovery/v1
/// and networking/v1): a binding's `roleRef.apiGroup` and its subjects' API groups, a pod failure
/// policy's condition status, the ports of Endpoints and EndpointSlices, a NetworkPolicy's policy
/// types and port protocols, an IngressClass's parameters scope.
extension Defaults {
    static let rbacGroup = "rbac.authorization.k8s.io"

    /// RoleBinding / ClusterRoleBinding: `roleRef.apiGroup` and User/Group subjects default to the RBAC group.
    static func roleBinding(_ obj: inout JSONValue) {
        if obj["roleRef"].object != nil, (obj["roleRef"]["apiGroup"].string ?? "").isEmpty {
            obj["roleRef"]["apiGroup"] = .string(rbacGroup)
        }
        guard var subjects = obj["subjects"].array else { return }
        // (A ServiceAccount subject's group stays empty, which Go leaves out of the JSON.)
        for i in subjects.indices where (subjects[i]["apiGroup"].string ?? "").isEmpty
            && ["User", "Group"].contains(subjects[i]["kind"].string ?? "") {
            subjects[i]["apiGroup"] = .string(rbacGroup)
        }
        obj["subjects"] = .array(subjects)
    }

    /// A pod failure policy's `onPodConditions[].status` defaults to `True`.
    static func podFailurePolicy(_ spec: inout JSONValue) {
        guard var rules = spec["podFailurePolicy"]["rules"].array else { return }
        for r in rules.indices {
            guard var patterns = rules[r]["onPodConditions"].array else { continue }
            for p in patterns.indices where (patterns[p]["status"].string ?? "").isEmpty && patterns[p].object != nil {
                patterns[p]["status"] = "True"
            }
            rules[r]["onPodConditions"] = .array(patterns)
        }
        spec["podFailurePolicy"]["rules"] = .array(rules)
    }

    /// Endpoints: each subset port's protocol defaults to TCP (core/v1 SetDefaults_EndpointPort).
    static func endpoints(_ obj: inout JSONValue) {
        guard var subsets = obj["subsets"].array else { return }
        for s in subsets.indices {
            guard var ports = subsets[s]["ports"].array else { continue }
            for p in ports.indices where ports[p].object != nil && ports[p]["protocol"].isNull { ports[p]["protocol"] = "TCP" }
            subsets[s]["ports"] = .array(ports)
        }
        obj["subsets"] = .array(subsets)
    }

    /// EndpointSlice: a port's name defaults to "" and its protocol to TCP (discovery/v1
    /// SetDefaults_EndpointPort), so kubectl's describer always finds a protocol to print.
    static func endpointSlice(_ obj: inout JSONValue) {
        guard var ports = obj["ports"].array else { return }
        for p in ports.indices where ports[p].object != nil {
            if ports[p]["name"].isNull { ports[p]["name"] = "" }
            if ports[p]["protocol"].isNull { ports[p]["protocol"] = "TCP" }
        }
        obj["ports"] = .array(ports)
    }

    /// NetworkPolicy: without policy types a policy affects ingress, and egress too when it has egress
    /// rules; a rule port's protocol defaults to TCP.
    static func networkPolicy(_ obj: inout JSONValue) {
        guard obj["spec"].object != nil else { return }
        if (obj["spec"]["policyTypes"].array ?? []).isEmpty {
            let egress = !(obj["spec"]["egress"].array ?? []).isEmpty
            obj["spec"]["policyTypes"] = .array(egress ? ["Ingress", "Egress"] : ["Ingress"])
        }
        for direction in ["ingress", "egress"] {
            guard var rules = obj["spec"][direction].array else { continue }
            for r in rules.indices {
                guard var ports = rules[r]["ports"].array else { continue }
                for p in ports.indices where ports[p].object != nil && ports[p]["protocol"].isNull { ports[p]["protocol"] = "TCP" }
                rules[r]["ports"] = .array(ports)
            }
            obj["spec"][direction] = .array(rules)
        }
    }

    /// IngressClass: parameters without a scope are cluster-scoped.
    static func ingressClass(_ obj: inout JSONValue) {
        if obj["spec"]["parameters"].object != nil, obj["spec"]["parameters"]["scope"].isNull {
            obj["spec"]["parameters"]["scope"] = "Cluster"
        }
    }
}
