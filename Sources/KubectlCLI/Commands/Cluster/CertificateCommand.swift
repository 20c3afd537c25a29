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
        // kubectl's ResourceNames: a TYPE/NAME argument names its own type, a bare name a request.
        builder.args = names.filter { !$0.isEmpty }.map { $0.contains("/") ? $0 : "certificatesigningrequests/" + $0 }
        _ = try printFlags.format()
    }

    func validate(_ inv: Invocation) throws {
        if names.isEmpty && builder.filenames.isEmpty && builder.kustomize.isEmpty {
            throw CLIError.message("one or more CSRs must be specified as <name> or -f <filename>")
        }
    }

    /// Visits every request as kubectl's ContinueOnError builder does: a failure of one does not stop the
    /// others. Errors of requests named by argument come in order with those of updating; those of reading
    /// the live objects of files' requests come last, as one aggregate (one line, `[a, b]` for several).
    func run(_ inv: inout Invocation) throws {
        let printer = try printFlags.toPrinter(inv)
        var result = try builder.resolve(&inv)
        // The builder has no namespace: a namespaced type named by argument fails before anything is visited.
        for case .object(let info) in result.items where info.source.isEmpty && info.type?.namespaced == true {
            throw CLIError.message("namespace may not be empty when retrieving a resource by name")
        }
        if !names.isEmpty {
            var named = result.items.makeIterator()
            result.items = names.compactMap { $0.isEmpty ? .failed(CLIError.message("resource name may not be empty")) : named.next() }
        }
        var found = 0
        var errors: [Error] = [], fileErrors: [Error] = []
        for (item, r) in zip(result.items, try result.infos(&inv, fetch: .latest)) {
            let info: ResourceInfo
            switch r {
            case .success(let i): info = i
            case .failure(let e):
                if let source = item.info?.source, !source.isEmpty { fileErrors.append(e) } else { errors.append(e) }
                continue
            }
            do {
                guard let type = info.type, type.group == "certificates.k8s.io", type.kind == "CertificateSigningRequest" else {
                    let kind = info.type.map { $0.group.isEmpty ? $0.kind : "\($0.kind).\($0.group)" } ?? ""
                    throw CLIError.message("can only handle CertificateSigningRequest.certificates.k8s.io objects, got \(kind)")
                }
                try update(info.name, type: type, inv: inv)
                found += 1
                printer.print(info.object ?? .emptyObject, type: type, operation: operation, suffixed: false, inv: inv)
            } catch { errors.append(error) }
        }
        try printer.flush(&inv)
        if !fileErrors.isEmpty {
            errors.append(!errors.isEmpty ? CLIError.raw(Self.goAggregateText(fileErrors))
                          : fileErrors.count == 1 ? fileErrors[0] : CLIError.aggregate(fileErrors))
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
        if found == 0 { inv.io.out.write("No resources found\n") }
    }

    /// An aggregate's Error() text in Go: its distinct texts in order, bracketed (`[a, b]`) when there are
    /// several (an API error's text is its message, without `Error from server`).
    static func goAggregateText(_ errors: [Error]) -> String {
        var seen = Set<String>()
        let texts = errors.map { e -> String in
            switch e {
            case CLIError.api(let a): return a.message
            case let a as APIError: return a.message
            default: return ErrorRenderer.lineFor(e)
            }
        }.filter { seen.insert($0).inserted }
        return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
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
