// `kubectl explain` over a SchemaIndex: kubectl v1.32's OpenAPI v3 "plaintext" template
// (pkg/explain/v2/templates/plaintext.tmpl) re-implemented over the compact schema model.
//
// Model mapping: a field of type `.ref(X)` is upstream's `allOf: [{$ref: X}]` property, `.array(T)` a
// property with `items: T`, `.map(T)` one with `additionalProperties: T`, `.inline(D)` an object
// schema with its own `properties` (CRDs). Descriptions come from the schema's own slots when set
// (CRDs, imported documents), otherwise from a `SchemaDescriptions` source (our catalog).
import KubeModel

/// Why explain could not finish. The header is already part of the output when this is reported.
public enum ExplainError: Error, Equatable, Sendable {
    /// `error: field "foo" does not exist` (kubectl names the last element of the path).
    case fieldNotFound(String)
    /// The schema has no definition for the kind.
    case kindNotFound(GroupVersionKind)
    /// `--find`: no field name or description contains the word.
    case noMatch(String)

    /// The message kubectl prints (with its `error: ` prefix).
    public var message: String {
        switch self {
        case .fieldNotFound(let f): return "error: field \"\(f)\" does not exist"
        case .kindNotFound(let k):
            return "error: GVK \(k.group)/\(k.version), Kind=\(k.kind) not found in OpenAPI schema"
        case .noMatch(let w): return "error: no field name or description contains \"\(w)\""
        }
    }
}

/// What explain printed (stdout) and, if it failed part way, the error to report after it.
public struct ExplainResult: Sendable, Equatable {
    public var output: String
    public var error: ExplainError?
}

/// The field an explain path points at.
public struct ExplainedField: Sendable {
    public var name: String
    public var property: SchemaProperty
    /// The object holding the field (its `required` list, and the key of its description).
    public var owner: SchemaDefinition
}

public struct Explainer: Sendable {
    public var index: SchemaIndex
    public var descriptions: SchemaDescriptions

    public init(index: SchemaIndex = .builtin, descriptions: SchemaDescriptions = DescriptionCatalog.builtin) {
        self.index = index
        self.descriptions = descriptions
    }

    // MARK: descriptions

    public func description(of def: SchemaDefinition) -> String {
        if !def.description.isEmpty || def.name.isEmpty { return def.description }
        return descriptions.description(definition: def.name)
    }

    public func description(of p: SchemaProperty, in owner: SchemaDefinition) -> String {
        if !p.description.isEmpty || owner.name.isEmpty { return p.description }
        return descriptions.description(definition: owner.name, field: p.name)
    }

    /// The descriptions of the schemas a type refers to (through lists and maps), each followed by a
    /// newline: the second part of kubectl's DESCRIPTION for a field.
    func typeDescription(_ t: SchemaType) -> String {
        switch t {
        case .ref(let n):
            guard let d = index.definition(named: n) else { return "" }
            let s = description(of: d)
            return s.isEmpty ? "" : s + "\n"
        case .array(let i), .map(let i):
            return typeDescription(i)
        case .inline(let d):
            let s = description(of: d)
            return s.isEmpty ? "" : s + "\n"
        default:
            return ""
        }
    }

    // MARK: types

    /// The type as kubectl's `typeGuess` prints it: `string`, `[]Container`, `map[string]string`,
    /// `Object`, `ObjectMeta`, `Quantity`, `IntOrString`, ...
    public func typeName(_ t: SchemaType) -> String {
        switch t {
        case .array(let i): return "[]" + typeName(i)
        case .map(let v): return "map[string]" + typeName(v)
        case .ref(let n):
            let short = n.split(separator: ".").last.map(String.init) ?? n
            guard let d = index.definition(named: n) else { return short.isEmpty ? "Object" : short }
            switch d.type {
            case .string: return "string"
            case .integer: return "integer"
            case .number: return "number"
            case .boolean: return "boolean"
            default: return short.isEmpty ? "Object" : short
            }
        case .string: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .object, .inline, .any, .intOrString, .quantity: return "Object"
        }
    }

    /// The object whose fields a type has (looking through lists and maps), as kubectl walks a path.
    func objectOf(_ t: SchemaType) -> SchemaDefinition? {
        switch t {
        case .ref(let n): return index.definition(named: n)
        case .array(let i), .map(let i): return objectOf(i)
        case .inline(let d): return d
        default: return nil
        }
    }

    // MARK: path

    /// Follows a field path from a definition; nil when an element does not exist.
    public func locate(_ root: SchemaDefinition, path: [String]) -> ExplainedField? {
        var owner = root
        for (i, name) in path.enumerated() {
            guard let p = owner.property(named: name) else { return nil }
            if i == path.count - 1 { return ExplainedField(name: name, property: p, owner: owner) }
            guard let next = objectOf(p.type) else { return nil }
            owner = next
        }
        return nil
    }

    // MARK: plaintext

    /// The header kubectl prints before anything else.
    public static func header(_ gvk: GroupVersionKind) -> String {
        var s = ""
        if !gvk.group.isEmpty { s += "GROUP:      \(gvk.group)\n" }
        s += "KIND:       \(gvk.kind)\nVERSION:    \(gvk.version)\n\n"
        return s
    }

    /// `kubectl explain` plaintext output for a kind (and a field path inside it).
    /// `maxDepth` (an extension) limits `recursive` listings to that many levels of fields.
    public func plaintext(gvk: GroupVersionKind, fieldPath: [String] = [], recursive: Bool = false,
                          maxDepth: Int? = nil) -> ExplainResult
    {
        var out = Self.header(gvk)
        guard let root = index.definition(for: gvk) else {
            return ExplainResult(output: "", error: .kindNotFound(gvk))
        }
        let limit = maxDepth ?? Int.max
        if fieldPath.isEmpty {
            let text = description(of: root)
            out += describeBlock(text.isEmpty ? "" : text + "\n")
            var fields = ""
            listFields(of: root, level: 1, history: [], recursive: recursive, limit: limit, into: &fields)
            if !fields.isEmpty { out += "FIELDS:\n" + fields }
        } else {
            guard let f = locate(root, path: fieldPath) else {
                return ExplainResult(output: out, error: .fieldNotFound(fieldPath[fieldPath.count - 1]))
            }
            out += "FIELD: \(f.name) <\(typeName(f.property.type))>\n"
            if !f.property.enumValues.isEmpty {
                out += "ENUM:"
                for v in f.property.enumValues { out += "\n    " + goEnumText(v) }
                out += "\n"
            } else {
                out += "\n"
            }
            out += "\n"
            let own = description(of: f.property, in: f.owner)
            out += describeBlock((own.isEmpty ? "" : own + "\n") + typeDescription(f.property.type))
            var fields = ""
            listFields(f.property.type, level: 1, history: [], recursive: recursive, limit: limit, into: &fields)
            if !fields.isEmpty { out += "FIELDS:\n" + fields }
        }
        out += "\n"
        return ExplainResult(output: out, error: nil)
    }

    private func describeBlock(_ text: String) -> String {
        "DESCRIPTION:\n" + indentLines(goWordWrap(text.isEmpty ? "<empty>" : text, limit: 76), 4) + "\n"
    }

    /// kubectl's `fieldList` for a field's type: refs are followed unless already on the path
    /// (`history`), lists and maps are looked through.
    private func listFields(_ t: SchemaType, level: Int, history: Set<String>, recursive: Bool, limit: Int,
                            into out: inout String)
    {
        switch t {
        case .ref(let n):
            guard !history.contains(n), let d = index.definition(named: n) else { return }
            var h = history
            h.insert(n)
            listFields(of: d, level: level, history: h, recursive: recursive, limit: limit, into: &out)
        case .array(let i), .map(let i):
            listFields(i, level: level, history: history, recursive: recursive, limit: limit, into: &out)
        case .inline(let d):
            listFields(of: d, level: level, history: history, recursive: recursive, limit: limit, into: &out)
        default:
            return
        }
    }

    private func listFields(of def: SchemaDefinition, level: Int, history: Set<String>, recursive: Bool, limit: Int,
                            into out: inout String)
    {
        guard level <= limit else { return }
        let indent = 2 * level
        for p in sortedProperties(def) {
            out += String(repeating: " ", count: indent) + p.name + "\t<" + typeName(p.type) + ">"
            if def.isRequired(p.name) { out += " -required-" }
            if !p.enumValues.isEmpty {
                out += "\n" + String(repeating: " ", count: indent) + "enum: "
                for (i, v) in p.enumValues.enumerated() {
                    if i >= 4 { out += ", ...."; break }
                    if i > 0 { out += ", " }
                    out += goEnumText(v)
                }
            }
            out += "\n"
            if recursive {
                listFields(p.type, level: level + 1, history: history, recursive: true, limit: limit, into: &out)
            } else {
                let d = description(of: p, in: def)
                out += indentLines(goWordWrap(d.isEmpty ? "<no description>" : d, limit: 78 - indent), indent + 2)
                out += "\n\n"
            }
        }
    }

    /// Properties in Go's map-key order (byte-wise).
    func sortedProperties(_ def: SchemaDefinition) -> [SchemaProperty] {
        def.properties.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }
}

/// An enum value as Go's template prints a JSON-decoded value (`""` for the empty string).
func goEnumText(_ v: JSONValue) -> String {
    switch v {
    case .string(let s): return s.isEmpty ? "\"\"" : s
    case .int(let i): return String(i)
    case .double(let d):
        if d == d.rounded(), abs(d) < 1e21 { return String(Int64(d)) }
        return String(d)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "<nil>"
    default: return v.compactJSON
    }
}
