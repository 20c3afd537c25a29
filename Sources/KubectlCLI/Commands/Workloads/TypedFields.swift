import KubeAPI
import KubeModel
import KubeSchema

/// What decoding into kubectl's Go structs and encoding again does to an object's fields (`set ...
/// --local`, `--dry-run=client`): fields the type does not have are dropped, quantities come back in
/// their canonical form (`1.5Gi` is `1536Mi`, `0.5` is `500m`), the zero values of `omitempty` fields are
/// left out (`paused: false`, `env: []`: the probe-learned marks of `GoFieldOrder`, as the API server stores
/// them, see `Pruning`), and map keys come out sorted (Go marshals maps in key order). Kinds outside the
/// built-in schema stay as they are.
extension TypedRoundTrip {
    static func typedFields(_ obj: JSONValue) -> JSONValue {
        guard let apiVersion = obj["apiVersion"].string, let kind = obj["kind"].string,
              let gv = try? SchemeDecoder.parseGroupVersion(apiVersion),
              let def = SchemeDecoder.definition(group: gv.0, version: gv.1, kind: kind) else { return obj }
        // An API version the schema does not serve (extensions/v1beta1) keeps its fields, read as the
        // struct kubectl's scheme decodes it into.
        return GoZeroValues.withoutLeftOut(prunedToBuiltinType(obj), type: .ref(def.name))
    }

    /// The object's fields in the order encoding/json writes its Go struct, at every level (a container's
    /// ports, an env var's source, a probe: KubeSchema's GoFieldOrder), map keys sorted. Kinds outside the
    /// built-in schema stay as they are.
    static func goOrdered(_ obj: JSONValue) -> JSONValue {
        guard let apiVersion = obj["apiVersion"].string, let kind = obj["kind"].string,
              let gv = try? SchemeDecoder.parseGroupVersion(apiVersion),
              let def = SchemeDecoder.definition(group: gv.0, version: gv.1, kind: kind) else { return obj }
        return inGoOrder(withObjectMeta(obj, type: .ref(def.name), depth: 0), type: .ref(def.name), depth: 0)
    }

    /// GoFieldOrder's order where its table knows the struct (unknown keys after it, sorted); a struct the
    /// table does not list keeps the order it was built in; map keys sorted.
    static func inGoOrder(_ value: JSONValue, type: SchemaType?, depth: Int) -> JSONValue {
        guard depth < 64, let type else { return value }
        switch value {
        case .array(let items):
            let item = GoFieldOrder.elementType(type)
            return .array(items.map { inGoOrder($0, type: item, depth: depth + 1) })
        case .object(let o):
            let (resolved, def) = SchemaIndex.builtin.resolve(type)
            var out = JSONObject()
            if let def, case .object = def.type, !def.extensions.preserveUnknownFields {
                let order = GoFieldOrder.fields(def.name)
                for k in order ?? [] { if let v = o[k] { out[k] = inGoOrder(v, type: def.property(named: k)?.type, depth: depth + 1) } }
                let rest = o.keys.filter { out[$0] == nil }
                for k in order == nil ? rest : rest.sorted(by: goStringLess) {
                    out[k] = inGoOrder(o[k]!, type: def.property(named: k)?.type, depth: depth + 1)
                }
                return .object(out)
            }
            guard case .map(let t) = resolved else { return value }
            for k in o.keys.sorted(by: goStringLess) { out[k] = inGoOrder(o[k]!, type: t, depth: depth + 1) }
            return .object(out)
        default:
            return value
        }
    }

    static let objectMetaType = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"

    /// Every `metadata` of the Go types is a non-pointer ObjectMeta, written even when empty, and its
    /// creationTimestamp (a struct whose zero value marshals as null) is always written: an embedded
    /// template's `metadata` (a PVC template inside an ephemeral volume too) reads
    /// `{"creationTimestamp": null}`.
    static func withObjectMeta(_ value: JSONValue, type: SchemaType?, depth: Int) -> JSONValue {
        guard depth < 64, let type else { return value }
        switch value {
        case .array(let items):
            guard let item = GoFieldOrder.elementType(type) else { return value }
            return .array(items.map { withObjectMeta($0, type: item, depth: depth + 1) })
        case .object(var o):
            let (resolved, def) = SchemaIndex.builtin.resolve(type)
            if let def, def.name == objectMetaType {
                if o["creationTimestamp"] == nil { o["creationTimestamp"] = .null }
                return .object(o)
            }
            if let def, case .object = def.type, !def.extensions.preserveUnknownFields {
                if case .ref(objectMetaType)? = def.property(named: "metadata")?.type, o["metadata"] == nil {
                    o["metadata"] = .emptyObject
                }
                for (k, v) in o { if let t = def.property(named: k)?.type { o[k] = withObjectMeta(v, type: t, depth: depth + 1) } }
                return .object(o)
            }
            if case .map(let t) = resolved {
                for (k, v) in o { o[k] = withObjectMeta(v, type: t, depth: depth + 1) }
            }
            return .object(o)
        default:
            return value
        }
    }

    /// A StatefulSet's claim templates as typed PersistentVolumeClaims: metadata with
    /// `creationTimestamp: null`, the status struct `{}`.
    static func claimTemplates(_ templates: JSONValue) -> JSONValue {
        guard let list = templates.array else { return templates }
        return .array(list.map { t in
            var c = t
            c["metadata"] = TypedOrder.meta(t["metadata"])
            if c["status"].isNull { c["status"] = .emptyObject }
            return .object(TypedOrder.reorder(c, ["kind", "apiVersion", "metadata", "spec", "status"]))
        })
    }
}
