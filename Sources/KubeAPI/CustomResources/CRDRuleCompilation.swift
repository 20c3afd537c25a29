import KubeCEL
import KubeModel

// Compiling a CRD's x-kubernetes-validations rules as the API server does when the CRD is written:
// `self`/`oldSelf` typed from the schema node, compile errors in cel-go's words, the rule must be a
// bool (a messageExpression a string), transition rules only where old values can be correlated,
// and the estimated cost within the per-rule and per-CRD budgets. A rule or messageExpression whose
// text the old CRD already has compiles against everything the server has, a new one against the
// compatibility version (CELEnvironment).

struct RuleContext {
    let root: JSONValue
    let enabled: Bool
    /// The schema is unchanged by this update: no rule is refused for its own estimated cost.
    let suppressPerExpressionCost: Bool
    let preexisting: PreexistingExpressions
    var errors: [APIError.Cause] = []
    var costs: [(path: String, cost: UInt64)] = []

    static let perRuleLimit: UInt64 = 10_000_000
    static let perCRDLimit: UInt64 = 100_000_000

    init(root: JSONValue, enabled: Bool, suppressPerExpressionCost: Bool = false, preexisting: PreexistingExpressions = .init()) {
        self.root = root
        self.enabled = enabled
        self.suppressPerExpressionCost = suppressPerExpressionCost
        self.preexisting = preexisting
    }

    /// Go's `%#v` of the internal ValidationRule, as field errors print an invalid rule.
    static func ruleValue(_ r: JSONValue) -> String {
        let reason = r["reason"].isNull ? "(*apiextensions.FieldValueErrorReason)(nil)" : "(*apiextensions.FieldValueErrorReason)(0xc000a1c0e0)"
        let optional = r["optionalOldSelf"].isNull ? "(*bool)(nil)" : "(*bool)(0xc000a1c0e8)"
        return "apiextensions.ValidationRule{Rule:\(strconvQuote(r["rule"].string ?? "")), Message:\(strconvQuote(r["message"].string ?? "")), "
            + "MessageExpression:\(strconvQuote(r["messageExpression"].string ?? "")), Reason:\(reason), "
            + "FieldPath:\(strconvQuote(r["fieldPath"].string ?? "")), OptionalOldSelf:\(optional)}"
    }

    static func variables(for node: JSONValue, isResourceRoot: Bool, optionalOldSelf: Bool) -> [String: SchemaType] {
        let t = SchemaType.from(schema: node, isResourceRoot: isResourceRoot)
        var old = t
        if optionalOldSelf { old.type = .optional(t.type) }
        return ["self": t, "oldSelf": old]
    }

    mutating func compile(_ s: JSONValue, path: String, isResourceRoot: Bool, uncorrelatable: String?, cardinality: UInt64?) {
        guard enabled, let rules = s["x-kubernetes-validations"].array, !rules.isEmpty else { return }
        let selfType = SchemaType.from(schema: s, isResourceRoot: isResourceRoot)
        let card = cardinality ?? (SchemaType.maxRequestSize / (selfType.minSerializedSize + 1))
        for (i, rule) in rules.enumerated() {
            let p = path + ".x-kubernetes-validations[\(i)]"
            let text = rule["rule"].string ?? ""
            let vars = Self.variables(for: s, isResourceRoot: isResourceRoot, optionalOldSelf: rule["optionalOldSelf"].bool == true)
            switch CELCompiler.compile(text, variables: vars, environment: .forExpression(stored: preexisting.rules.contains(text))) {
            case .failure(let f):
                errors.append(.init(field: p + ".rule", message: "Invalid value: \(Self.ruleValue(rule)): compilation failed: \(f.text)"))
            case .success(let compiled):
                let cost = Checkers.mul(compiled.maxCost, card)
                if !suppressPerExpressionCost, cost > Self.perRuleLimit {
                    errors.append(.init(field: p + ".rule", message: "Forbidden: " + Self.costMessage("estimated rule cost", cost, Self.perRuleLimit)))
                }
                costs.append((p + ".rule", cost))
                if !Self.isBool(compiled) {
                    errors.append(.init(field: p + ".rule", message: "Invalid value: \(Self.ruleValue(rule)): cel expression must evaluate to a bool"))
                }
                if let me = rule["messageExpression"].string, !me.isEmpty {
                    compileMessage(me, rule, vars, p, card)
                }
                if compiled.references.contains("oldSelf") {
                    if let u = uncorrelatable {
                        errors.append(.init(field: p + ".rule", message: "Invalid value: \(strconvQuote(text)): oldSelf cannot be used on the uncorrelatable portion of the schema within \(u)"))
                    }
                } else if let optional = rule["optionalOldSelf"].bool {
                    errors.append(.init(field: p + ".optionalOldSelf", message: "Invalid value: \(optional): may not be set if oldSelf is not used in rule"))
                }
            }
        }
    }

    mutating func compileMessage(_ source: String, _ rule: JSONValue, _ vars: [String: SchemaType], _ p: String, _ card: UInt64) {
        let environment = CELEnvironment.forExpression(stored: preexisting.messageExpressions.contains(source))
        switch CELCompiler.compile(source, variables: vars, environment: environment) {
        case .failure(let f):
            errors.append(.init(field: p + ".messageExpression", message: "Invalid value: \(Self.ruleValue(rule)): messageExpression compilation failed: \(f.text)"))
        case .success(let compiled):
            if compiled.type != .string && !(compiled.type == .dyn && !Self.isDataAccess(compiled.ast)) {
                errors.append(.init(field: p + ".messageExpression", message: "Invalid value: \(Self.ruleValue(rule)): messageExpression must evaluate to a string"))
                return
            }
            let cost = Checkers.mul(compiled.maxCost, card)
            if !suppressPerExpressionCost, cost > Self.perRuleLimit {
                errors.append(.init(field: p + ".messageExpression", message: "Forbidden: " + Self.costMessage("estimated messageExpression cost", cost, Self.perRuleLimit)))
            }
            costs.append((p + ".messageExpression", cost))
        }
    }

    /// cel-go requires a bool output type; a dynamic value read straight from the object is not one.
    static func isBool(_ c: CompiledExpression) -> Bool {
        if c.type == .bool { return true }
        return c.type == .dyn && !isDataAccess(c.ast)
    }

    static func isDataAccess(_ e: Expr) -> Bool {
        switch e.kind {
        case .ident, .select: return true
        case .call(_, let fn, _): return fn == "_[_]"
        default: return false
        }
    }

    /// `getCostErrorMessage`.
    static func costMessage(_ name: String, _ cost: UInt64, _ limit: UInt64) -> String {
        let factor = Double(cost) / Double(limit)
        let text: String
        if factor > 100 {
            text = "more than 100x"
        } else if factor < 1.5 {
            text = CFormat.fixed(factor, 6) + "x"
        } else {
            text = CFormat.fixed(factor, 1) + "x"
        }
        return "\(name) exceeds budget by factor of \(text) (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)"
    }

    /// The errors when all rules together exceed the budget of one CRD schema.
    func totalCostErrors(path: String) -> [APIError.Cause] {
        let total = costs.reduce(UInt64(0)) { let (r, o) = $0.addingReportingOverflow($1.cost); return o ? .max : r }
        guard total > Self.perCRDLimit else { return [] }
        var out: [APIError.Cause] = []
        var sum: UInt64 = 0
        for c in costs.sorted(by: { $0.cost > $1.cost }) {
            out.append(.init(field: c.path, message: "Forbidden: contributed to estimated rule & messageExpression cost total exceeding cost limit for entire OpenAPIv3 schema"))
            sum = sum &+ c.cost
            if sum > Self.perCRDLimit { break }
        }
        out.append(.init(field: path, message: "Forbidden: " + Self.costMessage("x-kubernetes-validations estimated rule & messageExpression cost total for entire OpenAPIv3 schema", total, Self.perCRDLimit)))
        return out
    }
}

/// `findPreexistingExpressions`: every rule and messageExpression text anywhere in the old CRD's schemas.
struct PreexistingExpressions {
    var rules: Set<String> = []
    var messageExpressions: Set<String> = []

    init() {}

    init(spec: JSONValue) {
        for v in spec["versions"].array ?? [] { collect(v["schema"]["openAPIV3Schema"]) }
    }

    private mutating func collect(_ s: JSONValue) {
        guard case .object(let o) = s else { return }
        for r in o["x-kubernetes-validations"]?.array ?? [] {
            if let rule = r["rule"].string { rules.insert(rule) }
            if let m = r["messageExpression"].string, !m.isEmpty { messageExpressions.insert(m) }
        }
        for key in ["properties", "patternProperties", "definitions"] {
            for (_, child) in o[key]?.object ?? JSONObject() { collect(child) }
        }
        for key in ["items", "additionalProperties", "additionalItems", "not"] { collect(o[key] ?? .null) }
        for key in ["items", "allOf", "anyOf", "oneOf"] {
            for child in o[key]?.array ?? [] { collect(child) }
        }
    }
}

/// Go's `%.Nf` for the cost factor.
enum CFormat {
    static func fixed(_ d: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let v = (d * scale).rounded()
        let whole = Int64(v / scale)
        var frac = String(Int64(v) - whole * Int64(scale))
        while frac.count < digits { frac = "0" + frac }
        return digits == 0 ? String(whole) : "\(whole).\(frac)"
    }
}

/// A rule's `fieldPath` (`.spec.replicas`, `.metadata['key']`) resolved against the schema node.
enum RuleFieldPath {
    /// The normalized path (`spec.replicas`) or nil when it does not name a field of the schema.
    static func resolve(_ path: String, schema: JSONValue) -> String? {
        var s = schema
        var out = ""
        var u = Substring(path)
        while !u.isEmpty {
            if u.hasPrefix(".") {
                u = u.dropFirst()
                let end = u.firstIndex(where: { $0 == "." || $0 == "[" }) ?? u.endIndex
                let name = String(u[..<end])
                u = u[end...]
                guard !name.isEmpty, let next = step(s, name) else { return nil }
                out += (out.isEmpty ? "" : ".") + name
                s = next
            } else if u.hasPrefix("['") {
                u = u.dropFirst(2)
                guard let close = u.firstRange(of: "']") else { return nil }
                let name = String(u[..<close.lowerBound])
                u = u[close.upperBound...]
                guard let next = step(s, name) else { return nil }
                out += s["properties"].isNull ? "[\(strconvQuote(name))]" : (out.isEmpty ? "" : ".") + name
                s = next
            } else {
                return nil
            }
        }
        return out
    }

    static func step(_ s: JSONValue, _ name: String) -> JSONValue? {
        if let p = s["properties"][name].object { return .object(p) }
        if s["properties"].isNull, let a = s["additionalProperties"].object { return .object(a) }
        return nil
    }
}
