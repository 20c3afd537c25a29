import KubeCEL
import KubeModel

/// A ValidatingAdmissionPolicy compiled for requests: its expressions compiled as when it was written
/// (AdmissionCEL), with the bindings that name it.
final class CompiledPolicy {
    typealias Compiled = Result<CompiledExpression, CELError>

    struct Validation {
        var expression: String
        var compiled: Compiled
        var message: String
        var messageExpression: Compiled?
        var reason: String?
    }

    let name: String
    let spec: JSONValue
    /// `failurePolicy: Ignore` (an error admits); Fail otherwise.
    let ignoresErrors: Bool
    let matchConditions: [(expression: String, compiled: Compiled)]
    let variables: [(name: String, compiled: Compiled)]
    let validations: [Validation]
    let auditAnnotations: [(valueExpression: String, compiled: Compiled)]
    var bindings: [JSONValue] = []

    init(_ policy: JSONValue) {
        name = policy["metadata"]["name"].string ?? ""
        spec = policy["spec"]
        ignoresErrors = spec["failurePolicy"].string == "Ignore"
        let params = spec["paramKind"].object != nil
        matchConditions = (spec["matchConditions"].array ?? []).map {
            let e = $0["expression"].string ?? ""
            return (e, Self.compile(e, .bool, .init(params: params)))
        }
        let vars = spec["variables"].array ?? []
        var options = AdmissionCEL.Options(params: params, variables: vars.isEmpty ? nil : ObjectType(name: "kubernetes.variables"))
        var compiledVariables: [(String, Compiled)] = []
        for v in vars {
            let name = v["name"].string ?? ""
            let compiled = Self.compile(v["expression"].string ?? "", .any, options)
            if case .success(let c) = compiled {
                options.variables?.fields[name] = AdmissionCEL.declaredType(AdmissionCEL.variableType(c.type))
            } else {
                options.variables?.fields[name] = .dyn()
            }
            compiledVariables.append((name, compiled))
        }
        variables = compiledVariables
        var messageOptions = options
        messageOptions.authorizer = false
        validations = (spec["validations"].array ?? []).map { v in
            let e = v["expression"].string ?? ""
            let me = v["messageExpression"].string ?? ""
            return Validation(expression: e, compiled: Self.compile(e, .bool, options), message: v["message"].string ?? "",
                              messageExpression: me.isEmpty ? nil : Self.compile(me, .string, messageOptions),
                              reason: v["reason"].string)
        }
        auditAnnotations = (spec["auditAnnotations"].array ?? []).map {
            let e = $0["valueExpression"].string ?? ""
            return (e, Self.compile(e, .stringOrNull, options))
        }
    }

    /// `CompileCELExpression`: a failure reads `compilation failed: ...` or `must evaluate to ...`.
    static func compile(_ expression: String, _ returns: AdmissionCEL.Returns, _ options: AdmissionCEL.Options) -> Compiled {
        if let detail = AdmissionCEL.compile(expression, returns: returns, options: options).detail { return .failure(CELError(detail)) }
        switch CELCompiler.compile(expression, variables: AdmissionCEL.declarations(options)) {
        case .success(let c): return .success(c)
        case .failure(let f): return .failure(CELError("compilation failed: " + f.text))
        }
    }
}

/// One policy's verdict on a request for one binding and param (v1.32 `validator.Validate`).
enum PolicyEvaluation {
    /// kube-apiserver's `RuntimeCELCostBudget` (per evaluation of a policy) and the per-expression limit.
    static let budget = 10_000_000
    static let perCallLimit = 1_000_000
    static let outOfBudget = "validation failed due to running out of cost budget, no further validation rules will be run"
    static let maxMessageBytes = 5 * 1024

    struct Decision {
        var deny: Bool
        var message: String = ""
        /// The status reason of a failed validation (nil: Invalid).
        var reason: String?
    }

    struct Result {
        var decisions: [Decision] = []
        /// Messages of audit annotations that failed to evaluate (each one denies under failurePolicy Fail).
        var auditErrors: [String] = []
    }

    struct OutOfBudget: Error {}

    /// One expression's value, charging `spent`; a value over the remaining budget is `OutOfBudget`.
    static func evaluate(_ compiled: CompiledPolicy.Compiled, expression: String, _ vars: [String: Value],
                         spent: inout Int, limit: Int = budget) throws -> Swift.Result<Value, CELError> {
        switch compiled {
        case .failure(let e):
            return .failure(CELError("compilation error: " + e.message))
        case .success(let c):
            let interpreter = Interpreter(functions: .kubernetes, costLimit: perCallLimit)
            let v = interpreter.evaluate(c.ast, Activation(vars))
            if interpreter.cost > limit - spent { throw OutOfBudget() }
            spent += interpreter.cost
            if case .error(let e) = v { return .failure(CELError("expression '\(expression)' resulted in error: \(e.message)")) }
            return .success(v)
        }
    }

    /// The composed variables, in order, each seeing the ones before it; one that fails to evaluate
    /// holds its error, which an expression reading it gets.
    static func variables(_ p: CompiledPolicy, _ vars: inout [String: Value], spent: inout Int) {
        guard !p.variables.isEmpty else { return }
        var map = CELMap()
        for (name, compiled) in p.variables {
            vars["variables"] = .map(map)
            let value: Value
            switch compiled {
            case .failure(let e):
                value = .err("composited variable \(goQuote(name)) fails to compile: \(e.message)")
            case .success(let c):
                let interpreter = Interpreter(functions: .kubernetes, costLimit: perCallLimit)
                let v = interpreter.evaluate(c.ast, Activation(vars))
                spent += interpreter.cost
                if case .error(let e) = v {
                    value = .err("composited variable \(goQuote(name)) fails to evaluate: \(e.message)")
                } else {
                    value = v
                }
            }
            _ = map.insert(.string(name), value)
        }
        vars["variables"] = .map(map)
    }

    static func goQuote(_ s: String) -> String { strconvQuote(s) }

    static func validate(_ p: CompiledPolicy, _ input: [String: Value]) -> Result {
        let onError = { (message: String) in Decision(deny: !p.ignoresErrors, message: message) }
        var vars = input
        // Match conditions: any false skips the policy; errors (with none false) follow the failure policy.
        if !p.matchConditions.isEmpty {
            var spent = 0
            var errors: [String] = []
            do {
                for (expression, compiled) in p.matchConditions {
                    switch try evaluate(compiled, expression: expression, vars, spent: &spent) {
                    case .failure(let e): errors.append(e.message)
                    case .success(.bool(false)): return Result()
                    case .success: break
                    }
                }
            } catch {
                return Result(decisions: [onError(outOfBudget)])
            }
            if !errors.isEmpty {
                var seen = Set<String>()
                let unique = errors.filter { seen.insert($0).inserted }
                return Result(decisions: [onError(unique.count == 1 ? unique[0] : "[" + unique.joined(separator: ", ") + "]")])
            }
        }
        var spent = 0
        variables(p, &vars, spent: &spent)
        var results: [Swift.Result<Value, CELError>] = []
        do {
            if spent > budget { throw OutOfBudget() }
            for v in p.validations { results.append(try evaluate(v.compiled, expression: v.expression, vars, spent: &spent)) }
        } catch {
            return Result(decisions: [onError(outOfBudget)])
        }
        // Every message expression is evaluated with what the validations left of the budget.
        var messages: [Value?] = []
        var messageBudgetOut = false
        var messageVars = vars
        messageVars["authorizer"] = nil
        messageVars["authorizer.requestResource"] = nil
        do {
            for v in p.validations {
                guard let me = v.messageExpression else { messages.append(nil); continue }
                messages.append(try? evaluate(me, expression: "", messageVars, spent: &spent).get())
            }
        } catch {
            messageBudgetOut = true
        }
        var out = Result()
        for (i, v) in p.validations.enumerated() {
            switch results[i] {
            case .failure(let e):
                out.decisions.append(onError(e.message))
            case .success(.bool(true)):
                if messageBudgetOut { out.decisions.append(onError("failed messageExpression: " + outOfBudget)) } else { out.decisions.append(Decision(deny: false)) }
            case .success:
                if messageBudgetOut { out.decisions.append(onError("failed messageExpression: " + outOfBudget)); continue }
                var message = ""
                if i < messages.count, case .string(let s)? = messages[i] {
                    message = MatchConditionRules.trimSpace(s)
                    if message.utf8.count > maxMessageBytes || message.contains("\n") { message = "" }
                }
                if message.isEmpty { message = MatchConditionRules.trimSpace(v.message) }
                if message.isEmpty { message = "failed expression: " + MatchConditionRules.trimSpace(v.expression) }
                out.decisions.append(Decision(deny: true, message: message, reason: v.reason))
            }
        }
        // Audit annotations (their values go to the audit log, which this store does not keep): an error
        // or a value that is neither a string nor null denies under failurePolicy Fail.
        var auditSpent = 0
        var auditVars = vars
        auditVars["authorizer"] = nil
        auditVars["authorizer.requestResource"] = nil
        do {
            for (expression, compiled) in p.auditAnnotations {
                switch try evaluate(compiled, expression: expression, auditVars, spent: &auditSpent) {
                case .failure(let e):
                    if !p.ignoresErrors { out.auditErrors.append(e.message) }
                case .success(.string), .success(.null):
                    break
                case .success(let v):
                    out.auditErrors.append("valueExpression '\(expression)' resulted in unsupported return type: \(v.typeName). Return type must be either string or null.")
                }
            }
        } catch {
            return Result(decisions: [onError(outOfBudget)])
        }
        return out
    }
}
