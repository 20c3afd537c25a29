import KubeTestSupport
import Testing

/// A user-made local-path class with `volumeBindingMode: Immediate`, as on kind: the provisioner needs
/// the node the scheduler picked, so its claims stay Pending and its attempts fail, again and again,
/// as time passes (the controller's 15 s resync, the provisioner's back-off and 15-minute resync).
@Suite struct LocalPathImmediateTests {
    let manifest = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: local-immediate}
        provisioner: rancher.io/local-path
        reclaimPolicy: Delete
        volumeBindingMode: Immediate
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          storageClassName: local-immediate
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}

        """

    static let waiting = "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."
    static let failed = "failed to provision volume with StorageClass \"local-immediate\": configuration error, no node was specified"

    /// `describe pvc data`'s events as reason, age column and count: `reason age count first-age`.
    func events(_ s: TestStore) -> [String] {
        let out = s.run(args: ["get", "events", "--field-selector", "involvedObject.name=data", "-o",
                               #"jsonpath={range .items[*]}{.source.component}|{.type}|{.reason}|{.count}|{.firstTimestamp}|{.lastTimestamp}|{.message}{"\n"}{end}"#]).stdout
        return out.split(separator: "\n").map(String.init).sorted()
    }

    @Test func claimStaysPendingAndTheProvisionerFails() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: manifest).exitCode == 0)
        #expect(s.run("get pvc data --no-headers").stdout
            == "data   Pending                     local-immediate   <unset>   0s\n")
        #expect(s.run("get pv --no-headers").stdout == "")
        #expect(s.run(args: ["get", "pvc", "data", "-o", "jsonpath={.metadata.annotations}"]).stdout
            == #"{"volume.beta.kubernetes.io/storage-provisioner":"rancher.io/local-path","volume.kubernetes.io/storage-provisioner":"rancher.io/local-path"}"#)
        let t0 = "2026-11-23T12:00:00Z"
        #expect(events(s) == [
            "persistentvolume-controller|Normal|ExternalProvisioning|2|\(t0)|\(t0)|\(Self.waiting)",
            "rancher.io/local-path_local-path-provisioner|Normal|Provisioning|1|\(t0)|\(t0)|External provisioner is provisioning volume for claim \"default/data\"",
            "rancher.io/local-path_local-path-provisioner|Warning|ProvisioningFailed|1|\(t0)|\(t0)|\(Self.failed)",
        ])

        // 4m14s later: the controller's resyncs at 15 s, 30 s ... 240 s (16 more); the provisioner's
        // retries after 15, 30, 60 and 120 s (at 15, 45, 105, 225 s).
        s.advance(seconds: 254)
        let describe = s.run("describe pvc data").stdout
        #expect(describe.contains("""
            Status:        Pending
            Volume:        
            Labels:        <none>
            Annotations:   volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path
                           volume.kubernetes.io/storage-provisioner: rancher.io/local-path
            Finalizers:    [kubernetes.io/pvc-protection]
            """), "\(describe)")
        #expect(describe.contains("Normal   ExternalProvisioning  14s (x18 over 4m14s)  persistentvolume-controller"), "\(describe)")
        #expect(describe.contains("Normal   Provisioning          29s (x5 over 4m14s)   rancher.io/local-path_local-path-provisioner  External provisioner is provisioning volume for claim \"default/data\""), "\(describe)")
        #expect(describe.contains("Warning  ProvisioningFailed    29s (x5 over 4m14s)   rancher.io/local-path_local-path-provisioner  \(Self.failed)"), "\(describe)")

        // An hour and 10 s after creation: the provisioner's back-off (465, 945, 1945, 2945 s) with its
        // resyncs (900, 1800, 2700, 3600 s): 13 attempts, 26 events, within its spam filter's burst and
        // refill. The controller's 242 occurrences meet its filter: 26 pass by 360 s, then one each
        // 300 s (the last at 3600 s); those dropped are counted when the next one passes.
        s.advance(seconds: 3610 - 254)
        let hour = events(s)
        #expect(hour == [
            "persistentvolume-controller|Normal|ExternalProvisioning|242|\(t0)|2026-11-23T13:00:00Z|\(Self.waiting)",
            "rancher.io/local-path_local-path-provisioner|Normal|Provisioning|13|\(t0)|2026-11-23T13:00:00Z|External provisioner is provisioning volume for claim \"default/data\"",
            "rancher.io/local-path_local-path-provisioner|Warning|ProvisioningFailed|13|\(t0)|2026-11-23T13:00:00Z|\(Self.failed)",
        ])
        #expect(s.run("get pvc data -o jsonpath={.status.phase}").stdout == "Pending")
    }

    /// The same hour in many small steps or one jump: the same counts.
    @Test func stepsAndJumpsAgree() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: manifest).exitCode == 0)
        for _ in 0..<19 {
            s.advance(seconds: 190)
            _ = s.run("get pvc data")
        }
        s.advance(seconds: 3610 - 19 * 190)
        let t0 = "2026-11-23T12:00:00Z"
        #expect(events(s) == [
            "persistentvolume-controller|Normal|ExternalProvisioning|242|\(t0)|2026-11-23T13:00:00Z|\(Self.waiting)",
            "rancher.io/local-path_local-path-provisioner|Normal|Provisioning|13|\(t0)|2026-11-23T13:00:00Z|External provisioner is provisioning volume for claim \"default/data\"",
            "rancher.io/local-path_local-path-provisioner|Warning|ProvisioningFailed|13|\(t0)|2026-11-23T13:00:00Z|\(Self.failed)",
        ])
    }

    /// The provisioner gives up its back-off after 15 requeues (the last back-off attempt at 4945 s),
    /// then tries on each 15-minute resync only; a day later the events are still written (each pass
    /// keeps them an hour), their counts grown.
    @Test func aDayLater() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: manifest).exitCode == 0)
        s.advance(seconds: 86_400 + 5)
        // Provisioner: 0 15 45 105 225 465 900 945 1800 1945 2700 2945 3600 3945 4500 4945 (16), then
        // 5400 ... 86400 every 900 s (91): 107 attempts. Controller: 2 + 5760 resyncs.
        #expect(events(s) == [
            "persistentvolume-controller|Normal|ExternalProvisioning|5762|2026-11-23T12:00:00Z|2026-11-24T12:00:00Z|\(Self.waiting)",
            "rancher.io/local-path_local-path-provisioner|Normal|Provisioning|107|2026-11-23T12:00:00Z|2026-11-24T12:00:00Z|External provisioner is provisioning volume for claim \"default/data\"",
            "rancher.io/local-path_local-path-provisioner|Warning|ProvisioningFailed|107|2026-11-23T12:00:00Z|2026-11-24T12:00:00Z|\(Self.failed)",
        ])
    }

    /// A deleted claim's retries end; a claim of that name made again starts afresh.
    @Test func deletedClaimStopsRetrying() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: manifest).exitCode == 0)
        s.advance(seconds: 100)
        #expect(s.run("delete pvc data").exitCode == 0)
        s.advance(seconds: 1000)
        #expect(s.run("get pvc").stderr == "No resources found in default namespace.\n")
        #expect(s.run("create -f -", stdin: manifest).stderr.contains("AlreadyExists"))
        let t = "2026-11-23T12:18:20Z"
        let fresh = events(s).filter { $0.contains("|\(t)|\(t)|") }
        #expect(fresh.count == 3, "\(events(s))")
    }
}
