/// `-k DIR` for create/get/delete (and apply): the objects the kustomization builds, handed on
/// like objects read with `-f`. The source of each object (in error messages) is the directory.
enum KustomizeSource {
    static func read(_ dir: String, warn: (String) -> Void) throws -> [SourcedObject] {
        var builder = KustomizeBuilder()
        defer { for w in builder.warnings { warn(w) } }
        return try builder.build(dir).map { SourcedObject(source: dir, object: $0) }
    }

    /// The objects of `-f` or `-k`, whichever was given (kubectl refuses both at once).
    static func objects(_ inv: inout Invocation) throws -> [SourcedObject] {
        let (objects, error) = try objectsPartial(&inv)
        if let error { throw error }
        return objects
    }

    /// Like `objects`, keeping the documents read before a broken one (see `FileSource.readPartial`).
    static func objectsPartial(_ inv: inout Invocation) throws -> (objects: [SourcedObject], error: Error?) {
        let files = inv.flags.strings("filename")
        let dir = inv.flags.declares("kustomize") ? inv.flags.string("kustomize") : ""
        if !dir.isEmpty {
            if !files.isEmpty { throw CLIError.message("only one of -f or -k can be specified") }
            var warnings: [String] = []
            defer { for w in warnings { inv.io.err.write(w + "\n") } }
            return (try read(dir) { warnings.append($0) }, nil)
        }
        // Commands with --validate (create, apply, replace) check each document's apiVersion and kind first.
        let validate = inv.flags.values["validate"] != nil && (try? ValidationMode.from(inv)) != .ignore
        return try FileSource.readPartial(paths: files, recursive: inv.flags.declares("recursive") && inv.flags.bool("recursive"), validate: validate,
                                          stdin: inv.io.readStdin)
    }
}
