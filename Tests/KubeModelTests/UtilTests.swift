import Testing
@testable import KubeModel

@Suite struct UtilTests {
    @Test func randomSuffixUsesAlphabet() {
        var rng = SeededGenerator(seed: 42)
        let allowed = Set("bcdfghjklmnpqrstvwxz2456789")
        for _ in 0..<200 {
            let s = randomSuffix(count: 5, using: &rng)
            #expect(s.count == 5)
            #expect(s.allSatisfy(allowed.contains))
        }
        #expect(randomSuffix().count == 5)
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7)
        #expect(randomSuffix(count: 10, using: &a) == randomSuffix(count: 10, using: &b))
    }

    @Test func generateNameCutsBase() {
        var rng = SeededGenerator(seed: 1)
        let n = generateName(base: "web-", using: &rng)
        #expect(n.hasPrefix("web-") && n.count == 9)
        let long = String(repeating: "a", count: 70)
        #expect(generateName(base: long, using: &rng).count == 63)
    }

    @Test func safeEncode() {
        // Each rune's code point modulo 27 indexes the alphabet: '0' = 48 -> 21 -> "4", 'a' = 97 -> 16 -> "v".
        #expect(safeEncodeString("0a") == "4v")
    }

    @Test func uuidShape() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<50 {
            let u = uuidV4(using: &rng)
            let parts = u.split(separator: "-").map(String.init)
            #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
            #expect(u.allSatisfy { "0123456789abcdef-".contains($0) })
            #expect(parts[2].first == "4")
            #expect("89ab".contains(parts[3].first!))
        }
        #expect(uuidV4() != uuidV4())
    }

    @Test(arguments: [
        ("1h30m", Int64(5_400_000_000_000)), ("300ms", 300_000_000), ("-1s", -1_000_000_000), ("0", 0),
        ("+5s", 5_000_000_000), ("1.5h", 5_400_000_000_000), ("2h45m30.5s", 9_930_500_000_000), (".5s", 500_000_000),
        ("1µs", 1_000), ("1us", 1_000), ("10ns", 10), ("1m0.000000001s", 60_000_000_001), ("-0", 0),
        ("9223372036854775807ns", Int64.max), ("-9223372036854775808ns", Int64.min),
    ])
    func parseDuration(text: String, ns: Int64) throws {
        #expect(try GoDuration.parse(text).nanoseconds == ns)
    }

    // Texts as kubectl v1.32 prints them after `--timeout=<text>` (`invalid argument ... flag: <msg>`).
    @Test(arguments: [
        ("abc", #"time: invalid duration "abc""#), ("5", #"time: missing unit in duration "5""#),
        ("5x", #"time: unknown unit "x" in duration "5x""#), ("", #"time: invalid duration """#),
        ("-", #"time: invalid duration "-""#), (".s", #"time: invalid duration ".s""#),
        ("1h5", #"time: missing unit in duration "1h5""#), ("9223372036854775808ns", #"time: invalid duration "9223372036854775808ns""#),
        ("3é", #"time: unknown unit "\xc3\xa9" in duration "3\xc3\xa9""#),
    ])
    func durationErrors(text: String, message: String) {
        #expect(throws: GoDurationError(message: message)) { try GoDuration.parse(text) }
    }

    @Test(arguments: [
        (Int64(0), "0s"), (5_000_000_000, "5s"), (90_000_000_000, "1m30s"), (3_600_000_000_000, "1h0m0s"),
        (1_500_000_000, "1.5s"), (300_000_000, "300ms"), (1_200, "1.2µs"), (7, "7ns"), (-1_000_000_000, "-1s"),
        (93_784_000_000_000, "26h3m4s"), (Int64.min, "-2562047h47m16.854775808s"), (60_000_000_001, "1m0.000000001s"),
    ])
    func formatDuration(ns: Int64, text: String) {
        #expect(GoDuration(nanoseconds: ns).description == text)
    }

    @Test(arguments: ["a\"b", "tab\there", "é", "\u{1}", "\u{2028}", "😀", "back\\slash"])
    func goQuoting(_ s: String) {
        let expected: [String: String] = [
            "a\"b": #""a\"b""#, "tab\there": #""tab\there""#, "é": "\"é\"", "\u{1}": #""\x01""#,
            "\u{2028}": #""\u2028""#, "😀": "\"😀\"", "back\\slash": #""back\\slash""#,
        ]
        #expect(strconvQuote(s) == expected[s])
    }
}
