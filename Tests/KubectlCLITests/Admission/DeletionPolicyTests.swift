import KubeModel
import KubeTestSupport
import Testing

/// `delete --cascade=foreground|orphan|background` as the API server records the policy and the garbage
/// collector carries it out: a foreground delete keeps the owner (deletionTimestamp, the
/// `foregroundDeletion` finalizer after its own) until no dependent that blocks it is left.
@Suite struct DeletionPolicyTests {
    /// A Deployment whose first pod a finalizer holds.
    func deploymentWithHeldPod(_ s: TestStore) -> String {
        #expect(s.run("create deployment d --image=nginx --replicas=2").exitCode == 0)
        let pod = s.run("get pods -l app=d -o name").stdout.split(separator: "\n").map(String.init)[0]
        #expect(s.run(args: ["patch", pod, "-p", #"{"metadata":{"finalizers":["example.com/keep"]}}"#]).exitCode == 0)
        return pod
    }

    @Test func foregroundOwnerWaitsForBlockingDependents() {
        let s = TestStore()
        let pod = deploymentWithHeldPod(s)
        #expect(s.run("delete deployment d --cascade=foreground")
            == CLIResult(stdout: "deployment.apps \"d\" deleted\n", stderr: "", exitCode: 0))
        // The Deployment and its ReplicaSet stay, marked, while the held pod (blockOwnerDeletion) is there.
        #expect(s.run("get deploy d -o jsonpath={.metadata.deletionTimestamp}/{.metadata.deletionGracePeriodSeconds}/{.metadata.finalizers}/{.metadata.generation}").stdout
            == #"2026-11-23T12:00:00Z/0/["foregroundDeletion"]/2"#)
        #expect(s.run("get rs -o jsonpath={.items[0].metadata.finalizers}").stdout == #"["foregroundDeletion"]"#)
        // The other pod went; the ReplicaSet's status counts no active pod.
        #expect(s.run("get pods -o name").stdout == pod + "\n")
        #expect(s.run("get rs --no-headers").stdout == "d-8f4d688d8   2     0     0     0s\n")
        // The last blocker goes: the ReplicaSet, then the Deployment, go with it.
        #expect(s.run(args: ["patch", pod, "--type=json", "-p", #"[{"op":"remove","path":"/metadata/finalizers"}]"#]).exitCode == 0)
        #expect(s.run("get deploy,rs,pods -o name").stdout == "")
        #expect(s.run("get deploy,rs,pods").stderr == "No resources found in default namespace.\n")
    }

    @Test func foregroundKeepsTheOwnersOwnFinalizersFirst() {
        let s = TestStore()
        #expect(s.run("create configmap owner").exitCode == 0)
        #expect(s.run(args: ["patch", "configmap", "owner", "-p", #"{"metadata":{"finalizers":["example.com/a"]}}"#]).exitCode == 0)
        #expect(s.run("delete configmap owner --cascade=foreground").exitCode == 0)
        // No dependent blocks it: foregroundDeletion goes at once, example.com/a keeps it.
        #expect(s.run("get configmap owner -o jsonpath={.metadata.finalizers}").stdout == #"["example.com/a"]"#)
        #expect(s.run(args: ["patch", "configmap", "owner", "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#]).exitCode == 0)
        #expect(s.run("get configmap owner -o name").stdout == "")
    }

    @Test func dependentsWithoutBlockOwnerDeletionDoNotKeepTheOwner() {
        let s = TestStore()
        #expect(s.run("create configmap owner").exitCode == 0)
        let uid = s.run("get configmap owner -o jsonpath={.metadata.uid}").stdout
        let dep = s.writeFile("dep.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: dep
              finalizers: [example.com/keep]
              ownerReferences:
              - {apiVersion: v1, kind: ConfigMap, name: owner, uid: \(uid)}

            """)
        #expect(s.run("create -f \(dep)").exitCode == 0)
        #expect(s.run("delete configmap owner --cascade=foreground").exitCode == 0)
        // The owner went; its dependent is being deleted (held by its own finalizer).
        #expect(s.run("get configmap owner dep -o name --ignore-not-found").stdout == "configmap/dep\n")
        #expect(s.run("get configmap dep -o jsonpath={.metadata.deletionTimestamp}").stdout == "2026-11-23T12:00:00Z")
    }

    @Test func dependentWithAnotherLiveOwnerOnlyLosesTheReference() {
        let s = TestStore()
        #expect(s.run("create configmap a").exitCode == 0)
        #expect(s.run("create configmap b").exitCode == 0)
        let ua = s.run("get configmap a -o jsonpath={.metadata.uid}").stdout
        let ub = s.run("get configmap b -o jsonpath={.metadata.uid}").stdout
        let dep = s.writeFile("dep.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: dep
              ownerReferences:
              - {apiVersion: v1, kind: ConfigMap, name: a, uid: \(ua), blockOwnerDeletion: true}
              - {apiVersion: v1, kind: ConfigMap, name: b, uid: \(ub)}

            """)
        #expect(s.run("create -f \(dep)").exitCode == 0)
        #expect(s.run("delete configmap a --cascade=foreground").exitCode == 0)
        #expect(s.run("get configmap a dep -o name --ignore-not-found").stdout == "configmap/dep\n")
        #expect(s.run("get configmap dep -o jsonpath={.metadata.ownerReferences[*].name}").stdout == "b")
    }

    @Test func orphanWhileFinalizersHoldTheOwnerReleasesDependentsAtOnce() {
        let s = TestStore()
        #expect(s.run("create deployment e --image=nginx").exitCode == 0)
        #expect(s.run(args: ["patch", "deploy", "e", "-p", #"{"metadata":{"finalizers":["example.com/x"]}}"#]).exitCode == 0)
        #expect(s.run("delete deploy e --cascade=orphan").exitCode == 0)
        #expect(s.run("get deploy e -o jsonpath={.metadata.finalizers}").stdout == #"["example.com/x"]"#)
        #expect(s.run("get rs -o jsonpath={.items[0].metadata.ownerReferences}").stdout == "")
        // Removing the finalizer deletes the Deployment only: its ReplicaSet and pod were orphaned.
        #expect(s.run(args: ["patch", "deploy", "e", "--type=merge", "-p", #"{"metadata":{"finalizers":null}}"#]).exitCode == 0)
        #expect(s.run("get deploy -o name").stdout == "")
        #expect(s.run("get rs,pods -o name").stdout.split(separator: "\n").count == 2)
    }

    @Test func backgroundDeleteDropsAForegroundFinalizer() {
        let s = TestStore()
        let pod = deploymentWithHeldPod(s)
        #expect(s.run("delete deployment d --cascade=foreground").exitCode == 0)
        // Deleting again in the background: the Deployment goes now, its ReplicaSet after it.
        #expect(s.run("delete deployment d").exitCode == 0)
        #expect(s.run("get deploy -o name").stdout == "")
        #expect(s.run("get rs -o name").stdout == "")
        #expect(s.run("get pods -o name").stdout == pod + "\n")
    }
}
