/// How `objects.uid` is kept since schema v8: a uid in the API server's form (a lowercase UUID,
/// 8-4-4-4-12 hex digits) as its 16 bytes in a BLOB, any other uid as text. The uid index and every row
/// hold 20 bytes less per object; the type keeps the two forms apart, so both read back as written.
enum UIDCodec {
    /// The 16 bytes of a canonical uid, or nil for any other string.
    static func bytes(_ uid: String) -> [UInt8]? {
        var uid = uid
        return uid.withUTF8 { u -> [UInt8]? in
            guard u.count == 36 else { return nil }
            var out = [UInt8](repeating: 0, count: 16)
            var k = 0
            var i = 0
            while i < 36 {
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard u[i] == UInt8(ascii: "-") else { return nil }
                    i += 1
                    continue
                }
                guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
                out[k] = hi << 4 | lo
                k += 1
                i += 2
            }
            return out
        }
    }

    /// The canonical text of 16 uid bytes.
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { out in
            var j = 0
            for (k, b) in bytes.prefix(16).enumerated() {
                if k == 4 || k == 6 || k == 8 || k == 10 { out[j] = UInt8(ascii: "-"); j += 1 }
                out[j] = digits[Int(b >> 4)]
                out[j + 1] = digits[Int(b & 0x0F)]
                j += 2
            }
            return j
        }
    }

    /// Lowercase hex digits only: an uppercase uid stays text, so it reads back unchanged.
    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
