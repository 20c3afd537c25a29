import KubeModel
import KubeTestSupport
import Testing

/// The shared flags across verbs, as kubectl v1.32 treats them (oracle: kubectl against the repo's fake
/// API server serving this store's objects, lists of a missing namespace empty as an API server answers
/// them, creates there refused with the NamespaceLifecycle NotFound; 2026-12-06).
@Suite struct SharedFlagVerbTests {
    static func store() -> TestStore {
        let s = TestStore()
        s.run("create deployment web --image=nginx --replicas=1")
        s.run("run p1 --image=nginx")
        s.run("create serviceaccount robot")
        return s
    }

    static func notFound(_ what: String) -> String { "Error from server (NotFound): \(what) not found\n" }

    /// A named object read in a namespace that does not exist is reported by the namespace's NotFound.
    @Test func missingNamespaceIsWhatIsReported() {
        let s = Self.store()
        let ns = Self.notFound("namespaces \"nope\"")
        for cmd in ["get deploy web -n nope", "describe deploy web -n nope", "describe deploy w -n nope", "describe deploy/web -n nope",
                    "label deploy web a=b -n nope", "annotate deploy web a=b -n nope", "patch deploy web -p {} -n nope",
                    "rollout status deploy/web -n nope", "rollout undo deploy/web -n nope", "set image deploy/web web=x -n nope",
                    "exec p1 -n nope -- ls", "attach p1 -n nope"] {
            #expect(s.run(cmd) == CLIResult(stdout: "", stderr: ns, exitCode: 1), "\(cmd)")
        }
        #expect(s.run("logs p1 -n nope").stderr == "error: error from server (NotFound): namespaces \"nope\" not found in namespace \"nope\"\n")
        #expect(s.run("scale deploy web --replicas=3 -n nope").stderr == "error: no objects passed to scale namespaces \"nope\" not found\n")
        #expect(s.run("create token robot -n nope").stderr == "error: failed to create token: namespaces \"nope\" not found\n")
        #expect(s.run("create configmap zz --from-literal=a=b -n nope").stderr == "error: failed to create configmap: namespaces \"nope\" not found\n")
        // Lists of a missing namespace are empty; `default` is never asked about; delete does not read first.
        #expect(s.run("describe deploy -n nope").stderr == "No resources found in nope namespace.\n")
        #expect(s.run("events -n nope").stderr == "No events found in nope namespace.\n")
        #expect(s.run("describe deploy nonexist") == CLIResult(stdout: "", stderr: Self.notFound("deployments.apps \"nonexist\""), exitCode: 1))
        #expect(s.run("logs nonexist").stderr == "error: error from server (NotFound): pods \"nonexist\" not found in namespace \"default\"\n")
        #expect(s.run("delete deploy web -n nope").stderr == Self.notFound("deployments.apps \"web\""))
    }

    /// `-n ''` (and `--namespace=`) is the namespace not given: the context's, `default` here.
    @Test func emptyNamespaceFlagIsNotGiven() {
        let s = Self.store()
        for verb in ["get deploy web -o name", "label deploy web a=b --dry-run=server", "rollout history deploy/web",
                     "scale deploy web --replicas=2 --dry-run=server", "patch deploy web -p {}"] {
            let plain = s.run(verb)
            #expect(s.run(verb + " -n ''") == plain, "\(verb)")
            #expect(s.run(verb + " --namespace=") == plain, "\(verb)")
        }
        #expect(s.run("describe deploy web -n ''").stdout.hasPrefix("Name:                   web\nNamespace:              default\n"))
        #expect(s.run("exec p1 -n '' -- ls").stderr.hasPrefix("error: kubectl exec needs a running container"))
    }

    /// `--template` without `-o` is a go-template for the printing verbs; `events` keeps its table.
    @Test func templateAloneIsGoTemplate() {
        let s = Self.store()
        #expect(s.run("get deploy web --template={{.metadata.name}}").stdout == "web")
        #expect(s.run("label deploy web a=b --dry-run=server --template={{.metadata.labels.a}}").stdout == "b")
        // scale prints the object as it read it.
        #expect(s.run("scale deploy web --replicas=3 --dry-run=server --template={{.spec.replicas}}").stdout == "1")
        #expect(s.run("create cm x --from-literal=a=b --dry-run=client --template={{.data.a}}").stdout == "b")
        #expect(s.run("get deploy web --template={.metadata.name} -o jsonpath").stdout == "web")
        #expect(s.run("events '--template={{len .items}}'").stdout.hasPrefix("LAST SEEN   TYPE"))
        let counted = s.run("events -o go-template '--template={{len .items}}'")
        #expect(counted.exitCode == 0 && Int(counted.stdout) != nil)
    }

    /// kubectl's patch sets its operation after the dry-run suffix was added, so the suffix never shows.
    @Test func patchDryRunHasNoSuffix() {
        let s = Self.store()
        #expect(s.run("patch deploy web -p {} --dry-run=server").stdout == "deployment.apps/web patched (no change)\n")
        #expect(s.run("patch deploy web -p {} --dry-run=client").stdout == "deployment.apps/web patched (no change)\n")
        #expect(s.run("patch deploy web -p '{\"metadata\":{\"labels\":{\"x\":\"y\"}}}' --dry-run=client").stdout == "deployment.apps/web patched\n")
    }
}
