import KubeModel

/// `ValidatePodUpdate` (v1.32): a running pod's spec changes only in container images,
/// activeDeadlineSeconds (lowered), added tolerations and removed scheduling gates. The Forbidden
/// message lists the updatable fields like the API server, then go-cmp's diff of the old spec and the
/// new one with the updatable fields put back (`GoCmp`).
enum PodUpdateRules {
    static let updatable = [
        "`spec.containers[*].image`",
        "`spec.initContainers[*].image`",
        "`spec.activeDeadlineSeconds`",
        "`spec.tolerations` (only additions to existing tolerations)",
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    ]

    static func validate(_ obj: JSONValue, old: JSONValue) -> [FieldError] {
        let new = obj["spec"], was = old["spec"]
        var errs: [FieldError] = []
        for key in ["containers", "initContainers"] {
            let a = new[key].array ?? [], b = was[key].array ?? []
            if a.count != b.count {
                return [FieldError(.forbidden, field: "spec.\(key)", detail: "pod updates may not add or remove containers")]
            }
        }
        if let n = new["activeDeadlineSeconds"].int {
            if n < 0 || n > Int(Int32.max) {
                return errs + [FieldError(.invalid, field: "spec.activeDeadlineSeconds", value: .int(Int64(n)),
                                          detail: "must be between 0 and 2147483647, inclusive")]
            }
            if let o = was["activeDeadlineSeconds"].int, o < n {
                return errs + [FieldError(.invalid, field: "spec.activeDeadlineSeconds", value: .int(Int64(n)),
                                          detail: "must be less than or equal to previous value")]
            }
        } else if !was["activeDeadlineSeconds"].isNull {
            errs.append(FieldError(.invalid, field: "spec.activeDeadlineSeconds", value: .null,
                                   detail: "must not update from a positive integer to nil value"))
        }
        if new == was { return errs }
        var munged = new
        for key in ["containers", "initContainers"] {
            guard var list = munged[key].array else { continue }
            let oldList = was[key].array ?? []
            for i in list.indices { list[i]["image"] = oldList[i]["image"] }
            munged[key] = .array(list)
        }
        for key in ["activeDeadlineSeconds", "schedulingGates", "tolerations"] {
            if was[key].isNull { munged.remove([key]) } else { munged[key] = was[key] }
        }
        if let o = was["terminationGracePeriodSeconds"].int, o < 0, munged["terminationGracePeriodSeconds"].int == 1 {
            munged["terminationGracePeriodSeconds"] = was["terminationGracePeriodSeconds"]
        }
        if munged != was {
            let detail = "pod updates may not change fields other than " + updatable.joined(separator: ",") + "\n"
                + GoCmp.diff(podSpec(was), podSpec(munged))
            errs.append(FieldError(.forbidden, field: "spec", detail: detail))
        }
        return errs
    }

    /// The internal `core.PodSpec` a v1 spec converts to: the host namespace fields live in its
    /// (always present) security context.
    static func podSpec(_ spec: JSONValue) -> GoValue {
        var s = spec
        if s["securityContext"].object == nil { s["securityContext"] = .emptyObject }
        for key in ["hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "hostUsers"] where !spec[key].isNull {
            s["securityContext"][key] = spec[key]
        }
        return GoValues.value(s, .named("PodSpec"))
    }
}
