import CLibYAML
import KubeModel

/// Collects libyaml emitter output.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

/// Writes `JSONValue`s the way kubectl's `-o yaml` does: sigs.k8s.io/yaml = `json.Marshal`, then
/// go-yaml v2 `Marshal` (a Go port of the libyaml emitter, used here directly).
struct YAMLEmitter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let output = OutputBuffer()
    private var event = yaml_event_t()
    private var sawLineSeparator = false
    /// Values written escaped in full (see `bomScalar`): placeholder bytes and the text they stand for.
    private var bomValues: [(placeholder: [UInt8], text: [UInt8])] = []

    init() {
        emitter = .allocate(capacity: 1)
        yaml_emitter_initialize(emitter)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_output(emitter, { data, buffer, size in
            let out = Unmanaged<OutputBuffer>.fromOpaque(data!).takeUnretainedValue()
            if let buffer, size > 0 { out.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size)) }
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
    }

    func destroy() {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    private mutating func emit() {
        // A failure here would be a bug in the event sequence; libyaml frees the event either way.
        _ = yaml_emitter_emit(emitter, &event)
    }

    /// One document: `value` followed by a newline, without `---`/`...` markers.
    mutating func encode(_ value: JSONValue) -> [UInt8] {
        output.bytes.removeAll(keepingCapacity: true)
        sawLineSeparator = false
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        emit()
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        emit()
        node(value)
        emitter.pointee.open_ended = 0
        yaml_document_end_event_initialize(&event, 1)
        emit()
        emitter.pointee.open_ended = 0
        yaml_stream_end_event_initialize(&event)
        emit()
        _ = yaml_emitter_flush(emitter)
        var out = output.bytes
        if sawLineSeparator { dropIndentAfterTrailingSeparators(&out) }
        if !bomValues.isEmpty {
            out = replacePlaceholders(out, bomValues)
            bomValues = []
        }
        // libyaml may still close an open-ended document with "..."; go-yaml never does here.
        let marker: [UInt8] = Array("...\n".utf8)
        if out.count >= 4, Array(out[(out.count - 4)...]) == marker, out.count == 4 || out[out.count - 5] == 0x0A {
            out.removeLast(4)
        }
        return out
    }

    private mutating func scalar(_ text: String, style: yaml_scalar_style_t) {
        var t = text
        t.withUTF8 { buf in scalar(buf, style: style) }
    }

    /// libyaml copies the value (`length` bytes; no terminator needed).
    private mutating func scalar(_ buf: UnsafeBufferPointer<UInt8>, style: yaml_scalar_style_t) {
        buf.withMemoryRebound(to: yaml_char_t.self) { p in
            let empty: yaml_char_t = 0
            withUnsafePointer(to: empty) { e in
                _ = yaml_scalar_event_initialize(&event, nil, nil, UnsafeMutablePointer(mutating: p.baseAddress ?? e),
                                                 Int32(buf.count), 1, 1, style)
            }
        }
        emit()
    }

    private mutating func stringScalar(_ s: String) {
        var t = s
        // NEL is C2 85 in UTF-8.
        let hasNEL = t.withUTF8 { buf in
            var i = buf.firstIndex(of: 0xC2)
            while let at = i, at + 1 < buf.count {
                if buf[at + 1] == 0x85 { return true }
                i = buf[(at + 1)...].firstIndex(of: 0xC2)
            }
            return false
        }
        if hasNEL { t = foldNEL(s) }
        if t.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return bomScalar(t) }
        t.withUTF8 { buf in
            if !sawLineSeparator, buf.contains(0xE2), hasLineSeparator(buf) { sawLineSeparator = true }
            let style: yaml_scalar_style_t
            if buf.contains(0x0A) {
                style = YAML_LITERAL_SCALAR_STYLE
            } else {
                style = YAMLResolver.needsQuotes(buf) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE
            }
            scalar(buf, style: style)
        }
    }

    /// go-yaml's test for a byte order mark looks at the start of the whole value whatever the position
    /// (`is_bom(value, i)` ignores `i`), so a value that starts with one has every character escaped.
    /// libyaml does not: it writes a placeholder of the same width, replaced once the document is done.
    private mutating func bomScalar(_ s: String) {
        let escaped = goYAMLEscapeAll(s)
        let placeholder = String(repeating: "\u{E000}", count: escaped.utf8.count)
        bomValues.append((Array(placeholder.utf8), Array(escaped.utf8)))
        scalar(placeholder, style: YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    }

    private mutating func node(_ value: JSONValue) {
        switch value {
        case .null: scalar("null", style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let b): scalar(b ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
        case .int(let i): scalar(String(i), style: YAML_PLAIN_SCALAR_STYLE)
        case .double(let d): scalar(yamlNumberText(d), style: YAML_PLAIN_SCALAR_STYLE)
        case .string(let s): stringScalar(s)
        case .array(let items):
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            emit()
            for item in items { node(item) }
            yaml_sequence_end_event_initialize(&event)
            emit()
        case .object(let obj):
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            emit()
            let keys = obj.keys, values = obj.values
            // Keys usually come in order already: check before sorting.
            var inOrder = true
            var k = 1
            while k < keys.count {
                if !yamlKeyLessFast(keys[k - 1], keys[k]) { inOrder = false; break }
                k += 1
            }
            if inOrder {
                for i in keys.indices {
                    stringScalar(keys[i])
                    node(values[i])
                }
            } else {
                let runes = keys.map(yamlKeyRunes)
                for i in keys.indices.sorted(by: { yamlKeyLess(runes[$0], runes[$1]) }) {
                    stringScalar(keys[i])
                    node(values[i])
                }
            }
            yaml_mapping_end_event_initialize(&event)
            emit()
        }
    }
}

/// U+2028 or U+2029 (E2 80 A8/A9), which JSON leaves unescaped and YAML 1.1 reads as line breaks.
func hasLineSeparator(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i + 2 < buf.count {
        if buf[i] == 0xE2, buf[i + 1] == 0x80, buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9 { return true }
        i += 1
    }
    return false
}

/// A single-quoted scalar that ends with U+2028/U+2029: libyaml indents before the closing quote,
/// go-yaml (kubectl) does not. A space next to such a break makes both emitters double-quote the value
/// (where the break is escaped), so separators, then spaces, then `'` only come from that indentation.
func dropIndentAfterTrailingSeparators(_ out: inout [UInt8]) {
    var result: [UInt8] = []
    result.reserveCapacity(out.count)
    var i = 0
    while i < out.count {
        result.append(out[i])
        if i >= 2, out[i - 2] == 0xE2, out[i - 1] == 0x80, out[i] == 0xA8 || out[i] == 0xA9 {
            var j = i + 1
            while j < out.count, out[j] == 0x20 { j += 1 }
            if j > i + 1, j < out.count, out[j] == 0x27 { i = j; continue }
        }
        i += 1
    }
    out = result
}

/// kubectl's YAML printer re-reads its JSON text as YAML, where a raw NEL (U+0085, which JSON leaves
/// unescaped) is a line break inside a double-quoted scalar and gets folded: one break becomes a
/// space, n breaks become n-1 newlines, and blanks around them are dropped.
func foldNEL(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
        if scalars[i] == "\u{85}" {
            while let last = out.last, last == " " || last == "\t" { out.removeLast() }
            var breaks = 0
            while i < scalars.count, scalars[i] == "\u{85}" || scalars[i] == " " || scalars[i] == "\t" {
                if scalars[i] == "\u{85}" { breaks += 1 }
                i += 1
            }
            if breaks == 1 { out.append(" ") } else { for _ in 1..<breaks { out.append("\n") } }
            continue
        }
        out.append(scalars[i])
        i += 1
    }
    return String(out)
}

/// Each placeholder, in order, replaced by its text (the first match after the previous one).
func replacePlaceholders(_ out: [UInt8], _ values: [(placeholder: [UInt8], text: [UInt8])]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(out.count)
    var i = 0
    for (placeholder, text) in values {
        var j = i
        while j + placeholder.count <= out.count, !out[j..<(j + placeholder.count)].elementsEqual(placeholder) { j += 1 }
        guard j + placeholder.count <= out.count else { break }
        result.append(contentsOf: out[i..<j])
        result.append(contentsOf: text)
        i = j + placeholder.count
    }
    result.append(contentsOf: out[i...])
    return result
}

/// go-yaml's double-quoted escapes for every character of `s` (`\x78` for `x`, `\uFEFF`, `\n`, ...).
func goYAMLEscapeAll(_ s: String) -> String {
    let hex = Array("0123456789ABCDEF")
    var out = ""
    for c in s.unicodeScalars {
        let v = c.value
        switch v {
        case 0x00: out += "\\0"
        case 0x07: out += "\\a"
        case 0x08: out += "\\b"
        case 0x09: out += "\\t"
        case 0x0A: out += "\\n"
        case 0x0B: out += "\\v"
        case 0x0C: out += "\\f"
        case 0x0D: out += "\\r"
        case 0x1B: out += "\\e"
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x85: out += "\\N"
        case 0xA0: out += "\\_"
        case 0x2028: out += "\\L"
        case 0x2029: out += "\\P"
        default:
            let digits = v <= 0xFF ? 2 : v <= 0xFFFF ? 4 : 8
            out += v <= 0xFF ? "\\x" : v <= 0xFFFF ? "\\u" : "\\U"
            for k in stride(from: digits - 1, through: 0, by: -1) { out.append(hex[Int((v >> (4 * UInt32(k))) & 0xF)]) }
        }
    }
    return out
}
