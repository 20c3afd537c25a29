/// Standard base64 with padding (Go's `base64.StdEncoding.EncodeToString`).
public func base64Encode(_ bytes: some Collection<UInt8>) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    let input = Array(bytes)
    var out: [UInt8] = []
    out.reserveCapacity((input.count + 2) / 3 * 4)
    var i = 0
    while i + 2 < input.count {
        let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
        for shift in [18, 12, 6, 0] { out.append(table[Int((n >> UInt32(shift)) & 63)]) }
        i += 3
    }
    let rest = input.count - i
    if rest > 0 {
        var n = UInt32(input[i]) << 16
        if rest == 2 { n |= UInt32(input[i + 1]) << 8 }
        out.append(table[Int((n >> 18) & 63)])
        out.append(table[Int((n >> 12) & 63)])
        out.append(rest == 2 ? table[Int((n >> 6) & 63)] : 0x3D)
        out.append(0x3D)
    }
    return String(decoding: out, as: UTF8.self)
}

/// Standard base64 decoding (padding optional, invalid characters skipped).
public func base64Decode(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var buf: UInt32 = 0
    var bits = 0
    for c in s.utf8 {
        let v: UInt8
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): v = c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
        default: continue
        }
        buf = (buf << 6) | UInt32(v)
        bits += 6
        if bits >= 8 {
            bits -= 8
            out.append(UInt8((buf >> UInt32(bits)) & 0xFF))
        }
    }
    return out
}
