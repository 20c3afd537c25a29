import KubeAPI
import KubeCodec
import KubeModel
import KubePrinters
import KubeRegistry
import KubeSchema

/// The last-applied-configuration annotation `create --save-config`, `apply` and `edit --save-config` keep.
enum LastApplied {
    static let key = "kubectl.kubernetes.io/last-applied-configuration"

    /// `create --save-config`: the object as given, without the annotation, as compact JSON. `typed`: an
    /// object kubectl built as a Go struct (`create <kind>`, expose, autoscale) keeps its field order;
    /// otherwise keys are sorted as for an unstructured object.
    /// kubectl's GetModifiedConfiguration sets the annotations to an empty map first: a Go struct leaves
    /// it out (omitempty), an unstructured object (`create -f`, `replace -f`) writes `"annotations":{}`.
    static func annotate(_ obj: JSONValue, typed: Bool = false) -> JSONValue {
        var copy = obj
        copy.remove(["metadata", "annotations", key])
        if typed {
            if copy["metadata"]["annotations"].object?.isEmpty == true { copy.remove(["metadata", "annotations"]) }
        } else if copy["metadata"]["annotations"].object == nil {
            copy["metadata"]["annotations"] = .emptyObject
        }
        var out = obj
        out["metadata"]["annotations"][key] = .string(copy.jsonString(typed ? .compactOrdered : .compact) + "\n")
        return out
    }

    /// kubectl apply's GetModifiedConfiguration: the configuration with its annotations map (kept even
    /// when empty, as apply does) minus the annotation, then the object with the annotation set.
    static func modified(_ obj: JSONValue) -> (object: JSONValue, annotation: String) {
        var copy = obj
        var annotations = obj["metadata"]["annotations"].object ?? JSONObject()
        annotations.removeValue(forKey: key)
        copy["metadata"]["annotations"] = .object(annotations)
        let text = copy.compactJSON + "\n"
        var out = copy
        out["metadata"]["annotations"][key] = .string(text)
        return (out, text)
    }

    /// The stored last applied configuration of a live object, nil when absent or unreadable.
    static func of(_ live: JSONValue) -> JSONValue? {
        guard let s = live["metadata"]["annotations"][key].string, !s.isEmpty else { return nil }
        return try? JSON.parse(s)
    }
}

enum PatchKind: String {
    case strategic, merge, json
}

enum Declarative {
    /// How the server received a patch (its decode errors are worded per patch type).
    static func requestBody(_ patch: JSONValue, kind: PatchKind) -> RequestBody {
        kind == .strategic ? .strategicPatch(patch) : .jsonPatch(patch, merge: kind == .merge)
    }

    static func schema(for obj: JSONValue) -> PatchSchema {
        PatchSchema.forObject(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "")
    }

    /// Whether the type is built in (strategic merge) or not (custom resources: JSON merge patch).
    /// What a write through the status subresource keeps of `next`: its status, the rest as `live` has it.
    static func statusOnly(_ next: JSONValue, live: JSONValue) -> JSONValue {
        var onlyStatus = live
        onlyStatus["status"] = next["status"]
        return onlyStatus
    }

    static func supportsStrategic(_ obj: JSONValue) -> Bool {
        SchemaIndex.builtin.definition(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "") != nil
    }

    /// Parses `-p` text (YAML or JSON) as kubectl's `yaml.ToJSON` does.
    static func parsePatch(_ text: String, kind: PatchKind) throws -> JSONValue {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            if let v = try? JSON.parse(text) { return v }
            if trimmed.hasPrefix("{") {
                switch kind {
                case .strategic: throw CLIError.message("invalid JSON document")
                case .merge: throw CLIError.message("Invalid JSON Patch")
                case .json: throw CLIError.message("unexpected end of JSON input")
                }
            }
        }
        do {
            let docs = try YAMLCodec.decodeDocuments(text, source: "")
            return docs.first ?? .null
        } catch {
            var msg = "\(error)"
            let chars = Array(msg)
            let needle = Array("yaml: ")
            if chars.count >= needle.count, let i = (0...(chars.count - needle.count)).first(where: { Array(chars[$0..<($0 + needle.count)]) == needle }) {
                msg = String(chars[i...])
            }
            throw CLIError.message("unable to parse \(goQuoted(text)): \(msg)")
        }
    }

    static func apply(_ patch: JSONValue, to obj: JSONValue, kind: PatchKind) throws -> JSONValue {
        // A `null` strategic or JSON patch decodes to no change at all (an empty map, an empty op list).
        if patch.isNull && kind != .merge { return obj }
        do {
            switch kind {
            case .strategic:
                guard patch.object != nil else { throw PatchError("invalid JSON document") }
                return try StrategicMerge.apply(obj, patch: patch, schema: schema(for: obj))
            case .merge: return try JSONMergePatch.apply(obj, patch: patch)
            case .json: return try JSONPatch.apply(obj, patch: patch)
            }
        } catch let e as PatchError {
            throw CLIError.message(e.message)
        }
    }

    /// Removes `null` values from maps (the API server's typed decoding drops them).
    static func dropNulls(_ v: JSONValue) -> JSONValue { v.withoutNulls }

    /// Resource, kind and name lines kubectl prints about an object (`info.String()`).
    static func infoString(_ type: ResourceType, name: String, namespace: String) -> String {
        "Resource: \(goQuoted(gvrString(type))), GroupVersionKind: \(goQuoted("\(type.group)/\(type.version), Kind=\(type.kind)"))\nName: \(goQuoted(name)), Namespace: \(goQuoted(namespace))"
    }
}
