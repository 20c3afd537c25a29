#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// kubectl's own retries: `scale` (a merge patch, or a checked update retried on Conflict) and `apply`'s
/// patch (maxPatchRetry), from two processes of the built binary at once.
@Suite struct RetryTests {
    /// Two shells scale one Deployment 60 times each: every command succeeds, as kubectl's do.
    @Test func concurrentScalesAllSucceed() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=1").exitCode == 0)
        let script = """
            errs=$(mktemp)
            ( for i in $(seq 1 60); do "$KL" scale deploy web --replicas=$((i % 3 + 1)) >/dev/null 2>>"$errs" || echo "fail a$i" >>"$errs"; done ) &
            ( for i in $(seq 1 60); do "$KL" scale deploy web --replicas=$((i % 2 + 2)) >/dev/null 2>>"$errs" || echo "fail b$i" >>"$errs"; done ) &
            wait
            if [ -s "$errs" ]; then cat "$errs" >&2; exit 1; fi
            """
        #expect(runShell(script, store: s) == 0)
        // Checked scales: --current-replicas is verified against the object as stored.
        let r = s.run("scale deploy web --replicas=7 --current-replicas=99")
        #expect(r.stderr.hasPrefix("error: Expected replicas to be 99, was "))
        let rv = s.run("get deploy web -o jsonpath={.metadata.resourceVersion}").stdout
        #expect(s.run("scale deploy web --replicas=4 --resource-version=1") == CLIResult(
            stdout: "", stderr: "error: Expected resource version to be 1, was \(rv)\n", exitCode: 1))
        #expect(s.run("scale deploy web --replicas=4 --resource-version=\(rv)").stdout == "deployment.apps/web scaled\n")
    }

    /// Two shells apply changing configurations of one ConfigMap 30 times each: all succeed. (As on a
    /// real server, a patch computed from a view another shell changed since may keep that shell's key.)
    @Test func concurrentAppliesAllSucceed() {
        let s = TestStore()
        for side in ["a", "b"] {
            for i in 1...30 {
                s.writeFile("\(side)\(i).yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  labels:\n    \(side): v\(i)\ndata:\n  \(side): v\(i)\n")
            }
        }
        let script = """
            cd "$(dirname "$KUBECTL_LOCAL_STORE")"
            errs=$(mktemp)
            ( for i in $(seq 1 30); do "$KL" apply -f a$i.yaml >/dev/null 2>>"$errs" || echo "fail a$i" >>"$errs"; done ) &
            ( for i in $(seq 1 30); do "$KL" apply -f b$i.yaml >/dev/null 2>>"$errs" || echo "fail b$i" >>"$errs"; done ) &
            wait
            if [ -s "$errs" ]; then cat "$errs" >&2; exit 1; fi
            """
        #expect(runShell(script, store: s) == 0)
        let data = s.run("get cm shared -o jsonpath={.data}").stdout
        #expect(data.contains(#""a":"v30""#) || data.contains(#""b":"v30""#), "\(data)")
    }

    /// A manifest carrying a stale resourceVersion makes the patch conflict: kubectl retries 5 times
    /// (1 s apart after the first retry) and then reports the Conflict with the patch it sent.
    @Test func staleResourceVersionExhaustsApplyRetries() {
        let s = TestStore()
        #expect(s.run("create configmap pinned --from-literal=a=1 --save-config").exitCode == 0)
        let f = s.writeFile("stale.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pinned\n  resourceVersion: \"1\"\ndata:\n  a: \"2\"\n")
        let r = s.run("apply -f \(f)")
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("Error from server (Conflict): error when applying patch:\n"))
        #expect(r.stderr.hasSuffix("for: \"\(f)\": error when patching \"\(f)\": Operation cannot be fulfilled on configmaps \"pinned\": the object has been modified; please apply your changes to the latest version and try again\n"))
        #expect(s.run("get cm pinned -o jsonpath={.data.a}").stdout == "1")
    }
}
