import KubeKustomize
import KubeModel

/// `-k DIR` for create/get/delete (and apply): the objects the kustomization builds, handed on
/// like objects read with `-f`. The source of each object (in error messages) is the directory.
enum KustomizeSource {
    static func read(_ dir: String, now: Timestamp, environment: [String: String], warn: (String) -> Void) throws -> [SourcedObject] {
        var builder = KustomizeBuilder()
        builder.environment = environment
        defer { for w in messages(of: builder, now: now) { warn(w) } }
        return try builder.build(dir).map { SourcedObject(source: dir, object: KustomizeBuilder.jsonObject($0)) }
    }

    /// What a build wrote on stderr: kustomize's Go log lines as kubectl's klog prints them, then its warnings.
    static func messages(of builder: KustomizeBuilder, now: Timestamp) -> [String] {
        builder.logLines.map { klogHeader("I", file: "log.go:245", now: now) + $0 } + builder.warnings
    }
}
