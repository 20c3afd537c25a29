// Kubernetes' authorizer library (in every Kubernetes CEL environment since 1.27, selectors since 1.31):
// `authorizer.group(g).resource(r).namespace(ns).name(n).check(verb).allowed()`, `authorizer.path(p)`,
// `authorizer.serviceAccount(ns, name)`, and a decision's allowed/reason/errored/error. Only admission
// environments declare an `authorizer` value; the checker types these calls, and at run time no value of
// these types exists here, so a call reports no such overload.

extension FunctionTable {
    static let authzMembers = ["path", "group", "serviceAccount", "resource", "subresource", "namespace", "name",
                               "fieldSelector", "labelSelector", "check", "allowed", "reason", "errored", "error"]

    mutating func addKubernetesAuthz() {
        for name in Self.authzMembers {
            member(name) { args in .error(CELError.noOverload(name, args)) }
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
