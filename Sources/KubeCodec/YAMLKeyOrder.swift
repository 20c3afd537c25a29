import KubeModel

// Mapping key order and number formatting of go-yaml v2's encoder.

/// go-yaml v2's `keyList.Less` for string keys: a "natural" order where runs of digits compare by
/// numeric value and letters sort after non-letters (`1 < 9 < 10 < -x < _x < Z < a9 < a10`).
public func yamlKeyLess(_ a: String, _ b: String) -> Bool {
    yamlKeyLess(yamlKeyRunes(a), yamlKeyRunes(b))
}

/// A key as Go runes, for repeated comparisons.
func yamlKeyRunes(_ s: String) -> [UInt32] {
    var t = s
    let ascii: [UInt32]? = t.withUTF8 { b in b.contains { $0 >= 0x80 } ? nil : b.map { UInt32($0) } }
    return ascii ?? s.unicodeScalars.map { $0.value }
}

/// `yamlKeyLess` without building rune arrays when both keys are ASCII (object keys nearly always are).
func yamlKeyLessFast(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    let ascii: Bool? = a.withUTF8 { ab in
        b.withUTF8 { bb in
            guard !ab.contains(where: { $0 >= 0x80 }), !bb.contains(where: { $0 >= 0x80 }) else { return nil }
            return yamlKeyLess(ab, bb)
        }
    }
    return ascii ?? yamlKeyLess(yamlKeyRunes(a), yamlKeyRunes(b))
}

@inline(__always) private func isLetter(_ r: UInt32) -> Bool {
    if r < 0x80 { return (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A) }
    guard let u = Unicode.Scalar(r) else { return false }
    switch u.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

@inline(__always) private func isDigitRune(_ r: UInt32) -> Bool {
    if r < 0x80 { return r >= 0x30 && r <= 0x39 }
    guard let u = Unicode.Scalar(r) else { return false }
    return u.properties.generalCategory == .decimalNumber
}

func yamlKeyLess<C: RandomAccessCollection>(_ ar: C, _ br: C) -> Bool where C.Index == Int, C.Element: FixedWidthInteger {
    @inline(__always) func ra(_ k: Int) -> UInt32 { UInt32(truncatingIfNeeded: ar[k]) }
    @inline(__always) func rb(_ k: Int) -> UInt32 { UInt32(truncatingIfNeeded: br[k]) }
    var i = 0
    while i < ar.count && i < br.count {
        if ra(i) == rb(i) { i += 1; continue }
        let al = isLetter(ra(i)), bl = isLetter(rb(i))
        if al && bl { return ra(i) < rb(i) }
        if al || bl { return bl }
        var an: Int64 = 0, bn: Int64 = 0
        if ra(i) == 0x30 || rb(i) == 0x30 {
            var j = i - 1
            while j >= 0 && isDigitRune(ra(j)) {
                if ra(j) != 0x30 { an = 1; bn = 1; break }
                j -= 1
            }
        }
        var ai = i
        while ai < ar.count && isDigitRune(ra(ai)) {
            an = an &* 10 &+ (Int64(ra(ai)) &- 0x30)
            ai += 1
        }
        var bi = i
        while bi < br.count && isDigitRune(rb(bi)) {
            bn = bn &* 10 &+ (Int64(rb(bi)) &- 0x30)
            bi += 1
        }
        if an != bn { return an < bn }
        if ai != bi { return ai < bi }
        return ra(i) < rb(i)
    }
    return ar.count < br.count
}

/// Shortest round-trip digits and decimal point position (value = 0.DIGITS × 10^point) of a
/// Swift float description such as "1.5", "1e-07", "1.2345e+20".
private func digitsOf(_ description: String) -> (neg: Bool, digits: [UInt8], point: Int) {
    var bytes = Array(description.utf8)
    var neg = false
    if bytes.first == UInt8(ascii: "-") { neg = true; bytes.removeFirst() }
    var exp = 0
    if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
        exp = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) ?? 0
        bytes.removeSubrange(e...)
    }
    var digits: [UInt8] = []
    var point = 0
    var seenDot = false
    for c in bytes {
        if c == UInt8(ascii: ".") { seenDot = true; continue }
        digits.append(c)
        if !seenDot { point += 1 }
    }
    point += exp
    while digits.count > 1 && digits.first == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
    while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
    return (neg, digits, point)
}

/// Go's `strconv.FormatFloat(d, 'g', -1, 64 or 32)`, with YAML's `.inf`/`-.inf`/`.nan`.
func goFormatG(_ d: Double, float32: Bool = false) -> String {
    if d.isNaN { return ".nan" }
    if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    let (neg, digits, point) = digitsOf(float32 ? Float(d).description : d.description)
    var out: [UInt8] = neg ? [UInt8(ascii: "-")] : []
    let exp = point - 1
    if exp < -4 || exp >= 6 {
        out.append(digits[0])
        if digits.count > 1 {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[1...])
        }
        out.append(UInt8(ascii: "e"))
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let e = abs(exp)
        if e < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(e).utf8)
        return String(decoding: out, as: UTF8.self)
    }
    if point <= 0 {
        out.append(UInt8(ascii: "0"))
        out.append(UInt8(ascii: "."))
        for _ in 0 ..< -point { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: digits)
    } else if point >= digits.count {
        out.append(contentsOf: digits)
        for _ in 0 ..< (point - digits.count) { out.append(UInt8(ascii: "0")) }
    } else {
        out.append(contentsOf: digits[..<point])
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: digits[point...])
    }
    return String(decoding: out, as: UTF8.self)
}

/// How kubectl's YAML printer writes a float64: the number goes through JSON (`encoding/json`) and is
/// read back by go-yaml, so integral values within int64/uint64 print as integers and others in
/// 'g' format (`1e-06`, `1.5e+20`).
func yamlNumberText(_ d: Double) -> String {
    guard d.isFinite else { return goFormatG(d) }
    let json = goFormatFloat(d)
    if !json.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) {
        if let i = Int64(json) { return String(i) }  // "-0" reads back as 0
        if UInt64(json) != nil { return json }
    }
    return goFormatG(d)
}
