import Testing
@testable import KubeModel

/// `JSON.parse` takes again the objects and arrays it read before at the same place with the same bytes
/// (`JSONParseMemo`). Every document must read as a parser without the memo reads it: the same value, the
/// same compact text, the same error at the same offset.
@Suite struct JSONParseMemoTests {
    /// The parser without a memo.
    static func plain(_ text: String) throws -> JSONValue {
        var copy = text
        return try copy.withUTF8 { bytes in
            var p = JSONByteParser(bytes: bytes)
            p.skipWhitespace()
            let v = try p.parseValue(depth: 0)
            p.skipWhitespace()
            if p.pos < bytes.count { throw p.error("invalid character '\(p.charDescription)' after top-level value") }
            return v
        }
    }

    static func sameReading(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Result { try plain(text) }
        let got = Result { try JSON.parse(text) }
        switch (expected, got) {
        case (.success(let a), .success(let b)):
            #expect(a == b, sourceLocation: sourceLocation)
            #expect(a.jsonString(.compactOrdered) == b.jsonString(.compactOrdered), sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect(a as? JSONParseError == b as? JSONParseError, sourceLocation: sourceLocation)
        default:
            Issue.record("one reading failed, the other did not: \(text.prefix(200))", sourceLocation: sourceLocation)
        }
    }

    static let pod = #"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"creationTimestamp":"2026-11-23T12:00:00Z","labels":{"app":"APP","tier":"frontend"},"managedFields":[{"apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{},"f:tier":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{}}}}},"manager":"kubectl-create","operation":"Update","time":"2026-11-23T12:00:00Z"}],"name":"NAME","namespace":"ns-1","uid":"UID"},"spec":{"containers":[{"image":"nginx:1.27","name":"web","ports":[{"containerPort":80,"protocol":"TCP"}]}],"nodeName":"NODE","tolerations":[{"effect":"NoExecute","key":"node.kubernetes.io/not-ready","operator":"Exists","tolerationSeconds":300}]},"status":{"conditions":[{"lastProbeTime":null,"lastTransitionTime":"2026-11-23T12:00:00Z","status":"True","type":"Ready"}],"phase":"Running","podIPs":[{"ip":"IP"}]}}
        """#

    static func pod(_ i: Int) -> String {
        pod.replacingOccurrences("APP", "app-\(i % 7)").replacingOccurrences("NAME", "pod-\(i)")
            .replacingOccurrences("UID", "uid-\(i)").replacingOccurrences("NODE", "node-\(i % 3)")
            .replacingOccurrences("IP", "10.0.\(i % 5).\(i)")
    }

    @Test func podsThatShareMostPartsReadAsWithoutTheMemo() throws {
        for i in 0..<40 { Self.sameReading(Self.pod(i)) }
        // The parts two pods share are the same values, and a change to one pod's part is its own.
        var a = try JSON.parse(Self.pod(1))
        let b = try JSON.parse(Self.pod(2))
        #expect(a["spec"]["tolerations"] == b["spec"]["tolerations"])
        var tolerations = a["spec"]["tolerations"].array ?? []
        tolerations[0]["tolerationSeconds"] = 5
        a["spec"]["tolerations"] = .array(tolerations)
        a["metadata"]["managedFields"] = .array([])
        #expect(b["spec"]["tolerations"][0]["tolerationSeconds"] == 300)
        #expect(b["metadata"]["managedFields"].array?.count == 1)
        #expect(try JSON.parse(Self.pod(2)) == b)
    }

    @Test func samePlaceOtherBytesAndSameBytesOtherPlace() {
        let inner = #"{"k":"0123456789abcdefghij","n":[1,2,3]}"#
        Self.sameReading(#"{"a":"# + inner + #","b":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],"pad":"# + String(repeating: " ", count: 256) + "1}")
        // The same place, a text that starts with the kept one's bytes only in part.
        Self.sameReading(#"{"a":{"k":"0123456789abcdefghiJ","n":[1,2,3]},"b":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,16],"pad":"# + String(repeating: " ", count: 256) + "1}")
        // The kept text at another place, and at the same place inside another member.
        Self.sameReading(#"{"b":"# + inner + #","a":{"x":"# + inner + "},\"pad\":" + String(repeating: " ", count: 256) + "2}")
        // Keys written with escapes are other bytes: read anew, the same key.
        Self.sameReading(#"{"\u0061":"# + inner + #","a":"# + inner + ",\"pad\":" + String(repeating: " ", count: 256) + "3}")
        // A kept text followed by what cannot follow it.
        Self.sameReading(#"{"a":"# + inner + #" "b":1,"pad":"# + String(repeating: " ", count: 256) + "4}")
        Self.sameReading(#"{"a":"# + inner + String(repeating: " ", count: 256))
        // The document ends inside a kept text's bytes.
        Self.sameReading(#"{"a":"# + String(inner.dropLast()) + String(repeating: " ", count: 256))
    }

    @Test func duplicateKeysAndDeepNesting() {
        let part = #"{"x":1,"x":{"y":[true,false,null,"aaaaaaaaaaaaaaaaaaaaaaaaaaaa"]},"z":[{},[]]}"#
        for round in 0..<3 {
            Self.sameReading(#"{"p":"# + part + #","p":"# + part + #","q":[\#(part),\#(part)],"r":\#(round),"pad":"\#(String(repeating: "-", count: 256))"}"#)
        }
        // Parts deeper than `JSONParseMemo.maxDepth` are read anew; those above it are taken again.
        for levels in [40, 62, 63, 64, 65, 80, 63, 64, 65] {
            let nested = String(repeating: "[", count: levels) + part + String(repeating: "]", count: levels)
            Self.sameReading(#"{"q":"# + part + #","deep":"# + nested + "}")
        }
    }

    /// Random documents in families (each a few edits from the one before), read with and without the
    /// memo, then cut short at random places.
    @Test func randomFamiliesOfDocuments() {
        var rng = SeededGenerator(seed: 33)
        for _ in 0..<30 {
            var doc = Self.randomValue(&rng, depth: 0)
            for _ in 0..<8 {
                Self.edit(&doc, &rng, depth: 0)
                let text = JSONValue.object(JSONObject([("doc", doc), ("pad", .string(String(repeating: "p", count: 256)))]))
                    .jsonString(.compactOrdered)
                Self.sameReading(text)
                let cut = Int(rng.next() % UInt64(text.utf8.count))
                Self.sameReading(String(decoding: Array(text.utf8)[..<cut], as: UTF8.self))
            }
        }
    }


    static let words = ["a", "name", "f:lastTransitionTime", "k:{\"type\":\"Ready\"}", "é", "x\ny", ""]

    static func randomValue(_ rng: inout SeededGenerator, depth: Int) -> JSONValue {
        switch rng.next() % (depth > 4 ? 4 : 7) {
        case 0: return .int(Int64(bitPattern: rng.next() % 1000))
        case 1: return .string(words[Int(rng.next() % UInt64(words.count))] + String(rng.next() % 3))
        case 2: return .null
        case 3: return .bool(rng.next() % 2 == 0)
        case 4, 5:
            var o = JSONObject()
            for _ in 0..<(rng.next() % 6) { o[words[Int(rng.next() % UInt64(words.count))] + String(rng.next() % 4)] = randomValue(&rng, depth: depth + 1) }
            return .object(o)
        default:
            return .array((0..<(rng.next() % 5)).map { _ in randomValue(&rng, depth: depth + 1) })
        }
    }

    static func edit(_ v: inout JSONValue, _ rng: inout SeededGenerator, depth: Int) {
        switch v {
        case .object(let o) where !o.isEmpty && rng.next() % 4 != 0:
            let key = o.keys[Int(rng.next() % UInt64(o.count))]
            edit(&v[key], &rng, depth: depth + 1)
        case .array(var a) where !a.isEmpty && rng.next() % 4 != 0:
            let i = Int(rng.next() % UInt64(a.count))
            edit(&a[i], &rng, depth: depth + 1)
            v = .array(a)
        default:
            v = randomValue(&rng, depth: depth)
        }
    }
}

private extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
