import KubeModel
import KubeTestSupport
import Testing

/// A CRD whose `spec` carries x-kubernetes-validations rules (plain, messageExpression with
/// fieldPath, reason, transition, optionalOldSelf) and a defaulted list-map key.
private func crd(_ specSchema: String, name: String = "widgets") -> String {
    // specSchema is written at the depth of the properties of `spec` in the whole document (12 columns).
    let spec = specSchema.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("        ") ? $0.dropFirst(8) : $0 }
    return crdYAML(kind: name == "widgets" ? "Widget" : "Gadget", plural: name, singular: String(name.dropLast()),
                   schema: "type: object\nproperties:\n  spec:\n" + spec.joined(separator: "\n"))
}

private let widgetSpec = """
                type: object
                x-kubernetes-validations:
                - rule: "self.minReplicas <= self.replicas"
                  message: "replicas should be greater than or equal to minReplicas"
                - rule: "self.replicas <= 10"
                  messageExpression: "'replicas is ' + string(self.replicas) + ', at most 10'"
                  fieldPath: ".replicas"
                - rule: "!has(self.owner) || self.owner != 'root'"
                  message: "root may not own a widget"
                  reason: FieldValueForbidden
                - rule: "!has(oldSelf.mode) || self.mode == oldSelf.mode"
                  message: "mode is immutable"
                - rule: "oldSelf.hasValue() || self.replicas > 0"
                  optionalOldSelf: true
                  message: "a new widget needs replicas"
                properties:
                  replicas: {type: integer}
                  minReplicas: {type: integer, default: 1}
                  owner: {type: string}
                  mode: {type: string}
                  ports:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [name]
                    items:
                      type: object
                      required: [port]
                      properties:
                        name: {type: string, default: http}
                        port: {type: integer}
    """

private func widget(_ spec: String) -> String {
    "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: \(spec)\n"
}

private func widgetStore() -> TestStore {
    let s = TestStore()
    let r = s.run("create -f \(s.writeFile("crd.yaml", crd(widgetSpec)))")
    #expect(r == CLIResult(stdout: "customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n", stderr: "", exitCode: 0))
    return s
}

@Suite struct CRDValidationTests {
    @Test func misspelledTypeIsRefusedAndNothingIsStored() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", crd("            type: object\n            properties:\n              replicas: {type: strign}"))
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The CustomResourceDefinition "widgets.example.com" is invalid: spec.validation.openAPIV3Schema.properties[spec].properties[replicas].type: Unsupported value: "strign": supported values: "array", "boolean", "integer", "number", "object", "string"

            """, exitCode: 1))
        #expect(s.run("get crd widgets.example.com").stderr
            == "Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io \"widgets.example.com\" not found\n")
    }

    @Test func schemaMustBeStructural() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", crd("""
                        type: object
                        properties:
                          free: {}
                          list: {type: array}
            """))
        let r = s.run("create -f \(f)")
        #expect(r.exitCode == 1)
        #expect(r.stderr == """
            The CustomResourceDefinition "widgets.example.com" is invalid: \n\
            * spec.validation.openAPIV3Schema.properties[spec].properties[free].type: Required value: must not be empty for specified object fields
            * spec.validation.openAPIV3Schema.properties[spec].properties[list].items: Required value: must be specified

            """)
    }

    @Test func defaultsMustMatchTheirSchemaAndListMapKeysNeedDefaults() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", crd("""
                        type: object
                        properties:
                          replicas: {type: integer, default: "three"}
                          ports:
                            type: array
                            x-kubernetes-list-type: map
                            x-kubernetes-list-map-keys: [name]
                            items:
                              type: object
                              properties:
                                name: {type: string}
            """))
        #expect(s.run("create -f \(f)").stderr == """
            The CustomResourceDefinition "widgets.example.com" is invalid: \n\
            * spec.validation.openAPIV3Schema.properties[spec].properties[replicas].default: Invalid value: "string": spec.validation.openAPIV3Schema.properties[spec].properties[replicas].default in body must be of type integer: "string"
            * spec.validation.openAPIV3Schema.properties[spec].properties[ports].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property

            """)
    }

    @Test func rulesMustCompile() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", crd("""
                        type: object
                        x-kubernetes-validations:
                        - rule: "self.replicaz > 0"
                        - rule: "self.replicas"
                        properties:
                          replicas: {type: integer}
            """))
        #expect(s.run("create -f \(f)").stderr == """
            The CustomResourceDefinition "widgets.example.com" is invalid: \n\
            * spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{Rule:"self.replicaz > 0", Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}: compilation failed: ERROR: <input>:1:5: undefined field 'replicaz'
             | self.replicaz > 0
             | ....^
            * spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[1].rule: Invalid value: apiextensions.ValidationRule{Rule:"self.replicas", Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}: cel expression must evaluate to a bool

            """)
    }

    @Test func optionalOldSelfNeedsOldSelf() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", crd("""
                        type: object
                        x-kubernetes-validations:
                        - rule: "self.size > 0"
                          optionalOldSelf: true
                        properties:
                          size: {type: integer}
            """))
        #expect(s.run("create -f \(f)").stderr == """
            The CustomResourceDefinition "widgets.example.com" is invalid: spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].optionalOldSelf: Invalid value: true: may not be set if oldSelf is not used in rule

            """)
    }

    @Test func unboundedNestedLoopsExceedTheCostBudget() {
        let s = TestStore()
        let rule = "self.names.all(a, self.names.all(b, a == b || a != b))"
        let schema = """
                        type: object
                        x-kubernetes-validations:
                        - rule: "\(rule)"
                        properties:
                          names: {type: array, items: {type: string}}
            """
        let r = s.run("create -f \(s.writeFile("crd.yaml", crd(schema)))")
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)"))
        // Bounding the list and its strings brings the same rule within budget.
        let bounded = schema.replacingOccurrences("names: {type: array, items: {type: string}}",
                                                  "names: {type: array, maxItems: 10, items: {type: string, maxLength: 20}}")
        #expect(s.run("create -f \(s.writeFile("crd2.yaml", crd(bounded)))").exitCode == 0)
    }

    @Test func failedRulesRefuseCreateWithTheirMessages() {
        let s = widgetStore()
        let cases: [(String, String)] = [
            ("{replicas: 2, minReplicas: 3}", "spec: Invalid value: \"object\": replicas should be greater than or equal to minReplicas"),
            ("{replicas: 12}", "spec.replicas: Invalid value: \"object\": replicas is 12, at most 10"),
            ("{replicas: 2, owner: root}", "spec: Forbidden: root may not own a widget"),
            ("{replicas: 0, minReplicas: 0}", "spec: Invalid value: \"object\": a new widget needs replicas"),
        ]
        for (spec, message) in cases {
            let r = s.run("create -f \(s.writeFile("w.yaml", widget(spec)))")
            #expect(r == CLIResult(stdout: "", stderr: "The Widget \"w\" is invalid: \(message)\n", exitCode: 1), "\(spec)")
        }
        #expect(s.run("get widgets").stderr == "No resources found in default namespace.\n")
    }

    @Test func duplicateListMapKeysAfterDefaultingAreRefused() {
        let s = widgetStore()
        let r = s.run("create -f \(s.writeFile("w.yaml", widget("{replicas: 1, ports: [{port: 80}, {port: 81}]}")))")
        #expect(r.stderr == "The Widget \"w\" is invalid: spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}\n")
        #expect(r.exitCode == 1)
        // Distinct names are fine, and defaults are stored.
        #expect(s.run("create -f \(s.writeFile("w2.yaml", widget("{replicas: 1, ports: [{port: 80}, {name: https, port: 443}]}")))").exitCode == 0)
        #expect(s.run("get widget w -o jsonpath={.spec.minReplicas}/{.spec.ports[0].name}").stdout == "1/http")
    }

    @Test func transitionRulesGuardUpdates() {
        let s = widgetStore()
        #expect(s.run("create -f \(s.writeFile("w.yaml", widget("{replicas: 2, mode: fast}")))").exitCode == 0)
        let r = s.run(#"patch widget w --type=merge -p '{"spec":{"mode":"slow"}}'"#)
        #expect(r == CLIResult(stdout: "", stderr: "The Widget \"w\" is invalid: spec: Invalid value: \"object\": mode is immutable\n", exitCode: 1))
        #expect(s.run("get widget w -o jsonpath={.spec.mode}").stdout == "fast")
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"replicas":3}}'"#).exitCode == 0)
    }

    @Test func evaluationErrorsAndRootRules() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", crdYAML(kind: "Gadget", plural: "gadgets", singular: "gadget", schema: """
            type: object
            x-kubernetes-validations:
            - rule: "self.metadata.name.startsWith('g-')"
            properties:
              spec:
                type: object
                x-kubernetes-validations:
                - rule: "self.limit / self.divisor > 0"
                properties:
                  limit: {type: integer}
                  divisor: {type: integer}
            """))
        #expect(s.run("create -f \(f)").exitCode == 0)
        let g = "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: NAME}\nspec: {limit: 1, divisor: 0}\n"
        #expect(s.run("create -f \(s.writeFile("g.yaml", g.replacingOccurrences("NAME", "g-1")))").stderr
            == "The Gadget \"g-1\" is invalid: spec: Invalid value: \"object\": divide by zero evaluating rule: self.limit / self.divisor > 0\n")
        #expect(s.run("create -f \(s.writeFile("g.yaml", g.replacingOccurrences("NAME", "x").replacingOccurrences("divisor: 0", "divisor: 1")))").stderr
            == "The Gadget \"x\" is invalid: <nil>: Invalid value: \"object\": failed rule: self.metadata.name.startsWith('g-')\n")
    }
}

@Suite struct CRDValidationRatchetingTests {
    @Test func defaultsMustPassTheirRules() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", crd("""
                        type: object
                        properties:
                          worker:
                            type: object
                            default: {}
                            x-kubernetes-validations:
                            - rule: "self.min <= self.max"
                            properties:
                              min: {type: integer}
                              max: {type: integer}
            """))
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The CustomResourceDefinition "widgets.example.com" is invalid: spec.validation.openAPIV3Schema.properties[spec].properties[worker].default: Invalid value: "object": no such key: min evaluating rule: self.min <= self.max

            """, exitCode: 1))
    }

    @Test func scopeAndKindAreImmutable() {
        let s = widgetStore()
        let changed = crd(widgetSpec).replacingOccurrences("scope: Namespaced", "scope: Cluster")
        #expect(s.run("apply -f \(s.writeFile("crd2.yaml", changed))").stderr.contains(
            "The CustomResourceDefinition \"widgets.example.com\" is invalid: spec.scope: Invalid value: \"Cluster\": field is immutable"))
    }

    @Test func unchangedValuesAreNotHeldToTightenedRules() {
        let s = TestStore()
        let loose = crd("""
                        type: object
                        properties:
                          size: {type: integer}
                          note: {type: string}
            """)
        #expect(s.run("create -f \(s.writeFile("crd.yaml", loose))").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("w.yaml", widget("{size: 50, note: a}")))").exitCode == 0)
        let tight = loose.replacingOccurrences("size: {type: integer}",
                                               "size: {type: integer, x-kubernetes-validations: [{rule: 'self < 10'}]}")
        #expect(s.run("apply -f \(s.writeFile("crd2.yaml", tight))").exitCode == 0)
        // The stored size breaks the new rule, but an update that leaves it alone is accepted (with a warning).
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"note":"b"}}'"#) == CLIResult(
            stdout: "widget.example.com/w patched\n", stderr: "Warning: spec.size: Invalid value: \"integer\": failed rule: self < 10\n", exitCode: 0))
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"size":40}}'"#)
            == CLIResult(stdout: "", stderr: "The Widget \"w\" is invalid: spec.size: Invalid value: \"integer\": failed rule: self < 10\n", exitCode: 1))
        #expect(s.run("get widget w -o jsonpath={.spec.size}/{.spec.note}").stdout == "50/b")
    }
}

extension String {
    fileprivate func replacingOccurrences(_ a: String, _ b: String) -> String { replacingAll(a, with: b) }
}
