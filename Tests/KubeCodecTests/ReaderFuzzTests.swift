import Testing
import KubeModel
import KubeTestSupport
@testable import KubeCodec

/// Seeded, bounded fuzz loops over the YAML and JSON readers: mutated manifests (anchors, aliases,
/// merge keys, tags, brackets, deep nesting, broken UTF-8) either decode or fail with a message; none
/// crashes, hangs or expands an alias bomb. A crash would end the test process; the loops are bounded.
@Suite struct ReaderFuzzTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web, tier: "front"}
          annotations:
            note: |
              multi
              line
        spec:
          replicas: 3
          selector:
            matchLabels: &labels
              app: web
          template:
            metadata:
              labels: *labels
            spec:
              containers:
              - name: c
                image: nginx:1.27
                args: ["--a=1", '--b', 0x1F, 1e3, ~, yes, 2026-01-01]
                env:
                - {name: A, value: "x"}
        ---
        kind: List
        items: []
        """

    static let yamlPieces = ["&a ", "*a", "&b ", "*b", "<<: *a\n", "<<: [*a, *b]\n", "!!binary ", "!!str ", "!!int ",
                             "!!float ", "!!map ", "!!seq ", "!custom ", "? ", ": ", "- ", "---\n", "...\n", "[", "]", "{",
                             "}", ",", "\"", "'", "|", ">", "#", "%YAML 1.1\n", "\t", "\n", "  ", "\\", "\u{FEFF}", "é",
                             "\u{0}", "\r\n", "[[[[[[[[", "]]]]]]]]", "{a: {b: {c: ", "- - - - ", "null", "~", "0o17",
                             "0b101", "+.inf", "-.nan", "1_000", "0x", "9223372036854775808", "aGVsbG8="]

    static let jsonPieces = ["{", "}", "[", "]", ",", ":", "\"", "\\u", "\\ud800", "\\", "null", "true", "-", "0", "1e999",
                             "1.5", "\"k\"", " ", "\n", "é", "\u{0}", "[[[[[[[[[[", "]]]]]]]]]]", "{\"a\":"]

    static let json = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","labels":{"a":"b"}},"data":{"k":"v","n":"1"}}"#

    @Test func yamlReaderNeverCrashes() {
        var rng = FuzzRandom(seed: 0x5EED_0001)
        #expect(YAMLCodec.decodeStream(Self.manifest, source: "m").error == nil)
        var decoded = 0, refused = 0
        for _ in 0..<3000 {
            let text = rng.mutate(Self.manifest, pieces: Self.yamlPieces, edits: 2)
            let r = YAMLCodec.decodeStream(text, source: "fuzz.yaml")
            if let e = r.error {
                refused += 1
                #expect(e.message.hasPrefix("error parsing fuzz.yaml: "), "\(e.message)")
            } else {
                decoded += 1
            }
            _ = try? YAMLCodec.decode(text)
        }
        // Both outcomes are exercised.
        #expect(decoded > 50 && refused > 100, "decoded \(decoded), refused \(refused)")
    }

    @Test func aliasBombsOfEveryShapeAreRefusedQuickly() {
        var rng = FuzzRandom(seed: 0x5EED_0002)
        for _ in 0..<200 {
            let width = 5 + rng.below(10), depth = 4 + rng.below(6)
            var text = "a0: &a0 [" + Array(repeating: "\"x\"", count: width).joined(separator: ",") + "]\n"
            for level in 1...depth {
                let refs = Array(repeating: "*a\(level - 1)", count: width).joined(separator: ",")
                text += rng.below(2) == 0 ? "a\(level): &a\(level) [\(refs)]\n"
                    : "a\(level): &a\(level) {" + (0..<width).map { "k\($0): *a\(level - 1)" }.joined(separator: ", ") + "}\n"
            }
            // width^depth leaves: from 625 to about 10^9; kubectl's budget refuses the big ones.
            let r = YAMLCodec.decodeStream(text, source: "bomb.yaml")
            var leaves = 1.0
            for _ in 0..<depth { leaves *= Double(width) }
            if leaves > 1_000_000 {
                #expect(r.error?.message == "error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing")
            }
        }
    }

    @Test func jsonReaderNeverCrashes() {
        var rng = FuzzRandom(seed: 0x5EED_0003)
        var parsed = 0, refused = 0
        for _ in 0..<3000 {
            let text = rng.mutate(Self.json, pieces: Self.jsonPieces, edits: 5)
            if (try? JSON.parse(text)) != nil { parsed += 1 } else { refused += 1 }
            _ = YAMLCodec.decodeStream(text, source: "fuzz.json")
        }
        #expect(parsed > 50 && refused > 100, "parsed \(parsed), refused \(refused)")
    }

    /// Exactly at and just past kubectl's limits, in flow and block style. (On a large stack, as the
    /// binary runs commands: a value 10,000 levels deep is walked recursively by printers and deinit.)
    @Test func deepDocumentsStopAtTheLimit() {
        withLargeStack { Self.deepDocuments() }
    }

    static func deepDocuments() {
        for (depth, ok) in [(9_999, true), (10_000, false), (12_000, false)] {
            let flow = "x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
            #expect((YAMLCodec.decodeStream(flow, source: "d").error == nil) == ok, "flow \(depth)")
            let json = "{\"x\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            #expect(((try? JSON.parse(json)) != nil) == ok, "json \(depth)")
        }
        let block = "x:\n" + String(repeating: "- ", count: 10_001) + "x\n"
        #expect(YAMLCodec.decodeStream(block, source: "d").error?.message
                == "error parsing d: error converting YAML to JSON: yaml: line 2: exceeded max depth of 10000")
    }
}
