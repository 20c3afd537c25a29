// The seam for custom resources and imported documents: a SchemaIndex built from a CRD version's
// `openAPIV3Schema` (a structural JSON schema with inline objects). Descriptions come from the schema
// itself, in the definition/field slots, so explain prints them instead of the catalog's.
import KubeModel

extension SchemaIndex {
    /// An index holding one definition for a custom resource kind, converted from the
    /// `spec.versions[].schema.openAPIV3Schema` of its CustomResourceDefinition. The definition is
    /// named `<group>.<version>.<Kind>` (reversed-domain style is not needed: it is never shared).
    public static func customResource(group: String, version: String, kind: String, plural: String,
                                      namespaced: Bool, openAPIV3Schema schema: JSONValue) -> SchemaIndex
    {
        var def = crdObject(schema, name: "\(group).\(version).\(kind)")
        def.gvks = [GroupVersionKind(group: group, version: version, kind: kind)]
        let served = ServedResource(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced,
                                    verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"])
        return SchemaIndex(definitions: [def], servedResources: [served], groupVersions: [group + "/" + version])
    }
}

/// An object schema as a definition: its properties in document order, required list, description.
func crdObject(_ s: JSONValue, name: String = "") -> SchemaDefinition {
    var d = SchemaDefinition(name: name, type: .object)
    d.description = s["description"].string ?? ""
    d.required = (s["required"].array ?? []).compactMap(\.string)
    if let props = s["properties"].object {
        for (k, v) in props {
            var p = SchemaProperty(name: k, type: crdType(v), enumValues: v["enum"].array ?? [],
                                   description: v["description"].string ?? "")
            p.extensions.preserveUnknownFields = v["x-kubernetes-preserve-unknown-fields"].bool ?? false
            // How server-side apply merges the field (structured-merge-diff reads the same markers).
            p.extensions.listType = v["x-kubernetes-list-type"].string
            p.extensions.listMapKeys = (v["x-kubernetes-list-map-keys"].array ?? []).compactMap(\.string)
            p.extensions.mapType = v["x-kubernetes-map-type"].string
            // An inline object's own description is the field's: keep it once.
            if case .inline(var inner) = p.type {
                inner.description = ""
                p.type = .inline(inner)
            }
            d.properties.append(p)
        }
    }
    return d
}

/// The type of a property/items/additionalProperties schema.
func crdType(_ s: JSONValue) -> SchemaType {
    // CRD schemas have no $ref (the API server forbids it); explain's own metadata of embedded
    // resources is the one ref read here.
    if let ref = s["$ref"].string, ref == "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" {
        return .ref(refName(ref))
    }
    if s["x-kubernetes-int-or-string"].bool == true { return .intOrString }
    switch s["type"].string {
    case "string": return .string(format: s["format"].string)
    case "integer": return .integer(format: s["format"].string)
    case "number": return .number(format: s["format"].string)
    case "boolean": return .boolean
    case "array": return .array(s["items"].isNull ? .any(preserveUnknownFields: false) : crdType(s["items"]))
    case "object":
        if s["properties"].object == nil, let ap = s["additionalProperties"].object {
            return .map(crdType(.object(ap)))
        }
        if s["properties"].object == nil {
            return .any(preserveUnknownFields: s["x-kubernetes-preserve-unknown-fields"].bool ?? false)
        }
        return .inline(crdObject(s))
    default:
        return .any(preserveUnknownFields: s["x-kubernetes-preserve-unknown-fields"].bool ?? false)
    }
}
