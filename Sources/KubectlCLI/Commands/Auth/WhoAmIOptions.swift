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
        guard let type = inv.registry.type(group: "authentication.k8s.io", plural: "selfsubjectreviews") else {
            throw CLIError.message(Self.forbidden)
        }
        let body: JSONValue = JSONObject([("kind", "SelfSubjectReview"), ("apiVersion", "authentication.k8s.io/v1"),
                                          ("metadata", .emptyObject)]).asValue
        let review: JSONValue
        do {
            review = try inv.server().read { try $0.create(body, type: type, namespace: "") }
        } catch let e as APIError where e.code == 403 || e.code == 404 {
            throw CLIError.message(Self.forbidden)  // kubectl's answer to a Forbidden (or NotFound) review
        }
        guard let format else { return inv.io.out.write(Self.table(review["status"]["userInfo"])) }
        try OperationPrinter.printObjects([review], format: format, showManagedFields: printFlags.showManagedFields,
                                          typedJSON: true, inv: &inv)
    }

    static let forbidden = "the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it"

    /// kubectl's table of a review's `status.userInfo`: extra keys sorted, lists as Go prints them.
    static func table(_ info: JSONValue) -> String {
        func list(_ v: JSONValue) -> String { "[" + (v.array ?? []).compactMap(\.string).joined(separator: " ") + "]" }
        var w = TabWriter.table()
        w.writeRow(["ATTRIBUTE", "VALUE"])
        if let name = info["username"].string, !name.isEmpty { w.writeRow(["Username", name]) }
        if let uid = info["uid"].string, !uid.isEmpty { w.writeRow(["UID", uid]) }
        if !(info["groups"].array ?? []).isEmpty { w.writeRow(["Groups", list(info["groups"])]) }
        let extra = info["extra"].object ?? JSONObject()
        for key in extra.keys.sorted() { w.writeRow(["Extra: " + key, list(extra[key] ?? .null)]) }
        return w.flush()
    }
}
