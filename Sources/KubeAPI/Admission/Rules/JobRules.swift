import KubeModel

/// A Job's spec (apis/batch/validation v1.32 `validateJobSpec`), for a Job and a CronJob's job template:
/// non-negative counts, the per-index backoff fields only in Indexed mode, completions required in
/// Indexed mode, and a pod template that restarts OnFailure or Never (Never with a pod failure policy).
enum JobRules {
    static func jobSpec(_ spec: JSONValue, path p: String) -> [FieldError] {
        guard spec.object != nil else { return [] }
        var errs: [FieldError] = []
        for key in ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished",
                    "backoffLimitPerIndex", "maxFailedIndexes"] {
            if let n = spec[key].int, n < 0 {
                errs.append(FieldError(.invalid, field: "\(p).\(key)", value: .int(Int64(n)), detail: WorkloadRules.isNegative))
            }
            if key == "maxFailedIndexes", !spec[key].isNull, spec["backoffLimitPerIndex"].isNull {
                errs.append(.required("\(p).backoffLimitPerIndex", "when maxFailedIndexes is specified"))
            }
        }
        errs += JobPolicyRules.managedBy(spec, path: p)
        let mode = spec["completionMode"].string
        if let mode, mode != "NonIndexed", mode != "Indexed" {
            errs.append(.notSupported("\(p).completionMode", .string(mode), supported: ["NonIndexed", "Indexed"]))
        }
        if mode == "Indexed" {
            errs += indexedLimits(spec, path: p)
        } else if mode == nil || mode == "NonIndexed" {
            for key in ["backoffLimitPerIndex", "maxFailedIndexes"] {
                if let n = spec[key].int {
                    errs.append(FieldError(.invalid, field: "\(p).\(key)", value: .int(Int64(n)), detail: "requires indexed completion mode"))
                }
            }
        }
        errs += JobPolicyRules.podFailurePolicy(spec, path: p)
        errs += JobPolicyRules.successPolicy(spec, path: p)
        errs += JobPolicyRules.podReplacementPolicy(spec, path: p)
        errs += restartPolicy(spec, path: p)
        return errs
    }

    /// Indexed mode: completions required, and the bounds on parallelism and failed indexes.
    static func indexedLimits(_ spec: JSONValue, path p: String) -> [FieldError] {
        var errs: [FieldError] = []
        let completions = spec["completions"].int, parallelism = spec["parallelism"].int, maxFailed = spec["maxFailedIndexes"].int
        func over(_ key: String, _ n: Int64, _ detail: String) { errs.append(FieldError(.invalid, field: "\(p).\(key)", value: .int(n), detail: detail)) }
        if completions == nil { errs.append(.required("\(p).completions", "when completion mode is Indexed")) }
        if let parallelism, parallelism > 100_000 { over("parallelism", parallelism, "must be less than or equal to 100000 when completion mode is Indexed") }
        if let c = completions, let m = maxFailed, m > c { over("maxFailedIndexes", m, "must be less than or equal to completions") }
        if let m = maxFailed, m > 100_000 { over("maxFailedIndexes", m, "must be less than or equal to 100000") }
        if let c = completions, c > 100_000, !spec["backoffLimitPerIndex"].isNull {
            let high = "when completions are above 100000 and used with backoff limit per index"
            if maxFailed == nil { errs.append(.required("\(p).maxFailedIndexes", "must be specified when completions is above 100000")) }
            if let parallelism, parallelism > 10_000 { over("parallelism", parallelism, "must be less than or equal to 10000 \(high)") }
            if let m = maxFailed, m > 10_000 { over("maxFailedIndexes", m, "must be less than or equal to 10000 \(high)") }
        }
        return errs
    }

    /// A Job's name plus its highest index must stay a DNS label (an Indexed Job's pods are named so).
    static func indexedName(_ obj: JSONValue) -> [FieldError] {
        guard obj["spec"]["completionMode"].string == "Indexed", let c = obj["spec"]["completions"].int, c > 0 else { return [] }
        let name = obj["metadata"]["name"].string ?? ""
        let host = "\(name)-\(c - 1)"
        guard !isDNS1123Label(host).isEmpty else { return [] }
        return [.invalid("metadata.name", name, "will not able to create pod with invalid DNS label: \(host)")]
    }

    /// The template's restart policy: defaulted to Always when unset, which a Job refuses.
    static func restartPolicy(_ spec: JSONValue, path p: String) -> [FieldError] {
        let field = "\(p).template.spec.restartPolicy"
        let policy = spec["template"]["spec"]["restartPolicy"].string ?? ""
        if policy == "Always" || policy.isEmpty {
            return [.required(field, #"valid values: "OnFailure", "Never""#)]
        }
        if policy != "OnFailure" && policy != "Never" {
            return [.notSupported(field, .string(policy), supported: ["OnFailure", "Never"])]
        }
        if !spec["podFailurePolicy"].isNull && policy != "Never" {
            return [.invalid(field, policy, #"only "Never" is supported when podFailurePolicy is specified"#)]
        }
        return []
    }
}
