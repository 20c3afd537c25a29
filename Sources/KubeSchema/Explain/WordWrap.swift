// Text helpers with the exact behaviour of the functions kubectl's explain template uses:
// go-wordwrap v1.0.1 `WrapString` (through kubectl's term.NewWordWrapWriter) and the template's
// `indent` (a prefix before the text and after every newline).

/// Wraps `text` at `limit` columns as go-wordwrap v1.0.1 does: existing newlines are kept, breaks
/// happen only at whitespace (U+00A0 is not whitespace), a word as long as the limit or longer is
/// never broken, and lengths are counted in UTF-8 bytes.
public func goWordWrap(_ text: String, limit: Int) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    var current = 0
    var word: [UInt8] = []
    var spaces: [UInt8] = []
    for scalar in text.unicodeScalars {
        let bytes = Array(String(scalar).utf8)
        if scalar == "\n" {
            if word.isEmpty {
                if current + spaces.count > limit {
                    current = 0
                } else {
                    current += spaces.count
                    out += spaces
                }
                spaces.removeAll(keepingCapacity: true)
            } else {
                current += spaces.count + word.count
                out += spaces
                out += word
                spaces.removeAll(keepingCapacity: true)
                word.removeAll(keepingCapacity: true)
            }
            out.append(0x0A)
            current = 0
        } else if isGoSpace(scalar) && scalar.value != 0xA0 {
            if spaces.isEmpty || !word.isEmpty {
                current += spaces.count + word.count
                out += spaces
                out += word
                spaces.removeAll(keepingCapacity: true)
                word.removeAll(keepingCapacity: true)
            }
            spaces += bytes
        } else {
            word += bytes
            if current + spaces.count + word.count > limit && word.count < limit {
                out.append(0x0A)
                current = 0
                spaces.removeAll(keepingCapacity: true)
            }
        }
    }
    if word.isEmpty {
        if current + spaces.count <= limit { out += spaces }
    } else {
        out += spaces
        out += word
    }
    return String(decoding: out, as: UTF8.self)
}

/// Go's `unicode.IsSpace`.
func isGoSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}

/// The explain template's `indent`: `amount` spaces before the text and after every newline.
func indentLines(_ text: String, _ amount: Int) -> String {
    let pad = String(repeating: " ", count: amount)
    guard text.utf8.contains(0x0A) else { return pad + text }
    var out = pad
    for c in text.unicodeScalars {
        out.unicodeScalars.append(c)
        if c == "\n" { out += pad }
    }
    return out
}
