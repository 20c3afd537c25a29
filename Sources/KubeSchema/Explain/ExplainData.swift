// Extensions of explain beyond kubectl: the schema subtree as data (`-o json|yaml`) and `--find`.
import KubeModel

extension Explainer {
    /// The explained node as data: `group`, `kind`, `version`, `field` (the path, when given), `type`,
    /// `description`, and `fields` (each `name`, `type`, `required`, `enum`, `description`, and with
    /// `recursive` its own `fields`, cycles cut), fields in kubectl's (alphabetical) order.
    public func data(gvk: GroupVersionKind, fieldPath: [String] = [], recursive: Bool = false,
                     maxDepth: Int? = nil) -> Result<JSONValue, ExplainError>
    {
        guard let root = index.definition(for: gvk) else { return .failure(.kindNotFound(gvk)) }
        var o = JSONObject()
        if !gvk.group.isEmpty { o["group"] = .string(gvk.group) }
        o["kind"] = .string(gvk.kind)
        o["version"] = .string(gvk.version)
        let limit = maxDepth ?? (recursive ? Int.max : 1)
        if fieldPath.isEmpty {
            o["type"] = .string(gvk.kind)
            o["description"] = .string(description(of: root))
            o["fields"] = .array(fieldData(of: root, level: 1, history: [], limit: limit))
        } else {
            guard let f = locate(root, path: fieldPath) else {
                return .failure(.fieldNotFound(fieldPath[fieldPath.count - 1]))
            }
            o["field"] = .string(fieldPath.joined(separator: "."))
            o["type"] = .string(typeName(f.property.type))
            if f.owner.isRequired(f.name) { o["required"] = .bool(true) }
            if !f.property.enumValues.isEmpty { o["enum"] = .array(f.property.enumValues) }
            let own = description(of: f.property, in: f.owner)
            var typeText = typeDescription(f.property.type)
            if typeText.hasSuffix("\n") { typeText.removeLast() }
            o["description"] = .string([own, typeText].filter { !$0.isEmpty }.joined(separator: "\n"))
            let fields = fieldData(f.property.type, level: 1, history: [], limit: limit)
            if !fields.isEmpty { o["fields"] = .array(fields) }
        }
        return .success(.object(o))
    }

    private func fieldData(_ t: SchemaType, level: Int, history: Set<String>, limit: Int) -> [JSONValue] {
        switch t {
        case .ref(let n):
            guard !history.contains(n), let d = index.definition(named: n) else { return [] }
            var h = history
            h.insert(n)
            return fieldData(of: d, level: level, history: h, limit: limit)
        case .array(let i), .map(let i):
            return fieldData(i, level: level, history: history, limit: limit)
        case .inline(let d):
            return fieldData(of: d, level: level, history: history, limit: limit)
        default:
            return []
        }
    }

    private func fieldData(of def: SchemaDefinition, level: Int, history: Set<String>, limit: Int) -> [JSONValue] {
        guard level <= limit else { return [] }
        return sortedProperties(def).map { p in
            var o = JSONObject()
            o["name"] = .string(p.name)
            o["type"] = .string(typeName(p.type))
            o["required"] = .bool(def.isRequired(p.name))
            if !p.enumValues.isEmpty { o["enum"] = .array(p.enumValues) }
            o["description"] = .string(description(of: p, in: def))
            let sub = fieldData(p.type, level: level + 1, history: history, limit: limit)
            if !sub.isEmpty { o["fields"] = .array(sub) }
            return .object(o)
        }
    }

    /// `--find WORD`: the header, then every field path under the node (cycles cut) whose field name or
    /// description contains `word`, ignoring case, one `  path<TAB><type>` line each.
    public func find(_ word: String, gvk: GroupVersionKind, fieldPath: [String] = []) -> ExplainResult {
        let header = Self.header(gvk)
        guard let root = index.definition(for: gvk) else { return ExplainResult(output: "", error: .kindNotFound(gvk)) }
        let needle = word.lowercased()
        var lines = ""
        func visit(_ def: SchemaDefinition, _ prefix: String, _ history: Set<String>) {
            for p in sortedProperties(def) {
                let path = prefix.isEmpty ? p.name : prefix + "." + p.name
                if p.name.lowercased().contains(needle) || description(of: p, in: def).lowercased().contains(needle) {
                    lines += "  " + path + "\t<" + typeName(p.type) + ">\n"
                }
                visitType(p.type, path, history)
            }
        }
        func visitType(_ t: SchemaType, _ prefix: String, _ history: Set<String>) {
            switch t {
            case .ref(let n):
                guard !history.contains(n), let d = index.definition(named: n) else { return }
                visit(d, prefix, history.union([n]))
            case .array(let i), .map(let i): visitType(i, prefix, history)
            case .inline(let d): visit(d, prefix, history)
            default: return
            }
        }
        if fieldPath.isEmpty {
            visit(root, "", [root.name])
        } else {
            guard let f = locate(root, path: fieldPath) else {
                return ExplainResult(output: header, error: .fieldNotFound(fieldPath[fieldPath.count - 1]))
            }
            visitType(f.property.type, fieldPath.joined(separator: "."), [])
        }
        if lines.isEmpty {
            return ExplainResult(output: header, error: .noMatch(word))
        }
        return ExplainResult(output: header + "FIELDS MATCHING \"\(word)\":\n" + lines, error: nil)
    }
}
