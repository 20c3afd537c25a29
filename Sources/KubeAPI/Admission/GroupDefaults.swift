import KubeModel

/// Defaults of the API groups beyond core and apps that validation relies on (SetDefaults_* of
/// rbac/v1 and batch/v1): a binding's `roleRef.apiGroup` and its subjects' API groups, and a pod
/// failure policy's condition status.
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
}
