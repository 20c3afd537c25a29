import KubeModel

struct SetSubjectOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common() + [
            .init(\Self.o.groups, "group", .stringArray, usage: "A group to add to the binding's subjects."),
            .init(\Self.o.serviceAccounts, "serviceaccount", .stringArray, usage: "A service account to add, as NAMESPACE:NAME."),
            .init(\Self.o.users, "user", .stringArray, usage: "A user name to add to the binding's subjects."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.subject(&inv, o) }
}

extension SetCommand {
    /// `set subject`: adds the users, groups and service accounts (each list sorted and without
    /// repeats, as kubectl's string sets) that a RoleBinding or ClusterRoleBinding does not have yet.
    static func subject(_ inv: inout Invocation, _ o: SetOptions) throws {
        let resources = inv.args
        try requireTargets(o, resources, readsFiles: true)
        try o.builder.rejectAllWithSelector()
        // kubectl reads the objects first (Complete), then checks the flags (Validate).
        var flagError: Error? = nil
        if o.users.isEmpty && o.groups.isEmpty && o.serviceAccounts.isEmpty {
            flagError = CLIError.message("you must specify at least one value of user, group or serviceaccount")
        }
        let namespace = try inv.namespace()
        func sortedSet(_ values: [String]) -> [String] { Set(values).sorted(by: goStringLess) }
        var subjects: [JSONValue] = []
        for u in sortedSet(o.users) { subjects.append(rbacSubject(kind: "User", name: u)) }
        for g in sortedSet(o.groups) { subjects.append(rbacSubject(kind: "Group", name: g)) }
        var accounts: [(namespace: String, name: String)] = []
        for sa in o.serviceAccounts {
            let tokens = sa.split(separator: ":", omittingEmptySubsequences: false)
            if tokens.count != 2 || tokens[1].isEmpty {
                if flagError == nil { flagError = CLIError.message("serviceaccount must be <namespace>:<name>") }
                continue
            }
            accounts.append((String(tokens[0]), String(tokens[1])))
        }
        for sa in sortedSet(o.serviceAccounts) where flagError == nil {
            let tokens = sa.split(separator: ":", omittingEmptySubsequences: false)
            subjects.append(JSONObject([("kind", "ServiceAccount"), ("name", .string(String(tokens[1]))),
                                        ("namespace", .string(tokens[0].isEmpty ? namespace : String(tokens[0])))]).asValue)
        }
        try apply(&inv, o, resources: resources, verb: "subjects updated", patchFailure: "failed to patch subjects to rolebinding: ", validate: { targets in
            if let flagError { throw flagError }
            if accounts.contains(where: { $0.namespace.isEmpty }), targets.contains(where: { $0.kind == "ClusterRoleBinding" }) {
                throw CLIError.message("serviceaccount must be <namespace>:<name>, namespace must be specified")
            }
        }) { obj, _ in
            guard ["RoleBinding", "ClusterRoleBinding"].contains(obj["kind"].string ?? ""),
                  GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: "").group == "rbac.authorization.k8s.io"
            else {
                throw CLIError.message("setting subjects is only supported for RoleBinding/ClusterRoleBinding")
            }
            var list = obj["subjects"].array ?? []
            func key(_ v: JSONValue) -> [String] { ["kind", "apiGroup", "name", "namespace"].map { v[$0].string ?? "" } }
            let existing = list.map(key)
            for s in subjects where !existing.contains(key(s)) { list.append(s) }
            guard list.count != existing.count, case .object(var o) = obj else { return }
            // A binding without subjects gets them where its typed form has them: before roleRef.
            if o["subjects"] == nil, let at = o.index(of: "roleRef") {
                o.insert("subjects", .array(list), at: at)
            } else {
                o["subjects"] = .array(list)
            }
            obj = .object(o)
        }
    }

    static func rbacSubject(kind: String, name: String) -> JSONValue {
        JSONObject([("kind", .string(kind)), ("apiGroup", "rbac.authorization.k8s.io"), ("name", .string(name))]).asValue
    }
}
