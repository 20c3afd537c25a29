import KubeModel

/// Table cells are computed when an object is written and stored beside it, so `get` on a large store
/// prints rows without decoding objects. The encoding is a flat string: cells separated by U+001F; a
/// time-dependent cell is U+001E, the epoch seconds, U+001D, prefix, U+001D, suffix.
public enum CellCodec {
    /// Written as UTF-8 bytes: a text cell loses the three separators (each a control character, so
    /// always a character of its own: dropping its byte is dropping that character).
    public static func encode(_ cells: [Cell]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        for (i, c) in cells.enumerated() {
            if i > 0 { out.append(0x1F) }
            switch c {
            case .text(let s):
                for b in s.utf8 where b != 0x1F && b != 0x1E && b != 0x1D { out.append(b) }
            case .since(let t, let p, let s):
                out.append(0x1E)
                out.append(contentsOf: String(t.seconds).utf8)
                out.append(0x1D); out.append(contentsOf: p.utf8)
                out.append(0x1D); out.append(contentsOf: s.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [Cell] {
        if text.isEmpty { return [] }
        var cells: [Cell] = []
        cells.reserveCapacity(8)
        var copy = text
        copy.withUTF8 { buf in
            var start = 0
            var i = 0
            let n = buf.count
            while i <= n {
                if i == n || buf[i] == 0x1F {
                    cells.append(cell(UnsafeBufferPointer(rebasing: buf[start..<i])))
                    start = i + 1
                }
                i += 1
            }
        }
        return cells
    }

    /// Renders the encoded cells at `now` straight into `out`, keeping only the indices in `keep`
    /// (ascending): the fast path of large tables, with no intermediate `Cell` values.
    public static func render(_ text: String, now: Timestamp, keep: [Int], into out: inout [String]) {
        var copy = text
        copy.withUTF8 { buf in
            var start = 0
            var index = 0
            var k = 0
            let n = buf.count
            var i = 0
            while i <= n && k < keep.count {
                if i == n || buf[i] == 0x1F {
                    if index == keep[k] {
                        let b = UnsafeBufferPointer(rebasing: buf[start..<i])
                        out.append(b.first == 0x1E ? cell(b).render(now: now) : String(decoding: b, as: UTF8.self))
                        k += 1
                    }
                    index += 1
                    start = i + 1
                }
                i += 1
            }
        }
    }

    private static func cell(_ b: UnsafeBufferPointer<UInt8>) -> Cell {
        guard let first = b.first, first == 0x1E else { return .text(String(decoding: b, as: UTF8.self)) }
        // U+001E, seconds, U+001D, prefix, U+001D, suffix
        var i = 1
        var negative = false
        if i < b.count, b[i] == 0x2D { negative = true; i += 1 }
        var secs: Int64 = 0
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { secs = secs * 10 + Int64(b[i] - 0x30); i += 1 }
        if negative { secs = -secs }
        var prefix = ""
        var suffix = ""
        if i < b.count, b[i] == 0x1D {
            i += 1
            let p0 = i
            while i < b.count, b[i] != 0x1D { i += 1 }
            if i > p0 { prefix = String(decoding: UnsafeBufferPointer(rebasing: b[p0..<i]), as: UTF8.self) }
            if i < b.count { i += 1 }
            if i < b.count { suffix = String(decoding: UnsafeBufferPointer(rebasing: b[i..<b.count]), as: UTF8.self) }
        }
        return .since(Timestamp(seconds: secs), prefix: prefix, suffix: suffix)
    }
}
