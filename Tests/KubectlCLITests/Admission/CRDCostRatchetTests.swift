import KubeModel
import KubeTestSupport
import Testing

/// x-kubernetes-validations cost limits on a CRD update, as v1.32 checks them: a version whose schema the
/// update leaves as it was is not held to the per-expression estimated cost limit (a CRD a cluster accepted
/// stays writable when the estimate changes); a changed schema is, as on create.
@Suite struct CRDCostRatchetTests {
    /// The rule's estimate is just over the per-rule limit (5,000 strings of up to 1,000 characters, each
    /// matched against a regex) and well under the per-CRD total.
    static func crd(uid: Bool) -> String {
        let yaml = crdYAML(schema: """
            type: object
            properties:
              spec:
                type: object
                properties:
                  items:
                    type: array
                    maxItems: 5000
                    items: {type: string, maxLength: 1000}
                x-kubernetes-validations:
                - rule: "self.items.all(x, x.matches('^[a-z]+$'))"
            """)
        guard uid else { return yaml }
        // As a cluster keeps it: a uid, and the status of an established CRD.
        return yaml.replacing("  name: widgets.example.com\n", with: "  name: widgets.example.com\n  uid: 0b7e3c1a-5f2d-4c8e-9a1b-2d3e4f5a6b7c\n") + """
            status:
              acceptedNames: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
              storedVersions: [v1]
              conditions:
              - {type: Established, status: "True", reason: InitialNamesAccepted, message: the initial names have been accepted, lastTransitionTime: "2026-11-23T12:00:00Z"}

            """
    }

    static let overBudget = "The CustomResourceDefinition \"widgets.example.com\" is invalid: spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of 1.002000x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)\n"

    @Test func aNewCRDIsHeldToThePerRuleLimit() {
        let s = TestStore()
        let created = s.run("create -f \(s.writeFile("crd.yaml", Self.crd(uid: false)))")
        #expect(created.exitCode == 1)
        #expect(created.stderr == Self.overBudget)
        #expect(s.run("get crd widgets.example.com").exitCode == 1)
    }

    @Test func anUnchangedSchemaKeepsItsRulesWhateverTheirCost() {
        let s = TestStore()
        // As a cluster kept it (accepted there, e.g. by a version that estimated lower).
        #expect(s.run("store import -f \(s.writeFile("crd.yaml", Self.crd(uid: true)))").exitCode == 0)
        #expect(s.run("label crd widgets.example.com team=a").stdout == "customresourcedefinition.apiextensions.k8s.io/widgets.example.com labeled\n")
        #expect(s.run("patch crd widgets.example.com --type=merge -p '{\"spec\":{\"names\":{\"shortNames\":[\"wd\"]}}}'").exitCode == 0)
        // The rule is enforced all the same.
        let w = s.writeFile("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {items: [abc, \"Not Ok\"]}\n")
        #expect(s.run("apply -f \(w)").stderr == "The Widget \"w\" is invalid: spec: Invalid value: \"object\": failed rule: self.items.all(x, x.matches('^[a-z]+$'))\n")
        // A change to the schema is checked as a new one; nothing of it is stored.
        let before = s.run("get crd widgets.example.com -o yaml").stdout
        let changed = s.run("patch crd widgets.example.com --type=json -p '[{\"op\":\"add\",\"path\":\"/spec/versions/0/schema/openAPIV3Schema/properties/spec/description\",\"value\":\"The widget.\"}]'")
        #expect(changed.exitCode == 1)
        #expect(changed.stderr == Self.overBudget)
        #expect(s.run("get crd widgets.example.com -o yaml").stdout == before)
    }
}
