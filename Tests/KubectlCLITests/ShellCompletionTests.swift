#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// The `TYPE/` choices kubectl offers after pod names (Golden/complete/logs-empty).
enum ArgumentCompletionTypes {
    static let withPods = ["daemonsets/", "deployments/", "pods/", "jobs/", "replicasets/", "replicationcontrollers/",
                           "services/", "statefulsets/"]
}

/// The hidden `__complete` entry (cobra's protocol: candidates one per line, then `:<directive>`).
@Suite struct ShellCompletionTests {
    /// A store with pods web-0, web-1 (default), db-0 (namespace dev) and a deployment.
    static func store() -> TestStore {
        let s = TestStore()
        #expect(s.run("create namespace dev").exitCode == 0)
        for (name, ns) in [("web-0", "default"), ("web-1", "default"), ("db-0", "dev")] {
            let r = s.run("create -f - -n \(ns)", stdin: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\nspec:\n  containers:\n  - name: c\n    image: nginx\n")
            #expect(r.exitCode == 0, "\(r)")
        }
        #expect(s.run("create deployment api --image=nginx --replicas=0").exitCode == 0)  // no pods of its own
        return s
    }

    /// Candidates (without descriptions) and the directive.
    static func complete(_ s: TestStore, _ words: String...) -> ([String], String) {
        let r = s.run(args: ["__completeNoDesc"] + words)
        #expect(r.exitCode == 0)
        var lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        lines.removeLast()
        let directive = lines.popLast() ?? ""
        return (lines, directive)
    }

    @Test func commandsWithDescriptions() {
        let s = TestStore()
        let r = s.run(args: ["__complete", ""])
        #expect(r.stdout.hasPrefix("annotate\tUpdate the annotations on an object\napi-resources\t"))
        #expect(r.stdout.hasSuffix("\n:4\n"))
        #expect(r.stderr == "Completion ended with directive: ShellCompDirectiveNoFileComp\n")
        #expect(r.stdout.contains("\noptions\t") && r.stdout.contains("\ncompletion\t"))
        #expect(!r.stdout.contains("__man") && !r.stdout.contains("__complete"))
        #expect(Self.complete(s, "des") == (["describe"], ":4"))
        #expect(Self.complete(s, "config", "u") == (["unset", "use-context"], ":4"))
        #expect(Self.complete(s, "create", "se") == (["secret", "service", "serviceaccount"], ":4"))
    }

    @Test func flagNamesAndValues() {
        let s = TestStore()
        let (outputs, d1) = Self.complete(s, "get", "-o", "")
        #expect(d1 == ":4")
        #expect(outputs.contains("json") && outputs.contains("yaml") && outputs.contains("wide") && outputs.contains("jsonpath"))
        // After `=` the value alone (the shell keeps the `--output=`); kubectl completes no other flag's values.
        #expect(Self.complete(s, "get", "--output=ya") == (["yaml"], ":4"))
        #expect(Self.complete(s, "create", "deployment", "x", "--dry-run=") == ([], ":0"))
        #expect(Self.complete(s, "get", "--show-l") == (["--show-labels"], ":4"))
        let (flags, _) = Self.complete(s, "get", "-")
        #expect(flags.contains("-o") && flags.contains("--output") && flags.contains("-n") && !flags.contains("--store"))
        // Inherited flags first, then the command's own, each sorted (Golden/complete get-flag-ddash).
        #expect(flags.firstIndex(of: "--warnings-as-errors")! < flags.firstIndex(of: "--all-namespaces")!)
        // A flag already given is not offered again; a list flag is.
        let (again, _) = Self.complete(s, "get", "--watch", "-l", "a=b", "--")
        #expect(!again.contains("--watch") && !again.contains("--selector") && again.contains("--label-columns"))
        #expect(Self.complete(s, "get", "-f", "") == (["json", "yaml", "yml"], ":8"))
        #expect(Self.complete(s, "--context", "") == (["local"], ":4"))
        #expect(Self.complete(s, "completion", "") == (["bash", "zsh", "fish", "powershell"], ":4"))
        // Descriptions come from the flag table.
        let r = s.run(args: ["__complete", "get", "--show-k"])
        #expect(r.stdout == "--show-kind\tPrefix names with their kind.\n:4\n")
    }

    /// As kubectl v1.32 (Golden/complete: get-empty, get-deploy, describe-cm, get-deployments): the names
    /// `api-resources -o name --verbs=get` prints, no descriptions, no short names, no `bindings`.
    @Test func resourceTypes() {
        let s = TestStore()
        let (all, d) = Self.complete(s, "get", "")
        #expect(d == ":4")
        #expect(all.contains("pods") && all.contains("deployments.apps") && all.contains("namespaces"))
        #expect(!all.contains("po") && !all.contains("bindings") && !all.contains("tokenreviews.authentication.k8s.io"))
        let (deploy, _) = Self.complete(s, "get", "deploy")
        #expect(deploy == ["deployments.apps"])
        let (cm, _) = Self.complete(s, "describe", "cm")
        #expect(cm == [])
        let (svc, _) = Self.complete(s, "delete", "svc")
        #expect(svc == [])
        let r = s.run(args: ["__complete", "get", "deployments"])
        #expect(r.stdout == "deployments.apps\n:4\n")
    }

    @Test func objectNamesFromTheStore() {
        let s = Self.store()
        #expect(Self.complete(s, "get", "pods", "") == (["web-0", "web-1"], ":4"))
        #expect(Self.complete(s, "get", "po", "web-1", "") == (["web-0"], ":4"))
        #expect(Self.complete(s, "describe", "pod", "-n", "dev", "") == (["db-0"], ":4"))
        #expect(Self.complete(s, "get", "--namespace=dev", "pods", "") == (["db-0"], ":4"))
        // kubectl's completion reads the request namespace even with -A (Golden/complete/get-all-ns).
        #expect(Self.complete(s, "delete", "pods", "-A", "") == (["web-0", "web-1"], ":4"))
        #expect(Self.complete(s, "get", "pod/w") == (["pod/web-0", "pod/web-1"], ":4"))
        #expect(Self.complete(s, "label", "deploy", "") == (["api"], ":4"))
        #expect(Self.complete(s, "get", "nodes", "") == (["node-1"], ":4"))
        #expect(Self.complete(s, "-n", "") == (["default", "dev", "kube-node-lease", "kube-public", "kube-system"], ":4"))
        #expect(Self.complete(s, "get", "pods", "-n", "d") == (["default", "dev"], ":4"))
        #expect(Self.complete(s, "get", "pods", "--namespace=k") == (["kube-node-lease", "kube-public", "kube-system"], ":4"))
        #expect(Self.complete(s, "logs", "") == (["web-0", "web-1"] + ArgumentCompletionTypes.withPods, ":4"))
        // The context's namespace is where names are read.
        #expect(s.run("config set-context --current --namespace=dev").exitCode == 0)
        #expect(Self.complete(s, "get", "pods", "") == (["db-0"], ":4"))
        // --store points at another store.
        let other = TestStore()
        #expect(other.run("create configmap elsewhere").exitCode == 0)
        #expect(Self.complete(s, "--store", other.path, "get", "cm", "e") == (["elsewhere"], ":4"))
        #expect(Self.complete(s, "get", "nosuchtype", "") == ([], ":4"))
    }

    /// Completion never creates a store.
    @Test func noStoreNoNamesAndNothingCreated() {
        let s = TestStore()
        #expect(Self.complete(s, "get", "pods", "") == ([], ":4"))
        #expect(access(s.path, F_OK) != 0)
        #expect(Self.complete(s, "-n", "") == ([], ":4"))
        #expect(access(s.path, F_OK) != 0)
    }

    @Test func completionCommandErrors() {
        let s = TestStore()
        #expect(s.run("completion") == CLIResult(stdout: "", stderr: "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n", exitCode: 1))
        #expect(s.run("completion tcsh") == CLIResult(stdout: "", stderr: "error: Unsupported shell type \"tcsh\".\nSee 'kubectl completion -h' for help and examples\n", exitCode: 1))
        #expect(s.run("completion bash zsh").stderr == "error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples\n")
        for shell in ["bash", "zsh", "fish", "powershell"] {
            let r = s.run("completion \(shell)")
            #expect(r.exitCode == 0 && r.stdout.contains("kubectl-local __complete"))
        }
    }
}
