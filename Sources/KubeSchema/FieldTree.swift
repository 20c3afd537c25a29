import KubeModel
/// Lists every field path under a kind, one `Kind.path<TAB>type[<TAB>required]` line per field, in
/// schema order, depth first. Lists are marked `[]` and maps `{}` in the paths of nested fields;
/// a definition already being walked is not entered again (cycles are cut), nor anything deeper
/// than `maxDepth` levels. The same listing as `Scripts/gen-schema.py --field-tree`.
public func fieldTree(kind gvk: GroupVersionKind, index: SchemaIndex = .builtin, maxDepth: Int = 7) -> [String] {
    guard let root = index.definition(for: gvk) else { return [] }
    var lines: [String] = []

    func render(_ t: SchemaType) -> (String, SchemaDefinition?) {
        switch t {
        case .ref(let name):
            guard let d = index.definition(named: name) else { return ("any", nil) }
            switch d.type {
            case .object: return ("object", d.properties.isEmpty ? nil : d)
            case .ref: return ("any", nil)
            default: return render(d.type)
            }
        case .string(let f): return ("string" + (f.map { "(\($0))" } ?? ""), nil)
        case .integer(let f): return ("integer" + (f.map { "(\($0))" } ?? ""), nil)
        case .number(let f): return ("number" + (f.map { "(\($0))" } ?? ""), nil)
        case .boolean: return ("boolean", nil)
        case .object: return ("object", nil)
        case .inline(let d): return ("object", d.properties.isEmpty ? nil : d)
        case .array(let i):
            let (s, d) = render(i)
            return ("[]" + s, d)
        case .map(let v):
            let (s, d) = render(v)
            return ("map[string]" + s, d)
        case .intOrString: return ("int-or-string", nil)
        case .quantity: return ("quantity", nil)
        case .any: return ("any", nil)
        }
    }

    func walk(_ def: SchemaDefinition, _ prefix: String, _ stack: [String], _ depth: Int) {
        for p in def.properties {
            let (type, sub) = render(p.type)
            let path = prefix + "." + p.name
            lines.append(path + "\t" + type + (def.isRequired(p.name) ? "\trequired" : ""))
            guard let sub, !stack.contains(sub.name) || sub.name.isEmpty, depth + 1 < maxDepth else { continue }
            var suffix = ""
            var rest = Substring(type)
            while true {
                if rest.hasPrefix("[]") {
                    suffix += "[]"; rest = rest.dropFirst(2)
                } else if rest.hasPrefix("map[string]") {
                    suffix += "{}"; rest = rest.dropFirst("map[string]".count)
                } else {
                    break
                }
            }
            walk(sub, path + suffix, stack + [sub.name], depth + 1)
        }
    }

    walk(root, gvk.kind, [root.name], 0)
    return lines
}
