import KubeModel
import KubeStore
import Testing

@Suite struct SelectorQueryTests {
    @Test func everyIndexedOperatorMaps() throws {
        let sel = try LabelSelector.parse("a=b,c==d,e!=f,g in (x,y),h notin (z),i,!j")
        #expect(sel.storeRequirements == [
            .equals("a", "b"), .equals("c", "d"), .notEquals("e", "f"), .in("g", ["x", "y"]),
            .notIn("h", ["z"]), .exists("i"), .doesNotExist("j"),
        ])
    }

    @Test func numericComparisonsNeedInMemoryFiltering() throws {
        #expect(try LabelSelector.parse("a=b,n>3").storeRequirements == nil)
        #expect(try LabelSelector.parse("n<3").storeRequirements == nil)
    }
}
