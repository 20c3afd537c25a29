#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing
@testable import KubectlCLI

/// Contexts: one store per cluster, picked by the kubeconfig's current context or `--context`,
/// `--cluster`; the context's namespace is the default for `-n`. (kubectl's texts are compared in
/// ConfigGoldenTests; here: what each context's store holds.)
@Suite struct ContextTests {
    /// The CKA flow: a second cluster, switched to with use-context, is a store of its own.
    @Test func useContextSwitchesTheStore() {
        let s = TestStore()
        #expect(s.run("create cm in-local").exitCode == 0)
        #expect(s.run("config set-cluster k8s-c2 --server=https://10.0.0.2:6443").stdout == "Cluster \"k8s-c2\" set.\n")
        #expect(s.run("config set-context k8s-c2 --cluster=k8s-c2 --user=admin --namespace=web").stdout == "Context \"k8s-c2\" created.\n")
        #expect(s.run("config use-context k8s-c2") == CLIResult(stdout: "Switched to context \"k8s-c2\".\n", stderr: "", exitCode: 0))
        // A fresh, seeded cluster: its node, no config map of the other store.
        #expect(s.run("get nodes -o name").stdout == "node/node-1\n")
        #expect(s.run("get cm in-local -n default").stderr == "Error from server (NotFound): configmaps \"in-local\" not found\n")
        // The context's namespace is the default; it must exist first, as on a cluster.
        #expect(s.run("create cm x").stderr == "error: failed to create configmap: namespaces \"web\" not found\n")
        #expect(s.run("create ns web").exitCode == 0)
        #expect(s.run("create cm x") == CLIResult(stdout: "configmap/x created\n", stderr: "", exitCode: 0))
        #expect(s.run("get cm x -o jsonpath={.metadata.namespace}").stdout == "web")
        #expect(access(s.directory + "/store.clusters/k8s-c2.db", F_OK) == 0)
        // --context and --cluster reach the other stores without switching.
        #expect(s.run("--context local get cm in-local -n default -o name").stdout == "configmap/in-local\n")
        #expect(s.run("--cluster local get cm in-local -n default -o name").stdout == "configmap/in-local\n")
        #expect(s.run("get cm in-local -n default").exitCode == 1)
        #expect(s.run("config use-context local").exitCode == 0)
        #expect(s.run("get cm -n web").stderr == "No resources found in web namespace.\n")
        #expect(s.run("--context k8s-c2 get cm x -o name").stdout == "configmap/x\n")
    }

    @Test func unknownContextClusterOrUser() {
        let s = TestStore()
        #expect(s.run("--context nope get pods")
            == CLIResult(stdout: "", stderr: "Error in configuration: context was not found for specified context: nope\n", exitCode: 1))
        #expect(s.run("--cluster nope get pods").stderr == "error: no server found for cluster \"nope\"\n")
        #expect(s.run("--user nope get pods").stderr == "error: auth info \"nope\" does not exist\n")
        // Nothing was created for them.
        #expect(access(s.directory + "/store.clusters", F_OK) != 0)
    }

    /// A server `local://PATH` names the cluster's store file.
    @Test func localServerNamesTheStore() {
        let s = TestStore()
        let other = s.directory + "/other.db"
        #expect(s.run("config set-cluster mine --server=local://\(other)").exitCode == 0)
        #expect(s.run("config set-context mine --cluster=mine").exitCode == 0)
        #expect(s.run("--context mine create cm here").exitCode == 0)
        #expect(access(other, F_OK) == 0)
        #expect(s.run(args: ["--store", other, "get", "cm", "here", "-o", "name"]).stdout == "configmap/here\n")
    }

    /// Before kubeconfigs, `set-context --current --namespace` kept the namespace in the store: such a
    /// store still starts in that namespace, and the first config change carries it over.
    @Test func namespaceKeptInAnOlderStoreCarriesOver() throws {
        let s = TestStore()
        #expect(s.run("create ns legacy").exitCode == 0)
        let inv = Invocation(commandPath: [], args: [], flags: ParsedFlags(), io: .buffers(), environment: s.environment,
                             clock: Clock(now: Timestamp(seconds: 0)))
        try inv.server().write { try $0.setConfig("context.namespace", "legacy") }
        #expect(access(s.directory + "/store.kubeconfig", F_OK) != 0)
        #expect(s.run("config view --minify -o jsonpath={.contexts[0].context.namespace}").stdout == "legacy")
        #expect(s.run("create cm c").stdout == "configmap/c created\n")
        #expect(s.run("get cm c -n legacy -o name").stdout == "configmap/c\n")
        #expect(s.run("config set-cluster other").exitCode == 0)
        #expect(s.run("config get-contexts --no-headers").stdout == "*     local   local   local   legacy\n")
    }

    /// `--kubeconfig FILE` reads and writes that file instead of the one beside the store.
    @Test func kubeconfigFlagNamesTheFile() {
        let s = TestStore()
        let file = s.directory + "/my.kubeconfig"
        #expect(s.run("--kubeconfig \(file) config get-contexts").stdout == "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n")
        #expect(s.run("--kubeconfig \(file) config set-context dev --cluster=dev").stdout == "Context \"dev\" created.\n")
        #expect(s.run("--kubeconfig \(file) config use-context dev").exitCode == 0)
        #expect(s.run("--kubeconfig \(file) create cm in-dev").exitCode == 0)
        #expect(access(s.directory + "/store.clusters/dev.db", F_OK) == 0)
        #expect(s.run("config current-context").stdout == "local\n")
        #expect(readTextFile(file)?.contains("current-context: dev\n") == true)
    }

    /// Two shells changing the kubeconfig at once never lose a change.
    @Test func concurrentChangesAreAllKept() {
        let s = TestStore()
        let script = (1...8).map { "\"$KL\" config set-context c\($0) --namespace=n\($0) >/dev/null &" }.joined(separator: "\n") + "\nwait\n"
        #expect(runShell(script, store: s) == 0)
        #expect(s.run("config get-contexts -o name").stdout == "c1\nc2\nc3\nc4\nc5\nc6\nc7\nc8\nlocal\n")
    }

    /// A relative `--store` (or `KUBECTL_LOCAL_STORE`) is the file it names from the working directory,
    /// not a second copy nested under its own directory (the home cluster's `local://` server is read
    /// from the kubeconfig's directory, which is the store's).
    @Test func aRelativeStorePathNamesTheFileItself() {
        let s = TestStore()
        let script = """
            cd "\(s.directory)" && mkdir rel && unset KUBECTL_LOCAL_STORE
            "$KL" --store rel/s.db create configmap one >/dev/null || exit 10
            test -f rel/s.db || exit 11
            test ! -e rel/rel || exit 12
            [ "$("$KL" --store rel/s.db get configmap one -o name)" = configmap/one ] || exit 13
            KUBECTL_LOCAL_STORE=rel/s.db "$KL" get configmap one >/dev/null || exit 14
            "$KL" --store rel/s.db config set-context local --namespace=web >/dev/null || exit 15
            [ "$("$KL" --store rel/s.db get configmap one -n default -o name)" = configmap/one ] || exit 16
            test ! -e rel/rel || exit 17
            """
        #expect(runShell(script, store: s) == 0)
    }
}
