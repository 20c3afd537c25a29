import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl auth reconcile -f`: makes the store's RBAC objects grant at least what the files say
/// (kubectl's reconciliation): missing roles and bindings are created (with their namespace), missing
/// rules and subjects added, extra ones removed only with --remove-extra-permissions/-subjects, a binding
/// whose roleRef changed recreated; objects annotated `rbac.authorization.kubernetes.io/autoupdate: "false"`
/// are left alone. Each object prints `kind/name reconciled` and what it needed on stderr.
struct ReconcileOptions: FlagOptions {
    static let spec = CommandSpec(
        "reconcile", use: "reconcile -f FILENAME",
        short: "Make RBAC roles and bindings grant at least what the given files declare",
        long: "Bring the store's Roles, ClusterRoles, RoleBindings and ClusterRoleBindings in line with files.\n\n"
            + "Missing objects are created (and the namespace of a missing namespaced one). Rules and subjects the\n"
            + "files add are merged into the stored objects; the ones the files lack are kept unless\n"
            + "--remove-extra-permissions or --remove-extra-subjects is given. Other kinds in the files are skipped.",
        example: """
            # Reconcile the RBAC objects of a file
            kubectl auth reconcile -f pod.yaml

            # Only show what would change
            kubectl auth reconcile -f pod.yaml --dry-run=client
            """,
        options: ReconcileOptions.self)

    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var dryRun = DryRun.none
    var removeExtraPermissions = false
    var removeExtraSubjects = false

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .init(\.removeExtraPermissions, "remove-extra-permissions", usage: "Drop rules a stored role has beyond the file's."),
         .init(\.removeExtraSubjects, "remove-extra-subjects", usage: "Drop subjects a stored binding has beyond the file's."),
         .init(\.builder, CommonFlags.filenames("reconcile")) { ResourceBuilder.from($0, args: []) }]
    }

    /// kubectl's Complete order: files, no arguments, then the dry-run strategy.
    mutating func complete(_ inv: inout Invocation) throws {
        try builder.requireFiles()
        if !inv.args.isEmpty { throw CLIError.message("no arguments are allowed") }
        do { dryRun = try DryRun.parse(printFlags.dryRun, inv) } catch let CLIError.message(m) {
            throw CLIError.message("error accessing --dry-run flag for command reconcile: \(m)")
        }
    }

    func validate(_ inv: Invocation) throws {
        if dryRun == .server { throw CLIError.message("--dry-run=server for command reconcile is not supported yet") }
    }

    func run(_ inv: inout Invocation) throws {
        let format = try printFlags.format()
        let result = try builder.resolve(&inv)
        var errors: [Error] = []
        var printed = 0  // objects printed so far (kubectl's YAML separator)
        for item in result.items {
            switch item {
            case .failed(let e): errors.append(e)
            case .list: continue
            case .object(let info):
                guard let type = info.type, type.group == "rbac.authorization.k8s.io", var object = info.object else { continue }
                if type.namespaced { object["metadata"]["namespace"] = .string(info.namespace) }
                do {
                    let outcome = try inv.server().write { s in
                        try RBACReconciler(session: s, confirm: dryRun == .none, removeExtraPermissions: removeExtraPermissions,
                                           removeExtraSubjects: removeExtraSubjects).reconcile(object, type: type)
                    }
                    try report(outcome, type: type, format: format, printed: &printed, inv: &inv)
                } catch {
                    errors.append(error)
                }
            }
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    private func report(_ r: RBACReconciler.Outcome, type: ResourceType, format: OutputFormat?, printed: inout Int,
                        inv: inout Invocation) throws {
        if let format {
            // kubectl's YAML printer puts `---` before every object after the first.
            if case .yaml = format, printed > 0 { inv.io.out.write("---\n") }
            printed += 1
            try OperationPrinter.printObjects([RBACTypedShape.shape(r.object)], format: format, showManagedFields: printFlags.showManagedFields,
                                              typedJSON: true, inv: &inv)
        } else {
            inv.io.out.write(ObjectPrinter.name(r.object, type: type) + " reconciled" + (dryRun == .none ? "" : " (dry run)") + "\n")
        }
        guard let operation = r.operation else { return }
        let caveat = r.protected ? ", but object opted out (rbac.authorization.kubernetes.io/autoupdate: false)" : ""
        var err = "\treconciliation required \(operation)\(caveat)\n"
        func section(_ title: String, _ lines: [String]) {
            if !lines.isEmpty { err += "\t\(title):\n" + lines.map { "\t\t\($0)\n" }.joined() }
        }
        section("missing subjects added", r.missingSubjects.map(RBACReconciler.goSubject))
        section("extra subjects found", r.extraSubjects.map(RBACReconciler.goSubject))
        section("missing rules added", r.missingRules.map(\.goDescription))
        section("extra rules found", r.extraRules.map(\.goDescription))
        inv.io.err.write(err)
    }
}
