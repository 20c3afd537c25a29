// Kubernetes' authorizer library (in every Kubernetes CEL environment since 1.27, selectors since 1.31):
// `authorizer.group(g).resource(r).namespace(ns).name(n).check(verb).allowed()`, `authorizer.path(p)`,
// `authorizer.serviceAccount(ns, name)`, and a decision's allowed/reason/errored/error. Only admission
// environments declare an `authorizer` value; the caller supplies it (`AuthzValue`) with the authorizer
// its checks ask. On values of other types every member reports no such overload.

extension FunctionTable {
    static let authzMembers = ["path", "group", "serviceAccount", "resource", "subresource", "namespace", "name",
                               "fieldSelector", "labelSelector", "check", "allowed", "reason", "errored", "error"]

    mutating func addKubernetesAuthz() {
        for name in Self.authzMembers {
            member(name) { args in
                guard case .opaque(let o) = args[0], let v = o as? AuthzValue,
                      let out = v.member(name, Array(args.dropFirst())) else { return .error(CELError.noOverload(name, args)) }
                return out
            }
        }
    }
}

/// What an authorizer check asks: a resource request (group, resource, subresource, namespace, name) or
/// a path, for a verb, made by the requester or by a service account (`serviceAccount(ns, name)`).
public struct AuthzCheck: Sendable, Equatable {
    public var verb = ""
    public var path: String?
    public var group = ""
    public var resource = ""
    public var subresource = ""
    public var namespace = ""
    public var name = ""
    /// `namespace/name` of the service account the check is made for (nil: the requester).
    public var serviceAccount: String?
    public init(group: String = "", resource: String = "", subresource: String = "", namespace: String = "", name: String = "") {
        self.group = group
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
    }
}

/// An authorizer's answer: allowed or not, its reason, and an error when it could not decide.
public struct AuthzDecision: Sendable, Equatable {
    public var allowed: Bool
    public var reason: String
    public var error: String?
    public init(allowed: Bool, reason: String = "", error: String? = nil) {
        self.allowed = allowed
        self.reason = reason
        self.error = error
    }
}

/// The authorizer a CEL `authorizer` value asks.
public protocol CELAuthorizer {
    func decide(_ check: AuthzCheck) -> AuthzDecision
}

/// A value of the authorizer library: the authorizer, a path, group or resource check in the making, or
/// a decision.
public struct AuthzValue: OpaqueValue, @unchecked Sendable {
    public enum Stage: Sendable, Equatable { case authorizer, path, group, resource, decision(AuthzDecision) }
    public let backend: any CELAuthorizer
    public var stage: Stage
    public var check: AuthzCheck

    public init(backend: any CELAuthorizer, stage: Stage = .authorizer, check: AuthzCheck = AuthzCheck()) {
        self.backend = backend
        self.stage = stage
        self.check = check
    }

    public var celTypeName: String {
        switch stage {
        case .authorizer: return "kubernetes.authorization.Authorizer"
        case .path: return "kubernetes.authorization.PathCheck"
        case .group: return "kubernetes.authorization.GroupCheck"
        case .resource: return "kubernetes.authorization.ResourceCheck"
        case .decision: return "kubernetes.authorization.Decision"
        }
    }

    public func isEqual(to other: any OpaqueValue) -> Bool { false }

    func with(_ stage: Stage, _ change: (inout AuthzCheck) -> Void) -> Value {
        var c = check
        change(&c)
        return .opaque(AuthzValue(backend: backend, stage: stage, check: c))
    }

    /// The member's result, nil when the member does not apply to this value or these arguments.
    func member(_ name: String, _ args: [Value]) -> Value? {
        var strings: [String] = []
        for a in args { guard case .string(let s) = a else { return nil }; strings.append(s) }
        switch (stage, name, strings.count) {
        case (.authorizer, "path", 1): return with(.path) { $0.path = strings[0] }
        case (.authorizer, "group", 1): return with(.group) { $0.group = strings[0] }
        case (.authorizer, "serviceAccount", 2): return with(.authorizer) { $0.serviceAccount = strings[0] + "/" + strings[1] }
        case (.group, "resource", 1): return with(.resource) { $0.resource = strings[0] }
        case (.resource, "subresource", 1): return with(.resource) { $0.subresource = strings[0] }
        case (.resource, "namespace", 1): return with(.resource) { $0.namespace = strings[0] }
        case (.resource, "name", 1): return with(.resource) { $0.name = strings[0] }
        case (.resource, "fieldSelector", 1), (.resource, "labelSelector", 1): return .opaque(self)
        case (.path, "check", 1), (.resource, "check", 1):
            var c = check
            c.verb = strings[0]
            return .opaque(AuthzValue(backend: backend, stage: .decision(backend.decide(c)), check: c))
        case (.decision(let d), "allowed", 0): return .bool(d.allowed)
        case (.decision(let d), "reason", 0): return .string(d.reason)
        case (.decision(let d), "errored", 0): return .bool(d.error != nil)
        case (.decision(let d), "error", 0): return .string(d.error ?? "")
        default: return nil
        }
    }
}

public enum AuthzTypes {
    public static let authorizer = CELType.opaque("kubernetes.authorization.Authorizer")
    public static let pathCheck = CELType.opaque("kubernetes.authorization.PathCheck")
    public static let groupCheck = CELType.opaque("kubernetes.authorization.GroupCheck")
    public static let resourceCheck = CELType.opaque("kubernetes.authorization.ResourceCheck")
    public static let decision = CELType.opaque("kubernetes.authorization.Decision")

    /// The result type of an authorizer library member call, nil when no overload matches, or
    /// `.none` (outer) when `name` is not one of the library's functions.
    static func member(_ name: String, _ recv: CELType, _ args: [CELType]) -> CELType?? {
        func fits(_ t: CELType, _ want: CELType) -> Bool { t.isDyn || t == want }
        let strings = args.allSatisfy { fits($0, .string) }
        switch name {
        case "path": return .some(fits(recv, authorizer) && args.count == 1 && strings ? pathCheck : nil)
        case "group": return .some(fits(recv, authorizer) && args.count == 1 && strings ? groupCheck : nil)
        case "serviceAccount": return .some(fits(recv, authorizer) && args.count == 2 && strings ? authorizer : nil)
        case "resource": return .some(fits(recv, groupCheck) && args.count == 1 && strings ? resourceCheck : nil)
        case "subresource", "namespace", "name", "fieldSelector", "labelSelector":
            return .some(fits(recv, resourceCheck) && args.count == 1 && strings ? resourceCheck : nil)
        case "check":
            return .some((fits(recv, pathCheck) || fits(recv, resourceCheck)) && args.count == 1 && strings ? decision : nil)
        case "allowed", "errored": return .some(fits(recv, decision) && args.isEmpty ? .bool : nil)
        case "reason", "error": return .some(fits(recv, decision) && args.isEmpty ? .string : nil)
        default: return .none
        }
    }
}
