import Testing
@testable import KubeModel

@Suite struct JSONTests {
    @Test func roundTripKeepsOrderAndSortsOnRequest() throws {
        let v = try JSON.parse(#"{"b":1,"a":{"z":true,"y":null},"c":[1.5,"x<y"]}"#)
        #expect(v.jsonString(.compactOrdered) == #"{"b":1,"a":{"z":true,"y":null},"c":[1.5,"x\u003cy"]}"#)
        #expect(v.compactJSON == #"{"a":{"y":null,"z":true},"b":1,"c":[1.5,"x\u003cy"]}"#)
    }

    @Test func indentedLikeMarshalIndent() throws {
        let v = try JSON.parse(#"{"a":[],"b":{},"c":[1,{"d":"e"}]}"#)
        #expect(v.jsonString() == "{\n    \"a\": [],\n    \"b\": {},\n    \"c\": [\n        1,\n        {\n            \"d\": \"e\"\n        }\n    ]\n}")
    }

    @Test(arguments: [(1.0, "1"), (1.5, "1.5"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
                      (0.000001, "0.000001"), (1e-7, "1e-7"), (-2.5e-8, "-2.5e-8"), (123456.789, "123456.789")])
    func goFloatFormatting(value: Double, expected: String) {
        #expect(goFormatFloat(value) == expected)
    }

    @Test func escapes() throws {
        let v = try JSON.parse(#""a\"b\\c\n\u0001\u2028é""#)
        #expect(v.compactJSON == #""a\"b\\c\n\u0001\u2028é""#)
    }

    /// A partial parse builds exactly the kept paths, as the full parse has them, stepping over the
    /// rest (escaped quotes and brackets inside strings, nested arrays, numbers, literals).
    @Test func partialParseKeepsTheNamedPaths() throws {
        let text = #"{"kind":"Pod","metadata":{"name":"p\"}]","managedFields":[{"a":{"b":[1,2,{"c":"}"}]}}],"namespace":"ns","x":-1.5e3},"#
            + #""spec":{"containers":[{"name":"a","resources":{"requests":{"cpu":"1"}},"env":[{"v":"[{"}]},{"image":"i","resources":{}}],"#
            + #""overhead":null,"n":true},"status":{"conditions":[[],{}],"phase":"Running"}}"#
        let full = try JSON.parse(text)
        let keep = JSONKeep(paths: ["metadata.name", "metadata.namespace", "spec.containers.resources", "spec.overhead", "status.phase"])
        let part = try JSON.parse(text, keeping: keep)
        #expect(part.jsonString(.compactOrdered) == #"{"metadata":{"name":"p\"}]","namespace":"ns"},"#
            + #""spec":{"containers":[{"resources":{"requests":{"cpu":"1"}}},{"resources":{}}],"overhead":null},"status":{"phase":"Running"}}"#)
        for path in [["metadata", "name"], ["metadata", "namespace"], ["status", "phase"]] {
            #expect(part[path[0]][path[1]] == full[path[0]][path[1]])
        }
        #expect(try JSON.parse(text, keeping: .all) == full)
    }

    @Test func rejectsTrailingGarbage() {
        #expect(throws: JSONParseError.self) { try JSON.parse("{} x") }
        #expect(throws: JSONParseError.self) { try JSON.parse("{\"a\":}") }
    }
}

@Suite struct TextTests {
    @Test func tabwriterBlocks() {
        var t = TabWriter.table()
        t.writeRow(["NAME", "READY", "AGE"])
        t.writeRow(["nginx-long-name", "1/1", "5m"])
        #expect(t.flush() == "NAME              READY   AGE\nnginx-long-name   1/1     5m\n")
    }

    @Test func tabwriterLineWithoutTabEndsBlock() {
        var t = TabWriter.describe()
        // "IPs:" has no tab, so it splits the lines around it into two alignment blocks.
        t.write("Name:\tx\nIPs:\n  IP:\t10.0.0.1\nLonger Name:\ty\n")
        #expect(t.flush() == "Name:  x\nIPs:\n  IP:         10.0.0.1\nLonger Name:  y\n")
    }

    @Test(arguments: [(0, "0s"), (119, "119s"), (120, "2m"), (312, "5m12s"), (600, "10m"), (10799, "179m"),
                      (10800, "3h"), (11000, "3h3m"), (28800, "8h"), (172800, "2d"), (190800, "2d5h"),
                      (691200, "8d"), (63072000, "2y"), (-1, "0s"), (-5, "<invalid>")])
    func humanDurations(seconds: Int64, expected: String) {
        #expect(humanDuration(seconds: seconds) == expected)
    }

    @Test func timestamps() {
        let t = Timestamp(rfc3339: "2026-11-23T17:19:42Z")!
        #expect(t.rfc3339 == "2026-11-23T17:19:42Z")
        #expect(t.rfc1123Z == "Mon, 23 Nov 2026 17:19:42 +0000")
        #expect(Timestamp(rfc3339: "2026-11-23T18:19:42+01:00") == t)
        #expect(Timestamp(rfc3339: "1970-01-01T00:00:00.5Z")?.seconds == 0)
        #expect(Timestamp(rfc3339: "yesterday") == nil)
    }
}
