import KubeAPI
import KubeModel
import KubeRegistry

/// `kubectl auth can-i`: a SelfSubjectAccessReview (`yes`/`no`, exit 1 for no) or, with `--list`, a
/// SelfSubjectRulesReview printed as kubectl prints it, both answered by the store's RBAC objects.
struct CanIOptions: FlagOptions {
    static let spec = CommandSpec(
        "can-i", use: "can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]",
        short: "Ask RBAC whether the current user may do something",
        long: "Ask RBAC whether the current user may perform an action.\n\n"
            + "VERB is an API verb such as get, list, watch, create or delete. TYPE is a resource, resolved like\n"
            + "other commands resolve it (short names and groups work); NAME narrows it to one object;\n"
            + "NONRESOURCEURL is a path starting with \"/\". The answer comes from the store's Roles, ClusterRoles\n"
            + "and bindings; combine it with --as to ask on behalf of someone else.",
        example: """
            # May I create pods in any namespace?
            kubectl auth can-i create pods --all-namespaces

            # May I list deployments in the current namespace?
            kubectl auth can-i list deployments.apps

            # May the service account "coredns" of namespace "kube-system" list pods there?
            kubectl auth can-i list pods --as=system:serviceaccount:kube-system:coredns -n kube-system

            # May I do everything in the current namespace ("*" means all)?
            kubectl auth can-i '*' '*'

            # May I read the job "nightly" in namespace "ops"?
            kubectl auth can-i get jobs.batch/nightly -n ops

            # May I read pod logs?
            kubectl auth can-i get pods --subresource=log

            # May I read the non-resource URL /healthz?
            kubectl auth can-i get /healthz

            # Everything I may do in namespace "ops"
            kubectl auth can-i --list --namespace=ops
            """,
        options: CanIOptions.self)

    static let resourceVerbs: Set<String> = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use",
                                             "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"]
    static let nonResourceVerbs: Set<String> = ["get", "put", "post", "head", "options", "delete", "patch", "*"]

    var list = false
    var quiet = false
    var allNamespaces = false
    var noHeaders = false
    var subresource = ""
    var verb = ""
    var nonResourceURL = ""
    /// The resolved resource: its group and plural (or the argument as given when unknown), its scope.
    var group = ""
    var resource = ""
    var namespaced: Bool?
    var resourceName = ""
    var namespace = ""

    static var flags: [OptionFlag<Self>] {
        [.init(\.allNamespaces, "all-namespaces", short: "A", usage: "Ask about every namespace instead of the current one."),
         .init(\.quiet, "quiet", short: "q", usage: "Print nothing; the exit code is the answer."),
         .init(\.subresource, "subresource", usage: "Subresource to ask about, such as log for pods or scale for deployments."),
         .init(\.list, "list", usage: "List everything the user is allowed to do."),
         .init(\.noHeaders, "no-headers", usage: "With --list, leave out the header row.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        if list {
            if !inv.args.isEmpty { throw CLIError.message("list option must be specified with no arguments") }
        } else {
            guard inv.args.count == 2 else {
                throw CLIError.message("you must specify two arguments: verb resource or verb resource/resourceName.\n"
                    + "See 'kubectl auth can-i -h' for help and examples.")
            }
            verb = inv.args[0]
            if inv.args[1].hasPrefix("/") { nonResourceURL = inv.args[1] } else { resolveResource(inv.args[1], &inv) }
        }
        if !allNamespaces { namespace = try inv.namespace() }
    }

    /// kubectl's resourceFor: `*` as is; a known resource by any of its names; anything else as given,
    /// with a warning (except users and groups, which only impersonation knows).
    private mutating func resolveResource(_ arg: String, _ inv: inout Invocation) {
        let parts = arg.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1 { resourceName = parts[1] }
        let typeArg = parts[0]
        if typeArg == "*" { resource = typeArg; namespaced = true; return }
        if let t = try? inv.registry.resolve(typeArg.lowercased()).type {
            group = t.group
            resource = t.plural
            namespaced = t.namespaced
            return
        }
        resource = typeArg
        let lower = typeArg.lowercased()
        if !["users", "groups"].contains(lower) {
            let (name, g) = lower.firstIndex(of: ".").map { (String(lower[..<$0]), String(lower[lower.index(after: $0)...])) } ?? (lower, "")
            inv.warn(g.isEmpty ? "the server doesn't have a resource type '\(name)'\n" : "the server doesn't have a resource type '\(name)' in group '\(g)'\n")
        }
    }

    func validate(_ inv: Invocation) throws {
        if list {
            if quiet || allNamespaces || !subresource.isEmpty {
                throw CLIError.message("list option can't be specified with neither quiet, all-namespaces nor subresource options")
            }
            return
        }
        if !nonResourceURL.isEmpty {
            if !subresource.isEmpty { throw CLIError.message("--subresource can not be used with NonResourceURL") }
            if !Self.nonResourceVerbs.contains(verb) { inv.warn("verb '\(verb)' is not a known verb\n") }
        } else if !resource.isEmpty && !allNamespaces {
            if namespaced == false {
                inv.warn(group.isEmpty ? "resource '\(resource)' is not namespace scoped\n"
                                       : "resource '\(resource)' is not namespace scoped in group '\(group)'\n")
            }
            if !Self.resourceVerbs.contains(verb) { inv.warn("verb '\(verb)' is not a known verb\n") }
        }
        if noHeaders { throw CLIError.message("--no-headers cannot be set without --list specified") }
    }

    func run(_ inv: inout Invocation) throws {
        if list {
            let status = try Self.review("SelfSubjectRulesReview", spec: ["namespace": .string(namespace)], &inv)
            if status["incomplete"].bool == true {
                inv.warn("the list may be incomplete: \(status["evaluationError"].string ?? "")")
            }
            let rules = (status["resourceRules"].array ?? []) + (status["nonResourceRules"].array ?? [])
            return inv.io.out.write(Self.rulesTable(rules, headers: !noHeaders))
        }
        var attributes = JSONObject()
        if nonResourceURL.isEmpty {
            for (key, value) in [("namespace", namespace), ("verb", verb), ("group", group), ("resource", resource),
                                 ("subresource", subresource), ("name", resourceName)] where !value.isEmpty {
                attributes[key] = .string(value)
            }
        } else {
            attributes = JSONObject([("verb", .string(verb)), ("path", .string(nonResourceURL))])
        }
        let key = nonResourceURL.isEmpty ? "resourceAttributes" : "nonResourceAttributes"
        let status = try Self.review("SelfSubjectAccessReview", spec: .object(JSONObject([(key, .object(attributes))])), &inv)
        let allowed = status["allowed"].bool == true
        if !quiet {
            // kubectl: "no", then " - reason" and " - evaluationError" when the server gives them.
            var answer = allowed ? "yes" : "no"
            if !allowed {
                for field in ["reason", "evaluationError"] {
                    if let text = status[field].string, !text.isEmpty { answer += " - " + text }
                }
            }
            inv.io.out.write(answer + "\n")
        }
        if !allowed { throw CLIError.exit(1) }
    }

    /// Creates a review of the authorization.k8s.io group as the request's user (who must be allowed
    /// to create it: the API server's Forbidden otherwise) and returns its `status`.
    static func review(_ kind: String, spec: JSONValue, _ inv: inout Invocation) throws -> JSONValue {
        let body: JSONValue = JSONObject([("kind", .string(kind)), ("apiVersion", "authorization.k8s.io/v1"),
                                          ("metadata", .emptyObject), ("spec", spec)]).asValue
        guard let type = inv.registry.type(group: "authorization.k8s.io", plural: kind.lowercased() + "s") else {
            throw CLIError.message("the server doesn't have a resource type \(strconvQuote(kind.lowercased() + "s"))")
        }
        return try inv.server().read { try $0.create(body, type: type, namespace: "") }["status"]
    }

    /// The rules review as kubectl prints it: resource rules, then non-resource ones, compacted and sorted.
    static func rulesTable(_ rules: [JSONValue], headers: Bool) -> String {
        var policy: [PolicyRule] = []
        for rule in rules where !(rule["resources"].array ?? []).isEmpty {
            var r = PolicyRule(rule)
            r.nonResourceURLs = []
            policy.append(r)
        }
        for rule in rules where !(rule["nonResourceURLs"].array ?? []).isEmpty {
            policy.append(PolicyRule(verbs: PolicyRule(rule).verbs, nonResourceURLs: PolicyRule(rule).nonResourceURLs))
        }
        var w = TabWriter.table()
        if headers { w.writeRow(["Resources", "Non-Resource URLs", "Resource Names", "Verbs"]) }
        for r in PolicyRule.compacted(policy) { w.writeRow(r.cells) }
        return w.flush()
    }
}
