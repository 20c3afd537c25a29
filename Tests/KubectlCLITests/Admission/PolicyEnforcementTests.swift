import KubeModel
import KubeTestSupport
import Testing

/// ValidatingAdmissionPolicies judge the requests their bindings select, as v1.32's validating policy
/// plugin does. The texts were written before the binary ran, from the v1.32 apiserver sources
/// (plugin/policy/validating dispatcher.go and validator.go, plugin/cel activation.go, generic
/// CollectParams, admission.NewForbidden) and kubectl's rendering of a Status (CheckErr: Invalid with
/// details prints `The <details.kind> "<name>" is invalid: <field>: <message>`, other reasons
/// `Error from server (<Reason>): <message>`). The stand-in server cannot produce these refusals.
@Suite struct PolicyEnforcementTests {
    static func policy(_ name: String, _ spec: String) -> String {
        "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: \(name)\nspec:\n" + spec
    }

    static func binding(_ name: String, policy: String, _ extra: String = "  validationActions: [Deny]\n") -> String {
        "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: \(name)\nspec:\n  policyName: \(policy)\n" + extra
    }

    static let deployments = """
          matchConstraints:
            resourceRules:
            - apiGroups: [apps]
              apiVersions: [v1]
              operations: [CREATE, UPDATE]
              resources: [deployments]

        """

    static func install(_ s: TestStore, _ docs: String...) {
        let f = s.writeFile("policy-\(docs.count)-\(docs[0].count).yaml", docs.joined(separator: "---\n"))
        let r = s.run("create -f \(f)")
        #expect(r.exitCode == 0, "\(r.stderr)")
    }

    static let replicaLimit = policy("replica-limit", deployments + """
          validations:
          - expression: "object.spec.replicas <= 5"

        """)

    static let denied = "ValidatingAdmissionPolicy 'replica-limit' with binding 'replica-limit-binding' denied request: failed expression: object.spec.replicas <= 5"

    @Test func createAndUpdateAreDeniedAndLeaveNoTrace() {
        let s = TestStore()
        Self.install(s, Self.replicaLimit, Self.binding("replica-limit-binding", policy: "replica-limit"))
        #expect(s.run("create deployment ok --image=nginx --replicas=3") == CLIResult(stdout: "deployment.apps/ok created\n", stderr: "", exitCode: 0))
        // `create deployment` prints the Status message in its own words; `create -f` and `patch` print
        // an Invalid status by its details.
        #expect(s.run("create deployment big --image=nginx --replicas=7") == CLIResult(
            stdout: "", stderr: "error: failed to create deployment: deployments.apps \"big\" is forbidden: \(Self.denied)\n", exitCode: 1))
        #expect(s.run("create deployment big --image=nginx --replicas=7 --dry-run=server") == CLIResult(
            stdout: "", stderr: "error: failed to create deployment: deployments.apps \"big\" is forbidden: \(Self.denied)\n", exitCode: 1))
        let big = s.writeFile("big.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: big}
            spec:
              replicas: 6
              selector: {matchLabels: {app: big}}
              template:
                metadata: {labels: {app: big}}
                spec: {containers: [{name: c, image: nginx}]}

            """)
        #expect(s.run("create -f \(big)") == CLIResult(stdout: "", stderr: "The deployments \"big\" is invalid: : \(Self.denied)\n", exitCode: 1))
        #expect(s.run("apply -f \(big)") == CLIResult(stdout: "", stderr: "The deployments \"big\" is invalid: : \(Self.denied)\n", exitCode: 1))
        #expect(s.run("patch deployment ok -p '{\"spec\":{\"replicas\":8}}'")
            == CLIResult(stdout: "", stderr: "The deployments \"ok\" is invalid: : \(Self.denied)\n", exitCode: 1))
        #expect(s.run("get deployments -o name").stdout == "deployment.apps/ok\n")
        #expect(s.run("get deployment ok -o jsonpath={.spec.replicas}").stdout == "3")
        // A delete is not among the policy's operations; the binding's policy gone, nothing is judged.
        #expect(s.run("delete validatingadmissionpolicy replica-limit").exitCode == 0)
        #expect(s.run("patch deployment ok -p '{\"spec\":{\"replicas\":8}}'").exitCode == 0)
    }

    @Test func warnAndAuditActionsAdmit() {
        let s = TestStore()
        Self.install(s, Self.policy("small", Self.deployments + """
              validations:
              - expression: "object.spec.replicas <= 2"
                message: "  replicas should be at most 2  "
              - expression: "object.spec.replicas != 3"
                messageExpression: "'replicas ' + string(object.spec.replicas) + ' is unlucky'"

            """), Self.binding("small-warn", policy: "small", "  validationActions: [Warn, Audit]\n"),
            Self.binding("small-audit", policy: "small", "  validationActions: [Audit]\n"))
        #expect(s.run("create deployment d --image=nginx --replicas=3") == CLIResult(
            stdout: "deployment.apps/d created\n",
            stderr: "Warning: Validation failed for ValidatingAdmissionPolicy 'small' with binding 'small-warn': replicas should be at most 2\n"
                + "Warning: Validation failed for ValidatingAdmissionPolicy 'small' with binding 'small-warn': replicas 3 is unlucky\n",
            exitCode: 0))
        #expect(s.run("create deployment e --image=nginx --replicas=1") == CLIResult(stdout: "deployment.apps/e created\n", stderr: "", exitCode: 0))
    }

    @Test func aDeleteDeniedWithReasonForbidden() {
        let s = TestStore()
        Self.install(s, Self.policy("protect", """
              matchConstraints:
                resourceRules:
                - apiGroups: [""]
                  apiVersions: ["*"]
                  operations: [DELETE]
                  resources: [configmaps]
                objectSelector:
                  matchLabels: {protected: "yes"}
              validations:
              - expression: "request.operation != 'DELETE' || object != null"
                messageExpression: "'configmap ' + oldObject.metadata.name + ' is protected (' + request.userInfo.username + ')'"
                reason: Forbidden

            """), Self.binding("protect-binding", policy: "protect"))
        #expect(s.run("create configmap keep --from-literal=a=b").exitCode == 0)
        #expect(s.run("label configmap keep protected=yes").exitCode == 0)
        #expect(s.run("create configmap free").exitCode == 0)
        #expect(s.run("delete configmap keep") == CLIResult(
            stdout: "",
            stderr: "Error from server (Forbidden): configmaps \"keep\" is forbidden: ValidatingAdmissionPolicy 'protect' with binding 'protect-binding' denied request: configmap keep is protected (kubernetes-admin)\n",
            exitCode: 1))
        #expect(s.run("delete configmap free") == CLIResult(stdout: "configmap \"free\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("get configmap keep -o name").stdout == "configmap/keep\n")
    }

    @Test func paramsAndParameterNotFoundAction() {
        let s = TestStore()
        Self.install(s, Self.policy("param-limit", "  paramKind: {apiVersion: v1, kind: ConfigMap}\n" + Self.deployments + """
              validations:
              - expression: "object.spec.replicas <= int(params.data.max)"
                messageExpression: "'at most ' + params.data.max + ' replicas'"

            """), Self.binding("param-limit-binding", policy: "param-limit", """
              paramRef: {name: limits, namespace: default, parameterNotFoundAction: Deny}
              validationActions: [Deny]

            """))
        #expect(s.run("create deployment a --image=nginx --replicas=1") == CLIResult(
            stdout: "",
            stderr: "error: failed to create deployment: deployments.apps \"a\" is forbidden: ValidatingAdmissionPolicy 'param-limit' with binding 'param-limit-binding' denied request: failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction\n",
            exitCode: 1))
        #expect(s.run("create configmap limits --from-literal=max=4").exitCode == 0)
        #expect(s.run("create deployment a --image=nginx --replicas=4").exitCode == 0)
        #expect(s.run("create deployment b --image=nginx --replicas=5") == CLIResult(
            stdout: "",
            stderr: "error: failed to create deployment: deployments.apps \"b\" is forbidden: ValidatingAdmissionPolicy 'param-limit' with binding 'param-limit-binding' denied request: at most 4 replicas\n",
            exitCode: 1))
    }

    @Test func namespaceSelectorAndFailurePolicy() {
        let s = TestStore()
        Self.install(s, Self.policy("prod-only", """
              failurePolicy: Ignore
              matchConstraints:
                namespaceSelector:
                  matchLabels: {env: prod}
                resourceRules:
                - apiGroups: [apps]
                  apiVersions: [v1]
                  operations: ["*"]
                  resources: [deployments]
              validations:
              - expression: "object.spec.replicas >= 2"
                reason: RequestEntityTooLarge
              - expression: "object.spec.nope == 1"

            """), Self.binding("prod-only-binding", policy: "prod-only"),
            Self.policy("strict", Self.deployments + """
              matchConditions:
              - name: labelled
                expression: "has(object.metadata.labels) && 'strict' in object.metadata.labels"
              validations:
              - expression: "object.spec.nope == 1"

            """), Self.binding("strict-binding", policy: "strict"))
        #expect(s.run("create namespace prod").exitCode == 0)
        #expect(s.run("label namespace prod env=prod").exitCode == 0)
        #expect(s.run("create namespace dev").exitCode == 0)
        #expect(s.run("create deployment one --image=nginx --replicas=1 -n dev").exitCode == 0)
        // The evaluation error is ignored (failurePolicy Ignore); the failed validation is not.
        let f = s.writeFile("d.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: one, namespace: prod}
            spec:
              replicas: 1
              selector: {matchLabels: {app: one}}
              template:
                metadata: {labels: {app: one}}
                spec: {containers: [{name: c, image: nginx}]}

            """)
        #expect(s.run("create -f \(f)") == CLIResult(
            stdout: "",
            stderr: "Error from server (RequestEntityTooLarge): error when creating \"\(f)\": deployments.apps \"one\" is forbidden: ValidatingAdmissionPolicy 'prod-only' with binding 'prod-only-binding' denied request: failed expression: object.spec.replicas >= 2\n",
            exitCode: 1))
        #expect(s.run("create deployment two --image=nginx --replicas=2 -n prod").exitCode == 0)
        // failurePolicy Fail (the default): the error denies, once the match condition holds.
        #expect(s.run("label deployment two strict=yes -n prod") == CLIResult(
            stdout: "",
            stderr: "The deployments \"two\" is invalid: : ValidatingAdmissionPolicy 'strict' with binding 'strict-binding' denied request: expression 'object.spec.nope == 1' resulted in error: no such key: nope\n",
            exitCode: 1))
        #expect(s.run("get deployment two -n prod -o jsonpath={.metadata.labels}").stdout == "{\"app\":\"two\"}")
    }

    static let configMapCreates = """
          matchConstraints:
            resourceRules:
            - apiGroups: [""]
              apiVersions: [v1]
              operations: [CREATE]
              resources: [configmaps]

        """

    static func configMap(_ s: TestStore, _ name: String, labels: String = "{}") -> String {
        s.writeFile("\(name).yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n  labels: \(labels)\ndata: {a: b}\n")
    }

    @Test func variablesAndTheAuthorizer() {
        let s = TestStore()
        Self.install(s, Self.policy("owned", Self.configMapCreates + """
              variables:
              - name: owner
                expression: "has(object.metadata.labels) && 'owner' in object.metadata.labels ? object.metadata.labels['owner'] : ''"
              - name: owned
                expression: "variables.owner != ''"
              validations:
              - expression: "variables.owned"
                message: "an owner label is required"
              - expression: "authorizer.serviceAccount('default', 'robot').group('').resource('configmaps').namespace(request.namespace).check('create').allowed()"
                messageExpression: "'default/robot may not create configmaps in ' + request.namespace"
              - expression: "authorizer.requestResource.check('create').allowed()"

            """), Self.binding("owned-binding", policy: "owned"),
            Self.policy("var-error", Self.configMapCreates + """
              variables:
              - name: missing
                expression: "object.data.missing"
              validations:
              - expression: "variables.missing == 'x'"

            """), Self.binding("var-error-binding", policy: "var-error", "  validationActions: [Warn]\n"))
        let warning = "Warning: Validation failed for ValidatingAdmissionPolicy 'var-error' with binding 'var-error-binding': expression 'variables.missing == 'x'' resulted in error: composited variable \"missing\" fails to evaluate: no such key: missing\n"
        let head = "ValidatingAdmissionPolicy 'owned' with binding 'owned-binding' denied request: "
        #expect(s.run("create -f \(Self.configMap(s, "a"))") == CLIResult(
            stdout: "", stderr: warning + "The configmaps \"a\" is invalid: : \(head)an owner label is required\n", exitCode: 1))
        #expect(s.run("create -f \(Self.configMap(s, "b", labels: "{owner: me}"))") == CLIResult(
            stdout: "", stderr: warning + "The configmaps \"b\" is invalid: : \(head)default/robot may not create configmaps in default\n", exitCode: 1))
        #expect(s.run("create rolebinding robot-edit --clusterrole=edit --serviceaccount=default:robot").exitCode == 0)
        #expect(s.run("create -f \(Self.configMap(s, "b", labels: "{owner: me}"))") == CLIResult(
            stdout: "configmap/b created\n", stderr: warning, exitCode: 0))
    }

    @Test func statusWritesAndSubresourcesAreNotTheResource() {
        let s = TestStore()
        Self.install(s, Self.policy("frozen", """
              matchConstraints:
                resourceRules:
                - apiGroups: [apps]
                  apiVersions: [v1]
                  operations: [UPDATE]
                  resources: [deployments]
              validations:
              - expression: "false"
                message: "deployments are frozen"

            """), Self.binding("frozen-binding", policy: "frozen"))
        // The controller's status writes go through deployments/status, scale through deployments/scale.
        #expect(s.run("create deployment d --image=nginx") == CLIResult(stdout: "deployment.apps/d created\n", stderr: "", exitCode: 0))
        #expect(s.run("get deployment d -o jsonpath={.status.replicas}").stdout == "1")
        #expect(s.run("scale deployment d --replicas=2") == CLIResult(stdout: "deployment.apps/d scaled\n", stderr: "", exitCode: 0))
        #expect(s.run("label deployment d a=b") == CLIResult(
            stdout: "",
            stderr: "The deployments \"d\" is invalid: : ValidatingAdmissionPolicy 'frozen' with binding 'frozen-binding' denied request: deployments are frozen\n",
            exitCode: 1))
    }

    @Test func anExpressionOverThePerCallCostLimit() {
        let s = TestStore()
        let hundred = "[" + (0..<100).map(String.init).joined(separator: ",") + "]"
        let expression = "\(hundred).all(i, \(hundred).all(j, \(hundred).all(k, i + j + k >= 0)))"
        Self.install(s, Self.policy("costly", Self.configMapCreates + """
              validations:
              - expression: "\(expression)"

            """), Self.binding("costly-binding", policy: "costly"))
        #expect(s.run("create -f \(Self.configMap(s, "a"))") == CLIResult(
            stdout: "",
            stderr: "The configmaps \"a\" is invalid: : ValidatingAdmissionPolicy 'costly' with binding 'costly-binding' denied request: expression '\(expression)' resulted in error: operation cancelled: actual cost limit exceeded\n",
            exitCode: 1))
        #expect(s.run("get configmaps -o name").stdout == "configmap/kube-root-ca.crt\n")
    }

    @Test func aControllersPodCreateRefusedIsRecordedOnItsOwner() {
        let s = TestStore()
        Self.install(s, Self.policy("no-bad", """
              matchConstraints:
                resourceRules:
                - apiGroups: [""]
                  apiVersions: [v1]
                  operations: [CREATE]
                  resources: [pods]
              validations:
              - expression: "object.spec.containers.all(c, c.image != 'nginx:bad')"
                message: "bad image"

            """), Self.binding("no-bad-binding", policy: "no-bad"))
        #expect(s.run("create deployment d --image=nginx:bad") == CLIResult(stdout: "deployment.apps/d created\n", stderr: "", exitCode: 0))
        #expect(s.run("get pods -o name").stdout == "")
        let message = s.run("get events --field-selector reason=FailedCreate -o jsonpath={.items[0].message}").stdout
        #expect(message.hasPrefix("Error creating: pods \"d-"), "\(message)")
        #expect(message.hasSuffix("\" is forbidden: ValidatingAdmissionPolicy 'no-bad' with binding 'no-bad-binding' denied request: bad image"), "\(message)")
        #expect(s.run("run p --image=nginx:bad") == CLIResult(
            stdout: "",
            stderr: "The pods \"p\" is invalid: : ValidatingAdmissionPolicy 'no-bad' with binding 'no-bad-binding' denied request: bad image\n",
            exitCode: 1))
    }

    @Test func matchPolicyEquivalentTriesTheOtherVersions() {
        let s = TestStore()
        let rule = { (name: String, policy: String) in Self.policy(name, """
              matchConstraints:
                matchPolicy: \(policy)
                resourceRules:
                - apiGroups: [autoscaling]
                  apiVersions: [v1]
                  operations: [CREATE]
                  resources: [horizontalpodautoscalers]
              validations:
              - expression: "object.spec.maxReplicas <= 2"
                message: "\(policy): at most 2"

            """) }
        Self.install(s, rule("exact", "Exact"), Self.binding("exact-binding", policy: "exact"))
        #expect(s.run("create deployment d --image=nginx").exitCode == 0)
        // kubectl autoscale creates an autoscaling/v2 object: an Exact v1 rule does not match it.
        #expect(s.run("autoscale deployment d --max=3") == CLIResult(stdout: "horizontalpodautoscaler.autoscaling/d autoscaled\n", stderr: "", exitCode: 0))
        #expect(s.run("delete hpa d").exitCode == 0)
        Self.install(s, rule("equivalent", "Equivalent"), Self.binding("equivalent-binding", policy: "equivalent"))
        #expect(s.run("autoscale deployment d --max=3") == CLIResult(
            stdout: "",
            stderr: "The horizontalpodautoscalers \"d\" is invalid: : ValidatingAdmissionPolicy 'equivalent' with binding 'equivalent-binding' denied request: Equivalent: at most 2\n",
            exitCode: 1))
    }
}
