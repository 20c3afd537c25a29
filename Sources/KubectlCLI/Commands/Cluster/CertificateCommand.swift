import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl certificate approve|deny`: adds the Approved (or Denied) condition to
/// CertificateSigningRequests named by argument or file; the store's signing controller then issues
/// the certificate of an approved request (see KubeAPI/Certificates).
enum CertificateCommand {
    static let spec = CommandSpec(
        "certificate", use: "certificate SUBCOMMAND", short: "Approve or deny certificate signing requests",
        long: "Approve or deny certificate signing requests.",
        subcommands: [
            CommandSpec("approve", use: "approve (-f FILENAME | NAME)", short: "Mark certificate signing requests approved",
                        long: "Marks certificate signing requests approved; for the kubernetes.io signers the store's\ncertificate authority then issues the certificate. An approved certificate may act as the\nidentity it names: check what a request asks for before approving it.",
                        example: "# Approve the request named jane\nkubectl certificate approve jane",
                        options: CertificateOptions<Approve>.self),
            CommandSpec("deny", use: "deny (-f FILENAME | NAME)", short: "Mark certificate signing requests denied",
                        long: "Marks certificate signing requests denied, so no certificate is issued for them.",
                        example: "# Deny the request named jane\nkubectl certificate deny jane",
                        options: CertificateOptions<Deny>.self),
        ],
        group: "Cluster Management Commands:", options: CertificateHelpOptions.self)

    /// approve's or deny's condition and words.
    protocol Decision {
        static var condition: String { get }
        static var excludes: String { get }
        static var reason: String { get }
        static var message: String { get }
        static var operation: String { get }
        static var forceUsage: String { get }
    }

    enum Approve: Decision {
        static let condition = "Approved", excludes = "Denied", reason = "KubectlApprove", operation = "approved"
        static let message = "This CSR was approved by kubectl certificate approve."
        static let forceUsage = "Approve again a request that already carries the Approved condition."
    }

    enum Deny: Decision {
        static let condition = "Denied", excludes = "Approved", reason = "KubectlDeny", operation = "denied"
        static let message = "This CSR was denied by kubectl certificate deny."
        static let forceUsage = "Deny again a request that already carries the Denied condition."
    }
}

/// kubectl's certificate command runs its help (stdout, exit 0), whatever the arguments.
struct CertificateHelpOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws {
        if let command = Help.command(at: inv.commandPath) { inv.io.out.write(Help.render(command, path: inv.commandPath)) }
    }
}

/// approve and deny: one implementation (kubectl's modifyCertificateCondition).
struct CertificateOptions<D: CertificateCommand.Decision>: FlagOptions {
    var condition: String { D.condition }
    var excludes: String { D.excludes }
    var reason: String { D.reason }
    var message: String { D.message }
    var operation: String { D.operation }
    var names: [String] = []
    var builder = ResourceBuilder()
    var force = false
    var printFlags = PrintFlags()

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false)),
         .builder(\.builder, CommonFlags.filenames("name the requests to update")),
         .init(\.force, "force", usage: D.forceUsage)]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        names = inv.args
        builder.args = names.isEmpty ? [] : ["certificatesigningrequests"] + names
        _ = try printFlags.format()
    }

    func validate(_ inv: Invocation) throws {
        if names.isEmpty && builder.filenames.isEmpty && builder.kustomize.isEmpty {
            throw CLIError.message("one or more CSRs must be specified as <name> or -f <filename>")
        }
    }

    func run(_ inv: inout Invocation) throws {
        let printer = try printFlags.toPrinter(inv)
        var found = 0
        for r in try builder.resolve(&inv).infos(&inv, fetch: .latest) {
            let info = try r.get()
            guard let type = info.type, type.group == "certificates.k8s.io", type.kind == "CertificateSigningRequest" else {
                let kind = info.type.map { $0.group.isEmpty ? $0.kind : "\($0.kind).\($0.group)" } ?? ""
                throw CLIError.message("can only handle CertificateSigningRequest.certificates.k8s.io objects, got \(kind)")
            }
            try update(info.name, type: type, inv: inv)
            found += 1
            printer.print(info.object ?? .emptyObject, type: type, operation: operation, suffixed: false, inv: inv)
        }
        try printer.flush(&inv)
        if found == 0 { inv.io.out.write("No resources found\n") }
    }

    /// Adds the condition unless it is there (or `--force`); the opposite condition is an error.
    func update(_ name: String, type: ResourceType, inv: Invocation) throws {
        try inv.server().write { s in
            let live = try s.get(type, namespace: "", name: name)
            var conditions = live["status"]["conditions"].array ?? []
            var has = false
            for c in conditions {
                let t = c["type"].string ?? ""
                if t == excludes { throw CLIError.message("certificate signing request \(strconvQuote(name)) is already \(t)") }
                if t == condition { has = true }
            }
            if has && !force { return }
            if !has {
                conditions.append(.object(JSONObject([("type", .string(condition)), ("status", "True"), ("reason", .string(reason)),
                                                      ("message", .string(message)), ("lastUpdateTime", .string(s.now.rfc3339))])))
            }
            var updated = live
            updated["status"]["conditions"] = .array(conditions)
            _ = try s.update(updated, type: type)
        }
    }
}
