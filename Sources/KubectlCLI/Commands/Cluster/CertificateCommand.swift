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
        subcommands: [subcommand("approve", CertificateApproveOptions.self,
                                 short: "Mark certificate signing requests approved",
                                 long: "Marks certificate signing requests approved; for the kubernetes.io signers the store's\ncertificate authority then issues the certificate. An approved certificate may act as the\nidentity it names: check what a request asks for before approving it.",
                                 example: "# Approve the request named jane\nkubectl certificate approve jane",
                                 force: "Approve again a request that already carries the Approved condition."),
                      subcommand("deny", CertificateDenyOptions.self,
                                 short: "Mark certificate signing requests denied",
                                 long: "Marks certificate signing requests denied, so no certificate is issued for them.",
                                 example: "# Deny the request named jane\nkubectl certificate deny jane",
                                 force: "Deny again a request that already carries the Denied condition.")],
        group: "Cluster Management Commands:", options: CertificateHelpOptions.self)

    static func subcommand(_ name: String, _ options: any CommandOptions.Type, short: String, long: String, example: String,
                           force: String) -> CommandSpec
    {
        CommandSpec(name, use: "\(name) (-f FILENAME | NAME)", short: short, long: long, example: example,
                    flags: CommonFlags.output(tables: false) + CommonFlags.filenames("name the requests to update")
                        + [FlagSpec("force", .bool, usage: force)],
                    options: options)
    }
}

/// kubectl's certificate command runs its help (stdout, exit 0), whatever the arguments.
struct CertificateHelpOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws {
        if let command = Help.command(at: inv.commandPath) { inv.io.out.write(Help.render(command, path: inv.commandPath)) }
    }
}

struct CertificateApproveOptions: CommandOptions {
    var base: CertificateOptions
    init(_ inv: inout Invocation) throws { base = try CertificateOptions(&inv, condition: "Approved", excludes: "Denied", reason: "KubectlApprove", message: "This CSR was approved by kubectl certificate approve.", operation: "approved") }
    func validate(_ inv: Invocation) throws { try base.validate() }
    func run(_ inv: inout Invocation) throws { try base.run(&inv) }
}

struct CertificateDenyOptions: CommandOptions {
    var base: CertificateOptions
    init(_ inv: inout Invocation) throws { base = try CertificateOptions(&inv, condition: "Denied", excludes: "Approved", reason: "KubectlDeny", message: "This CSR was denied by kubectl certificate deny.", operation: "denied") }
    func validate(_ inv: Invocation) throws { try base.validate() }
    func run(_ inv: inout Invocation) throws { try base.run(&inv) }
}

/// approve and deny: one implementation (kubectl's modifyCertificateCondition).
struct CertificateOptions {
    let condition: String, excludes: String, reason: String, message: String, operation: String
    var names: [String]
    var builder: ResourceBuilder
    var force: Bool
    var printFlags: PrintFlags

    init(_ inv: inout Invocation, condition: String, excludes: String, reason: String, message: String, operation: String) throws {
        (self.condition, self.excludes, self.reason, self.message, self.operation) = (condition, excludes, reason, message, operation)
        names = inv.args
        force = inv.flags.bool("force")
        printFlags = PrintFlags(inv.flags)
        builder = ResourceBuilder.from(inv, args: names.isEmpty ? [] : ["certificatesigningrequests"] + names)
        _ = try printFlags.format()
    }

    func validate() throws {
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
