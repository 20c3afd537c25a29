import KubeModel
import KubeRegistry
import KubeStore

/// Objects stored before a kind's v1 defaulting was applied on write keep the fields it would have filled
/// in. An API server defaults what it reads from etcd with the storage version's defaulters, so such an
/// object reads defaulted, with its resource version unchanged. Here the pass that reshapes stored zeros
/// (`upgradeStoredZeros`, run by the first command that may write the store) also defaults them once, in
/// place: rows keep their resource versions and the change log sees nothing, as with a read from etcd.
/// `storedDefaultsVersion` is part of the stamp that pass keeps, so a store is walked once per version.
///
/// Version 1: LimitRange `Container` items (SetDefaults_LimitRangeItem: `default` from `max`,
/// `defaultRequest` from `default`, then from `min`), written defaulted since c94ed0d.
extension APIServer {
    static let storedDefaultsVersion = "limitrange-1"

    /// The resources whose stored objects the current defaulting may fill in, with the defaulter.
    static let defaultedResources: [(type: ResourceType, apply: (inout JSONValue) -> Void)] = {
        guard let t = Registry.builtin.type(group: "", kind: "LimitRange") else { return [] }
        return [(t, Defaults.limitRange)]
    }()

    /// Defaults the stored objects of `defaultedResources` in place; returns how many rows it rewrote.
    static func defaultStoredObjects(_ tx: StoreTransaction, rowFor: (JSONValue, ResourceType, Int64) -> ObjectRow) throws -> Int {
        var rewritten = 0
        for (type, apply) in defaultedResources {
            var rows: [ObjectRow] = []
            try tx.forEach(resource: type.storageKey, namespace: nil, full: true) { row in
                guard !row.data.isEmpty, let object = try? JSON.parse(row.data) else { return }
                var defaulted = object
                apply(&defaulted)
                guard defaulted != object else { return }
                rows.append(rowFor(defaulted, type, row.resourceVersion))
            }
            for row in rows { try tx.rewriteInPlace(row) }
            rewritten += rows.count
        }
        return rewritten
    }
}
