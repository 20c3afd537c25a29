import KubeModel

/// A Job's pod failure policy, success policy, pod replacement policy and `managedBy` (apis/batch/validation
/// v1.32: `validatePodFailurePolicy`, `validateSuccessPolicy`, `validatePodReplacementPolicy`). Value texts
/// follow Go's `%#v` of the internal batch types (the server prints heap addresses for pointers).
enum JobPolicyRules {
    static let actions = ["Count", "FailIndex", "FailJob", "Ignore"]
    static let exitCodeOperators = ["In", "NotIn"]
    static let conditionStatuses = ["False", "True", "Unknown"]
    static let replacementPolicies = ["Failed", "TerminatingOrFailed"]

    /// `%q` of a Go `[]string`: `["a" "b"]`.
    static func quotedList(_ values: [String]) -> String { "[" + values.map(strconvQuote).joined(separator: " ") + "]" }

    static func managedBy(_ spec: JSONValue, path p: String) -> [FieldError] {
        guard let value = spec["managedBy"].string else { return [] }
        var errs = domainPrefixedPath(value, field: "\(p).managedBy")
        if value.utf8.count > 63 { errs.append(.tooLong("\(p).managedBy", maxLength: 63)) }
        return errs
    }

    /// apimachinery's `IsDomainPrefixedPath`: `host/path`, the host a DNS-1123 subdomain, the path HTTP path characters.
    static func domainPrefixedPath(_ value: String, field: String) -> [FieldError] {
        if value.isEmpty { return [.required(field)] }
        let parts = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return [.invalid(field, value, #"must be a domain-prefixed path (such as "acme.io/foo")"#)]
        }
        var errs = isDNS1123Subdomain(parts[0]).map { FieldError.invalid(field, parts[0], $0) }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-._~%!$&'()*+,;=:".unicodeScalars)
        if !parts[1].unicodeScalars.allSatisfy(allowed.contains) {
            errs.append(.invalid(field, parts[1], regexError("Invalid path", #"[A-Za-z0-9/\-._~%!$&'()*+,;=:]+"#)))
        }
        return errs
    }

    static func podFailurePolicy(_ spec: JSONValue, path p: String) -> [FieldError] {
        guard !spec["podFailurePolicy"].isNull else { return [] }
        let rules = spec["podFailurePolicy"]["rules"].array ?? []
        var errs: [FieldError] = []
        if rules.count > 20 { errs.append(FieldError(.tooMany, field: "\(p).podFailurePolicy.rules", value: .int(Int64(rules.count)), detail: "must have at most 20 items")) }
        let pod = spec["template"]["spec"]
        let names = Set(((pod["containers"].array ?? []) + (pod["initContainers"].array ?? [])).map { $0["name"].string ?? "" })
        for (i, rule) in rules.enumerated() {
            errs += podFailurePolicyRule(rule, spec: spec, path: "\(p).podFailurePolicy.rules[\(i)]", containers: names)
        }
        return errs
    }

    static func podFailurePolicyRule(_ rule: JSONValue, spec: JSONValue, path rp: String, containers: Set<String>) -> [FieldError] {
        var errs: [FieldError] = []
        let action = rule["action"].string ?? ""
        if action.isEmpty {
            errs.append(.required("\(rp).action", "valid values: " + quotedList(actions)))
        } else if action == "FailIndex" {
            if spec["backoffLimitPerIndex"].isNull { errs.append(.invalid("\(rp).action", action, "requires the backoffLimitPerIndex to be set")) }
        } else if !actions.contains(action) {
            errs.append(.notSupported("\(rp).action", .string(action), supported: actions))
        }
        let hasExitCodes = !rule["onExitCodes"].isNull
        let conditions = rule["onPodConditions"].array ?? []
        if hasExitCodes { errs += onExitCodes(rule["onExitCodes"], path: "\(rp).onExitCodes", containers: containers) }
        if !conditions.isEmpty { errs += onPodConditions(conditions, path: "\(rp).onPodConditions") }
        if hasExitCodes && !conditions.isEmpty {
            errs.append(FieldError(.invalid, field: rp, value: .omitted, detail: "specifying both OnExitCodes and OnPodConditions is not supported"))
        }
        if !hasExitCodes && conditions.isEmpty {
            errs.append(FieldError(.invalid, field: rp, value: .omitted, detail: "specifying one of OnExitCodes and OnPodConditions is required"))
        }
        return errs
    }

    static func onPodConditions(_ patterns: [JSONValue], path cp: String) -> [FieldError] {
        var errs: [FieldError] = []
        if patterns.count > 20 { errs.append(FieldError(.tooMany, field: cp, value: .int(Int64(patterns.count)), detail: "must have at most 20 items")) }
        for (j, pattern) in patterns.enumerated() {
            let type = pattern["type"].string ?? ""
            errs += isQualifiedName(type).map { FieldError.invalid("\(cp)[\(j)].type", type, $0) }
            let status = pattern["status"].string ?? ""
            if status.isEmpty {
                errs.append(.required("\(cp)[\(j)].status", "valid values: " + quotedList(conditionStatuses)))
            } else if !conditionStatuses.contains(status) {
                errs.append(.notSupported("\(cp)[\(j)].status", .string(status), supported: conditionStatuses))
            }
        }
        return errs
    }

    static func onExitCodes(_ req: JSONValue, path ep: String, containers: Set<String>) -> [FieldError] {
        var errs: [FieldError] = []
        let op = req["operator"].string ?? ""
        if op.isEmpty {
            errs.append(.required("\(ep).operator", "valid values: " + quotedList(exitCodeOperators)))
        } else if !exitCodeOperators.contains(op) {
            errs.append(.notSupported("\(ep).operator", .string(op), supported: exitCodeOperators))
        }
        if let name = req["containerName"].string, !containers.contains(name) {
            errs.append(.invalid("\(ep).containerName", name, "must be one of the container or initContainer names in the pod template"))
        }
        let values = (req["values"].array ?? []).map { $0.int ?? 0 }
        let literal: FieldError.BadValue = .raw(int32SliceLiteral(req["values"]))
        if values.isEmpty {
            errs.append(FieldError(.invalid, field: "\(ep).values", value: literal, detail: "at least one value is required"))
        } else if values.count > 255 {
            errs.append(FieldError(.tooMany, field: "\(ep).values", value: .int(Int64(values.count)), detail: "must have at most 255 items"))
        }
        var seen = Set<Int64>()
        for (j, v) in values.enumerated() {
            if op == "In" && v == 0 {
                errs.append(FieldError(.invalid, field: "\(ep).values[\(j)]", value: .int(0), detail: "must not be 0 for the In operator"))
            }
            if !seen.insert(v).inserted { errs.append(FieldError(.duplicate, field: "\(ep).values[\(j)]", value: .int(v))) }
        }
        if zip(values, values.dropFirst()).contains(where: { $0 > $1 }) {
            errs.append(FieldError(.invalid, field: "\(ep).values", value: literal, detail: "must be ordered"))
        }
        return errs
    }

    /// `successPolicy` needs Indexed completion; then each rule names indexes below `completions` or a count.
    static func successPolicy(_ spec: JSONValue, path p: String) -> [FieldError] {
        let policy = spec["successPolicy"]
        guard !policy.isNull else { return [] }
        let sp = "\(p).successPolicy"
        guard spec["completionMode"].string == "Indexed" else {
            return [FieldError(.invalid, field: sp, value: .raw(successPolicyLiteral(policy)), detail: "requires indexed completion mode")]
        }
        let rules = policy["rules"].array ?? []
        var errs: [FieldError] = []
        if rules.isEmpty { errs.append(.required("\(sp).rules", "at least one rules must be specified when the successPolicy is specified")) }
        if rules.count > 20 { errs.append(FieldError(.tooMany, field: "\(sp).rules", value: .int(Int64(rules.count)), detail: "must have at most 20 items")) }
        // (v1.32 reads completions without a nil check here; a missing completions is already an error.)
        let completions = Int(spec["completions"].int ?? 0)
        for (i, rule) in rules.enumerated() {
            errs += successPolicyRule(rule, completions: completions, path: "\(sp).rules[\(i)]")
        }
        return errs
    }

    static func successPolicyRule(_ rule: JSONValue, completions: Int, path rp: String) -> [FieldError] {
        var errs: [FieldError] = []
        let indexes = rule["succeededIndexes"].string, count = rule["succeededCount"].int.map { Int($0) }
        if indexes == nil && count == nil {
            errs.append(.required(rp, "at least one of succeededCount or succeededIndexes must be specified"))
        }
        var total = 0
        if let indexes {
            if indexes.utf8.count > 64 * 1024 { errs.append(.tooLong("\(rp).succeededIndexes", maxLength: 64 * 1024)) }
            switch IndexIntervals.count(indexes, completions: completions) {
            case .success(let n): total = n
            case .failure(let e): errs.append(.invalid("\(rp).succeededIndexes", indexes, "error parsing succeededIndexes: \(e.message)"))
            }
        }
        if let count {
            let cp = "\(rp).succeededCount"
            if count < 0 { errs.append(FieldError(.invalid, field: cp, value: .int(Int64(count)), detail: WorkloadRules.isNegative)) }
            if count > completions {
                errs.append(FieldError(.invalid, field: cp, value: .int(Int64(count)),
                                       detail: "must be less than or equal to \(completions) (the number of specified completions)"))
            }
            if indexes != nil && count > total {
                errs.append(FieldError(.invalid, field: cp, value: .int(Int64(count)),
                                       detail: "must be less than or equal to \(total) (the number of indexes in the specified succeededIndexes field)"))
            }
        }
        return errs
    }

    /// `validatePodReplacementPolicy`: with a pod failure policy only `Failed`.
    static func podReplacementPolicy(_ spec: JSONValue, path p: String) -> [FieldError] {
        guard let policy = spec["podReplacementPolicy"].string else { return [] }
        if !spec["podFailurePolicy"].isNull {
            return policy == "Failed" ? [] : [.notSupported("\(p).podReplacementPolicy", .string(policy), supported: ["Failed"])]
        }
        return replacementPolicies.contains(policy) ? [] : [.notSupported("\(p).podReplacementPolicy", .string(policy), supported: replacementPolicies)]
    }

    // MARK: Go %#v of the internal batch types

    /// `[]int32{1, 2}`, `[]int32{}` or `[]int32(nil)`.
    static func int32SliceLiteral(_ v: JSONValue) -> String {
        guard let items = v.array else { return "[]int32(nil)" }
        return "[]int32{" + items.map { String($0.int ?? 0) }.joined(separator: ", ") + "}"
    }

    static func pointer(_ v: JSONValue, _ type: String) -> String {
        "(*\(type))(\(v.isNull ? "nil" : SecurityContextRules.pointer))"
    }

    static func successPolicyLiteral(_ policy: JSONValue) -> String {
        guard let rules = policy["rules"].array else { return "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule(nil)}" }
        let body = rules.map { r in
            "batch.SuccessPolicyRule{SucceededIndexes:\(pointer(r["succeededIndexes"], "string")), SucceededCount:\(pointer(r["succeededCount"], "int32"))}"
        }
        return "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{" + body.joined(separator: ", ") + "}}"
    }

    static func podFailurePolicyLiteral(_ policy: JSONValue) -> String {
        guard let rules = policy["rules"].array else { return "batch.PodFailurePolicy{Rules:[]batch.PodFailurePolicyRule(nil)}" }
        let body = rules.map { r -> String in
            let conditions: String
            if let patterns = r["onPodConditions"].array {
                conditions = "[]batch.PodFailurePolicyOnPodConditionsPattern{" + patterns.map {
                    "batch.PodFailurePolicyOnPodConditionsPattern{Type:\(strconvQuote($0["type"].string ?? "")), Status:\(strconvQuote($0["status"].string ?? ""))}"
                }.joined(separator: ", ") + "}"
            } else {
                conditions = "[]batch.PodFailurePolicyOnPodConditionsPattern(nil)"
            }
            return "batch.PodFailurePolicyRule{Action:\(strconvQuote(r["action"].string ?? "")), OnExitCodes:\(pointer(r["onExitCodes"], "batch.PodFailurePolicyOnExitCodesRequirement")), OnPodConditions:\(conditions)}"
        }
        return "batch.PodFailurePolicy{Rules:[]batch.PodFailurePolicyRule{" + body.joined(separator: ", ") + "}}"
    }
}

/// The index interval lists of an Indexed Job (`1,3-5,7`): batch validation's `validateIndexesFormat`.
enum IndexIntervals {
    struct ParseError: Error { let message: String }

    /// The number of indexes the list names, or the first parse error.
    static func count(_ text: String, completions: Int) -> Result<Int, ParseError> {
        if text.isEmpty { return .success(0) }
        var last: Int?
        var total = 0
        for interval in text.split(separator: ",", omittingEmptySubsequences: false) {
            switch parse(String(interval), completions: completions) {
            case .failure(let e): return .failure(e)
            case .success(let (x, y)):
                if let last, last >= x { return .failure(ParseError(message: "non-increasing order, previous: \(last), current: \(x)")) }
                total += y - x + 1
                last = y
            }
        }
        return .success(total)
    }

    static func parse(_ interval: String, completions: Int) -> Result<(Int, Int), ParseError> {
        let limits = interval.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if limits.count > 2 {
            return .failure(ParseError(message: "the fragment \(strconvQuote(interval)) violates the requirement that an index interval can have at most two parts separated by '-'"))
        }
        var bounds: [Int] = []
        for part in limits {
            guard let n = goAtoi(part) else { return .failure(ParseError(message: "cannot convert string to integer for index: \(strconvQuote(part))")) }
            if n >= completions { return .failure(ParseError(message: "too large index: \(strconvQuote(part))")) }
            bounds.append(n)
        }
        if bounds.count == 2 {
            if bounds[0] >= bounds[1] { return .failure(ParseError(message: "non-increasing order, previous: \(bounds[0]), current: \(bounds[1])")) }
            return .success((bounds[0], bounds[1]))
        }
        return .success((bounds[0], bounds[0]))
    }

    /// Go's `strconv.Atoi`: an optional sign then decimal digits.
    static func goAtoi(_ s: String) -> Int? {
        var digits = Substring(s)
        var negative = false
        if let f = digits.first, f == "+" || f == "-" { negative = f == "-"; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        return negative ? -n : n
    }
}
