import CLibYAML
import KubeModel

/// A node of a manifest as kustomize's kyaml prints it in an error's `node contents:`: in the style it
/// was written in (flow maps and sequences, quoted and literal scalars), as go-yaml v3's encoder writes a
/// parsed node back (indent 2, a sequence under a key not indented). Objects here are JSON, so the
/// style is read again from the manifest's text.
public enum KyamlNodeText {
    /// The text of the first node reached by `path` (map keys; a sequence on the way is searched item by
    /// item) from a document of `text` or an item of its `items`, whose value reads back as `value`. Nil
    /// when there is none, or the node uses what this does not write (anchors, tags, multi-line plain text).
    public static func find(in text: String, path: [String], value: JSONValue) -> String? {
        guard let docs = parse(text) else { return nil }
        var roots: [Node] = []
        for d in docs {
            roots.append(d)
            if case .map(let pairs, _) = d, let items = pairs.first(where: { $0.key.plainText == "items" })?.value,
               case .seq(let list, _) = items {
                roots += list
            }
        }
        for root in roots {
            for node in reach(root, path[...]) {
                guard let out = emit(node), var copy = emit(node, checking: true) else { continue }
                let back = copy.withUTF8 { try? YAMLDocumentDecoder.decode($0, kyaml: true) }
                if back == value { return out }
            }
        }
        return nil
    }

    indirect enum Node {
        /// The text, its style, and whether it is a key or value that go-yaml v3 would write plain.
        case scalar(String, yaml_scalar_style_t)
        case seq([Node], flow: Bool)
        case map([(key: Node, value: Node)], flow: Bool)

        var plainText: String? {
            if case .scalar(let s, _) = self { return s }
            return nil
        }
    }

    static func reach(_ node: Node, _ path: ArraySlice<String>) -> [Node] {
        guard let seg = path.first else { return [node] }
        switch node {
        case .seq(let items, _): return items.flatMap { reach($0, path) }
        case .map(let pairs, _):
            guard let v = pairs.first(where: { $0.key.plainText == seg })?.value else { return [] }
            return reach(v, path.dropFirst())
        case .scalar: return []
        }
    }

    // MARK: reading

    static func parse(_ text: String) -> [Node]? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return [] }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        return bytes.withUnsafeMutableBufferPointer { buf -> [Node]? in
            yaml_parser_set_input_string(parser, buf.baseAddress, buf.count)
            var reader = Reader(parser: parser)
            defer { yaml_event_delete(&reader.event) }
            var docs: [Node] = []
            do {
                while true {
                    try reader.next()
                    if reader.event.type == YAML_STREAM_END_EVENT { break }
                    guard reader.event.type == YAML_DOCUMENT_START_EVENT else { continue }
                    try reader.next()
                    docs.append(try reader.node())
                    try reader.next()  // document end
                }
            } catch { return nil }
            return docs
        }
    }

    struct Unwritable: Error {}

    struct Reader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var event = yaml_event_t()

        mutating func next() throws {
            yaml_event_delete(&event)
            guard yaml_parser_parse(parser, &event) == 1 else { throw Unwritable() }
        }

        mutating func node() throws -> Node {
            switch event.type {
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                guard s.anchor == nil, s.tag == nil else { throw Unwritable() }
                let text = s.length > 0 ? String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self) : ""
                if s.style == YAML_PLAIN_SCALAR_STYLE, text.contains("\n") { throw Unwritable() }
                return .scalar(text, s.style)
            case YAML_SEQUENCE_START_EVENT:
                let s = event.data.sequence_start
                guard s.anchor == nil, s.tag == nil else { throw Unwritable() }
                var items: [Node] = []
                while true {
                    try next()
                    if event.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(try node())
                }
                return .seq(items, flow: s.style == YAML_FLOW_SEQUENCE_STYLE)
            case YAML_MAPPING_START_EVENT:
                let s = event.data.mapping_start
                guard s.anchor == nil, s.tag == nil else { throw Unwritable() }
                var pairs: [(key: Node, value: Node)] = []
                while true {
                    try next()
                    if event.type == YAML_MAPPING_END_EVENT { break }
                    let k = try node()
                    try next()
                    pairs.append((k, try node()))
                }
                return .map(pairs, flow: s.style == YAML_FLOW_MAPPING_STYLE)
            default:
                throw Unwritable()
            }
        }
    }

    // MARK: writing

    /// The node as a document of its own, ending in a newline.
    static func emit(_ node: Node, checking: Bool = false) -> String? {
        var out = ""
        guard write(node, indent: 0, into: &out, inFlow: false, checking: checking) else { return nil }
        return out + "\n"
    }

    /// Writes `node` where the cursor stands (after `- `, after `key:`'s space, or at a line start) at
    /// block indentation `indent`; block collections start on the cursor's line.
    /// `checking`: block scalars are written double-quoted, so the text reads back as the node's value
    /// (go-yaml v3's folded text does not: it doubles line breaks).
    private static func write(_ node: Node, indent: Int, into out: inout String, inFlow: Bool, checking: Bool) -> Bool {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .scalar(let s, let style):
            guard checking, style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE else {
                return scalar(s, style, indent: indent, into: &out, inFlow: inFlow)
            }
            // A folded scalar's value as the decoder gives it to kustomize (`KyamlFolded`).
            let value = style == YAML_FOLDED_SCALAR_STYLE ? KyamlFolded.readBack(s) : s
            return scalar(value, YAML_DOUBLE_QUOTED_SCALAR_STYLE, indent: indent, into: &out, inFlow: inFlow)
        case .seq(let items, let flow):
            if flow || inFlow || items.isEmpty {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    guard write(item, indent: indent, into: &out, inFlow: true, checking: checking) else { return false }
                }
                out += "]"
                return true
            }
            for (i, item) in items.enumerated() {
                if i > 0 { out += "\n" + pad }
                out += "- "
                guard write(item, indent: indent + 2, into: &out, inFlow: false, checking: checking) else { return false }
            }
            return true
        case .map(let pairs, let flow):
            if flow || inFlow || pairs.isEmpty {
                out += "{"
                for (i, p) in pairs.enumerated() {
                    if i > 0 { out += ", " }
                    guard write(p.key, indent: indent, into: &out, inFlow: true, checking: checking) else { return false }
                    // An empty value in a flow map is read as an empty string and written quoted.
                    if case .scalar("", YAML_PLAIN_SCALAR_STYLE) = p.value { out += ": ''"; continue }
                    out += ": "
                    guard write(p.value, indent: indent, into: &out, inFlow: true, checking: checking) else { return false }
                }
                out += "}"
                return true
            }
            for (i, p) in pairs.enumerated() {
                if i > 0 { out += "\n" + pad }
                guard case .scalar = p.key, write(p.key, indent: indent, into: &out, inFlow: false, checking: checking) else { return false }
                out += ":"
                switch p.value {
                case .map(let inner, let f) where !f && !inner.isEmpty:
                    out += "\n" + pad + "  "
                    guard write(p.value, indent: indent + 2, into: &out, inFlow: false, checking: checking) else { return false }
                case .seq(let inner, let f) where !f && !inner.isEmpty:
                    out += "\n" + pad
                    guard write(p.value, indent: indent, into: &out, inFlow: false, checking: checking) else { return false }
                case .scalar("", YAML_PLAIN_SCALAR_STYLE):
                    break
                default:
                    out += " "
                    guard write(p.value, indent: indent + 2, into: &out, inFlow: false, checking: checking) else { return false }
                }
            }
            return true
        }
    }

    private static func scalar(_ s: String, _ style: yaml_scalar_style_t, indent: Int, into out: inout String, inFlow: Bool) -> Bool {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE:
            if s.contains("\n") { return false }
            out += "'" + s.replacingAll("'", with: "''") + "'"
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            out += "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                case "\0": out += "\\0"
                default:
                    if u.value < 0x20 || u.value == 0x7f { return false }
                    out.unicodeScalars.append(u)
                }
            }
            out += "\""
        case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE:
            if inFlow { return false }
            return blockScalar(s, folded: style == YAML_FOLDED_SCALAR_STYLE, indent: indent, into: &out)
        case YAML_PLAIN_SCALAR_STYLE:
            out += s
        default:
            return false
        }
        return true
    }

    /// `s` as go-yaml v3 writes a literal or folded scalar after `key: ` (or `- `) at block indentation
    /// `indent`; false for what this does not write.
    static func blockScalar(_ s: String, folded: Bool, indent: Int, into out: inout String) -> Bool {
        if s.isEmpty || s.first == "\n" { return false }
        if s.contains("\r") { return false }
        // Chomping as the text ends: strip without a break, clip with one, keep with more (the breaks
        // written are the text's own, so the last ends the line).
        let chomp = !s.hasSuffix("\n") ? "-" : s.dropLast().hasSuffix("\n") ? "+" : ""
        let leadingBlank = s.first == " " || s.first == "\t"
        out += (folded ? ">" : "|") + (leadingBlank ? "2" : "") + chomp
        let pad = String(repeating: " ", count: max(indent, 2))
        // go-yaml v3 writes a folded scalar's line break twice (so it reads back as a break, not a
        // space) after a line that does not start with a blank, unless the text itself starts with one
        // (its check looks at the text's start, not at the next line).
        var lineStartsBlank = leadingBlank
        var previousBreak = false
        out += "\n"
        var atLineStart = true
        for ch in s {
            if ch == "\n" {
                if folded, !previousBreak, !lineStartsBlank, !leadingBlank { out += "\n" }
                out += "\n"
                previousBreak = true
                atLineStart = true
                continue
            }
            if atLineStart {
                out += pad
                lineStartsBlank = ch == " " || ch == "\t"
                atLineStart = false
            }
            previousBreak = false
            out.append(ch)
        }
        if out.hasSuffix("\n") { out.removeLast() }  // the caller ends the line
        return true
    }
}
