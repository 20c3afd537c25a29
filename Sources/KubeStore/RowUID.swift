/// Uids that name their row (schema v13). A uid made by `StoreTransaction.rowUID(_:)` keeps the first
/// 64 bits of a random uid and replaces the other 62 free bits with a mix of those 64 (`mask`) XORed
/// with the row id the next insert takes: it reads as random as any, and the row it names is found
/// from the uid itself (one row-id lookup) instead of through `objects_by_uid`. Such a row keeps its
/// uid as 17 bytes (the 16 and a marker byte), which the partial index leaves out, so its insert
/// writes no uid index entry. Every lookup compares the stored uid, so a uid that only looks like one
/// (a random uid decodes to a row id with odds of 1 in 2^22) or names a row gone since finds nothing
/// it should not; a row whose id is not the one its uid names keeps the 16 bytes and its entry.
enum RowUID {
    /// Ids up to 2^40 are coded; the 22 bits above them are zero in a uid that names its row.
    static let idBits = 40
    static let marker: UInt8 = 0x52
    /// The length of a marked uid in `objects.uid`.
    static let markedLength = 17

    /// SplitMix64's finalizer: 62 bits that look random for any 64 bits in.
    static func mask(_ high: UInt64) -> UInt64 {
        var z = high &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) & (1 << 62 - 1)
    }

    /// The two halves of 16 uid bytes, big-endian.
    static func halves(_ b: [UInt8]) -> (high: UInt64, low: UInt64) {
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<8 {
            high = high << 8 | UInt64(b[i])
            low = low << 8 | UInt64(b[8 + i])
        }
        return (high, low)
    }

    /// `random` (a uid in the API server's form) with its last 62 free bits naming row `id`; `random`
    /// itself when it is not in that form or the id is out of range.
    static func uid(_ random: String, naming id: Int64) -> String {
        guard id > 0, id < 1 << idBits, var b = UIDCodec.bytes(random) else { return random }
        let (high, low) = halves(b)
        let coded = (low & ~(1 << 62 - 1)) | (mask(high) ^ UInt64(id))
        for i in 0..<8 { b[8 + i] = UInt8(truncatingIfNeeded: coded >> (56 - 8 * i)) }
        return b.withUnsafeBytes { UIDCodec.string($0) }
    }

    /// The row id a uid names, when it names one (its coded bits above the id are zero).
    static func id(_ bytes: [UInt8]) -> Int64? {
        guard bytes.count == 16 else { return nil }
        let (high, low) = halves(bytes)
        let v = (low & (1 << 62 - 1)) ^ mask(high)
        guard v >> idBits == 0, v > 0 else { return nil }
        return Int64(v)
    }

    static func id(_ uid: String) -> Int64? { UIDCodec.bytes(uid).flatMap(id) }
}
