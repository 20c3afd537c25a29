import KubeTestSupport
import Testing

/// Flags kubectl v1.32 declares that change what a command does, each against the behaviour kubectl
/// shows (prompt texts, error texts and output layout checked with the real kubectl against a fake API
/// server, see the report of the change that added them).
@Suite struct FlagBehaviourTests {
    static let invalidTimeout = "error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n"

    // MARK: delete --interactive, --now, --force

    @Test func deleteInteractiveListsAsksAndCancelsUnlessY() {
        let s = TestStore()
        s.run("create configmap a")
        s.run("create deployment web --image=nginx")
        let prompt = "You are about to delete the following 2 resource(s):\nconfigmap/a\ndeployment.apps/web\nDo you want to continue? (y/n): "
        for answer in ["n\n", "", "yes\n", "yy\n", "\n\n"] {
            let r = s.run("delete cm/a deploy/web --interactive", stdin: answer)
            #expect(r == CLIResult(stdout: prompt + "deletion is cancelled\n", stderr: "", exitCode: 0), "answer \(answer.debugDescription)")
        }
        #expect(s.run("get cm a -o name").stdout == "configmap/a\n")
        // The first word counts, after blanks and empty lines; y in either case.
        let r = s.run("delete cm/a deploy/web -i", stdin: "\n  Y extra\n")
        #expect(r == CLIResult(stdout: prompt + "configmap \"a\" deleted\ndeployment.apps \"web\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("get cm a").exitCode == 1)
    }

    @Test func deleteInteractiveWithNothingSelectedDoesNotAsk() {
        let s = TestStore()
        #expect(s.run("delete cm -l app=none -i", stdin: "y\n") == CLIResult(stdout: "No resources found\n", stderr: "", exitCode: 0))
        // Named objects are listed as given; a missing one fails when it is deleted.
        let r = s.run("delete cm nope -i", stdin: "y\n")
        #expect(r.stdout == "You are about to delete the following 1 resource(s):\nconfigmap/nope\nDo you want to continue? (y/n): ")
        #expect(r.stderr == "Error from server (NotFound): configmaps \"nope\" not found\n" && r.exitCode == 1)
    }

    @Test func deleteRefusesConflictingFlags() {
        let s = TestStore()
        s.run("create configmap a")
        #expect(s.run("delete cm a --now --grace-period=3")
            == CLIResult(stdout: "", stderr: "error: --now and --grace-period cannot be specified together\n", exitCode: 1))
        #expect(s.run("delete cm a --force --grace-period=5")
            == CLIResult(stdout: "", stderr: "error: --force and --grace-period greater than 0 cannot be specified together\n", exitCode: 1))
        #expect(s.run("delete cm a -i --raw /api/v1/namespaces/default/configmaps/a")
            == CLIResult(stdout: "", stderr: "error: --interactive can not be used with --raw\n", exitCode: 1))
        #expect(s.run("get cm a -o name").stdout == "configmap/a\n")
        #expect(s.run("delete cm a --now") == CLIResult(stdout: "configmap \"a\" deleted\n", stderr: "", exitCode: 0))
    }

    // MARK: --request-timeout, --warnings-as-errors

    @Test func requestTimeoutIsCheckedAsKubectlChecksIt() {
        let s = TestStore()
        for bad in ["abc", "-1", "1.5", " 5", "0x10", "1e3", "1h1d", "99999999999999999999"] {
            #expect(s.run(args: ["get", "pods", "--request-timeout=" + bad])
                == CLIResult(stdout: "", stderr: Self.invalidTimeout, exitCode: 1), "\(bad)")
        }
        for good in ["0", "5", "+5", "1.5s", "5m3s", "-5s", ""] {
            #expect(s.run(args: ["get", "ns", "default", "-o", "name", "--request-timeout=" + good]).stdout == "namespace/default\n", "\(good)")
        }
        // Dry runs build a client too; commands that never do accept any text.
        #expect(s.run("create configmap c --dry-run=client -o name --request-timeout=abc").stderr == Self.invalidTimeout)
        #expect(s.run("version --client --request-timeout=abc").exitCode == 0)
        #expect(s.run("config view --request-timeout=abc").exitCode == 0)
        let pod = s.writeFile("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n")
        #expect(s.run("label --local -f \(pod) a=b -o name --request-timeout=abc").stdout == "pod/p\n")
        #expect(s.run("set env --local -f \(pod) A=b -o name --request-timeout=abc").stderr == Self.invalidTimeout)
    }

    @Test func warningsAsErrorsFailsAfterTheWarningsArePrinted() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\nfoo: 1\nbar: 2\n")
        #expect(s.run("create -f \(f) --validate=warn --warnings-as-errors") == CLIResult(
            stdout: "configmap/w created\n",
            stderr: "Warning: unknown field \"bar\"\nWarning: unknown field \"foo\"\nerror: 2 warnings received\n", exitCode: 1))
        #expect(s.run("get cm w -o name").stdout == "configmap/w\n")
        let one = s.writeFile("one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v\nfoo: 1\n")
        #expect(s.run("create -f \(one) --validate=warn --warnings-as-errors").stderr
            == "Warning: unknown field \"foo\"\nerror: 1 warning received\n")
        #expect(s.run("create configmap quiet --warnings-as-errors").exitCode == 0)
        #expect(s.run("delete cm w --warnings-as-errors=false").exitCode == 0)
    }

    // MARK: top pod --sum, --sort-by, --field-selector

    /// The pods of Golden/top/fakemetrics.py: kubectl-local's figures come from requests.
    static func topStore() -> TestStore {
        let s = TestStore()
        s.run(args: ["run", "a", "--image=nginx", "--labels=tier=demo", "--override-type=strategic",
                     #"--overrides={"spec":{"containers":[{"name":"a","resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}]}}"#])
        s.run("create namespace tools")
        s.run("run b --image=nginx --labels=tier=demo -n tools")
        s.run(args: ["run", "c", "--image=nginx", "--labels=tier=demo", "--override-type=json", #"--overrides=[{"op":"replace","path":"/spec/containers","value":[{"name":"c1","image":"nginx","resources":{"requests":{"cpu":"5m","memory":"10Mi"}}},{"name":"c2","image":"nginx","resources":{"requests":{"cpu":"7m","memory":"3Mi"}}}]}]"#])
        return s
    }

    @Test(arguments: [("all-sum", "top pod -A -l tier=demo --sum"), ("all-sum-no-headers", "top pod -A -l tier=demo --sum --no-headers --sort-by=memory"),
                      ("containers-sum", "top pod --containers --sum"), ("sum-sort-cpu", "top pod --sum --sort-by=cpu")])
    func topPodMatchesKubectl(_ golden: String, _ command: String) {
        let expected = readTextFile(ShellSupport.repoRoot + "/Tests/KubectlCLITests/Golden/top/\(golden).txt")
        #expect(expected != nil)
        #expect(Self.topStore().run(command) == CLIResult(stdout: expected ?? "", stderr: "", exitCode: 0))
    }

    @Test func topFieldSelectorAndSortByErrors() {
        let s = Self.topStore()
        // kubectl's tab writer has a minimum cell width of 6 (Golden/sweep/top-nodes-no-headers shows it).
        #expect(s.run("top pod -A --field-selector=metadata.namespace=tools --no-headers").stdout == "tools   b     1m    4Mi   \n")
        #expect(s.run("top pod --sort-by=name") == CLIResult(stdout: "", stderr: "error: --sort-by accepts only cpu or memory\n", exitCode: 1))
        #expect(s.run("top node --sort-by=disk").stderr == "error: --sort-by accepts only cpu or memory\n")
    }

    // MARK: expose --overrides (run --overrides is in the recorded create/run corpus)

    @Test func exposeOverridesPatchTheService() {
        let s = TestStore()
        s.run("run a --image=nginx")
        let r = s.run(args: ["expose", "pod", "a", "--port=80", #"--overrides={"metadata":{"labels":{"team":"x"}},"spec":{"type":"NodePort"}}"#,
                             "--dry-run=client", "-o", "yaml"])
        #expect(r.exitCode == 0 && r.stdout.contains("  labels:\n    run: a\n    team: x\n") && r.stdout.contains("  type: NodePort\n"), "\(r)")
        #expect(s.run("expose pod a --port=80 --overrides={} --override-type=nope").stderr == "error: invalid override type: nope\n")
    }

    // MARK: wait --field-selector

    @Test func waitSelectsByField() {
        let s = TestStore()
        s.run("run a --image=nginx")
        s.run("run b --image=nginx")
        #expect(s.run("wait pods --field-selector=metadata.name=a --for=condition=Ready")
            == CLIResult(stdout: "pod/a condition met\n", stderr: "", exitCode: 0))
        #expect(s.run("wait pods --field-selector=metadata.name=zz --for=condition=Ready").stderr == "error: no matching resources found\n")
        #expect(s.run("wait pods --field-selector=spec.foo=1 --for=condition=Ready").stderr
            == "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"spec.foo=1\": field label not supported: spec.foo\n")
    }

    // MARK: the flag tables are kubectl's

    /// Every command's flags (names, shorthands, defaults) are the ones kubectl v1.32 lists for it in
    /// Golden/help, apart from kubectl-local's own additions named here.
    @Test func everyCommandDeclaresKubectlsFlags() {
        let localAdditions: [String: Set<String>] = [:]
        let s = TestStore()
        var compared = 0
        for path in ShellHelpTests.commandPaths(s) where !path.isEmpty && path != ["options"] {
            guard let theirs = readTextFile(HelpProseTests.golden + HelpProseTests.goldenFile(path)) else { continue }
            compared += 1
            let name = path.joined(separator: " ")
            let extra = localAdditions[name] ?? []
            let ours = ShellHelpTests.flagHeadings(s.run(args: path + ["--help"]).stdout).filter { h in
                !extra.contains { h.contains("--\($0)=") }
            }
            #expect(ours == ShellHelpTests.flagHeadings(theirs), "\(name)")
        }
        #expect(compared > 60)
    }

    @Test func configFlagsAsKubectlHasThem() {
        let s = TestStore()
        // set-context has its own --namespace, which hides the global -n.
        #expect(s.run("config set-context --current -n foo")
            == CLIResult(stdout: "", stderr: "error: unknown shorthand flag: 'n' in -n\nSee 'kubectl config set-context --help' for usage.\n", exitCode: 1))
        #expect(s.run("config set-context --current --namespace=kube-system").exitCode == 0)
        #expect(s.run("config view -o jsonpath={.contexts[0].context.namespace}").stdout == "kube-system")
        #expect(s.run("config view -o go-template={{.kind}} --minify --flatten").stdout == "Config")
        // kubectl v1.32: --merge=false needs --kubeconfig naming one file.
        #expect(s.run("config view -o go-template={{.kind}} --minify --flatten --merge=false")
            == CLIResult(stdout: "", stderr: "error: if merge==false a precise file must be specified\n", exitCode: 1))
        let file = s.directory + "/store.kubeconfig"
        #expect(s.run("--kubeconfig \(file) config view -o go-template={{.kind}} --minify --flatten --merge=false").stdout == "Config")
    }

    @Test func applySubresourceNeedsServerSide() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        #expect(s.run("apply -f \(f) --subresource=status")
            == CLIResult(stdout: "", stderr: "error: --subresource can only be specified for --server-side\n", exitCode: 1))
        #expect(s.run("rollout restart deploy/x --dry-run=client").stderr.hasPrefix("error: unknown flag: --dry-run\n"))
    }

    // MARK: flags that mean nothing offline say so

    /// Flags kubectl-local accepts but cannot honour without a cluster (README: "Flags with no effect
    /// offline") say "No effect offline" in their help.
    static let offlineFlags: [String: [String]] = [
        // --as, --as-group and --as-uid act: RBAC in the store authorises requests made as someone else.
        "options": ["cache-dir", "certificate-authority", "client-certificate", "client-key",
                    "disable-compression", "insecure-skip-tls-verify", "log-flush-frequency",
                    "match-server-version", "password", "profile", "profile-output", "server", "tls-server-name", "token",
                    "username", "v", "vmodule"],
        "get": ["chunk-size", "server-print"], "describe": ["chunk-size"], "api-resources": ["cached"],
        "diff": ["concurrency"], "apply": ["openapi-patch", "timeout"],
        "replace": ["timeout", "wait"], "scale": ["timeout"],
        "run": ["pod-running-timeout", "quiet", "timeout", "wait"],
        "top pod": ["use-protocol-buffers"], "top node": ["use-protocol-buffers"],
        "config view": ["merge"],
        // kustomize --enable-helm acts: without it helm charts are refused with kustomize's own text.
        "kustomize": ["as-current-user", "enable-alpha-plugins", "env", "helm-api-versions", "helm-command",
                      "helm-debug", "helm-kube-version", "mount", "network", "network-name"],
    ]

    @Test func flagsWithoutEffectOfflineSaySo() {
        let s = TestStore()
        for (command, flags) in Self.offlineFlags {
            let text = command == "options" ? s.run("options").stdout : s.run(command + " --help").stdout
            let lines = text.split(separator: "\n").map(String.init)
            for flag in flags {
                guard let i = lines.firstIndex(where: { $0.hasPrefix("    ") && $0.contains("--\(flag)=") }) else {
                    Issue.record("\(command): no --\(flag)")
                    continue
                }
                #expect(lines[i + 1].contains("No effect offline"), "\(command) --\(flag): \(lines[i + 1])")
            }
        }
    }

    // MARK: get --subresource

    @Test func getSubresourceScaleAndStatus() {
        let s = TestStore()
        s.run("create deployment web --image=nginx --replicas=2")
        #expect(s.run("get deploy web --subresource=scale")
            == CLIResult(stdout: "NAME   DESIRED   AVAILABLE   AGE\nweb    2         2           0s\n", stderr: "", exitCode: 0))
        let y = s.run("get deploy web --subresource=scale -o yaml").stdout
        #expect(y.hasPrefix("apiVersion: autoscaling/v1\nkind: Scale\nmetadata:\n  creationTimestamp: \"2026-11-23T12:00:00Z\"\n  name: web\n"))
        #expect(y.hasSuffix("spec:\n  replicas: 2\nstatus:\n  replicas: 2\n  selector: app=web\n"))
        #expect(s.run("get deploy web --subresource=status -o name").stdout == "deployment.apps/web\n")
        #expect(s.run("get deploy --subresource=scale").stderr == "error: subresource cannot be used when bulk resources are specified\n")
        #expect(s.run("get cm kube-root-ca.crt --subresource=scale")
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): the server could not find the requested resource\n", exitCode: 1))
    }
}
