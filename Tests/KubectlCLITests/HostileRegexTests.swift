import KubeTestSupport
import Testing

/// Regular expressions in CEL rules (`matches`, `find`, `findAll`) are matched in linear time, as
/// Go's RE2 engine matches them: a pattern that makes a backtracking engine run for years answers at once.
@Suite struct HostileRegexTests {
    @Test func catastrophicPatternsInRulesAnswerAtOnce() {
        let s = TestStore()
        let crd = s.writeFile("crd.yaml", crdYAML(group: "ex.com", kind: "Re", plural: "res", singular: nil, schema: """
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations:
                - rule: "self.b.matches('^(a*)*b$')"
                - rule: "self.b.find('(a|aa)+X') == ''"
                properties:
                  b: {type: string, maxLength: 200}
            """))
        #expect(s.run("create -f \(crd)").exitCode == 0)
        let cr = s.writeFile("cr.yaml", "apiVersion: ex.com/v1\nkind: Re\nmetadata: {name: x}\nspec: {b: \"\(String(repeating: "a", count: 120))X\"}\n")
        #expect(s.run("create -f \(cr)") == CLIResult(stdout: "", stderr: """
            The Re "x" is invalid: 
            * spec: Invalid value: "object": failed rule: self.b.matches('^(a*)*b$')
            * spec: Invalid value: "object": failed rule: self.b.find('(a|aa)+X') == ''

            """, exitCode: 1))
    }

    /// A schema `pattern` is checked as kube-openapi checks it (after the lengths), in linear time.
    @Test func schemaPatternIsCheckedInLinearTime() {
        let s = TestStore()
        let crd = s.writeFile("crd.yaml", crdYAML(group: "ex.com", kind: "Pat", plural: "pats", singular: nil, schema: """
            type: object
            properties:
              spec:
                type: object
                properties:
                  b: {type: string, maxLength: 200, pattern: "^(a+)+c$"}
            """))
        #expect(s.run("create -f \(crd)").exitCode == 0)
        let bad = s.writeFile("bad.yaml", "apiVersion: ex.com/v1\nkind: Pat\nmetadata: {name: x}\nspec: {b: \"\(String(repeating: "a", count: 150))X\"}\n")
        let r = s.run("create -f \(bad)")
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasSuffix("X\": spec.b in body should match '^(a+)+c$'\n"))
        let good = s.writeFile("good.yaml", "apiVersion: ex.com/v1\nkind: Pat\nmetadata: {name: ok}\nspec: {b: aac}\n")
        #expect(s.run("create -f \(good)").stdout == "pat.ex.com/ok created\n")
    }
}
