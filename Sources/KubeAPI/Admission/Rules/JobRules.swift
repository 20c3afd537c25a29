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
        let mode = spec["completionMode"].string
        if let mode, mode != "NonIndexed", mode != "Indexed" {
            errs.append(.notSupported("\(p).completionMode", .string(mode), supported: ["NonIndexed", "Indexed"]))
        }
        if mode == "Indexed" {
            if spec["completions"].isNull { errs.append(.required("\(p).completions", "when completion mode is Indexed")) }
            if let c = spec["completions"].int, let m = spec["maxFailedIndexes"].int, m > c {
                errs.append(FieldError(.invalid, field: "\(p).maxFailedIndexes", value: .int(Int64(m)), detail: "must be less than or equal to completions"))
            }
        } else {
            for key in ["backoffLimitPerIndex", "maxFailedIndexes"] {
                if let n = spec[key].int {
                    errs.append(FieldError(.invalid, field: "\(p).\(key)", value: .int(Int64(n)), detail: "requires indexed completion mode"))
                }
            }
        }
        errs += restartPolicy(spec, path: p)
        return errs
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
