import KubeModel
import Testing

/// The RE2-syntax matcher: Go regexp's answers (leftmost-first), and no pattern that takes
/// exponential time (the inputs below take years with a backtracking engine).
@Suite struct LinearRegexTests {
    func find(_ p: String, _ s: String) throws -> String? {
        let u = Array(s.unicodeScalars)
        return try LinearRegex(p).firstMatch(in: u, from: 0).map { String(String.UnicodeScalarView(u[$0])) }
    }

    @Test func goAnswers() throws {
        #expect(try find("a+", "baaac") == "aaa")
        #expect(try find("a+?", "baaac") == "a")
        #expect(try find("(a|ab)(c|bcd)(d*)", "abcd") == "abcd")
        #expect(try find("a|ab", "ab") == "a")            // leftmost-first, not longest
        #expect(try find("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "web-1") == "web-1")
        #expect(try find("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "Web") == nil)
        #expect(try find(#"\d{2,3}"#, "x12345") == "123")
        #expect(try find(#"(?i)hello\b"#, "say HELLO there") == "HELLO")
        #expect(try find(#"[[:upper:]]+"#, "abcDEFg") == "DEF")
        #expect(try find(#"[^\s]+$"#, "a b c") == "c")
        #expect(try find(#"x*"#, "abc") == "")
        #expect(try find(#"\x41\x{42}\Q.*\E"#, "zAB.*") == "AB.*")
        #expect(try find("(?s)a.b", "a\nb") == "a\nb")
        #expect(try find("a.b", "a\nb") == nil)
        #expect(try find("(?m)^b$", "a\nb\nc") == "b")
        #expect(try find("^b$", "a\nb\nc") == nil)
        #expect(try find("é+", "cafééé") == "ééé")
        #expect(try find("c$", "abc") == "c")
        #expect(try find(#"\bb"#, "ab b") == "b")
        // Go's FindAllString: an empty match right after a previous match is skipped.
        #expect(try LinearRegex("a*").allMatches(in: "baaacaa") == ["", "aaa", "aa"])
        #expect(try LinearRegex("b*").allMatches(in: "abc") == ["", "b", ""])
        #expect(try LinearRegex(",").allMatches(in: "a,b,c", limit: 1) == [","])
    }

    @Test func pathologicalPatternsStayLinear() throws {
        let long = String(repeating: "a", count: 5_000) + "X"
        for p in ["^(a*)*b$", "^(a|aa)+$", "^(a+)+c$", "(x+x+)+y", "^(a?){30}a{30}$"] {
            #expect(try !LinearRegex(p).matches(long), "\(p)")
        }
        #expect(try LinearRegex("^(a?){30}a{30}$").matches(String(repeating: "a", count: 30)))
    }

    @Test func refusesWhatItCannotMatch() {
        #expect(throws: LinearRegex.Unsupported.self) { try LinearRegex(#"\pL"#) }
        #expect(throws: LinearRegex.Unsupported.self) { try LinearRegex("(a") }
        #expect(throws: LinearRegex.Unsupported.self) { try LinearRegex("((a{1000}){1000}){1000}") }
    }
}
