import KubeModel

/// The template needs the whole `List` (it reads `.items` other than by ranging over it at the top).
public struct GoTemplateNotStreamable: Error {}

/// `-o go-template` over the `List` kubectl wraps around a list, with the items read one at a time.
///
/// A template streams when its top level ranges over `.items` (`{{range .items}}`, with or without
/// variables, `{{else}}` allowed) and reads nothing else of the list's items: no `.items` or `.`
/// elsewhere at the top level, and no `$` (the List) or `$.items` anywhere. The rest of the List
/// (`.kind`, `.metadata`) comes from `header`, the List without items.
extension GoTemplate {
    /// The top-level `{{range .items}}` branches, or nil when the template does not stream.
    func streamedRanges() -> Set<ObjectIdentifier>? {
        guard let root = templates[name], case .list(_, let nodes) = root else { return nil }
        var ranges = Set<ObjectIdentifier>()
        for node in nodes {
            if case .rangeNode(let b) = node, GoTemplate.isItemsField(b.pipe) {
                if GoTemplate.usesList(b.list, dotIsList: false) { return nil }
                if let e = b.elseList, GoTemplate.usesList(e, dotIsList: true) { return nil }
                ranges.insert(ObjectIdentifier(b))
                continue
            }
            if GoTemplate.usesList(node, dotIsList: true) { return nil }
        }
        return ranges.isEmpty ? nil : ranges
    }

    static func isItemsField(_ pipe: GTPipe) -> Bool {
        guard pipe.cmds.count == 1, pipe.cmds[0].args.count == 1,
              case .field(_, let ids) = pipe.cmds[0].args[0] else { return false }
        return ids == ["items"]
    }

    /// Whether evaluating `node` could read the List itself or its items.
    static func usesList(_ node: GTNode, dotIsList: Bool) -> Bool {
        switch node {
        case .dot: return dotIsList
        case .field(_, let ids): return dotIsList && ids.first == "items"
        case .variable(_, let ids): return ids.first == "$" && (ids.count == 1 || ids[1] == "items")
        case .chain(_, let n, _): return usesList(n, dotIsList: dotIsList)
        case .pipe(let p), .action(_, _, let p): return usesList(p, dotIsList: dotIsList)
        case .list(_, let nodes): return nodes.contains { usesList($0, dotIsList: dotIsList) }
        case .ifNode(let b): return usesList(b, body: dotIsList, dotIsList: dotIsList)
        case .withNode(let b), .rangeNode(let b): return usesList(b, body: false, dotIsList: dotIsList)
        case .template(_, _, _, let p): return p.map { usesList($0, dotIsList: dotIsList) } ?? false
        default: return false
        }
    }

    private static func usesList(_ p: GTPipe, dotIsList: Bool) -> Bool {
        p.cmds.contains { c in c.args.contains { usesList($0, dotIsList: dotIsList) } }
    }

    private static func usesList(_ b: GTBranch, body: Bool, dotIsList: Bool) -> Bool {
        usesList(b.pipe, dotIsList: dotIsList) || usesList(b.list, dotIsList: body)
            || (b.elseList.map { usesList($0, dotIsList: dotIsList) } ?? false)
    }

    /// Executes the template over `header` (the List without its items) with the items of its
    /// top-level `{{range .items}}` coming from `items`; `write` receives the output in pieces.
    /// Throws `GoTemplateNotStreamable` (before writing anything) or `GoTemplateError`, whose partial
    /// output is what was not yet written.
    public func executeStreaming(header: JSONValue, allowMissingKeys: Bool = true,
                                 items: ((JSONValue) throws -> Void) throws -> Void,
                                 write: @escaping ([UInt8]) -> Void) throws
    {
        guard let ranges = streamedRanges() else { throw GoTemplateNotStreamable() }
        let state = GTState(templates: templates, text: bytes, parseName: name, name: name,
                            missingKeyError: !allowMissingKeys, limits: GTLimits())
        state.streamRanges = ranges
        state.sink = write
        try withoutActuallyEscaping(items) { items in
            state.streamItems = items
            defer { state.streamItems = nil }
            try run(state, GV.concrete(header))
        }
        write(state.out)
    }
}

extension GoTemplatePrinter {
    /// kubectl's debugging text after a failed execution over a `List` whose items come one at a
    /// time (the same bytes as `print` of the whole list writes after the partial output).
    public static func writeDebugDump(rawTemplate: String, message: String, header: JSONValue,
                                      items: ((JSONValue) -> Void) throws -> Void,
                                      write: @escaping ([UInt8]) -> Void) throws
    {
        write(Array(("Error executing template: \(message). Printing more information for debugging the template:\n"
                     + "\ttemplate was:\n\t\t\(rawTemplate)\n\traw data was:\n\t\t").utf8))
        try spliceItems(header.jsonString(.compact), marker: "\"items\":[]", separator: ",", items: items,
                        render: { $0.jsonString(.compact) }, write: write)
        write(Array("\n\tobject given to template engine was:\n\t\t".utf8))
        try spliceItems(gvFormat(GV.concrete(header), "v", GoFmtFlags()), marker: "items:[]", separator: " ",
                        items: items, render: { gvFormat(GV.element($0), "v", GoFmtFlags(), depth: 2) }, write: write)
        write(Array("\n\n".utf8))
    }

    /// `text` (the List without items) with the items rendered one at a time inside its empty `items`.
    private static func spliceItems(_ text: String, marker: String, separator: String,
                                    items: ((JSONValue) -> Void) throws -> Void,
                                    render: @escaping (JSONValue) -> String, write: @escaping ([UInt8]) -> Void) throws
    {
        let bytes = Array(text.utf8), m = Array(marker.utf8)
        guard let at = (0...(bytes.count - m.count)).first(where: { bytes[$0..<($0 + m.count)].elementsEqual(m) }) else {
            return write(bytes)
        }
        write(Array(bytes[..<(at + m.count - 1)]))
        var buffer: [UInt8] = []
        var first = true
        try items { item in
            if !first { buffer.append(contentsOf: separator.utf8) }
            first = false
            buffer.append(contentsOf: render(item).utf8)
            if buffer.count >= 1 << 16 { write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        write(buffer)
        write(Array(bytes[(at + m.count - 1)...]))
    }
}
