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
