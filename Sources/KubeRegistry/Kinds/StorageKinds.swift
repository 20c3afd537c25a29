// Resources of the "storage.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let storageV1: [KindData] = [
        KindData("CSIDriver", "csidrivers", namespaced: false, schema: "io.k8s.api.storage.v1.CSIDriver"),
        KindData("CSINode", "csinodes", namespaced: false, schema: "io.k8s.api.storage.v1.CSINode"),
        KindData("CSIStorageCapacity", "csistoragecapacities", namespaced: true, schema: "io.k8s.api.storage.v1.CSIStorageCapacity"),
        KindData("StorageClass", "storageclasses", namespaced: false, shortNames: ["sc"], schema: "io.k8s.api.storage.v1.StorageClass"),
        KindData("VolumeAttachment", "volumeattachments", namespaced: false, schema: "io.k8s.api.storage.v1.VolumeAttachment"),
    ]
}
