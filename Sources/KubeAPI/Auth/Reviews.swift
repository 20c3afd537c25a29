import KubeModel
import KubeRegistry

/// The review kinds (SubjectAccessReview, SelfSubjectAccessReview, LocalSubjectAccessReview,
/// SelfSubjectRulesReview, SelfSubjectReview, TokenReview): a v1.32 API server serves only `create` for
/// them, answers the request in the response's `status` and stores nothing, so there is nothing to get,
/// list, watch or delete (HTTP 405 for every other verb).
extension APISession {
    /// 405 for a verb the server does not route for a create-only resource (the reviews, bindings).
    func requireServed(_ verb: String, _ type: ResourceType, subresource: String) throws {
        guard subresource.isEmpty, Self.servesOnlyCreate(type), verb != "create" else { return }
        throw APIError(reason: .methodNotAllowed, message: "the server does not allow this method on the requested resource", code: 405)
    }

    /// A resource the API server serves for `create` only (nothing of it is stored).
    public static func servesOnlyCreate(_ type: ResourceType) -> Bool { type.verbs == ["create"] }

    static let reviewKinds: Set<String> = [
        "authorization.k8s.io/SubjectAccessReview", "authorization.k8s.io/SelfSubjectAccessReview",
        "authorization.k8s.io/LocalSubjectAccessReview", "authorization.k8s.io/SelfSubjectRulesReview",
        "authentication.k8s.io/SelfSubjectReview", "authentication.k8s.io/TokenReview",
    ]

    static func isReview(_ type: ResourceType) -> Bool { reviewKinds.contains(type.group + "/" + type.kind) }

    /// The review's answer: the request as decoded with its `status` filled in and `metadata`
    /// `{creationTimestamp: null}` (plus the namespace of a local review), never stored.
    func review(_ input: JSONValue, type: ResourceType, namespace: String) throws -> JSONValue {
        var obj = input
        if type.namespaced, (obj["metadata"]["namespace"].string ?? "").isEmpty { obj["metadata"]["namespace"] = .string(namespace) }
        let causes = Self.reviewErrors(obj, kind: type.kind).map { APIError.Cause(field: $0.field, message: $0.body) }
        // The review's REST handler names the kind from the decoded internal object, whose type
        // meta is empty: no kind and no name in the error (kubectl: "The request is invalid").
        if !causes.isEmpty { throw APIError.invalid(kind: "", name: "", causes: causes, group: type.group) }
        let user = auth.user ?? .kubeadmAdmin
        var status = JSONObject()
        switch type.kind {
        case "SelfSubjectReview":
            status["userInfo"] = user.json
        case "TokenReview":
            if (obj["spec"]["token"].string ?? "").isEmpty { throw APIError.badRequest("token is required for TokenReview in authentication") }
            status = try tokenReviewStatus(obj["spec"])
        case "SelfSubjectRulesReview":
            let ns = obj["spec"]["namespace"].string ?? ""
            if ns.isEmpty { throw APIError.badRequest("no namespace on request") }
            let review = try rules(for: user, namespace: ns)
            var resourceRules: [JSONValue] = [], nonResourceRules: [JSONValue] = []
            for rule in review.rules {
                if !(rule["nonResourceURLs"].array ?? []).isEmpty {
                    nonResourceRules.append(.object(JSONObject([("verbs", rule["verbs"]), ("nonResourceURLs", rule["nonResourceURLs"])])))
                } else {
                    var r = JSONObject([("verbs", rule["verbs"])])
                    for key in ["apiGroups", "resources", "resourceNames"] where !(rule[key].array ?? []).isEmpty { r[key] = rule[key] }
                    resourceRules.append(.object(r))
                }
            }
            status = JSONObject([("resourceRules", .array(resourceRules)), ("nonResourceRules", .array(nonResourceRules)),
                                 ("incomplete", .bool(review.incomplete))])
            if !review.evaluationError.isEmpty { status["evaluationError"] = .string(review.evaluationError) }
        default:
            let subject = type.kind == "SelfSubjectAccessReview" ? user : Self.reviewSubject(obj["spec"])
            let spec = obj["spec"]
            var attributes: AuthorizationAttributes
            if spec["nonResourceAttributes"].object != nil {
                attributes = AuthorizationAttributes(verb: spec["nonResourceAttributes"]["verb"].string ?? "",
                                                     path: spec["nonResourceAttributes"]["path"].string ?? "")
            } else {
                let ra = spec["resourceAttributes"]
                attributes = AuthorizationAttributes(verb: ra["verb"].string ?? "", namespace: ra["namespace"].string ?? "",
                                                     apiGroup: ra["group"].string ?? "", resource: ra["resource"].string ?? "",
                                                     subresource: ra["subresource"].string ?? "", name: ra["name"].string ?? "")
                attributes.fieldSelector = Self.reviewFieldSelector(ra["fieldSelector"])
            }
            auth.internalDepth += 1
            defer { auth.internalDepth -= 1 }
            // The union of kind's authorizers (Node, then RBAC): the first to allow answers (the node
            // authorizer with no reason); a denial joins their reasons by lines.
            let node = try NodeAuthorizer(session: self).decide(subject, attributes)
            let authorizer = RBACAuthorizer(session: self)
            if node?.allowed == true {
                status["allowed"] = true
            } else if let reason = try authorizer.allowingReason(subject, attributes) {
                status["allowed"] = true
                status["reason"] = .string(reason)
            } else {
                status["allowed"] = false
                let reason = try denialReason(subject, attributes)
                if !reason.isEmpty { status["reason"] = .string(reason) }
            }
        }
        var meta = JSONObject([("creationTimestamp", .null)])
        if type.namespaced { meta["namespace"] = obj["metadata"]["namespace"] }
        var out = JSONObject([("kind", .string(type.kind)), ("apiVersion", .string(type.apiVersion)), ("metadata", .object(meta))])
        if !obj["spec"].isNull { out["spec"] = obj["spec"] } else if type.kind != "SelfSubjectReview" { out["spec"] = .emptyObject }
        out["status"] = .object(status)
        return .object(out)
    }

    /// The user a SubjectAccessReview asks about.
    static func reviewSubject(_ spec: JSONValue) -> UserInfo {
        var extra: [(key: String, values: [String])] = []
        for (k, v) in (spec["extra"].object ?? JSONObject()) { extra.append((k, (v.array ?? []).compactMap(\.string))) }
        return UserInfo(name: spec["user"].string ?? "", uid: spec["uid"].string ?? "",
                        groups: (spec["groups"].array ?? []).compactMap(\.string), extra: extra.sorted { $0.key < $1.key })
    }

    /// `pkg/apis/authorization/validation`: exactly one of resource and non-resource attributes, a
    /// subject for SubjectAccessReview, well-formed selectors in the resource attributes, empty
    /// metadata (a local review: but its namespace, which its resource attributes must name).
    static func reviewErrors(_ obj: JSONValue, kind: String) -> [FieldError] {
        guard kind.hasSuffix("AccessReview") else { return [] }
        let spec = obj["spec"]
        var errs: [FieldError] = []
        let ra = spec["resourceAttributes"].object != nil, nra = spec["nonResourceAttributes"].object != nil
        if ra && nra {
            errs.append(FieldError(.invalid, field: "spec.nonResourceAttributes", value: .raw(nonResourceLiteral(spec["nonResourceAttributes"])),
                                   detail: "cannot be specified in combination with resourceAttributes"))
        }
        if !ra && !nra {
            errs.append(FieldError(.invalid, field: "spec.resourceAttributes", value: .null,
                                   detail: "exactly one of nonResourceAttributes or resourceAttributes must be specified"))
        }
        if kind != "SelfSubjectAccessReview", (spec["user"].string ?? "").isEmpty, (spec["groups"].array ?? []).isEmpty {
            errs.append(.invalid("spec.user", "", "at least one of user or group must be specified"))
        }
        errs += selectorAttributeErrors(spec["resourceAttributes"])
        var meta = obj["metadata"]
        meta.remove(["managedFields"])
        if meta["creationTimestamp"].isNull { meta.remove(["creationTimestamp"]) }
        let local = kind == "LocalSubjectAccessReview"
        if local { meta.remove(["namespace"]) }
        if !(meta.object ?? JSONObject()).isEmpty {
            errs.append(FieldError(.invalid, field: "metadata", value: .raw(objectMetaLiteral(obj["metadata"])),
                                   detail: local ? "must be empty except for namespace" : "must be empty"))
        }
        if local {
            let ns = obj["metadata"]["namespace"].string ?? ""
            if ra, (spec["resourceAttributes"]["namespace"].string ?? "") != ns {
                errs.append(.invalid("spec.resourceAttributes.namespace", spec["resourceAttributes"]["namespace"].string ?? "", "must match metadata.namespace"))
            }
            if nra {
                errs.append(FieldError(.invalid, field: "spec.nonResourceAttributes", value: .raw(nonResourceLiteral(spec["nonResourceAttributes"])),
                                       detail: "disallowed on this kind of request"))
            }
        }
        return errs
    }

    /// Go's `%#v` of the internal `authorization.NonResourceAttributes`.
    static func nonResourceLiteral(_ v: JSONValue) -> String {
        "authorization.NonResourceAttributes{Path:\(strconvQuote(v["path"].string ?? "")), Verb:\(strconvQuote(v["verb"].string ?? ""))}"
    }

    /// Go's `%#v` of a `metav1.ObjectMeta` (the fields a client sends; times at their zero value).
    static func objectMetaLiteral(_ m: JSONValue) -> String {
        func str(_ key: String) -> String { strconvQuote(m[key].string ?? "") }
        func map(_ key: String) -> String {
            guard let o = m[key].object else { return "map[string]string(nil)" }
            let pairs = o.keys.sorted(by: goStringLess).map { "\(strconvQuote($0)):\(strconvQuote(o[$0]?.string ?? ""))" }
            return "map[string]string{" + pairs.joined(separator: ", ") + "}"
        }
        let finalizers = m["finalizers"].array.map { "[]string{" + $0.map { strconvQuote($0.string ?? "") }.joined(separator: ", ") + "}" }
            ?? "[]string(nil)"
        return "v1.ObjectMeta{Name:\(str("name")), GenerateName:\(str("generateName")), Namespace:\(str("namespace")), "
            + "SelfLink:\(str("selfLink")), UID:\(str("uid")), ResourceVersion:\(str("resourceVersion")), "
            + "Generation:\(m["generation"].int ?? 0), CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), "
            + "DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), Labels:\(map("labels")), "
            + "Annotations:\(map("annotations")), OwnerReferences:[]v1.OwnerReference(nil), Finalizers:\(finalizers), "
            + "ManagedFields:[]v1.ManagedFieldsEntry(nil)}"
    }
}
