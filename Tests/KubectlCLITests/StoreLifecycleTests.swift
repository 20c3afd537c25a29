import KubeTestSupport
import Testing

/// A fresh store looks like a fresh cluster, and writes persist across invocations.
@Suite struct StoreLifecycleTests {
    @Test func freshStoreHasSystemNamespacesAndANode() {
        let s = TestStore()
        let ns = s.run("get namespaces")
        #expect(ns == CLIResult(stdout: """
            NAME              STATUS   AGE
            default           Active   0s
            kube-node-lease   Active   0s
            kube-public       Active   0s
            kube-system       Active   0s

            """, stderr: "", exitCode: 0))
        s.setNow("2026-11-23T12:05:12Z")
        let nodes = s.run("get nodes")
        #expect(nodes.stdout == """
            NAME     STATUS   ROLES           AGE     VERSION
            node-1   Ready    control-plane   5m12s   v1.32.5

            """)
        let systemAccounts = s.run("get sa -n kube-system -o name").stdout
        for sa in ["coredns", "default", "kube-proxy", "replicaset-controller"] {
            #expect(systemAccounts.contains("serviceaccount/\(sa)\n"))
        }
        #expect(s.run("get svc").stdout == """
            NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m12s

            """)
    }

    @Test func emptyListsSayNoResourcesFoundOnStderr() {
        let s = TestStore()
        #expect(s.run("get pods") == CLIResult(stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0))
        #expect(s.run("get pods -n kube-public") == CLIResult(stdout: "", stderr: "No resources found in kube-public namespace.\n", exitCode: 0))
        #expect(s.run("get jobs -A") == CLIResult(stdout: "", stderr: "No resources found\n", exitCode: 0))
        #expect(s.run("get pv") == CLIResult(stdout: "", stderr: "No resources found\n", exitCode: 0))
    }

    @Test func storeLocationFromFlagAndEnvironment() {
        let s = TestStore()
        let other = s.directory + "/other.db"
        #expect(s.run("--store \(other) create namespace only-there").stdout == "namespace/only-there created\n")
        #expect(s.run("--store \(other) get ns only-there -o name").stdout == "namespace/only-there\n")
        #expect(s.run("get ns only-there").stderr == "Error from server (NotFound): namespaces \"only-there\" not found\n")
    }

    @Test func invalidClockIsReported() {
        let s = TestStore()
        s.setNow("yesterday")
        let r = s.run("get pods")
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("error: invalid KUBECTL_LOCAL_NOW \"yesterday\""))
    }
}
