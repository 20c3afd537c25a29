import KubeModel

struct CreateNamespace: ObjectGenerator {

    static var flags: [OptionFlag<Self>] {
        []
    }
    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        return Gen.obj([("kind", "Namespace"), ("apiVersion", "v1"), ("metadata", Gen.meta(name: name)),
                        ("spec", .emptyObject), ("status", .emptyObject)])
    }
}

struct CreateServiceAccount: ObjectGenerator {
    static var failure: CreateFailure { .colon("failed to create serviceaccount") }

    static var flags: [OptionFlag<Self>] {
        []
    }
    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        return Gen.obj([("kind", "ServiceAccount"), ("apiVersion", "v1"),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace))])
    }
}

struct CreateQuota: ObjectGenerator {
    var hard = ""
    var scopes = ""

    static var flags: [OptionFlag<Self>] {
        [.init(\.hard, "hard", usage: "Hard limits as resource=quantity pairs, comma separated."),
         .init(\.scopes, "scopes", usage: "Quota scopes, comma separated.")]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        var hard: [(String, String)] = []
        let spec = self.hard
        if !spec.isEmpty {
            for statement in Gen.split(spec, ",") {
                let parts = Gen.split(statement, "=")
                if parts.count != 2 {
                    throw CLIError.message("Invalid argument syntax \(statement), expected <resource>=<value>")
                }
                let q = try Quantity.canonical(parts[1])
                hard.removeAll { $0.0 == parts[0] }
                hard.append((parts[0], q))
            }
        }
        let scopesText = self.scopes
        let scopes = scopesText.isEmpty ? [] : Gen.split(scopesText, ",")
        // Scope names are left to the API server; only an empty one is refused here.
        if scopes.contains("") { throw CLIError.message("invalid resource quota scope \"\"") }
        return Gen.obj([("kind", "ResourceQuota"), ("apiVersion", "v1"),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace)),
                        ("spec", Gen.obj([("hard", hard.isEmpty ? nil : Gen.sortedMap(hard)),
                                          ("scopes", scopes.isEmpty ? nil : Gen.strings(scopes))])),
                        ("status", .emptyObject)])
    }
}

struct CreatePriorityClass: ObjectGenerator {
    var description = ""
    var globalDefault = false
    var preemptionPolicy: String?
    var value = 0

    static var flags: [OptionFlag<Self>] {
        [.init(\.description, "description", usage: "Human-readable description."),
         .init(\.globalDefault, "global-default", usage: "Make this the cluster's default priority class."),
         .init(\.preemptionPolicy, "preemption-policy", default: "PreemptLowerPriority", usage: "Preemption policy of pods in this class."),
         .init(\.value, "value", usage: "Priority value.", bits: 32)]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let policy = preemptionPolicy ?? "PreemptLowerPriority"
        return Gen.obj([("kind", "PriorityClass"), ("apiVersion", "scheduling.k8s.io/v1"),
                        ("metadata", Gen.meta(name: name)),
                        ("value", .int(Int64(value))),
                        ("globalDefault", globalDefault ? true : nil),
                        ("description", description.isEmpty ? nil : .string(description)),
                        ("preemptionPolicy", .string(policy))])
    }
}

struct CreatePodDisruptionBudget: ObjectGenerator {
    var maxUnavailable = ""
    var minAvailable = ""
    var selector = ""

    static var flags: [OptionFlag<Self>] {
        [.init(\.maxUnavailable, "max-unavailable", usage: "Most pods that may be unavailable (number or percent)."),
         .init(\.minAvailable, "min-available", usage: "Fewest pods that must stay available (number or percent)."),
         .init(\.selector, "selector", usage: "Label selector of the pods.")]
    }

    static func isCount(_ s: String) -> Bool {
        var u = Array(s.utf8)
        if u.last == 0x25 { u.removeLast() }
        return !u.isEmpty && u.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        let minA = minAvailable, maxU = maxUnavailable
        if selector.isEmpty { throw CLIError.message("a selector must be specified") }
        if minA.isEmpty && maxU.isEmpty { throw CLIError.message("one of min-available or max-unavailable must be specified") }
        if !minA.isEmpty && !maxU.isEmpty { throw CLIError.message("min-available and max-unavailable cannot be both specified") }
        if !minA.isEmpty && !Self.isCount(minA) { throw CLIError.message("invalid format specified for min-available") }
        if !maxU.isEmpty && !Self.isCount(maxU) { throw CLIError.message("invalid format specified for max-unavailable") }
        let sel = try LabelSelector.parseToObject(selector)
        return Gen.obj([
            ("kind", "PodDisruptionBudget"), ("apiVersion", "policy/v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace)),
            ("spec", Gen.obj([("minAvailable", minA.isEmpty ? nil : Gen.intOrString(minA)), ("selector", sel),
                              ("maxUnavailable", maxU.isEmpty ? nil : Gen.intOrString(maxU))])),
            ("status", Gen.obj([("disruptionsAllowed", 0), ("currentHealthy", 0), ("desiredHealthy", 0), ("expectedPods", 0)])),
        ])
    }
}
