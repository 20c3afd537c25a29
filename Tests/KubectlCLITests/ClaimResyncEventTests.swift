import KubeTestSupport
import Testing

/// The volume controller syncs every unbound claim on its 15-second resync and records its event each
/// time: `describe pvc` counts them as time passes (`(xN over ...)`), through the controller's spam
/// filter (25 at once, then one per 5 minutes, the dropped ones counted on the next write).
@Suite struct ClaimResyncEventTests {
    var claim: String { claim(storageClass: nil) }

    func claim(storageClass: String?) -> String {
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
        \(storageClass.map { "  storageClassName: \($0)\n" } ?? "")  accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}

        """
    }

    func eventLines(_ s: TestStore) -> [String] {
        let lines = s.run("describe pvc data").stdout.split(separator: "\n")
        guard let i = lines.firstIndex(of: "Events:") else { return [] }
        return lines[(i + 3)...].map { $0.split(separator: " ").joined(separator: " ") }
    }

    @Test func waitForFirstConsumerRepeatsUntilAPodComes() {
        let s = TestStore()
        // The seeded `standard` class: local-path, WaitForFirstConsumer.
        #expect(s.run("create -f -", stdin: claim).exitCode == 0)
        // 10m5s: the first sync and 40 resyncs (15 ... 600 s); 26 pass by 375 s, the next at 600 s.
        s.advance(seconds: 605)
        #expect(eventLines(s) == [
            "Normal WaitForFirstConsumer 5s (x41 over 10m) persistentvolume-controller waiting for first consumer to be created before binding",
        ])
        #expect(s.run("get pvc data --no-headers").stdout.hasPrefix("data   Pending "))
        // A pod: the claim is provisioned and bound, the resync stops.
        #expect(s.run("create -f -", stdin: """
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              containers: [{name: app, image: nginx}]
              volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]

            """).exitCode == 0)
        s.advance(seconds: 600)
        let lines = eventLines(s)
        #expect(lines.first == "Normal WaitForFirstConsumer 10m (x41 over 20m) persistentvolume-controller waiting for first consumer to be created before binding", "\(lines)")
        // The controller's ExternalProvisioning at 605 s meets its filter with no token (the last went at
        // 600 s): dropped, a new event, not counted anywhere. The provisioner is another source.
        #expect(lines.dropFirst().map { String($0.split(separator: " ")[1]) } == ["Provisioning", "ProvisioningSucceeded"])
    }

    @Test func aPodThatCannotBeScheduledIsNamed() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: claim + """
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeSelector: {disk: none}
              containers: [{name: app, image: nginx}]
              volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]

            """).exitCode == 0)
        // Made before the pod in that command: the first sync finds no pod; the resync at 15 s names it.
        s.advance(seconds: 20)
        #expect(eventLines(s) == [
            "Normal WaitForFirstConsumer 20s persistentvolume-controller waiting for first consumer to be created before binding",
            "Normal WaitForPodScheduled 5s persistentvolume-controller waiting for pod app to be scheduled",
        ])
        #expect(s.run("create -f -", stdin: """
            apiVersion: v1
            kind: Pod
            metadata: {name: app2}
            spec:
              nodeSelector: {disk: none}
              containers: [{name: app, image: nginx}]
              volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]

            """).exitCode == 0)
        s.advance(seconds: 15)
        #expect(eventLines(s).last == "Normal WaitForPodScheduled 5s persistentvolume-controller waiting for pods app,app2 to be scheduled")
    }

    @Test func noClassAndNoVolumeRepeats() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: claim(storageClass: "\"\"")).exitCode == 0)
        s.advance(seconds: 65)
        #expect(eventLines(s) == [
            "Normal FailedBinding 5s (x5 over 65s) persistentvolume-controller no persistent volumes available for this claim and no storage class is set",
        ])
    }

    @Test func missingClassRepeats() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: claim(storageClass: "gold")).exitCode == 0)
        s.advance(seconds: 31)
        #expect(eventLines(s) == [
            "Warning ProvisioningFailed 1s (x3 over 31s) persistentvolume-controller storageclass.storage.k8s.io \"gold\" not found",
        ])
    }
}
