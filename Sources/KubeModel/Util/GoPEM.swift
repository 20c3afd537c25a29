/// Go's `pem.Decode` read over a whole input: the blocks it accepts, in order. A block counts only when
/// its BEGIN line ends in five dashes, a matching END line follows (only white space after it on that
/// line) and its body, spaces and tabs removed, is padded standard base64; anything else is skipped
/// and the search goes on after the BEGIN that failed. `Key: value` lines before the body are headers.
public enum GoPEM {
    public struct Block: Equatable {
        public var type: String
        public var bytes: [UInt8]
    }

    public static func blocks(_ data: [UInt8]) -> [Block] {
        var out: [Block] = []
        var rest = data[...]
        while let (block, after) = decodeOne(rest) {
            out.append(block)
            rest = after
        }
        return out
    }

    private static let begin = Array("-----BEGIN ".utf8), end = Array("-----END ".utf8), dashes = Array("-----".utf8)

    private static func decodeOne(_ data: ArraySlice<UInt8>) -> (Block, ArraySlice<UInt8>)? {
        var rest = data
        while true {
            if rest.starts(with: begin) {
                rest = rest.dropFirst(begin.count)
            } else if let i = find([0x0A] + begin, in: rest) {
                rest = rest[(i + 1 + begin.count)...]
            } else {
                return nil
            }
            let (typeLine, afterType) = line(rest)
            rest = afterType
            guard typeLine.count >= dashes.count, typeLine.suffix(dashes.count).elementsEqual(dashes) else { continue }
            let type = Array(typeLine.dropLast(dashes.count))
            var sawHeader = false
            var body = rest
            while !body.isEmpty {
                let (l, next) = line(body)
                guard l.contains(UInt8(ascii: ":")) else { break }
                sawHeader = true
                body = next
            }
            if body.isEmpty { return nil }
            let endIndex: Int, trailerIndex: Int
            if !sawHeader, body.starts(with: end) {
                endIndex = body.startIndex
                trailerIndex = body.startIndex + end.count
            } else if let i = find([0x0A] + end, in: body) {
                endIndex = i
                trailerIndex = i + 1 + end.count
            } else {
                continue
            }
            let trailer = body[trailerIndex...]
            let trailerLen = type.count + dashes.count
            guard trailer.count >= trailerLen,
                  trailer.prefix(type.count).elementsEqual(type),
                  trailer.dropFirst(type.count).prefix(dashes.count).elementsEqual(dashes),
                  line(trailer.dropFirst(trailerLen)).0.isEmpty else { continue }
            let encoded = body[body.startIndex..<endIndex].filter { $0 != 0x20 && $0 != 0x09 }
            guard case .success(let bytes) = GoBase64.decode(String(decoding: encoded, as: UTF8.self)) else { continue }
            return (Block(type: String(decoding: type, as: UTF8.self), bytes: bytes), line(body[trailerIndex...]).1)
        }
    }

    /// One line without its newline and trailing spaces, tabs and carriage returns; and what follows it.
    private static func line(_ data: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        let nl = data.firstIndex(of: 0x0A)
        var l = data[data.startIndex..<(nl ?? data.endIndex)]
        while let last = l.last, last == 0x20 || last == 0x09 || last == 0x0D { l = l.dropLast() }
        return (l, nl.map { data[($0 + 1)...] } ?? data[data.endIndex...])
    }

    private static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        while i <= hay.endIndex - needle.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
