import Testing
@testable import KubeModel

/// The parser builds each object and array once its members are read (`JSONByteParser.pendingKeys`):
/// nesting of objects in arrays in objects, repeated keys at each level and long strings with and
/// without escapes read as before.
@Suite struct JSONParserMembersTests {
    @Test func nestedObjectsAndArraysKeepTheirMembers() throws {
        let text = #"{"a":[{"x":1,"y":[2,{"z":[]},[3,4]],"x":5},[],{}],"b":{"c":{"d":[{"e":"f"}]},"g":[1,[2,[3]]]},"h":[[{"i":{}}]]}"#
        let v = try JSON.parse(text)
        // The repeated "x" keeps its first place and the last value, as Go's decoder takes the last.
        #expect(v.jsonString(.compactOrdered)
            == #"{"a":[{"x":5,"y":[2,{"z":[]},[3,4]]},[],{}],"b":{"c":{"d":[{"e":"f"}]},"g":[1,[2,[3]]]},"h":[[{"i":{}}]]}"#)
        #expect(v["a"].array?.count == 3)
        #expect(v["a"][0]["y"][1]["z"] == .array([]))
        #expect(v["b"]["g"][1][1][0] == .int(3))
    }

    @Test func repeatedKeysInsideArraysOfObjects() throws {
        let v = try JSON.parse(#"[{"k":1,"k":2,"j":3},{"j":4,"k":5,"j":6},{"k":{"k":7,"k":8}}]"#)
        #expect(v.jsonString(.compactOrdered) == #"[{"k":2,"j":3},{"j":6,"k":5},{"k":{"k":8}}]"#)
    }

    @Test func longStringsWithAndWithoutEscapes() throws {
        let plain = String(repeating: "abcdefgh", count: 5) + "xyz"
        let text = #"{"plain":""# + plain + #"","esc":"0123456789\"abcdefgh\\ijklmnop\n","uni":"héllo wörld 😀 and more bytes","#
            + #""tail":"12345678","a":"1234567"}"#
        let v = try JSON.parse(text)
        #expect(v["plain"].string == plain)
        #expect(v["esc"].string == "0123456789\"abcdefgh\\ijklmnop\n")
        #expect(v["uni"].string == "héllo wörld 😀 and more bytes")
        #expect(v["tail"].string == "12345678")
        #expect(v["a"].string == "1234567")
    }

    @Test func controlCharactersInLongStringsAreRefused() {
        for at in [0, 3, 7, 8, 15, 20] {
            var bytes = Array(#"{"k":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 24) + Array(#""}"#.utf8)
            bytes[6 + at] = 0x01
            #expect(throws: JSONParseError(message: "invalid character in string literal", offset: 6 + at)) {
                try JSON.parse(bytes: bytes)
            }
        }
    }

    @Test func anErrorInsideNestedMembersLeavesNothingBehind() throws {
        #expect(throws: JSONParseError.self) { try JSON.parse(#"{"a":[{"b":[1,2,{"c":}]}]}"#) }
        // One parser per text: a later parse is unaffected by the failed one.
        #expect(try JSON.parse(#"{"a":[{"b":1}]}"#).jsonString(.compactOrdered) == #"{"a":[{"b":1}]}"#)
    }
}
