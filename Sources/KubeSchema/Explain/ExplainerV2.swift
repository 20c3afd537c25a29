// `kubectl explain --output=plaintext-openapiv2`: kubectl v1.32's old explain (pkg/explain), which reads
// the OpenAPI v2 document through kube-openapi's proto models, re-implemented over the same SchemaIndex.
//
// The v2 model of a schema: an object with properties is a Kind (type `Object`); an object without
// properties a Map of an Arbitrary value (type `map[string]`); a schema without type an Arbitrary (type
// ``); a list an Array; IntOrString and Quantity are strings; a `$ref` a Reference, which carries the
// property's description and has the type of what it points at. Field lookups pass through lists, maps
// and references, stop at the first scalar (what is left of the path is ignored) and name the first
// field that does not exist.
import KubeModel

extension Explainer {
    /// A node of kube-openapi's proto model, with the description it carries.
    indirect enum V2Node {
        case kind(SchemaDefinition, description: String)
        case array(V2Node, description: String)
        case map(V2Node, description: String)
        case primitive(String, description: String)
        case arbitrary(description: String)
        case reference(String, description: String)
    }

    /// The old template for a kind (and a field path): the text, or kubectl's error (nothing printed).
    public func plaintextV2(gvk: GroupVersionKind, fieldPath: [String], recursive: Bool) -> ExplainResult {
        guard let root = index.definition(for: gvk) else {
            return ExplainResult(output: "", error: .kindNotFound(gvk))
        }
        var node = V2Node.kind(root, description: description(of: root))
        var rest = fieldPath[...]
        lookup: while let name = rest.first {
            switch node {
            case .kind(let d, _):
                guard let p = d.property(named: name) else { return ExplainResult(output: "", error: .fieldNotFound(name)) }
                node = v2Node(p.type, description: description(of: p, in: d))
                rest = rest.dropFirst()
            case .array(let sub, _), .map(let sub, _):
                node = sub
            case .reference(let n, _):
                node = v2Definition(n)
            case .primitive, .arbitrary:
                break lookup
            }
        }
        var out = ""
        func write(_ s: String, _ indent: Int = 0) {
            out += s.isEmpty ? "\n" : String(repeating: " ", count: indent) + s + "\n"
        }
        func writeWrapped(_ s: String, _ indent: Int) {
            for line in oldExplainWrap(s, 80 - indent) { write(line, indent) }
        }
        func header() {
            write("KIND:     \(gvk.kind)")
            write("VERSION:  \(gvk.group.isEmpty ? gvk.version : gvk.group + "/" + gvk.version)\n")
        }
        var descriptions: [String] = []
        var typeText: String?
        func printDescription(_ own: String) {
            write("DESCRIPTION:")
            var empty = true
            for (i, d) in (descriptions + [own]).enumerated() where !d.isEmpty {
                empty = false
                if i != 0 { write("") }
                writeWrapped(d, 5)
            }
            if empty { writeWrapped("<empty>", 5) }
        }
        let name = fieldPath.last ?? ""
        while true {
            switch node {
            case .array(let sub, let d), .map(let sub, let d):
                descriptions.append(d)
                if typeText == nil { typeText = v2TypeName(node) }
                node = sub
                continue
            case .reference(let n, let d):
                descriptions.append(d)
                node = v2Definition(n)
                continue
            case .kind(let def, let d):
                header()
                if !name.isEmpty { write("RESOURCE: \(name) <\(typeText ?? "Object")>\n") }
                printDescription(d)
                write("\nFIELDS:")
                if recursive {
                    v2RecursiveFields(of: def, indent: 3, visited: [], write: write)
                } else {
                    for p in sortedProperties(def) {
                        let t = v2Node(p.type, description: description(of: p, in: def))
                        write("\(p.name)\t<\(v2TypeName(t))>" + (def.isRequired(p.name) ? " -required-" : ""), 3)
                        writeWrapped(description(of: p, in: def), 5)
                        write("")
                    }
                }
            case .primitive(let t, let d):
                header()
                write("FIELD:    \(name) <\(typeText ?? t)>\n")
                printDescription(d)
            case .arbitrary(let d):
                header()
                printDescription(d)
            }
            break
        }
        return ExplainResult(output: out, error: nil)
    }

    private func v2RecursiveFields(of def: SchemaDefinition, indent: Int, visited: Set<String>,
                                   write: (String, Int) -> Void)
    {
        for p in sortedProperties(def) {
            let t = v2Node(p.type, description: "")
            write("\(p.name)\t<\(v2TypeName(t))>", indent)
            v2RecursiveFields(t, indent: indent + 3, visited: visited, write: write)
        }
    }

    private func v2RecursiveFields(_ node: V2Node, indent: Int, visited: Set<String>, write: (String, Int) -> Void) {
        switch node {
        case .kind(let d, _): v2RecursiveFields(of: d, indent: indent, visited: visited, write: write)
        case .array(let sub, _), .map(let sub, _): v2RecursiveFields(sub, indent: indent, visited: visited, write: write)
        case .reference(let n, _):
            // A reference already being printed on this path is not followed again.
            guard !visited.contains(n) else { return }
            v2RecursiveFields(v2Definition(n), indent: indent, visited: visited.union([n]), write: write)
        case .primitive, .arbitrary: return
        }
    }

    /// The v2 node of a property's type.
    func v2Node(_ t: SchemaType, description d: String) -> V2Node {
        switch t {
        case .ref(let n): return .reference(n, description: d)
        case .array(let i): return .array(v2Node(i, description: ""), description: d)
        case .map(let v): return .map(v2Node(v, description: ""), description: d)
        case .inline(let def): return def.properties.isEmpty ? .map(.arbitrary(description: ""), description: d) : .kind(def, description: d)
        case .object: return .map(.arbitrary(description: d), description: d)
        case .any: return .arbitrary(description: d)
        case .string: return .primitive("string", description: d)
        case .integer: return .primitive("integer", description: d)
        case .number: return .primitive("number", description: d)
        case .boolean: return .primitive("boolean", description: d)
        case .intOrString, .quantity: return .primitive("string", description: d)
        }
    }

    /// The opaque definitions the compact model keeps as `any` whose schema is `type: object` without
    /// properties (a Map of an Arbitrary value in v2); the others (`JSON`, `JSONSchemaPropsOr...`) have no type.
    static let v2ObjectDefinitions: Set<String> = [
        "io.k8s.apimachinery.pkg.runtime.RawExtension", "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1",
        "io.k8s.apimachinery.pkg.apis.meta.v1.Patch",
    ]

    /// What a reference points at, with the definition's own description.
    func v2Definition(_ name: String) -> V2Node {
        guard let d = index.definition(named: name) else { return .arbitrary(description: "") }
        let own = description(of: d)
        if case .object = d.type, !d.properties.isEmpty { return .kind(d, description: own) }
        if case .object = d.type { return .map(.arbitrary(description: own), description: own) }
        if Self.v2ObjectDefinitions.contains(name) { return .map(.arbitrary(description: own), description: own) }
        return v2Node(d.type, description: own)
    }

    func v2TypeName(_ n: V2Node) -> String {
        switch n {
        case .kind: return "Object"
        case .array(let s, _): return "[]" + v2TypeName(s)
        case .map(let s, _): return "map[string]" + v2TypeName(s)
        case .primitive(let t, _): return t
        case .arbitrary: return ""
        case .reference(let r, _): return v2TypeName(v2Definition(r))
        }
    }
}

/// The old explain's word wrapping (pkg/explain's formatter): lines are joined into paragraphs and
/// re-wrapped at `wrap` bytes; a line starting with four spaces is kept as is; an empty line after the
/// first output line is kept; a line after a word ending in `:`, or starting a list item
/// (`1.`, `1`, `-`, `*` and a space), starts a new line. A word is never broken.
func oldExplainWrap(_ text: String, _ wrap: Int) -> [String] {
    var wrapped: [String] = []
    var words: [String] = []
    var length = 0
    var lastWord = ""
    func flush() {
        guard !words.isEmpty else { return }
        lastWord = ""
        wrapped.append(words.joined(separator: " "))
        words = []
        length = 0
    }
    func add(_ w: String) {
        let n = w.utf8.count
        if words.isEmpty || length + 1 + n <= wrap {
            length += (words.isEmpty ? 0 : 1) + n
            words.append(w)
        } else {
            flush()
            words = [w]
            length = n
        }
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("    ") {
            flush()
            wrapped.append(String(line))
            continue
        }
        let fields = line.unicodeScalars.split(whereSeparator: { isGoSpace($0) }).map { String(String.UnicodeScalarView($0)) }
        if !wrapped.isEmpty && fields.isEmpty {
            flush()
            wrapped.append("")
            continue
        }
        if lastWord.hasSuffix(":") || fields.isEmpty || startsListItem(fields) { flush() }
        for w in fields {
            lastWord = w
            add(w)
        }
    }
    flush()
    return wrapped
}

/// `^(\d+\.?|-|\*)\s` on a trimmed line: its first word is a number (with a dot), `-` or `*`, and more follows.
private func startsListItem(_ fields: [String]) -> Bool {
    guard fields.count > 1, let w = fields.first else { return false }
    if w == "-" || w == "*" { return true }
    var digits = Substring(w)
    if digits.hasSuffix(".") { digits = digits.dropLast() }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
}
