import KubeModel

/// Defaults of the API groups beyond core and apps (SetDefaults_* of rbac/v1, batch/v1, discovery/v1,
/// networking/v1, flowcontrol/v1, admissionregistration/v1 and apiregistration/v1): a binding's
/// `roleRef.apiGroup` and its subjects' API groups, a pod failure policy's condition status, the ports of
/// Endpoints and EndpointSlices, a NetworkPolicy's policy types and port protocols, an IngressClass's
/// parameters scope, a FlowSchema's precedence and a priority level's shares and queues, a validating
/// admission policy's failure policy and match defaults, an APIService's service port.
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
            for p in ports.indices where ports[p].object != nil && (ports[p]["protocol"].string ?? "").isEmpty { ports[p]["protocol"] = "TCP" }
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

    /// FlowSchema (flowcontrol/v1 SetDefaults_FlowSchemaSpec): a matching precedence of 0 or none is 1000.
    static func flowSchema(_ obj: inout JSONValue) {
        guard obj["spec"].object != nil else { return }
        if (obj["spec"]["matchingPrecedence"].int ?? 0) == 0 { obj["spec"]["matchingPrecedence"] = 1000 }
    }

    /// PriorityLevelConfiguration (flowcontrol/v1): a limited level's nominal shares default to 30 (0 is kept:
    /// a "jail"), lendable percent to 0, a queuing configuration's zeros to 64 queues, hand size 8 and
    /// queue length 50; an exempt level's shares and lendable percent to 0.
    static func priorityLevel(_ obj: inout JSONValue) {
        if obj["spec"]["limited"].object != nil {
            var l = obj["spec"]["limited"]
            if l["nominalConcurrencyShares"].isNull { l["nominalConcurrencyShares"] = 30 }
            if l["lendablePercent"].isNull { l["lendablePercent"] = 0 }
            if l["limitResponse"]["queuing"].object != nil {
                for (key, value) in [("queues", 64), ("handSize", 8), ("queueLengthLimit", 50)]
                where (l["limitResponse"]["queuing"][key].int ?? 0) == 0 {
                    l["limitResponse"]["queuing"][key] = .int(Int64(value))
                }
            }
            obj["spec"]["limited"] = l
        }
        if obj["spec"]["exempt"].object != nil {
            for key in ["nominalConcurrencyShares", "lendablePercent"] where obj["spec"]["exempt"][key].isNull {
                obj["spec"]["exempt"][key] = 0
            }
        }
    }

    /// ValidatingAdmissionPolicy and its binding (admissionregistration/v1): a policy's failure policy is Fail;
    /// match resources get matchPolicy Equivalent and empty namespace and object selectors (which match all);
    /// a rule's scope is `*`.
    static func admissionPolicy(_ obj: inout JSONValue, kind: String) {
        guard obj["spec"].object != nil else { return }
        if kind == "ValidatingAdmissionPolicy", obj["spec"]["failurePolicy"].isNull { obj["spec"]["failurePolicy"] = "Fail" }
        let key = kind == "ValidatingAdmissionPolicy" ? "matchConstraints" : "matchResources"
        guard var m = obj["spec"][key].object.map(JSONValue.object) else { return }
        if m["matchPolicy"].isNull { m["matchPolicy"] = "Equivalent" }
        for selector in ["namespaceSelector", "objectSelector"] where m[selector].isNull { m[selector] = .emptyObject }
        for rules in ["resourceRules", "excludeResourceRules"] {
            guard var list = m[rules].array else { continue }
            for i in list.indices where list[i].object != nil && list[i]["scope"].isNull { list[i]["scope"] = "*" }
            m[rules] = .array(list)
        }
        obj["spec"][key] = m
    }

    /// CSIDriver (storage/v1 SetDefaults_CSIDriver, v1.32 with SELinuxMountReadWriteOncePod on): attachment
    /// required, no pod info on mount, no capacity tracking, fsGroup applied for ReadWriteOnce volumes with
    /// an fsType, persistent volumes only, no republish, no SELinux mount option.
    static func csiDriver(_ obj: inout JSONValue) {
        setIfMissing(&obj, ["spec", "attachRequired"], true)
        setIfMissing(&obj, ["spec", "podInfoOnMount"], false)
        setIfMissing(&obj, ["spec", "storageCapacity"], false)
        setIfMissing(&obj, ["spec", "fsGroupPolicy"], "ReadWriteOnceWithFSType")
        if (obj["spec"]["volumeLifecycleModes"].array ?? []).isEmpty { obj["spec"]["volumeLifecycleModes"] = ["Persistent"] }
        setIfMissing(&obj, ["spec", "requiresRepublish"], false)
        setIfMissing(&obj, ["spec", "seLinuxMount"], false)
    }

    /// APIService (apiregistration/v1 SetDefaults_ServiceReference): a service without a port is on 443.
    static func apiService(_ obj: inout JSONValue) {
        if obj["spec"]["service"].object != nil, obj["spec"]["service"]["port"].isNull { obj["spec"]["service"]["port"] = 443 }
    }
}
