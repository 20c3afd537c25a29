import Testing
@testable import KubeModel

/// `JSONTextMemo` writes what `jsonString(.compactOrdered)` writes, whatever changed since the last
/// text and whatever it copies; and the string writer escapes as Go's encoding/json does.
@Suite struct JSONTextMemoTests {
    static let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p\u003c1\u003e","namespace":"ns","labels":{"app":"a\u0026b"},"managedFields":[{"manager":"m","fieldsV1":{"f:spec":{}}}],"resourceVersion":"7"},"spec":{"containers":[{"name":"c","image":"nginx","args":["\u2028","é\"\\\n"]}],"nodeName":"n1","priority":0,"ratio":1.5},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],"empty":{}}}"#

    /// The states of a graceful deletion, each made from the one before as the API layer makes them;
    /// the memo seeded with the stored text, then written state after state.
    @Test func statesWrittenFromTheLastTextAreTheWholeText() throws {
        let stored = try JSON.parse(Self.pod)
        var memo = JSONTextMemo()
        let seeded = memo.seed(stored, text: Self.pod, key: "k")
        #expect(seeded)
        var obj = stored
        obj["metadata"]["deletionTimestamp"] = "2026-11-23T12:00:30Z"
        obj["metadata"]["deletionGracePeriodSeconds"] = 30
        obj["metadata"]["resourceVersion"] = "8"
        let terminating = memo.compactOrdered(obj, key: "k")
        #expect(terminating == obj.jsonString(.compactOrdered))
        // The part copied from the stored text is there as stored.
        #expect(terminating.contains(#""spec":{"containers":[{"name":"c","image":"nginx","args":["\u2028","é\"\\\n"]}],"nodeName":"n1","priority":0,"ratio":1.5}"#))
        var stopped = obj
        stopped["status"]["phase"] = "Succeeded"
        stopped["status"]["conditions"] = [["type": "Ready", "status": "False"]]
        stopped["metadata"]["resourceVersion"] = "9"
        let stoppedText = memo.compactOrdered(stopped, key: "k")
        #expect(stoppedText == stopped.jsonString(.compactOrdered))
        var gone = stopped
        gone["metadata"]["deletionGracePeriodSeconds"] = 0
        gone["metadata"]["labels"] = nil
        gone["metadata"]["resourceVersion"] = "10"
        gone["spec"]["nodeName"] = "n2"
        let goneText = memo.compactOrdered(gone, key: "k")
        #expect(goneText == gone.jsonString(.compactOrdered))
        // Members moved, added and replaced by other kinds of values.
        var moved = JSONObject()
        for (k, v) in (gone.object ?? JSONObject()).reversed() { moved[k] = v }
        moved["extra"] = [1, 2.25, nil, true]
        moved["kind"] = ["not": "a string"]
        let reordered = JSONValue.object(moved)
        let reorderedText = memo.compactOrdered(reordered, key: "k")
        #expect(reorderedText == reordered.jsonString(.compactOrdered))
    }

    @Test func anotherKeyOrAnotherTextCopiesNothing() throws {
        let stored = try JSON.parse(Self.pod)
        var memo = JSONTextMemo()
        // A text that is not the compact text of the value's keys in order is refused.
        let spaced = memo.seed(stored, text: Self.pod.split(separator: ",", omittingEmptySubsequences: false).joined(separator: ", "), key: "k")
        let short = memo.seed(stored, text: #"{"kind":"Pod"}"#, key: "k")
        let seeded = memo.seed(stored, text: Self.pod, key: "k")
        #expect(!spaced && !short && seeded)
        var other = stored
        other["metadata"]["name"] = "q"
        let otherText = memo.compactOrdered(other, key: "other")
        #expect(otherText == other.jsonString(.compactOrdered))
        let again = memo.compactOrdered(stored, key: "k")
        #expect(again == Self.pod)
    }

    /// A stored text written otherwise (spaces aside) is copied as it is: the state reads back as the
    /// same value, though its bytes are not those written anew.
    @Test func aStoredTextWrittenOtherwiseReadsBackTheSame() throws {
        let text = #"{"kind":"Pod","metadata":{"name":"p<1>","uid":"u"},"spec":{"a":[1,"\u0041"]}}"#
        let stored = try JSON.parse(text)
        var memo = JSONTextMemo()
        let seeded = memo.seed(stored, text: text, key: "k")
        #expect(seeded)
        var obj = stored
        obj["metadata"]["uid"] = "v"
        let written = memo.compactOrdered(obj, key: "k")
        #expect(written == #"{"kind":"Pod","metadata":{"name":"p<1>","uid":"v"},"spec":{"a":[1,"\u0041"]}}"#)
        #expect(try JSON.parse(written) == obj)
    }

    /// The layout the parser notes (`JSON.parseWithLayout`) seeds the memo as a scan of the text does:
    /// the same texts refused, the same parts copied. Every string is written with an escape the
    /// writer does not use (`\u0041` for "A"), so a copied part shows it and a rewritten one does not.
    @Test func aParsedLayoutSeedsAsTheScanDoes() throws {
        let base = #"{"apiVersion":"v\u0041","kind":"Pod","metadata":{"name":"p\u0041","labels":{"app":"\u0041"},"managedFields":[{"manager":"m\u0041","fieldsV1":{"f:spec":{}}}],"resourceVersion":"7","empty":{}},"spec":{"containers":[{"name":"c\u0041","image":"nginx\u0041"}],"nodeName":"n\u0041","priority":0},"status":{"phase":"Running\u0041","conditions":[{"type":"Ready","status":"True"}]},"list":[{"a":"\u0041"}],"n":1}"#
        let texts = [
            base,
            // Whitespace deep inside, or between members: refused.
            base.replacing(#""fieldsV1":"#, with: #""fieldsV1": "#),
            base.replacing(#""n":1}"#, with: #""n":1 }"#),
            // A key given twice, or written with an escape, at the first two levels: refused.
            base.replacing(#""priority":0"#, with: #""priority":0,"nodeName":"x""#),
            base.replacing(#""kind":"Pod""#, with: #""kind":"Pod","n":2"#),
            base.replacing(#""nodeName""#, with: #""node\u004eame""#),
            // Deeper, it is copied with the part holding it.
            base.replacing(#""f:spec""#, with: #""f:\u0073pec""#),
            #"{}"#, #"[{"a":"\u0041"}]"#, #"{"a":{}}"#,
        ]
        for text in texts {
            // Twice: the second parse takes the member objects from the parser's memo whole.
            for _ in 0..<2 {
                let (value, layout) = try JSON.parseWithLayout(text)
                #expect(value == (try JSON.parse(text)))
                var scanned = JSONTextMemo(), laid = JSONTextMemo()
                let a = scanned.seed(value, text: text, key: "k")
                let b = laid.seed(value, text: text, layout: layout, key: "k")
                #expect(a == b, "\(text)")
                var next = value
                if value["metadata"].object != nil {
                    next["metadata"]["resourceVersion"] = "8"
                    next["status"]["phase"] = "Succeeded"
                }
                let x = scanned.compactOrdered(next, key: "k"), y = laid.compactOrdered(next, key: "k")
                #expect(x == y, "\(text)")
                #expect(try JSON.parse(y) == next)
            }
        }
        // The base text is laid out and copied: its escapes stay where nothing changed.
        let (value, layout) = try JSON.parseWithLayout(base)
        #expect(layout != nil)
        var memo = JSONTextMemo()
        let seeded = memo.seed(value, text: base, layout: layout, key: "k")
        #expect(seeded)
        var next = value
        next["metadata"]["resourceVersion"] = "8"
        let text = memo.compactOrdered(next, key: "k")
        #expect(text.contains(#""name":"p\u0041","labels":{"app":"\u0041"}"#) && text.contains(#""resourceVersion":"8""#))
        #expect(text.contains(#""spec":{"containers":[{"name":"c\u0041","image":"nginx\u0041"}],"nodeName":"n\u0041","priority":0}"#))
    }

    /// Random strings over the characters Go escapes (and their neighbours) come out as the
    /// byte-by-byte rules say, with and without HTML escaping.
    @Test func stringEscapingFollowsGo() {
        let alphabet: [String] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "\u{7f}",
                                  "<", ">", "&", "é", "€", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202a}", "😀", "\u{0}", "/", "'"]
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 24) { s += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            for html in [true, false] {
                var out: [UInt8] = []
                writeJSONString(s, into: &out, escapeHTML: html)
                #expect(String(decoding: out, as: UTF8.self) == Self.goQuoted(s, escapeHTML: html))
            }
        }
    }

    /// encoding/json's string rules, scalar by scalar.
    static func goQuoted(_ s: String, escapeHTML: Bool) -> String {
        var r = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": r += "\\r"
            case "\t": r += "\\t"
            case "\u{8}": r += "\\b"
            case "\u{c}": r += "\\f"
            case "\u{2028}": r += "\\u2028"
            case "\u{2029}": r += "\\u2029"
            default:
                if escapeHTML && (u == "<" || u == ">" || u == "&") {
                    r += "\\u00" + String(u.value, radix: 16)
                } else if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    r += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    r.unicodeScalars.append(u)
                }
            }
        }
        return r + "\""
    }

}
