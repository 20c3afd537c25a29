import KubeModel
import KubeTestSupport
import Testing

/// ValidatingAdmissionPolicy and its binding validated on create and update as v1.32's
/// ValidateValidatingAdmissionPolicy(Update)/ValidateValidatingAdmissionPolicyBinding do, with every
/// CEL expression compiled in the admission environment. The expected texts were written from the v1.32
/// sources before the binary ran; Golden/zerodrop has kubectl v1.32's rendering of such refusals.
@Suite struct AdmissionPolicyRuleTests {
    static let check = "get validatingadmissionpolicies,validatingadmissionpolicybindings -o name"

    static func policy(_ spec: String, name: String = "demo") -> String {
        "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: \(name)\nspec:\n" + spec
    }

    static let rules = """
          matchConstraints:
            resourceRules:
            - apiGroups: [apps]
              apiVersions: [v1]
              operations: [CREATE, UPDATE]
              resources: [deployments]

        """

    @Test func aWellFormedPolicyAndBindingAreStored() {
        let s = TestStore()
        let f = s.writeFile("ok.yaml", Self.policy("""
              paramKind: {apiVersion: v1, kind: ConfigMap}
            \(Self.rules)  matchConditions:
              - name: not-system
                expression: "!(request.namespace in ['kube-system'])"
              - name: has-params
                expression: "params.data.size() > 0"
              variables:
              - name: replicas
                expression: "object.spec.replicas"
              - name: limit
                expression: "int(params.data.maxReplicas)"
              - name: isProd
                expression: "namespaceObject.metadata.labels['env'] == 'prod'"
              validations:
              - expression: "variables.replicas <= variables.limit"
                messageExpression: "'replicas ' + string(variables.replicas) + ' over ' + string(variables.limit)"
                reason: Invalid
              - expression: "variables.isProd"
              - expression: "authorizer.group('apps').resource('deployments').namespace(request.namespace).check('scale').allowed()"
                message: "may not scale"
              - expression: "authorizer.requestResource.check('update').allowed() || request.userInfo.groups.exists(g, g == 'system:masters')"
              auditAnnotations:
              - key: replicas
                valueExpression: "string(variables.replicas)"

            """))
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "validatingadmissionpolicy.admissionregistration.k8s.io/demo created\n", stderr: "", exitCode: 0))
        let b = s.writeFile("b.yaml", """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: {name: demo-binding}
            spec:
              policyName: demo
              paramRef: {name: limits, namespace: default, parameterNotFoundAction: Deny}
              validationActions: [Deny, Audit]

            """)
        #expect(s.run("create -f \(b)") == CLIResult(stdout: "validatingadmissionpolicybinding.admissionregistration.k8s.io/demo-binding created\n", stderr: "", exitCode: 0))
    }

    @Test func aPolicyFullOfMistakesGetsEveryError() {
        FieldRuleTests.refused(Self.policy("""
              failurePolicy: Sometimes
              paramKind: {apiVersion: "example.com/v1/extra", kind: "My_Kind"}
              matchConstraints:
                matchPolicy: Fuzzy
                resourceRules:
                - apiGroups: [""]
                  apiVersions: [v1]
                  operations: [CREATE, PATCH]
                  resources: [pods]
                  resourceNames: [a, a, "x/y"]
              matchConditions:
              - name: c1
                expression: "object.metadata.name"
              - name: c1
                expression: "variables.x == 1"
              variables:
              - name: "1bad"
                expression: "object.spec"
              - name: ok
                expression: "variables.later > 1"
              - name: later
                expression: "   "
              validations:
              - expression: "1"
                message: "line one\\nline two"
                reason: Teapot
              - expression: "object.spec.replicas > 1"
                messageExpression: "object.metadata.name"
              - expression: "   "
                messageExpression: "authorizer.path('/x').check('get').reason()"
              auditAnnotations:
              - key: "bad key!"
                valueExpression: "1"
              - key: "bad key!"
                valueExpression: "'x'"

            """), """
            The ValidatingAdmissionPolicy "demo" is invalid: 
            * spec.failurePolicy: Unsupported value: "Sometimes": supported values: "Fail", "Ignore"
            * spec.paramKind.apiVersion: Invalid value: "example.com/v1/extra": unexpected GroupVersion string: example.com/v1/extra
            * spec.paramKind.kind: Invalid value: "My_Kind": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')
            * spec.matchConstraints.matchPolicy: Unsupported value: "Fuzzy": supported values: "Equivalent", "Exact"
            * spec.matchConstraints.resourceRules[0].resourceNames[1]: Duplicate value: "a"
            * spec.matchConstraints.resourceRules[0].resourceNames[2]: Invalid value: "x/y": may not contain '/'
            * spec.matchConstraints.resourceRules[0].operations[1]: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"
            * spec.matchConditions[0].expression: Invalid value: "object.metadata.name": must evaluate to bool but got dyn
            * spec.matchConditions[1].expression: Invalid value: "variables.x == 1": compilation failed: ERROR: <input>:1:1: undeclared reference to 'variables' (in container '')
             | variables.x == 1
             | ^
            * spec.matchConditions[1].name: Duplicate value: "c1"
            * spec.variables[0].name: Invalid value: "1bad": name is not a valid CEL identifier
            * spec.variables[1].expression: Invalid value: "variables.later > 1": compilation failed: ERROR: <input>:1:10: undefined field 'later'
             | variables.later > 1
             | .........^
            * spec.variables[2].expression: Required value: expression is not specified
            * spec.validations[0].expression: Invalid value: "1": must evaluate to bool but got int
            * spec.validations[0].message: Invalid value: "line one\\nline two": message must not contain line breaks
            * spec.validations[0].reason: Unsupported value: "Teapot": supported values: "Forbidden", "Invalid", "RequestEntityTooLarge"
            * spec.validations[1].messageExpression: Invalid value: "object.metadata.name": must evaluate to string but got dyn
            * spec.validations[2].expression: Required value: expression is not specified
            * spec.validations[2].messageExpression: Invalid value: "authorizer.path('/x').check('get').reason()": compilation failed: ERROR: <input>:1:1: undeclared reference to 'authorizer' (in container '')
             | authorizer.path('/x').check('get').reason()
             | ^
            * spec.auditAnnotations[0].key: Invalid value: "demo/bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * spec.auditAnnotations[0].valueExpression: Invalid value: "1": must evaluate to one of [string null_type] but got int
            * spec.auditAnnotations[1].key: Invalid value: "demo/bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * spec.auditAnnotations[1].key: Duplicate value: "bad key!"

            """, check: Self.check)
    }

    @Test func requiredPartsOfAPolicy() {
        FieldRuleTests.refused(Self.policy("  failurePolicy: Ignore\n"), """
            The ValidatingAdmissionPolicy "demo" is invalid: 
            * spec.matchConstraints: Required value
            * spec.validations: Required value: validations or auditAnnotations must contain at least one item
            * spec.auditAnnotations: Required value: validations or auditAnnotations must contain at least one item

            """, check: Self.check)
        FieldRuleTests.refused(Self.policy("""
              paramKind: {}
              matchConstraints: {}
              validations:
              - expression: "params.x == 1"
                message: "   "
              - expression: "has(object.spec)"
                messageExpression: "  "

            """), """
            The ValidatingAdmissionPolicy "demo" is invalid: 
            * spec.paramKind.apiVersion: Required value
            * spec.paramKind.kind: Required value
            * spec.matchConstraints.resourceRules: Required value
            * spec.validations[0].message: Invalid value: "   ": message must be non-empty if specified
            * spec.validations[1].messageExpression: Invalid value: "  ": must be non-empty if specified

            """, check: Self.check)
        // Without a paramKind there are no params.
        FieldRuleTests.refused(Self.policy(Self.rules + "  validations:\n  - expression: \"params.x == 1\"\n"), """
            The ValidatingAdmissionPolicy "demo" is invalid: spec.validations[0].expression: Invalid value: "params.x == 1": compilation failed: ERROR: <input>:1:1: undeclared reference to 'params' (in container '')
             | params.x == 1
             | ^

            """, check: Self.check)
    }

    @Test func paramKindVersionsAndGroups() {
        FieldRuleTests.refused(Self.policy("  paramKind: {apiVersion: \"Example.com/V1\", kind: \"ok\"}\n" + Self.rules + "  validations: [{expression: 'true'}]\n"), """
            The ValidatingAdmissionPolicy "demo" is invalid: 
            * spec.paramKind.apiVersion: Invalid value: "Example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            * spec.paramKind.apiVersion: Invalid value: "V1": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')

            """, check: Self.check)
        FieldRuleTests.refused(Self.policy("  paramKind: {apiVersion: \"example.com/\", kind: ConfigMap}\n" + Self.rules + "  validations: [{expression: 'true'}]\n"), """
            The ValidatingAdmissionPolicy "demo" is invalid: spec.paramKind.apiVersion: Invalid value: "example.com/": version must be specified

            """, check: Self.check)
    }

    @Test func auditAnnotationLimits() {
        let many = (0..<21).map { "  - {key: k\($0), valueExpression: \"'v'\"}\n" }.joined()
        let shown = (0..<21).map { "admissionregistration.AuditAnnotation{Key:\"k\($0)\", ValueExpression:\"'v'\"}" }.joined(separator: ", ")
        FieldRuleTests.refused(Self.policy(Self.rules + "  auditAnnotations:\n" + many), """
            The ValidatingAdmissionPolicy "demo" is invalid: spec.auditAnnotations: Invalid value: []admissionregistration.AuditAnnotation{\(shown)}: must not have more than 20 auditAnnotations

            """, check: Self.check)
        let long = "'" + String(repeating: "a", count: 5200) + "'"
        FieldRuleTests.refused(Self.policy(Self.rules + "  auditAnnotations:\n  - {key: big, valueExpression: \"\(long)\"}\n  - {key: \"\", valueExpression: \"  null  \"}\n"), """
            The ValidatingAdmissionPolicy "demo" is invalid: 
            * spec.auditAnnotations[0].valueExpression: Required value: must not exceed 5120 bytes in length
            * spec.auditAnnotations[1].key: Invalid value: "demo/": name part must be non-empty
            * spec.auditAnnotations[1].key: Invalid value: "demo/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')

            """, check: Self.check)
    }

    /// Empty strings: each part's own Required text (the OpenAPI `required` list is not what v1.32 checks).
    @Test func emptyStringsGetTheRulesOwnTexts() {
        FieldRuleTests.refused(Self.policy(Self.rules + """
              matchConditions:
              - {name: "", expression: ""}
              variables:
              - {name: "", expression: ""}
              validations:
              - {expression: ""}
              auditAnnotations:
              - {key: "", valueExpression: ""}

            """), """
            The ValidatingAdmissionPolicy "demo" is invalid: 
            * spec.matchConditions[0].expression: Required value
            * spec.matchConditions[0].name: Required value
            * spec.variables[0].name: Required value: name is not specified
            * spec.variables[0].expression: Required value: expression is not specified
            * spec.validations[0].expression: Required value: expression is not specified
            * spec.auditAnnotations[0].key: Invalid value: "demo/": name part must be non-empty
            * spec.auditAnnotations[0].key: Invalid value: "demo/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * spec.auditAnnotations[0].valueExpression: Required value: valueExpression is not specified

            """, check: Self.check)
    }

    @Test func bindingMistakes() {
        FieldRuleTests.refused("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: {name: demo-binding}
            spec:
              policyName: Demo_Policy
              paramRef:
                name: ".."
                selector: {matchLabels: {app: web}}
              matchResources:
                matchPolicy: Exact
                namespaceSelector:
                  matchExpressions:
                  - {key: env, operator: In, values: ["bad value!"]}
              validationActions: [Deny, Warn, Deny, Block]

            """, """
            The ValidatingAdmissionPolicyBinding "demo-binding" is invalid: 
            * spec.policyName: Invalid value: "Demo_Policy": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            * spec.paramRef.name: Invalid value: "..": may not be '..'
            * spec.paramRef.name: Forbidden: name and selector are mutually exclusive
            * spec.paramRef.selector: Forbidden: name and selector are mutually exclusive
            * spec.paramRef.parameterNotFoundAction: Required value
            * spec.matchResources.namespaceSelector.matchExpressions[0].values[0]: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
            * spec.validationActions[2]: Duplicate value: "Deny"
            * spec.validationActions[3]: Unsupported value: "Block": supported values: "Audit", "Deny", "Warn"
            * spec.validationActions: Invalid value: []admissionregistration.ValidationAction{"Deny", "Warn", "Deny", "Block"}: must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)

            """, check: Self.check)
        FieldRuleTests.refused("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: {name: empty}
            spec:
              paramRef: {parameterNotFoundAction: Ignore}

            """, """
            The ValidatingAdmissionPolicyBinding "empty" is invalid: 
            * spec.policyName: Required value
            * spec.paramRef: Required value: one of name or selector must be specified
            * spec.paramRef.parameterNotFoundAction: Unsupported value: "Ignore": supported values: "Deny", "Allow"
            * spec.validationActions: Required value: at least one validation action is required

            """, check: Self.check)
    }

    /// An update is validated too; a refused one leaves the stored policy as it was. Variables compose in
    /// order and keep their type: a bool variable is a valid validation by itself.
    @Test func updatesAreValidatedAndVariablesCompose() {
        let s = TestStore()
        let ok = s.writeFile("ok.yaml", Self.policy(Self.rules + """
              variables:
              - {name: name, expression: "object.metadata.name"}
              - {name: short, expression: "variables.name.size() < 10"}
              - {name: tags, expression: "['a', 'b']"}
              validations:
              - expression: "variables.short"
              - expression: "variables.tags.all(t, t.size() == 1)"
                messageExpression: "variables.tags.join(', ')"

            """))
        #expect(s.run("apply -f \(ok)") == CLIResult(stdout: "validatingadmissionpolicy.admissionregistration.k8s.io/demo created\n", stderr: "", exitCode: 0))
        let before = s.run("get validatingadmissionpolicy demo -o yaml").stdout
        let bad = s.writeFile("bad.yaml", Self.policy(Self.rules + """
              variables:
              - {name: tags, expression: "['a', 'b']"}
              validations:
              - expression: "variables.tags"

            """))
        #expect(s.run("apply -f \(bad)") == CLIResult(stdout: "", stderr: """
            The ValidatingAdmissionPolicy "demo" is invalid: spec.validations[0].expression: Invalid value: "variables.tags": must evaluate to bool but got list(string)

            """, exitCode: 1))
        #expect(s.run("replace -f \(bad)").exitCode == 1)
        #expect(s.run("get validatingadmissionpolicy demo -o yaml").stdout == before)
    }

    /// Selectors as metav1 validation checks them: matchLabels before matchExpressions, and a webhook's
    /// selector values checked on create (allowInvalidLabelValueInSelector is false then).
    @Test func selectorsCheckLabelsFirstAndValuesStrictly() {
        // (No match conditions: the selector follows the helper's empty `matchConditions:`.)
        FieldRuleTests.refused(MatchConditionRuleTests.webhook(kind: "ValidatingWebhookConfiguration", """
              objectSelector:
                matchLabels: {"a b": x}
                matchExpressions:
                - {key: tier, operator: NotIn, values: ["front end"]}

            """), """
            The ValidatingWebhookConfiguration "demo" is invalid: 
            * webhooks[0].objectSelector.matchLabels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * webhooks[0].objectSelector.matchExpressions[0].values[0]: Invalid value: "front end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')

            """, check: "get validatingwebhookconfigurations -o name")
        FieldRuleTests.refused("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: {name: b}
            spec:
              policyName: p
              validationActions: [Deny]
              matchResources:
                objectSelector:
                  matchExpressions: [{key: k, operator: Has}]
                  matchLabels: {"a b": x}

            """, """
            The ValidatingAdmissionPolicyBinding "b" is invalid: 
            * spec.matchResources.objectSelector.matchLabels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * spec.matchResources.objectSelector.matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator

            """, check: Self.check)
    }
}
