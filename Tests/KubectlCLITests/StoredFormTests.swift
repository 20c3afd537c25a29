import KubeTestSupport
import Testing

/// What the store keeps after a write, as a v1.32 API server keeps it: quantities in canonical form,
/// a Job's generated labels; and `taint`'s removal forms. Expected texts come from kubectl v1.32
/// (`set resources --local -o yaml` prints the canonical form the API server stores; `taint`'s
/// messages were recorded against a fake API server).
@Suite struct StoredFormTests {
    /// Inputs and what kubectl v1.32's `set resources --local` serialises for them.
    static let canonical: [(String, String)] = [
        ("1.5Gi", "1536Mi"), ("0.5", "500m"), ("1e3", "1e3"), ("100M", "100M"), ("1000", "1k"), ("1024Ki", "1Mi"),
        ("0.1m", "100u"), ("1.0001", "1000100u"), ("12e6", "12e6"), ("1000m", "1"), ("2048Mi", "2Gi"),
        ("1.5e3", "1500"), ("0.5Gi", "512Mi"), ("1000000", "1M"), ("0.25Ki", "256"), ("3.0", "3"), ("+4", "+4"),
        ("05", "05"), ("10e2", "1e3"), ("0.1e1", "1"), ("-0", "0"),
    ]

    @Test(arguments: canonical)
    func containerResourcesAreStoredCanonical(_ input: String, _ stored: String) {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let r = s.run(args: ["set", "resources", "deploy/web", "--limits=memory=\(input)", "--requests=cpu=\(input)"])
        #expect(r.exitCode == 0, "\(r)")
        let got = s.run(args: ["get", "deploy", "web", "-o",
                               "jsonpath={.spec.template.spec.containers[0].resources.limits.memory} {.spec.template.spec.containers[0].resources.requests.cpu}"])
        #expect(got.stdout == "\(stored) \(stored)")
    }

    @Test func quantitiesInManifestsAreStoredCanonical() {
        let s = TestStore()
        let manifest = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1.5Gi}}
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: q}
        spec:
          hard: {pods: 10, requests.cpu: 0.5, requests.memory: 2048Mi}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: lr}
        spec:
          limits:
          - type: Container
            default: {cpu: 0.25, memory: 1024Mi}

        """
        let r = s.run("create -f -", stdin: manifest)
        #expect(r.exitCode == 0, "\(r)")
        #expect(s.run("get pvc data -o jsonpath={.spec.resources.requests.storage}").stdout == "1536Mi")
        #expect(s.run("get quota q -o jsonpath={.spec.hard}").stdout
            == #"{"pods":"10","requests.cpu":"500m","requests.memory":"2Gi"}"#)
        #expect(s.run("get limits lr -o jsonpath={.spec.limits[0].default}").stdout == #"{"cpu":"250m","memory":"1Gi"}"#)
    }

    @Test func jobCarriesItsGeneratedLabels() {
        let s = TestStore()
        #expect(s.run("create job once --image=busybox").exitCode == 0)
        let uid = s.run("get job once -o jsonpath={.metadata.uid}").stdout
        #expect(!uid.isEmpty)
        #expect(s.run("get job once -o jsonpath={.metadata.labels}").stdout
            == #"{"batch.kubernetes.io/controller-uid":"\#(uid)","batch.kubernetes.io/job-name":"once","controller-uid":"\#(uid)","job-name":"once"}"#)
        #expect(s.run("get pods -l job-name=once -o name").stdout.hasPrefix("pod/once-"))
        #expect(s.run("get job once -o jsonpath={.spec.selector.matchLabels}").stdout
            == #"{"batch.kubernetes.io/controller-uid":"\#(uid)"}"#)
    }

    @Test func taintRemovalForms() {
        let s = TestStore()
        #expect(s.run("taint nodes node-1 dedicated=gpu:NoSchedule").stdout == "node/node-1 tainted\n")
        // The value of a removal is not compared; the key and effect are.
        #expect(s.run("taint nodes node-1 dedicated=gpu:NoSchedule-").stdout == "node/node-1 untainted\n")
        #expect(s.run("taint nodes node-1 dedicated=gpu:NoSchedule dedicated=gpu:NoExecute").exitCode == 0)
        #expect(s.run("taint nodes node-1 dedicated=other:NoExecute-").stdout == "node/node-1 untainted\n")
        #expect(s.run("taint nodes node-1 dedicated-").stdout == "node/node-1 untainted\n")
        #expect(s.run("get node node-1 -o jsonpath={.spec.taints}").stdout.contains("dedicated") == false)
        let bad = s.run("taint nodes node-1 dedicated=gpu-")
        #expect(bad.stderr == """
            error: invalid taint spec: dedicated=gpu, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            See 'kubectl taint -h' for help and examples

            """)
        #expect(bad.exitCode == 1)
        #expect(s.run("taint nodes node-1 nope=x:NoSchedule-").stderr == "error: taint \"nope:NoSchedule\" not found\n")
        #expect(s.run("taint nodes node-1 nope-").stderr == "error: taint \"nope\" not found\n")
        #expect(s.run("taint nodes node-1 dedicated:Bad-").stderr
            == "error: invalid taint effect: Bad, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n")
    }
}
