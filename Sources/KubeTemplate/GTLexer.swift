import KubeModel

// A lexer for Go's text/template syntax (delimiters "{{" and "}}"), producing the same item stream
// and the same error texts as Go, so that parse errors read exactly like kubectl's.

enum GTItemType: Equatable {
    case error, bool, char, charConstant, comment, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text
    case variable
    // keywords
    case block, breakKw, continueKw, dot, define, elseKw, end, ifKw, nilKw, range, template, with

    var isKeyword: Bool {
        switch self {
        case .block, .breakKw, .continueKw, .dot, .define, .elseKw, .end, .ifKw, .nilKw, .range, .template, .with:
            return true
        default: return false
        }
    }
}

struct GTItem {
    var type: GTItemType
    var pos: Int      // byte offset in the input
    var val: String
    var line: Int

    /// Go's item.String(), used in "unexpected X in Y" messages.
    var description: String {
        if type == .eof { return "EOF" }
        if type == .error { return val }
        if type.isKeyword { return "<\(val)>" }
        let scalars = Array(val.unicodeScalars)
        if scalars.count > 10 {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[0..<10])
            return strconvQuote(s) + "..."
        }
        return strconvQuote(val)
    }
}

private let gtKeywords: [String: GTItemType] = [
    ".": .dot, "block": .block, "break": .breakKw, "continue": .continueKw, "define": .define,
    "else": .elseKw, "end": .end, "if": .ifKw, "range": .range, "nil": .nilKw, "template": .template,
    "with": .with,
]

/// Lexes the whole input eagerly; the item list ends at the first error or EOF.
struct GTLexer {
    let input: [UInt8]
    let text: String
    var items: [GTItem] = []
    var pos = 0
    var start = 0
    var parenDepth = 0
    var insideAction = false
    private var lineStarts: [Int] = []  // offsets of '\n'

    init(_ text: String) {
        self.text = text
        self.input = Array(text.utf8)
        for (i, b) in input.enumerated() where b == 0x0A { lineStarts.append(i) }
    }

    func line(at offset: Int) -> Int {
        // 1 + number of newlines before offset
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return 1 + lo
    }

    func str(_ a: Int, _ b: Int) -> String {
        String(decoding: input[a..<b], as: UTF8.self)
    }

    mutating func emit(_ t: GTItemType) {
        items.append(GTItem(type: t, pos: start, val: str(start, pos), line: line(at: start)))
        start = pos
    }

    mutating func ignore() { start = pos }

    mutating func errorItem(_ msg: String) {
        items.append(GTItem(type: .error, pos: start, val: msg, line: line(at: start)))
    }

    func hasPrefix(_ s: String, at p: Int) -> Bool {
        let b = Array(s.utf8)
        if p + b.count > input.count { return false }
        for i in 0..<b.count where input[p + i] != b[i] { return false }
        return true
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    func hasLeftTrimMarker(_ p: Int) -> Bool {
        p + 1 < input.count && input[p] == UInt8(ascii: "-") && GTLexer.isSpace(input[p + 1])
    }
    func hasRightTrimMarker(_ p: Int) -> Bool {
        p + 1 < input.count && GTLexer.isSpace(input[p]) && input[p + 1] == UInt8(ascii: "-")
    }

    func atRightDelim() -> (Bool, Bool) {
        if hasRightTrimMarker(pos) && hasPrefix("}}", at: pos + 2) { return (true, true) }
        if hasPrefix("}}", at: pos) { return (true, false) }
        return (false, false)
    }

    /// Decodes the rune at p: (scalar, length); invalid bytes decode as U+FFFD of length 1.
    func rune(at p: Int) -> (UInt32, Int) {
        if p >= input.count { return (0xFFFF_FFFF, 0) }  // eof
        let b0 = input[p]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        var need = 0
        var v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { need = 1; v = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { need = 2; v = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { need = 3; v = UInt32(b0 & 0x07) }
        else { return (0xFFFD, 1) }
        if p + need >= input.count { return (0xFFFD, 1) }
        for i in 1...need {
            let b = input[p + i]
            if b & 0xC0 != 0x80 { return (0xFFFD, 1) }
            v = (v << 6) | UInt32(b & 0x3F)
        }
        return (v, need + 1)
    }

    static let eof: UInt32 = 0xFFFF_FFFF

    static func isAlphaNumeric(_ r: UInt32) -> Bool {
        if r == UInt32(UInt8(ascii: "_")) { return true }
        if r < 0x80 {
            return (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A)
        }
        if r == eof { return false }
        guard let s = Unicode.Scalar(r) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default: return false
        }
    }

    func atTerminator() -> Bool {
        let (r, _) = rune(at: pos)
        if r == GTLexer.eof { return true }
        if r < 0x80 && GTLexer.isSpace(UInt8(r)) { return true }
        switch r {
        case UInt32(UInt8(ascii: ".")), UInt32(UInt8(ascii: ",")), UInt32(UInt8(ascii: "|")), UInt32(UInt8(ascii: ":")),
             UInt32(UInt8(ascii: ")")), UInt32(UInt8(ascii: "(")):
            return true
        default:
            return hasPrefix("}}", at: pos)
        }
    }

    static func runeDesc(_ r: UInt32) -> String {
        // Go's %#U: U+0041 'A'
        var hex = String(r, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        var s = "U+" + hex
        if let sc = Unicode.Scalar(r), goIsPrint(sc) {
            s += " '" + String(Character(sc)) + "'"
        }
        return s
    }

    mutating func run() {
        var inText = true
        while true {
            if inText {
                if !lexText() { return }
                // at left delim
                if !lexLeftDelim() { return }  // error
                inText = !insideAction
            } else {
                // inside action
                let r = lexInsideAction()
                switch r {
                case .stop: return
                case .text: inText = true
                case .more: break
                }
            }
        }
    }

    /// Returns false once EOF (or an error) has been emitted; true when positioned at "{{".
    mutating func lexText() -> Bool {
        var x = pos
        var found = false
        while x + 1 < input.count {
            if input[x] == UInt8(ascii: "{") && input[x + 1] == UInt8(ascii: "{") { found = true; break }
            x += 1
        }
        if found {
            if x > pos {
                pos = x
                var trim = 0
                if hasLeftTrimMarker(pos + 2) {
                    var e = pos
                    while e > start && GTLexer.isSpace(input[e - 1]) { e -= 1 }
                    trim = pos - e
                }
                pos -= trim
                let item = GTItem(type: .text, pos: start, val: str(start, pos), line: line(at: start))
                pos += trim
                ignore()
                if !item.val.isEmpty { items.append(item) }
            }
            return true
        }
        pos = input.count
        if pos > start { emit(.text) }
        emit(.eof)
        return false
    }

    mutating func lexLeftDelim() -> Bool {
        pos += 2
        let trimSpace = hasLeftTrimMarker(pos)
        let afterMarker = trimSpace ? 2 : 0
        if hasPrefix("/*", at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            return lexComment()
        }
        let item = GTItem(type: .leftDelim, pos: start, val: str(start, pos), line: line(at: start))
        insideAction = true
        pos += afterMarker
        ignore()
        parenDepth = 0
        items.append(item)
        return true
    }

    mutating func lexComment() -> Bool {
        pos += 2
        var x = pos
        var found = false
        while x + 1 < input.count {
            if input[x] == UInt8(ascii: "*") && input[x + 1] == UInt8(ascii: "/") { found = true; break }
            x += 1
        }
        if !found { errorItem("unclosed comment"); return false }
        pos = x + 2
        let (delim, trimSpace) = atRightDelim()
        if !delim { errorItem("comment ends before closing delimiter"); return false }
        if trimSpace { pos += 2 }
        pos += 2
        if trimSpace { while pos < input.count && GTLexer.isSpace(input[pos]) { pos += 1 } }
        ignore()
        return true
    }

    mutating func lexRightDelim() {
        let (_, trimSpace) = atRightDelim()
        if trimSpace { pos += 2; ignore() }
        pos += 2
        let item = GTItem(type: .rightDelim, pos: start, val: str(start, pos), line: line(at: start))
        if trimSpace {
            while pos < input.count && GTLexer.isSpace(input[pos]) { pos += 1 }
        }
        ignore()
        insideAction = false
        items.append(item)
    }

    enum Step { case stop, text, more }

    mutating func next() -> UInt32 {
        let (r, n) = rune(at: pos)
        pos += n
        return r
    }

    mutating func lexInsideAction() -> Step {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { lexRightDelim(); return .text }
            errorItem("unclosed left paren"); return .stop
        }
        let before = pos
        let r = next()
        if r == GTLexer.eof { errorItem("unclosed action"); return .stop }
        if r < 0x80 && GTLexer.isSpace(UInt8(r)) {
            pos = before
            return lexSpace()
        }
        switch r {
        case UInt32(UInt8(ascii: "=")): emit(.assign)
        case UInt32(UInt8(ascii: ":")):
            if next() != UInt32(UInt8(ascii: "=")) { errorItem("expected :="); return .stop }
            emit(.declare)
        case UInt32(UInt8(ascii: "|")): emit(.pipe)
        case 0x22: return lexQuote(close: "\"", type: .string, msg: "unterminated quoted string")
        case UInt32(UInt8(ascii: "'")): return lexQuote(close: "'", type: .charConstant, msg: "unterminated character constant")
        case UInt32(UInt8(ascii: "`")):
            while true {
                let c = next()
                if c == GTLexer.eof { errorItem("unterminated raw quoted string"); return .stop }
                if c == UInt32(UInt8(ascii: "`")) { break }
            }
            emit(.rawString)
        case UInt32(UInt8(ascii: "$")):
            if atTerminator() { emit(.variable); return .more }
            return lexFieldOrVariable(.variable)
        case UInt32(UInt8(ascii: "(")):
            parenDepth += 1
            emit(.leftParen)
        case UInt32(UInt8(ascii: ")")):
            parenDepth -= 1
            if parenDepth < 0 { errorItem("unexpected right paren"); return .stop }
            emit(.rightParen)
        default:
            if r == UInt32(UInt8(ascii: ".")) {
                if pos < input.count {
                    let c = input[pos]
                    if c < UInt8(ascii: "0") || c > UInt8(ascii: "9") {
                        return lexFieldOrVariable(.field)
                    }
                }
                pos = before
                return lexNumber()
            }
            if r == UInt32(UInt8(ascii: "+")) || r == UInt32(UInt8(ascii: "-")) || (r >= 0x30 && r <= 0x39) {
                pos = before
                return lexNumber()
            }
            if GTLexer.isAlphaNumeric(r) {
                pos = before
                return lexIdentifier()
            }
            if r < 0x80 && r >= 0x20 && r < 0x7F {
                emit(.char)
                return .more
            }
            errorItem("unrecognized character in action: \(GTLexer.runeDesc(r))")
            return .stop
        }
        return .more
    }

    mutating func lexSpace() -> Step {
        var numSpaces = 0
        while pos < input.count && GTLexer.isSpace(input[pos]) {
            pos += 1
            numSpaces += 1
        }
        if hasRightTrimMarker(pos - 1) && hasPrefix("}}", at: pos - 1 + 2) {
            pos -= 1
            if numSpaces == 1 { lexRightDelim(); return .text }
        }
        emit(.space)
        return .more
    }

    mutating func lexIdentifier() -> Step {
        while true {
            let before = pos
            let r = next()
            if GTLexer.isAlphaNumeric(r) { continue }
            pos = before
            let word = str(start, pos)
            if !atTerminator() {
                errorItem("bad character \(GTLexer.runeDesc(r))")
                return .stop
            }
            if let kw = gtKeywords[word], kw != .dot {
                emit(kw)
            } else if word.hasPrefix(".") {
                emit(.field)
            } else if word == "true" || word == "false" {
                emit(.bool)
            } else {
                emit(.identifier)
            }
            return .more
        }
    }

    mutating func lexFieldOrVariable(_ t: GTItemType) -> Step {
        if atTerminator() {
            emit(t == .variable ? .variable : .dot)
            return .more
        }
        var r: UInt32 = 0
        while true {
            let before = pos
            r = next()
            if !GTLexer.isAlphaNumeric(r) { pos = before; break }
        }
        if !atTerminator() {
            errorItem("bad character \(GTLexer.runeDesc(r))")
            return .stop
        }
        emit(t)
        return .more
    }

    mutating func lexQuote(close: Character, type: GTItemType, msg: String) -> Step {
        let closeByte = close.asciiValue!
        while true {
            if pos >= input.count { errorItem(msg); return .stop }
            let c = input[pos]
            pos += 1
            if c == UInt8(ascii: "\\") {
                if pos < input.count && input[pos] != 0x0A {
                    // skip one rune
                    let (_, n) = rune(at: pos)
                    pos += n
                    continue
                }
                errorItem(msg); return .stop
            }
            if c == 0x0A { errorItem(msg); return .stop }
            if c == closeByte { break }
        }
        emit(type)
        return .more
    }

    mutating func accept(_ valid: String) -> Bool {
        if pos < input.count, valid.utf8.contains(input[pos]) { pos += 1; return true }
        return false
    }
    mutating func acceptRun(_ valid: String) {
        while pos < input.count, valid.utf8.contains(input[pos]) { pos += 1 }
    }

    mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        let (r, n) = rune(at: pos)
        if GTLexer.isAlphaNumeric(r) {
            pos += n
            return false
        }
        return true
    }

    mutating func lexNumber() -> Step {
        if !scanNumber() {
            errorItem("bad number syntax: \(strconvQuote(str(start, pos)))")
            return .stop
        }
        if pos < input.count, input[pos] == UInt8(ascii: "+") || input[pos] == UInt8(ascii: "-") {
            if !scanNumber() || input[pos - 1] != UInt8(ascii: "i") {
                errorItem("bad number syntax: \(strconvQuote(str(start, pos)))")
                return .stop
            }
            emit(.complex)
            return .more
        }
        emit(.number)
        return .more
    }
}
