import KubeModel
import KubeRegistry
import KubeSchema
import KubeStore

/// Objects stored before the table of Go's zero values (`GoZeroValues`, from `GoFieldOrder`) classified
/// their kind keep the zeros encoding/json leaves out (`globalDefault: false`, a namespace's `annotations:
/// {}`) and lack the fields it always writes. The first command that may write a store reshapes the stored
/// objects of every built-in kind whose part of the table changed since they were stored, once, as a write
/// would store them now (`Restore`'s shaping): rows are rewritten in place, keeping their resource versions
/// (nothing an object means changes, so the change log and watches see nothing), and each kind's fingerprint
/// (`GoZeroValues.fingerprint`) is kept in the store's `config` (`stored.go-zero-values/<resource>`), so later
/// commands read those keys and walk nothing. A store without the keys (written before them) is taken as
/// shaped by the table before the kinds beyond the round-tripped ones were classified: only their resources
/// are walked, not pods (the round-tripped kinds' table is unchanged but for a ScaleIO volume's `secretRef`).
/// Events are not reshaped: they expire, and their recorders write none of the zeros (their rows are the
/// event codec's). Custom resources keep everything (their schemas are not Go types).
extension APIServer {
    static let storedZerosKey = "stored.go-zero-values/"

    /// The resources reshaped when their kind's fingerprint changes, with it (events excluded, see above).
    static let zeroShapedResources: [(key: String, fingerprint: String, types: [ResourceType])] = {
        var byKey: [String: [ResourceType]] = [:]
        var keys: [String] = []
        for t in Registry.builtin.allVersions where t.schemaName != nil && t.kind != "Event" {
            if byKey[t.storageKey] == nil { keys.append(t.storageKey) }
            byKey[t.storageKey, default: []].append(t)
        }
        return keys.map { key in
            let types = byKey[key] ?? []
            let names = Set(types.compactMap(\.schemaName)).sorted()
            return (key, names.map { GoZeroValues.fingerprint(of: $0) }.joined(separator: ","), types)
        }
    }()

    /// The kinds whose stored objects the table before this reshaping pass already shaped (round-tripped
    /// by kubectl offline): a store without fingerprints is taken to hold them shaped.
    static let shapedBeforeFingerprints: Set<String> = [
        "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob",
        "Service", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Role", "ClusterRole",
    ]

    /// The whole table's stamp (`GoZeroValues.tableStamp`, then `+` and `storedDefaultsVersion`) once every kind's fingerprint is recorded: a
    /// store holding the current one skips computing the fingerprints (a walk of most of the schema,
    /// ~30 ms), so a command pays one `config` read.
    static let storedZerosStampKey = "stored.go-zero-values"

    /// Reshapes the stored objects of the kinds whose fingerprint changed (see above); reads one `config`
    /// key when the table is the one the store was last shaped by.
    func upgradeStoredZeros() throws {
        let stamp = GoZeroValues.tableStamp + "+" + APIServer.storedDefaultsVersion
        if try read({ try $0.tx.config(APIServer.storedZerosStampKey) }) == stamp { return }
        func stale(_ tx: StoreTransaction) throws -> [(key: String, fingerprint: String, types: [ResourceType])] {
            let entries = try tx.configEntries(withPrefix: APIServer.storedZerosKey)
            var stored: [String: String] = [:]
            for e in entries { stored[String(e.key.dropFirst(APIServer.storedZerosKey.count))] = e.value }
            return APIServer.zeroShapedResources.filter { r in
                if let f = stored[r.key] { return f != r.fingerprint }
                return !(entries.isEmpty && r.types.allSatisfy { APIServer.shapedBeforeFingerprints.contains($0.kind) })
            }
        }
        try store.write { tx in
            let session = makeSession(tx)
            for r in try stale(tx) {
                _ = try APIServer.reshapeStoredZeros(tx, resource: r.key, types: r.types,
                                                     rowFor: { session.row(for: $0, type: $1, resourceVersion: $2) })
            }
            // Objects stored before their kind's defaulting (StoredDefaults.swift), idempotent.
            _ = try APIServer.defaultStoredObjects(tx, rowFor: { session.row(for: $0, type: $1, resourceVersion: $2) })
            for r in APIServer.zeroShapedResources { try tx.setConfig(APIServer.storedZerosKey + r.key, r.fingerprint) }
            try tx.setConfig(APIServer.storedZerosStampKey, stamp)
        }
    }

    /// Rewrites the rows of `resource` whose object the table reshapes; returns how many it rewrote.
    static func reshapeStoredZeros(_ tx: StoreTransaction, resource: String, types: [ResourceType],
                                   rowFor: (JSONValue, ResourceType, Int64) -> ObjectRow) throws -> Int {
        var rewritten = 0
        try tx.forEach(resource: resource, namespace: nil, full: true) { row in
            guard !row.data.isEmpty, let object = try? JSON.parse(row.data) else { return }
            let shaped = GoZeroValues.filled(object: GoZeroValues.withoutLeftOut(object: object))
            guard shaped != object else { return }
            let apiVersion = object["apiVersion"].string ?? ""
            let type = types.first { ($0.group.isEmpty ? $0.version : "\($0.group)/\($0.version)") == apiVersion } ?? types[0]
            try tx.rewriteInPlace(rowFor(shaped, type, row.resourceVersion))
            rewritten += 1
        }
        return rewritten
    }
}
