import KubeCEL
import KubeModel
import KubeRegistry

/// The ValidatingAdmissionPolicy admission plugin (v1.32 `plugin/policy/validating`): every create,
/// update and delete that a policy's match constraints and one of its bindings select is judged by the
/// policy's validations, once per param the binding names. A failed validation is handled as the
/// binding's validationActions say: Deny refuses the request (the first denial is the error, with the
/// validation's reason: Invalid unless Forbidden or RequestEntityTooLarge), Warn sends kubectl a
/// warning, Audit goes to the audit log (not kept here). Requests for policies and bindings themselves
/// are not judged, nor controllers' writes but pod creates. With no policy bound, a request costs one
/// count per session.
struct ValidatingPolicyAdmission: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        // Controllers' writes are judged only where their refusal is modelled: a pod create (the owner
        // records FailedCreate and retries). A cluster's controllers retry any other refused write.
        guard r.fromClient || (r.operation == .create && r.groupKind == ("", "Pod")) else { return }
        guard try !s.boundValidatingPolicies().isEmpty else { return }
        let ns = r.type.namespaced ? (r.object["metadata"]["namespace"].string ?? "") : ""
        let attributes = PolicyAttributes(
            operation: r.operation == .create ? "CREATE" : "UPDATE", type: r.type,
            version: ValidatingPolicies.version(of: r.object, r.type), subresource: s.fieldManager.subresource,
            namespace: r.type.group.isEmpty && r.type.plural == "namespaces" ? r.name : ns,
            name: r.requestName ?? r.name, object: r.object, oldObject: r.old ?? .null, dryRun: r.dryRun)
        try s.judgeByPolicies(attributes)
    }
}

enum ValidatingPolicies {
    static let group = "admissionregistration.k8s.io"

    /// The version of the request: the object's apiVersion when it is of the type's group.
    static func version(of obj: JSONValue, _ t: ResourceType) -> String {
        guard let av = obj["apiVersion"].string, !av.isEmpty else { return t.version }
        if let slash = av.firstIndex(of: "/") {
            return String(av[..<slash]) == t.group ? String(av[av.index(after: slash)...]) : t.version
        }
        return t.group.isEmpty ? av : t.version
    }

    /// `isPolicyResource`: requests for policies and bindings are never judged by policies.
    static func isPolicyResource(_ t: ResourceType) -> Bool {
        t.group == group && (t.plural == "validatingadmissionpolicies" || t.plural == "validatingadmissionpolicybindings")
    }

    /// The denial as the plugin builds it: `admission.NewForbidden`'s message and details (the resource
    /// as kind), the decision's reason and its HTTP code, the message as the only cause.
    static func denial(_ message: String, reason: String?, _ a: PolicyAttributes) -> APIError {
        let reason = APIError.Reason(rawValue: reason ?? "") ?? .invalid
        let code: Int
        switch reason {
        case .forbidden: code = 403
        case .requestEntityTooLarge: code = 413
        default: code = 422
        }
        let resource = a.group.isEmpty ? a.resource : a.resource + "." + a.group
        let name = a.refusedName
        return APIError(reason: reason == .unknown ? .invalid : reason,
                        message: "\(resource) \(strconvQuote(name)) is forbidden: \(message)", code: code,
                        causes: [APIError.Cause(field: "", message: message)], detailsKind: a.resource, detailsName: name)
    }
}

extension APISession {
    /// The policies with at least one binding, by name, compiled once per session (a policy or binding
    /// written since clears them).
    func boundValidatingPolicies() throws -> [CompiledPolicy] {
        if let known = validatingPolicies { return known }
        guard let pt = registry.type(group: ValidatingPolicies.group, kind: "ValidatingAdmissionPolicy"),
              let bt = registry.type(group: ValidatingPolicies.group, kind: "ValidatingAdmissionPolicyBinding"),
              try tx.count(resource: bt.storageKey, namespace: nil) > 0, try tx.count(resource: pt.storageKey, namespace: nil) > 0
        else {
            validatingPolicies = []
            return []
        }
        auth.internalDepth += 1
        defer { auth.internalDepth -= 1 }
        var byPolicy: [String: [JSONValue]] = [:]
        for b in try list(bt, namespace: nil) { byPolicy[b["spec"]["policyName"].string ?? "", default: []].append(b) }
        var out: [CompiledPolicy] = []
        for p in try list(pt, namespace: nil) {
            guard let bindings = byPolicy[p["metadata"]["name"].string ?? ""] else { continue }
            let compiled = CompiledPolicy(p)
            compiled.bindings = bindings.sorted { goStringLess($0["metadata"]["name"].string ?? "", $1["metadata"]["name"].string ?? "") }
            out.append(compiled)
        }
        out.sort { goStringLess($0.name, $1.name) }
        validatingPolicies = out
        return out
    }

    /// A client's delete as the policies see it (`DELETE`, the stored object as oldObject); deletes the
    /// delete causes (garbage collection) are controllers' and not judged.
    func judgeDeletionByPolicies(_ type: ResourceType, _ obj: JSONValue, dryRun: Bool) throws {
        guard writeDepth == 1, try !boundValidatingPolicies().isEmpty else { return }
        let name = obj["metadata"]["name"].string ?? ""
        let isNamespace = type.group.isEmpty && type.plural == "namespaces"
        try judgeByPolicies(PolicyAttributes(
            operation: "DELETE", type: type, version: type.version, subresource: "",
            namespace: isNamespace ? name : (type.namespaced ? obj["metadata"]["namespace"].string ?? "" : ""),
            name: name, object: .null, oldObject: obj, dryRun: dryRun))
    }

    /// The validating dispatcher: every matching policy and binding, every param; warnings are sent as
    /// they come, the first denial is thrown.
    func judgeByPolicies(_ a: PolicyAttributes) throws {
        if ValidatingPolicies.isPolicyResource(a.type) { return }
        var denied: [(message: String, reason: String?)] = []
        var input: [String: Value]?
        for p in try boundValidatingPolicies() {
            guard try PolicyMatching.matches(p.spec["matchConstraints"], a, isBinding: false, session: self) else { continue }
            let paramType = p.spec["paramKind"].isNull ? nil : paramType(p.spec["paramKind"])
            if !p.spec["paramKind"].isNull && paramType == nil {
                if !p.ignoresErrors {
                    let pk = p.spec["paramKind"]
                    let av = pk["apiVersion"].string ?? ""
                    denied.append(("ValidatingAdmissionPolicy '\(p.name)' denied request: failed to configure policy: failed to find resource referenced by paramKind: '\(av), Kind=\(pk["kind"].string ?? "")'", nil))
                }
                continue
            }
            for b in p.bindings {
                guard try PolicyMatching.matches(b["spec"]["matchResources"], a, isBinding: true, session: self) else { continue }
                let bindingName = b["metadata"]["name"].string ?? ""
                let head = "ValidatingAdmissionPolicy '\(p.name)' with binding '\(bindingName)' denied request: "
                let params: [JSONValue?]
                do {
                    params = try collectParams(paramType, ref: b["spec"]["paramRef"], namespace: a.namespace)
                } catch let e as PolicyConfigurationError {
                    if !p.ignoresErrors { denied.append((head + "failed to configure binding: " + e.message, nil)) }
                    continue
                }
                if input == nil { input = try policyInput(a) }
                let actions = (b["spec"]["validationActions"].array ?? []).compactMap(\.string)
                for param in params {
                    var vars = input!
                    if p.spec["paramKind"].object != nil { vars["params"] = param.map { CELValues.from($0, schema: .null) } ?? .null }
                    let result = PolicyEvaluation.validate(p, vars)
                    for d in result.decisions where d.deny {
                        for action in actions {
                            switch action {
                            case "Deny": denied.append((head + d.message, d.reason))
                            case "Warn": warn("Validation failed for ValidatingAdmissionPolicy '\(p.name)' with binding '\(bindingName)': \(d.message)")
                            default: break
                            }
                        }
                    }
                    for e in result.auditErrors { denied.append((head + e, nil)) }
                }
            }
        }
        if let first = denied.first { throw ValidatingPolicies.denial(first.message, reason: first.reason, a) }
    }

    /// The type a policy's paramKind names (nil when none is served).
    func paramType(_ pk: JSONValue) -> ResourceType? {
        registry.type(apiVersion: pk["apiVersion"].string ?? "", kind: pk["kind"].string ?? "")
    }

    /// `CollectParams`: the binding's param by name or the params its selector selects (in the request's
    /// namespace unless it names one); none found with parameterNotFoundAction Deny is an error.
    func collectParams(_ t: ResourceType?, ref: JSONValue, namespace: String) throws -> [JSONValue?] {
        guard let t, ref.object != nil else { return [nil] }
        var ns = ""
        if t.namespaced {
            ns = ref["namespace"].string ?? ""
            if ns.isEmpty { ns = namespace }
            if ns.isEmpty { throw PolicyConfigurationError(message: "cannot use namespaced paramRef in policy binding that matches cluster-scoped resources") }
        } else if !(ref["namespace"].string ?? "").isEmpty {
            throw PolicyConfigurationError(message: "paramRef.namespace must not be provided for a cluster-scoped `paramKind`")
        }
        auth.internalDepth += 1
        defer { auth.internalDepth -= 1 }
        var found: [JSONValue] = []
        if let name = ref["name"].string, !name.isEmpty {
            if let o = try stored(t, namespace: ns, name: name)?.object { found = [o] }
        } else if ref["selector"].object != nil {
            guard let sel = try? LabelSelector(from: ref["selector"]) else { throw PolicyConfigurationError(message: "invalid paramRef.selector") }
            found = try list(t, namespace: t.namespaced ? ns : nil).filter { sel.matches(labels: $0["metadata"]["labels"]) }
        } else {
            throw PolicyConfigurationError(message: "one of name or selector must be provided")
        }
        if found.isEmpty && ref["parameterNotFoundAction"].string == "Deny" {
            throw PolicyConfigurationError(message: "no params found for policy binding with `Deny` parameterNotFoundAction")
        }
        return found
    }

    /// The CEL variables of a request: object, oldObject, request, namespaceObject.
    func policyInput(_ a: PolicyAttributes) throws -> [String: Value] {
        let user = auth.user ?? .kubeadmAdmin
        let gvk: JSONValue = ["group": .string(a.group), "version": .string(a.version), "kind": .string(a.type.kind)]
        let gvr: JSONValue = ["group": .string(a.group), "version": .string(a.version), "resource": .string(a.resource)]
        var extra = JSONObject()
        for (k, v) in user.extra { extra[k] = .array(v.map { .string($0) }) }
        var options: JSONValue = ["apiVersion": "meta.k8s.io/v1",
                                  "kind": .string(a.operation == "CREATE" ? "CreateOptions" : a.operation == "DELETE" ? "DeleteOptions" : "UpdateOptions")]
        if a.dryRun { options["dryRun"] = ["All"] }
        if a.operation != "DELETE", !fieldManager.manager.isEmpty { options["fieldManager"] = .string(fieldManager.manager) }
        let request: JSONValue = [
            "kind": gvk, "resource": gvr, "subResource": .string(a.subresource), "requestKind": gvk, "requestResource": gvr,
            "requestSubResource": .string(a.subresource), "name": .string(a.name), "namespace": .string(a.namespace),
            "operation": .string(a.operation),
            "userInfo": ["username": .string(user.name), "uid": .string(user.uid), "groups": .array(user.groups.map { .string($0) }),
                         "extra": .object(extra)],
            "dryRun": .bool(a.dryRun), "options": options,
        ]
        var vars: [String: Value] = [
            "object": CELValues.from(a.object, schema: .null), "oldObject": CELValues.from(a.oldObject, schema: .null),
            "request": CELValues.from(request, schema: .null), "namespaceObject": .null,
        ]
        let authorizer = SessionAuthorizer(session: self, user: user)
        vars["authorizer"] = .opaque(AuthzValue(backend: authorizer))
        vars["authorizer.requestResource"] = .opaque(AuthzValue(
            backend: authorizer, stage: .resource,
            check: AuthzCheck(group: a.group, resource: a.resource, subresource: a.subresource, namespace: a.namespace, name: a.name)))
        // A namespace's own requests see no namespaceObject.
        if !a.isNamespaceObject, let ns = try namespaceObject(a.namespace) {
            var meta = CELMap()
            for key in ["name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
                        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "finalizers"] {
                let v = ns["metadata"][key]
                if v.isNull { continue }
                if key.hasSuffix("Timestamp"), let t = v.string, let ts = CELTime.timestamp(t) {
                    meta.insert(.string(key), ts)
                } else {
                    meta.insert(.string(key), CELValues.from(v, schema: .null))
                }
            }
            let value = Value.makeMap([("metadata", .map(meta)), ("spec", CELValues.from(ns["spec"], schema: .null)),
                                       ("status", CELValues.from(ns["status"], schema: .null))])
            vars["namespaceObject"] = value
        }
        return vars
    }
}

struct PolicyConfigurationError: Error { var message: String }

/// The `authorizer` of policy expressions: the session's authorizer (Node, then RBAC) asked for the
/// requester, or for the service account a check names. It gives no reason for an allowed request.
final class SessionAuthorizer: CELAuthorizer {
    unowned let session: APISession
    let user: UserInfo

    init(session: APISession, user: UserInfo) {
        self.session = session
        self.user = user
    }

    func decide(_ c: AuthzCheck) -> AuthzDecision {
        var who = user
        if let sa = c.serviceAccount, let slash = sa.firstIndex(of: "/") {
            let ns = String(sa[..<slash]), name = String(sa[sa.index(after: slash)...])
            who = UserInfo(name: "system:serviceaccount:\(ns):\(name)",
                           groups: ["system:serviceaccounts", "system:serviceaccounts:\(ns)", "system:authenticated"])
        }
        var attributes = AuthorizationAttributes(verb: c.verb, namespace: c.namespace, apiGroup: c.group, resource: c.resource,
                                                 subresource: c.subresource, name: c.name)
        if let path = c.path { attributes = AuthorizationAttributes(verb: c.verb, resource: ""); attributes.path = path }
        do {
            return AuthzDecision(allowed: try session.allows(who, attributes))
        } catch {
            return AuthzDecision(allowed: false, error: "\(error)")
        }
    }
}
