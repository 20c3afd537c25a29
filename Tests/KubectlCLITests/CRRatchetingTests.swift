import KubeModel
import KubeTestSupport
import Testing

/// CRD validation ratcheting (CRDValidationRatcheting, beta and on in v1.32): on update, schema errors in
/// a part equal to its old value (object fields by name, `map` list items by key, other lists whole) are
/// dropped; a failed rule without oldSelf on such a part is a warning; changed parts are held to the
/// schema. Rules do not run after a blocking schema error (type, required, enum, maxLength, maxItems):
/// the server adds one error saying so. Texts derived from v1.32's ratcheting.go, common/equality.go,
/// schema/cel/validation.go and customresource/strategy.go, written before the binary ran.
@Suite struct CRRatchetingTests {
    static let loose = """
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
              note: {type: string}
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    port: {type: integer}
              tags: {type: array, items: {type: string}}
        """

    static var tight: String {
        loose.replacingAll("size: {type: integer}", with: "size: {type: integer, maximum: 10}")
            .replacingAll("port: {type: integer}", with: "port: {type: integer, maximum: 100}")
            .replacingAll("items: {type: string}}", with: "items: {type: string, pattern: '^[a-z]+$'}}")
    }

    static func store() -> TestStore {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("crd.yaml", crdYAML(schema: loose)))").exitCode == 0)
        let w = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"
            + "spec: {size: 50, ports: [{name: a, port: 500}, {name: b, port: 1}], tags: [A]}\n"
        #expect(s.run("create -f \(s.writeFile("w.yaml", w))").exitCode == 0)
        #expect(s.run("replace -f \(s.writeFile("crd2.yaml", crdYAML(schema: tight)))").exitCode == 0)
        return s
    }

    static func refused(_ cause: String) -> CLIResult {
        CLIResult(stdout: "", stderr: "The Widget \"w\" is invalid: \(cause)\n", exitCode: 1)
    }

    @Test func unchangedPartsKeepTheirErrors() {
        let s = Self.store()
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"note":"x"}}'"#)
            == CLIResult(stdout: "widget.example.com/w patched\n", stderr: "", exitCode: 0))
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"size":40}}'"#)
            == Self.refused("spec.size: Invalid value: 40: spec.size in body should be less than or equal to 10"))
        // A map list is correlated by key: the unchanged item a keeps its old port, b may change.
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"ports":[{"name":"b","port":2},{"name":"a","port":500}]}}'"#).exitCode == 0)
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"ports":[{"name":"a","port":400},{"name":"b","port":2}]}}'"#)
            == Self.refused("spec.ports[0].port: Invalid value: 400: spec.ports[0].port in body should be less than or equal to 100"))
        // Other lists are atomic: changing one item holds every item to the schema again.
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"tags":["A","b"]}}'"#)
            == Self.refused("spec.tags[0]: Invalid value: \"A\": spec.tags[0] in body should match '^[a-z]+$'"))
        #expect(s.run("get widget w -o jsonpath={.spec.size}/{.spec.note}/{.spec.ports[0].name}/{.spec.tags}").stdout == "50/x/b/[\"A\"]")
    }

    @Test func aRatchetedRuleFailureIsAWarning() {
        let s = TestStore()
        let rule = Self.loose.replacingAll("size: {type: integer}", with: "size: {type: integer, x-kubernetes-validations: [{rule: 'self < 10'}]}")
        #expect(s.run("create -f \(s.writeFile("crd.yaml", crdYAML(schema: Self.loose)))").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 50}\n"))").exitCode == 0)
        #expect(s.run("replace -f \(s.writeFile("crd2.yaml", crdYAML(schema: rule)))").exitCode == 0)
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"note":"x"}}'"#) == CLIResult(
            stdout: "widget.example.com/w patched\n",
            stderr: "Warning: spec.size: Invalid value: \"integer\": failed rule: self < 10\n", exitCode: 0))
        #expect(s.run(#"patch widget w --type=merge -p '{"spec":{"size":40}}'"#)
            == Self.refused("spec.size: Invalid value: \"integer\": failed rule: self < 10"))
        #expect(s.run("get widget w -o jsonpath={.spec.size}/{.spec.note}").stdout == "50/x")
    }

    @Test func blockingSchemaErrorsStopTheRules() {
        let s = TestStore()
        let schema = Self.loose.replacingAll("    type: object\n    properties:\n      size:",
                                             with: "    type: object\n    x-kubernetes-validations: [{rule: 'self.size < 10'}]\n    properties:\n      size:")
            .replacingAll("port: {type: integer}", with: "port: {type: integer, maximum: 100}")
        #expect(s.run("create -f \(s.writeFile("crd.yaml", crdYAML(schema: schema)))").exitCode == 0)
        let w = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: SPEC\n"
        // A wrong type blocks the rules.
        #expect(s.run("create -f \(s.writeFile("w.yaml", w.replacingAll("SPEC", with: "{size: 50, note: [1]}")))") == CLIResult(stdout: "", stderr: """
            The Widget "w" is invalid: \n\
            * spec.note: Invalid value: "array": spec.note in body must be of type string: "array"
            * <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation

            """, exitCode: 1))
        // A bound does not: the rule runs and both are reported.
        #expect(s.run("create -f \(s.writeFile("w.yaml", w.replacingAll("SPEC", with: "{size: 50, ports: [{name: a, port: 500}]}")))") == CLIResult(stdout: "", stderr: """
            The Widget "w" is invalid: \n\
            * spec.ports[0].port: Invalid value: 500: spec.ports[0].port in body should be less than or equal to 100
            * spec: Invalid value: "object": failed rule: self.size < 10

            """, exitCode: 1))
        #expect(s.run("get widgets").stderr == "No resources found in default namespace.\n")
    }
}
