/// Go's `base64.StdEncoding.DecodeString`: padding required, `\r` and `\n` ignored anywhere, and on
/// bad input the byte offset Go reports ("illegal base64 data at input byte N").
public enum GoBase64 {
    public struct CorruptInput: Error, Equatable { public var offset: Int }

    private static let values: [Int] = {
        var vals = [Int](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            vals[Int(c)] = i
        }
        return vals
    }()

    public static func decode(_ s: String) -> Result<[UInt8], CorruptInput> {
        let src = Array(s.utf8)
        func newline(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
        var out: [UInt8] = []
        var si = 0
        while si < src.count {
            var dbuf = [0, 0, 0, 0]
            var dlen = 4
            var j = 0
            while j < 4 {
                if si == src.count {
                    if j == 0 { return .success(out) }
                    return .failure(CorruptInput(offset: si - j))  // padding is required
                }
                let c = src[si]
                si += 1
                if newline(c) { continue }
                let v = values[Int(c)]
                if v >= 0 { dbuf[j] = v; j += 1; continue }
                if c != UInt8(ascii: "=") || j < 2 { return .failure(CorruptInput(offset: si - 1)) }
                if j == 2 {  // a second '=' must follow
                    while si < src.count && newline(src[si]) { si += 1 }
                    if si == src.count { return .failure(CorruptInput(offset: src.count)) }
                    if src[si] != UInt8(ascii: "=") { return .failure(CorruptInput(offset: si - 1)) }
                    si += 1
                }
                while si < src.count && newline(src[si]) { si += 1 }
                if si < src.count { return .failure(CorruptInput(offset: si)) }
                dlen = j
                break
            }
            let val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3]
            let bytes = [UInt8((val >> 16) & 0xFF), UInt8((val >> 8) & 0xFF), UInt8(val & 0xFF)]
            out += bytes.prefix(dlen - 1)
            if dlen < 4 { break }
        }
        return .success(out)
    }
}

/// Bytes as Go's encoding/json writes a string: valid UTF-8 kept, every byte of an invalid sequence
/// replaced by U+FFFD (one per byte, as `utf8.DecodeRuneInString` advances).
public func goJSONCoercedString(_ bytes: [UInt8]) -> String {
    var scalars = String.UnicodeScalarView()
    var i = 0
    let n = bytes.count
    func cont(_ k: Int) -> Bool { k < n && bytes[k] & 0xC0 == 0x80 }
    while i < n {
        let b = bytes[i]
        var value: UInt32? = nil, size = 1
        if b < 0x80 {
            value = UInt32(b)
        } else if b >= 0xC2 && b <= 0xDF, cont(i + 1) {
            value = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); size = 2
        } else if b >= 0xE0 && b <= 0xEF, cont(i + 1), cont(i + 2) {
            let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            if v >= 0x800 && !(0xD800...0xDFFF).contains(v) { value = v; size = 3 }
        } else if b >= 0xF0 && b <= 0xF4, cont(i + 1), cont(i + 2), cont(i + 3) {
            let v = UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            if v >= 0x10000 && v <= 0x10FFFF { value = v; size = 4 }
        }
        if let value, let s = Unicode.Scalar(value) { scalars.append(s); i += size } else { scalars.append("\u{FFFD}"); i += 1 }
    }
    return String(scalars)
}
