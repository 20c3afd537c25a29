import KubeModel
import KubeTestSupport
import Testing

/// Webhook `matchConditions` compiled at create and update as v1.32 compiles them (Golden/zerodrop's
/// create-webhook-matchconditions has kubectl's rendering of the refusal).
@Suite struct MatchConditionRuleTests {
    static func webhook(kind: String, _ conditions: String) -> String {
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: \(kind)
        metadata: {name: demo}
        webhooks:
        - name: demo.example.com
          sideEffects: None
          admissionReviewVersions: [v1]
          clientConfig: {url: "https://example.com/hook"}
          matchConditions:
        \(conditions)
        """
    }

    @Test func compilingConditionsAreAccepted() {
        let s = TestStore()
        let f = s.writeFile("ok.yaml", Self.webhook(kind: "MutatingWebhookConfiguration", """
              - {name: not-leases, expression: '!(request.resource.group == "coordination.k8s.io" && request.resource.resource == "leases")'}
              - {name: prod-only, expression: "namespaceObject.metadata.labels['env'] == 'prod'"}
              - {name: has-spec, expression: "has(object.spec) && object.spec.replicas > 1"}
              - {name: users, expression: "request.userInfo.groups.exists(g, g == 'system:masters') || request.dryRun == true"}
              - {name: authz, expression: "authorizer.requestResource.check('get').allowed()"}
              - {name: system-namespaces, expression: "!(request.namespace in ['kube-system', 'gatekeeper-system'])"}
              - {name: same-namespace, expression: "namespaceObject.metadata.name == object.metadata.namespace"}

            """))
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "mutatingwebhookconfiguration.admissionregistration.k8s.io/demo created\n", stderr: "", exitCode: 0))
        // An update is compiled too: a broken expression is refused and the stored one stays.
        let before = s.run("get mutatingwebhookconfiguration demo -o yaml").stdout
        let bad = s.writeFile("bad.yaml", Self.webhook(kind: "MutatingWebhookConfiguration", "      - {name: cond, expression: 'object.spec.replicas + 1'}\n"))
        #expect(s.run("replace -f \(bad)") == CLIResult(stdout: "", stderr: """
            The MutatingWebhookConfiguration "demo" is invalid: webhooks[0].matchConditions[0].expression: Invalid value: "object.spec.replicas + 1": must evaluate to bool but got int

            """, exitCode: 1))
        #expect(s.run("get mutatingwebhookconfiguration demo -o yaml").stdout == before)
    }

    @Test func conditionNamesAndCountAreChecked() {
        let many = (0..<65).map { "      - {name: c\($0), expression: 'true'}\n" }.joined()
        FieldRuleTests.refused(Self.webhook(kind: "ValidatingWebhookConfiguration", many), """
            The ValidatingWebhookConfiguration "demo" is invalid: webhooks[0].matchConditions: Too many: 65: must have at most 64 items

            """, check: "get validatingwebhookconfigurations -o name")
        FieldRuleTests.refused(Self.webhook(kind: "ValidatingWebhookConfiguration", "      - {name: a, expression: 'request.name.size() > '}\n"), """
            The ValidatingWebhookConfiguration "demo" is invalid: webhooks[0].matchConditions[0].expression: Invalid value: "request.name.size() >": compilation failed: ERROR: <input>:1:22: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}
             | request.name.size() >
             | .....................^

            """, check: "get validatingwebhookconfigurations -o name")
    }
}
