// Resources of the "storage.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let storageV1: [ResourceType] = [
        .builtin(group: "storage.k8s.io", version: "v1", kind: "CSIDriver", plural: "csidrivers", namespaced: false,
                 table: StorageColumns.csiDriver,
                 schemaName: "io.k8s.api.storage.v1.CSIDriver"),
        .builtin(group: "storage.k8s.io", version: "v1", kind: "CSINode", plural: "csinodes", namespaced: false,
                 table: StorageColumns.csiNode,
                 describer: { describeCSINode($0, $1) },
                 schemaName: "io.k8s.api.storage.v1.CSINode"),
        .builtin(group: "storage.k8s.io", version: "v1", kind: "CSIStorageCapacity", plural: "csistoragecapacities", namespaced: true,
                 table: StorageColumns.csiStorageCapacity,
                 schemaName: "io.k8s.api.storage.v1.CSIStorageCapacity"),
        .builtin(group: "storage.k8s.io", version: "v1", kind: "StorageClass", plural: "storageclasses", namespaced: false, shortNames: ["sc"],
                 table: StorageColumns.storageClass,
                 describer: { describeStorageClass($0, $1) },
                 schemaName: "io.k8s.api.storage.v1.StorageClass"),
        .builtin(group: "storage.k8s.io", version: "v1", kind: "VolumeAttachment", plural: "volumeattachments", namespaced: false,
                 table: StorageColumns.volumeAttachment,
                 schemaName: "io.k8s.api.storage.v1.VolumeAttachment"),
    ]
}
