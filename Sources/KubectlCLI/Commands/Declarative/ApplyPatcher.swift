#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// kubectl apply's Patcher: computes the three-way patch (last-applied, live, new configuration) and
/// sends it. The API server applies a patch to the object as it is when the request arrives (here: read
/// and write in one store transaction), so concurrent applies do not conflict. A Conflict still happens
/// when the patch itself carries a `metadata.resourceVersion` that is no longer current (a manifest
/// with a stale resourceVersion); kubectl then reads the object again, recomputes the patch and retries,
/// up to 5 times (`maxPatchRetry`), sleeping 1 s before every retry after the first
/// (`triesBeforeBackOff`, `backOffPeriod`), and reports the last error.
struct ApplyPatcher {
    static let maxPatchRetry = 5
    static let triesBeforeBackOff = 1
    static let backOffMicroseconds: UInt32 = 1_000_000

    var modified: JSONValue
    var object: JSONValue
    var type: ResourceType
    var namespace: String
    var name: String
    var source: String
    var dryRun: Bool
    /// `--overwrite=false`: a patch that conflicts with changes others made since the last apply is refused.
    var overwrite = true

    /// The failed request's error and the patch it sent (kubectl prints both).
    struct Failure: Error { var error: Error; var patch: JSONValue }

    func patch(live: JSONValue, server: APIServer) throws -> (JSONValue, String) {
        var current = live
        var attempt = 0
        while true {
            let patch = try computePatch(current: current)
            if patch.object?.isEmpty ?? true { return (current, "unchanged") }
            do {
                return (try send(patch, server: server), "configured")
            } catch where ApplyCommand.isConflict(error) && attempt < ApplyPatcher.maxPatchRetry {
                attempt += 1
                if attempt > ApplyPatcher.triesBeforeBackOff { usleep(ApplyPatcher.backOffMicroseconds) }
                current = try server.read { try $0.get(type, namespace: namespace, name: name) }
            } catch {
                throw Failure(error: error, patch: patch)
            }
        }
    }

    private var strategic: Bool { Declarative.supportsStrategic(object) }

    func computePatch(current: JSONValue) throws -> JSONValue {
        let original = LastApplied.of(current)
        do {
            if strategic {
                let schema = Declarative.schema(for: object)
                let patch = try ThreeWayMerge.patch(original: original, modified: modified, current: current, schema: schema)
                if !overwrite {
                    let changed = try ThreeWayMerge.changes(original: original, current: current, schema: schema)
                    if ThreeWayMerge.haveConflicts(patch, changed, schema: schema) {
                        throw conflict(patch: patch, changed: changed, current: current)
                    }
                }
                return patch
            }
            return ApplyCommand.threeWayMergePatch(original: original, modified: modified, current: current)
        } catch let e as PatchError {
            throw CLIError.message("error when creating patch with:\noriginal:\n\(original?.compactJSON ?? "")\nmodified:\n\(modified.compactJSON)\ncurrent:\n\(current.compactJSON)\nfor: \(goQuoted(source)): \(e.message)")
        }
    }

    /// The API server's PATCH: applied to the stored object inside one transaction; a resourceVersion
    /// in the patch is a precondition.
    private func send(_ patch: JSONValue, server: APIServer) throws -> JSONValue {
        try server.write { s -> JSONValue in
            try s.checkRequestBody(patch)
            let fresh = try s.get(type, namespace: namespace, name: name)
            var patched = strategic
                ? try StrategicMerge.apply(fresh, patch: patch, schema: Declarative.schema(for: object))
                : try JSONMergePatch.apply(fresh, patch: patch)
            if patch["metadata"]["resourceVersion"].string == nil {
                patched["metadata"]["resourceVersion"] = fresh["metadata"]["resourceVersion"]
            }
            return try s.update(patched, type: type, dryRun: dryRun,
                                body: Declarative.requestBody(patch, kind: strategic ? .strategic : .merge))
        }
    }

    /// kubectl's text for a conflicting `--overwrite=false` apply: the three configurations as JSON, the
    /// patch and the changes it conflicts with as YAML (wrapped by `ApplyCommand.patchError`'s words).
    func conflict(patch: JSONValue, changed: JSONValue, current: JSONValue) -> CLIError {
        let annotation = current["metadata"]["annotations"][LastApplied.key].string ?? ""
        let info = Declarative.infoString(type, name: name, namespace: namespace)
        return .message("""
            error when applying patch:

            to:
            \(info)
            for: \(goQuoted(source)): error when patching \(goQuoted(source)): creating patch with:
            original:
            \(annotation)
            modified:
            \(modified.compactJSON)

            current:
            \(current.compactJSON)

            for:: patch:
            \(ObjectPrinter.yaml(Self.sorted(patch)))
            conflicts with changes made from original to current:
            \(ObjectPrinter.yaml(Self.sorted(changed)))

            """)
    }

    /// Keys in Go's map order, at every level (the YAML of a patch map).
    static func sorted(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for k in o.sortedKeys { out[k] = sorted(o[k]!) }
            return .object(out)
        case .array(let a): return .array(a.map(sorted))
        default: return v
        }
    }
}
