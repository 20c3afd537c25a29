import KubeModel
import KubeTestSupport
import Testing

/// `get -w` with several objects or types, as kubectl v1.32's watch builder handles them (oracle against
/// the repo's fake API server, 2026-12-06): the arguments name one type; named objects are read first;
/// several objects of one kind are printed and then refused, by names or files ("sources") or within one file.
@Suite struct WatchSourcesTests {
    static func store() -> TestStore {
        let s = TestStore()
        s.run("create configmap ok --from-literal=k=fine")
        s.run("create configmap la1 --from-literal=k=v")
        return s
    }

    static let one = "you may only watch a single resource or type of resource at a time"

    @Test func severalNamesArePrintedThenRefused() {
        let s = Self.store()
        #expect(s.run("get cm ok la1 -w -o name --request-timeout=1s")
            == CLIResult(stdout: "configmap/ok\nconfigmap/la1\n", stderr: "error: \(Self.one)\n", exitCode: 1))
        #expect(s.run("get cm ok ok -w -o name --request-timeout=1s")
            == CLIResult(stdout: "configmap/ok\nconfigmap/ok\n", stderr: "error: \(Self.one)\n", exitCode: 1))
        #expect(s.run("get cm ok la1 --watch-only --request-timeout=1s") == CLIResult(stdout: "", stderr: "error: \(Self.one)\n", exitCode: 1))
        #expect(s.run("get cm ok la1 -w --request-timeout=1s").stdout.hasPrefix("NAME   DATA   AGE\nok     1      0s\nla1    1      0s\n"))
    }

    @Test func typesAndMissingObjectsAreRefusedFirst() {
        let s = Self.store()
        let single = CLIResult(stdout: "", stderr: "error: you may only specify a single resource type\n", exitCode: 1)
        #expect(s.run("get cm/ok secret/x -w --request-timeout=1s") == single)
        #expect(s.run("get cm,secret -w --request-timeout=1s") == single)
        #expect(s.run("get cm ok nonexist -w --request-timeout=1s")
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): configmaps \"nonexist\" not found\n", exitCode: 1))
        #expect(s.run("get cm ok -n nope -w --request-timeout=1s")
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): namespaces \"nope\" not found\n", exitCode: 1))
    }

    @Test func filesAreWatchedAsKubectlWatchesThem() {
        let s = Self.store()
        let two = s.writeFile("two.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: la1\n")
        let mixed = s.writeFile("mixed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n")
        let la1 = s.writeFile("la1.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: la1\n")
        #expect(s.run("get -f \(la1) -w -o name --request-timeout=1s") == CLIResult(stdout: "configmap/la1\n", stderr: "", exitCode: 0))
        #expect(s.run("get -f \(two) -w -o name --request-timeout=1s") == CLIResult(
            stdout: "configmap/ok\nconfigmap/la1\n",
            stderr: "error: watch is only supported on individual resources and resource collections - 2 resources were found\n", exitCode: 1))
        #expect(s.run("get -f \(two) -f \(la1) -w -o name --request-timeout=1s")
            == CLIResult(stdout: "configmap/ok\nconfigmap/la1\nconfigmap/la1\n", stderr: "error: \(Self.one)\n", exitCode: 1))
        #expect(s.run("get -f \(mixed) -w --request-timeout=1s")
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): secrets \"x\" not found\n", exitCode: 1))
        s.run("create secret generic x")
        #expect(s.run("get -f \(mixed) -w --request-timeout=1s") == CLIResult(
            stdout: "", stderr: "error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n", exitCode: 1))
    }

    /// A template's TABs line up as columns: kubectl prints watch output through its tab writer
    /// (oracle: `get cm -w -o jsonpath={.metadata.name}{"\t"}...` aligned; the go-template debugging
    /// dump's TAB indents come out as spaces).
    @Test func templateOutputGoesThroughTheTabWriter() {
        let s = Self.store()
        let r = s.run(args: ["get", "cm", "-w", "-o", "jsonpath={.metadata.name}{\"\\t\"}{.data.k}{\"\\n\"}", "--request-timeout=1s"])
        #expect(r.stdout == "kube-root-ca.crt   \nla1                v\nok                 fine\n", "\(r)")
        let dump = s.run("get cm ok -w -o go-template={{.missing.x}} --allow-missing-template-keys=false --request-timeout=1s")
        #expect(dump.stdout.contains("\n      template was:\n            {{.missing.x}}\n"))
        #expect(dump.stderr.hasPrefix("error: unable to output the provided object: error executing template"))
    }

    /// diff writes both files of every object (kubectl's LIVE and MERGED directories, named as Go's
    /// MkdirTemp names them): an object not there yet has an empty live file.
    @Test func diffWritesBothSidesOfNewObjects() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: test\n")
        s.environment["KUBECTL_EXTERNAL_DIFF"] = "find"
        let r = s.run("diff -f \(f)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(r.exitCode == 0 && lines.count == 4, "\(r)")
        #expect(lines.contains { $0.hasSuffix("/v1.ConfigMap.default.test") && $0.contains("/LIVE-") })
        #expect(lines.contains { $0.hasSuffix("/v1.ConfigMap.default.test") && $0.contains("/MERGED-") })
        #expect(lines.allSatisfy { l in
            guard let dash = l.firstIndex(of: "-") else { return false }
            return l[l.index(after: dash)...].prefix { $0 != "/" }.allSatisfy(\.isNumber)
        })
    }
}
