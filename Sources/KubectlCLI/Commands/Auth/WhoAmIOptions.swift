import KubeAPI
import KubeModel

/// `kubectl auth whoami`: the SelfSubjectReview of the request's user (the kubeconfig's admin, or the
/// user of `--as`), as a table or in an output format.
struct WhoAmIOptions: FlagOptions {
    static let spec = CommandSpec(
        "whoami", use: "whoami", short: "Experimental: Show the user the store sees the requests come from",
        long: "Show the attributes of the user requests are made as: name, uid, groups and extra values.\n\n"
            + "Offline that is the kubeconfig's kind/kubeadm admin, or whoever --as, --as-group and --as-uid name.",
        example: "# The current user, as a table\nkubectl auth whoami\n\n# The SelfSubjectReview object in JSON\nkubectl auth whoami -o json",
        options: WhoAmIOptions.self)

    var printFlags = PrintFlags()

    static var flags: [OptionFlag<Self>] { [.printing(\.printFlags, CommonFlags.output(tables: false))] }

    func run(_ inv: inout Invocation) throws {
        let format = try printFlags.format()
        let user = try inv.server().effectiveUser
        let review: JSONValue = JSONObject([
            ("kind", "SelfSubjectReview"), ("apiVersion", "authentication.k8s.io/v1"),
            ("metadata", ["creationTimestamp": .null]), ("status", ["userInfo": user.json]),
        ]).asValue
        guard let format else { return inv.io.out.write(Self.table(user)) }
        try OperationPrinter.printObjects([review], format: format, showManagedFields: printFlags.showManagedFields,
                                          typedJSON: true, inv: &inv)
    }

    static func table(_ user: UserInfo) -> String {
        var w = TabWriter.table()
        w.writeRow(["ATTRIBUTE", "VALUE"])
        if !user.name.isEmpty { w.writeRow(["Username", user.name]) }
        if !user.uid.isEmpty { w.writeRow(["UID", user.uid]) }
        if !user.groups.isEmpty { w.writeRow(["Groups", "[" + user.groups.joined(separator: " ") + "]"]) }
        for (key, values) in user.extra.sorted(by: { $0.key < $1.key }) {
            w.writeRow(["Extra: " + key, "[" + values.joined(separator: " ") + "]"])
        }
        return w.flush()
    }
}
