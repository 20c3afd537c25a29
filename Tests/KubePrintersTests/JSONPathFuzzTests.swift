import KubeModel
import KubePrinters
import KubeTestSupport
import Testing

/// Random templates never crash or hang the JSONPath parser or evaluator: each either prints or
/// fails with a message. The loop is seeded and bounded; inputs that found distinct failures are kept
/// in `Golden/jsonpath/fuzz-cases.txt`, whose kubectl outputs `record.sh fuzz-cases.txt` recorded and
/// `JSONPathGoldenTests` replays.
@Suite struct JSONPathFuzzTests {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let pieces = ["{", "}", "[", "]", "(", ")", ".", "..", ",", ":", "*", "@", "$", "?", "'", "\"", "\\", "-", "+",
                         "=", "==", "!=", "<", ">", "<=", ">=", "~", " ", "\t", "0", "1", "-1", "2", "1.5", "a", "name",
                         "metadata", "spec", "containers", "range", "end", "true", "false", "é", "\u{FFFD}", "\r",
                         "[?(", "{range ", "{end}", "{.", "[*]", "\\u00e9", "\\x", "\\n"]

    static let fixture: JSONValue = {
        let text = readTextFile(goldenRoot + "/jsonpath/pod.json") ?? "{}"
        return (try? JSON.parse(text)) ?? .emptyObject
    }()

    static func randomTemplate(_ rng: inout SplitMix) -> String {
        var s = ""
        for _ in 0..<(1 + rng.below(14)) { s += pieces[rng.below(pieces.count)] }
        return s
    }

    /// Runs one template in every mode; returns the failure messages (empty when it printed).
    static func exercise(_ template: String) -> [String] {
        var messages: [String] = []
        for (missing, json) in [(true, false), (false, false), (true, true)] {
            do {
                let p = try JSONPathPrinter(template: template, allowMissingKeys: missing, asJSON: json)
                _ = try p.print(fixture)
            } catch let e as PrinterError {
                messages.append(e.description)
            } catch {
                messages.append("unexpected error type: \(error)")
            }
        }
        return messages
    }

    @Test func randomTemplatesFailWithMessages() {
        var rng = SplitMix(state: 20_241_123)
        var distinct: Set<String> = []
        for _ in 0..<4000 {
            let t = Self.randomTemplate(&rng)
            for m in Self.exercise(t) {
                #expect(!m.isEmpty && !m.hasPrefix("unexpected error type"), "template \(t): \(m)")
                if let reason = m.split(separator: ",").last { distinct.insert(String(reason.prefix(40))) }
            }
        }
        // The generator reaches many different failures, not one.
        #expect(distinct.count > 15)
    }

    @Test func mutatedCorpusTemplatesFailWithMessages() {
        var rng = SplitMix(state: 7)
        let corpus = JSONPathCase.all().map(\.template)
        #expect(!corpus.isEmpty)
        for _ in 0..<3000 {
            var u = Array(corpus[rng.below(corpus.count)].unicodeScalars)
            for _ in 0..<(1 + rng.below(3)) {
                let piece = Array(Self.pieces[rng.below(Self.pieces.count)].unicodeScalars)
                let at = u.isEmpty ? 0 : rng.below(u.count + 1)
                switch rng.below(3) {
                case 0: u.insert(contentsOf: piece, at: at)
                case 1: if at < u.count { u.remove(at: at) }
                default: if at < u.count { u.replaceSubrange(at..<min(u.count, at + piece.count), with: piece) }
                }
            }
            let t = String(String.UnicodeScalarView(u))
            for m in Self.exercise(t) {
                #expect(!m.isEmpty && !m.hasPrefix("unexpected error type"), "template \(t): \(m)")
            }
        }
    }

    /// Pathological shapes finish quickly: deep nesting, long unions, huge indexes and steps.
    @Test func pathologicalTemplatesFinish() {
        let deep = String(repeating: "[?(@", count: 200) + String(repeating: ")]", count: 200)
        let union = "{.spec.containers[" + (0..<500).map { _ in "0" }.joined(separator: ",") + "].name}"
        for t in ["{" + deep + "}", union, "{.spec.containers[::9223372036854775807].name}",
                  "{.spec.containers[-9223372036854775808:].name}", "{.spec.containers[9223372036854775807].name}",
                  "{.spec.containers[99999999999999999999]}", String(repeating: "{range @}", count: 300) + "x",
                  String(repeating: "{end}", count: 50), "{" + String(repeating: ".", count: 1000) + "}"] {
            _ = Self.exercise(t)
        }
        let out = try? JSONPathPrinter(template: union).print(Self.fixture)
        #expect(out == Array(repeating: "nginx", count: 500).joined(separator: " "))
    }
}
