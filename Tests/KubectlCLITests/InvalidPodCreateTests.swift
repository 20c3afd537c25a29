import KubeTestSupport
import Testing

/// A controller whose pod the API server refuses as Invalid (not only Forbidden) is still created and
/// records the refusal as kube-controller-manager does (RealPodControl.createPods: `FailedCreate`,
/// `Error creating: <the API error>`; the StatefulSet controller's `create Pod P in StatefulSet S failed
/// error: ...`), retrying on its work queue's back-off. Before, the refusal ended the user's command:
/// `create -f` printed the pod's error, exited 1 and stored nothing. The Deployment controller retries a
/// refused ReplicaSet 15 times (`maxRetries`), each a `ReplicaSetCreateError` event, then gives up.
@Suite struct InvalidPodCreateTests {
    private static let failed = #"jsonpath={range .items[?(@.type=="Warning")]}{.involvedObject.kind}/{.reason} {.count} {.firstTimestamp} {.lastTimestamp} {.message}{"\n"}{end}"#

    private func warnings(_ s: TestStore) -> [String] {
        s.run(args: ["get", "events", "-o", Self.failed]).stdout.split(separator: "\n").map(String.init)
    }

    /// v1.32 does not check a StatefulSet's pod spec (only the template's labels and annotations): its
    /// pods are refused, the same message at every retry, so one event counts them.
    @Test func statefulSetWithAnInvalidPodSpec() {
        let s = TestStore()
        let r = s.run("create -f -", stdin: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 2
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - name: db
                    image: postgres
                    imagePullPolicy: Sometimes
                    ports: [{containerPort: 70000}]
            """)
        #expect(r == CLIResult(stdout: "statefulset.apps/db created\n", stderr: "", exitCode: 0))
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
        let message = "create Pod db-0 in StatefulSet db failed error: Pod \"db-0\" is invalid: [spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"]"
        s.setNow("2026-11-23T12:05:00Z")
        // Syncs at 0 (twice: its own status write), 5, 25, 65 ms ... 82, 164 s.
        #expect(warnings(s) == ["StatefulSet/FailedCreate 16 2026-11-23T12:00:00Z 2026-11-23T12:02:43Z \(message)"])
        #expect(s.run("get sts db").stdout == "NAME   READY   AGE\ndb     0/2     5m\n")
        // The status is written all the same.
        #expect(s.run("get sts db -o jsonpath={.status.replicas}/{.status.observedGeneration}/{.status.updateRevision}").stdout.hasPrefix("0/1/db-"))
    }

    /// A pod name that fits but a label that does not: `controller-revision-hash` is the StatefulSet's
    /// name and a hash. The retries within its first second (0, 0, 5, 25 ... 625 ms) are one event, counted.
    @Test func statefulSetWhoseRevisionLabelIsTooLong() {
        let s = TestStore()
        let name = "web-" + String(repeating: "x", count: 56)
        let r = s.run("create -f -", stdin: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: \(name)}
            spec:
              serviceName: web
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: nginx, image: nginx}]}
            """)
        #expect(r.exitCode == 0)
        let lines = warnings(s)
        #expect(lines.count == 1)
        let head = "StatefulSet/FailedCreate 8 2026-11-23T12:00:00Z 2026-11-23T12:00:00Z create Pod \(name)-0 in StatefulSet \(name) failed error: Pod \"\(name)-0\" is invalid: metadata.labels: Invalid value: \"\(name)-"
        #expect(lines.first?.hasPrefix(head) == true)
        #expect(lines.first?.hasSuffix("\": must be no more than 63 characters") == true)
    }

    /// A LimitRange's default limit below the template's request: the defaulted pod fails validation
    /// (requests above limits), for every kind of controller; each refused pod has its own generated name.
    @Test(arguments: [
        ("deployment", "ReplicaSet"), ("job", "Job"), ("rc", "ReplicationController"), ("daemonset", "DaemonSet"),
    ])
    func limitRangeDefaultsMakeThePodInvalid(kind: String, owner: String) {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: cpu}
            spec:
              limits:
              - type: Container
                default: {cpu: 500m}
            """).exitCode == 0)
        let template = """
              template:
                metadata: {labels: {app: w}}
                spec:
                  restartPolicy: \(kind == "job" ? "Never" : "Always")
                  containers: [{name: c, image: nginx, resources: {requests: {cpu: 600m}}}]
            """
        let manifest: String
        switch kind {
        case "job": manifest = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: w}\nspec:\n\(template)"
        case "rc": manifest = "apiVersion: v1\nkind: ReplicationController\nmetadata: {name: w}\nspec:\n  selector: {app: w}\n\(template)"
        default:
            manifest = "apiVersion: apps/v1\nkind: \(kind == "deployment" ? "Deployment" : "DaemonSet")\nmetadata: {name: w}\nspec:\n  selector: {matchLabels: {app: w}}\n\(template)"
        }
        let r = s.run("create -f -", stdin: manifest)
        #expect(r.exitCode == 0 && r.stderr == "")
        #expect(s.run("get pods -o name").stdout == "")
        let lines = warnings(s)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("\(owner)/FailedCreate 1 2026-11-23T12:00:00Z 2026-11-23T12:00:00Z Error creating: Pod \"w-"))
            #expect(line.hasSuffix("\" is invalid: spec.containers[0].resources.requests: Invalid value: \"600m\": must be less than or equal to cpu limit of 500m"))
        }
        if owner == "ReplicaSet" || owner == "ReplicationController" {
            let type = owner == "ReplicaSet" ? "rs" : "rc"
            let cond = s.run(args: ["get", type, "-o", "jsonpath={.items[0].status.conditions[0].type}/{.items[0].status.conditions[0].reason}"])
            #expect(cond.stdout == "ReplicaFailure/FailedCreate")
        }
    }

    /// A quota on ReplicaSets refuses a rollout's new one: 16 syncs, each an event (one, counted), at 0
    /// (and again at once for the Progressing condition it wrote), 5, 25, 65 ms ... 82, 164 s; then the
    /// controller forgets the Deployment until it changes again.
    @Test func replicaSetCreateErrorIsRetriedFifteenTimes() {
        let s = TestStore()
        #expect(s.run("create quota rs --hard=count/replicasets.apps=1").exitCode == 0)
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        #expect(s.run("set image deploy/web nginx=nginx:1.27").exitCode == 0)
        let message = "Failed to create new replica set \"web-99c749dc6\": replicasets.apps \"web-99c749dc6\" is forbidden: exceeded quota: rs, requested: count/replicasets.apps=1, used: count/replicasets.apps=1, limited: count/replicasets.apps=1"
        s.setNow("2026-11-23T12:01:00Z")
        #expect(warnings(s) == ["Deployment/ReplicaSetCreateError 14 2026-11-23T12:00:00Z 2026-11-23T12:00:40Z \(message)"])
        s.setNow("2026-11-23T12:05:00Z")
        #expect(warnings(s) == ["Deployment/ReplicaSetCreateError 16 2026-11-23T12:00:00Z 2026-11-23T12:02:43Z \(message)"])
        // Given up: the quota going does not wake it, nor does time.
        #expect(s.run("delete quota rs").exitCode == 0)
        s.setNow("2026-11-23T12:20:00Z")
        #expect(s.run("get rs -o name").stdout == "replicaset.apps/web-6dc5cd68db\n")
        #expect(warnings(s) == ["Deployment/ReplicaSetCreateError 16 2026-11-23T12:00:00Z 2026-11-23T12:02:43Z \(message)"])
        // A change to the Deployment does.
        #expect(s.run("annotate deploy web note=retry").exitCode == 0)
        #expect(s.run("get rs -o name").stdout == "replicaset.apps/web-6dc5cd68db\nreplicaset.apps/web-99c749dc6\n")
    }
}
