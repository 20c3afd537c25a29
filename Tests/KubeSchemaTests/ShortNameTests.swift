import Testing
@testable import KubeSchema

/// `SchemaDefinition.shortName` finds the last "." over UTF-8 bytes: it must give what the search over
/// characters gives, for every built-in definition and for names where a "." joins a grapheme cluster.
@Suite struct ShortNameTests {
    /// The search over characters (what `shortName` did before it read bytes).
    static func byCharacters(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }

    @Test func builtinDefinitionsKeepTheirGoTypeName() {
        let names = SchemaIndex.builtin.definitionNames
        #expect(names.count > 500)
        for name in names {
            #expect(SchemaDefinition(name: name).shortName == ShortNameTests.byCharacters(name), "\(name)")
        }
        #expect(SchemaDefinition(name: "io.k8s.api.core.v1.PodSpec").shortName == "PodSpec")
    }

    @Test func dotsInsideGraphemeClustersAreNotSplitPoints() {
        let names = [
            "", "NoDot", ".Leading", "Trailing.", "a..b", "a.b.c", "x.\u{E9}t\u{E9}", "\u{E9}t\u{E9}.x",
            "a.b.\u{301}c",       // the last "." carries a combining accent: one character, not "."
            "a.b\u{600}.c",       // U+0600 is a prepended mark: it joins the "." after it
            "a.\u{600}.c.\u{301}", "\u{1F600}.\u{1F600}", "only.\u{301}",
        ]
        for name in names {
            #expect(SchemaDefinition(name: name).shortName == ShortNameTests.byCharacters(name), "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(SchemaDefinition(name: "a.b.\u{301}c").shortName == "b.\u{301}c")
    }
}
