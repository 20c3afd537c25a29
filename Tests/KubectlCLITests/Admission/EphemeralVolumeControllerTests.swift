import KubeModel
import KubeTestSupport
import Testing

/// The ephemeral volume controller: a pod's generic ephemeral volume gets the claim `<pod>-<volume>`,
/// owned by the pod (controller, blocking its deletion), with the template's labels, annotations and spec;
/// a claim of that name the pod does not own keeps it Pending (the controller's FailedBinding, the
/// scheduler's VolumeBinding refusal) until it goes; the claim goes with the pod.
@Suite struct EphemeralVolumeControllerTests {
    static func pod(_ name: String, volume: String = "scratch", template: String = "labels: {type: scratch}\n          annotations: {note: kept}") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name)}
        spec:
          containers: [{name: app, image: nginx, volumeMounts: [{name: \(volume), mountPath: /data}]}]
          volumes:
          - name: \(volume)
            ephemeral:
              volumeClaimTemplate:
                metadata:
                  \(template)
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}

        """
    }

    static let handMade = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: taken-scratch}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}

        """

    @Test func theClaimIsMadeFromTheTemplateAndOwnedByThePod() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("p.yaml", Self.pod("web")))").stdout == "pod/web created\n")
        let uid = s.run("get pod web -o jsonpath={.metadata.uid}").stdout
        #expect(!uid.isEmpty)
        #expect(s.run("get pvc web-scratch -o jsonpath={.metadata.ownerReferences}").stdout
            == #"[{"apiVersion":"v1","blockOwnerDeletion":true,"controller":true,"kind":"Pod","name":"web","uid":"\#(uid)"}]"#)
        #expect(s.run("get pvc web-scratch -o jsonpath={.metadata.labels.type}/{.metadata.annotations.note}/{.spec.resources.requests.storage}/{.spec.accessModes}").stdout
            == #"scratch/kept/1Gi/["ReadWriteOnce"]"#)
        // Admission ran on the claim as on any other: the default class and the protection finalizer.
        #expect(s.run("get pvc web-scratch -o jsonpath={.spec.storageClassName}/{.metadata.finalizers}/{.status.phase}").stdout
            == #"standard/["kubernetes.io/pvc-protection"]/Bound"#)
        #expect(s.run("get pod web -o jsonpath={.status.phase}").stdout == "Running")
        // The scheduler looked before the claim was there.
        #expect(s.run("get events --field-selector involvedObject.name=web -o 'jsonpath={.items[0].reason}: {.items[0].message}'").stdout
            == #"FailedScheduling: 0/1 nodes are available: waiting for ephemeral volume controller to create the persistentvolumeclaim "web-scratch". preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."#)
    }

    @Test func aClaimThePodDoesNotOwnKeepsItPendingUntilItGoes() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("c.yaml", Self.handMade))").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("p.yaml", Self.pod("taken")))").exitCode == 0)
        #expect(s.run("get pod taken -o jsonpath={.status.phase}/{.spec.nodeName}").stdout == "Pending/")
        // The hand-made claim is left as it was.
        #expect(s.run("get pvc taken-scratch -o jsonpath={.metadata.ownerReferences}").stdout == "")
        let refusal = "PVC default/taken-scratch was not created for pod default/taken (pod is not owner)"
        #expect(s.run("get pod taken -o jsonpath={.status.conditions[0].message}").stdout
            == "0/1 nodes are available: \(refusal). preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
        let events = s.run("get events --field-selector involvedObject.name=taken -o 'jsonpath={range .items[*]}{.type} {.reason} {.source.component}: {.message}{\"\\n\"}{end}'").stdout
        #expect(events.contains("Warning FailedBinding ephemeral_volume: ephemeral volume scratch: \(refusal)\n"))
        #expect(events.contains("Warning FailedScheduling : 0/1 nodes are available: \(refusal)."))
        // The controller retries with its queue's back-off; the pod stays Pending meanwhile.
        s.setNow("2026-11-23T12:10:00Z")
        #expect(s.run("get pod taken -o jsonpath={.status.phase}").stdout == "Pending")
        #expect(s.run("describe pod taken").stdout.contains("ephemeral_volume   ephemeral volume scratch: \(refusal)\n"))
        // Once the hand-made claim goes (nothing uses it: the pod does not own it), the controller makes the pod's.
        #expect(s.run("delete pvc taken-scratch").stdout == "persistentvolumeclaim \"taken-scratch\" deleted\n")
        let uid = s.run("get pod taken -o jsonpath={.metadata.uid}").stdout
        #expect(s.run("get pvc taken-scratch -o jsonpath={.metadata.ownerReferences[0].uid}").stdout == uid)
        #expect(s.run("get pod taken -o jsonpath={.status.phase}").stdout == "Running")
    }

    @Test func theClaimGoesWithThePod() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("p.yaml", Self.pod("web")))").exitCode == 0)
        let volume = s.run("get pvc web-scratch -o jsonpath={.spec.volumeName}").stdout
        #expect(volume.hasPrefix("pvc-"))
        // In use by the running pod, the claim is protected.
        #expect(s.run("delete pvc web-scratch --wait=false").exitCode == 0)
        #expect(s.run("get pvc web-scratch -o jsonpath={.metadata.deletionTimestamp}").stdout == "2026-11-23T12:00:00Z")
        #expect(s.run("delete pod web").stdout == "pod \"web\" deleted\n")
        #expect(s.run("get pvc,pv").stderr == "No resources found\n")
        #expect(s.run("get pvc web-scratch").stderr == "Error from server (NotFound): persistentvolumeclaims \"web-scratch\" not found\n")
    }

    @Test func aRefusedCreateIsRecordedOnThePodAndRetried() {
        let s = TestStore()
        #expect(s.run("create quota claims --hard=persistentvolumeclaims=0").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("p.yaml", Self.pod("web")))").exitCode == 0)
        #expect(s.run("get pvc").stderr == "No resources found in default namespace.\n")
        let events = s.run("get events --field-selector reason=FailedBinding -o 'jsonpath={range .items[*]}{.message}{\"\\n\"}{end}'").stdout
        #expect(events == "ephemeral volume scratch: create PVC web-scratch: persistentvolumeclaims \"web-scratch\" is forbidden: exceeded quota: claims, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=0, limited: persistentvolumeclaims=0\n")
        #expect(s.run("get pod web -o jsonpath={.status.phase}").stdout == "Pending")
        // The quota raised, the next retry makes the claim.
        #expect(s.run("patch quota claims -p '{\"spec\":{\"hard\":{\"persistentvolumeclaims\":\"1\"}}}'").exitCode == 0)
        s.setNow("2026-11-23T12:30:00Z")
        #expect(s.run("get pod web -o jsonpath={.status.phase}").stdout == "Running")
        #expect(s.run("get pvc web-scratch -o jsonpath={.metadata.ownerReferences[0].name}").stdout == "web")
    }
}
