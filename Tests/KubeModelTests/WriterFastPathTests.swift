import Testing
@testable import KubeModel

/// The write path's fast forms give what the plain forms gave: the JSON writer's byte escaping, RFC 3339
/// timestamps written in place, nested member assignment changed in place.
@Suite struct WriterFastPathTests {
    /// Go's encoding/json string escaping written out scalar by scalar (the plain form).
    static func referenceQuoted(_ s: String, escapeHTML: Bool) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case "<" where escapeHTML: out += "\\u003c"
            case ">" where escapeHTML: out += "\\u003e"
            case "&" where escapeHTML: out += "\\u0026"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static let strings: [String] = [
        "", "a", "plain text that needs nothing", "x<y & z>w", "quote \" backslash \\ end",
        "\u{0}\u{1}\u{1f} ctl", "tab\tnl\ncr\rbs\u{8}ff\u{C}", "é ü 日本 🚀", "line\u{2028}para\u{2029}",
        "\u{2027}\u{202A}\u{E2}", "\u{7f}", String(repeating: "long run of plain bytes ", count: 200) + "<",
    ]

    @Test(arguments: strings, [true, false])
    func stringEscaping(text: String, escapeHTML: Bool) {
        var out: [UInt8] = [0x5B]
        writeJSONString(text, into: &out, escapeHTML: escapeHTML)
        #expect(String(decoding: out, as: UTF8.self) == "[" + Self.referenceQuoted(text, escapeHTML: escapeHTML))
        let value = JSONValue.object(JSONObject([(text, .string(text))]))
        let q = Self.referenceQuoted(text, escapeHTML: true)
        #expect(value.jsonString(.compact) == "{" + q + ":" + q + "}")
    }

    /// Each byte the escaping looks at, at every position of the words the fast check reads (eight
    /// bytes at a time, then one by one), among plain bytes: the same text as the plain form.
    @Test(arguments: [true, false])
    func everyByteAtEveryPosition(escapeHTML: Bool) {
        var specials: [String] = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        specials += ["\"", "\\", "<", ">", "&", "\u{7f}", "é", "\u{2028}", "\u{2029}", "\u{2027}", "🚀", " ", "~", "!", "=", "?"]
        for special in specials {
            for length in [1, 7, 8, 9, 15, 16, 17, 24] {
                for at in 0..<length {
                    let text = String(repeating: "a", count: at) + special + String(repeating: "z", count: length - at - 1)
                    var out: [UInt8] = []
                    writeJSONString(text, into: &out, escapeHTML: escapeHTML)
                    #expect(String(decoding: out, as: UTF8.self) == Self.referenceQuoted(text, escapeHTML: escapeHTML),
                            "\(Array(special.utf8)) at \(at) of \(length)")
                }
            }
        }
    }

    @Test func writerGrowsAndKeepsStructure() throws {
        var big = JSONValue.emptyObject
        for i in 0..<300 { big["k\(i)"] = ["n": .int(Int64(i) * -7919), "s": .string(String(repeating: "é<", count: i)), "a": [1, 2.5, nil, true]] }
        let text = big.jsonString(.compact)
        #expect(try JSON.parse(text) == big)
        #expect(big.jsonString(.kubectl) == (try JSON.parse(text)).jsonString(.kubectl))
        var into: [UInt8] = Array("prefix".utf8)
        big.writeJSON(into: &into, options: .compactOrdered, level: 0)
        #expect(String(decoding: into, as: UTF8.self) == "prefix" + big.jsonString(.compactOrdered))
        #expect(JSONValue.int(Int64.min).jsonString() == "-9223372036854775808")
        #expect(JSONValue.int(0).jsonString() == "0")
    }

    /// Sorted output is the same whether an object's keys come sorted or not.
    @Test func sortedKeys() {
        let sorted: JSONValue = ["a": 1, "a/b": 2, "b": ["x": 1, "y": 2], "z": 3]
        let unsorted: JSONValue = ["z": 3, "b": ["y": 2, "x": 1], "a/b": 2, "a": 1]
        #expect(sorted.compactJSON == #"{"a":1,"a/b":2,"b":{"x":1,"y":2},"z":3}"#)
        #expect(unsorted.compactJSON == sorted.compactJSON)
        #expect(unsorted.jsonString(.compactOrdered) == #"{"z":3,"b":{"y":2,"x":1},"a/b":2,"a":1}"#)
    }

    static func referenceRFC3339(_ seconds: Int64) -> String {
        let c = CivilTime(seconds: seconds)
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    @Test func timestamps() {
        var samples: [Int64] = [0, -1, 1, 59, 86399, 86400, 951_782_400, 1_795_000_000, 4_102_444_800,
                                Timestamp.latest.seconds, Timestamp.earliest.seconds, Timestamp.latest.seconds + 1,
                                Timestamp.earliest.seconds - 1, -62_135_596_800, 300_000_000_000]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            samples.append(Int64(bitPattern: x % 400_000_000_000) - 100_000_000_000)
        }
        for s in samples { #expect(Timestamp(seconds: s).rfc3339 == Self.referenceRFC3339(s), "\(s)") }
        #expect(Timestamp(seconds: 1_795_000_000).rfc3339 == "2026-11-18T11:06:40Z")
    }

    /// Nested assignment: the same values and key order as reading the member, changing it and writing it back.
    @Test func nestedAssignment() {
        var p: JSONValue = ["metadata": ["name": "a"], "status": ["phase": "Pending", "conditions": []], "n": 3]
        p["status"]["phase"] = "Running"
        p["status"]["podIP"] = "10.0.0.2"
        p["spec"]["nodeName"] = "node-1"
        p["spec"]["x"]["y"] = nil
        p["n"]["ignored"] = "v"
        p["metadata"]["labels"] = nil
        #expect(p.jsonString(.compactOrdered) == #"{"metadata":{"name":"a","labels":null},"status":{"phase":"Running","conditions":[],"podIP":"10.0.0.2"},"n":3,"spec":{"nodeName":"node-1","x":{"y":null}}}"#)
        var copy = p
        copy["status"]["phase"] = "Failed"
        #expect(p["status"]["phase"] == "Running")
        #expect(copy["status"]["phase"] == "Failed")
        var s: JSONValue = "text"
        s["k"] = "v"
        #expect(s == "text")
    }
}
