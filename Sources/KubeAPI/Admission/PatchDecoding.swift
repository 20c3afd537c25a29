import KubeModel
import KubeSchema

/// How the API server words decode errors of a patched object. A strategic merge patch is merged as
/// maps and converted to the typed object by apimachinery's unstructured converter (`UnstructuredConversion`),
/// whose errors read `unrecognized type: int32`, `cannot convert int64 to string`, `cannot restore slice
/// from map`; either kind of patch reports them as `The request is invalid: patch: Invalid value: "<v>": <error>`.
enum PatchDecoding {
    /// The Invalid error (no kind, no name) the patch handler returns.
    static func invalid(_ value: String, _ detail: String) -> APIError {
        APIError(reason: .invalid, message: " \"\" is invalid: patch: Invalid value: \(strconvQuote(value)): \(detail)",
                 code: 422, causes: [.init(field: "patch", message: "Invalid value: \(strconvQuote(value)): \(detail)")])
    }

    /// Go's `fmt.Sprintf("%+v", m)` of a decoded JSON map: `map[spec:map[replicas:5]]`.
    static func goPrint(_ v: JSONValue) -> String {
        switch v {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return goFormatFloat(d)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(goPrint).joined(separator: " ") + "]"
        case .object(let o): return "map[" + o.sortedKeys.map { "\($0):\(goPrint(o[$0]!))" }.joined(separator: " ") + "]"
        }
    }
}
