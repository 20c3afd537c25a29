import KubeTestSupport
import Testing

/// Seeded, bounded fuzz loops over the parsers that take user input on the command line: flags,
/// label and field selectors, patches (strategic, merge, JSON), and the -o templates. Every command
/// either works or fails with a message and exit code 1 (never a crash: that would end the test
/// process; never a hang: the loops are bounded), and the store is unchanged by failures.
@Suite struct InputFuzzTests {
    static let store: TestStore = {
        let s = TestStore()
        s.run("create deployment web --image=nginx --replicas=2")
        s.run("create configmap cfg --from-literal=a=1")
        return s
    }()

    static func checkOutcome(_ r: CLIResult, _ what: String) {
        #expect(r.exitCode == 0 || r.exitCode == 1 || r.exitCode == 2, "\(what): exit \(r.exitCode)")
        if r.exitCode != 0 { #expect(!r.stderr.isEmpty, "\(what): silent failure") }
    }

    @Test func flagsNeverCrash() {
        let s = Self.store
        var rng = FuzzRandom(seed: 0xF1A6_0001)
        let words = ["get", "pods", "deploy", "web", "-o", "-oyaml", "-ojson", "--output=wide", "-n", "default", "-A",
                     "-l", "app=web", "--field-selector", "metadata.name=web", "--sort-by=.metadata.name", "-w=false",
                     "--show-labels", "--no-headers", "-L", "app", "--chunk-size=-1", "--timeout=1x", "--v=9", "--=",
                     "-", "--", "---", "-nnn", "--selector", "'", "\"", "=", "--output", "--template={{", "--raw",
                     "label", "annotate", "describe", "explain", "pods.spec", "api-resources", "config", "view",
                     "--dry-run=client", "scale", "--replicas=x", "create", "configmap", "x", "--from-literal=",
                     "delete", "--all", "rollout", "status", "set", "image", "*=nginx:2", "é", "\u{0}", "%s"]
        for _ in 0..<400 {
            var argv: [String] = []
            for _ in 0..<(1 + rng.below(7)) { argv.append(rng.pick(words)) }
            if argv.contains("delete") || argv.contains("--all") { continue }   // keep the fixture objects
            let r = s.run(args: argv)
            #expect(r.exitCode >= 0 && r.exitCode <= 2, "\(argv): exit \(r.exitCode)")
        }
        #expect(s.run("get deploy web -o name").stdout == "deployment.apps/web\n")
    }

    @Test func selectorsNeverCrash() {
        let s = Self.store
        var rng = FuzzRandom(seed: 0xF1A6_0002)
        let pieces = ["app", "=", "==", "!=", ",", " ", "in", "notin", "(", ")", "!", "web", "x", "-", ".", "/", "a/b",
                      "example.com/", "metadata.name", "status.phase", "spec.nodeName", "Running", "é", "\\", "''", "*"]
        for _ in 0..<300 {
            let label = rng.glue(pieces, maxPieces: 8), field = rng.glue(pieces, maxPieces: 6)
            Self.checkOutcome(s.run(args: ["get", "pods", "-l", label]), "-l \(label)")
            Self.checkOutcome(s.run(args: ["get", "pods", "--field-selector", field]), "--field-selector \(field)")
        }
    }

    @Test func patchesNeverCrash() {
        let s = Self.store
        var rng = FuzzRandom(seed: 0xF1A6_0003)
        let obj = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\ndata:\n  a: \"1\"\n")
        let pieces = ["{", "}", "[", "]", ":", ",", "\"data\"", "\"a\"", "\"metadata\"", "\"labels\"", "null", "1", "\"x\"",
                      "\"$patch\"", "\"delete\"", "\"replace\"", "\"$setElementOrder/data\"", "\"$retainKeys\"",
                      "\"op\"", "\"add\"", "\"remove\"", "\"path\"", "\"/data/a\"", "\"/data/-\"", "\"value\"", "\"from\"",
                      "\"move\"", "\"test\"", "\"~1\"", "\"~2\"", " ", "'", "a: b", "- x"]
        for _ in 0..<300 {
            let patch = rng.glue(pieces, maxPieces: 10)
            for type in ["strategic", "merge", "json"] {
                Self.checkOutcome(s.run(args: ["patch", "--local", "-f", obj, "--type", type, "-p", patch, "-o", "json"]),
                                  "--type \(type) -p \(patch)")
            }
            Self.checkOutcome(s.run(args: ["patch", "cm", "cfg", "--type", rng.pick(["strategic", "merge", "json"]), "-p", patch,
                                           "--dry-run=server"]), "patch cm cfg -p \(patch)")
        }
        #expect(s.run("get cm cfg -o jsonpath={.data}").stdout == #"{"a":"1"}"#)
    }

    @Test func outputTemplatesNeverCrash() {
        let s = Self.store
        var rng = FuzzRandom(seed: 0xF1A6_0004)
        let pieces = ["{", "}", "{{", "}}", ".", ".metadata", ".name", "[*]", "[0]", "range", "end", "if", "else", "with",
                      "$x", ":=", "|", "printf", "\"%s\"", "index", "len", "(", ")", " ", "@", "?(@.a==1)", "..", "'", "\\"]
        for _ in 0..<300 {
            let t = rng.glue(pieces, maxPieces: 9)
            Self.checkOutcome(s.run(args: ["get", "deploy", "web", "-o", "jsonpath=" + t]), "jsonpath=\(t)")
            Self.checkOutcome(s.run(args: ["get", "deploy", "web", "-o", "go-template=" + t]), "go-template=\(t)")
            Self.checkOutcome(s.run(args: ["get", "deploy", "-o", "custom-columns=N:" + t]), "custom-columns=N:\(t)")
        }
    }
}
