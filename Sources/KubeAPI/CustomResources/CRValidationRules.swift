import KubeCEL
import KubeModel

// Enforcing x-kubernetes-validations on custom-resource create and update: every schema node with
// rules is evaluated with `self` (and `oldSelf` for transition rules, from the correlated old value)
// and failures are reported as the API server reports them (message, messageExpression, reason,
// fieldPath), within the per-call and per-object cost budgets. On update, a rule without oldSelf that
// fails on a part equal to its old value (or under one) is ratcheted: a warning, not an error.

enum CustomResourceRules {
    typealias Cause = APIError.Cause
    static let perCallLimit = 1_000_000
    static let perObjectBudget = 10_000_000

    struct Walk {
        var budget = CustomResourceRules.perObjectBudget
        var causes: [Cause] = []
        /// Ratcheted failures, as `<field>: <message>` warnings.
        var warnings: [String] = []
        var stopped = false
        /// Rules already compiled during this validation (a rule under a list runs once per item).
        var compiled: [String: CompiledExpression] = [:]
    }

    /// The rule failures of an object (`path` nil at a resource's root, which the server prints as `<nil>`).
    static func validate(_ obj: JSONValue, old: JSONValue?, schema: JSONValue, path: String? = nil, isResourceRoot: Bool = true) -> [Cause] {
        validateRatcheting(obj, old: old, schema: schema, path: path, isResourceRoot: isResourceRoot).causes
    }

    /// The failures and the ratcheted failures (warnings) of an object.
    static func validateRatcheting(_ obj: JSONValue, old: JSONValue?, schema: JSONValue, path: String? = nil,
                                   isResourceRoot: Bool = true) -> (causes: [Cause], warnings: [String]) {
        var w = Walk()
        visit(obj, old, schema, path: path, isResourceRoot: isResourceRoot, nearest: old.map { Correlated(new: obj, old: $0, schema: schema) }, &w)
        return (w.causes, w.warnings)
    }

    /// The nearest correlated node at or above the one being validated (shared by the items of an
    /// uncorrelatable list, so its comparison is made once).
    final class Correlated {
        let new: JSONValue, old: JSONValue, schema: JSONValue
        init(new: JSONValue, old: JSONValue, schema: JSONValue) { (self.new, self.old, self.schema) = (new, old, schema) }
        lazy var unchanged: Bool = CustomResourceRatcheting.equal(new, old, schema: schema)
    }

    static func join(_ path: String?, _ child: String) -> String { path.map { $0 + "." + child } ?? child }

    static func visit(_ value: JSONValue, _ old: JSONValue?, _ s: JSONValue, path: String?, isResourceRoot: Bool,
                      nearest: Correlated?, _ w: inout Walk) {
        if value.isNull || w.stopped { return }
        if let rules = s["x-kubernetes-validations"].array, !rules.isEmpty {
            for (i, rule) in rules.enumerated() where !w.stopped {
                evaluate(rule, index: i, value, old, s, path: path, isResourceRoot: isResourceRoot, nearest: nearest, &w)
            }
        }
        func near(_ v: JSONValue, _ o: JSONValue?, _ cs: JSONValue) -> Correlated? { o.map { Correlated(new: v, old: $0, schema: cs) } ?? nearest }
        switch value {
        case .object(let o):
            let correlatable = [nil, "granular", "atomic"].contains(s["x-kubernetes-map-type"].string)
            if let props = s["properties"].object {
                for (k, v) in o {
                    guard let p = props[k] else { continue }
                    let oldV = correlatable ? old?[k] : nil
                    let was = oldV.flatMap { $0.isNull ? nil : $0 }
                    visit(v, was, p, path: join(path, k),
                          isResourceRoot: p["x-kubernetes-embedded-resource"].bool == true, nearest: near(v, was, p), &w)
                }
            } else if s["additionalProperties"].object != nil {
                for (k, v) in o {
                    let oldV = correlatable ? old?[k] : nil
                    let was = oldV.flatMap { $0.isNull ? nil : $0 }
                    visit(v, was, s["additionalProperties"], path: (path ?? "") + "[\(k)]",
                          isResourceRoot: false, nearest: near(v, was, s["additionalProperties"]), &w)
                }
            }
        case .array(let items):
            guard s["items"].object != nil else { return }
            let keys = s["x-kubernetes-list-type"].string == "map" ? (s["x-kubernetes-list-map-keys"].array ?? []).compactMap(\.string) : []
            for (i, item) in items.enumerated() {
                var oldItem: JSONValue?
                if !keys.isEmpty, let olds = old?.array {
                    oldItem = olds.first { o in keys.allSatisfy { o[$0] == item[$0] } }
                }
                visit(item, oldItem, s["items"], path: (path ?? "") + "[\(i)]",
                      isResourceRoot: s["items"]["x-kubernetes-embedded-resource"].bool == true, nearest: near(item, oldItem, s["items"]), &w)
            }
        default:
            break
        }
    }

    static func evaluate(_ rule: JSONValue, index: Int, _ value: JSONValue, _ old: JSONValue?, _ s: JSONValue,
                         path: String?, isResourceRoot: Bool, nearest: Correlated?, _ w: inout Walk) {
        let type = s["type"].string ?? ""
        let here = path ?? "<nil>"
        let text = rule["rule"].string ?? ""
        let optionalOld = rule["optionalOldSelf"].bool == true
        let key = (isResourceRoot ? "r" : "n") + (optionalOld ? "o" : "-") + (s["type"].string ?? "") + ":" + text
        let compiled: CompiledExpression
        if let c = w.compiled[key] {
            compiled = c
        } else {
            let vars = RuleContext.variables(for: s, isResourceRoot: isResourceRoot, optionalOldSelf: optionalOld)
            // The validator compiles the stored rules with everything the server has.
            guard case .success(let c) = CELCompiler.compile(text, variables: vars, environment: .storedExpressions) else {
                w.causes.append(Cause(field: here, message: "Invalid value: \(strconvQuote(type)): rule compile error: " + text))
                return
            }
            w.compiled[key] = c
            compiled = c
        }
        let transition = compiled.references.contains("oldSelf")
        if transition && old == nil && !optionalOld { return }
        var variables: [String: Value] = ["self": CELValues.from(value, schema: s, isResourceRoot: isResourceRoot)]
        if transition {
            let o = old.map { CELValues.from($0, schema: s, isResourceRoot: isResourceRoot) }
            variables["oldSelf"] = optionalOld ? .optional(o) : (o ?? .null)
        }
        let interpreter = Interpreter(functions: .kubernetes, costLimit: min(perCallLimit, w.budget))
        let result = interpreter.evaluate(compiled.ast, Activation(variables))
        let ruleText = errorString(rule)
        if interpreter.cost > w.budget {
            w.causes.append(Cause(field: here, message: "Invalid value: \(strconvQuote(type)): validation failed due to running out of cost budget, no further validation rules will be run"))
            w.stopped = true
            return
        }
        w.budget -= interpreter.cost
        switch result {
        case .bool(true):
            return
        case .error(let e) where e.message.hasPrefix("no such overload"):
            w.causes.append(Cause(field: here, message: "Invalid value: \(strconvQuote(type)): '\(e.message)': call arguments did not match a supported operator, function or macro signature for rule: \(ruleText)"))
        case .error(let e) where e.message.hasPrefix(Interpreter.costExceeded):
            w.causes.append(Cause(field: here, message: "Invalid value: \(strconvQuote(type)): '\(e.message)': no further validation rules will be run due to call cost exceeds limit for rule: \(ruleText)"))
            w.stopped = true
        case .error(let e):
            w.causes.append(Cause(field: here, message: "Invalid value: \(strconvQuote(type)): \(e.message) evaluating rule: \(ruleText)"))
        default:
            let before = w.causes.count
            failed(rule, type: type, path: path, variables: variables, &w)
            // Ratcheting (on by default in v1.32): an unchanged part is not held to a rule it already broke.
            if !transition, w.causes.count > before, nearest?.unchanged == true {
                w.warnings += w.causes[before...].map { $0.field + ": " + $0.message }
                w.causes.removeSubrange(before...)
            }
        }
    }

    /// A rule that evaluated to false: its message (or messageExpression), reason and fieldPath.
    static func failed(_ rule: JSONValue, type: String, path: String?, variables: [String: Value], _ w: inout Walk) {
        var field = path ?? "<nil>"
        if let fp = rule["fieldPath"].string, !fp.isEmpty, let rel = normalized(fp) {
            field = path.map { $0 + (rel.hasPrefix("[") ? "" : ".") + rel } ?? rel
        }
        var message = ruleMessage(rule)
        if let me = rule["messageExpression"].string, !me.isEmpty,
           case .success(let compiled) = CELCompiler.compile(me, variables: variables.mapValues { _ in SchemaType.dyn() },
                                                              environment: .storedExpressions) {
            let interpreter = Interpreter(functions: .kubernetes, costLimit: min(perCallLimit, w.budget))
            let v = interpreter.evaluate(compiled.ast, Activation(variables))
            w.budget -= interpreter.cost
            if case .string(let s) = v {
                let t = CRDSchemaValidation.trim(s)
                if !t.isEmpty && !t.contains("\n") && t.utf8.count <= 5 * 1024 { message = t }
            }
        }
        let value = strconvQuote(type)
        switch rule["reason"].string {
        case "FieldValueForbidden": w.causes.append(Cause(field: field, message: "Forbidden: " + message))
        case "FieldValueRequired": w.causes.append(Cause(field: field, message: "Required value: " + message))
        case "FieldValueDuplicate": w.causes.append(Cause(field: field, message: "Duplicate value: " + value))
        default: w.causes.append(Cause(field: field, message: "Invalid value: \(value): " + message))
        }
    }

    /// A fieldPath such as `.spec.x` or `.labels['a.b']` in the API server's notation (`spec.x`, `labels[a.b]`).
    static func normalized(_ fp: String) -> String? {
        var out = ""
        var u = Substring(fp)
        while !u.isEmpty {
            if u.hasPrefix("['"), let close = u.firstRange(of: "']") {
                out += "[" + u[u.index(u.startIndex, offsetBy: 2)..<close.lowerBound] + "]"
                u = u[close.upperBound...]
            } else if u.hasPrefix(".") {
                u = u.dropFirst()
                let end = u.firstIndex(where: { $0 == "." || $0 == "[" }) ?? u.endIndex
                out += (out.isEmpty ? "" : ".") + u[..<end]
                u = u[end...]
            } else {
                return nil
            }
        }
        return out
    }

    static func ruleMessage(_ rule: JSONValue) -> String {
        let m = rule["message"].string ?? ""
        return m.isEmpty ? "failed rule: " + errorString(rule) : CRDSchemaValidation.trim(m)
    }

    static func errorString(_ rule: JSONValue) -> String {
        let m = rule["message"].string ?? ""
        return CRDSchemaValidation.trim(m.isEmpty ? (rule["rule"].string ?? "") : m)
    }
}

/// JSON values as CEL sees them through a schema: numbers typed by the schema, formatted strings
/// as timestamps and durations, and only name/generateName of a resource's metadata.
enum CELValues {
    static func from(_ v: JSONValue, schema s: JSONValue, isResourceRoot: Bool = false) -> Value {
        let type = s["type"].string ?? ""
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return type == "number" ? .double(Double(i)) : .int(i)
        case .double(let d):
            if type == "integer" || (type.isEmpty && d == d.rounded() && abs(d) < 9e18) { return .int(Int64(d)) }
            return .double(d)
        case .string(let str):
            switch s["format"].string {
            case "date-time", "date":
                let t = CELTime.timestamp(str)
                return t ?? .string(str)
            case "duration":
                return CELTime.duration(str) ?? .string(str)
            default: return .string(str)
            }
        case .array(let items):
            return .list(items.map { from($0, schema: s["items"], isResourceRoot: s["items"]["x-kubernetes-embedded-resource"].bool == true) })
        case .object(let o):
            var m = CELMap()
            let embedded = isResourceRoot || s["x-kubernetes-embedded-resource"].bool == true
            for (k, x) in o {
                if embedded && k == "metadata" {
                    var meta = CELMap()
                    for key in ["name", "generateName"] { if let n = x[key].string { meta.insert(.string(key), .string(n)) } }
                    m.insert(.string(k), .map(meta))
                    continue
                }
                let child = s["properties"][k].isNull ? s["additionalProperties"] : s["properties"][k]
                m.insert(.string(k), from(x, schema: child.object == nil ? .null : child,
                                          isResourceRoot: child["x-kubernetes-embedded-resource"].bool == true))
            }
            return .map(m)
        }
    }
}
