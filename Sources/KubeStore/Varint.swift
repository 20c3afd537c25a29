/// Appends `value` as an unsigned LEB128 varint (seven bits a byte, lowest first, the high bit set on
/// every byte but the last): the lengths, offsets and numbers of the store's compact data formats
/// (`EventCodec`, `DeltaCodec`).
func appendVarint(_ out: inout [UInt8], _ value: UInt64) {
    var n = value
    repeat {
        out.append(UInt8(truncatingIfNeeded: n & 0x7F) | (n >= 0x80 ? 0x80 : 0))
        n >>= 7
    } while n > 0
}

/// `appendVarint` of a count or offset (never negative).
func appendVarint(_ out: inout [UInt8], _ value: Int) {
    appendVarint(&out, UInt64(value))
}
