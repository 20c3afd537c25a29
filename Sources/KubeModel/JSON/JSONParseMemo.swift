#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The objects and arrays the parser read last, by where they were in their document (the keys and
/// array indexes from the top), with their text: a later document with the very same bytes at the same
/// place takes the value already built instead of building it again. Stored objects of one kind repeat
/// most of their parts from one to the next (a pod's managed fields, conditions, tolerations, volume
/// sources); building those parts (two arrays per object, a string per key) and freeing them again is
/// where a reader of many such objects spends much of its time (`delete pods --all`: about a tenth of
/// its instructions, bench/HISTORY.md). The value is shared, as any copy of a `JSONValue` is: the same
/// bytes parse to the same value, so sharing it is not seen (a change copies it).
///
/// Kept between parses on one thread at a time (`take`/`putBack`); a parse that finds it taken by
/// another thread parses without it. At most `slots` parts of at most `maxLength` bytes each are kept.
struct JSONParseMemo: Sendable {
    static let slots = 256
    static let minLength = 24
    static let maxLength = 2048
    /// Deeper parts are always built: a part kept is at most `maxLength` bytes, so it nests less than
    /// `maxLength / 2` levels, and taken at this depth or above it stays far from the parser's
    /// 10,000-level limit.
    static let maxDepth = 64

    private var paths: [UInt64]
    private var texts: [[UInt8]]
    private var values: [JSONValue]
    /// Whether the part's text has whitespace between its tokens.
    private var spaced: [Bool]

    init() {
        paths = Array(repeating: 0, count: Self.slots)
        texts = Array(repeating: [], count: Self.slots)
        values = Array(repeating: .null, count: Self.slots)
        spaced = Array(repeating: false, count: Self.slots)
    }

    /// The place of a document's top value.
    static let root: UInt64 = 0xCBF2_9CE4_8422_2325

    static func slot(_ path: UInt64) -> Int { Int(truncatingIfNeeded: path >> 56) }

    /// The value kept for `path` when the bytes from `at` on start with its text; its text's length,
    /// and whether the text has whitespace between tokens.
    func match(_ path: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> (JSONValue, Int, Bool)? {
        let s = Self.slot(path)
        guard paths[s] == path else { return nil }
        return texts[s].withUnsafeBufferPointer { t -> (JSONValue, Int, Bool)? in
            let n = t.count
            guard n > 0, at + n <= bytes.count, memcmp(bytes.baseAddress! + at, t.baseAddress!, n) == 0 else { return nil }
            return (values[s], n, spaced[s])
        }
    }

    mutating func keep(_ path: UInt64, _ text: UnsafeBufferPointer<UInt8>, _ value: JSONValue, spaced: Bool) {
        let s = Self.slot(path)
        paths[s] = path
        texts[s].removeAll(keepingCapacity: true)
        texts[s].append(contentsOf: text)
        values[s] = value
        self.spaced[s] = spaced
    }

    private static let shared = Mutex<JSONParseMemo?>(JSONParseMemo())

    /// The memo for one parse, nil while another parse has it.
    static func take() -> JSONParseMemo? { shared.withLock { m in let taken = m; m = nil; return taken } }
    static func putBack(_ memo: JSONParseMemo) { shared.withLock { $0 = memo } }

    /// The place of a member of the part at `path`: its key's bytes as written (escapes included).
    static func path(_ parent: UInt64, key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress.map(UnsafeRawPointer.init) else { return path(parent, index: -2) }
        var h = parent ^ UInt64(truncatingIfNeeded: key.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < key.count { tail = tail << 8 | UInt64(key[i]); i += 1 }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        return h ^ h >> 31
    }

    /// The place of an array's element.
    static func path(_ parent: UInt64, index: Int) -> UInt64 {
        let h = (parent ^ UInt64(truncatingIfNeeded: index &+ 1) &* 0x94D0_49BB_1331_11EB) &* 0xBF58_476D_1CE4_E5B9
        return h ^ h >> 31
    }
}
