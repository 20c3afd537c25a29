import KubeModel
#if canImport(Glibc)
import Glibc
#endif

/// Format 5 (schema v9) of a stored object's data: an event's JSON as one of the few shapes the
/// recorders write (`skeletons`: the text with every string value emptied) and its string values, each
/// coded by what it is (`Slot`): a copy or a prefix of an earlier value, a uid as its 16 bytes, a time as
/// its seconds, a number, an event name as its object's name and its hexadecimal nanoseconds, or text
/// between two common phrases. No deflate stream is primed per event (the dictionary priming was most
/// of what writing an event cost in zlib), and a routine kubelet event takes about 100 bytes instead of
/// 130. What is read back is exactly the text written (see `encode`; a debug build decodes what it made
/// to check it); an event of another shape (a count above 1, a series, other fields) is deflated as before.
enum EventCodec {
    static let format: UInt8 = 5

    /// The prefix every event's stored JSON starts with (the encoder looks no further at other texts).
    static let prefix: [UInt8] = Array(#"{"apiVersion":"v1","kind":"Event","metadata":{"name":""#.utf8)

    /// The shapes of the events written most: a kubelet's routine event about a container of a pod,
    /// the same about the pod, the scheduler's `Scheduled`, a controller's event about its object.
    /// Never edit one: stored rows name them by position; append new ones.
    static let skeletons: [String] = [
        #"{"apiVersion":"","kind":"","metadata":{"name":"","namespace":"","uid":"","creationTimestamp":"","resourceVersion":""},"involvedObject":{"apiVersion":"","kind":"","name":"","fieldPath":"","namespace":"","resourceVersion":"","uid":""},"reason":"","message":"","source":{"component":"","host":""},"firstTimestamp":"","lastTimestamp":"","count":1,"type":"","eventTime":null,"reportingComponent":"","reportingInstance":""}"#,
        #"{"apiVersion":"","kind":"","metadata":{"name":"","namespace":"","uid":"","creationTimestamp":"","resourceVersion":""},"involvedObject":{"apiVersion":"","kind":"","name":"","namespace":"","resourceVersion":"","uid":""},"reason":"","message":"","source":{"component":"","host":""},"firstTimestamp":"","lastTimestamp":"","count":1,"type":"","eventTime":null,"reportingComponent":"","reportingInstance":""}"#,
        #"{"apiVersion":"","kind":"","metadata":{"name":"","namespace":"","uid":"","creationTimestamp":"","resourceVersion":""},"involvedObject":{"apiVersion":"","kind":"","name":"","namespace":"","resourceVersion":"","uid":""},"reason":"","message":"","source":{},"firstTimestamp":null,"lastTimestamp":null,"type":"","eventTime":"","action":"","reportingComponent":"","reportingInstance":""}"#,
        #"{"apiVersion":"","kind":"","metadata":{"name":"","namespace":"","uid":"","creationTimestamp":"","resourceVersion":""},"involvedObject":{"apiVersion":"","kind":"","name":"","namespace":"","resourceVersion":"","uid":""},"reason":"","message":"","source":{"component":""},"firstTimestamp":"","lastTimestamp":"","count":1,"type":"","eventTime":null,"reportingComponent":"","reportingInstance":""}"#,
    ]

    /// Common beginnings and ends of values (raw JSON string contents: `\"` is two bytes). Index 0 is
    /// the empty phrase. Never edit one: stored rows name them by position; append new ones.
    static let phrases: [[UInt8]] = [
        "", "Started container ", "Created container: ", "Stopping container ", #"Container image \""#,
        #"\" already present on machine"#, "spec.containers{", "}", "Successfully assigned ", "Normal", "Pod", "v1",
        "kubelet", "Pulled", "Created", "Started", "Killing", "Scheduled", "default-scheduler", "default-scheduler-",
        "Binding", "Warning", "spec.initContainers{", #"Pulling image \""#, #"\""#, "node-", "Successfully pulled image ",
        "replicaset-controller", "SuccessfulCreate", "Created pod: ", "SuccessfulDelete", "Deleted pod: ", " to ",
        "Event", "Pulling", "deployment-controller", "ScalingReplicaSet", "ReplicaSet", "Deployment", "apps/v1",
        "Scaled up replica set ", "Scaled down replica set ", " from ",
    ].map { Array($0.utf8) }

    /// The positions of the non-empty phrases by their first byte, and by their last, in order.
    static let phrasesByFirstByte: [[Int]] = (0..<256).map { b in phrases.indices.filter { phrases[$0].first == UInt8(b) } }
    static let phrasesByLastByte: [[Int]] = (0..<256).map { b in phrases.indices.filter { phrases[$0].last == UInt8(b) } }

    /// Each skeleton cut at its string values: the bytes before value i are `segments[i]` (its opening
    /// quote included), the last segment follows the last value.
    static let segments: [[[UInt8]]] = skeletons.map { split(Array($0.utf8)) }

    /// The value tags.
    enum Tag: UInt8 {
        /// The same as value `j` (a byte).
        case copy = 0
        /// A uid in the API server's form (lowercase 8-4-4-4-12 hex): its 16 bytes.
        case uid = 1
        /// `YYYY-MM-DDTHH:MM:SSZ`: its seconds since 1970 (a varint).
        case time = 2
        /// Decimal digits without a leading zero (up to 18): the number (a varint).
        case number = 3
        /// `<text>.<lowercase hex without leading zeros>` (an event's name): the text, then the number.
        case dotHex = 4
        /// The first `L` bytes of value `j` (a byte, then L as a varint).
        case prefix = 5
        /// Phrase `p`, text, phrase `s` (two bytes, then the text).
        case phrased = 6
        /// Text as it is (length varint, bytes).
        case raw = 7
        /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` (a MicroTime): its seconds, then its microseconds.
        case microTime = 8
    }
    /// A tag byte of `constant + p` (p < 96): phrase p itself; of `shortCopy + j` (j < 128): the same as value j.
    static let constant: UInt8 = 32
    static let shortCopy: UInt8 = 128

    /// The stored bytes of an event's JSON `text`, or nil when it is not of a known shape.
    static func encode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count > prefix.count, hasPrefix(text, prefix) else { return nil }
        let n = text.count
        guard let base = text.baseAddress else { return nil }
        var values: [Range<Int>] = []
        values.reserveCapacity(24)
        // The skeleton (the text with its string values emptied) is written into a buffer of the text's
        // size (it is never longer), then looked up among the known ones by length and bytes.
        let shape: Int? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { skeleton -> Int? in
            var w = 0
            var i = 0
            while i < n {
                let b = base[i]
                guard b == 0x22 else {
                    skeleton[w] = b
                    w += 1
                    i += 1
                    continue
                }
                // A string: find its closing quote.
                var j = i + 1
                while j < n && base[j] != 0x22 { j += base[j] == 0x5C ? 2 : 1 }
                guard j < n else { return nil }
                if j + 1 < n && base[j + 1] == 0x3A {
                    let length = j - i + 1
                    (skeleton.baseAddress! + w).update(from: base + i, count: length)
                    w += length
                } else {
                    skeleton[w] = 0x22
                    skeleton[w + 1] = 0x22
                    w += 2
                    values.append(i + 1 ..< j)
                }
                i = j + 1
            }
            let written = UnsafeBufferPointer(start: skeleton.baseAddress, count: w)
            return skeletonBytes.firstIndex { $0.count == w && equal(written, $0) }
        }
        guard let shape, values.count < 256 else { return nil }
        var out: [UInt8] = [format, UInt8(shape)]
        out.reserveCapacity(160)
        for (k, range) in values.enumerated() {
            encodeValue(UnsafeBufferPointer(rebasing: text[range]), k: k, values: values, text: text, into: &out)
        }
        // It reads back as the same text, without decoding it here (that was a third of the encoder's
        // instructions): `decode` writes segment 0, value 0, segment 1, ... and the last segment. The
        // segments are the skeleton's bytes between its value slots (`split` finds the slots with the
        // scan above, on the same bytes: the keys and everything outside strings were copied), so they
        // are the text's bytes between its values; and each value's code gives its bytes back: a copy or
        // prefix only of an earlier value (whose bytes come back, by induction) after comparing the
        // bytes; a uid only in lowercase 8-4-4-4-12 form (written back so); a time only when writing its
        // seconds back gives the same text (`parseTime`), a micro time the same with six digits that are
        // written back with their zeros; a number or hexadecimal only without a leading zero (written
        // back so); a phrase or phrased text only after comparing the phrase's bytes; the rest as it is.
        // The tag bytes never collide (tags < 32 <= phrases < 128 <= copies, 256 values at most), and
        // `EventCodecTests.everyKindOfValueReadsBackInEveryShape` tries each kind in each shape.
        assert(readsBack(out, as: text), "format 5 does not read back as the event's text")
        return out
    }

    /// Whether `blob` decodes to `text` (the debug build's check of `encode`).
    static func readsBack(_ blob: [UInt8], as text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let back = blob.withUnsafeBufferPointer({ try? decode($0) }) else { return false }
        return back.withUnsafeBufferPointer { equal($0, text) }
    }

    /// The skeletons' bytes, by position.
    static let skeletonBytes: [[UInt8]] = skeletons.map { Array($0.utf8) }

    /// Whether two byte runs are the same (lengths and bytes).
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { equal(a, $0) }
    }

    /// Whether `a` starts with `p`.
    @inline(__always)
    static func hasPrefix(_ a: UnsafeBufferPointer<UInt8>, _ p: [UInt8]) -> Bool {
        a.count >= p.count && (p.isEmpty || p.withUnsafeBufferPointer { memcmp(a.baseAddress!, $0.baseAddress!, p.count) == 0 })
    }

    /// Whether `a` ends with `s`.
    @inline(__always)
    static func hasSuffix(_ a: UnsafeBufferPointer<UInt8>, _ s: [UInt8]) -> Bool {
        a.count >= s.count
            && (s.isEmpty || s.withUnsafeBufferPointer { memcmp(a.baseAddress! + (a.count - s.count), $0.baseAddress!, s.count) == 0 })
    }

    private static func encodeValue(_ v: UnsafeBufferPointer<UInt8>, k: Int, values: [Range<Int>], text: UnsafeBufferPointer<UInt8>,
                                     into out: inout [UInt8]) {
        // The same as an earlier value, or the beginning of one (an event's object's name).
        var bestPrefix: (j: Int, length: Int)?
        for j in 0..<k {
            let other = UnsafeBufferPointer(rebasing: text[values[j]])
            if equal(other, v) {
                if j < 128 {
                    out.append(shortCopy + UInt8(j))
                } else {
                    out.append(Tag.copy.rawValue)
                    out.append(UInt8(j))
                }
                return
            }
            if bestPrefix == nil && v.count >= 4 && other.count > v.count && memcmp(other.baseAddress!, v.baseAddress!, v.count) == 0 {
                bestPrefix = (j, v.count)
            }
        }
        if v.count == 36, let bytes = uidBytes(v) {
            out.append(Tag.uid.rawValue)
            out.append(contentsOf: bytes)
            return
        }
        if v.count == 20, let seconds = parseTime(v) {
            out.append(Tag.time.rawValue)
            appendVarint(&out, UInt64(seconds))
            return
        }
        if v.count == 27, v[19] == 0x2E, v[26] == 0x5A, let seconds = parseTime(UnsafeBufferPointer(rebasing: v[0..<19]), zone: false),
           let micros = parseDigits(UnsafeBufferPointer(rebasing: v[20..<26]), leadingZeros: true) {
            out.append(Tag.microTime.rawValue)
            appendVarint(&out, UInt64(seconds))
            appendVarint(&out, micros)
            return
        }
        if let number = parseDigits(v, leadingZeros: false) {
            out.append(Tag.number.rawValue)
            appendVarint(&out, number)
            return
        }
        if let (j, length) = bestPrefix {
            out.append(Tag.prefix.rawValue)
            out.append(UInt8(j))
            appendVarint(&out, UInt64(length))
            return
        }
        if let dot = v.lastIndex(of: 0x2E), dot > 0, let number = parseHex(UnsafeBufferPointer(rebasing: v[(dot + 1)...])) {
            out.append(Tag.dotHex.rawValue)
            appendVarint(&out, UInt64(dot))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: v[..<dot]))
            appendVarint(&out, number)
            return
        }
        // Only the phrases that start with the value's first byte (end with its last) can match: those
        // are tried, in the same order, so the choice is the one a scan of all of them makes.
        let first = v.isEmpty ? nil : phrasesByFirstByte[Int(v[0])]
        if v.isEmpty {
            out.append(constant)    // phrase 0, the empty one
            return
        }
        if let id = first?.first(where: { equal(v, phrases[$0]) }), id < 96 {
            out.append(constant + UInt8(id))
            return
        }
        // The longest phrase it starts with and the longest it ends with (not overlapping).
        var (p, s, pl, sl) = (0, 0, 0, 0)
        for id in first ?? [] where phrases[id].count > pl && hasPrefix(v, phrases[id]) {
            (p, pl) = (id, phrases[id].count)
        }
        for id in phrasesByLastByte[Int(v[v.count - 1])] where phrases[id].count > sl && v.count - pl >= phrases[id].count
            && hasSuffix(v, phrases[id]) {
            (s, sl) = (id, phrases[id].count)
        }
        if pl + sl >= 2 {
            out.append(Tag.phrased.rawValue)
            out.append(UInt8(p))
            out.append(UInt8(s))
            appendVarint(&out, UInt64(v.count - pl - sl))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: v[pl..<(v.count - sl)]))
            return
        }
        out.append(Tag.raw.rawValue)
        appendVarint(&out, UInt64(v.count))
        out.append(contentsOf: v)
    }

    /// The text of a format-5 blob.
    static func decode(_ blob: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        guard blob.count >= 2, blob[0] == format, Int(blob[1]) < segments.count else {
            throw StoreError.corrupt("event data in an unknown shape")
        }
        let parts = segments[Int(blob[1])]
        var values: [Range<Int>] = []
        values.reserveCapacity(parts.count - 1)
        var out: [UInt8] = []
        out.reserveCapacity(640)
        var r = Reader(blob: blob, at: 2)
        for k in 0..<(parts.count - 1) {
            out.append(contentsOf: parts[k])
            let start = out.count
            let tagByte = try r.byte()
            if tagByte >= shortCopy || tagByte >= constant {
                if tagByte >= shortCopy {
                    let j = Int(tagByte - shortCopy)
                    guard j < values.count else { throw StoreError.corrupt("event data is damaged") }
                    for at in values[j] { out.append(out[at]) }
                } else {
                    let p = Int(tagByte - constant)
                    guard p < phrases.count else { throw StoreError.corrupt("event data is damaged") }
                    out.append(contentsOf: phrases[p])
                }
                values.append(start ..< out.count)
                continue
            }
            guard let tag = Tag(rawValue: tagByte) else { throw StoreError.corrupt("event data is damaged") }
            switch tag {
            case .copy, .prefix:
                let j = Int(try r.byte())
                guard j < values.count else { throw StoreError.corrupt("event data is damaged") }
                let other = values[j]
                let length = tag == .copy ? other.count : Int(try r.varint())
                guard length <= other.count else { throw StoreError.corrupt("event data is damaged") }
                for at in other.lowerBound ..< other.lowerBound + length { out.append(out[at]) }
            case .uid:
                let bytes = try r.bytes(16)
                appendUID(&out, bytes)
            case .time:
                appendTime(&out, Int64(try r.varint()), zone: true)
            case .microTime:
                appendTime(&out, Int64(try r.varint()), zone: false)
                let micros = String(try r.varint())
                guard micros.utf8.count <= 6 else { throw StoreError.corrupt("event data is damaged") }
                out.append(0x2E)
                out.append(contentsOf: repeatElement(UInt8(0x30), count: 6 - micros.utf8.count))
                out.append(contentsOf: micros.utf8)
                out.append(0x5A)
            case .number:
                out.append(contentsOf: String(try r.varint()).utf8)
            case .dotHex:
                let length = Int(try r.varint())
                out.append(contentsOf: try r.bytes(length))
                out.append(0x2E)
                out.append(contentsOf: String(try r.varint(), radix: 16).utf8)
            case .phrased:
                let p = Int(try r.byte()), s = Int(try r.byte())
                guard p < phrases.count, s < phrases.count else { throw StoreError.corrupt("event data is damaged") }
                let length = Int(try r.varint())
                out.append(contentsOf: phrases[p])
                out.append(contentsOf: try r.bytes(length))
                out.append(contentsOf: phrases[s])
            case .raw:
                out.append(contentsOf: try r.bytes(Int(try r.varint())))
            }
            values.append(start ..< out.count)
        }
        out.append(contentsOf: parts[parts.count - 1])
        guard r.at == blob.count else { throw StoreError.corrupt("event data is damaged") }
        return out
    }

    // MARK: pieces

    static func split(_ skeleton: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < skeleton.count {
            let b = skeleton[i]
            if b == 0x22 {
                var j = i + 1
                while j < skeleton.count && skeleton[j] != 0x22 { j += skeleton[j] == 0x5C ? 2 : 1 }
                if j == i + 1 && !(j + 1 < skeleton.count && skeleton[j + 1] == 0x3A) {
                    current.append(0x22)
                    parts.append(current)
                    current = [0x22]
                } else {
                    current.append(contentsOf: skeleton[i...min(j, skeleton.count - 1)])
                }
                i = j + 1
            } else {
                current.append(b)
                i += 1
            }
        }
        parts.append(current)
        return parts
    }

    struct Reader {
        let blob: UnsafeBufferPointer<UInt8>
        var at: Int

        init(blob: UnsafeBufferPointer<UInt8>, at: Int) {
            self.blob = blob
            self.at = at
        }

        mutating func byte() throws -> UInt8 {
            guard at < blob.count else { throw StoreError.corrupt("event data is cut short") }
            defer { at += 1 }
            return blob[at]
        }

        mutating func bytes(_ n: Int) throws -> UnsafeBufferPointer<UInt8> {
            guard n >= 0, at + n <= blob.count else { throw StoreError.corrupt("event data is cut short") }
            defer { at += n }
            return UnsafeBufferPointer(rebasing: blob[at ..< at + n])
        }

        mutating func varint() throws -> UInt64 {
            var v: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                v |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return v }
                shift += 7
                if shift > 63 { throw StoreError.corrupt("event data is damaged") }
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The 16 bytes of a lowercase 8-4-4-4-12 uid.
    static func uidBytes(_ v: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        var high: UInt8?
        for (i, c) in v.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == 0x2D else { return nil }
                continue
            }
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | d)
                high = nil
            } else {
                high = d
            }
        }
        return out.count == 16 ? out : nil
    }

    static func appendUID(_ out: inout [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) {
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(0x2D) }
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0xF)])
        }
    }

    /// Digits (at most 18) as a number; without `leadingZeros`, "0" or digits not starting with 0.
    static func parseDigits(_ v: UnsafeBufferPointer<UInt8>, leadingZeros: Bool) -> UInt64? {
        guard !v.isEmpty, v.count <= 18, leadingZeros || v[0] != 0x30 || v.count == 1 else { return nil }
        var n: UInt64 = 0
        for c in v {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + UInt64(c - 0x30)
        }
        return n
    }

    /// Lowercase hex without a leading zero (at most 16 digits) as a number.
    static func parseHex(_ v: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !v.isEmpty, v.count <= 16, v[0] != 0x30 else { return nil }
        var n: UInt64 = 0
        for c in v {
            switch c {
            case 0x30...0x39: n = n << 4 | UInt64(c - 0x30)
            case 0x61...0x66: n = n << 4 | UInt64(c - 0x61 + 10)
            default: return nil
            }
        }
        return n
    }

    /// `YYYY-MM-DDTHH:MM:SS` (then `Z` with `zone`) between 1970 and 9999 as seconds since 1970,
    /// when writing those seconds back gives the same text.
    static func parseTime(_ v: UnsafeBufferPointer<UInt8>, zone: Bool = true) -> Int64? {
        guard v.count == (zone ? 20 : 19), v[4] == 0x2D, v[7] == 0x2D, v[10] == 0x54, v[13] == 0x3A, v[16] == 0x3A,
              !zone || v[19] == 0x5A else { return nil }
        func num(_ a: Int, _ b: Int) -> Int64? { parseDigits(UnsafeBufferPointer(rebasing: v[a..<b]), leadingZeros: true).map { Int64($0) } }
        guard let y = num(0, 4), let mo = num(5, 7), let d = num(8, 10), let h = num(11, 13), let mi = num(14, 16),
              let s = num(17, 19), y >= 1970, (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 60 else { return nil }
        let seconds = Int64(daysFromCivil(Int(y), Int(mo), Int(d))) * 86_400 + h * 3600 + mi * 60 + s
        var back: [UInt8] = []
        appendTime(&back, seconds, zone: zone)
        return back.elementsEqual(v) ? seconds : nil
    }

    static func appendTime(_ out: inout [UInt8], _ seconds: Int64, zone: Bool) {
        let days = seconds / 86_400, rest = seconds % 86_400
        let (yi, mi, di) = civilFromDays(Int(days))
        let (y, m, d) = (Int64(yi), Int64(mi), Int64(di))
        func two(_ v: Int64) { out.append(0x30 + UInt8(v / 10)); out.append(0x30 + UInt8(v % 10)) }
        two(y / 100 % 100)
        two(y % 100)
        out.append(0x2D)
        two(m)
        out.append(0x2D)
        two(d)
        out.append(0x54)
        two(rest / 3600)
        out.append(0x3A)
        two(rest / 60 % 60)
        out.append(0x3A)
        two(rest % 60)
        if zone { out.append(0x5A) }
    }
}
