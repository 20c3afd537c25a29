/// Format 6 (schema v10) of a change-log entry's data: a state an object passes through, kept as the
/// object's stored data (its bytes copied as they are, in their own format) and the operations that
/// turn that text into the state: copy `length` bytes from `offset` of the stored text, or insert
/// literal bytes. A pod deleted gracefully is logged three or four times (Terminating, its stopped
/// status, the grace-0 delete, the deletion), each state differing from the stored pod in a few fields;
/// deflating each with the primed dictionary was a third of the delete's work, while finding the
/// unchanged runs of the stored text is a small fraction of that. Each entry holds its own base, so it
/// reads back alone (the log is pruned from its oldest end, and the stored row is gone once deleted).
///
/// Layout: format byte 6, the text's length (LEB128 varint), the base's length (varint), the base (a
/// stored data BLOB of another format), then operations until the end: a varint `length << 1 | 1`
/// followed by the offset (varint) for a copy, a varint `length << 1` followed by the bytes for a
/// literal. The encoder keeps an encoding only when it decodes to the same bytes.
///
/// The states of one deletion share their base and most of their text (the grace-0 delete differs from
/// the stopped status in three metadata fields): `DeltaMemo` keeps the last text encoded against the
/// base and its operations, and the next text takes over the operations of the parts it shares with it
/// at its start and its end, looking for copies only in between.
#if canImport(Glibc)
import Glibc
#endif

enum DeltaCodec {
    static let format: UInt8 = 6

    /// Shortest copied run: a shorter one costs about as much as the bytes it names.
    static let minimumRun = 8
    /// A delta is kept only when at most this fraction (1/n) of the text is literal: else the state
    /// differs too much from the stored one, and it is deflated as any other.
    static let literalFraction = 4

    /// The bytes to log for `text` against the stored data `baseBlob` (whose text is `base`), or nil
    /// when the base cannot serve (another delta, or too little in common). `table` is kept between
    /// calls with the base text it was made for (`tableBase`): made again only for another base.
    /// `memo`: the last text encoded against the base `table` was made for, and its operations (see
    /// above); emptied for another base, and set to this text when it is encoded.
    /// `literalFraction`: the most literal bytes kept, as 1/n of the text (the default for logged states).
    static func encode(_ text: UnsafeBufferPointer<UInt8>, base: UnsafeBufferPointer<UInt8>, baseBlob: UnsafeBufferPointer<UInt8>,
                       table: inout [UInt16], tableBase: inout [UInt8], memo: inout DeltaMemo,
                       literalFraction: Int = DeltaCodec.literalFraction) -> [UInt8]? {
        guard let baseFormat = baseBlob.first, baseFormat != format, !text.isEmpty, !base.isEmpty,
              base.count < Int(UInt16.max) else { return nil }
        let n = text.count, bn = base.count
        // Where 8-byte runs of the base start (the first of equal ones), by a hash of their bytes.
        let bits = 11
        let sameBase = table.count == 1 << bits && tableBase.count == bn
            && tableBase.withUnsafeBytes { memcmp($0.baseAddress!, base.baseAddress!, bn) == 0 }
        @inline(__always) func key(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            let k = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
            return Int((k &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }
        let tp = UnsafeRawPointer(text.baseAddress!), bp = UnsafeRawPointer(base.baseAddress!)
        @inline(__always) func run(_ o: Int, _ p: Int) -> Int {
            guard o >= 0, o < bn else { return 0 }
            var length = 0
            // 32 bytes at a time while all are equal (a copy runs for hundreds), then eight at a time,
            // then the rest one by one.
            while p + length + 32 <= n && o + length + 32 <= bn {
                let t = tp + p + length, b = bp + o + length
                let x = (t.loadUnaligned(as: UInt64.self) ^ b.loadUnaligned(as: UInt64.self))
                    | (t.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                    | (t.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
                    | (t.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
                if x != 0 { break }
                length += 32
            }
            while p + length + 8 <= n && o + length + 8 <= bn {
                let x = tp.loadUnaligned(fromByteOffset: p + length, as: UInt64.self)
                    ^ bp.loadUnaligned(fromByteOffset: o + length, as: UInt64.self)
                if x != 0 { return length + x.littleEndian.trailingZeroBitCount / 8 }
                length += 8
            }
            while p + length < n && o + length < bn && text[p + length] == base[o + length] { length += 1 }
            return length
        }
        if !sameBase {
            if table.count != 1 << bits { table = [UInt16](repeating: 0, count: 1 << bits) } else {
                table.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            }
            table.withUnsafeMutableBufferPointer { t in
                if bn >= minimumRun {
                    // Every fourth place: the text is looked up at every byte it does not copy, so it meets
                    // one of them within three bytes of where the base resumes.
                    for i in stride(from: (bn - minimumRun) & ~3, through: 0, by: -4) { t[key(base, i)] = UInt16(i + 1) }
                }
            }
            tableBase = Array(base)
            // The base itself is the first text the states are compared with: the first state (a pod
            // marked Terminating) differs from it in a few metadata fields.
            memo = DeltaMemo(text: tableBase, ops: [DeltaMemo.Op(start: 0, length: bn, offset: 0)])
        }
        var ops: [DeltaMemo.Op] = []
        ops.reserveCapacity(64)
        var pos = 0, lit = 0, from = -1
        // The parts shared with the memo's text at the start and the end keep its operations (the
        // start's now, the end's after the search below).
        var end = n, suffix = 0
        if !memo.text.isEmpty {
            let m = memo.text.count
            let (prefix, shared) = memo.text.withUnsafeBufferPointer { old -> (Int, Int) in
                let p = commonPrefix(text, old)
                return (p, commonSuffix(text, old, limit: Swift.min(n, m) - p))
            }
            memo.clip(0, prefix, shift: 0, into: &ops)
            pos = prefix
            lit = prefix
            if let last = ops.last, last.offset >= 0, last.start + last.length == prefix { from = last.offset + last.length }
            suffix = shared
            end = n - shared
        }
        // Copies follow the text through the base: after a run ends, the next one is looked for where
        // the base would go on if the bytes since were inserted (`from`) or replaced (`from` plus as
        // many), or wherever the hash of the next 8 bytes names.
        while pos < end {
            var o = -1, length = 0
            if from >= 0 {
                let a = run(from, pos)
                if a >= minimumRun { (o, length) = (from, a) }
                if pos > lit {
                    let b = run(from + (pos - lit), pos)
                    if b > length && b >= minimumRun { (o, length) = (from + (pos - lit), b) }
                }
            }
            if length < 32 && pos + minimumRun <= n {
                let slot = Int(table[key(text, pos)]) - 1
                if slot >= 0 {
                    let c = run(slot, pos)
                    if c > length && c >= minimumRun { (o, length) = (slot, c) }
                }
            }
            if o < 0 {
                pos += 1
                continue
            }
            if lit < pos { ops.append(DeltaMemo.Op(start: lit, length: pos - lit, offset: -1)) }
            ops.append(DeltaMemo.Op(start: pos, length: length, offset: o))
            pos += length
            lit = pos
            from = o + length
        }
        if suffix > 0 && pos < n {
            // The rest is the end of the memo's text (`pos` is at or past `end`).
            if lit < pos { ops.append(DeltaMemo.Op(start: lit, length: pos - lit, offset: -1)) }
            let m = memo.text.count
            memo.clip(pos - (n - m), m, shift: n - m, into: &ops)
            lit = n
        }
        if lit < n { ops.append(DeltaMemo.Op(start: lit, length: n - lit, offset: -1)) }
        var out: [UInt8] = [format]
        out.reserveCapacity(baseBlob.count + text.count / 4 + 16)
        appendVarint(&out, text.count)
        appendVarint(&out, baseBlob.count)
        out.append(contentsOf: baseBlob)
        let start = out.count
        var literal = 0, i = 0
        while i < ops.count {
            let op = ops[i]
            i += 1
            if op.offset >= 0 {
                appendVarint(&out, op.length << 1 | 1)
                appendVarint(&out, op.offset)
                continue
            }
            // Literal runs next to each other (one ending a shared part) are written as one.
            var length = op.length
            while i < ops.count && ops[i].offset < 0 {
                length += ops[i].length
                i += 1
            }
            appendVarint(&out, length << 1)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[op.start..<(op.start + length)]))
            literal += length
        }
        memo.text = Array(text)
        memo.ops = ops
        guard literal * literalFraction <= n else { return nil }
        // Kept only when it reads back as the same bytes.
        let check = [UInt8](unsafeUninitializedCapacity: n) { buffer, count in
            count = 0
            let ops = out.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start...]) }
            guard let written = apply(ops, base: base, into: buffer), written == n else { return }
            count = written
        }
        guard check.count == n, check.withUnsafeBytes({ memcmp($0.baseAddress!, text.baseAddress!, n) == 0 }) else {
            memo = DeltaMemo()
            return nil
        }
        return out
    }

    /// How many bytes `a` and `b` share at their start.
    static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let limit = Swift.min(a.count, b.count)
        guard limit > 0 else { return 0 }
        let pa = UnsafeRawPointer(a.baseAddress!), pb = UnsafeRawPointer(b.baseAddress!)
        var i = 0
        while i + 8 <= limit {
            let x = pa.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if x != 0 { return i + x.littleEndian.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < limit && a[i] == b[i] { i += 1 }
        return i
    }

    /// How many bytes `a` and `b` share at their end, at most `limit`.
    static func commonSuffix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        let pa = UnsafeRawPointer(a.baseAddress!), pb = UnsafeRawPointer(b.baseAddress!)
        let na = a.count, nb = b.count
        var k = 0
        while k + 8 <= limit {
            let x = pa.loadUnaligned(fromByteOffset: na - k - 8, as: UInt64.self) ^ pb.loadUnaligned(fromByteOffset: nb - k - 8, as: UInt64.self)
            if x != 0 { return k + x.littleEndian.leadingZeroBitCount / 8 }
            k += 8
        }
        while k < limit && a[na - k - 1] == b[nb - k - 1] { k += 1 }
        return k
    }

    /// Where the stored data a format-6 BLOB holds (its base) lies in it, or nil when the BLOB is damaged.
    static func baseRange(_ blob: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = 1
        guard blob.first == format, readVarint(blob, &i) != nil, let baseLength = readVarint(blob, &i),
              baseLength > 0, baseLength <= blob.count - i, blob[i] != format else { return nil }
        return i..<(i + baseLength)
    }

    /// The text of a format-6 BLOB; `decodeBase` reads the stored data it holds.
    static func decode(_ blob: UnsafeBufferPointer<UInt8>, decodeBase: (UnsafeBufferPointer<UInt8>) throws -> String) throws -> String {
        var i = 1
        guard blob.first == format, let length = readVarint(blob, &i), let baseLength = readVarint(blob, &i),
              length <= 1 << 30, baseLength <= blob.count - i, baseLength > 0 else {
            throw StoreError.corrupt("logged object data is damaged")
        }
        let baseBlob = UnsafeBufferPointer(rebasing: blob[i..<(i + baseLength)])
        guard baseBlob.first != format else { throw StoreError.corrupt("logged object data is damaged") }
        var base = try decodeBase(baseBlob)
        let ops = UnsafeBufferPointer(rebasing: blob[(i + baseLength)...])
        return try base.withUTF8 { b in
            try String(unsafeUninitializedCapacity: max(length, 1)) { out in
                guard let written = apply(ops, base: b, into: UnsafeMutableBufferPointer(rebasing: out[0..<length])),
                      written == length else { throw StoreError.corrupt("logged object data is damaged") }
                return written
            }
        }
    }

    /// Runs the operations into `out`; the number of bytes written, or nil when an operation leaves
    /// the base or the output.
    static func apply(_ ops: UnsafeBufferPointer<UInt8>, base: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var i = 0, w = 0
        while i < ops.count {
            guard let op = readVarint(ops, &i) else { return nil }
            let length = op >> 1
            guard length <= out.count - w else { return nil }
            if op & 1 == 1 {
                guard let offset = readVarint(ops, &i), offset <= base.count, length <= base.count - offset else { return nil }
                if length > 0 { (out.baseAddress! + w).update(from: base.baseAddress! + offset, count: length) }
            } else {
                guard length <= ops.count - i else { return nil }
                if length > 0 { (out.baseAddress! + w).update(from: ops.baseAddress! + i, count: length) }
                i += length
            }
            w += length
        }
        return w
    }

    static func readVarint(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        var value = 0, shift = 0
        while i < p.count {
            let b = p[i]
            i += 1
            value |= Int(b & 0x7F) << shift
            if b & 0x80 == 0 { return value }
            shift += 7
            if shift > 35 { return nil }
        }
        return nil
    }
}

/// The last text `DeltaCodec.encode` encoded against a base, and its operations in text order: a copy
/// of `length` bytes from `offset` of the base text, or (`offset` -1) the text's own bytes.
struct DeltaMemo {
    struct Op {
        var start: Int
        var length: Int
        var offset: Int
    }
    var text: [UInt8] = []
    var ops: [Op] = []

    /// Appends the operations that make `text[lower..<upper]`, cut at both ends, moved by `shift`.
    func clip(_ lower: Int, _ upper: Int, shift: Int, into out: inout [Op]) {
        guard lower < upper else { return }
        // The first operation that reaches past `lower` (they are in text order).
        var lo = 0, hi = ops.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ops[mid].start + ops[mid].length <= lower { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < ops.count && ops[i].start < upper {
            var op = ops[i]
            let from = Swift.max(op.start, lower), to = Swift.min(op.start + op.length, upper)
            if op.offset >= 0 { op.offset += from - op.start }
            op.start = from + shift
            op.length = to - from
            if op.length > 0 { out.append(op) }
            i += 1
        }
    }
}
