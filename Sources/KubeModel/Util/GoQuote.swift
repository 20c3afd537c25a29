/// Go's `strconv.Quote` (what `%q` prints for a string): double quotes, `\"` and `\\` escaped,
/// printable runes kept as they are, control characters as `\a \b \f \n \r \t \v` or `\xNN`,
/// other non-printable runes as `\uNNNN` / `\UNNNNNNNN`.
public func strconvQuote(_ s: String) -> String {
    // Printable ASCII without `"` or `\\` (names, paths, most messages) is kept as it is.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
    var out = "\""
    for scalar in s.unicodeScalars {
        goAppendEscaped(scalar, quote: "\"", to: &out)
    }
    out += "\""
    return out
}

/// Go's `strconv.QuoteRune` (what `%q` prints for a rune): `'x'`, `'\''`, `'\n'`, `'\x01'`.
public func strconvQuoteRune(_ scalar: Unicode.Scalar) -> String {
    var out = "'"
    goAppendEscaped(scalar, quote: "'", to: &out)
    out += "'"
    return out
}

/// strconv's `appendEscapedRune`: the quote character and `\` escaped, printable runes as they are.
private func goAppendEscaped(_ scalar: Unicode.Scalar, quote: Unicode.Scalar, to out: inout String) {
    if scalar == quote || scalar == "\\" {
        out += "\\"
        out.unicodeScalars.append(scalar)
        return
    }
    if goIsPrint(scalar) {
        out.unicodeScalars.append(scalar)
        return
    }
    switch scalar {
    case "\u{07}": out += "\\a"
    case "\u{08}": out += "\\b"
    case "\u{0C}": out += "\\f"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case "\u{0B}": out += "\\v"
    default:
        if scalar.value < 0x80 {
            out += "\\x" + goHexDigits(scalar.value, width: 2)
        } else if scalar.value < 0x10000 {
            out += "\\u" + goHexDigits(scalar.value, width: 4)
        } else {
            out += "\\U" + goHexDigits(scalar.value, width: 8)
        }
    }
}

/// Go's `unicode.IsPrint` / `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and
/// the ASCII space.
public func goIsPrint(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c.value >= 0x20 && c.value < 0x7F }
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .nonspacingMark, .spacingMark, .enclosingMark,
         .decimalNumber, .letterNumber, .otherNumber,
         .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
         .initialPunctuation, .finalPunctuation, .otherPunctuation,
         .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        return true
    default:
        return false
    }
}

func goHexDigits(_ v: UInt32, width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
