#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import KubeModel
import Testing

/// apply / patch / edit / replace / diff sequences on a store: messages, exit codes and what the
/// stored object looks like after each step (after upstream test/cmd/testdata/apply.txtar, diff.txtar).
struct DeclarativeScenarioTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
              - name: side
                image: busybox

        """

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: test-pod
          labels:
            name: test-pod-label
        spec:
          containers:
          - name: c
            image: nginx

        """

    func replacing(_ s: String, _ a: String, _ b: String) -> String { s.replacingAll(a, with: b) }

    @Test func applyCreatesThenUnchangedThenConfigured() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", Self.deployment)
        var r = s.run("apply -f \(f)")
        #expect(r == CLIResult(stdout: "deployment.apps/web created\n", stderr: "", exitCode: 0))
        r = s.run("apply -f \(f)")
        #expect(r.stdout == "deployment.apps/web unchanged\n")
        // The last-applied annotation holds the applied configuration.
        r = s.run("get deploy web -o yaml")
        #expect(r.stdout.contains("kubectl.kubernetes.io/last-applied-configuration: |\n      {\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"}"))
        // Someone else adds a label; the file drops the side container and changes the image.
        #expect(s.run("label deploy web team=blue").exitCode == 0)
        let f2 = s.writeFile("d2.yaml", replacing(replacing(Self.deployment, "nginx:1.25", "nginx:1.26"),
                                                  "      - name: side\n        image: busybox\n", ""))
        r = s.run("apply -f \(f2)")
        #expect(r == CLIResult(stdout: "deployment.apps/web configured\n", stderr: "", exitCode: 0))
        r = s.run("get deploy web -o yaml")
        #expect(r.stdout.contains("    team: blue\n"))
        #expect(r.stdout.contains("image: nginx:1.26"))
        #expect(!r.stdout.contains("busybox"))
        #expect(r.stdout.contains("generation: 2"))
        // Defaults the server filled in are kept.
        #expect(r.stdout.contains("imagePullPolicy: IfNotPresent"))
    }

    /// kubectl v1.32 against a server (Golden/create/apply-dir-broken-file*): the files it could read are
    /// applied, the broken one is reported after them, exit 1; -o yaml prints nothing when one failed.
    @Test func applyDirectoryWithABrokenFileAppliesTheOthers() {
        let s = TestStore()
        s.run("create namespace x")
        mkdir(s.directory + "/d", 0o755)
        s.writeFile("d/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
        s.writeFile("d/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n data: [\n")
        s.writeFile("d/c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        let r = s.run("apply -f \(s.directory)/d")
        #expect(r.stdout == "configmap/a created\nconfigmap/c created\n")
        #expect(r.stderr == "error: error parsing \(s.directory)/d/b.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n")
        #expect(r.exitCode == 1)
        #expect(s.run("get cm a c -o name").stdout == "configmap/a\nconfigmap/c\n")
        let y = s.run("apply -f \(s.directory)/d -n x -o yaml")
        #expect(y.stdout == "" && y.exitCode == 1)
        #expect(s.run("get cm a c -n x -o name").stdout == "configmap/a\nconfigmap/c\n")
    }

    @Test func applyDryRunsDoNotWrite() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", Self.pod)
        #expect(s.run("apply --dry-run=client -f \(f)").stdout == "pod/test-pod created (dry run)\n")
        #expect(s.run("apply --dry-run=server -f \(f)").stdout == "pod/test-pod created (server dry run)\n")
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
        #expect(s.run("apply -f \(f)").stdout == "pod/test-pod created\n")
        let before = s.run("get pod test-pod -o yaml").stdout
        let f2 = s.writeFile("pod2.yaml", replacing(Self.pod, "test-pod-label", "test-pod-applied"))
        #expect(s.run("apply --dry-run=client -f \(f2)").stdout == "pod/test-pod configured (dry run)\n")
        #expect(s.run("apply --dry-run=server -f \(f2)").stdout == "pod/test-pod configured (server dry run)\n")
        #expect(s.run("get pod test-pod -o yaml").stdout == before)
    }

    @Test func applyOnObjectWithoutAnnotationWarns() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", Self.pod)
        #expect(s.run("create -f \(f)").exitCode == 0)
        let f2 = s.writeFile("pod2.yaml", replacing(Self.pod, "test-pod-label", "test-pod-applied"))
        let r = s.run("apply -f \(f2)")
        #expect(r.stdout == "pod/test-pod configured\n")
        #expect(r.stderr == "Warning: resource pods/test-pod is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n")
        #expect(s.run("get pod test-pod -o yaml").stdout.contains("name: test-pod-applied"))
        // create --save-config records the annotation, so no warning.
        let s2 = TestStore()
        let g = s2.writeFile("pod.yaml", Self.pod)
        #expect(s2.run("create --save-config -f \(g)").exitCode == 0)
        let g2 = s2.writeFile("pod2.yaml", replacing(Self.pod, "test-pod-label", "x"))
        #expect(s2.run("apply -f \(g2)") == CLIResult(stdout: "pod/test-pod configured\n", stderr: "", exitCode: 0))
    }

    @Test func applyErrorsAndOutput() {
        let s = TestStore()
        #expect(s.run("apply") == CLIResult(stdout: "", stderr: "error: must specify one of -f and -k\n", exitCode: 1))
        let f = s.writeFile("pod.yaml", Self.pod)
        let r = s.run("apply -f \(f) -o name")
        #expect(r.stdout == "pod/test-pod\n")
        let y = s.run("apply -f \(f) -o yaml")
        #expect(y.stdout.hasPrefix("apiVersion: v1\nkind: Pod\n"))
        let ns = s.run("apply -n other -f \(s.writeFile("nsb.yaml", replacing(Self.pod, "  name: test-pod\n", "  name: test-pod\n  namespace: nsb\n")))")
        #expect(ns.stderr == "error: the namespace from the provided object \"nsb\" does not match the namespace \"other\". You must pass '--namespace=nsb' to perform this operation.\n")
        #expect(ns.exitCode == 1)
    }

    @Test func applyPrune() {
        let s = TestStore()
        func member(_ n: String) -> String {
            replacing(replacing(Self.pod, "    name: test-pod-label\n", "    name: \(n)\n    prune-group: \"true\"\n"), "name: test-pod\n", "name: \(n)\n")
        }
        let a = s.writeFile("a.yaml", member("a"))
        let b = s.writeFile("b.yaml", member("b"))
        #expect(s.run("apply --prune -f \(a)").stderr == "error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n")
        #expect(s.run("apply -l prune-group=true -f \(a)").stdout == "pod/a created\n")
        let r = s.run("apply --prune -l prune-group=true -f \(b)")
        #expect(r.stdout == "pod/b created\npod/a pruned\n")
        // apply does not wait (--wait=false): the pruned pod is Terminating until its kubelet stops it.
        #expect(s.run("get pod a --no-headers").stdout.contains("   Terminating   "))
        s.advance(seconds: 1)
        #expect(s.run("get pod a").exitCode == 1)
        // A type outside the allow-list is not pruned.
        let svc = s.writeFile("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: prune-svc\n  labels:\n    prune-group: \"true\"\nspec:\n  ports:\n  - port: 80\n")
        #expect(s.run("apply --prune -l prune-group=true -f \(svc) --prune-allowlist core/v1/Service").stdout == "service/prune-svc created\n")
        #expect(s.run("get pod b").exitCode == 0)
        #expect(s.run("apply --prune -l prune-group=true -f \(svc)").stdout == "service/prune-svc unchanged\npod/b pruned\n")
    }

    @Test func patchOnStore() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", Self.deployment)
        #expect(s.run("apply -f \(f)").exitCode == 0)
        #expect(s.run("patch deploy web -p '{\"spec\":{\"replicas\":3}}'").stdout == "deployment.apps/web patched\n")
        #expect(s.run("patch deploy web -p '{\"spec\":{\"replicas\":3}}'").stdout == "deployment.apps/web patched (no change)\n")
        #expect(s.run("patch deployment/web --type=merge -p '{\"metadata\":{\"labels\":{\"x\":\"y\"}}}'").stdout == "deployment.apps/web patched\n")
        #expect(s.run("patch deploy web --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"nginx:2\"}]'").exitCode == 0)
        var y = s.run("get deploy web -o yaml").stdout
        #expect(y.contains("replicas: 3") && y.contains("x: \"y\"") && y.contains("image: nginx:2"))
        #expect(s.run("patch deploy web --subresource=scale --type=merge -p '{\"spec\":{\"replicas\":5}}'").stdout == "scale.autoscaling/web patched\n")
        y = s.run("get deploy web -o yaml").stdout
        #expect(y.contains("replicas: 5"))
        let dry = s.run("patch deploy web -p '{\"spec\":{\"replicas\":9}}' --dry-run=server")
        // kubectl v1.32's patch shows no dry-run suffix (oracle, 2026-12-06: `patched`, `patched (no change)`).
        #expect(dry.stdout == "deployment.apps/web patched\n")
        #expect(s.run("get deploy web -o yaml").stdout.contains("replicas: 5"))
        let missing = s.run("patch deploy nope -p '{}'")
        #expect(missing == CLIResult(stdout: "", stderr: "Error from server (NotFound): deployments.apps \"nope\" not found\n", exitCode: 1))
        let bad = s.run("patch deploy web --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]'")
        // The API server answers a JSON patch that does not apply with a 422 without details.
        #expect(bad.stderr == "The request is invalid: the server rejected our request due to an error in our request\n")
    }

    func editor(_ s: TestStore, _ name: String, _ script: String) -> String {
        let p = s.writeFile(name, "#!/bin/sh\n" + script + "\n")
        chmod(p, 0o755)
        return p
    }

    @Test func editSavesThroughUpdate() {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("d.yaml", Self.deployment))").exitCode == 0)
        // Only the first match: spec.replicas (status.replicas, written by the controller, comes later).
        s.environment["KUBE_EDITOR"] = editor(s, "ed.sh", "sed -i '0,/replicas: 2/s//replicas: 4/' \"$1\"")
        s.environment["EDITOR"] = "false"
        var r = s.run("edit deploy web --output-patch")
        #expect(r == CLIResult(stdout: "Patch: {\"spec\":{\"replicas\":4}}\ndeployment.apps/web edited\n", stderr: "", exitCode: 0))
        #expect(s.run("get deploy web -o yaml").stdout.contains("replicas: 4"))
        // Unchanged file.
        s.environment["KUBE_EDITOR"] = "true"
        r = s.run("edit deploy web")
        #expect(r == CLIResult(stdout: "", stderr: "Edit cancelled, no changes made.\n", exitCode: 0))
        // $EDITOR when $KUBE_EDITOR is unset.
        s.environment["KUBE_EDITOR"] = nil
        s.environment["EDITOR"] = editor(s, "ed2.sh", "sed -i 's/replicas: 4/replicas: 6/' \"$1\"")
        #expect(s.run("edit deploy/web").stdout == "deployment.apps/web edited\n")
        #expect(s.run("get deploy web -o yaml").stdout.contains("replicas: 6"))
    }

    @Test func invalidEditReopensWithErrorBlock() {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("d.yaml", Self.deployment))").exitCode == 0)
        let copy = s.directory + "/seen.txt"
        // First pass: an invalid label value; second pass: the editor sees the error block and fixes it.
        s.environment["KUBE_EDITOR"] = editor(s, "ed.sh", """
            if grep -q 'was not valid' "$1"; then cp "$1" \(copy); sed -i 's/bad value!/good/' "$1"; else sed -i 's/^    app: web$/    app: bad value!/' "$1"; fi
            """)
        let r = s.run("edit deploy web")
        #expect(r.stdout == "deployment.apps/web edited\n")
        #expect(r.stderr.hasPrefix("error: deployments.apps \"web\" is invalid\n"))
        let seen = readTextFile(copy) ?? ""
        #expect(seen.hasPrefix("""
            # Please edit the object below. Lines beginning with a '#' will be ignored,
            # and an empty file will abort the edit. If an error occurs while saving this file will be
            # reopened with the relevant failures.
            #
            # deployments.apps "web" was not valid:
            # * metadata.labels: Invalid value: "bad value!"
            """))
        #expect(s.run("get deploy web -o yaml").stdout.contains("    app: good\n"))
    }

    /// `create --edit` (texts and exit codes as kubectl v1.32 prints them against a fake API server,
    /// 2026-12-05): each object of the file opens in the editor, with its namespace; what is saved is
    /// created; an unchanged file creates nothing; `-o` is the editing format and how the result prints
    /// (json or yaml only); dry-run does not apply; a failed create keeps the edited file.
    @Test func createEditCreatesTheEditedObject() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm1\ndata:\n  a: \"1\"\n")
        let seen = s.directory + "/seen.txt"
        s.environment["EDITOR"] = editor(s, "ed.sh", "cp \"$1\" \(seen); sed -i s/cm1/cm2/ \"$1\"")
        var r = s.run("create --edit -f \(f) --dry-run=client")
        #expect(r == CLIResult(stdout: "configmap/cm2 created\n", stderr: "", exitCode: 0))
        #expect(readTextFile(seen) == """
            # Please edit the object below. Lines beginning with a '#' will be ignored,
            # and an empty file will abort the edit. If an error occurs while saving this file will be
            # reopened with the relevant failures.
            #

            """ + "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: cm1\n  namespace: default\n")
        #expect(s.run("get cm cm2 -o name").stdout == "configmap/cm2\n")
        r = s.run("create --edit -f \(f)")
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("A copy of your changes has been stored to \"/tmp/kubectl-edit-"))
        #expect(r.stderr.hasSuffix(".yaml\"\nError from server (AlreadyExists): configmaps \"cm2\" already exists\n"))
        s.environment["EDITOR"] = "true"
        #expect(s.run("create --edit -f \(f)") == CLIResult(stdout: "", stderr: "Edit cancelled, no changes made.\n", exitCode: 0))
        #expect(s.run("get cm cm1").exitCode == 1)
        #expect(s.run("create --edit -f \(f) -o name") == CLIResult(stdout: "", stderr: "error: unable to match a printer suitable for the output format \"name\", allowed formats are: json,yaml\n", exitCode: 1))
        #expect(s.run("create --edit -f \(s.directory)/none.yaml -o name").stderr.hasPrefix("error: the path \""))
    }

    /// `apply --overwrite=false`: a patch touching a field someone else changed since the last apply is
    /// refused with kubectl's text (byte-identical to kubectl v1.32's against a fake API server serving
    /// the same live object, 2026-12-05); a patch adding new fields only goes through.
    @Test func applyWithoutOverwriteRefusesConflicts() {
        let s = TestStore()
        let cm = { (name: String, data: String) in "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n\(data)" }
        #expect(s.run("apply -f \(s.writeFile("a1.yaml", cm("cm1", "  a: \"1\"\n")))").exitCode == 0)
        #expect(s.run("patch cm cm1 -p '{\"data\":{\"a\":\"2\",\"b\":\"x\"}}'").exitCode == 0)
        let r = s.run("apply -f \(s.writeFile("a.yaml", cm("cm1", "  a: \"3\"\n"))) --overwrite=false")
        let file = s.directory + "/a.yaml"
        #expect(r.exitCode == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("""
            error: error when applying patch:

            to:
            Resource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"
            Name: "cm1", Namespace: "default"
            for: "\(file)": error when patching "\(file)": creating patch with:
            original:
            {"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cm1","namespace":"default"}}

            modified:
            {"apiVersion":"v1","data":{"a":"3"},"kind":"ConfigMap","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"a\\":\\"3\\"},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"cm1\\",\\"namespace\\":\\"default\\"}}\\n"},"name":"cm1","namespace":"default"}}

            current:
            {"apiVersion":"v1","data":{"a":"2","b":"x"},"kind":"ConfigMap","metadata":{"annotations":
            """))
        #expect(r.stderr.contains("""

            for:: patch:
            data:
              a: "3"
            metadata:
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: |
                  {"apiVersion":"v1","data":{"a":"3"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cm1","namespace":"default"}}

            conflicts with changes made from original to current:
            data:
              a: "2"
              b: x
            metadata:
              annotations:
            """))
        #expect(r.stderr.hasSuffix("\n\n"))
        #expect(s.run("get cm cm1 -o jsonpath={.data.a}").stdout == "2")
        // Only new fields (no last-applied annotation: nothing to conflict with but the live values).
        #expect(s.run("create -f \(s.writeFile("a2.yaml", cm("cm2", "  a: \"1\"\n")))").exitCode == 0)
        let ok = s.run("apply -f \(s.writeFile("a3.yaml", cm("cm2", "  a: \"1\"\n  c: new\n"))) --overwrite=false")
        #expect(ok.stdout == "configmap/cm2 configured\n")
        #expect(ok.exitCode == 0)
    }

    @Test func editSyntaxErrorUnfixedIsCancelled() {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("d.yaml", Self.deployment))").exitCode == 0)
        s.environment["KUBE_EDITOR"] = editor(s, "ed.sh", "grep -q 'syntax error' \"$1\" || echo 'spec: [' >> \"$1\"")
        let r = s.run("edit deploy web")
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("A copy of your changes has been stored to \""))
        #expect(r.stderr.hasSuffix("error: Edit cancelled, no valid changes were saved.\n"))
    }

    @Test func replaceAndForce() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", Self.pod)
        #expect(s.run("create -f \(f)").exitCode == 0)
        let uid1 = s.run("get pod test-pod -o yaml").stdout
        let f2 = s.writeFile("pod2.yaml", replacing(Self.pod, "test-pod-label", "replaced"))
        // A running pod's spec is fixed (ValidatePodUpdate): the manifest lacks nodeName and the
        // service-account volume the pod got on create, so the API server refuses the replace.
        let refused = s.run("replace -f \(f2)")
        #expect(refused.stderr.hasPrefix("The Pod \"test-pod\" is invalid: spec: Forbidden: pod updates may not change fields other than "))
        #expect(refused.exitCode == 1)
        #expect(s.run("get pod test-pod -o yaml").stdout == uid1)
        let r = s.run("replace --force -f \(f)")
        #expect(r == CLIResult(stdout: "pod \"test-pod\" deleted\npod/test-pod replaced\n", stderr: "", exitCode: 0))
        #expect(s.run("get pod test-pod -o yaml").stdout != uid1)
        let missing = s.writeFile("m.yaml", replacing(Self.pod, "name: test-pod\n", "name: other\n"))
        let e = s.run("replace -f \(missing)")
        #expect(e.stderr == "Error from server (NotFound): error when replacing \"\(missing)\": pods \"other\" not found\n")
        #expect(e.exitCode == 1)
    }

    /// kubectl's forceReplace deletes every object of the files, then creates each: the deletions print first,
    /// and a refused create is the server's error as it is (no `error when replacing` around it); the object
    /// stays deleted, as on a cluster.
    @Test func forceReplaceDeletesAllThenCreates() {
        let s = TestStore()
        #expect(s.run("create cm a --from-literal=x=1").exitCode == 0)
        #expect(s.run("create cm b --from-literal=x=1").exitCode == 0)
        let f = s.writeFile("ab.yaml", s.run("get cm a b -o yaml").stdout)
        #expect(s.run("replace --force -f \(f)") == CLIResult(
            stdout: "configmap \"a\" deleted\nconfigmap \"b\" deleted\nconfigmap/a replaced\nconfigmap/b replaced\n", stderr: "", exitCode: 0))
        let bad = s.writeFile("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: 1}\n")
        let r = s.run("replace --force -f \(bad)")
        #expect(r == CLIResult(stdout: "configmap \"a\" deleted\n", stderr: "Error from server (BadRequest): ConfigMap in version \"v1\" cannot be handled "
            + "as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string\n", exitCode: 1))
        #expect(s.run("get cm -o name").stdout == "configmap/b\nconfigmap/kube-root-ca.crt\n")
    }

    @Test func diffExitCodes() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", Self.pod)
        // Not yet created: everything is new.
        var r = s.run("diff -f \(f)")
        #expect(r.exitCode == 1)
        #expect(r.stdout.contains("+kind: Pod"))
        #expect(r.stdout.contains("/v1.Pod.default.test-pod"))
        #expect(s.run("apply -f \(f)").exitCode == 0)
        r = s.run("diff -f \(f)")
        #expect(r == CLIResult(stdout: "", stderr: "", exitCode: 0))
        let f2 = s.writeFile("pod2.yaml", replacing(Self.pod, "test-pod-label", "changed"))
        r = s.run("diff -f \(f2)")
        #expect(r.exitCode == 1)
        #expect(r.stdout.contains("-    name: test-pod-label\n+    name: changed\n"))
        // The store is not changed by diff.
        #expect(s.run("get pod test-pod -o yaml").stdout.contains("name: test-pod-label"))
        // External diff program; errors exit with 2.
        s.environment["KUBECTL_EXTERNAL_DIFF"] = "ls"
        r = s.run("diff -f \(f2)")
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("v1.Pod.default.test-pod"))
        s.environment["KUBECTL_EXTERNAL_DIFF"] = nil
        r = s.run("diff -f /nonexistent.yaml")
        #expect(r == CLIResult(stdout: "", stderr: "error: the path \"/nonexistent.yaml\" does not exist\n", exitCode: 2))
    }
}

@Suite struct LastAppliedCommandTests {
    @Test func viewAndSetLastApplied() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n")
        #expect(s.run("create -f \(f)").exitCode == 0)
        // Without the annotation an object named by arguments is skipped quietly, one from a file fails
        // (kubectl v1.32 against a served ConfigMap: `kubectl apply view-last-applied cm c-9` prints
        // nothing and exits 0; `-f c9.yaml` prints the error below with `"c9.yaml": <nil>`).
        #expect(s.run("apply view-last-applied cm/cfg") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("apply view-last-applied -f \(f)")
            == CLIResult(stdout: "", stderr: "error: error when no last-applied-configuration annotation found on resource: cfg\n \"\(f)\": <nil>\n", exitCode: 1))
        #expect(s.run("apply set-last-applied -f \(f)").stderr == "error: no last-applied-configuration annotation found on resource: cfg, to create the annotation, run the command with --create-annotation\n")
        #expect(s.run("apply set-last-applied -f \(f) --create-annotation --dry-run=client").stdout == "configmap/cfg configured (dry run)\n")
        #expect(s.run("apply view-last-applied cm/cfg -o bad") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("apply set-last-applied -f \(f) --create-annotation").stdout == "configmap/cfg configured\n")
        #expect(s.run("apply view-last-applied cm/cfg").stdout == """
            apiVersion: v1
            data:
              a: "1"
            kind: ConfigMap
            metadata:
              annotations: {}
              name: cfg
              namespace: default

            """)
        #expect(s.run("apply view-last-applied -f \(f) -o json").stdout == """
            {
              "apiVersion": "v1",
              "data": {
                "a": "1"
              },
              "kind": "ConfigMap",
              "metadata": {
                "annotations": {},
                "name": "cfg",
                "namespace": "default"
              }
            }

            """)
    }
}
