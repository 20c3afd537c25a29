import Testing
@testable import KubeSchema

@Suite struct ExplainWrapTests {
    @Test func wrapsAtWhitespace() {
        #expect(goWordWrap("aaa bbb ccc", limit: 7) == "aaa bbb\nccc")
        #expect(goWordWrap("aaa bbb ccc", limit: 6) == "aaa\nbbb\nccc")
        #expect(goWordWrap("", limit: 5) == "")
    }

    @Test func longWordsOverflow() {
        #expect(goWordWrap("ab " + String(repeating: "x", count: 10) + " cd", limit: 5)
                == "ab\n" + String(repeating: "x", count: 10) + "\ncd")
    }

    @Test func keepsNewlinesAndTrailingSpaces() {
        #expect(goWordWrap("one\ntwo three\n", limit: 5) == "one\ntwo\nthree\n")
        #expect(goWordWrap("a  b", limit: 10) == "a  b")
        #expect(goWordWrap("abc   ", limit: 4) == "abc")
        #expect(goWordWrap("ab  ", limit: 4) == "ab  ")
        // A non-breaking space joins words.
        #expect(goWordWrap("aa\u{A0}bb cc", limit: 6) == "aa\u{A0}bb\ncc")
    }

    @Test func indentPadsEveryLine() {
        #expect(indentLines("a\nb\n", 4) == "    a\n    b\n    ")
        #expect(indentLines("x", 2) == "  x")
    }
}
