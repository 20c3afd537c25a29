import CZlib

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
    private var deltaTable: [UInt16] = []
    /// The base text `deltaTable` was made for (a pod's states are logged against the same stored data).
    private var deltaTableBase: [UInt8] = []
    /// The last state encoded against that base, whose shared parts the next one takes over.
    private var deltaMemo = DeltaMemo()

    /// The bytes to log for a state of an object whose stored data is `base`: format 6 (`DeltaCodec`)
    /// when the state has enough in common with it, else `encode(_:)`.
    func encode(_ text: String, against base: StoredData?) -> [UInt8]? {
        guard deltaFormat, let base else { return encode(text) }
        var text = text, baseText = base.text
        let delta = text.withUTF8 { t in
            baseText.withUTF8 { b in
                base.blob.withUnsafeBufferPointer { DeltaCodec.encode(t, base: b, baseBlob: $0, table: &deltaTable, tableBase: &deltaTableBase, memo: &deltaMemo) }
            }
        }
        return delta ?? encode(text)
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
        var text = text, baseText = base.text
        return text.withUTF8 { t in
            baseText.withUTF8 { b in
                base.blob.withUnsafeBufferPointer { DeltaCodec.encode(t, base: b, baseBlob: $0, table: &deltaTable, tableBase: &deltaTableBase, memo: &deltaMemo) }
            }
        }
    }

    /// Keeps `encoded` (a new object's first state, deflated) as its resource's base for `logDelta`.
    func keepShapeBase(_ text: String, encoded: [UInt8]?, resource: String) {
        guard deltaFormat, let encoded, encoded.first == DataCodec.writeFormat else { return }
        shapeBases[resource] = StoredData(blob: encoded, text: text)
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
        if format == DeltaCodec.format { return try DeltaCodec.decode(blob) { try decode($0) } }
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
}

/// An object's data as stored (a BLOB of format 1-5) and its text: the base of a logged state
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
