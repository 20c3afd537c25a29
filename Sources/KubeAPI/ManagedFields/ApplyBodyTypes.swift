import KubeModel
import KubeSchema

/// The first thing the API server does with a server-side apply body: it makes a typed value of it
/// against the kind's schema (structured-merge-diff's validation). What does not fit refuses the
/// whole request with a 500 (`failed to create typed patch object (<ns>/<name>; <group>/<version>,
/// Kind=<Kind>): <errors>`) before defaulting, admission or validation see it:
/// - a scalar of the wrong type: `expected numeric (int or float), got string` (the Go type),
///   `expected string, got &value.valueUnstructured{Value:3}` (`%#v`), `expected boolean, got &{yes}`,
///   a map or list where the schema has the other: `expected map, got &{5}`, `expected list, got &{a}`;
/// - a field the struct does not declare: `field not declared in schema` (the walk of that map stops);
/// - a list-map or set item whose key cannot be made (`element 0: associative list with keys may not
///   have non-map elements`; the rest of that list is not walked) or repeats: `duplicate entries for
///   key [name="A"]`.
/// Paths and value texts are structured-merge-diff's (`.spec.containers[name="c"].env`, keys as Go's
/// `%v`/`%q`). One error prints alone; several as `errors:` and one indented line each.
///
/// The server walks each map in Go's map order, which is random; kubectl sends keys sorted and a small
/// Go map mostly iterates in insertion order, so byte order of the keys is the order it reports most
/// often (measured with structured-merge-diff itself, see Golden/ssatyped/record.sh); we walk that way.
/// The body is decoded as JSON into floats: numbers print as Go prints a float64 (`1e+06`).
struct ApplyBodyTypes {
    let index: SchemaIndex

    /// What structured-merge-diff knows of one position (its `schema.Atom`, resolved).
    enum Atom {
        case numeric, string, boolean
        /// Any scalar, list or map (untyped and deduced types, IntOrString, Quantity, RawExtension).
        case anything
        /// A struct: declared fields; others are refused unless `open` (then anything).
        case structure(SchemaDefinition, open: Bool)
        case map(SchemaType)
        /// keys nil: atomic (items indexed); [] a set (items by value); else a list-map.
        case list(SchemaType, keys: [String]?)
        /// A position of a custom resource: its CRD schema there, and whether an object above opened it
        /// with `x-kubernetes-preserve-unknown-fields`.
        case custom(JSONValue, preserve: Bool)
    }

    struct Failure {
        var path: String
        var message: String
        var text: String { path.isEmpty ? message : path + ": " + message }
    }

    /// The errors of `body` as the root `definition`; empty when it converts.
    func errors(_ body: JSONValue, definition: SchemaDefinition) -> [Failure] {
        var out: [Failure] = []
        walk(body, .structure(definition, open: definition.properties.isEmpty), "", &out)
        return out
    }

    /// The server's text for the failures (nil when there are none).
    static func message(_ failures: [Failure]) -> String? {
        switch failures.count {
        case 0: return nil
        case 1: return failures[0].text
        default: return (["errors:"] + failures.map { "  " + $0.text }).joined(separator: "\n")
        }
    }

    func atom(_ t: SchemaType, _ ext: SchemaExtensions? = nil) -> Atom {
        switch t {
        case .string(let format): return format == nil || format == "" || format == "byte" ? .string : .anything
        case .integer, .number: return .numeric
        case .boolean: return .boolean
        case .intOrString, .quantity, .any, .object: return .anything
        case .map(let v): return .map(v)
        case .inline(let def): return .structure(def, open: def.properties.isEmpty || def.extensions.preserveUnknownFields)
        case .array(let el): return .list(el, keys: Self.listKeys(ext ?? SchemaExtensions()))
        case .ref(let name):
            guard let def = index.definition(named: name) else { return .anything }
            if case .object = def.type { return .structure(def, open: def.properties.isEmpty || def.extensions.preserveUnknownFields) }
            return atom(def.type, def.extensions)
        }
    }

    /// A list's kind as kube-openapi reads its extensions: `x-kubernetes-list-type` first, else a
    /// `merge` patch strategy (keyed by the merge key, a set without one), else atomic.
    static func listKeys(_ e: SchemaExtensions) -> [String]? {
        switch e.listType {
        case "map": return e.listMapKeys
        case "set": return []
        case .some: return nil
        case nil:
            guard e.patchStrategy == "merge" || e.patchStrategy == "merge,retainKeys" else { return nil }
            if let k = e.patchMergeKey, !k.isEmpty { return [k] }
            return []
        }
    }

    func walk(_ v: JSONValue, _ a: Atom, _ path: String, _ out: inout [Failure]) {
        if v.isNull { return }
        switch a {
        case .anything: return
        case .numeric:
            switch v {
            case .int, .double: return
            default: out.append(Failure(path: path, message: "expected numeric (int or float), got " + Self.goType(v)))
            }
        case .string:
            if case .string = v { return }
            out.append(Failure(path: path, message: "expected string, got &value.valueUnstructured{Value:" + goFormatSharpV(Self.asFloats(v)) + "}"))
        case .boolean:
            if case .bool = v { return }
            out.append(Failure(path: path, message: "expected boolean, got &{" + goFormatV(Self.asFloats(v)) + "}"))
        case .map(let element):
            walkFields(v, path, open: true, &out) { _ in atom(element) }
        case .structure(let def, let open):
            walkFields(v, path, open: open, &out) { k in def.property(named: k).map { atom($0.type, $0.extensions) } }
        case .list(let element, let keys):
            let defaults = keys?.isEmpty == false ? TypedFields.keyDefaults(element, index: index) : [:]
            walkItems(v, path, keys: keys, defaults: defaults, atom(element), &out)
        case .custom(let schema, let preserve):
            walkCustom(v, schema, preserve: preserve, path, &out)
        }
    }

    /// A map's or struct's members in key order; `field` gives a member's atom (nil: undeclared, which
    /// ends the walk of this map unless it is `open`).
    func walkFields(_ v: JSONValue, _ path: String, open: Bool, _ out: inout [Failure], field: (String) -> Atom?) {
        guard case .object(let o) = v else { return expected("map", v, path, &out) }
        for k in o.sortedKeys {
            if let a = field(k) {
                walk(o[k]!, a, path + "." + k, &out)
            } else if !open {
                out.append(Failure(path: path + "." + k, message: "field not declared in schema"))
                return
            }
        }
    }

    /// A list's items: by index (atomic), by value (a set) or by key fields (a list-map, with the key
    /// fields' defaults).
    func walkItems(_ v: JSONValue, _ path: String, keys: [String]?, defaults: [String: JSONValue], _ element: Atom,
                   _ out: inout [Failure])
    {
        guard case .array(let items) = v else { return expected("list", v, path, &out) }
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            var pe = "[\(i)]"
            if let keys {
                switch Self.itemKey(item, keys: keys, defaults: defaults) {
                case .failure(let why):
                    out.append(Failure(path: path, message: "element \(i): \(why.text)"))
                    return
                case .success(let key):
                    pe = key
                    if !seen.insert(key).inserted { out.append(Failure(path: path, message: "duplicate entries for key " + key)) }
                }
            }
            walk(item, element, path + pe, &out)
        }
    }

    // MARK: custom resources

    /// A custom resource's body against its CRD's structural schema, as the API server's model of it
    /// for apply (kube-openapi's builder with value validations stripped, so a string's `format` does not
    /// matter): `apiVersion`, `kind` and `metadata` (ObjectMeta) at the root and in embedded resources,
    /// `x-kubernetes-preserve-unknown-fields` opening its object and everything below it.
    func customErrors(_ body: JSONValue, schema: JSONValue) -> [Failure] {
        var out: [Failure] = []
        walk(body, .custom(schema, preserve: false), "", &out)
        return out
    }

    func walkCustom(_ v: JSONValue, _ s: JSONValue, preserve inherited: Bool, _ path: String, _ out: inout [Failure]) {
        let preserve = inherited || s["x-kubernetes-preserve-unknown-fields"].bool == true
        if s["x-kubernetes-int-or-string"].bool == true { return }
        switch s["type"].string {
        case "string": walk(v, .string, path, &out)
        case "integer", "number": walk(v, .numeric, path, &out)
        case "boolean": walk(v, .boolean, path, &out)
        case "array":
            let items = s["items"]
            let keys: [String]?
            switch s["x-kubernetes-list-type"].string {
            case "map": keys = (s["x-kubernetes-list-map-keys"].array ?? []).compactMap(\.string)
            case "set": keys = []
            default: keys = nil
            }
            var defaults: [String: JSONValue] = [:]
            for k in keys ?? [] where !items["properties"][k]["default"].isNull { defaults[k] = items["properties"][k]["default"] }
            walkItems(v, path, keys: keys, defaults: defaults, items.isNull ? .anything : .custom(items, preserve: preserve), &out)
        case "object":
            let props = s["properties"].object ?? JSONObject()
            let root = path.isEmpty
            let embedded = root || s["x-kubernetes-embedded-resource"].bool == true
            let additional = s["additionalProperties"]
            let open = additional.bool == true || (additional.isNull && (preserve || props.isEmpty))
            walkFields(v, path, open: open, &out) { k in
                if embedded, k == "apiVersion" || k == "kind" { return .string }
                if embedded, k == "metadata" {
                    return index.definition(named: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").map { .structure($0, open: false) } ?? .anything
                }
                if let p = props[k] { return .custom(p, preserve: preserve) }
                if additional.object != nil { return .custom(additional, preserve: preserve) }
                return open ? .anything : nil
            }
        default:
            return
        }
    }

    func expected(_ what: String, _ v: JSONValue, _ path: String, _ out: inout [Failure]) {
        out.append(Failure(path: path, message: "expected \(what), got &{" + goFormatV(Self.asFloats(v)) + "}"))
    }

    struct KeyError: Error { var text: String }

    /// The path element of an associative list's item (`[name="a"]`, `[containerPort=80,protocol="TCP"]`,
    /// `[="x"]` for a set), or why it has none.
    static func itemKey(_ item: JSONValue, keys: [String], defaults: [String: JSONValue]) -> Result<String, KeyError> {
        if keys.isEmpty {
            switch item {
            case .object: return .failure(KeyError(text: "associative list without keys has an element that's a map type"))
            case .array: return .failure(KeyError(text: "not supported: associative list with lists as elements"))
            case .null: return .failure(KeyError(text: "associative list without keys has an element that's an explicit null"))
            default: return .success("[=" + valueString(item) + "]")
            }
        }
        guard case .object(let o) = item else {
            return .failure(KeyError(text: item.isNull ? "associative list with keys may not have a null element"
                                                       : "associative list with keys may not have non-map elements"))
        }
        var parts: [(String, JSONValue)] = []
        for k in keys {
            if let v = o[k] { parts.append((k, v)) } else if let d = defaults[k] { parts.append((k, d)) } else {
                return .failure(KeyError(text: "associative list with keys has an element that omits key field \(strconvQuote(k)) (and doesn't have default value)"))
            }
        }
        parts.sort { goStringLess($0.0, $1.0) }
        return .success("[" + parts.map { "\($0.0)=\(valueString($0.1))" }.joined(separator: ",") + "]")
    }

    /// structured-merge-diff's `value.ToString`: floats and bools as `%v`, strings as `%q`, lists
    /// `[a,b]`, maps `k=v` run together.
    static func valueString(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return goFormatFloatG(Double(i))
        case .double(let d): return goFormatFloatG(d)
        case .string(let s): return strconvQuote(s)
        case .array(let a): return "[" + a.map(valueString).joined(separator: ",") + "]"
        case .object(let o): return o.sortedKeys.map { "\($0)=\(valueString(o[$0]!))" }.joined()
        }
    }

    /// `%T` of the decoded value.
    static func goType(_ v: JSONValue) -> String {
        switch v {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int, .double: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    /// The value as the server holds it after decoding JSON: every number a float64.
    static func asFloats(_ v: JSONValue) -> JSONValue {
        switch v {
        case .int(let i): return .double(Double(i))
        case .array(let a): return .array(a.map(asFloats))
        case .object(let o):
            var out = JSONObject()
            for k in o.keys { out[k] = asFloats(o[k]!) }
            return .object(out)
        default: return v
        }
    }
}
