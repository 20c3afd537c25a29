import KubeTestSupport
import Testing

/// `--record`: deprecated in kubectl v1.32 (a notice on stderr on every command that has the flag);
/// `set` still writes the change-cause annotation. Texts from kubectl v1.32.
@Suite struct RecordFlagTests {
    static let notice = "Flag --record has been deprecated, --record will be removed in the future\n"

    /// Every command of kubectl v1.32 with --record, and kubectl's first error after the notice.
    static let commands: [(String, String)] = [
        ("create", "error: must specify one of -f and -k\n"),
        ("apply", "error: must specify one of -f and -k\n"),
        ("annotate", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"),
        ("label", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"),
        ("patch", "error: must specify --patch or --patch-file containing the contents of the patch\n"),
        ("edit", "error: You must provide one or more resources by argument or filename.\n"),
        ("scale", "error: required flag(s) \"replicas\" not set\n"),
        ("expose", "error: You must provide one or more resources by argument or filename.\n"),
        ("autoscale", "error: required flag(s) \"max\" not set\n"),
        ("run", "error: required flag(s) \"image\" not set\n"),
        ("set image", "error: You must provide one or more resources by argument or filename.\n"),
        ("set resources", "error: You must provide one or more resources by argument or filename.\n"),
        ("set selector", "error: one selector is required\n"),
        ("set serviceaccount", "error: serviceaccount is required\n"),
    ]

    @Test(arguments: commands)
    func noticeComesFirst(_ command: String, _ error: String) {
        let r = TestStore().run("\(command) --record")
        #expect(r.stderr.hasPrefix(Self.notice + error), "\(command): \(r.stderr)")
        #expect(r.exitCode == 1)
    }

    @Test func commandsWithoutRecordRejectIt() {
        for command in ["replace", "delete", "set env", "rollout undo", "taint", "create deployment"] {
            #expect(TestStore().run("\(command) --record").stderr.hasPrefix("error: unknown flag: --record\n"), "\(command)")
        }
    }

    @Test func setImageRecordsTheChangeCause() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let r = s.run("set image deploy/web nginx=nginx:1.26 --record=true -n default")
        #expect(r.stderr == Self.notice)
        #expect(r.stdout == "deployment.apps/web image updated\n")
        #expect(s.run(args: ["get", "deploy", "web", "-o", #"jsonpath={.metadata.annotations.kubernetes\.io/change-cause}"#]).stdout
            == "kubectl set image deploy/web nginx=nginx:1.26 --record=true --namespace=default")
    }

    /// create -f, run and expose record too, in client dry runs as well (kubectl v1.32, 2026-12-07: the
    /// annotation after --save-config's, so last-applied does not hold it). Texts checked against kubectl
    /// invoked as `kubectl`; run's golden is Golden/create/s31-run-record-*.
    @Test func createExposeAndRunRecordTheChangeCause() {
        let s = TestStore()
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p1, labels: {app: x}}\nspec: {containers: [{name: c, image: nginx}]}\n"
        let cause = #"jsonpath={.metadata.annotations.kubernetes\.io/change-cause}"#
        let created = s.run(args: ["create", "-f", "-", "--record", "--save-config"], stdin: pod)
        #expect(created == CLIResult(stdout: "pod/p1 created\n", stderr: Self.notice, exitCode: 0))
        #expect(s.run(args: ["get", "pod", "p1", "-o", cause]).stdout == "kubectl create --filename=- --record=true --save-config=true")
        let lastApplied = s.run(args: ["get", "pod", "p1", "-o", #"jsonpath={.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}"#])
        #expect(!lastApplied.stdout.isEmpty && !lastApplied.stdout.contains("change-cause"))
        let exposed = s.run(args: ["expose", "pod", "p1", "--port=80", "--record", "--dry-run=client", "-o", cause])
        #expect(exposed.stdout == "kubectl expose pod p1 --port=80 --record=true --dry-run=client --output=\(cause)")
        #expect(s.run(args: ["create", "-f", "-", "--record=false", "--dry-run=client", "-o", "yaml"], stdin: pod).stdout
            .contains("change-cause") == false)
    }

    /// apply writes it before the last-applied annotation is made, so that one holds it too (kubectl v1.32).
    @Test func applyRecordsTheChangeCauseInLastAppliedToo() {
        let s = TestStore()
        let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: \"1\"}\n"
        #expect(s.run(args: ["apply", "-f", "-", "--record"], stdin: cm) == CLIResult(stdout: "configmap/c created\n", stderr: Self.notice, exitCode: 0))
        let cause = s.run(args: ["get", "cm", "c", "-o", #"jsonpath={.metadata.annotations.kubernetes\.io/change-cause}"#]).stdout
        #expect(cause == "kubectl apply --filename=- --record=true")
        let lastApplied = s.run(args: ["get", "cm", "c", "-o", #"jsonpath={.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}"#])
        #expect(lastApplied.stdout.contains(#""kubernetes.io/change-cause":"kubectl apply --filename=- --record=true""#))
    }

    @Test func scaleOfMissingObjects() {
        let s = TestStore()
        #expect(s.run("scale deploy nope --replicas=2").stderr
            == "error: no objects passed to scale deployments.apps \"nope\" not found\n")
        #expect(s.run("scale deploy nope other --replicas=2").stderr
            == "error: no objects passed to scale [deployments.apps \"nope\" not found, deployments.apps \"other\" not found]\n")
    }
}
