#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// ControllerRevision (apps/v1 `ValidateControllerRevision`/`Update`): `data` is required, the revision is
/// not negative, and on update `data` may not change (its bytes as the decoder kept them: kubectl sends
/// compact JSON with sorted keys; the value prints as Go's `%#v` of the `runtime.Unknown` holding them).
enum ControllerRevisionRules {
    static func validate(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        var errs: [FieldError] = []
        if obj["data"].isNull { errs.append(.required("data", "data is mandatory")) }
        let revision = obj["revision"].int ?? 0
        if revision < 0 {
            errs.append(FieldError(.invalid, field: "revision", value: .int(revision), detail: "must be greater than or equal to 0"))
        }
        if let old, old["data"].compactJSON != obj["data"].compactJSON {
            errs.append(FieldError(.invalid, field: "data", value: unknownValue(obj["data"]), detail: "field is immutable"))
        }
        return errs
    }

    /// `%#v` of the `*runtime.Unknown` the conversion made of the data (nil data prints as `null`).
    static func unknownValue(_ data: JSONValue) -> FieldError.BadValue {
        if data.isNull { return .null }
        let bytes = Array(data.compactJSON.utf8).map { "0x" + String($0, radix: 16) }.joined(separator: ", ")
        return .raw("runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:\"\", Kind:\"\"}, Raw:[]uint8{\(bytes)}, "
                    + "ContentEncoding:\"\", ContentType:\"application/json\"}")
    }
}

/// FlowSchema and PriorityLevelConfiguration (flowcontrol/v1, v1.32 validation; the same rules on
/// update). Status is reset on create, so only the spec is checked; the mandatory `exempt` and
/// `catch-all` objects keep their fixed specs (`FlowControlMandatory`).
enum FlowControlRules {
    static let verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "proxy", "update", "watch"]
    static let maxMatchingPrecedence = 10000
    static let nsIntro = "each member of this list must be '*' or a DNS-1123 label; "

    // MARK: FlowSchema

    static func flowSchema(_ obj: JSONValue) -> [FieldError] {
        let spec = obj["spec"], name = obj["metadata"]["name"].string ?? ""
        var errs: [FieldError] = []
        let precedence = spec["matchingPrecedence"].int ?? 0
        if precedence <= 0 {
            errs.append(FieldError(.invalid, field: "spec.matchingPrecedence", value: .int(precedence), detail: "must be a positive value"))
        }
        if precedence > maxMatchingPrecedence {
            errs.append(FieldError(.invalid, field: "spec.matchingPrecedence", value: .int(precedence),
                                   detail: "must not be greater than \(maxMatchingPrecedence)"))
        }
        if precedence == 1 && name != "exempt" {
            errs.append(FieldError(.invalid, field: "spec.matchingPrecedence", value: .int(precedence),
                                   detail: "only the schema named 'exempt' may have matchingPrecedence 1"))
        }
        if spec["distinguisherMethod"].object != nil {
            let type = spec["distinguisherMethod"]["type"].string ?? ""
            if type != "ByNamespace" && type != "ByUser" {
                errs.append(.notSupported("spec.distinguisherMethod.type",
                                          .raw("flowcontrol.FlowDistinguisherMethod{Type:\(strconvQuote(type))}"),
                                          supported: ["ByNamespace", "ByUser"]))
            }
        }
        let level = spec["priorityLevelConfiguration"]["name"].string ?? ""
        if level.isEmpty {
            errs.append(.required("spec.priorityLevelConfiguration.name", "must reference a priority level"))
        } else {
            for msg in isDNS1123Subdomain(level) { errs.append(.invalid("spec.priorityLevelConfiguration.name", level, msg)) }
        }
        for (i, rule) in (spec["rules"].array ?? []).enumerated() { errs += rulesWithSubjects(rule, path: "spec.rules[\(i)]") }
        return errs + FlowControlMandatory.flowSchema(obj)
    }

    static func rulesWithSubjects(_ rule: JSONValue, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        let subjects = rule["subjects"].array ?? []
        if subjects.isEmpty {
            errs.append(.required("\(path).subjects", "subjects must contain at least one value"))
        }
        for (i, s) in subjects.enumerated() { errs += subject(s, path: "\(path).subjects[\(i)]") }
        let resourceRules = rule["resourceRules"].array ?? [], nonResourceRules = rule["nonResourceRules"].array ?? []
        if resourceRules.isEmpty && nonResourceRules.isEmpty {
            errs.append(.required(path, "at least one of resourceRules and nonResourceRules has to be non-empty"))
        }
        for (i, r) in resourceRules.enumerated() { errs += resourceRule(r, path: "\(path).resourceRules[\(i)]") }
        for (i, r) in nonResourceRules.enumerated() { errs += nonResourceRule(r, path: "\(path).nonResourceRules[\(i)]") }
        return errs
    }

    static func subject(_ s: JSONValue, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        let kind = s["kind"].string ?? ""
        let forbidden: [(String, String)] = [
            ("user", "user is forbidden when subject kind is not 'User'"),
            ("group", "group is forbidden when subject kind is not 'Group'"),
            ("serviceAccount", "serviceAccount is forbidden when subject kind is not 'ServiceAccount'"),
        ]
        let own: String
        switch kind {
        case "ServiceAccount":
            own = "serviceAccount"
            let sa = s["serviceAccount"], p = "\(path).serviceAccount"
            if sa.object == nil {
                errs.append(.required(p, "serviceAccount is required when subject kind is 'ServiceAccount'"))
            } else {
                let name = sa["name"].string ?? ""
                if name.isEmpty {
                    errs.append(.required("\(p).name"))
                } else if name != "*" {
                    for msg in isDNS1123Subdomain(name) { errs.append(.invalid("\(p).name", name, msg)) }
                }
                let ns = sa["namespace"].string ?? ""
                if ns.isEmpty {
                    errs.append(.required("\(p).namespace", "must specify namespace for service account"))
                } else {
                    for msg in isDNS1123Label(ns) { errs.append(.invalid("\(p).namespace", ns, msg)) }
                }
            }
        case "User", "Group":
            own = kind == "User" ? "user" : "group"
            let p = "\(path).\(own)"
            if s[own].object == nil {
                errs.append(.required(p, "\(own) is required when subject kind is '\(kind)'"))
            } else if (s[own]["name"].string ?? "").isEmpty {
                errs.append(.required("\(p).name"))
            }
        default:
            return [.notSupported("\(path).kind", .string(kind), supported: ["Group", "ServiceAccount", "User"])]
        }
        // The other kinds' fields, in the order v1.32 checks them for this kind.
        let order: [String]
        switch own {
        case "serviceAccount": order = ["user", "group"]
        case "user": order = ["serviceAccount", "group"]
        default: order = ["serviceAccount", "user"]
        }
        for field in order where !s[field].isNull {
            let text = forbidden.first { $0.0 == field }!.1
            errs.append(FieldError(.forbidden, field: "\(path).\(field)", detail: text))
        }
        return errs
    }

    static func strings(_ v: JSONValue) -> [String] { (v.array ?? []).map { $0.string ?? "" } }

    static func verbErrors(_ verbs: [String], path: String) -> [FieldError] {
        if verbs.isEmpty { return [.required(path, "verbs must contain at least one value")] }
        if verbs.contains("*") {
            return verbs.count > 1 ? [FieldError(.invalid, field: path, value: .stringList(verbs), detail: "if '*' is present, must not specify other verbs")] : []
        }
        if !verbs.allSatisfy(Self.verbs.contains) {
            return [.notSupported(path, .stringList(verbs), supported: Self.verbs)]
        }
        return []
    }

    static func resourceRule(_ r: JSONValue, path: String) -> [FieldError] {
        var errs = verbErrors(strings(r["verbs"]), path: "\(path).verbs")
        let groups = strings(r["apiGroups"]), resources = strings(r["resources"]), namespaces = strings(r["namespaces"])
        if groups.isEmpty {
            errs.append(.required("\(path).apiGroups", "resource rules must supply at least one api group"))
        } else if groups.count > 1 && groups.contains("*") {
            errs.append(FieldError(.invalid, field: "\(path).apiGroups", value: .stringList(groups), detail: "if '*' is present, must not specify other api groups"))
        }
        if resources.isEmpty {
            errs.append(.required("\(path).resources", "resource rules must supply at least one resource"))
        } else if resources.count > 1 && resources.contains("*") {
            errs.append(FieldError(.invalid, field: "\(path).resources", value: .stringList(resources), detail: "if '*' is present, must not specify other resources"))
        }
        if namespaces.isEmpty && r["clusterScope"].bool != true {
            errs.append(.required("\(path).namespaces", "resource rules that are not cluster scoped must supply at least one namespace"))
        } else if namespaces.contains("*") {
            if namespaces.count > 1 {
                errs.append(FieldError(.invalid, field: "\(path).namespaces", value: .stringList(namespaces), detail: "if '*' is present, must not specify other namespaces"))
            }
        } else {
            for (i, ns) in namespaces.enumerated() {
                for msg in isDNS1123Label(ns) { errs.append(.invalid("\(path).namespaces[\(i)]", ns, nsIntro + msg)) }
            }
        }
        return errs
    }

    static func nonResourceRule(_ r: JSONValue, path: String) -> [FieldError] {
        var errs = verbErrors(strings(r["verbs"]), path: "\(path).verbs")
        let urls = strings(r["nonResourceURLs"])
        if urls.isEmpty {
            errs.append(.required("\(path).nonResourceURLs", "nonResourceURLs must contain at least one value"))
        } else if urls.contains("*") {
            if urls.count > 1 {
                errs.append(FieldError(.invalid, field: "\(path).nonResourceURLs", value: .stringList(urls), detail: "if '*' is present, must not specify other non-resource URLs"))
            }
        } else {
            for (i, url) in urls.enumerated() {
                if let msg = urlPathError(url) { errs.append(.invalid("\(path).nonResourceURLs[\(i)]", url, msg)) }
            }
        }
        return errs
    }

    /// `ValidateNonResourceURLPath`'s first complaint, if any.
    static func urlPathError(_ path: String) -> String? {
        if path.isEmpty { return "must not be empty" }
        if path == "/" { return nil }
        if !path.hasPrefix("/") { return "must start with slash" }
        if path.contains(" ") { return "must not contain white-space" }
        if path.contains("//") { return "must not contain double slash" }
        let stars = path.filter { $0 == "*" }.count
        if stars > 1 || (stars == 1 && !path.hasSuffix("/*")) { return "wildcard can only do suffix matching" }
        return nil
    }

    // MARK: PriorityLevelConfiguration

    static let zeroSharesAnnotation = "flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares"

    static func priorityLevel(_ obj: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        if !obj["metadata"]["annotations"][zeroSharesAnnotation].isNull {
            errs.append(FieldError(.forbidden, field: "metadata.annotations", detail: "annotation '\(zeroSharesAnnotation)' is forbidden"))
        }
        let spec = obj["spec"], name = obj["metadata"]["name"].string ?? ""
        let type = spec["type"].string ?? ""
        if (name == "exempt") != (type == "Exempt") {
            errs.append(.invalid("spec.type", type, "type must be 'Exempt' if and only if name is 'exempt'"))
        }
        switch type {
        case "Exempt":
            if !spec["limited"].isNull { errs.append(FieldError(.forbidden, field: "spec.limited", detail: "must be nil if the type is not Limited")) }
            if spec["exempt"].object != nil {
                let e = spec["exempt"]
                if let shares = e["nominalConcurrencyShares"].int, shares < 0 {
                    errs.append(FieldError(.invalid, field: "spec.exempt.nominalConcurrencyShares", value: .int(shares), detail: "must be a non-negative integer"))
                }
                if let pct = e["lendablePercent"].int, !(0...100).contains(pct) {
                    errs.append(FieldError(.invalid, field: "spec.exempt.lendablePercent", value: .int(pct), detail: "must be between 0 and 100, inclusive"))
                }
            }
        case "Limited":
            if !spec["exempt"].isNull { errs.append(FieldError(.forbidden, field: "spec.exempt", detail: "must be nil if the type is Limited")) }
            if spec["limited"].object == nil {
                errs.append(.required("spec.limited", "must not be empty when type is Limited"))
            } else {
                errs += limited(spec["limited"], path: "spec.limited")
            }
        default:
            errs.append(.notSupported("spec.type", .string(type), supported: ["Exempt", "Limited"]))
        }
        return errs + FlowControlMandatory.priorityLevel(obj)
    }

    static func limited(_ l: JSONValue, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        // v1 keeps a zero (a level that gets no seats of its own).
        let shares = l["nominalConcurrencyShares"].int ?? 0
        if shares < 0 {
            errs.append(FieldError(.invalid, field: "\(path).nominalConcurrencyShares", value: .int(shares), detail: "must be a non-negative integer"))
        }
        let response = l["limitResponse"], rp = "\(path).limitResponse"
        switch response["type"].string ?? "" {
        case "Reject":
            if !response["queuing"].isNull {
                errs.append(FieldError(.forbidden, field: "\(rp).queuing", detail: "must be nil if limited.limitResponse.type is not Limited"))
            }
        case "Queue":
            if response["queuing"].object == nil {
                errs.append(.required("\(rp).queuing", "must not be empty if limited.limitResponse.type is Limited"))
            } else {
                errs += queuing(response["queuing"], path: "\(rp).queuing")
            }
        default:
            errs.append(.notSupported("\(rp).type", .string(response["type"].string ?? ""), supported: ["Queue", "Reject"]))
        }
        if let pct = l["lendablePercent"].int, !(0...100).contains(pct) {
            errs.append(FieldError(.invalid, field: "\(path).lendablePercent", value: .int(pct), detail: "must be between 0 and 100, inclusive"))
        }
        if let pct = l["borrowingLimitPercent"].int, pct < 0 {
            errs.append(FieldError(.invalid, field: "\(path).borrowingLimitPercent", value: .int(pct), detail: "if specified, must be a non-negative integer"))
        }
        return errs
    }

    static func queuing(_ q: JSONValue, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        let limit = q["queueLengthLimit"].int ?? 0, queues = q["queues"].int ?? 0, hand = q["handSize"].int ?? 0
        if limit <= 0 { errs.append(FieldError(.invalid, field: "\(path).queueLengthLimit", value: .int(limit), detail: "must be positive")) }
        if queues <= 0 {
            errs.append(FieldError(.invalid, field: "\(path).queues", value: .int(queues), detail: "must be positive"))
        } else if queues > 10_000_000 {
            errs.append(FieldError(.invalid, field: "\(path).queues", value: .int(queues), detail: "must not be greater than 10000000"))
        }
        if hand <= 0 {
            errs.append(FieldError(.invalid, field: "\(path).handSize", value: .int(hand), detail: "must be positive"))
        } else if hand > queues {
            errs.append(FieldError(.invalid, field: "\(path).handSize", value: .int(hand), detail: "should not be greater than queues (\(queues))"))
        } else if Int((log2(Double(queues)) * Double(hand)).rounded(.up)) > 60 {
            errs.append(FieldError(.invalid, field: "\(path).handSize", value: .int(hand),
                                   detail: "required entropy bits of deckSize \(queues) and handSize \(hand) should not be greater than 60"))
        }
        return errs
    }
}
