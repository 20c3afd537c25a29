import KubeKustomize

/// `-k DIR` for create/get/delete (and apply): the objects the kustomization builds, handed on
/// like objects read with `-f`. The source of each object (in error messages) is the directory.
enum KustomizeSource {
    static func read(_ dir: String, warn: (String) -> Void) throws -> [SourcedObject] {
        var builder = KustomizeBuilder()
        defer { for w in builder.warnings { warn(w) } }
        return try builder.build(dir).map { SourcedObject(source: dir, object: KustomizeBuilder.jsonObject($0)) }
    }
}
