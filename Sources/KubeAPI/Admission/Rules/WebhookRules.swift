import KubeModel

/// ValidatingWebhookConfiguration and MutatingWebhookConfiguration (admissionregistration/v1), as v1.32's
/// `validateValidatingWebhookConfiguration`/`validateMutatingWebhookConfiguration` check them after the
/// v1 defaults: per webhook a fully qualified name, its rules (operations, groups, versions, resources and
/// subresources, scope), the failure, match, side-effect and reinvocation policies, a timeout of 1..30 s,
/// the namespace and object selectors, exactly one of url and service (the url `https` with a host and
/// nothing else, the service named with a valid port and path); then its admission review versions and a
/// name unique in the configuration. Match conditions: MatchConditionRules.
enum WebhookRules {
    static let reviewVersions = ["v1", "v1beta1"]
    static let operations = ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"]
    static let scopes = ["*", "Cluster", "Namespaced"]
    static let noSideEffects = ["None", "NoneOnDryRun"]
    static let allSideEffects = ["None", "NoneOnDryRun", "Some", "Unknown"]

    /// The v1 defaults (SetDefaults_ValidatingWebhook/MutatingWebhook, _Rule, _ServiceReference).
    static func applyDefaults(_ obj: inout JSONValue, mutating: Bool) {
        guard var hooks = obj["webhooks"].array else { return }
        for i in hooks.indices where hooks[i].object != nil {
            var h = hooks[i]
            if h["failurePolicy"].isNull { h["failurePolicy"] = "Fail" }
            if h["matchPolicy"].isNull { h["matchPolicy"] = "Equivalent" }
            if h["namespaceSelector"].isNull { h["namespaceSelector"] = .emptyObject }
            if h["objectSelector"].isNull { h["objectSelector"] = .emptyObject }
            if h["timeoutSeconds"].isNull { h["timeoutSeconds"] = 10 }
            if mutating, h["reinvocationPolicy"].isNull { h["reinvocationPolicy"] = "Never" }
            if var rules = h["rules"].array {
                for r in rules.indices where rules[r].object != nil && rules[r]["scope"].isNull { rules[r]["scope"] = "*" }
                h["rules"] = .array(rules)
            }
            if h["clientConfig"]["service"].object != nil, h["clientConfig"]["service"]["port"].isNull {
                h["clientConfig"]["service"]["port"] = 443
            }
            hooks[i] = h
        }
        obj["webhooks"] = .array(hooks)
    }

    static func validate(_ obj: JSONValue, old: JSONValue?, mutating: Bool) -> [FieldError] {
        let hooks = obj["webhooks"].array ?? []
        let oldHooks = old?["webhooks"].array ?? []
        // On update the stricter checks apply only if the stored configuration already met them.
        let requireNoSideEffects = old == nil || oldHooks.allSatisfy { noSideEffects.contains($0["sideEffects"].string ?? "") }
        let requireKnownVersion = old == nil || oldHooks.allSatisfy { h in
            let versions = (h["admissionReviewVersions"].array ?? []).compactMap(\.string)
            return versions.isEmpty || versions.contains { reviewVersions.contains($0) }
        }
        let oldNames = oldHooks.map { $0["name"].string ?? "" }
        let requireUniqueNames = old == nil || Set(oldNames).count == oldNames.count
        // Label values in selectors are checked unless a stored selector already fails the strict check;
        // match conditions are not compiled again when no hook's conditions changed.
        let strictSelectors = old == nil || !oldHooks.contains { h in
            ["namespaceSelector", "objectSelector"].contains { !SchedulingRules.labelSelector(h[$0], path: "", checkValues: true).isEmpty }
        }
        let checkConditions = old == nil || hooks.count != oldHooks.count
            || zip(hooks, oldHooks).contains { $0["matchConditions"] != $1["matchConditions"] }
        // An expression some old hook already had compiles against everything the server has.
        let preexisting = Set(oldHooks.flatMap { ($0["matchConditions"].array ?? []).compactMap { $0["expression"].string } })
        var errs: [FieldError] = []
        var names = Set<String>()
        for (i, h) in hooks.enumerated() {
            let p = "webhooks[\(i)]"
            errs += webhook(h, path: p, mutating: mutating, requireNoSideEffects: requireNoSideEffects,
                            strictSelectors: strictSelectors, checkConditions: checkConditions, preexisting: preexisting)
            errs += admissionReviewVersions(h["admissionReviewVersions"], path: "\(p).admissionReviewVersions", requireKnown: requireKnownVersion)
            let name = h["name"].string ?? ""
            if requireUniqueNames, !name.isEmpty {
                if names.contains(name) { errs.append(FieldError(.duplicate, field: "\(p).name", value: .string(name))) }
                names.insert(name)
            }
        }
        return errs
    }

    static func webhook(_ h: JSONValue, path p: String, mutating: Bool, requireNoSideEffects: Bool, strictSelectors: Bool = true,
                        checkConditions: Bool = true, preexisting: Set<String> = []) -> [FieldError] {
        var errs = fullyQualifiedName(h["name"].string ?? "", path: "\(p).name")
        for (i, rule) in (h["rules"].array ?? []).enumerated() {
            errs += ruleWithOperations(rule, path: "\(p).rules[\(i)]")
        }
        if let v = h["failurePolicy"].string, !["Fail", "Ignore"].contains(v) {
            errs.append(.notSupported("\(p).failurePolicy", .string(v), supported: ["Fail", "Ignore"]))
        }
        if let v = h["matchPolicy"].string, !["Equivalent", "Exact"].contains(v) {
            errs.append(.notSupported("\(p).matchPolicy", .string(v), supported: ["Equivalent", "Exact"]))
        }
        let allowed = requireNoSideEffects ? noSideEffects : allSideEffects
        if let v = h["sideEffects"].string {
            if !allowed.contains(v) { errs.append(.notSupported("\(p).sideEffects", .string(v), supported: allowed)) }
        } else {
            errs.append(.required("\(p).sideEffects", "must specify one of \(allowed.joined(separator: ", "))"))
        }
        if let t = h["timeoutSeconds"].int, t > 30 || t < 1 {
            errs.append(FieldError(.invalid, field: "\(p).timeoutSeconds", value: .int(t), detail: "the timeout value must be between 1 and 30 seconds"))
        }
        errs += SchedulingRules.labelSelector(h["namespaceSelector"], path: "\(p).namespaceSelector", checkValues: strictSelectors)
        errs += SchedulingRules.labelSelector(h["objectSelector"], path: "\(p).objectSelector", checkValues: strictSelectors)
        if mutating, let v = h["reinvocationPolicy"].string, !["IfNeeded", "Never"].contains(v) {
            errs.append(.notSupported("\(p).reinvocationPolicy", .string(v), supported: ["IfNeeded", "Never"]))
        }
        let cc = h["clientConfig"]
        let url = cc["url"].string
        // (JSONValue takes `nil` as its null: spelled out so an absent service is none.)
        let service: JSONValue? = cc["service"].object != nil ? .some(cc["service"]) : .none
        if (url == nil) == (service == nil) {
            errs.append(.required("\(p).clientConfig", "exactly one of url or service is required"))
        } else if let url {
            errs += webhookURL(url, path: "\(p).clientConfig.url")
        } else if let service {
            errs += webhookService(service, path: "\(p).clientConfig.service")
        }
        if checkConditions {
            errs += MatchConditionRules.validate(h["matchConditions"], path: "\(p).matchConditions", preexisting: preexisting)
        }
        return errs
    }

    /// `IsFullyQualifiedName`: required, a DNS subdomain, at least three dot-separated segments.
    static func fullyQualifiedName(_ name: String, path: String) -> [FieldError] {
        if name.isEmpty { return [.required(path)] }
        let msgs = isDNS1123Subdomain(name)
        if !msgs.isEmpty { return [.invalid(path, name, msgs.joined(separator: ","))] }
        if name.split(separator: ".", omittingEmptySubsequences: false).count < 3 {
            return [.invalid(path, name, "should be a domain with at least three segments separated by dots")]
        }
        return []
    }

    static func ruleWithOperations(_ rule: JSONValue, path p: String) -> [FieldError] {
        var errs: [FieldError] = []
        let ops = (rule["operations"].array ?? []).map { $0.string ?? "" }
        if ops.isEmpty { errs.append(.required("\(p).operations")) }
        if ops.count > 1 && ops.contains("*") {
            let shown = "[]admissionregistration.OperationType{" + ops.map(strconvQuote).joined(separator: ", ") + "}"
            errs.append(FieldError(.invalid, field: "\(p).operations", value: .raw(shown), detail: "if '*' is present, must not specify other operations"))
        }
        for (i, op) in ops.enumerated() where !operations.contains(op) {
            errs.append(.notSupported("\(p).operations[\(i)]", .string(op), supported: operations))
        }
        let groups = (rule["apiGroups"].array ?? []).map { $0.string ?? "" }
        if groups.isEmpty { errs.append(.required("\(p).apiGroups")) }
        if groups.count > 1 && groups.contains("*") {
            errs.append(FieldError(.invalid, field: "\(p).apiGroups", value: .stringList(groups), detail: "if '*' is present, must not specify other API groups"))
        }
        let versions = (rule["apiVersions"].array ?? []).map { $0.string ?? "" }
        if versions.isEmpty { errs.append(.required("\(p).apiVersions")) }
        if versions.count > 1 && versions.contains("*") {
            errs.append(FieldError(.invalid, field: "\(p).apiVersions", value: .stringList(versions), detail: "if '*' is present, must not specify other API versions"))
        }
        for (i, v) in versions.enumerated() where v.isEmpty { errs.append(.required("\(p).apiVersions[\(i)]")) }
        errs += resources((rule["resources"].array ?? []).map { $0.string ?? "" }, path: "\(p).resources")
        if let scope = rule["scope"].string, !scopes.contains(scope) {
            errs.append(.notSupported("\(p).scope", .string(scope), supported: scopes))
        }
        return errs
    }

    /// `validateResources` (subresources allowed): `x/*` excludes `x/y`, `*/y` excludes `x/y`, `*/*` stands
    /// alone, `*` goes with subresources only.
    static func resources(_ list: [String], path p: String) -> [FieldError] {
        var errs: [FieldError] = []
        if list.isEmpty { errs.append(.required(p)) }
        var wildcardSub = Set<String>(), wildcardRes = Set<String>()
        var doubleWildcard = false, singleWildcard = false, plain = false
        for (i, item) in list.enumerated() {
            if item.isEmpty { errs.append(.required("\(p)[\(i)]")); continue }
            if item == "*/*" { doubleWildcard = true }
            if item == "*" { singleWildcard = true }
            guard let slash = item.firstIndex(of: "/") else {
                plain = item != "*"
                continue
            }
            let res = String(item[..<slash]), sub = String(item[item.index(after: slash)...])
            if wildcardSub.contains(res) { errs.append(.invalid("\(p)[\(i)]", item, "if '\(res)/*' is present, must not specify \(item)")) }
            if wildcardRes.contains(sub) { errs.append(.invalid("\(p)[\(i)]", item, "if '*/\(sub)' is present, must not specify \(item)")) }
            if sub == "*" { wildcardSub.insert(res) }
            if res == "*" { wildcardRes.insert(sub) }
        }
        if list.count > 1 && doubleWildcard {
            errs.append(FieldError(.invalid, field: p, value: .stringList(list), detail: "if '*/*' is present, must not specify other resources"))
        }
        if singleWildcard && plain {
            errs.append(FieldError(.invalid, field: p, value: .stringList(list), detail: "if '*' is present, must not specify other resources without subresources"))
        }
        return errs
    }

    static func admissionReviewVersions(_ value: JSONValue, path p: String, requireKnown: Bool) -> [FieldError] {
        let versions = (value.array ?? []).map { $0.string ?? "" }
        if versions.isEmpty { return [.required(p, "must specify one of \(reviewVersions.joined(separator: ", "))")] }
        var errs: [FieldError] = []
        var seen = Set<String>()
        var known = false
        for (i, v) in versions.enumerated() {
            if seen.contains(v) { errs.append(.invalid("\(p)[\(i)]", v, "duplicate version")); continue }
            seen.insert(v)
            for msg in isDNS1035Label(v) { errs.append(.invalid("\(p)[\(i)]", v, msg)) }
            if reviewVersions.contains(v) { known = true }
        }
        if requireKnown && !known {
            errs.append(FieldError(.invalid, field: p, value: .stringList(versions),
                                   detail: "must include at least one of \(reviewVersions.joined(separator: ", "))"))
        }
        return errs
    }

    /// `webhook.ValidateWebhookURL` with https forced.
    static func webhookURL(_ url: String, path p: String) -> [FieldError] {
        let form = "; desired format: https://host[/path]"
        guard let u = GoURL(url) else {
            return [.required(p, "url must be a valid URL: parse \(strconvQuote(url)): missing protocol scheme\(form)")]
        }
        if let bad = u.badPort {
            return [.required(p, "url must be a valid URL: parse \(strconvQuote(url)): invalid port \(strconvQuote(bad)) after host\(form)")]
        }
        var errs: [FieldError] = []
        if u.scheme != "https" { errs.append(.invalid(p, u.scheme, "'https' is the only allowed URL scheme\(form)")) }
        if u.host.isEmpty { errs.append(.invalid(p, u.host, "host must be provided\(form)")) }
        if let user = u.user { errs.append(.invalid(p, user, "user information is not permitted in the URL")) }
        if !u.fragment.isEmpty { errs.append(.invalid(p, u.fragment, "fragments are not permitted in the URL")) }
        if !u.query.isEmpty { errs.append(.invalid(p, u.query, "query parameters are not permitted in the URL")) }
        return errs
    }

    /// `webhook.ValidateWebhookService`: name, namespace, port, and each path segment a DNS subdomain.
    static func webhookService(_ s: JSONValue, path p: String) -> [FieldError] {
        var errs: [FieldError] = []
        if (s["name"].string ?? "").isEmpty { errs.append(.required("\(p).name", "service name is required")) }
        if (s["namespace"].string ?? "").isEmpty { errs.append(.required("\(p).namespace", "service namespace is required")) }
        let port = s["port"].int ?? 0
        if port < 1 || port > 65535 {
            errs.append(FieldError(.invalid, field: "\(p).port", value: .int(port), detail: "port is not valid: \(PodSpecRules.portRangeMessage)"))
        }
        guard let urlPath = s["path"].string, urlPath != "/", !urlPath.isEmpty else { return errs }
        if urlPath == "//" { return errs + [.invalid("\(p).path", urlPath, "segment[0] may not be empty")] }
        if !urlPath.hasPrefix("/") { errs.append(.invalid("\(p).path", urlPath, "must start with a '/'")) }
        var check = String(urlPath.dropFirst())
        if check.hasSuffix("/") { check.removeLast() }
        for (i, step) in check.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            if step.isEmpty { errs.append(.invalid("\(p).path", urlPath, "segment[\(i)] may not be empty")); continue }
            for msg in isDNS1123Subdomain(String(step)) { errs.append(.invalid("\(p).path", urlPath, "segment[\(i)]: \(msg)")) }
        }
        return errs
    }
}

/// The parts of Go's `url.Parse` the webhook checks read: scheme, userinfo, host, query and fragment.
/// nil for a URL Go cannot parse for want of a scheme (one starting with ':').
struct GoURL {
    var scheme = "", user: String?, host = "", query = "", fragment = "", badPort: String?

    init?(_ raw: String) {
        var rest = Substring(raw)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        // getScheme: a letter, then letters, digits, '+', '-', '.' up to ':'.
        for (i, c) in rest.enumerated() {
            if c.isASCII && c.isLetter { continue }
            if i > 0 && c.isASCII && (c.isNumber || c == "+" || c == "-" || c == ".") { continue }
            if c == ":" {
                if i == 0 { return nil }
                scheme = rest.prefix(i).lowercased()
                rest = rest.dropFirst(i + 1)
            }
            break
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        guard rest.hasPrefix("//") else { return }
        var authority = rest.dropFirst(2)
        if let slash = authority.firstIndex(of: "/") { authority = authority[..<slash] }
        if let at = authority.lastIndex(of: "@") {
            user = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        host = String(authority)
        // A port after the last ':' (outside an IPv6 literal) must be digits.
        if let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") {
            let port = host[host.index(after: colon)...]
            if !port.allSatisfy({ $0.isASCII && $0.isNumber }) { badPort = String(host[colon...]) }
        }
    }
}
