import KubeModel

/// `kubectl kustomize DIR`: prints the objects the kustomization builds, as kubectl's built-in
/// kustomize v5.5 does.
enum KustomizeCommand {
    static let spec = CommandSpec(
        "kustomize",
        use: "kustomize <dir>",
        short: "Build a kustomization target from a directory",
        flags: [
            FlagSpec("output", short: "o", .string, usage: "Write the built objects to this file instead of standard output."),
        ],
        group: "Advanced Commands:",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        if inv.args.count > 1 {
            throw CLIError.message("specify one path to kustomization.yaml")
        }
        let dir = inv.args.first ?? "."
        if dir.hasPrefix("http://") || dir.hasPrefix("https://") || dir.hasPrefix("github.com/") {
            throw CLIError.message("kubectl-local works offline and cannot build remote kustomizations")
        }
        var builder = KustomizeBuilder()
        let objects: [JSONValue]
        do {
            objects = try builder.build(dir)
        } catch {
            for w in builder.warnings { inv.io.err.write(w + "\n") }
            throw error
        }
        for w in builder.warnings { inv.io.err.write(w + "\n") }
        let text = KustomizeBuilder.render(objects)
        let out = inv.flags.string("output")
        if out.isEmpty {
            inv.io.out.write(text)
        } else {
            try KustomizeFS.write(out, text)
        }
    }
}
