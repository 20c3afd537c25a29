import Testing
import KubeModel
import KubeTestSupport
@testable import KubeSchema

// `kubectl explain` of custom resources: the CRDs of Fixtures/explain/crds.json (enums, int-or-string,
// maps of strings and of objects, lists of objects five levels deep, preserved unknown fields, a field
// differing only in case, a second served version, a cluster-scoped kind without schema), recorded from
// kubectl v1.32 against fake_apiserver.py with FAKE_CRDS=crds.json (record.sh crd-cases.txt). The fake
// publishes each served version as the API server does, with synthetic descriptions for the apiVersion,
// kind and metadata fields it adds; the CRDs' own descriptions are the fixture's.
// Checked as ExplainGoldenTests does: byte for byte through the Explainer over the CRD's schema (those
// three descriptions made synthetic the same way), and end to end on a store holding the CRDs.

let explainCRDCases: [ExplainCase] = readFixture("explain/crd-cases.txt").split(separator: "\n").compactMap { line in
    guard !line.hasPrefix("#") else { return nil }
    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard f.count == 3 else { return nil }
    return ExplainCase(name: f[0], args: f[1], path: f[2])
}

/// The index the fake server's document amounts to for one served version of a fixture CRD.
func explainCRDIndex(group: String, version: String, kind: String) -> SchemaIndex? {
    guard let list = try? JSON.parse(readFixture("explain/crds.json")) else { return nil }
    for crd in list["items"].array ?? [] where crd["spec"]["group"].string == group {
        let names = crd["spec"]["names"]
        guard names["kind"].string == kind else { continue }
        for v in crd["spec"]["versions"].array ?? [] where v["name"].string == version {
            let index = SchemaIndex.customResourceForExplain(
                group: group, version: version, kind: kind, plural: names["plural"].string ?? "",
                namespaced: crd["spec"]["scope"].string == "Namespaced", openAPIV3Schema: v["schema"]["openAPIV3Schema"])
            // The fake names the definition as the API server does (reversed group) and keys its
            // synthetic descriptions of the added fields by it.
            let name = group.split(separator: ".").reversed().joined(separator: ".") + "." + version + "." + kind
            let gvk = GroupVersionKind(group: group, version: version, kind: kind)
            guard let def = index.definition(for: gvk) else { return nil }
            return SchemaIndex.closedOver([withSyntheticStandardFields(def, key: name)], fallback: .builtin,
                                          servedResources: index.servedResources,
                                          groupVersions: index.groupVersions)
        }
    }
    return nil
}

/// The root and every embedded resource (an object with apiVersion, kind and metadata) with the fake's
/// synthetic descriptions of those three fields, keyed by the field path (`[]` for list items, `{}` for
/// map values) as fake_apiserver.py keys them.
func withSyntheticStandardFields(_ d: SchemaDefinition, key: String) -> SchemaDefinition {
    var d = d
    let standard = ["apiVersion", "kind", "metadata"]
    let embedded = standard.allSatisfy { d.property(named: $0) != nil }
    func visit(_ t: SchemaType, _ key: String) -> SchemaType {
        switch t {
        case .inline(let inner): return .inline(withSyntheticStandardFields(inner, key: key))
        case .array(let i): return .array(visit(i, key + "[]"))
        case .map(let v): return .map(visit(v, key + "{}"))
        default: return t
        }
    }
    for (i, p) in d.properties.enumerated() {
        if embedded && standard.contains(p.name) {
            d.properties[i].description = SyntheticDescriptions.text(key + "." + p.name)
        }
        d.properties[i].type = visit(p.type, key + "." + p.name)
    }
    return d
}

/// Synthetic descriptions for the built-in definitions (ObjectMeta and what it refers to), as the fake
/// serves them; a custom resource's own fields without a description have none.
struct CRDTestDescriptions: SchemaDescriptions {
    func description(definition: String) -> String {
        definition.hasPrefix("io.k8s.") ? SyntheticDescriptions.text(definition) : ""
    }
    func description(definition: String, field: String) -> String {
        definition.hasPrefix("io.k8s.") ? SyntheticDescriptions.text(definition + "." + field) : ""
    }
}

@Suite struct ExplainCRDGoldenTests {
    @Test func casesAreRecorded() {
        #expect(explainCRDCases.count >= 60)
    }

    @Test(arguments: explainCRDCases)
    func byteExactWithSyntheticDescriptions(_ c: ExplainCase) throws {
        let rec = ExplainRecording(c)
        guard c.path != "-", !rec.stdout.isEmpty else { return }
        let gvk = rec.headerKind()
        let index = try #require(explainCRDIndex(group: gvk.group, version: gvk.version, kind: gvk.kind))
        let explainer = Explainer(index: index, descriptions: CRDTestDescriptions())
        let r = explainer.plaintext(gvk: gvk, fieldPath: c.fieldPath, recursive: c.args.contains("--recursive"))
        #expect(r.output == rec.stdout)
        #expect((r.error?.message).map { $0 + "\n" } ?? "" == rec.stderr)
    }

    @Test(arguments: explainCRDCases)
    func endToEndStructure(_ c: ExplainCase) throws {
        let store = TestStore()
        let crds = store.writeFile("crds.json", readFixture("explain/crds.json"))
        #expect(store.run(args: ["create", "-f", crds]).exitCode == 0)
        ExplainRecording(c).expectSameOutcome(store.run(args: ["explain"] + c.args.split(separator: " ").map(String.init)))
    }
}
