import KubeModel

// Small re-implementations of the Go library behaviour whose error texts the API server returns:
// base64.StdEncoding.Decode errors, resource.ParseQuantity errors, time.Parse errors.

/// The byte offset `base64.StdEncoding.DecodeString` reports as corrupt, or nil when `s` decodes.
func goBase64Error(_ s: String) -> Int? {
    if case .failure(let e) = GoBase64.decode(s) { return e.offset }
    return nil
}

let quantityFormatError =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

/// The error `resource.Quantity.UnmarshalJSON` returns for a JSON value, or nil.
func quantityError(_ v: JSONValue) -> String? {
    var text: String
    switch v {
    case .null: return nil
    case .string(let s): text = s
    case .int(let i): text = String(i)
    case .double(let d): text = goFormatFloat(d)
    case .bool(let b): text = b ? "true" : "false"
    case .array, .object: text = v.compactJSON
    }
    text = String(text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" { text.removeLast() }
    return parseQuantityError(text)
}

/// `resource.ParseQuantity` errors (format, suffix, numeric part).
func parseQuantityError(_ str: String) -> String? {
    let s = Array(str.utf8)
    if s.isEmpty { return quantityFormatError }
    if str == "0" { return nil }
    func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    var pos = 0
    if s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") { pos += 1 }
    while pos < s.count && s[pos] == UInt8(ascii: "0") { pos += 1 }
    if pos >= s.count { return nil }
    let numStart = pos
    while pos < s.count && digit(s[pos]) { pos += 1 }
    var digits = pos - numStart
    if pos >= s.count { return nil }
    if s[pos] == UInt8(ascii: ".") {
        pos += 1
        let d = pos
        while pos < s.count && digit(s[pos]) { pos += 1 }
        digits += pos - d
        if pos >= s.count { return digits == 0 && !s.contains(UInt8(ascii: "0")) ? "unable to parse numeric part of quantity" : nil }
    }
    let suffixStart = pos
    let suffixChars = Array("eEinumkKMGTP".utf8)
    while pos < s.count && suffixChars.contains(s[pos]) { pos += 1 }
    if pos < s.count && (s[pos] == UInt8(ascii: "-") || s[pos] == UInt8(ascii: "+")) { pos += 1 }
    while pos < s.count && digit(s[pos]) { pos += 1 }
    if pos < s.count { return quantityFormatError }
    let suffix = String(decoding: s[suffixStart...], as: UTF8.self)
    let known: Set<String> = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E"]
    if !known.contains(suffix) {
        guard suffix.count > 1, suffix.first == "e" || suffix.first == "E", Int64(suffix.dropFirst()) != nil else {
            return "unable to parse quantity's suffix"
        }
    }
    return nil
}

/// The error of Go's `time.Parse(layout, value)` for the RFC 3339 layouts metav1.Time and
/// MicroTime use, or nil when the value parses.
public func goParseRFC3339Error(_ value: String, layout: String) -> String? {
    let v = Array(value.utf8)
    var rest = v[...]
    func text(_ s: ArraySlice<UInt8>) -> String { String(decoding: s, as: UTF8.self) }
    func cannot(_ elem: String, _ at: ArraySlice<UInt8>) -> String {
        "parsing time \(strconvQuote(value)) as \(strconvQuote(layout)): cannot parse \(strconvQuote(text(at))) as \(strconvQuote(elem))"
    }
    func outOfRange(_ what: String) -> String { "parsing time \(strconvQuote(value)): \(what) out of range" }
    func isDigit(_ s: ArraySlice<UInt8>, _ i: Int) -> Bool {
        s.count > i && s[s.startIndex + i] >= 0x30 && s[s.startIndex + i] <= 0x39
    }
    /// Go's getnum: one or two digits (exactly two when fixed).
    func getnum(_ s: inout ArraySlice<UInt8>, fixed: Bool) -> Int? {
        guard isDigit(s, 0) else { return nil }
        let d0 = Int(s[s.startIndex] - 0x30)
        if !isDigit(s, 1) {
            if fixed { return nil }
            s = s.dropFirst()
            return d0
        }
        let n = d0 * 10 + Int(s[s.startIndex + 1] - 0x30)
        s = s.dropFirst(2)
        return n
    }
    func skip(_ lit: String) -> Bool {
        for c in lit.utf8 {
            guard let f = rest.first, f == c else { return false }
            rest = rest.dropFirst()
        }
        return true
    }
    // 2006
    guard rest.count >= 4, isDigit(rest, 0), (0..<4).allSatisfy({ isDigit(rest, $0) }) else { return cannot("2006", rest) }
    let year = Int(text(rest.prefix(4)))!
    rest = rest.dropFirst(4)
    // -01
    guard skip("-") else { return cannot("-", rest) }
    var hold = rest
    guard let month = getnum(&rest, fixed: true) else { return cannot("01", hold) }
    if month < 1 || month > 12 { return outOfRange("month") }
    guard skip("-") else { return cannot("-", rest) }
    hold = rest
    guard let day = getnum(&rest, fixed: true) else { return cannot("02", hold) }
    guard skip("T") else { return cannot("T", rest) }
    hold = rest
    guard let hour = getnum(&rest, fixed: false) else { return cannot("15", hold) }
    if hour >= 24 { return outOfRange("hour") }
    guard skip(":") else { return cannot(":", rest) }
    hold = rest
    guard let minute = getnum(&rest, fixed: true) else { return cannot("04", hold) }
    if minute >= 60 { return outOfRange("minute") }
    guard skip(":") else { return cannot(":", rest) }
    hold = rest
    guard let second = getnum(&rest, fixed: true) else { return cannot("05", hold) }
    if second >= 60 { return outOfRange("second") }
    let micro = layout.contains(".000000")
    if micro {
        hold = rest
        guard rest.count >= 7, rest.first == UInt8(ascii: "."), (1..<7).allSatisfy({ isDigit(rest, $0) }) else {
            return cannot(".000000", hold)
        }
        rest = rest.dropFirst(7)
    } else if rest.count >= 2, rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: ","), isDigit(rest, 1) {
        var n = 2
        while isDigit(rest, n) { n += 1 }
        rest = rest.dropFirst(n)
    }
    // Z07:00
    hold = rest
    if rest.first == UInt8(ascii: "Z") {
        rest = rest.dropFirst()
    } else {
        guard rest.count >= 6, rest[rest.startIndex + 3] == UInt8(ascii: ":") else { return cannot("Z07:00", hold) }
        let sign = rest[rest.startIndex]
        var h = rest[(rest.startIndex + 1)..<(rest.startIndex + 3)]
        var m = rest[(rest.startIndex + 4)..<(rest.startIndex + 6)]
        guard let hr = getnum(&h, fixed: true), let mm = getnum(&m, fixed: true) else { return cannot("Z07:00", hold) }
        if hr > 24 { return outOfRange("time zone offset hour") }
        if mm > 60 { return outOfRange("time zone offset minute") }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return cannot("Z07:00", hold) }
        rest = rest.dropFirst(6)
    }
    if !rest.isEmpty {
        return "parsing time \(strconvQuote(value)): extra text: \(strconvQuote(text(rest)))"
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if day < 1 || day > days { return outOfRange("day") }
    return nil
}
