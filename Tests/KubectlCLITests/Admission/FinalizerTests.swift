import KubeModel
import KubeTestSupport
import Testing

/// Objects with finalizers are not deleted at once: a delete sets `deletionTimestamp` and the object
/// stays Terminating until its last finalizer goes (the storage-protection controllers remove theirs
/// once nothing uses the claim or volume; anyone may remove their own).
@Suite struct FinalizerTests {
    static let claimAndPod = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 1Gi
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: user
        spec:
          containers:
          - name: c
            image: nginx
            volumeMounts:
            - {name: d, mountPath: /d}
          volumes:
          - name: d
            persistentVolumeClaim:
              claimName: data

        """

    @Test func claimInUseStaysTerminatingUntilItsPodGoes() {
        let s = TestStore()
        let f = s.writeFile("c.yaml", Self.claimAndPod)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("delete pvc data") == CLIResult(stdout: "persistentvolumeclaim \"data\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("get pvc data -o jsonpath={.metadata.deletionTimestamp}/{.metadata.deletionGracePeriodSeconds}/{.metadata.finalizers[0]}").stdout
            == "2026-11-23T12:00:00Z/0/kubernetes.io/pvc-protection")
        #expect(s.run("get pvc data --no-headers -o custom-columns=S:.status.phase").stdout == "Bound\n")
        #expect(s.run("get pvc").stdout.contains("data   Terminating   pvc-"))
        // A second delete changes nothing.
        #expect(s.run("delete pvc data").exitCode == 0)
        #expect(s.run("get pvc -o name").stdout == "persistentvolumeclaim/data\n")
        #expect(s.run("delete pod user").exitCode == 0)
        #expect(s.run("get pvc,pv -o name").stdout == "")
    }

    @Test func unusedClaimGoesAtOnce() {
        let s = TestStore()
        let f = s.writeFile("c.yaml", String(Self.claimAndPod.prefix(while: { $0 != "-" })))
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("delete pvc data").stdout == "persistentvolumeclaim \"data\" deleted\n")
        #expect(s.run("get pvc -o name").stdout == "")
    }

    @Test func boundVolumeStaysTerminatingUntilReleased() {
        let s = TestStore()
        let f = s.writeFile("c.yaml", Self.claimAndPod)
        #expect(s.run("create -f \(f)").exitCode == 0)
        let pv = s.run("get pvc data -o jsonpath={.spec.volumeName}").stdout
        #expect(s.run("delete pv \(pv)").stdout == "persistentvolume \"\(pv)\" deleted\n")
        #expect(s.run("get pv \(pv) --no-headers").stdout.contains("Terminating   default/data"))
        #expect(s.run("delete pod user").exitCode == 0)
        #expect(s.run("delete pvc data").exitCode == 0)
        #expect(s.run("get pv -o name").stdout == "")
    }

    @Test func ownFinalizerKeepsAnyObjectUntilRemoved() {
        let s = TestStore()
        #expect(s.run("create configmap x").exitCode == 0)
        #expect(s.run(args: ["patch", "configmap", "x", "-p", #"{"metadata":{"finalizers":["example.com/keep"]}}"#]).exitCode == 0)
        #expect(s.run("delete configmap x").stdout == "configmap \"x\" deleted\n")
        #expect(s.run("get configmap x -o jsonpath={.metadata.deletionTimestamp}").stdout == "2026-11-23T12:00:00Z")
        #expect(s.run(args: ["patch", "configmap", "x", "--type=json", "-p", #"[{"op":"remove","path":"/metadata/finalizers"}]"#])
            == CLIResult(stdout: "configmap/x patched\n", stderr: "", exitCode: 0))
        #expect(s.run("get configmap x").stderr == "Error from server (NotFound): configmaps \"x\" not found\n")
    }
}
