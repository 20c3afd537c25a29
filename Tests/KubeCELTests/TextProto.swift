// A small reader for protobuf text format, enough for the CEL conformance data files:
// `field: scalar`, `field { ... }`, `field: { ... }`, `[a, b]` lists, comments, string escapes.

struct TextProto {
    indirect enum Node {
        case scalar(String)      // numbers and enum identifiers as written
        case string([UInt8])
        case message(Message)
    }

    struct Field { var name: String; var node: Node }

    struct Message {
        var fields: [Field] = []
        func all(_ name: String) -> [Node] { fields.filter { $0.name == name }.map(\.node) }
        func first(_ name: String) -> Node? { fields.first { $0.name == name }?.node }
        func message(_ name: String) -> Message? { if case .message(let m)? = first(name) { return m }; return nil }
        func messages(_ name: String) -> [Message] { all(name).compactMap { if case .message(let m) = $0 { return m }; return nil } }
        func string(_ name: String) -> String? {
            if case .string(let b)? = first(name) { return String(decoding: b, as: UTF8.self) }
            return nil
        }
        func scalar(_ name: String) -> String? { if case .scalar(let s)? = first(name) { return s }; return nil }
    }

    struct ParseError: Error { var message: String }

    let b: [UInt8]
    var i = 0

    static func parse(_ text: String) throws -> Message {
        var p = TextProto(b: Array(text.utf8))
        return try p.fields(until: nil)
    }

    mutating func skip() {
        while i < b.count {
            if b[i] == 35 { while i < b.count, b[i] != 10 { i += 1 }; continue }
            if b[i] == 32 || b[i] == 10 || b[i] == 9 || b[i] == 13 { i += 1; continue }
            return
        }
    }

    static func isWord(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 46 || c == 45 || c == 43
    }

    mutating func word() throws -> String {
        let s = i
        while i < b.count, Self.isWord(b[i]) { i += 1 }
        guard i > s else { throw ParseError(message: "expected a word at \(i)") }
        return String(decoding: b[s..<i], as: UTF8.self)
    }

    mutating func fields(until close: UInt8?) throws -> Message {
        var m = Message()
        while true {
            skip()
            if i >= b.count {
                if close == nil { return m }
                throw ParseError(message: "unexpected end")
            }
            if let close, b[i] == close { i += 1; return m }
            if b[i] == 91 {  // [type.googleapis.com/...] extension/Any names
                while i < b.count, b[i] != 93 { i += 1 }
                i += 1
                skip()
                if b[i] == 58 { i += 1 }
                skip()
                _ = try value()
                continue
            }
            let name = try word()
            skip()
            if b[i] == 58 { i += 1; skip() }
            if b[i] == 91 {  // repeated values
                i += 1
                while true {
                    skip()
                    if b[i] == 93 { i += 1; break }
                    m.fields.append(Field(name: name, node: try value()))
                    skip()
                    if b[i] == 44 { i += 1 }
                }
            } else {
                m.fields.append(Field(name: name, node: try value()))
            }
            skip()
            if i < b.count, b[i] == 44 || b[i] == 59 { i += 1 }
        }
    }

    mutating func value() throws -> Node {
        skip()
        if b[i] == 123 || b[i] == 60 {
            let close: UInt8 = b[i] == 123 ? 125 : 62
            i += 1
            return .message(try fields(until: close))
        }
        if b[i] == 34 || b[i] == 39 {
            var out: [UInt8] = []
            while i < b.count, b[i] == 34 || b[i] == 39 {
                out += try quoted()
                skip()
            }
            return .string(out)
        }
        return .scalar(try word())
    }

    mutating func quoted() throws -> [UInt8] {
        let q = b[i]
        i += 1
        var out: [UInt8] = []
        while i < b.count, b[i] != q {
            if b[i] != 92 { out.append(b[i]); i += 1; continue }
            i += 1
            let c = b[i]
            i += 1
            switch c {
            case 110: out.append(10)
            case 116: out.append(9)
            case 114: out.append(13)
            case 97: out.append(7)
            case 98: out.append(8)
            case 102: out.append(12)
            case 118: out.append(11)
            case 120, 88:
                var v = 0, n = 0
                while n < 2, i < b.count, let d = Int(String(UnicodeScalar(b[i])), radix: 16) { v = v * 16 + d; i += 1; n += 1 }
                out.append(UInt8(v))
            case 48...55:
                var v = Int(c - 48), n = 1
                while n < 3, i < b.count, b[i] >= 48, b[i] <= 55 { v = v * 8 + Int(b[i] - 48); i += 1; n += 1 }
                out.append(UInt8(v & 0xFF))
            case 117, 85:
                var v: UInt32 = 0
                for _ in 0..<(c == 117 ? 4 : 8) { v = v * 16 + UInt32(Int(String(UnicodeScalar(b[i])), radix: 16) ?? 0); i += 1 }
                out += Array(String(Unicode.Scalar(v) ?? "?").utf8)
            default: out.append(c)
            }
        }
        i += 1
        return out
    }
}
