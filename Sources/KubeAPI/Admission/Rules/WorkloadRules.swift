import KubeModel

/// Workload validation (apps and core v1.32): replicas are non-negative, a ReplicationController has
/// a selector that matches its template, controller templates restart Always, and selectors (plus a
/// StatefulSet's fixed fields and a Job's completions) cannot change on update.
enum WorkloadRules {
    static let isNegative = "must be greater than or equal to 0"

    /// `compared`: the object as the update rules compare it with the stored one (`AdmissionRequest.compared`:
    /// apiequality.Semantic.DeepEqual takes an empty list or map for a nil one); `obj` when not given.
    static func validate(_ obj: JSONValue, old: JSONValue?, group: String, kind: String, compared: JSONValue? = nil) -> [FieldError] {
        var errs: [FieldError] = []
        let new = compared ?? obj
        switch (group, kind) {
        case ("", "ReplicationController"):
            errs += replicas(obj)
            errs += replicationController(obj)
            errs += templateRestartAlways(obj)
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"):
            errs += replicas(obj)
            errs += templateRestartAlways(obj)
            // A StatefulSet's selector is one of its fixed fields (one Forbidden error for all of them).
            if let old { errs += kind == "StatefulSet" ? statefulSetUpdate(new, old) : immutableSelector(new, old) }
        case ("apps", "DaemonSet"):
            errs += templateRestartAlways(obj)
            errs += daemonSetRollingUpdate(obj)
            if let old { errs += immutableSelector(new, old) }
        case ("batch", "Job"):
            errs += JobRules.jobSpec(obj["spec"], path: "spec")
            if let old { errs += jobUpdate(new, old) } else { errs += JobRules.indexedName(obj) }
        case ("batch", "CronJob"):
            errs += CronJobRules.validate(obj)
            errs += JobRules.jobSpec(obj["spec"]["jobTemplate"]["spec"], path: "spec.jobTemplate.spec")
            errs += CronJobRules.afterJobTemplate(obj, create: old == nil)
        default:
            break
        }
        if group == "apps" && kind == "Deployment" { errs += deploymentStrategy(obj) + rollingUpdate(obj) }
        if group == "apps" && kind == "StatefulSet" { errs += statefulSetPolicies(obj) }
        return errs
    }

    /// `ValidateRollingUpdateDeployment`: both bounds valid ints or percents, not both 0, and
    /// maxUnavailable at most 100%.
    static func rollingUpdate(_ obj: JSONValue) -> [FieldError] {
        let ru = obj["spec"]["strategy"]["rollingUpdate"]
        guard ru.object != nil, (obj["spec"]["strategy"]["type"].string ?? "RollingUpdate") == "RollingUpdate" else { return [] }
        let p = "spec.strategy.rollingUpdate", unavailable = ru["maxUnavailable"], surge = ru["maxSurge"]
        var errs: [FieldError] = []
        for (key, v) in [("maxUnavailable", unavailable), ("maxSurge", surge)] where !v.isNull {
            var each: [FieldError] = []
            AutoscalingRules.positiveIntOrPercent(v, path: "\(p).\(key)", into: &each)
            errs += each.filter { $0.detail != overPercent }
        }
        func value(_ v: JSONValue) -> Int? {
            if let n = v.int { return Int(n) }
            guard let t = v.string else { return v.isNull ? 0 : nil }
            return t.hasSuffix("%") ? Int(t.dropLast()) ?? 0 : Int(t) ?? 0
        }
        if value(unavailable) == 0 && value(surge) == 0 {
            errs.append(FieldError(.invalid, field: "\(p).maxUnavailable", value: .raw(intOrStringLiteral(unavailable)),
                                   detail: "may not be 0 when `maxSurge` is 0"))
        }
        if let t = unavailable.string, t.hasSuffix("%"), let n = Int(t.dropLast()), n > 100 {
            errs.append(FieldError(.invalid, field: "\(p).maxUnavailable", value: .raw(intOrStringLiteral(unavailable)), detail: overPercent))
        }
        return errs
    }

    static let overPercent = "must not be greater than 100%"

    /// `ValidateStatefulSetSpec`'s pod management policy and claim retention policy.
    static func statefulSetPolicies(_ obj: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        if let policy = obj["spec"]["podManagementPolicy"].string, policy != "OrderedReady", policy != "Parallel" {
            errs.append(.invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"))
        }
        for key in ["whenDeleted", "whenScaled"] {
            if let v = obj["spec"]["persistentVolumeClaimRetentionPolicy"][key].string, v != "Retain", v != "Delete" {
                errs.append(.notSupported("spec.persistentVolumeClaimRetentionPolicy.\(key)", .string(v), supported: ["Delete", "Retain"]))
            }
        }
        return errs
    }

    /// `ValidateRollingUpdateDaemonSet`: both bounds valid, at most 100%, exactly one of them non-zero.
    static func daemonSetRollingUpdate(_ obj: JSONValue) -> [FieldError] {
        let ru = obj["spec"]["updateStrategy"]["rollingUpdate"]
        guard ru.object != nil, obj["spec"]["updateStrategy"]["type"].string != "OnDelete" else { return [] }
        let p = "spec.updateStrategy.rollingUpdate"
        var errs: [FieldError] = []
        for key in ["maxUnavailable", "maxSurge"] where !ru[key].isNull {
            AutoscalingRules.positiveIntOrPercent(ru[key], path: "\(p).\(key)", into: &errs)
        }
        func value(_ v: JSONValue) -> Int64 {
            if let n = v.int { return n }
            guard let t = v.string, t.hasSuffix("%") else { return 0 }
            return Int64(t.dropLast()) ?? 0
        }
        let unavailable = value(ru["maxUnavailable"]) != 0, surge = value(ru["maxSurge"]) != 0
        if unavailable && surge {
            errs.append(FieldError(.invalid, field: "\(p).maxSurge", value: .raw(intOrStringLiteral(ru["maxSurge"])),
                                   detail: "may not be set when maxUnavailable is non-zero"))
        } else if !unavailable && !surge {
            errs.append(.required("\(p).maxUnavailable", "cannot be 0 when maxSurge is 0"))
        }
        return errs
    }

    /// `%#v` of an `intstr.IntOrString`.
    static func intOrStringLiteral(_ v: JSONValue) -> String {
        if let s = v.string { return "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(strconvQuote(s))}" }
        return "intstr.IntOrString{Type:0, IntVal:\(v.int ?? 0), StrVal:\"\"}"
    }

    /// `ValidateDeploymentStrategy`: a Recreate deployment has no rollingUpdate (what a server-side
    /// apply switching to Recreate meets when the defaulted rollingUpdate has no owner to remove it);
    /// another type than Recreate or RollingUpdate (defaulting fills only a missing one) is refused with
    /// the whole strategy as the bad value, `%#v` of the internal `apps.DeploymentStrategy`.
    static func deploymentStrategy(_ obj: JSONValue) -> [FieldError] {
        let strategy = obj["spec"]["strategy"]
        let type = strategy["type"].string ?? "RollingUpdate"
        if type != "Recreate" && type != "RollingUpdate" {
            let pointer = strategy["rollingUpdate"].isNull ? "nil" : "0xc000000000"
            let value = "apps.DeploymentStrategy{Type:\(strconvQuote(type)), RollingUpdate:(*apps.RollingUpdateDeployment)(\(pointer))}"
            return [.notSupported("spec.strategy", .raw(value), supported: ["Recreate", "RollingUpdate"])]
        }
        guard type == "Recreate", !strategy["rollingUpdate"].isNull else { return [] }
        return [FieldError(.forbidden, field: "spec.strategy.rollingUpdate", detail: "may not be specified when strategy `type` is 'Recreate'")]
    }

    static func replicas(_ obj: JSONValue) -> [FieldError] {
        guard let n = obj["spec"]["replicas"].int, n < 0 else { return [] }
        return [FieldError(.invalid, field: "spec.replicas", value: .int(Int64(n)), detail: isNegative)]
    }

    /// `ValidateNonEmptySelector` and `ValidatePodTemplateSpecForRC`.
    static func replicationController(_ obj: JSONValue) -> [FieldError] {
        let selector = obj["spec"]["selector"].stringMap
        if selector.isEmpty { return [.required("spec.selector")] }
        guard obj["spec"]["template"].object != nil else { return [.required("spec.template")] }
        var labels: [String: String] = [:]
        for (k, v) in obj["spec"]["template"]["metadata"]["labels"].stringMap { labels[k] = v }
        if selector.allSatisfy({ labels[$0.0] == $0.1 }) { return [] }
        return [FieldError(.invalid, field: "spec.template.metadata.labels", value: .raw(goMapLiteral(labels)),
                           detail: "`selector` does not match template `labels`")]
    }

    static func templateRestartAlways(_ obj: JSONValue) -> [FieldError] {
        guard let policy = obj["spec"]["template"]["spec"]["restartPolicy"].string, policy != "Always",
            PodSpecRules.restartPolicies.contains(policy) else { return [] }
        return [.notSupported("spec.template.spec.restartPolicy", .string(policy), supported: ["Always"])]
    }

    /// apps/v1 selectors are immutable: `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`.
    static func immutableSelector(_ obj: JSONValue, _ old: JSONValue) -> [FieldError] {
        let new = obj["spec"]["selector"], was = old["spec"]["selector"]
        guard normalizedSelector(new) != normalizedSelector(was) else { return [] }
        return [FieldError(.invalid, field: "spec.selector", value: .raw(labelSelectorLiteral(new)), detail: "field is immutable")]
    }

    static func normalizedSelector(_ s: JSONValue) -> JSONValue {
        var o = s
        if o["matchLabels"].object?.isEmpty == true { o.remove(["matchLabels"]) }
        if o["matchExpressions"].array?.isEmpty == true { o.remove(["matchExpressions"]) }
        return o
    }

    static let statefulSetMutable: Set<String> = [
        "replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds",
    ]

    static func statefulSetUpdate(_ obj: JSONValue, _ old: JSONValue) -> [FieldError] {
        var a = obj["spec"], b = old["spec"]
        for k in statefulSetMutable { a.remove([k]); b.remove([k]) }
        guard a != b else { return [] }
        return [FieldError(.forbidden, field: "spec", detail: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")]
    }

    /// `ValidateJobSpecUpdate`'s immutable fields, in its order.
    static func jobUpdate(_ obj: JSONValue, _ old: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        let spec = obj["spec"], was = old["spec"]
        func immutable(_ key: String, _ value: FieldError.BadValue) {
            if spec[key] != was[key] { errs.append(FieldError(.invalid, field: "spec.\(key)", value: value, detail: "field is immutable")) }
        }
        func scalar(_ v: JSONValue) -> FieldError.BadValue { v.int.map { .int(Int64($0)) } ?? v.string.map { .string($0) } ?? .null }
        if spec["completionMode"].string != "Indexed" {
            immutable("completions", scalar(spec["completions"]))
        } else if spec["completions"] != was["completions"], let c = spec["completions"].int, c != spec["parallelism"].int {
            // An Indexed Job may change completions only together with parallelism (elastic Indexed Jobs).
            errs.append(FieldError(.invalid, field: "spec.completions", value: .int(Int64(c)), detail: "can only be modified in tandem with spec.parallelism"))
        }
        immutable("selector", .raw(labelSelectorLiteral(spec["selector"])))
        if jobTemplateChanged(obj, old) {
            // The API server prints the whole internal PodTemplateSpec (pointers as addresses); we abbreviate it.
            errs.append(FieldError(.invalid, field: "spec.template",
                                   value: .raw("core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{...}, Spec:core.PodSpec{...}}"),
                                   detail: "field is immutable"))
        }
        immutable("completionMode", scalar(spec["completionMode"]))
        immutable("podFailurePolicy", spec["podFailurePolicy"].isNull ? .null : .raw(JobPolicyRules.podFailurePolicyLiteral(spec["podFailurePolicy"])))
        immutable("backoffLimitPerIndex", scalar(spec["backoffLimitPerIndex"]))
        immutable("managedBy", scalar(spec["managedBy"]))
        immutable("successPolicy", spec["successPolicy"].isNull ? .null : .raw(JobPolicyRules.successPolicyLiteral(spec["successPolicy"])))
        return errs
    }

    /// A Job's pod template cannot change, except its scheduling directives (node selector and
    /// affinity, tolerations, scheduling gates, labels, annotations) while the Job is suspended and
    /// has not started.
    static func jobTemplateChanged(_ obj: JSONValue, _ old: JSONValue) -> Bool {
        var a = obj["spec"]["template"], b = old["spec"]["template"]
        if a == b { return false }
        let suspendedNotStarted = obj["spec"]["suspend"].bool == true && old["status"]["startTime"].isNull
        if suspendedNotStarted {
            for path in [["metadata", "labels"], ["metadata", "annotations"], ["spec", "nodeSelector"], ["spec", "tolerations"],
                         ["spec", "schedulingGates"], ["spec", "affinity", "nodeAffinity"]] {
                a.remove(path); b.remove(path)
            }
            if a["spec"]["affinity"].object?.isEmpty == true { a.remove(["spec", "affinity"]) }
            if b["spec"]["affinity"].object?.isEmpty == true { b.remove(["spec", "affinity"]) }
        }
        return a != b
    }

    // MARK: Go %#v of the values these errors show

    /// `map[string]string{"app":"web"}` (keys sorted).
    static func goMapLiteral(_ m: [String: String]) -> String {
        if m.isEmpty { return "map[string]string(nil)" }
        let body = m.keys.sorted(by: goStringLess).map { "\(strconvQuote($0)):\(strconvQuote(m[$0]!))" }.joined(separator: ", ")
        return "map[string]string{\(body)}"
    }

    /// `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
    static func labelSelectorLiteral(_ s: JSONValue) -> String {
        var labels: [String: String] = [:]
        for (k, v) in s["matchLabels"].stringMap { labels[k] = v }
        let exprs = s["matchExpressions"].array ?? []
        let exprText: String
        if exprs.isEmpty {
            exprText = "[]v1.LabelSelectorRequirement(nil)"
        } else {
            exprText = "[]v1.LabelSelectorRequirement{" + exprs.map { e -> String in
                let values = e["values"].array.map { "[]string{" + $0.compactMap(\.string).map(strconvQuote).joined(separator: ", ") + "}" } ?? "[]string(nil)"
                return "v1.LabelSelectorRequirement{Key:\(strconvQuote(e["key"].string ?? "")), Operator:\(strconvQuote(e["operator"].string ?? "")), Values:\(values)}"
            }.joined(separator: ", ") + "}"
        }
        return "v1.LabelSelector{MatchLabels:\(goMapLiteral(labels)), MatchExpressions:\(exprText)}"
    }
}
