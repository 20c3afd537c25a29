import KubeModel
import KubeTestSupport
import Testing

/// Admission gaps closed against v1.32's sources: a Job whose name makes its generated `job-name` labels
/// too long, the workload strategies' DNS-label name warning, a Namespace's `spec.finalizers` and status on
/// create and update, the webhook configurations' v1 defaults and validation, a StorageClass's
/// `parameters: {}` on update, and the review kinds (answered, never stored).
@Suite struct AdmissionGapTests {
    static let longName = String(repeating: "a", count: 64)

    static func job(_ name: String, templateLabels: String = "") -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: \(name)
        spec:
          template:
        \(templateLabels)    spec:
              restartPolicy: Never
              containers:
              - name: c
                image: busybox

        """
    }

    /// generateSelector labels the template `job-name` and `batch.kubernetes.io/job-name` with the Job's
    /// name before validation: a name of 64 characters (a valid DNS subdomain) fails as both label values.
    @Test func jobNameOver63CharactersFailsAsItsGeneratedLabels() {
        let value = strconvQuote(Self.longName)
        FieldRuleTests.refused(Self.job(Self.longName), """
            The Job "\(Self.longName)" is invalid: 
            * spec.template.labels: Invalid value: \(value): must be no more than 63 characters
            * spec.template.labels: Invalid value: \(value): must be no more than 63 characters

            """, check: "get jobs,pods -A -o name --field-selector metadata.namespace=default")
        // A 63-character name is a valid label value: created.
        let s = TestStore()
        let ok = String(repeating: "b", count: 63)
        #expect(s.run("create -f \(s.writeFile("j.yaml", Self.job(ok)))") == CLIResult(stdout: "job.batch/\(ok) created\n", stderr: "", exitCode: 0))
    }

    /// With template labels and none of its own, SetDefaults_Job gives the Job the template's label map
    /// (the same map), so the generated labels fail on the Job's own labels first.
    @Test func jobSharingItsTemplateLabelMapFailsOnItsOwnLabelsToo() {
        let value = strconvQuote(Self.longName)
        FieldRuleTests.refused(Self.job(Self.longName, templateLabels: "    metadata:\n      labels: {app: x}\n"), """
            The Job "\(Self.longName)" is invalid: 
            * metadata.labels: Invalid value: \(value): must be no more than 63 characters
            * metadata.labels: Invalid value: \(value): must be no more than 63 characters
            * spec.template.labels: Invalid value: \(value): must be no more than 63 characters
            * spec.template.labels: Invalid value: \(value): must be no more than 63 characters

            """, check: "get jobs -o name")
    }

    /// `manualSelector: true` generates no labels: the long name is not a label value then.
    @Test func manualSelectorJobKeepsItsLongName() {
        let s = TestStore()
        let manual = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: \(Self.longName)
            spec:
              manualSelector: true
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  restartPolicy: Never
                  containers:
                  - name: c
                    image: busybox

            """
        let r = s.run("create -f \(s.writeFile("j.yaml", manual))")
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr.contains("a DNS label is recommended: [must be no more than 63 characters]"))
    }

    /// PR 114412 (v1.27): Pods, Deployments, ReplicaSets, ReplicationControllers, Jobs and CronJobs warn on
    /// create when their name is not a DNS label; a Pod's text names its hostname.
    @Test func workloadNamesThatAreNotDNSLabelsWarn() {
        let s = TestStore()
        #expect(s.run("create deployment a.b --image=nginx") == CLIResult(stdout: "deployment.apps/a.b created\n", stderr: """
            Warning: metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]

            """, exitCode: 0))
        let pod = s.writeFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: my.pod\nspec:\n  containers:\n  - name: c\n    image: nginx\n")
        #expect(s.run("create -f \(pod)") == CLIResult(stdout: "pod/my.pod created\n", stderr: """
            Warning: metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]

            """, exitCode: 0))
        // Only on create, and not for kinds outside the list (a ConfigMap), nor for a DNS label.
        #expect(s.run("label pod my.pod x=y").stderr == "")
        #expect(s.run("create configmap c.d").stderr == "")
        #expect(s.run("create job j --image=busybox").stderr == "")
    }

    /// PrepareForCreate: status `{phase: Active}` whatever was sent, `kubernetes` appended to the client's
    /// finalizers; PrepareForUpdate keeps both; ValidateNamespace checks the names; the namespace controller
    /// removes only `kubernetes`, so another finalizer keeps the namespace Terminating.
    @Test func namespaceFinalizersAndStatus() {
        let s = TestStore()
        let ns = s.writeFile("ns.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: fin
            spec:
              finalizers: [example.com/x]
            status:
              phase: Terminating

            """)
        #expect(s.run("create -f \(ns)") == CLIResult(stdout: "namespace/fin created\n", stderr: "", exitCode: 0))
        let shape = "get ns fin -o jsonpath={.spec.finalizers}/{.status}"
        #expect(s.run(shape).stdout == #"["example.com/x","kubernetes"]/{"phase":"Active"}"#)
        #expect(s.run("create configmap c -n fin").exitCode == 0)
        #expect(s.run(#"patch ns fin --type=merge -p '{"spec":{"finalizers":[]},"status":{"phase":"Terminating"}}'"#).exitCode == 0)
        #expect(s.run(shape).stdout == #"["example.com/x","kubernetes"]/{"phase":"Active"}"#)
        #expect(s.run("delete ns fin") == CLIResult(stdout: "namespace \"fin\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("get ns fin -o jsonpath={.spec.finalizers}/{.status.phase}").stdout == #"["example.com/x"]/Terminating"#)
        #expect(s.run("get cm -n fin -o name").stdout == "")
        // Without another finalizer the namespace goes as before.
        #expect(s.run("create ns plain").exitCode == 0)
        #expect(s.run("get ns plain -o jsonpath={.spec.finalizers}").stdout == #"["kubernetes"]"#)
        #expect(s.run("delete ns plain").exitCode == 0)
        #expect(s.run("get ns plain").exitCode == 1)
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: bad
            spec:
              finalizers: [foo, "a/b/c"]

            """, """
            The Namespace "bad" is invalid: 
            * spec.finalizers: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified
            * spec.finalizers: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')

            """, check: "get ns bad -o name --ignore-not-found")
    }

    /// admissionregistration/v1 defaults: failurePolicy Fail, matchPolicy Equivalent, empty selectors,
    /// timeoutSeconds 10, a rule's scope `*`, a service's port 443, a mutating hook's reinvocationPolicy Never.
    @Test func webhookConfigurationDefaults() {
        let s = TestStore()
        let f = s.writeFile("m.yaml", """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: m
            webhooks:
            - name: m.example.com
              clientConfig:
                service: {name: s, namespace: default}
              rules:
              - operations: [CREATE]
                apiGroups: [""]
                apiVersions: [v1]
                resources: [pods]
              sideEffects: None
              admissionReviewVersions: [v1]
            - name: u.example.com
              clientConfig:
                url: https://example.com/hook
              sideEffects: NoneOnDryRun
              admissionReviewVersions: [v1beta1]
              failurePolicy: Ignore
              timeoutSeconds: 3

            """)
        #expect(s.run("create -f \(f)").stdout == "mutatingwebhookconfiguration.admissionregistration.k8s.io/m created\n")
        let fields = "{range .webhooks[*]}{.failurePolicy} {.matchPolicy} {.namespaceSelector} {.objectSelector} {.timeoutSeconds} "
            + "{.reinvocationPolicy} {.clientConfig.service.port} {.rules[*].scope};{end}"
        #expect(s.run("get mutatingwebhookconfigurations m -o 'jsonpath=\(fields)'").stdout
            == "Fail Equivalent {} {} 10 Never 443 *;Ignore Equivalent {} {} 3 Never  ;")
    }

    /// validateValidatingWebhookConfiguration / validateMutatingWebhookConfiguration texts and order.
    @Test func webhookConfigurationValidation() {
        FieldRuleTests.refused("""
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: m
            webhooks:
            - name: bad
              clientConfig:
                url: http://user@example.com/x?y=1#z
              rules:
              - operations: [CREATE, "*"]
                apiGroups: []
                apiVersions: ["v1", ""]
                resources: ["*", pods, "pods/*", pods/log]
                scope: Everywhere
              failurePolicy: Sometimes
              matchPolicy: Close
              timeoutSeconds: 31
              reinvocationPolicy: Always
              admissionReviewVersions: [v2, v2]
            - name: a.example.com
              clientConfig:
                service: {name: "", namespace: default, port: 0, path: "x//y"}
              sideEffects: Some
              admissionReviewVersions: []
              namespaceSelector:
                matchExpressions:
                - {key: a, operator: Has}
            - name: a.example.com
              clientConfig: {}
              sideEffects: None
              admissionReviewVersions: [v1]

            """, """
            The MutatingWebhookConfiguration "m" is invalid: 
            * webhooks[0].name: Invalid value: "bad": should be a domain with at least three segments separated by dots
            * webhooks[0].rules[0].operations: Invalid value: []admissionregistration.OperationType{"CREATE", "*"}: if '*' is present, must not specify other operations
            * webhooks[0].rules[0].apiGroups: Required value
            * webhooks[0].rules[0].apiVersions[1]: Required value
            * webhooks[0].rules[0].resources[3]: Invalid value: "pods/log": if 'pods/*' is present, must not specify pods/log
            * webhooks[0].rules[0].resources: Invalid value: []string{"*", "pods", "pods/*", "pods/log"}: if '*' is present, must not specify other resources without subresources
            * webhooks[0].rules[0].scope: Unsupported value: "Everywhere": supported values: "*", "Cluster", "Namespaced"
            * webhooks[0].failurePolicy: Unsupported value: "Sometimes": supported values: "Fail", "Ignore"
            * webhooks[0].matchPolicy: Unsupported value: "Close": supported values: "Equivalent", "Exact"
            * webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun
            * webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds
            * webhooks[0].reinvocationPolicy: Unsupported value: "Always": supported values: "IfNeeded", "Never"
            * webhooks[0].clientConfig.url: Invalid value: "http": 'https' is the only allowed URL scheme; desired format: https://host[/path]
            * webhooks[0].clientConfig.url: Invalid value: "user": user information is not permitted in the URL
            * webhooks[0].clientConfig.url: Invalid value: "z": fragments are not permitted in the URL
            * webhooks[0].clientConfig.url: Invalid value: "y=1": query parameters are not permitted in the URL
            * webhooks[0].admissionReviewVersions[1]: Invalid value: "v2": duplicate version
            * webhooks[0].admissionReviewVersions: Invalid value: []string{"v2", "v2"}: must include at least one of v1, v1beta1
            * webhooks[1].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"
            * webhooks[1].namespaceSelector.matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator
            * webhooks[1].clientConfig.service.name: Required value: service name is required
            * webhooks[1].clientConfig.service.port: Invalid value: 0: port is not valid: must be between 1 and 65535, inclusive
            * webhooks[1].clientConfig.service.path: Invalid value: "x//y": must start with a '/'
            * webhooks[1].clientConfig.service.path: Invalid value: "x//y": segment[0] may not be empty
            * webhooks[1].clientConfig.service.path: Invalid value: "x//y": segment[1] may not be empty
            * webhooks[1].admissionReviewVersions: Required value: must specify one of v1, v1beta1
            * webhooks[2].clientConfig: Required value: exactly one of url or service is required
            * webhooks[2].name: Duplicate value: "a.example.com"

            """, check: "get mutatingwebhookconfigurations -o name")
    }

    /// ValidateStorageClassUpdate compares `parameters` with reflect.DeepEqual: the empty map a manifest's
    /// `parameters: {}` decodes to is not the nil map of the stored class (which never keeps an empty one),
    /// and apply's three-way patch sends `parameters: {}` again, so the second apply is refused.
    @Test func storageClassEmptyParametersOnUpdate() {
        let s = TestStore()
        let f = s.writeFile("sc.yaml", """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: sc
            provisioner: example.com/p
            parameters: {}

            """)
        #expect(s.run("apply -f \(f)") == CLIResult(stdout: "storageclass.storage.k8s.io/sc created\n", stderr: "", exitCode: 0))
        let before = s.run("get sc sc -o yaml").stdout
        #expect(s.run("get sc sc -o jsonpath={.parameters}/{.reclaimPolicy}/{.volumeBindingMode}").stdout == "/Delete/Immediate")
        let refused = CLIResult(stdout: "", stderr: """
            The StorageClass "sc" is invalid: parameters: Forbidden: updates to parameters are forbidden.

            """, exitCode: 1)
        #expect(s.run("apply -f \(f)") == refused)
        #expect(s.run("replace -f \(f)") == refused)
        #expect(s.run("get sc sc -o yaml").stdout == before)
        // The same manifest without `parameters` re-applies cleanly.
        let g = s.writeFile("sc2.yaml", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: sc\nprovisioner: example.com/p\n")
        #expect(s.run("replace -f \(g)").exitCode == 0)
    }

    /// The review kinds are answered and never stored: `create -f` prints kubectl's `<unknown>` name
    /// (recorded from kubectl v1.32 against a server answering the review), and every other verb is
    /// HTTP 405 (kubectl v1.32's text for the API server's MethodNotAllowed status).
    @Test func reviewKindsAreAnsweredNotStored() {
        let s = TestStore()
        #expect(s.run("create configmap before").exitCode == 0)
        let rv = { (name: String) in Int(s.run("get cm \(name) -o jsonpath={.metadata.resourceVersion}").stdout) ?? 0 }
        let ssar = s.writeFile("ssar.yaml", """
            apiVersion: authorization.k8s.io/v1
            kind: SelfSubjectAccessReview
            spec:
              resourceAttributes:
                verb: get
                resource: pods

            """)
        #expect(s.run("create -f \(ssar)") == CLIResult(stdout: "selfsubjectaccessreview.authorization.k8s.io/<unknown> created\n",
                                                         stderr: "", exitCode: 0))
        #expect(s.run("create -f \(ssar) -o yaml").stdout == """
            apiVersion: authorization.k8s.io/v1
            kind: SelfSubjectAccessReview
            metadata:
              creationTimestamp: null
            spec:
              resourceAttributes:
                resource: pods
                verb: get
            status:
              allowed: true
              reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole
                "cluster-admin" to Group "kubeadm:cluster-admins"'

            """)
        let notAllowed = CLIResult(stdout: "", stderr: """
            Error from server (MethodNotAllowed): the server does not allow this method on the requested resource

            """, exitCode: 1)
        #expect(s.run("get selfsubjectaccessreviews") == notAllowed)
        #expect(s.run("get selfsubjectaccessreviews x -o yaml") == notAllowed)
        #expect(s.run("get tokenreviews") == notAllowed)
        // A denied subject: `allowed: false`, no reason.
        let sar = s.writeFile("sar.yaml", """
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            spec:
              user: nobody
              resourceAttributes: {verb: delete, resource: nodes}

            """)
        #expect(s.run("create -f \(sar) -o jsonpath={.status}").stdout == #"{"allowed":false}"#)
        #expect(s.run("create configmap after").exitCode == 0)
        #expect(rv("after") == rv("before") + 1, "a review wrote to the store")
        #expect(s.run("create -f \(ssar)").exitCode == 0)
        #expect(s.run("create configmap last").exitCode == 0)
        #expect(rv("last") == rv("after") + 1, "a review wrote to the store")
        let bad = s.writeFile("bad.yaml", """
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            metadata:
              name: x
            spec:
              resourceAttributes: {verb: get, resource: pods}
              nonResourceAttributes: {verb: get, path: /healthz}

            """)
        #expect(s.run("create -f \(bad)") == CLIResult(stdout: "", stderr: """
            The request is invalid: 
            * spec.nonResourceAttributes: Invalid value: authorization.NonResourceAttributes{Path:"/healthz", Verb:"get"}: cannot be specified in combination with resourceAttributes
            * spec.user: Invalid value: "": at least one of user or group must be specified
            * metadata: Invalid value: v1.ObjectMeta{Name:"x", GenerateName:"", Namespace:"", SelfLink:"", UID:"", ResourceVersion:"", Generation:0, CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), Labels:map[string]string(nil), Annotations:map[string]string(nil), OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), ManagedFields:[]v1.ManagedFieldsEntry(nil)}: must be empty

            """, exitCode: 1))
        #expect(s.run("create configmap final").exitCode == 0)
        #expect(rv("final") == rv("last") + 1, "the refused review wrote to the store")
    }

    /// ValidateRuntimeClass: the handler a DNS label, the overhead as a container's limits (`overhead.limits`),
    /// scheduling's node selector and tolerations; the handler is immutable.
    @Test func runtimeClassHandlerOverheadAndScheduling() {
        FieldRuleTests.refused("""
            apiVersion: node.k8s.io/v1
            kind: RuntimeClass
            metadata:
              name: rc
            handler: Run_C
            overhead:
              podFixed: {cpu: "-1", memory: 10Mi}
            scheduling:
              nodeSelector: {"bad key": x}
              tolerations:
              - {operator: Equal, value: x}

            """, """
            The RuntimeClass "rc" is invalid: 
            * handler: Invalid value: "Run_C": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            * overhead.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0
            * scheduling.nodeSelector: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * scheduling.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"

            """, check: "get runtimeclasses -o name")
        let s = TestStore()
        let f = s.writeFile("rc.yaml", "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: rc\nhandler: runc\n")
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run(#"patch runtimeclass rc --type=merge -p '{"handler":"crun"}'"#) == CLIResult(stdout: "", stderr: """
            The RuntimeClass "rc" is invalid: handler: Invalid value: "crun": field is immutable

            """, exitCode: 1))
        #expect(s.run("get runtimeclass rc -o jsonpath={.handler}").stdout == "runc")
    }

    /// ValidateLeaseSpec: a positive duration, non-negative transitions.
    @Test func leaseDurations() {
        FieldRuleTests.refused("""
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata:
              name: l
            spec:
              leaseDurationSeconds: 0
              leaseTransitions: -1

            """, """
            The Lease "l" is invalid: 
            * spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0
            * spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0

            """, check: "get leases -o name")
    }

    /// ValidateEndpointSliceCreate: address type, addresses, hostname, ports (names, duplicates, protocol,
    /// appProtocol); the address type cannot change.
    @Test func endpointSliceFields() {
        FieldRuleTests.refused("""
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: es}
            addressType: IPv5
            endpoints:
            - addresses: []
              hostname: Web_1
            ports:
            - {name: http, port: 80}
            - {name: http, port: 81, protocol: ICMP}
            - {name: Bad_Name, port: 82, appProtocol: "a b"}

            """, """
            The EndpointSlice "es" is invalid: 
            * addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"
            * endpoints[0].addresses: Required value: must contain at least 1 address
            * endpoints[0].hostname: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            * ports[1].name: Duplicate value: "http"
            * ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"
            * ports[2].name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            * ports[2].appProtocol: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')

            """, check: "get endpointslices -o name --field-selector metadata.name=es")
        let s = TestStore()
        let f = s.writeFile("es.yaml", "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: es}\naddressType: IPv4\nendpoints:\n- addresses: [10.0.0.1]\n")
        #expect(s.run("create -f \(f)").exitCode == 0)
        // v1.32 validates the endpoints again against the new type before the type's own update rule.
        #expect(s.run(#"patch endpointslice es --type=merge -p '{"addressType":"IPv6"}'"#) == CLIResult(stdout: "", stderr: """
            The EndpointSlice "es" is invalid: 
            * endpoints[0].addresses[0]: Invalid value: "10.0.0.1": must be a valid IPv6 address
            * addressType: Invalid value: "IPv6": field is immutable

            """, exitCode: 1))
    }

    /// validateCSIDriverSpec's value checks and the immutable fields (at the server's `spec.attachedRequired`).
    @Test func csiDriverSpec() {
        FieldRuleTests.refused("""
            apiVersion: storage.k8s.io/v1
            kind: CSIDriver
            metadata: {name: csi.example.com}
            spec:
              fsGroupPolicy: Sometimes
              tokenRequests:
              - {audience: a, expirationSeconds: 60}
              - {audience: a}
              volumeLifecycleModes: [Persistent, Bogus]

            """, """
            The CSIDriver "csi.example.com" is invalid: 
            * spec.fsGroupPolicy: Unsupported value: "Sometimes": supported values: "File", "None", "ReadWriteOnceWithFSType"
            * spec.tokenRequests[0].expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes
            * spec.tokenRequests[1].audience: Duplicate value: "a"
            * spec.volumeLifecycleModes: Unsupported value: "Bogus": supported values: "Persistent", "Ephemeral"

            """, check: "get csidrivers -o name")
        let s = TestStore()
        let f = s.writeFile("d.yaml", "apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: {name: d.example.com}\nspec: {attachRequired: true}\n")
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run(#"patch csidriver d.example.com --type=merge -p '{"spec":{"attachRequired":false,"volumeLifecycleModes":["Ephemeral"]}}'"#)
            == CLIResult(stdout: "", stderr: """
            The CSIDriver "d.example.com" is invalid: 
            * spec.attachedRequired: Invalid value: false: field is immutable
            * spec.volumeLifecycleModes: Invalid value: []storage.VolumeLifecycleMode{"Ephemeral"}: field is immutable

            """, exitCode: 1))
    }
}
