import KubeModel

enum Normalize {
    /// Stored objects keep the caller's key order; metadata gets the API server's bookkeeping keys in a
    /// stable place so round trips look alike. (Printing sorts keys anyway.)
    static func metadataOrder(_ obj: JSONValue) -> JSONValue { obj }
}

extension Normalize {
    /// Built-in types drop empty `labels`/`annotations` maps (Go's omitempty).
    static func dropEmptyMetadataMaps(_ obj: inout JSONValue) {
        for key in ["labels", "annotations"] where obj["metadata"][key].object?.isEmpty == true {
            obj.remove(["metadata", key])
        }
    }
}
