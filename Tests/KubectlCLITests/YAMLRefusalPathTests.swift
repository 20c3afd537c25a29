import KubeModel
import KubeTestSupport
import Testing

/// Every YAML output kubectl v1.32 writes refuses what go-yaml's reader refuses (DEL, C1 controls other
/// than NEL, U+FFFE/FFFF) with `yaml: control characters are not allowed`; each command reacts as kubectl
/// does (oracle runs against the repo's fake API server, FAKEAPI_COMPACT, 2026-12-06). JSON output keeps
/// the character; a C0 control (`\x01`) is escaped by JSON and printed.
@Suite struct YAMLRefusalPathTests {
    static let refused = "error: yaml: control characters are not allowed\n"

    /// A store with configmaps `bad` (a DEL in its data), `ok`, `la` (applied with a DEL) and `la1` (applied with \x01).
    static func store() -> TestStore {
        let s = TestStore()
        s.run(args: ["create", "configmap", "bad", "--from-literal=k=x\u{7f}y"])
        s.run("create configmap ok --from-literal=k=fine")
        s.run("apply -f \(s.writeFile("la.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: la\ndata:\n  k: \"x\\x7fy\"\n"))")
        s.run("apply -f \(s.writeFile("la1.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: la1\ndata:\n  k: \"x\\x01y\"\n"))")
        return s
    }

    @Test func viewLastAppliedStopsAtTheRefusedObject() {
        let s = Self.store()
        #expect(s.run("apply view-last-applied cm/la -o yaml") == CLIResult(stdout: "", stderr: Self.refused, exitCode: 1))
        #expect(s.run("apply view-last-applied cm/la cm/la1") == CLIResult(stdout: "", stderr: Self.refused, exitCode: 1))
        let c1 = s.run("apply view-last-applied cm/la1")
        #expect(c1.exitCode == 0 && c1.stdout.contains("  k: \"x\\x01y\"\n"))
        let json = s.run("apply view-last-applied cm/la -o json")
        #expect(json.exitCode == 0 && json.stdout.contains("\"k\": \"x\u{7f}y\""))
    }

    @Test func watchNamesTheFirstObjectsRefusal() {
        let s = Self.store()
        #expect(s.run("get cm bad -w -o yaml --request-timeout=1s")
            == CLIResult(stdout: "", stderr: "error: unable to output the provided object: yaml: control characters are not allowed\n", exitCode: 1))
        let events = s.run("get cm -w --output-watch-events -o yaml --request-timeout=1s")
        #expect(events.stderr == "error: unable to output the provided object: yaml: control characters are not allowed\n" && events.exitCode == 1)
        let ok = s.run("get cm ok -w -o yaml --request-timeout=1s")
        #expect(ok.exitCode == 0 && ok.stdout.contains("  k: fine\n"))
    }

    @Test func eventsIgnoresItsPrintersRefusal() {
        let s = TestStore()
        s.run("create -f \(s.writeFile("ev.yaml", "apiVersion: v1\nkind: Event\nmetadata:\n  name: e2\ninvolvedObject:\n  kind: Pod\n  name: p\n  namespace: default\nreason: R\nmessage: \"bad\\x7fmsg\"\ntype: Normal\nsource:\n  component: kubelet\nfirstTimestamp: \"2026-11-23T12:00:00Z\"\nlastTimestamp: \"2026-11-23T12:00:00Z\"\ncount: 1\n"))")
        #expect(s.run("events -o yaml") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("events -o json").stdout.contains("\"message\": \"bad\u{7f}msg\""))
        #expect(s.run("get events -o yaml") == CLIResult(stdout: "", stderr: Self.refused, exitCode: 1))
    }

    @Test func diffAndEditRefuseBeforeComparingOrEditing() {
        let s = Self.store()
        #expect(s.run("diff -f \(s.directory)/la.yaml") == CLIResult(stdout: "", stderr: Self.refused, exitCode: 2))
        s.environment["EDITOR"] = "true"
        #expect(s.run("edit cm/bad") == CLIResult(stdout: "", stderr: Self.refused, exitCode: 1))
        #expect(s.run("edit cm bad ok") == CLIResult(stdout: "", stderr: Self.refused, exitCode: 1))
        #expect(s.run("edit cm/bad -o json").exitCode == 0)
    }

    @Test func clusterInfoDumpStopsAtTheRefusedList() {
        let s = TestStore()
        s.run(args: ["annotate", "svc", "kubernetes", "note=x\u{7f}"])
        let dir = s.directory + "/dump"
        let r = s.run("cluster-info dump -o yaml --namespaces default --output-directory=\(dir)")
        #expect(r == CLIResult(stdout: "", stderr: Self.refused, exitCode: 1))
        // The lists before the services are written (each after `---`: one printer for the dump), the services' file
        // holds only the separator, the rest never comes.
        #expect(readTextFile(dir + "/nodes.yaml")?.hasPrefix("apiVersion: v1\nitems:\n") == true)
        #expect(readTextFile(dir + "/default/replication-controllers.yaml") != nil)
        #expect(readTextFile(dir + "/default/services.yaml") == "---\n")
        #expect(readTextFile(dir + "/default/events.yaml")?.hasPrefix("---\napiVersion: v1\n") == true)
        #expect(readTextFile(dir + "/default/pods.yaml") == nil)
        let json = s.run("cluster-info dump --namespaces default")
        #expect(json.exitCode == 0 && json.stdout.contains("\"note\": \"x\u{7f}\""))
        // Printed together, the eight lists (nodes, then seven of the namespace) are seven `---` apart.
        let fresh = TestStore()
        #expect(fresh.run("cluster-info dump -o yaml --namespaces default").stdout.ranges(of: "\n---\napiVersion: ").count == 7)
    }

    @Test func configViewRefusesAKubeconfigItCannotPrint() {
        let s = TestStore()
        let kc = s.writeFile("kc", "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: \"https://x\\x7f\"\ncontexts:\n- name: ctx\n  context:\n    cluster: c\n    user: u\ncurrent-context: ctx\nusers:\n- name: u\n  user:\n    token: \"abc\\x01\"\n")
        for args in ["config view", "config view --raw", "config view --minify", "config view -o yaml --flatten"] {
            #expect(s.run("--kubeconfig=\(kc) \(args)") == CLIResult(stdout: "", stderr: Self.refused, exitCode: 1), "\(args)")
        }
        let json = s.run("--kubeconfig=\(kc) config view -o json")
        #expect(json.exitCode == 0 && json.stdout.contains("\"server\": \"https://x\u{7f}\""))
    }
}
