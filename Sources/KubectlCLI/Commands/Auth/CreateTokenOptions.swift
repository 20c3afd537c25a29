import KubeAPI
import KubeModel

/// `kubectl create token SA`: a TokenRequest for the service account; the signed token is printed
/// (with a newline only on a terminal, as kubectl does) or the TokenRequest with `-o`.
struct CreateTokenOptions: FlagOptions {
    static let boundObjectKinds = ["Node", "Pod", "Secret"]

    static let spec = CommandSpec(
        "token", use: "token SERVICE_ACCOUNT_NAME", short: "Issue a signed token for a service account",
        long: "Issue a JWT for a service account, signed with the store's own key.\n\n"
            + "The token names the service account (and, with --bound-object-kind and --bound-object-name, the Pod,\n"
            + "Secret or Node it is bound to), its audiences and its expiry, as an API server's TokenRequest does.",
        example: """
            # A token for the service account "default" of the current namespace
            kubectl create token default

            # A token for the service account "coredns" of kube-system
            kubectl create token coredns -n kube-system

            # A token valid for two hours for two audiences
            kubectl create token default --duration=2h --audience=https://api.example.com --audience=vault

            # A token bound to the node node-1: it stops being valid when the node is deleted
            kubectl create token default --bound-object-kind=Node --bound-object-name=node-1
            """,
        options: CreateTokenOptions.self)

    var name = ""
    var namespace = ""
    var audiences: [String] = []
    var boundKind = ""
    var boundName = ""
    var boundUID = ""
    var duration = DurationFlag()
    var durationNanos: Int64 { duration.nanoseconds ?? 0 }
    var printFlags = PrintFlags()

    static var flags: [OptionFlag<Self>] {
        [.init(\.audiences, "audience", .stringArray, usage: "An audience the token is meant for; repeat for several. Without it, the API server itself."),
         .init(\.boundKind, "bound-object-kind", usage: "Kind of the object the token is bound to: Node, Pod or Secret."),
         .init(\.boundName, "bound-object-name", usage: "Name of the object the token is bound to; needs --bound-object-kind."),
         .init(\.boundUID, "bound-object-uid", usage: "UID the bound object must have; by default the stored object's."),
         .init(\.duration, "duration", default: "0s", usage: "How long the token is valid; 0 lets the server choose (one hour)."),
         .printing(\.printFlags, CommonFlags.output(tables: false))]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 1 else { throw CLIError.usage("exactly one NAME is required, got \(inv.args.count)") }
        name = inv.args[0]
        namespace = try inv.namespace()
    }

    func validate(_ inv: Invocation) throws {
        if durationNanos < 0 { throw CLIError.message("--duration must be greater than or equal to 0") }
        if durationNanos % 1_000_000_000 != 0 { throw CLIError.message("--duration cannot be expressed in units less than seconds") }
        if audiences.contains("") { throw CLIError.message("--audience must not be an empty string") }
        if boundKind.isEmpty {
            if !boundName.isEmpty { throw CLIError.message("--bound-object-name can only be set if --bound-object-kind is provided") }
            if !boundUID.isEmpty { throw CLIError.message("--bound-object-uid can only be set if --bound-object-kind is provided") }
        } else {
            if !Self.boundObjectKinds.contains(boundKind) {
                throw CLIError.message("supported --bound-object-kind values are " + Self.boundObjectKinds.joined(separator: ", "))
            }
            if boundName.isEmpty { throw CLIError.message("--bound-object-name is required if --bound-object-kind is provided") }
        }
    }

    func run(_ inv: inout Invocation) throws {
        let format = try printFlags.format()
        var spec = JSONObject([("audiences", .array(audiences.map { .string($0) }))])
        if durationNanos > 0 { spec["expirationSeconds"] = .int(durationNanos / 1_000_000_000) }
        if !boundKind.isEmpty {
            var ref = JSONObject([("kind", .string(boundKind)), ("apiVersion", "v1"), ("name", .string(boundName))])
            if !boundUID.isEmpty { ref["uid"] = .string(boundUID) }
            spec["boundObjectRef"] = .object(ref)
        }
        // client-go refuses a name that cannot be one path segment before sending the request.
        let nsRefusals = Self.pathSegmentRefusals(namespace)
        if !nsRefusals.isEmpty {
            throw CLIError.message("failed to create token: invalid namespace \(strconvQuote(namespace)): [\(nsRefusals.joined(separator: " "))]")
        }
        let refusals = Self.pathSegmentRefusals(name)
        if !refusals.isEmpty {
            throw CLIError.message("failed to create token: invalid resource name \(strconvQuote(name)): [\(refusals.joined(separator: " "))]")
        }
        let response: JSONValue
        do {
            response = try inv.server().write { try $0.createToken(serviceAccount: name, namespace: namespace, spec: .object(spec)) }
        } catch let e as APIError {
            throw CLIError.message("failed to create token: \(e.message)")
        }
        if let format {
            return try OperationPrinter.printObjects([response], format: format, showManagedFields: printFlags.showManagedFields,
                                                     typedJSON: true, inv: &inv)
        }
        let token = response["status"]["token"].string ?? ""
        inv.io.out.write(inv.io.out.isTerminal ? token + "\n" : token)
    }

    /// apimachinery's IsValidPathSegmentName: `.` and `..` are refused, `/` and `%` anywhere.
    static func pathSegmentRefusals(_ name: String) -> [String] {
        if name == "." || name == ".." { return ["may not be '\(name)'"] }
        return ["/", "%"].filter { name.contains($0) }.map { "may not contain '\($0)'" }
    }
}
