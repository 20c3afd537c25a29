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
        let server = try inv.server()
        let user = server.effectiveUser
        if list {
            let rules = try server.read { try $0.rules(for: user, namespace: namespace) }
            return inv.io.out.write(Self.rulesTable(rules, headers: !noHeaders))
        }
        let attributes = nonResourceURL.isEmpty
            ? AuthorizationAttributes(verb: verb, namespace: namespace, apiGroup: group, resource: resource, subresource: subresource,
                                      name: resourceName)
            : AuthorizationAttributes(verb: verb, path: nonResourceURL)
        let allowed = try server.read { try $0.allows(user, attributes) }
        if !quiet { inv.io.out.write(allowed ? "yes\n" : "no\n") }
        if !allowed { throw CLIError.exit(1) }
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
