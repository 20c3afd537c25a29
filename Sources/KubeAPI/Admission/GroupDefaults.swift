import KubeModel

/// Defaults of the API groups beyond core and apps that validation relies on (SetDefaults_* of
/// rbac/v1, batch/v1 and discovery/v1): a binding's `roleRef.apiGroup` and its subjects' API groups,
/// a pod failure policy's condition status, and the ports of Endpoints and EndpointSlices.
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
}
