import KubeModel
import KubeRegistry
import KubeStore

/// How printer-column JSONPaths are evaluated. KubeAPI has no JSONPath engine of its own: the command
/// layer supplies kubectl's (the same one `-o jsonpath` uses).
public struct CustomResourceColumnSupport: Sendable {
    /// The first result of `{<jsonPath>}` on the object, nil when there is none (or the path is invalid).
    public var find: @Sendable (_ jsonPath: String, _ object: JSONValue) -> JSONValue?
    /// How the JSONPath printer prints one result (strings raw, numbers as Go prints them, objects as JSON).
    public var text: @Sendable (JSONValue) -> String
    /// Go's `fmt.Sprint(float64)`.
    public var formatFloat: @Sendable (Double) -> String

    public init(find: @escaping @Sendable (String, JSONValue) -> JSONValue?,
                text: @escaping @Sendable (JSONValue) -> String,
                formatFloat: @escaping @Sendable (Double) -> String) {
        self.find = find
        self.text = text
        self.formatFloat = formatFloat
    }

    /// Dotted paths only (`.spec.replicas`, `.status.items[0].name`): enough when no engine is given.
    public static let simple = CustomResourceColumnSupport(
        find: { path, object in
            var cur = object
            for part in path.split(separator: ".") {
                var key = Substring(part)
                var index: Int?
                if let open = part.firstIndex(of: "["), part.hasSuffix("]") {
                    key = part[..<open]
                    index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)])
                }
                if !key.isEmpty { cur = cur[String(key)] }
                if let i = index { cur = cur[i] }
                if cur.isNull { return nil }
            }
            return cur
        },
        text: { v in v.string ?? v.compactJSON },
        formatFloat: { "\($0)" })
}

public enum CustomResources {
    public static let crdStorageKey = "apiextensions.k8s.io/customresourcedefinitions"

    /// `base` plus the kinds of every CustomResourceDefinition in the store. Reads the store only when
    /// some CRD exists (one indexed count otherwise).
    public static func registry(base: Registry, tx: StoreTransaction, columns: CustomResourceColumnSupport) throws -> Registry {
        guard try tx.count(resource: crdStorageKey, namespace: nil) > 0 else { return base }
        var registry = base
        for row in try tx.list(resource: crdStorageKey, namespace: nil) {
            guard let crd = try? JSON.parse(row.data) else { continue }
            let info = CustomResourceDefinitionInfo(crd)
            guard isEstablished(crd), !info.plural.isEmpty, !info.kind.isEmpty else { continue }
            // Table cells are stored when an object is written: every version prints the preferred
            // version's printer columns, so that rows written through any version agree.
            let served = info.servedVersions
            guard let preferred = served.first else { continue }
            let table = resourceType(info, version: preferred, columns: columns)
            for (i, v) in served.enumerated() {
                var t = resourceType(info, version: v, columns: columns)
                t.columns = table.columns
                t.row = table.row
                registry.add(t, preferred: i == 0)
            }
        }
        return registry
    }

    static func isEstablished(_ crd: JSONValue) -> Bool {
        (crd["status"]["conditions"].array ?? []).contains {
            $0["type"].string == "Established" && $0["status"].string == "True"
        }
    }

    /// The registry entry of one served version of a CRD.
    public static func resourceType(_ info: CustomResourceDefinitionInfo, version v: CustomResourceDefinitionInfo.Version,
                                    columns support: CustomResourceColumnSupport) -> ResourceType
    {
        let printer = v.printerColumns.isEmpty
            ? [CustomResourceDefinitionInfo.PrinterColumn(name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp", priority: 0, format: "")]
            : v.printerColumns
        let columns = [ColumnDefinition.name] + printer.map { ColumnDefinition($0.name, priority: $0.priority) }
        let row: RowFunction = { obj in
            [.text(obj["metadata"]["name"].string ?? "")] + printer.map { cell($0, obj, support) }
        }
        var t = ResourceType(group: info.group, version: v.name, kind: info.kind, plural: info.plural, singular: info.singular,
                             shortNames: info.shortNames, namespaced: info.namespaced, categories: info.categories,
                             columns: columns, row: row)
        t.openAPIV3Schema = v.schema
        t.scale = v.scale
        t.generation = .allButMetadataAndStatus
        return t
    }

    /// The apiserver's CRD table convertor cell, as kubectl then prints it.
    static func cell(_ c: CustomResourceDefinitionInfo.PrinterColumn, _ obj: JSONValue, _ support: CustomResourceColumnSupport) -> Cell {
        guard let value = support.find(c.jsonPath, obj), !value.isNull else { return .text("") }
        switch c.type {
        case "string":
            return .text(support.text(value))
        case "integer":
            switch value {
            case .int(let i): return .text(String(i))
            case .double(let d) where d.isFinite && abs(d) < 9.2e18: return .text(String(Int64(d)))
            default: return .text("")
            }
        case "number":
            switch value {
            case .int(let i): return .text(String(i))
            case .double(let d):
                // The server sends float64; kubectl reads an integral number back as an integer.
                if d == d.rounded(), abs(d) < 1e21 { return .text(String(Int64(d))) }
                return .text(support.formatFloat(d))
            default: return .text("")
            }
        case "boolean":
            if case .bool(let b) = value { return .text(b ? "true" : "false") }
            return .text("")
        case "date":
            guard case .string(let s) = value else { return .text("") }
            guard let t = Timestamp(rfc3339: s) else { return .text("<invalid>") }
            return .since(t)
        default:
            return .text("")
        }
    }
}

extension APIServer {
    /// Adds the kinds of the store's CustomResourceDefinitions to this server's registry.
    public func loadCustomResources(columns: CustomResourceColumnSupport) throws {
        let base = registry
        registry = try store.read { tx in try CustomResources.registry(base: base, tx: tx, columns: columns) }
        // kwok's Stage API is installed by the first Stage written.
        let stage = CustomResourceDefinitionInfo(StageDefaults.crd)
        for v in stage.servedVersions { registry.addOnDemand(CustomResources.resourceType(stage, version: v, columns: columns)) }
    }
}
