import KubeModel
import KubeTestSupport
import Testing

/// Stored objects read back as a v1.32 API server serves them after decoding into the Go type and
/// encoding again: every embedded template's metadata has `creationTimestamp: null`, a container
/// `resources: {}`, a resource field reference `divisor: "0"`, whatever path wrote them.
@Suite struct GoZeroValueTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: c
                image: nginx:1.25
                env:
                - name: CPU
                  valueFrom: {resourceFieldRef: {resource: limits.cpu}}

        """

    static func template(_ s: TestStore, _ what: String = "deploy web", _ path: String = ".spec.template.metadata") -> String {
        s.run("get \(what) -o jsonpath={\(path)}").stdout
    }

    @Test func everyWritePathStoresTheTemplatesZeroCreationTimestamp() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", Self.deployment)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(Self.template(s) == #"{"creationTimestamp":null,"labels":{"app":"web"}}"#)
        #expect(s.run("get deploy web -o jsonpath={.spec.template.spec.containers[0].env[0].valueFrom.resourceFieldRef}").stdout
            == #"{"divisor":"0","resource":"limits.cpu"}"#)
        #expect(s.run("get deploy web -o jsonpath={.spec.template.spec.containers[0].resources}").stdout == "{}")
        // The ReplicaSet copied from the template and its pods.
        #expect(Self.template(s, "rs", ".items[0].spec.template.metadata").hasPrefix(#"{"creationTimestamp":null,"labels":{"app":"web","#))

        // A patch that drops the template's metadata, replace, apply --server-side, edit and set: still there.
        #expect(s.run(args: ["patch", "deploy", "web", "--type=json", "-p",
                             #"[{"op":"remove","path":"/spec/template/metadata/creationTimestamp"}]"#]).exitCode == 0)
        #expect(Self.template(s) == #"{"creationTimestamp":null,"labels":{"app":"web"}}"#)
        #expect(s.run("replace -f \(f)").exitCode == 0)
        #expect(Self.template(s) == #"{"creationTimestamp":null,"labels":{"app":"web"}}"#)
        #expect(s.run("apply --server-side --force-conflicts -f \(f)").exitCode == 0)
        #expect(Self.template(s) == #"{"creationTimestamp":null,"labels":{"app":"web"}}"#)
        #expect(s.run("set image deploy/web c=nginx:1.26").exitCode == 0)
        #expect(Self.template(s) == #"{"creationTimestamp":null,"labels":{"app":"web"}}"#)
        #expect(s.run("get deploy web -o yaml --show-managed-fields").stdout.contains("f:creationTimestamp") == false)
    }

    @Test func templatesWithoutMetadataGetTheZeroObjectMeta() {
        let s = TestStore()
        let f = s.writeFile("w.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: cj}
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]
            ---
            apiVersion: v1
            kind: PodTemplate
            metadata: {name: pt}
            template:
              spec:
                containers: [{name: c, image: busybox}]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: c, image: postgres}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}

            """)
        #expect(s.run("apply -f \(f)").exitCode == 0)
        #expect(Self.template(s, "cronjob cj", ".spec.jobTemplate.metadata") == #"{"creationTimestamp":null}"#)
        #expect(Self.template(s, "cronjob cj", ".spec.jobTemplate.spec.template.metadata") == #"{"creationTimestamp":null}"#)
        #expect(Self.template(s, "podtemplate pt", ".template.metadata") == #"{"creationTimestamp":null}"#)
        #expect(Self.template(s, "sts db", ".spec.volumeClaimTemplates[0].metadata") == #"{"creationTimestamp":null,"name":"data"}"#)
        #expect(Self.template(s, "sts db", ".spec.template.metadata") == #"{"creationTimestamp":null,"labels":{"app":"db"}}"#)
    }

    @Test func storeImportFillsTheZeroValuesToo() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", Self.deployment)
        let r = s.run("store import -f \(f)")
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(Self.template(s) == #"{"creationTimestamp":null,"labels":{"app":"web"}}"#)
    }

    /// `ValidateResourceQuotaStatusUpdate`: a status write checks `status.hard` and `status.used` names and
    /// amounts as the spec's are checked; a valid one is stored.
    @Test func quotaStatusWritesAreValidated() {
        let s = TestStore()
        let q = s.writeFile("q.yaml", "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    pods: \"4\"\n")
        #expect(s.run("create -f \(q)").exitCode == 0)
        let r = s.run(args: ["patch", "quota", "q", "--subresource=status", "--type=merge", "-p",
                             #"{"status":{"hard":{"foo":"1","cpu":"-1"},"used":{"pods":"1.5","limits.pods":"1"}}}"#])
        #expect(r == CLIResult(stdout: "", stderr: """
            The ResourceQuota "q" is invalid: 
            * status.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0
            * status.hard[foo]: Invalid value: foo: must be a standard resource type or fully qualified
            * status.hard[foo]: Invalid value: foo: must be a standard resource for quota
            * status.used[limits.pods]: Invalid value: limits.pods: must be a standard resource type or fully qualified
            * status.used[limits.pods]: Invalid value: limits.pods: must be a standard resource for quota
            * status.used[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:15, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}: must be an integer

            """, exitCode: 1))
        #expect(s.run("get quota q -o jsonpath={.status.hard}").stdout == #"{"pods":"4"}"#)
        #expect(s.run(args: ["patch", "quota", "q", "--subresource=status", "--type=merge", "-p",
                             #"{"status":{"hard":{"pods":"4","count/deployments.apps":"2"}}}"#]).exitCode == 0)
    }
}
