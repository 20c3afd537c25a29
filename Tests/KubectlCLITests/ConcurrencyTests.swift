#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// The built `kubectl-local` next to the test bundle (the test target depends on the executable).
func builtBinary() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    let exe = n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    return String(exe[..<(exe.lastIndex(of: "/") ?? exe.startIndex)]) + "/kubectl-local"
}

/// Runs a shell script with the store in the environment; returns its exit status.
func runShell(_ script: String, store: TestStore) -> Int32 {
    var env = store.environment.map { "\($0.key)=\($0.value)" }
    env.append("PATH=/usr/bin:/bin")
    env.append("KL=\(builtBinary())")
    var attributes = ChildSignals.attributes()
    defer { posix_spawnattr_destroy(&attributes) }
    var pid: pid_t = 0
    let args = ["/bin/bash", "-c", script]
    let cargs = args.map { strdup($0) } + [nil]
    let cenv = env.map { strdup($0) } + [nil]
    defer { (cargs + cenv).forEach { free($0) } }
    guard posix_spawn(&pid, "/bin/bash", nil, &attributes, cargs, cenv) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status >> 8) & 0xFF
}

@Suite struct ConcurrencyTests {
    /// Two shells label the same object 40 times each, at the same time, with separate processes:
    /// every label lands, no command fails, and no "database is locked" appears.
    @Test func twoProcessesNeverLoseAnUpdate() {
        let s = TestStore()
        #expect(s.run("create configmap shared").exitCode == 0)
        let script = """
            errs=$(mktemp)
            ( for i in $(seq 1 40); do "$KL" label cm shared a$i=x >/dev/null 2>>"$errs" || echo "fail a$i" >>"$errs"; done ) &
            ( for i in $(seq 1 40); do "$KL" label cm shared b$i=y >/dev/null 2>>"$errs" || echo "fail b$i" >>"$errs"; done ) &
            ( for i in $(seq 1 40); do "$KL" create configmap c$i >/dev/null 2>>"$errs" || echo "fail c$i" >>"$errs"; done ) &
            wait
            if [ -s "$errs" ]; then cat "$errs" >&2; exit 1; fi
            """
        #expect(runShell(script, store: s) == 0)
        let yaml = s.run("get cm shared -o yaml").stdout
        let labels = yaml.split(separator: "\n").filter { $0.hasPrefix("    a") || $0.hasPrefix("    b") }
        #expect(labels.count == 80)
        #expect(s.run("get cm -o name").stdout.split(separator: "\n").count == 42)
    }

    /// A process killed in the middle of its work leaves a store that opens and answers.
    @Test func killedWriterLeavesAUsableStore() {
        let s = TestStore()
        let big = (0..<3000).map { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\($0)\n" }.joined(separator: "---\n")
        let f = s.writeFile("big.yaml", big)
        let script = """
            "$KL" create -f \(f) >/dev/null 2>&1 &
            pid=$!
            sleep 0.3
            kill -9 $pid
            wait $pid 2>/dev/null
            exit 0
            """
        #expect(runShell(script, store: s) == 0)
        let r = s.run("get ns default -o name")
        #expect(r == CLIResult(stdout: "namespace/default\n", stderr: "", exitCode: 0))
        let created = s.run("get cm -o name").stdout.split(separator: "\n").count
        #expect(created >= 1)
        #expect(s.run("create configmap after-kill").exitCode == 0)
    }
}

@Suite struct WatchAcrossProcessesTests {
    /// `get -w` in one process sees what another process creates, labels and deletes. (The watch polls
    /// the store every 100 ms; changes a human makes in another shell are seen one by one.)
    @Test func watchSeesAnotherShell() {
        let s = TestStore()
        let out = s.directory + "/watch.out"
        let script = """
            "$KL" get configmaps -w --request-timeout=4s >"\(out)" 2>&1 &
            w=$!
            sleep 1
            "$KL" create configmap seen-1 >/dev/null; sleep 0.4
            "$KL" label configmap seen-1 x=y >/dev/null; sleep 0.4
            "$KL" delete configmap seen-1 >/dev/null
            wait $w
            """
        #expect(runShell(script, store: s) == 0)
        let text = readTextFile(out) ?? ""
        let lines = text.split(separator: "\n").map { String($0) }
        #expect(lines.first?.hasPrefix("NAME") == true, "\(text)")
        #expect(lines.contains { $0.hasPrefix("kube-root-ca.crt") }, "\(text)")
        #expect(lines.filter { $0.hasPrefix("seen-1") }.count == 3, "\(text)")
    }
}
