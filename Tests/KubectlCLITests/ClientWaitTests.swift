#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// Client-side waits check the store until the condition holds or the (real-time) timeout passes,
/// sleeping in between: another shell's change ends the wait; a frozen KUBECTL_LOCAL_NOW does not make
/// it endless.
@Suite struct ClientWaitTests {
    @Test func waitSeesAnotherShellsChange() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=1").exitCode == 0)
        #expect(s.run("create configmap gone-soon").exitCode == 0)
        let r = runBinaryScript("""
            ( sleep 1; kubectl delete cm gone-soon >/dev/null; kubectl scale deploy web --replicas=3 >/dev/null ) &
            kubectl wait cm/gone-soon --for=delete --timeout=20s
            kubectl wait deploy/web --for=jsonpath='{.spec.replicas}'=3 --timeout=20s
            wait
            """, cwd: s.directory, store: s)
        #expect(r == CLIResult(stdout: "configmap/gone-soon condition met\ndeployment.apps/web condition met\n",
                               stderr: "", exitCode: 0))
    }

    @Test func unmetConditionTimesOutInRealTimeWithAFrozenClock() {
        let s = TestStore()
        #expect(s.environment["KUBECTL_LOCAL_NOW"] != nil)
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let r = runBinaryScript("kubectl wait deploy/web --for=condition=Nope --timeout=1s; kubectl rollout status deploy/web --timeout=1s",
                                cwd: s.directory, store: s)
        #expect(r.stderr == "error: timed out waiting for the condition on deployments/web\n")
        #expect(r.stdout == "deployment \"web\" successfully rolled out\n")
    }
}
