import KubeModel
import KubeTestSupport
import Testing

/// The set commands' container selector (`-c`) and typed list items, recorded from kubectl v1.32 under
/// Golden/setselector (cases.jsonl written before either binary ran, record.py ran kubectl offline):
/// kubectl's selector is no glob: the first piece before a `*` may sit anywhere in the name (`i*` matches
/// `main` and `side`), `?` is a plain character, the last piece must end the name; over set env (change
/// and --list) and set resources. The items of a typed list (`kind: ServiceList`, `PodList`) have no kind of
/// their own there, so set's errors name them `/NAME`.
enum SetContainerSelectorGolden {
    static let corpus = SweepCorpus(dir: besideTest("Golden/setselector"))
}

@Suite struct SetContainerSelectorGoldenTests {
    @Test func corpusIsThere() {
        #expect(SetContainerSelectorGolden.corpus.cases.count >= 60)
    }

    @Test(arguments: SetContainerSelectorGolden.corpus.groups)
    func matchesKubectl(_ group: String) {
        SetContainerSelectorGolden.corpus.check(group: group) { _ in nil }
    }
}
