#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// The flags that mean nothing offline (README: Flags) behave as kubectl's otherwise: a value kubectl
/// refuses is refused with kubectl's text (recorded from kubectl v1.32 under Golden/offlineflags, with
/// its record.sh), and a value it accepts changes nothing: same output, same exit code, same store.
enum OfflineFlagGolden {
    static let dir = besideTest("Golden/offlineflags")
    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct OfflineFlagTests {
    @Test func corpusIsThere() { #expect(OfflineFlagGolden.cases.count > 50) }

    @Test(arguments: OfflineFlagGolden.cases)
    func refusalsMatchKubectl(_ name: String) {
        let base = OfflineFlagGolden.dir + "/" + name, files = OfflineFlagGolden.dir + "/_files"
        let s = TestStore()
        let got = runBinaryScript(readTextFile(base + "/cmd")!, cwd: files, store: s)
        let want = CLIResult(stdout: (readTextFile(base + "/stdout") ?? "").replacingAll("$FILES", with: files),
                             stderr: (readTextFile(base + "/stderr") ?? "").replacingAll("$FILES", with: files),
                             exitCode: Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n")) ?? -1)
        #expect(got == want, "\(name)")
    }

    /// A command, and the flags (with values kubectl accepts) that must not change what it does. With
    /// `again` the command runs twice on one store (the steps of `again` in between bring the store back);
    /// without, once on each of two stores made alike (for commands that print no generated names).
    struct Unchanged: CustomStringConvertible, Sendable {
        var setup: [String] = []
        var command: String
        var flags: [String]
        var again: [String]? = []
        var description: String { command + " " + flags.joined(separator: " ") }
    }

    static let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n"
    static let unchanged: [Unchanged] = [
        Unchanged(setup: ["create deployment web --image=nginx --replicas=2"], command: "get pods -A",
                  flags: ["--chunk-size=1", "--server-print=true"]),
        Unchanged(command: "get cm -A -o name", flags: ["--chunk-size=0"]),
        Unchanged(command: "describe nodes", flags: ["--chunk-size=1"]),
        Unchanged(command: "api-resources", flags: ["--cached"]),
        Unchanged(setup: ["apply -f FILE"], command: "diff -f FILE", flags: ["--concurrency=4"]),
        Unchanged(command: "apply -f FILE", flags: ["--grace-period=5", "--timeout=1m", "--wait", "--openapi-patch=false"], again: nil),
        Unchanged(setup: ["create -f FILE"], command: "replace --force -f FILE", flags: ["--grace-period=3", "--timeout=10s", "--wait"],
                  again: nil),
        Unchanged(setup: ["create -f FILE"], command: "delete cm c", flags: ["--timeout=1s", "--wait=false"], again: nil),
        Unchanged(setup: ["create deployment web --image=nginx"], command: "scale deploy web --replicas=3", flags: ["--timeout=1m"],
                  again: ["scale deploy web --replicas=1"]),
        Unchanged(command: "run x --image=nginx", flags: ["--pod-running-timeout=2m", "--timeout=5s", "--wait"], again: nil),
        Unchanged(setup: ["run x --image=nginx"], command: "top pod", flags: ["--use-protocol-buffers"]),
        Unchanged(command: "top node", flags: ["--use-protocol-buffers"]),
        Unchanged(command: "config view", flags: ["--merge=true"]),
        Unchanged(setup: ["create deployment web --image=nginx"], command: "events -A", flags: ["--chunk-size=2"]),
        Unchanged(setup: ["run x --image=nginx"], command: "drain node-1 --force --pod-selector=run=x", flags: ["--chunk-size=1"],
                  again: ["uncordon node-1", "run x --image=nginx"]),
        Unchanged(command: "version --client",
                  flags: ["--cache-dir=/nonexistent", "--client-key=/nonexistent", "--disable-compression",
                          "--insecure-skip-tls-verify", "--log-flush-frequency=1m", "--match-server-version",
                          "--password=p", "--username=u", "--profile=heap", "--profile-output=/nonexistent/p",
                          "--server=https://example.invalid:6443", "--tls-server-name=x", "--token=t", "-v=9",
                          "--vmodule=a*=2"]),
        Unchanged(setup: ["create -f FILE"], command: "get cm c -o yaml",
                  flags: ["--server=https://example.invalid", "--token=t", "-v=6",
                          "--profile=none", "--match-server-version"]),
    ]

    @Test(arguments: unchanged)
    func acceptedValuesChangeNothing(_ c: Unchanged) {
        func runIn(_ s: TestStore, _ command: String) -> CLIResult {
            let file = s.writeFile("cm.yaml", Self.cm)
            return s.run(command.replacingAll("FILE", with: file))
        }
        let plain = TestStore(), flagged = c.again == nil ? TestStore() : plain
        for step in c.setup {
            #expect(runIn(plain, step).exitCode == 0, "\(step)")
            if flagged !== plain { #expect(runIn(flagged, step).exitCode == 0, "\(step)") }
        }
        let state = "get all,cm -A -o jsonpath={range .items[*]}{.kind}/{.metadata.name}:{.metadata.resourceVersion} {end}"
        let want = runIn(plain, c.command)
        let wantState = plain.run(state).stdout
        for step in c.again ?? [] { #expect(runIn(plain, step).exitCode == 0, "\(step)") }
        let got = runIn(flagged, c.command + " " + c.flags.joined(separator: " "))
        #expect(got == want)
        if c.again == nil { #expect(flagged.run(state).stdout == wantState) }
    }
}
