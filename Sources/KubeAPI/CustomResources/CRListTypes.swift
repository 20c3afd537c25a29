import KubeModel

// x-kubernetes-list-type on custom resources: a `set` may not repeat an item and a `map` may not
// repeat a key (checked after defaulting, so defaults that collide are caught), with the API
// server's `Duplicate value` errors.

enum CustomResourceListTypes {
    static func validate(_ value: JSONValue, schema s: JSONValue, path: String = "") -> [APIError.Cause] {
        var out: [APIError.Cause] = []
        switch value {
        case .object(let o):
            for (k, v) in o {
                if let p = s["properties"][k].object {
                    out += validate(v, schema: .object(p), path: path.isEmpty ? k : path + "." + k)
                } else if s["properties"].isNull, let a = s["additionalProperties"].object {
                    out += validate(v, schema: .object(a), path: path + "[\(k)]")
                }
            }
        case .array(let items):
            switch s["x-kubernetes-list-type"].string {
            case "set":
                var seen: [JSONValue] = []
                for (i, x) in items.enumerated() {
                    if seen.contains(where: { CustomResourceSchema.equal($0, x) }) {
                        out.append(.init(field: path + "[\(i)]", message: "Duplicate value: " + goValue(x)))
                    } else {
                        seen.append(x)
                    }
                }
            case "map":
                let keys = (s["x-kubernetes-list-map-keys"].array ?? []).compactMap(\.string)
                var seen: [[JSONValue]] = []
                for (i, x) in items.enumerated() {
                    let k = keys.map { x[$0] }
                    if seen.contains(where: { zip($0, k).allSatisfy { CustomResourceSchema.equal($0, $1) } }) {
                        let shown = keys.sorted().filter { !x[$0].isNull }.map { "\(strconvQuote($0)):\(goValue(x[$0]))" }
                        out.append(.init(field: path + "[\(i)]", message: "Duplicate value: map[string]interface {}{" + shown.joined(separator: ", ") + "}"))
                    } else {
                        seen.append(k)
                    }
                }
            default:
                break
            }
            if s["items"].object != nil {
                for (i, x) in items.enumerated() { out += validate(x, schema: s["items"], path: path + "[\(i)]") }
            }
        default:
            break
        }
        return out
    }

    /// Go's `%#v` of a decoded JSON value.
    static func goValue(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return strconvQuote(s)
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e21 ? String(Int64(d)) : goFormatFloat(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "interface {}(nil)"
        case .array(let a): return "[]interface {}{" + a.map(goValue).joined(separator: ", ") + "}"
        case .object(let o): return "map[string]interface {}{" + o.sortedKeys.map { "\(strconvQuote($0)):\(goValue(o[$0]!))" }.joined(separator: ", ") + "}"
        }
    }
}
