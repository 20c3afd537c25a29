import KubeModel
import KubeTestSupport
import Testing

/// The CEL compatibility version: v1.32 compiles an expression being written against 1.31's environment
/// (base.go: `DefaultCompatibilityVersion` is the effective version's minimum compatibility version, the
/// binary minus one), so two-variable comprehensions (introduced at 1.32) are refused in new CRD rules,
/// policies and match conditions; an expression whose text the replaced object already has compiles
/// against everything v1.32 has. Libraries v1.32 never offers (cel-go's math, strings' reverse,
/// cel.bind) are refused everywhere. Calls are placed at their opening parenthesis, as cel-go's parser
/// does. Expected texts were written from the v1.32 and cel-go sources before the binary ran.
@Suite struct CELCompatibilityTests {
    static let twoVarRule = "self.tags.all(i, t, i < 3)"

    static func crd(_ rules: [String], extra: String = "") -> String {
        let list = rules.map { "    - rule: \"\($0)\"\n" }.joined()
        return crdYAML(schema: """
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations:
            \(list)    properties:
                  tags: {type: array, maxItems: 10, items: {type: string, maxLength: 10}}
            \(extra)
            """)
    }

    /// An object as another cluster stored it (a uid): `store import` restores it without admission.
    static func stored(_ yaml: String, _ name: String) -> String {
        yaml.replacingAll("name: \(name)", with: "name: \(name), uid: 6e1c0b42-0d6f-4c53-9d2e-8f3b1a2c4d5e")
    }

    /// cel-go's rendering of one undeclared reference at a 1-based column of a one-line expression.
    static func undeclared(_ name: String, _ column: Int, _ source: String) -> String {
        "ERROR: <input>:1:\(column): undeclared reference to '\(name)' (in container '')\n | \(source)\n | "
            + String(repeating: ".", count: column - 1) + "^"
    }

    static func ruleValue(_ rule: String) -> String {
        "apiextensions.ValidationRule{Rule:\"\(rule)\", Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), "
            + "FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}"
    }

    static let twoVarErrors = [undeclared("all", 14, twoVarRule), undeclared("i", 15, twoVarRule),
                               undeclared("t", 18, twoVarRule), undeclared("i", 21, twoVarRule)].joined(separator: "\n")

    @Test func aNewCRDRuleMayNotUseTwoVariableComprehensions() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", Self.crd([Self.twoVarRule]))
        for verb in ["create", "apply", "create --dry-run=server"] {
            #expect(s.run("\(verb) -f \(f)") == CLIResult(stdout: "", stderr: """
                The CustomResourceDefinition "widgets.example.com" is invalid: spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: \
                Invalid value: \(Self.ruleValue(Self.twoVarRule)): compilation failed: \(Self.twoVarErrors)

                """, exitCode: 1), "\(verb)")
        }
        #expect(s.run("get crd").stderr == "No resources found\n")
        // The one-variable macro is as old as CEL in Kubernetes.
        #expect(s.run("create -f \(s.writeFile("ok.yaml", Self.crd(["self.tags.all(t, t != 'x')"])))").exitCode == 0)
    }

    @Test func aNewMessageExpressionIsCompiledTheSameWay() {
        let s = TestStore()
        let message = "self.tags.all(i, t, i < 3) ? 'ok' : 'too many'"
        let f = s.writeFile("crd.yaml", Self.crd(["size(self.tags) < 3"]).replacingAll(
            "- rule: \"size(self.tags) < 3\"\n", with: "- rule: \"size(self.tags) < 3\"\n" + String(repeating: " ", count: 14) + "messageExpression: \"\(message)\"\n"))
        let e = [Self.undeclared("all", 14, message), Self.undeclared("i", 15, message), Self.undeclared("t", 18, message),
                 Self.undeclared("i", 21, message)].joined(separator: "\n")
        let value = "apiextensions.ValidationRule{Rule:\"size(self.tags) < 3\", Message:\"\", MessageExpression:\"\(message)\", "
            + "Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}"
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The CustomResourceDefinition "widgets.example.com" is invalid: spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].messageExpression: \
            Invalid value: \(value): messageExpression compilation failed: \(e)

            """, exitCode: 1))
    }

    @Test func librariesKubernetesNeverOfferedAreRefused() {
        let s = TestStore()
        let rules = ["math.greatest(1, 2) == 2", "self.tags[0].reverse() == 'a'", "cel.bind(x, 1, x == 1)"]
        let r = s.run("create -f \(s.writeFile("crd.yaml", Self.crd(rules)))")
        let p = "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations"
        #expect(r == CLIResult(stdout: "", stderr: """
            The CustomResourceDefinition "widgets.example.com" is invalid: \n\
            * \(p)[0].rule: Invalid value: \(Self.ruleValue(rules[0])): compilation failed: \
            \(Self.undeclared("math", 1, rules[0]))
            \(Self.undeclared("greatest", 14, rules[0]))
            * \(p)[1].rule: Invalid value: \(Self.ruleValue(rules[1])): compilation failed: \(Self.undeclared("reverse", 21, rules[1]))
            * \(p)[2].rule: Invalid value: \(Self.ruleValue(rules[2])): compilation failed: \
            \(Self.undeclared("cel", 1, rules[2]))
            \(Self.undeclared("bind", 9, rules[2]))
            \(Self.undeclared("x", 10, rules[2]))
            \(Self.undeclared("x", 16, rules[2]))

            """, exitCode: 1))
    }

    /// A CRD written by a server whose compatibility version had the feature (here: imported) keeps its
    /// rule through updates that leave the rule's text in place; the rule is enforced; a new text is refused.
    @Test func aStoredCRDRuleKeepsCompilingOnUpdate() {
        let s = TestStore()
        let crd = Self.crd([Self.twoVarRule]).replacingAll("  name: widgets.example.com\n", with: "  name: widgets.example.com\n  uid: 6e1c0b42-0d6f-4c53-9d2e-8f3b1a2c4d5e\n")
        #expect(s.run("store import -f \(s.writeFile("crd.yaml", crd))").exitCode == 0)
        // Another field joins the schema: the stored rule is compiled again, with 1.32's environment.
        let more = Self.crd([Self.twoVarRule], extra: "      note: {type: string}")
        #expect(s.run("replace -f \(s.writeFile("crd2.yaml", more))")
            == CLIResult(stdout: "customresourcedefinition.apiextensions.k8s.io/widgets.example.com replaced\n", stderr: "", exitCode: 0))
        // The rule is enforced.
        let w = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {tags: [a, b, c, d]}\n"
        #expect(s.run("create -f \(s.writeFile("w.yaml", w))") == CLIResult(stdout: "", stderr: """
            The Widget "w" is invalid: spec: Invalid value: "object": failed rule: \(Self.twoVarRule)

            """, exitCode: 1))
        #expect(s.run("create -f \(s.writeFile("w2.yaml", w.replacingAll("c, d", with: "c")))").exitCode == 0)
        // A second two-variable rule is new: refused, the stored one still passes.
        let second = "self.tags.all(i, t, t != 'x')"
        let e = [Self.undeclared("all", 14, second), Self.undeclared("i", 15, second), Self.undeclared("t", 18, second),
                 Self.undeclared("t", 21, second)].joined(separator: "\n")
        #expect(s.run("replace -f \(s.writeFile("crd3.yaml", Self.crd([Self.twoVarRule, second], extra: "      note: {type: string}")))")
            == CLIResult(stdout: "", stderr: """
            The CustomResourceDefinition "widgets.example.com" is invalid: spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[1].rule: \
            Invalid value: \(Self.ruleValue(second)): compilation failed: \(e)

            """, exitCode: 1))
        #expect(s.run("get crd widgets.example.com -o jsonpath={.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.note.type}").stdout == "string")
    }

    static func policy(_ validations: String, variables: String = "") -> String {
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: demo}
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
            - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}
        \(variables)  validations:
        \(validations)
        """
    }

    static let labelsRule = "object.metadata.labels.all(k, v, v != '')"

    @Test func aNewPolicyExpressionMayNotUseTwoVariableComprehensions() {
        let s = TestStore()
        let f = s.writeFile("vap.yaml", Self.policy("  - expression: \"\(Self.labelsRule)\""))
        let e = [Self.undeclared("all", 27, Self.labelsRule), Self.undeclared("k", 28, Self.labelsRule),
                 Self.undeclared("v", 31, Self.labelsRule), Self.undeclared("v", 34, Self.labelsRule)].joined(separator: "\n")
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The ValidatingAdmissionPolicy "demo" is invalid: spec.validations[0].expression: Invalid value: \
            "\(Self.labelsRule)": compilation failed: \(e)

            """, exitCode: 1))
        #expect(s.run("get validatingadmissionpolicies").stderr == "No resources found\n")
    }

    /// v1.32 looks a variable's expression up among the old policy's validation expressions: a variable
    /// whose text is a stored validation compiles with 1.32's environment, any other new text with 1.31's.
    @Test func aStoredPolicyExpressionKeepsCompilingOnUpdate() {
        let s = TestStore()
        let stored = Self.policy("  - expression: \"\(Self.labelsRule)\"")
        #expect(s.run("store import -f \(s.writeFile("vap.yaml", Self.stored(stored, "demo")))").exitCode == 0)
        let sameText = Self.policy("  - expression: \"\(Self.labelsRule)\"\n    message: labels need values",
                                   variables: "  variables:\n  - {name: ok, expression: \"\(Self.labelsRule)\"}\n")
        #expect(s.run("replace -f \(s.writeFile("v2.yaml", sameText))")
            == CLIResult(stdout: "validatingadmissionpolicy.admissionregistration.k8s.io/demo replaced\n", stderr: "", exitCode: 0))
        let other = "object.metadata.labels.exists(k, v, v == 'x')"
        let changed = Self.policy("  - expression: \"\(Self.labelsRule)\"",
                                  variables: "  variables:\n  - {name: ok, expression: \"\(other)\"}\n")
        let e = [Self.undeclared("exists", 30, other), Self.undeclared("k", 31, other),
                 Self.undeclared("v", 34, other), Self.undeclared("v", 37, other)].joined(separator: "\n")
        #expect(s.run("replace -f \(s.writeFile("v3.yaml", changed))") == CLIResult(stdout: "", stderr: """
            The ValidatingAdmissionPolicy "demo" is invalid: spec.variables[0].expression: Invalid value: \
            "\(other)": compilation failed: \(e)

            """, exitCode: 1))
        #expect(s.run("get validatingadmissionpolicy demo -o jsonpath={.spec.validations[0].message}").stdout == "labels need values")
    }

    @Test func webhookMatchConditionsFollowTheSameRule() {
        let s = TestStore()
        let cond = "request.userInfo.extra.all(k, v, v.size() > 0)"
        func hook(_ conditions: [String]) -> String {
            """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata: {name: demo}
            webhooks:
            - name: check.example.com
              clientConfig: {url: "https://example.com/check"}
              sideEffects: None
              admissionReviewVersions: [v1]
              matchConditions:
            \(conditions.enumerated().map { "  - {name: c\($0.offset), expression: \"\($0.element)\"}" }.joined(separator: "\n"))

            """
        }
        let e = [Self.undeclared("all", 27, cond), Self.undeclared("k", 28, cond), Self.undeclared("v", 31, cond),
                 Self.undeclared("v", 34, cond)].joined(separator: "\n")
        #expect(s.run("create -f \(s.writeFile("h.yaml", hook([cond])))") == CLIResult(stdout: "", stderr: """
            The ValidatingWebhookConfiguration "demo" is invalid: webhooks[0].matchConditions[0].expression: Invalid value: \
            "\(cond)": compilation failed: \(e)

            """, exitCode: 1))
        #expect(s.run("store import -f \(s.writeFile("h.yaml", Self.stored(hook([cond]), "demo")))").exitCode == 0)
        // A new condition makes the server compile them all: the stored text passes, the new one is checked.
        #expect(s.run("replace -f \(s.writeFile("h2.yaml", hook([cond, "request.name != ''"])))").exitCode == 0)
    }
}
