/// The parts of a JSON document to build when parsing it (`JSON.parse(_:keeping:)`): the members named,
/// each with what to keep of it, through arrays to their elements; everything else is stepped over
/// without being built. For readers that need a few fields of many stored objects (`describe node`
/// over the pods of a node), where building each whole object is most of the cost.
public indirect enum JSONKeep: Sendable {
    case all
    case members([String: JSONKeep])

    /// The tree of dotted paths (`"spec.containers.resources"`): each path kept whole at its end.
    public init(paths: [String]) {
        var root: [String: JSONKeep] = [:]
        for path in paths { Self.insert(path.split(separator: ".").map(String.init)[...], into: &root) }
        self = .members(root)
    }

    private static func insert(_ path: ArraySlice<String>, into members: inout [String: JSONKeep]) {
        guard let head = path.first else { return }
        if path.count == 1 { members[head] = .all; return }
        if case .all? = members[head] { return }
        var inner: [String: JSONKeep] = [:]
        if case .members(let m)? = members[head] { inner = m }
        insert(path.dropFirst(), into: &inner)
        members[head] = .members(inner)
    }
}

extension JSON {
    /// `parse`, building only what `keep` names (a trusted document: what is skipped is not checked).
    public static func parse(_ text: String, keeping keep: JSONKeep) throws -> JSONValue {
        var copy = text
        return try copy.withUTF8 { bytes in
            var p = JSONByteParser(bytes: bytes)
            p.skipWhitespace()
            return try p.parseValue(depth: 0, keeping: keep)
        }
    }
}

extension JSONByteParser {
    mutating func parseValue(depth: Int, keeping keep: JSONKeep) throws -> JSONValue {
        guard case .members(let members) = keep, pos < bytes.count else { return try parseValue(depth: depth) }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            var obj = JSONObject()
            while true {
                skipWhitespace()
                guard pos < bytes.count else { throw error("unexpected end of JSON input") }
                if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(obj) }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                let key = try parseString()
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("invalid character after object key") }
                pos += 1
                skipWhitespace()
                if let inner = members[key] { obj[key] = try parseValue(depth: depth + 1, keeping: inner) } else { try skipValue() }
            }
        case UInt8(ascii: "["):
            pos += 1
            var arr: [JSONValue] = []
            while true {
                skipWhitespace()
                guard pos < bytes.count else { throw error("unexpected end of JSON input") }
                if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(arr) }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                arr.append(try parseValue(depth: depth + 1, keeping: keep))
            }
        default:
            return try parseValue(depth: depth)
        }
    }

    /// Steps over one value (strings with their escapes, nested objects and arrays) without building it.
    mutating func skipValue() throws {
        guard pos < bytes.count else { throw error("unexpected end of JSON input") }
        switch bytes[pos] {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var nesting = 0
            repeat {
                guard pos < bytes.count else { throw error("unexpected end of JSON input") }
                switch bytes[pos] {
                case UInt8(ascii: "\""): try skipString()
                case UInt8(ascii: "{"), UInt8(ascii: "["): nesting += 1; pos += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): nesting -= 1; pos += 1
                default: pos += 1
                }
            } while nesting > 0
        default:  // a number or a literal
            while pos < bytes.count {
                let c = bytes[pos]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { break }
                pos += 1
            }
        }
    }

    private mutating func skipString() throws {
        pos += 1
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") { pos += 1; return }
            pos += c == UInt8(ascii: "\\") ? 2 : 1
        }
        throw error("unexpected end of JSON input")
    }
}
