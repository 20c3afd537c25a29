import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// How an object's JSON is kept on disk (schema v6): a BLOB of one format byte, the text's length as a
/// LEB128 varint, then a raw deflate stream primed with the dictionary the format byte names
/// (`StoreDictionary`: 1 = v1, 2 = v2, 4 = v3; new rows use 4). Since schema v8 long table cells (an
/// event's) are kept the same way with format 3, primed with the small `StoreDictionary.cellsV1`. Objects of one kind share
/// most of their bytes (field names, defaults, condition lists), so a primed stream keeps only what is
/// particular to the object: a 2.8 KB Running pod becomes about 210 bytes, a 0.7 KB event about 200.
/// A TEXT value (rows written before v6, or by hand) is read as it is, so no migration rewrites rows.
/// SQL cannot look inside the BLOBs: migrations that need an object's fields must decode in Swift.
/// One codec per connection (`Database.codec`): its zlib streams are reset for each object, not
/// allocated (a fresh deflate stream costs a 256 KB allocation), and never shared between threads.
final class DataCodec {
    /// The format bytes of deflate streams primed with `StoreDictionary.v1` and `.v2`. A changed
    /// dictionary takes a new byte: stored rows keep naming the dictionary they were written with.
    static let deflateV1: UInt8 = 1
    static let deflateV2: UInt8 = 2
    /// Table cells (schema v8), primed with `StoreDictionary.cellsV1`.
    static let deflateCellsV1: UInt8 = 3
    static let deflateV3: UInt8 = 4
    /// The format new rows are written in.
    static let writeFormat = deflateV3
    /// The format new long cells are written in.
    static let cellsFormat = deflateCellsV1

    static func dictionary(_ format: UInt8) -> [UInt8]? {
        switch format {
        case deflateV1: return StoreDictionary.v1
        case deflateV2: return StoreDictionary.v2
        case deflateCellsV1: return StoreDictionary.cellsV1
        case deflateV3: return StoreDictionary.v3
        default: return nil
        }
    }
    /// Texts shorter than this are stored as TEXT (compressing them saves nothing).
    static let minimumLength = 96

    private lazy var deflater = Deflater()
    private lazy var inflater = Inflater()

    /// The bytes to store for `text`, or nil to store the text itself: an event of a known shape in
    /// format 5 (`EventCodec`, schema v9), anything else deflated in `writeFormat`.
    func encode(_ text: String) -> [UInt8]? {
        if eventFormat {
            var text = text
            if let bytes = text.withUTF8({ EventCodec.encode($0) }) { return bytes }
        }
        return encode(text, format: DataCodec.writeFormat)
    }

    /// Whether events may be written in format 5 (the store's schema is v9 or later).
    var eventFormat = false

    /// Whether logged states may be written in format 6 (`DeltaCodec`; the store's schema is v10 or later).
    var deltaFormat = false
    /// `DeltaCodec`'s working state for logged states (`encode(_:against:)`, `logDelta`).
    private var logState = DeltaState()
    /// Its working state for stored data (`encodeStored`), whose base changes seldom.
    private var storedState = DeltaState()

    /// The bytes to log for a state of an object whose stored data is `base`: format 6 (`DeltaCodec`)
    /// when the state has enough in common with it, else `encode(_:)`. Stored data that is itself a
    /// delta (`encodeStored`) serves through the stored data it holds.
    func encode(_ text: String, against base: StoredData?) -> [UInt8]? {
        guard deltaFormat, var base else { return encode(text) }
        if base.blob.first == DeltaCodec.format {
            guard let inner = innerBase(base.blob) else { return encode(text) }
            base = inner
        }
        return delta(text, against: base, &logState) ?? encode(text)
    }

    /// `DeltaCodec.encode` of `text` against `base` with the working state `state`.
    private func delta(_ text: String, against base: StoredData, _ state: inout DeltaState,
                       literalFraction: Int = DeltaCodec.literalFraction) -> [UInt8]? {
        var text = text, baseText = base.text
        return text.withUTF8 { t in
            baseText.withUTF8 { b in
                base.blob.withUnsafeBufferPointer {
                    DeltaCodec.encode(t, base: b, baseBlob: $0, table: &state.table, tableBase: &state.tableBase,
                                      memo: &state.memo, literalFraction: literalFraction)
                }
            }
        }
    }

    /// The stored data a format-6 BLOB holds, with its text (read through `decodedBase`).
    private func innerBase(_ blob: [UInt8]) -> StoredData? {
        blob.withUnsafeBufferPointer { p -> StoredData? in
            guard let range = DeltaCodec.baseRange(p) else { return nil }
            let inner = UnsafeBufferPointer(rebasing: p[range])
            guard let text = try? decodedBase(inner) else { return nil }
            return StoredData(blob: Array(inner), text: text)
        }
    }

    /// The last new object's first state deflated in full, per resource: the base a later one of the same
    /// shape is logged against (`logDelta`).
    private var shapeBases: [String: StoredData] = [:]

    /// The first state of a new object as its change-log entry (format 6, `DeltaCodec`) against the last
    /// such state of its resource deflated in full, or nil when there is none or too little in common.
    /// The objects of one file or template differ in a few names, labels and ids: their states are
    /// logged without deflating each (the row's own data is encoded when it is written).
    func logDelta(_ text: String, resource: String) -> [UInt8]? {
        guard deltaFormat, let base = shapeBases[resource] else { return nil }
        return delta(text, against: base, &logState)
    }

    /// Keeps `encoded` (a new object's first state, deflated) as its resource's base for `logDelta`.
    func keepShapeBase(_ text: String, encoded: [UInt8]?, resource: String) {
        guard deltaFormat, let encoded, encoded.first == DataCodec.writeFormat else { return }
        shapeBases[resource] = StoredData(blob: encoded, text: text)
    }

    /// The last object of each resource whose stored data was deflated in full: the base the stored data
    /// of the next ones is written against (`encodeStored`).
    private var storedBases: [String: StoredData] = [:]

    /// Stored data is written as a delta only when at most this fraction (1/n) of it is literal: each
    /// such row holds its base besides (a few hundred bytes for a pod), so the rest must stay small.
    static let storedLiteralFraction = 8

    /// The bytes to store as the data of an object of `resource` (a row, and its change-log entry): as
    /// `encode(_:)`, except that an object with enough in common with the last one of its resource
    /// deflated in full is written as format 6 against that one's data (`DeltaCodec`). The pods of one
    /// file or template, and their statuses, differ in a few names, ids, addresses and times: each is
    /// written without deflating it, and reads back as the text given (format 6 reads in any store of
    /// schema v10 or later). Otherwise the object is deflated and is the base of the next ones.
    func encodeStored(_ text: String, resource: String) -> [UInt8]? {
        if eventFormat {
            var text = text
            if let bytes = text.withUTF8({ EventCodec.encode($0) }) { return bytes }
        }
        if deltaFormat, let base = storedBases[resource] {
            // Texts of very different lengths have too little in common: not looked at.
            let n = text.utf8.count, bn = base.text.utf8.count
            if n >= bn / 2 && n <= bn * 2,
               let bytes = delta(text, against: base, &storedState, literalFraction: DataCodec.storedLiteralFraction) {
                return bytes
            }
        }
        let encoded = encode(text, format: DataCodec.writeFormat)
        if deltaFormat, let encoded, encoded.first == DataCodec.writeFormat {
            storedBases[resource] = StoredData(blob: encoded, text: text)
        }
        return encoded
    }

    /// The bytes to store for a row's table cells, or nil to store them as text (short cells).
    func encodeCells(_ text: String) -> [UInt8]? {
        encode(text, format: DataCodec.cellsFormat)
    }

    /// The bytes to store for `text` in a given format (tests write the older ones).
    func encode(_ text: String, format: UInt8) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input -> [UInt8]? in
            guard input.count >= DataCodec.minimumLength else { return nil }
            return deflater.compress(input, format: format)
        }
    }

    /// The text of a stored BLOB.
    func decode(_ blob: UnsafeBufferPointer<UInt8>) throws -> String {
        guard let format = blob.first else { return "" }
        if format == EventCodec.format { return String(decoding: try EventCodec.decode(blob), as: UTF8.self) }
        if format == DeltaCodec.format { return try DeltaCodec.decode(blob) { try decodedBase($0) } }
        guard let dictionary = DataCodec.dictionary(format) else {
            throw StoreError.corrupt("object data in unknown format \(format)")
        }
        var length = 0, shift = 0, i = 1
        while i < blob.count {
            let b = blob[i]
            length |= Int(b & 0x7F) << shift
            i += 1
            if b & 0x80 == 0 { break }
            shift += 7
            if shift > 35 { throw StoreError.corrupt("object data length is damaged") }
        }
        guard length <= 1 << 30 else { throw StoreError.corrupt("object data length is damaged") }
        let body = UnsafeBufferPointer(rebasing: blob[i...])
        guard let text = inflater.decompress(body, length: length, dictionary: dictionary) else {
            throw StoreError.corrupt("object data does not decompress")
        }
        return text
    }

    /// The last base of a format-6 BLOB read, and its text: the stored data of many rows holds the same
    /// base (`encodeStored`), which is then expanded once.
    private var lastBase: StoredData?

    /// `decode` of the base a format-6 BLOB holds, through `lastBase`.
    private func decodedBase(_ blob: UnsafeBufferPointer<UInt8>) throws -> String {
        if let last = lastBase, last.blob.count == blob.count,
           last.blob.withUnsafeBytes({ memcmp($0.baseAddress!, blob.baseAddress!, blob.count) == 0 }) {
            return last.text
        }
        let text = try decode(blob)
        lastBase = StoredData(blob: Array(blob), text: text)
        return text
    }
}

/// `DeltaCodec.encode`'s working state for one stream of texts: the table of the base it was made for,
/// and the last text encoded against it.
struct DeltaState {
    var table: [UInt16] = []
    var tableBase: [UInt8] = []
    var memo = DeltaMemo()
}

/// An object's data as stored (a BLOB of format 1-6) and its text: the base of a logged state
/// (`DataCodec.encode(_:against:)`).
struct StoredData {
    var blob: [UInt8]
    var text: String
}

/// A deflate stream primed with the dictionary for each object.
private final class Deflater {
    private var stream = z_stream()
    private let ready: Bool

    init() {
        // Raw deflate (negative window bits: no zlib header or checksum; SQLite pages carry their own).
        // A smaller hash table than zlib's default (memory level 6): each object resets it. Level 6,
        // not 1: level 1 hardly looks for matches in the dictionary (an event took 216 bytes instead
        // of 158, a pod 384 instead of 314) and saves no time on objects this small.
        ready = deflateInit2_(&stream, 6, Z_DEFLATED, -15, 6, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                              Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit { if ready { deflateEnd(&stream) } }

    func compress(_ input: UnsafeBufferPointer<UInt8>, format: UInt8) -> [UInt8]? {
        guard ready, deflateReset(&stream) == Z_OK else { return nil }
        _ = DataCodec.dictionary(format)!.withUnsafeBufferPointer {
            deflateSetDictionary(&stream, $0.baseAddress, UInt32($0.count))
        }
        var header: [UInt8] = [format]
        var n = input.count
        repeat {
            header.append(UInt8(n & 0x7F) | (n >= 0x80 ? 0x80 : 0))
            n >>= 7
        } while n > 0
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var out = [UInt8](repeating: 0, count: header.count + bound)
        let written: Int? = out.withUnsafeMutableBufferPointer { buffer in
            for (i, b) in header.enumerated() { buffer[i] = b }
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            stream.next_out = buffer.baseAddress! + header.count
            stream.avail_out = UInt32(bound)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return nil }
            return header.count + bound - Int(stream.avail_out)
        }
        guard let written, written < input.count else { return nil }
        out.removeSubrange(written...)
        return out
    }
}

/// An inflate stream primed with the dictionary for each object.
private final class Inflater {
    private var stream = z_stream()
    private let ready: Bool

    init() {
        ready = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit { if ready { inflateEnd(&stream) } }

    func decompress(_ body: UnsafeBufferPointer<UInt8>, length: Int, dictionary: [UInt8]) -> String? {
        guard ready, inflateReset(&stream) == Z_OK else { return nil }
        let primed = dictionary.withUnsafeBufferPointer {
            inflateSetDictionary(&stream, $0.baseAddress, UInt32($0.count)) == Z_OK
        }
        guard primed else { return nil }
        var ok = false
        let text = String(unsafeUninitializedCapacity: max(length, 1)) { out in
            stream.next_in = UnsafeMutablePointer(mutating: body.baseAddress)
            stream.avail_in = UInt32(body.count)
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(length)
            ok = inflate(&stream, Z_FINISH) == Z_STREAM_END && stream.avail_out == 0
            return ok ? length : 0
        }
        return ok ? text : nil
    }
}
