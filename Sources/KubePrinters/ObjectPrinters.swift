import KubeCodec
import KubeModel
import KubeRegistry

/// kubectl's `-o json|yaml|name` printers.
public enum ObjectPrinter {
    /// The `List` kubectl prints for anything but a single named object.
    public static func list(_ items: [JSONValue]) -> JSONValue {
        ["apiVersion": "v1", "items": .array(items), "kind": "List", "metadata": ["resourceVersion": ""]]
    }

    public static func json(_ value: JSONValue, sortKeys: Bool = true) -> String {
        value.jsonString(JSONWriteOptions(indent: 4, sortKeys: sortKeys)) + "\n"
    }

    public static func yaml(_ value: JSONValue) -> String { YAMLCodec.encode(value) }

    /// `pod/nginx`, `deployment.apps/web`.
    public static func name(_ object: JSONValue, type: ResourceType?) -> String {
        let prefix: String
        if let type {
            prefix = type.qualifiedKind
        } else {
            let gvk = GroupVersionKind.parse(apiVersion: object["apiVersion"].string ?? "", kind: object["kind"].string ?? "")
            prefix = gvk.group.isEmpty ? gvk.kind.lowercased() : "\(gvk.kind.lowercased()).\(gvk.group)"
        }
        // kubectl's name printer says <unknown> for an object without a name (a review).
        let name = object["metadata"]["name"].string ?? ""
        return "\(prefix)/\(name.isEmpty ? "<unknown>" : name)"
    }

    /// Removes `metadata.managedFields` unless `--show-managed-fields`.
    public static func stripManagedFields(_ v: JSONValue) -> JSONValue {
        var o = v
        o.remove(["metadata", "managedFields"])
        if var items = o["items"].array, o["kind"].string?.hasSuffix("List") == true {
            for i in items.indices { items[i].remove(["metadata", "managedFields"]) }
            o["items"] = .array(items)
        }
        return o
    }
}
