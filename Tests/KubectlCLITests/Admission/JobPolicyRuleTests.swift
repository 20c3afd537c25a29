import KubeModel
import KubeTestSupport
import Testing

/// A Job's pod failure policy, success policy, pod replacement policy and managedBy (apis/batch/validation
/// v1.32), the one-controller owner-reference rule (apimachinery `ValidateOwnerReferences`) and the custom
/// resource finalizer-name warning (apiextensions `validateKubeFinalizerName`), with v1.32's texts.
@Suite struct JobPolicyRuleTests {
    static let failurePolicyJob = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j1}
        spec:
          completions: 5
          podFailurePolicy:
            rules:
            - action: Bogus
              onExitCodes: {containerName: nope, operator: In, values: [3, 0, 1, 1]}
            - action: FailIndex
              onPodConditions: [{type: DisruptionTarget}, {type: "bad type!", status: Maybe}]
              onExitCodes: {operator: Sometimes, values: []}
            - action: Ignore
          successPolicy:
            rules: [{succeededIndexes: "1-3"}]
          podReplacementPolicy: TerminatingOrFailed
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox}]

        """

    static let successPolicyJob = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j2}
        spec:
          completions: 5
          completionMode: Indexed
          managedBy: "nope"
          successPolicy:
            rules: [{succeededIndexes: "1-3,2,9", succeededCount: 7}, {}, {succeededIndexes: "0-1", succeededCount: 3}, {succeededIndexes: "a"}, {succeededIndexes: "3-1"}, {succeededIndexes: "1-2-3"}]
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox}]

        """

    static let indexedJob = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j3}
        spec:
          completions: 3
          parallelism: 3
          completionMode: Indexed
          backoffLimitPerIndex: 1
          podFailurePolicy:
            rules:
            - action: FailIndex
              onExitCodes: {operator: In, values: [42]}
          successPolicy:
            rules: [{succeededIndexes: "0-1"}]
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox}]

        """

    @Test func podFailurePolicyRules() {
        let s = TestStore()
        let f = s.writeFile("j1.yaml", Self.failurePolicyJob)
        let expected = CLIResult(stdout: "", stderr: """
            The Job "j1" is invalid: \n\
            * spec.podFailurePolicy.rules[0].action: Unsupported value: "Bogus": supported values: "Count", "FailIndex", "FailJob", "Ignore"
            * spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template
            * spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator
            * spec.podFailurePolicy.rules[0].onExitCodes.values[3]: Duplicate value: 1
            * spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{3, 0, 1, 1}: must be ordered
            * spec.podFailurePolicy.rules[1].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set
            * spec.podFailurePolicy.rules[1].onExitCodes.operator: Unsupported value: "Sometimes": supported values: "In", "NotIn"
            * spec.podFailurePolicy.rules[1].onExitCodes.values: Invalid value: []int32{}: at least one value is required
            * spec.podFailurePolicy.rules[1].onPodConditions[1].type: Invalid value: "bad type!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * spec.podFailurePolicy.rules[1].onPodConditions[1].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"
            * spec.podFailurePolicy.rules[1]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported
            * spec.podFailurePolicy.rules[2]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required
            * spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(0xc000000000), SucceededCount:(*int32)(nil)}}}: requires indexed completion mode
            * spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"

            """, exitCode: 1)
        #expect(s.run("create -f \(f)") == expected)
        #expect(s.run("apply -f \(f)") == expected)
        #expect(s.run("get jobs -o name").stdout == "")
        // An empty action or operator lists the valid values as Go's %q prints a []string.
        let g = s.writeFile("j4.yaml", Self.failurePolicyJob.replacingAll("action: Bogus", with: "action: \"\"")
            .replacingAll("operator: In,", with: "operator: \"\",").replacingAll("[3, 0, 1, 1]", with: "[1]"))
        let r = s.run("create -f \(g)")
        #expect(r.stderr.contains("* spec.podFailurePolicy.rules[0].action: Required value: valid values: [\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]\n"))
        #expect(r.stderr.contains("* spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: [\"In\" \"NotIn\"]\n"))
    }

    @Test func successPolicyRulesAndManagedBy() {
        let s = TestStore()
        let f = s.writeFile("j2.yaml", Self.successPolicyJob)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The Job "j2" is invalid: \n\
            * spec.managedBy: Invalid value: "nope": must be a domain-prefixed path (such as "acme.io/foo")
            * spec.successPolicy.rules[0].succeededIndexes: Invalid value: "1-3,2,9": error parsing succeededIndexes: non-increasing order, previous: 3, current: 2
            * spec.successPolicy.rules[0].succeededCount: Invalid value: 7: must be less than or equal to 5 (the number of specified completions)
            * spec.successPolicy.rules[0].succeededCount: Invalid value: 7: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)
            * spec.successPolicy.rules[1]: Required value: at least one of succeededCount or succeededIndexes must be specified
            * spec.successPolicy.rules[2].succeededCount: Invalid value: 3: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)
            * spec.successPolicy.rules[3].succeededIndexes: Invalid value: "a": error parsing succeededIndexes: cannot convert string to integer for index: "a"
            * spec.successPolicy.rules[4].succeededIndexes: Invalid value: "3-1": error parsing succeededIndexes: non-increasing order, previous: 3, current: 1
            * spec.successPolicy.rules[5].succeededIndexes: Invalid value: "1-2-3": error parsing succeededIndexes: the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'

            """, exitCode: 1))
        let g = s.writeFile("j5.yaml", Self.successPolicyJob.replacingAll("managedBy: \"nope\"", with: "managedBy: \"Bad_Host/p\"")
            .replacingAll("succeededIndexes: \"1-3,2,9\", succeededCount: 7", with: "succeededIndexes: \"9\"")
            .replacingAll("rules: [", with: "rules: []\n    #["))
        #expect(s.run("create -f \(g)").stderr == """
            The Job "j2" is invalid: \n\
            * spec.managedBy: Invalid value: "Bad_Host": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            * spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified

            """)
    }

    @Test func indexedJobPoliciesAreAcceptedThenImmutable() {
        let s = TestStore()
        let f = s.writeFile("j3.yaml", Self.indexedJob)
        #expect(s.run("create -f \(f)").stdout == "job.batch/j3 created\n")
        // With a pod failure policy a failed pod is replaced only once it has terminated.
        #expect(s.run("get job j3 -o jsonpath={.spec.podReplacementPolicy}").stdout == "Failed")
        let patch = #"[{"op":"replace","path":"/spec/podFailurePolicy/rules/0/action","value":"Ignore"},"#
            + #"{"op":"replace","path":"/spec/successPolicy/rules/0/succeededCount","value":1},"#
            + #"{"op":"replace","path":"/spec/backoffLimitPerIndex","value":2},{"op":"add","path":"/spec/managedBy","value":"x.io/y"},"#
            + #"{"op":"replace","path":"/spec/completions","value":4}]"#
        #expect(s.run(args: ["patch", "job", "j3", "--type=json", "-p", patch]) == CLIResult(stdout: "", stderr: """
            The Job "j3" is invalid: \n\
            * spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism
            * spec.podFailurePolicy: Invalid value: batch.PodFailurePolicy{Rules:[]batch.PodFailurePolicyRule{batch.PodFailurePolicyRule{Action:"Ignore", OnExitCodes:(*batch.PodFailurePolicyOnExitCodesRequirement)(0xc000000000), OnPodConditions:[]batch.PodFailurePolicyOnPodConditionsPattern(nil)}}}: field is immutable
            * spec.backoffLimitPerIndex: Invalid value: 2: field is immutable
            * spec.managedBy: Invalid value: "x.io/y": field is immutable
            * spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(0xc000000000), SucceededCount:(*int32)(0xc000000000)}}}: field is immutable

            """, exitCode: 1))
        // Elastic Indexed Jobs: completions and parallelism move together.
        let both = #"[{"op":"replace","path":"/spec/completions","value":4},{"op":"replace","path":"/spec/parallelism","value":4}]"#
        #expect(s.run(args: ["patch", "job", "j3", "--type=json", "-p", both]).stdout == "job.batch/j3 patched\n")
    }

    @Test func indexedJobNameMustLeaveRoomForTheIndex() {
        let s = TestStore()
        let name = String(repeating: "a", count: 62)
        let f = s.writeFile("j6.yaml", Self.indexedJob.replacingAll("name: j3", with: "name: \(name)")
            .replacingAll("completions: 3", with: "completions: 10").replacingAll("parallelism: 3", with: "parallelism: 1"))
        #expect(s.run("create -f \(f)").stderr
            == "The Job \"\(name)\" is invalid: metadata.name: Invalid value: \"\(name)\": will not able to create pod with invalid DNS label: \(name)-9\n")
    }

    @Test func onlyOneControllerReference() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
              ownerReferences:
              - {apiVersion: apps/v1, kind: ReplicaSet, name: a, uid: "1", controller: true}
              - {apiVersion: apps/v1, kind: ReplicaSet, name: b, uid: "2", controller: true, blockOwnerDeletion: true}
              - {apiVersion: v1, kind: Pod, name: c, uid: "3"}

            """)
        let expected = CLIResult(stdout: "", stderr: """
            The ConfigMap "cm" is invalid: metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"a", UID:"1", Controller:(*bool)(0xc000000000), BlockOwnerDeletion:(*bool)(nil)}, v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"b", UID:"2", Controller:(*bool)(0xc000000000), BlockOwnerDeletion:(*bool)(0xc000000000)}, v1.OwnerReference{APIVersion:"v1", Kind:"Pod", Name:"c", UID:"3", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b

            """, exitCode: 1)
        #expect(s.run("create -f \(f)") == expected)
        #expect(s.run("apply --server-side -f \(f)") == expected)
        #expect(s.run("get cm cm --ignore-not-found -o name").stdout == "")
        #expect(s.run(args: ["create", "configmap", "one"]).exitCode == 0)
        let two = #"{"metadata":{"ownerReferences":[{"apiVersion":"v1","kind":"Pod","name":"p","uid":"9","controller":true},"#
            + #"{"apiVersion":"v1","kind":"Pod","name":"q","uid":"8","controller":false}]}}"#
        #expect(s.run(args: ["patch", "cm", "one", "-p", two]).stdout == "configmap/one patched\n")
    }

    @Test func customResourceFinalizerNamesWarn() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("crd.yaml", Self.widgetCRD))").exitCode == 0)
        let f = s.writeFile("w.yaml", """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w1
              finalizers: [widgets.example.com, example.com/ok, kubernetes, cleanup]

            """)
        let warn = { (name: String) in
            "Warning: metadata.finalizers: \"\(name)\": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers\n"
        }
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "widget.example.com/w1 created\n",
                                                      stderr: warn("cleanup") + warn("widgets.example.com"), exitCode: 0))
        // On update only the finalizers the write adds are named.
        let r = s.run(args: ["patch", "widget", "w1", "--type=merge", "-p", #"{"metadata":{"finalizers":["widgets.example.com","zeta","alpha"]}}"#])
        #expect(r == CLIResult(stdout: "widget.example.com/w1 patched\n", stderr: warn("alpha") + warn("zeta"), exitCode: 0))
        // Built-in kinds refuse such names instead (core's validateKubeFinalizerName).
        #expect(s.run(args: ["patch", "cm", "kube-root-ca.crt", "--type=merge", "-p", #"{"metadata":{"finalizers":["zeta"]}}"#]).exitCode == 1)
    }

    /// `validateCronJobSpec` after the schedule, and the create-only name bound; `managedBy`'s length.
    @Test func cronJobSpecRulesAndManagedByLength() {
        let s = TestStore()
        let f = s.writeFile("cj.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: a-very-long-cronjob-name-that-goes-past-the-fifty-two-limit}
            spec:
              schedule: "*/5 * * * *"
              startingDeadlineSeconds: -5
              concurrencyPolicy: Sometimes
              successfulJobsHistoryLimit: -1
              failedJobsHistoryLimit: -2
              jobTemplate:
                spec:
                  manualSelector: true
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]

            """)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The CronJob "a-very-long-cronjob-name-that-goes-past-the-fifty-two-limit" is invalid: \n\
            * spec.startingDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0
            * spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"
            * spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated
            * spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"
            * spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0
            * spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0
            * metadata.name: Invalid value: "a-very-long-cronjob-name-that-goes-past-the-fifty-two-limit": must be no more than 52 characters

            """, exitCode: 1))
        let j = s.writeFile("j7.yaml", Self.failurePolicyJob.replacingAll("spec:\n  completions: 5\n", with: "spec:\n  managedBy: example.com/\(String(repeating: "x", count: 60))\n")
            .replacingAll("  podFailurePolicy:", with: "  x-podFailurePolicy:"))
        #expect(s.run("create -f \(j) --validate=false").stderr.contains("* spec.managedBy: Too long: may not be longer than 63\n"))
    }

    static let widgetCRD = crdYAML(schema: """
        type: object
        x-kubernetes-preserve-unknown-fields: true
        """)
}
