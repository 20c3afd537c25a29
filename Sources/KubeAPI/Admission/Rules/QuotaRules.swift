import KubeModel

/// v1.32's validation of a ResourceQuota (`ValidateResourceQuotaSpec`, its scopes and scope selector, and
/// `ValidateResourceQuotaUpdate`) and of a LimitRange (`ValidateLimitRange`). The API server walks Go maps,
/// so its order among several resources varies; ours is sorted.
enum QuotaRules {
    static let standardScopes: Set<String> = [
        "Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity",
    ]
    /// `IsStandardQuotaResourceName` (besides the hugepages ones).
    static let standardQuotaResources: Set<String> = [
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage",
        "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas",
        "services", "replicationcontrollers", "secrets", "persistentvolumeclaims", "configmaps", "services.nodeports",
        "services.loadbalancers",
    ]
    static let integerResources: Set<String> = [
        "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims",
        "services.nodeports", "services.loadbalancers",
    ]
    static let podComputeResources: Set<String> = ["cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"]

    static func isStandardQuotaResource(_ name: String) -> Bool {
        standardQuotaResources.contains(name) || ResourceRules.isQuotaHugePages(name)
    }

    /// `IsResourceQuotaScopeValidForResource`.
    static func scope(_ scope: String, appliesTo resource: String) -> Bool {
        switch scope {
        case "Terminating", "NotTerminating", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity":
            return resource == "pods" || podComputeResources.contains(resource)
        case "BestEffort":
            return resource == "pods"
        default:
            return true
        }
    }

    static func validate(_ obj: JSONValue, old: JSONValue?, received: JSONValue = .null) -> [FieldError] {
        let spec = obj["spec"]
        var errs = resources(obj, ["spec", "hard"], received: received)
        let hardNames = (spec["hard"].object ?? JSONObject()).keys.sorted()
        let scopes = spec["scopes"].array?.map { $0.string ?? "" }
        let scopesLiteral = scopeListLiteral(spec["scopes"])
        if let scopes, !scopes.isEmpty {
            for s in scopes {
                if !standardScopes.contains(s) {
                    errs.append(FieldError(.invalid, field: "spec.scopes", value: .raw(scopesLiteral), detail: "unsupported scope"))
                }
                for k in hardNames where isStandardQuotaResource(k) && !scope(s, appliesTo: k) {
                    errs.append(FieldError(.invalid, field: "spec.scopes", value: .raw(scopesLiteral), detail: "unsupported scope applied to resource"))
                }
            }
            errs += conflicts(Set(scopes), field: "spec.scopes", literal: scopesLiteral)
        }
        if spec["scopeSelector"].object != nil {
            errs += scopeSelector(spec, hardNames: hardNames, scopesLiteral: scopesLiteral)
        }
        if let old {
            let was = Set((old["spec"]["scopes"].array ?? []).map { $0.string ?? "" })
            if was != Set(scopes ?? []) {
                errs.append(FieldError(.invalid, field: "spec.scopes", value: .raw(scopesLiteral), detail: "field is immutable"))
            }
        }
        return errs
    }

    /// `ValidateResourceQuotaStatusUpdate`: every resource of `status.hard` and `status.used` is a quota
    /// resource name with a valid amount (the spec, which a status write cannot change, is not checked).
    static func validateStatus(_ obj: JSONValue, received: JSONValue = .null) -> [FieldError] {
        resources(obj, ["status", "hard"], received: received) + resources(obj, ["status", "used"], received: received)
    }

    /// `ValidateResourceQuotaResourceName` and `ValidateResourceQuantityValue` of each entry of the
    /// resource list at `path` (`spec.hard[cpu]`).
    static func resources(_ obj: JSONValue, _ path: [String], received: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        let list = obj.at(path).object ?? JSONObject()
        for name in list.keys.sorted() {
            let field = path.joined(separator: ".") + "[\(name)]"
            ResourceRules.genericName(name, path: field, into: &errs)
            if !name.contains("/"), !isStandardQuotaResource(name) {
                errs.append(FieldError(.invalid, field: field, value: .raw(name), detail: "must be a standard resource for quota"))
            }
            errs += quantityValue(name, list[name]!, received: received.at(path + [name]), path: field)
        }
        return errs
    }

    static func conflicts(_ scopes: Set<String>, field: String, literal: String) -> [FieldError] {
        [["BestEffort", "NotBestEffort"], ["Terminating", "NotTerminating"]].compactMap { pair in
            pair.allSatisfy(scopes.contains) ? FieldError(.invalid, field: field, value: .raw(literal), detail: "conflicting scopes") : nil
        }
    }

    /// `validateScopedResourceSelectorRequirement`: every expression's scope, operator and values (their paths
    /// carry no index, as v1.32 words them).
    static func scopeSelector(_ spec: JSONValue, hardNames: [String], scopesLiteral: String) -> [FieldError] {
        let path = "spec.scopeSelector.matchExpressions"
        var errs: [FieldError] = []
        var seen = Set<String>()
        for req in spec["scopeSelector"]["matchExpressions"].array ?? [] {
            let name = req["scopeName"].string ?? "", op = req["operator"].string ?? ""
            let values = req["values"].array?.map { $0.string ?? "" } ?? []
            if !standardScopes.contains(name) {
                errs.append(FieldError(.invalid, field: path + ".scopeName", value: .string(name), detail: "unsupported scope"))
            }
            for k in hardNames where isStandardQuotaResource(k) && !scope(name, appliesTo: k) {
                errs.append(FieldError(.invalid, field: path, value: .raw(scopeSelectorLiteral(spec["scopeSelector"])),
                                       detail: "unsupported scope applied to resource"))
            }
            if ["BestEffort", "NotBestEffort", "Terminating", "NotTerminating", "CrossNamespacePodAffinity"].contains(name), op != "Exists" {
                errs.append(FieldError(.invalid, field: path + ".operator", value: .string(op),
                                       detail: "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity"))
            }
            switch op {
            case "In", "NotIn":
                if values.isEmpty {
                    errs.append(.required(path + ".values", "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"))
                }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    errs.append(FieldError(.invalid, field: path + ".values", value: .stringList(values),
                                           detail: "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"))
                }
            default:
                errs.append(FieldError(.invalid, field: path + ".operator", value: .string(op), detail: "not a valid selector operator"))
            }
            seen.insert(name)
        }
        // The conflict is reported against the path of the expressions, with the quota's `scopes` as its value.
        errs += conflicts(seen, field: path, literal: scopesLiteral)
        return errs
    }

    /// `ValidateResourceQuantityValue`: not negative; whole for counted and extended resources.
    static func quantityValue(_ name: String, _ value: JSONValue, received: JSONValue, path: String) -> [FieldError] {
        guard let q = try? Quantity.parse(json: value) else { return [] }
        var errs: [FieldError] = []
        if q.sign < 0 { errs.append(.invalid(path, q.description, WorkloadRules.isNegative)) }
        if integerResources.contains(name) || ResourceRules.isExtended(name), q.milliValue % 1000 != 0 {
            // Nothing has called the value's String method: its cache holds what the parser kept.
            errs.append(FieldError(.invalid, field: path, value: .raw(GoQuantity.literal(received, canonical: q.description, cached: false)),
                                   detail: "must be an integer"))
        }
        return errs
    }

    /// `%#v` of `[]core.ResourceQuotaScope`.
    static func scopeListLiteral(_ v: JSONValue) -> String {
        guard let items = v.array else { return "[]core.ResourceQuotaScope(nil)" }
        return "[]core.ResourceQuotaScope{" + items.map { strconvQuote($0.string ?? "") }.joined(separator: ", ") + "}"
    }

    /// `%#v` of a `core.ScopeSelector` (the error prints the pointer's target).
    static func scopeSelectorLiteral(_ v: JSONValue) -> String {
        let type = "core.ScopedResourceSelectorRequirement"
        guard let reqs = v["matchExpressions"].array else { return "core.ScopeSelector{MatchExpressions:[]\(type)(nil)}" }
        let items = reqs.map { r -> String in
            let values = r["values"].array.map { "[]string{" + $0.map { strconvQuote($0.string ?? "") }.joined(separator: ", ") + "}" } ?? "[]string(nil)"
            return "\(type){ScopeName:\(strconvQuote(r["scopeName"].string ?? "")), Operator:\(strconvQuote(r["operator"].string ?? "")), Values:\(values)}"
        }
        return "core.ScopeSelector{MatchExpressions:[]\(type){" + items.joined(separator: ", ") + "}}"
    }
}

/// `%#v` of a `resource.Quantity` value as the API server holds it after decoding the canonical text:
/// `resource.ParseQuantity`'s int64 form (value and scale), its `inf.Dec` form as a pointer otherwise, and
/// the cached string once `String()` has run (`cached`).
enum GoQuantity {
    static func literal(_ received: JSONValue, canonical: String, cached: Bool) -> String {
        var text = canonical
        switch received {
        case .string(let s): text = String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        case .int(let i): text = String(i)
        case .double(let d): text = goFormatFloat(d)
        default: break
        }
        let (i, dec, format, s) = parse(text)
        let d = dec ? "(*inf.Dec)(0xc000000000)" : "(*inf.Dec)(nil)"
        let shown = cached ? canonical : s
        return "resource.Quantity{i:resource.int64Amount{value:\(i.value), scale:\(i.scale)}, d:resource.infDecAmount{Dec:\(d)}, s:\(strconvQuote(shown)), Format:\(strconvQuote(format))}"
    }

    /// ParseQuantity's fast path: (int64 amount, whether it fell back to inf.Dec, format, cached string).
    static func parse(_ str: String) -> (i: (value: Int64, scale: Int), dec: Bool, format: String, s: String) {
        if str == "0" { return ((0, 0), false, "DecimalSI", "0") }
        var rest = Substring(str)
        var positive = true
        if rest.first == "-" || rest.first == "+" { positive = rest.first == "+"; rest = rest.dropFirst() }
        let num = String(rest.prefix { $0.isASCII && $0.isNumber })
        rest = rest.dropFirst(num.count)
        var denom = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            denom = String(rest.prefix { $0.isASCII && $0.isNumber })
            rest = rest.dropFirst(denom.count)
        }
        let suffix = String(rest)
        let binary: [String: Int] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
        let decimal: [String: Int] = ["": 0, "n": -9, "u": -6, "m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
        var format = "DecimalSI", exponent = 0
        if let e = binary[suffix] {
            format = "BinarySI"; exponent = e
        } else if let e = decimal[suffix] {
            exponent = e
        } else if let e = Int(suffix.dropFirst()) {
            format = "DecimalExponent"; exponent = e
        }
        // The digits without leading zeros, as parseQuantityString returns them.
        let trimmedNum = String(num.drop { $0 == "0" })
        var precision = 0, scale = 0
        var mantissa: Int64 = 1
        if format == "BinarySI" {
            if denom.isEmpty {
                mantissa = Int64(1) << exponent
                precision = 15 - trimmedNum.count - Int(Float(exponent) * 3 / 10) - 1
            } else {
                precision = -1
            }
        } else {
            scale = exponent
            precision = 18 - (trimmedNum.count + denom.count)
        }
        if precision >= 0 {
            scale -= denom.count
            if scale >= -9, let value = Int64(trimmedNum + denom), case let (r, overflow) = value.multipliedReportingOverflow(by: mantissa), !overflow {
                let result = positive ? r : -r
                let shifted = trimmedNum + denom
                var s = ""
                if format == "BinarySI" {
                    if exponent % 10 == 0 && value & 7 != 0 { s = str }
                } else if scale % 3 == 0, !shifted.hasSuffix("000"), shifted.first != "0" {
                    s = str
                }
                return ((result, scale), false, format, s)
            }
        }
        return ((0, 0), true, format, "")
    }
}

/// `ValidateLimitRange`: item types (standard or qualified, no duplicates), resource names per type, no
/// defaults on a `Pod` item, storage bounds on a `PersistentVolumeClaim` item, and per resource
/// min <= defaultRequest <= default <= max, maxLimitRequestRatio >= 1 and <= max/min, and equal default and
/// defaultRequest for resources that cannot be overcommitted.
enum LimitRangeRules {
    static let standardTypes: Set<String> = ["Pod", "Container", "PersistentVolumeClaim"]

    static func validate(_ obj: JSONValue, received: JSONValue = .null) -> [FieldError] {
        var errs: [FieldError] = []
        var types = Set<String>()
        for (i, item) in (obj["spec"]["limits"].array ?? []).enumerated() {
            let p = "spec.limits[\(i)]"
            let type = item["type"].string ?? ""
            let qualified = isQualifiedName(type).map { FieldError.invalid("\(p).type", type, $0) }
            errs += qualified
            if qualified.isEmpty, !type.contains("/"), !standardTypes.contains(type) {
                errs.append(.invalid("\(p).type", type, "must be a standard limit type or fully qualified"))
            }
            if types.contains(type) { errs.append(FieldError(.duplicate, field: "\(p).type", value: .string(type))) }
            types.insert(type)

            let sent = received["spec"]["limits"][i]
            func amounts(_ key: String) -> [String: Quantity] {
                var out: [String: Quantity] = [:]
                let m = item[key].object ?? JSONObject()
                for name in m.keys.sorted() {
                    resourceName(type, name, path: "\(p).\(key)[\(name)]", into: &errs)
                    if let q = try? Quantity.parse(json: m[name]!) { out[name] = q }
                }
                return out
            }
            let max = amounts("max"), min = amounts("min")
            var defaults: [String: Quantity] = [:], requests: [String: Quantity] = [:]
            if type == "Pod" {
                if item["default"].object?.isEmpty == false {
                    errs.append(FieldError(.forbidden, field: "\(p).default", detail: "may not be specified when `type` is 'Pod'"))
                }
                if item["defaultRequest"].object?.isEmpty == false {
                    errs.append(FieldError(.forbidden, field: "\(p).defaultRequest", detail: "may not be specified when `type` is 'Pod'"))
                }
            } else {
                defaults = amounts("default")
                requests = amounts("defaultRequest")
            }
            if type == "PersistentVolumeClaim", item["min"]["storage"].isNull, item["max"]["storage"].isNull {
                errs.append(.required("\(p).limits", "either minimum or maximum storage value is required, but neither was provided"))
            }
            let ratios = amounts("maxLimitRequestRatio")
            let keys = Set(max.keys).union(min.keys).union(defaults.keys).union(requests.keys).union(ratios.keys)
            for k in keys.sorted() {
                errs += consistency(k, path: p, min: min[k], max: max[k], def: defaults[k], req: requests[k], ratio: ratios[k]) {
                    // A defaulted amount is a copy of the one it came from (default <- max,
                    // defaultRequest <- default, then min).
                    let sources = ["default": ["default", "max"], "defaultRequest": ["defaultRequest", "default", "min"]][$0] ?? [$0]
                    return sources.lazy.map { sent[$0][k] }.first { !$0.isNull } ?? .null
                }
            }
        }
        return errs
    }

    static func resourceName(_ type: String, _ name: String, path: String, into errs: inout [FieldError]) {
        if type == "Pod" || type == "Container" {
            ResourceRules.resourceName(name, path: path, into: &errs)
        } else {
            ResourceRules.genericName(name, path: path, into: &errs)
        }
    }

    /// The checks of one resource `k`. Each message calls String on the value it shows, so the value prints
    /// with its cached string; `sent` gives the amount of a field as the client sent it.
    static func consistency(_ k: String, path p: String, min: Quantity?, max: Quantity?, def: Quantity?, req: Quantity?, ratio: Quantity?,
                            sent: (String) -> JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        func invalid(_ field: String, _ value: Quantity, from source: String, _ detail: String) {
            let literal = GoQuantity.literal(sent(source), canonical: value.description, cached: true)
            errs.append(FieldError(.invalid, field: "\(p).\(field)[\(k)]", value: .raw(literal), detail: detail))
        }
        if let min, let max, min > max { invalid("min", min, from: "min", "min value \(min) is greater than max value \(max)") }
        if let req, let min, min > req { invalid("defaultRequest", req, from: "defaultRequest", "min value \(min) is greater than default request value \(req)") }
        if let req, let max, req > max { invalid("defaultRequest", req, from: "defaultRequest", "default request value \(req) is greater than max value \(max)") }
        if let req, let def, req > def { invalid("defaultRequest", req, from: "defaultRequest", "default request value \(req) is greater than default limit value \(def)") }
        if let def, let min, min > def { invalid("default", min, from: "min", "min value \(min) is greater than default value \(def)") }
        if let def, let max, def > max { invalid("default", max, from: "max", "default value \(def) is greater than max value \(max)") }
        if let ratio, ratio < Quantity(1) { invalid("maxLimitRequestRatio", ratio, from: "maxLimitRequestRatio", "ratio \(ratio) is less than 1") }
        if let ratio, let min, let max {
            let cap = Int64.max / 1000
            var ratioValue = Double(ratio.value), minValue = min.value, maxValue = max.value
            if ratio.value < cap, minValue < cap, maxValue < cap {
                ratioValue = Double(ratio.milliValue) / 1000
                minValue = min.milliValue
                maxValue = max.milliValue
            }
            let limit = Double(maxValue) / Double(minValue)
            if ratioValue > limit { invalid("maxLimitRequestRatio", ratio, from: "maxLimitRequestRatio", "ratio \(ratio) is greater than max/min = \(goFormatFixed(limit))") }
        }
        if !ResourceRules.overcommitAllowed(k), let def, let req, def != req {
            invalid("defaultRequest", req, from: "defaultRequest", "default value \(def) must equal to defaultRequest value \(req) in \(k)")
        }
        return errs
    }

    /// Go's `%f`: six decimals (`+Inf` and `NaN` as Go prints them).
    static func goFormatFixed(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "+Inf" : "-Inf" }
        let scaled = (abs(d) * 1_000_000).rounded()
        guard scaled < 9e15 else { return goFormatFloat(d) }
        let micros = Int64(scaled)
        let fraction = String(micros % 1_000_000)
        return (d < 0 ? "-" : "") + "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
