import KubeModel
import KubeRegistry

/// Table cells are computed when an object is written and stored beside it, so `get` on a large store
/// prints rows without decoding objects. The encoding is a flat string: cells separated by U+001F; a
/// time-dependent cell is U+001E, the epoch seconds, U+001D, prefix, U+001D, suffix.
public enum CellCodec {
    static let cellSep: Character = "\u{1F}"
    static let sinceMark: Character = "\u{1E}"
    static let partSep: Character = "\u{1D}"

    public static func encode(_ cells: [Cell]) -> String {
        var out = ""
        for (i, c) in cells.enumerated() {
            if i > 0 { out.append(cellSep) }
            switch c {
            case .text(let s):
                out += s.contains(where: { $0 == cellSep || $0 == sinceMark || $0 == partSep })
                    ? String(s.filter { $0 != cellSep && $0 != sinceMark && $0 != partSep }) : s
            case .since(let t, let p, let s):
                out.append(sinceMark)
                out += String(t.seconds)
                out.append(partSep); out += p
                out.append(partSep); out += s
            }
        }
        return out
    }

    public static func decode(_ text: String) -> [Cell] {
        if text.isEmpty { return [] }
        return text.split(separator: cellSep, omittingEmptySubsequences: false).map { part in
            if part.first == sinceMark {
                let pieces = part.dropFirst().split(separator: partSep, omittingEmptySubsequences: false)
                let secs = Int64(pieces.first ?? "") ?? 0
                return .since(Timestamp(seconds: secs), prefix: pieces.count > 1 ? String(pieces[1]) : "",
                              suffix: pieces.count > 2 ? String(pieces[2]) : "")
            }
            return .text(String(part))
        }
    }
}
