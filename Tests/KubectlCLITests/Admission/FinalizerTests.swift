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

    /// v1.32's pvc-protection counts only scheduled pods (spec.nodeName set) as users of a claim: a pod no
    /// node can take does not keep the claim; a scheduled pod that has finished still does, until it goes.
    @Test func onlyScheduledPodsKeepTheirClaim() {
        let s = TestStore()
        let pending = Self.claimAndPod.replacingAll("  containers:", with: "  nodeSelector: {disk: none}\n  containers:")
        let f = s.writeFile("c.yaml", pending)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get pod user -o jsonpath={.spec.nodeName}/{.status.phase}").stdout == "/Pending")
        #expect(s.run("delete pvc data") == CLIResult(stdout: "persistentvolumeclaim \"data\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("get pvc -o name").stdout == "")

        let t = TestStore()
        let done = Self.claimAndPod.replacingAll("image: nginx", with: "image: busybox\n    command: [sh, -c, 'sleep 5']")
            .replacingAll("  containers:", with: "  restartPolicy: Never\n  containers:")
        let g = t.writeFile("c.yaml", done)
        #expect(t.run("create -f \(g)").exitCode == 0)
        t.setNow("2026-11-23T12:00:06Z")
        #expect(t.run("get pod user -o jsonpath={.status.phase}").stdout == "Succeeded")
        #expect(t.run("get pod user -o jsonpath={.spec.nodeName}").stdout.isEmpty == false)
        #expect(t.run("delete pvc data").exitCode == 0)
        #expect(t.run("get pvc -o name").stdout == "persistentvolumeclaim/data\n")
        #expect(t.run("delete pod user").exitCode == 0)
        #expect(t.run("get pvc -o name").stdout == "")
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

    /// Garbage collection honours a dependent's finalizers: the ReplicaSet of a deleted Deployment stays
    /// Terminating (and keeps its pods, whose owner still exists) until its finalizer goes.
    @Test func garbageCollectorLeavesDependentWithFinalizerTerminating() {
        let s = TestStore()
        #expect(s.run("create deployment d --image=nginx --replicas=2").exitCode == 0)
        let rs = s.run("get rs -o name").stdout.trimmingCharacters(in: "\n")
        #expect(s.run(args: ["patch", rs, "-p", #"{"metadata":{"finalizers":["example.com/keep"]}}"#]).exitCode == 0)
        #expect(s.run("delete deployment d").stdout == "deployment.apps \"d\" deleted\n")
        #expect(s.run("get \(rs) -o jsonpath={.metadata.deletionTimestamp}/{.metadata.deletionGracePeriodSeconds}").stdout
            == "2026-11-23T12:00:00Z/0")
        #expect(s.run("get deploy,rs,pods --no-headers -o custom-columns=N:.metadata.name").stdout.split(separator: "\n").count == 3)
        #expect(s.run(args: ["patch", rs, "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#]).exitCode == 0)
        // The ReplicaSet is gone; its pods are Terminating until their kubelet has stopped them.
        #expect(s.run("get pods --no-headers").stdout.split(separator: "\n").allSatisfy { $0.contains("   Terminating   ") })
        s.advance(seconds: 1)
        #expect(s.run("get deploy,rs,pods").stderr == "No resources found in default namespace.\n")
    }

    /// A pod with a finalizer, deleted, is stopped and stays Terminating (grace period 0); its ReplicaSet
    /// replaces it at once. Removing the finalizer deletes it.
    @Test func podWithFinalizerStaysTerminating() {
        let s = TestStore()
        #expect(s.run("create deployment d --image=nginx").exitCode == 0)
        let pod = s.run("get pods -o name").stdout.trimmingCharacters(in: "\n")
        #expect(s.run(args: ["patch", pod, "-p", #"{"metadata":{"finalizers":["example.com/keep"]}}"#]).exitCode == 0)
        #expect(s.run("delete \(pod)").exitCode == 0)
        #expect(s.run("get \(pod) -o jsonpath={.metadata.deletionTimestamp}/{.metadata.deletionGracePeriodSeconds}").stdout
            == "2026-11-23T12:00:00Z/0")
        #expect(s.run("get pods --no-headers -o custom-columns=S:.metadata.deletionTimestamp").stdout.split(separator: "\n").sorted()
            == ["2026-11-23T12:00:00Z", "<none>"])
        #expect(s.run(args: ["patch", pod, "--type=json", "-p", #"[{"op":"remove","path":"/metadata/finalizers"}]"#]).exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout.split(separator: "\n").count == 1)
        #expect(s.run("get \(pod)").exitCode == 1)
    }

    /// A namespace whose content has finalizers stays Terminating with the namespace controller's
    /// conditions, refuses new content, and goes when the last object does.
    @Test func namespaceStaysTerminatingWhileContentHasFinalizers() {
        let s = TestStore()
        #expect(s.run("create namespace n1").exitCode == 0)
        #expect(s.run("create configmap a -n n1").exitCode == 0)
        #expect(s.run("create configmap b -n n1").exitCode == 0)
        for cm in ["a", "b"] {
            #expect(s.run(args: ["patch", "configmap", cm, "-n", "n1", "-p", #"{"metadata":{"finalizers":["example.com/keep"]}}"#]).exitCode == 0)
        }
        #expect(s.run("delete namespace n1") == CLIResult(stdout: "namespace \"n1\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("get namespace n1").stdout == "NAME   STATUS        AGE\nn1     Terminating   0s\n")
        #expect(s.run("get namespace n1 -o yaml").stdout == """
            apiVersion: v1
            kind: Namespace
            metadata:
              creationTimestamp: "2026-11-23T12:00:00Z"
              deletionGracePeriodSeconds: 0
              deletionTimestamp: "2026-11-23T12:00:00Z"
              labels:
                kubernetes.io/metadata.name: n1
              name: n1
              resourceVersion: "\(s.run("get namespace n1 -o jsonpath={.metadata.resourceVersion}").stdout)"
              uid: \(s.run("get namespace n1 -o jsonpath={.metadata.uid}").stdout)
            spec:
              finalizers:
              - kubernetes
            status:
              conditions:
              - lastTransitionTime: "2026-11-23T12:00:00Z"
                message: All resources successfully discovered
                reason: ResourcesDiscovered
                status: "False"
                type: NamespaceDeletionDiscoveryFailure
              - lastTransitionTime: "2026-11-23T12:00:00Z"
                message: All legacy kube types successfully parsed
                reason: ParsedGroupVersions
                status: "False"
                type: NamespaceDeletionGroupVersionParsingFailure
              - lastTransitionTime: "2026-11-23T12:00:00Z"
                message: All content successfully deleted, may be waiting on finalization
                reason: ContentDeleted
                status: "False"
                type: NamespaceDeletionContentFailure
              - lastTransitionTime: "2026-11-23T12:00:00Z"
                message: 'Some resources are remaining: configmaps. has 2 resource instances'
                reason: SomeResourcesRemain
                status: "True"
                type: NamespaceContentRemaining
              - lastTransitionTime: "2026-11-23T12:00:00Z"
                message: 'Some finalizers are remaining: example.com/keep in 2 resource instances'
                reason: SomeFinalizerRemain
                status: "True"
                type: NamespaceFinalizersRemaining
              phase: Terminating

            """)
        #expect(s.run("get configmaps -n n1 -o name").stdout == "configmap/a\nconfigmap/b\n")
        #expect(s.run("create configmap c -n n1").stderr
            == "error: failed to create configmap: configmaps \"c\" is forbidden: unable to create new content in namespace n1 because it is being terminated\n")
        #expect(s.run(args: ["patch", "configmap", "a", "-n", "n1", "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#]).exitCode == 0)
        #expect(s.run("get namespace n1 -o jsonpath={.status.conditions[3].message}").stdout
            == "Some resources are remaining: configmaps. has 1 resource instances")
        #expect(s.run(args: ["patch", "configmap", "b", "-n", "n1", "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#]).exitCode == 0)
        #expect(s.run("get namespace n1").stderr == "Error from server (NotFound): namespaces \"n1\" not found\n")
    }
}
