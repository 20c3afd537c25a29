import KubeModel
import KubeTestSupport
import Testing

/// Validation and update rules of the admission chain: each refusal prints the API server's
/// `The <Kind> "<name>" is invalid: <field>: <detail>` and leaves the store unchanged.
@Suite struct AdmissionValidationTests {
    static let rc = """
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: web
        spec:
          replicas: 2
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx

        """

    @Test func replicationControllerSelectorDefaultsFromTemplate() {
        let s = TestStore()
        let f = s.writeFile("rc.yaml", Self.rc)
        #expect(s.run("create -f \(f)").stdout == "replicationcontroller/web created\n")
        #expect(s.run("get rc web -o jsonpath={.spec.selector.app}/{.metadata.labels.app}").stdout == "web/web")
        #expect(s.run("get pods -l app=web -o name").stdout.split(separator: "\n").count == 2)
    }

    @Test func replicationControllerMismatchIsRefused() {
        let s = TestStore()
        let f = s.writeFile("rc.yaml", Self.rc.replacingAll("  replicas: 2\n", with: "  replicas: 2\n  selector:\n    app: other\n"))
        #expect(s.run("apply -f \(f)") == CLIResult(stdout: "", stderr: """
            The ReplicationController "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`

            """, exitCode: 1))
        #expect(s.run("get rc,pods").stderr == "No resources found in default namespace.\n")
    }

    @Test func replicationControllerWithoutSelectorOrLabels() {
        let s = TestStore()
        let f = s.writeFile("rc.yaml", Self.rc.replacingAll("      labels:\n        app: web\n", with: "      annotations:\n        a: b\n"))
        let r = s.run("create -f \(f)")
        #expect(r.stderr == "The ReplicationController \"web\" is invalid: spec.selector: Required value\n")
        #expect(r.exitCode == 1)
    }

    @Test func negativeReplicas() {
        let s = TestStore()
        #expect(s.run("create deployment x --image=nginx --replicas=-1") == CLIResult(stdout: "", stderr: """
            error: failed to create deployment: Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0

            """, exitCode: 1))
        _ = s.run("create deployment web --image=nginx")
        let r = s.run(args: ["patch", "deploy", "web", "-p", #"{"spec":{"replicas":-3}}"#])
        #expect(r.stderr == "The Deployment \"web\" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0\n")
    }

    @Test func containerNameAndProtocol() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: myContainer
                image: nginx
                ports:
                - containerPort: 80
                  protocol: udp

            """)
        for verb in ["create", "apply"] {
            #expect(s.run("\(verb) -f \(f)") == CLIResult(stdout: "", stderr: """
                The Pod "p" is invalid: 
                * spec.containers[0].name: Invalid value: "myContainer": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
                * spec.containers[0].ports[0].protocol: Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"

                """, exitCode: 1), "\(verb)")
        }
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
    }

    @Test func duplicatePortWarning() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: web
                image: nginx
                ports:
                - containerPort: 80
                - containerPort: 80

            """)
        #expect(s.run("create -f \(f)") == CLIResult(
            stdout: "pod/p created\n",
            stderr: "Warning: spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]\n", exitCode: 0))
    }

    @Test func configMapKeysSizeAndImmutable() {
        let s = TestStore()
        let bad = s.writeFile("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a/b: x\n")
        #expect(s.run("apply -f \(bad)").stderr == """
            The ConfigMap "c" is invalid: data[a/b]: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')

            """)
        let big = s.writeFile("big.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: " + String(repeating: "x", count: 1024 * 1024 + 1) + "\n")
        #expect(s.run("create -f \(big)").stderr == "The ConfigMap \"big\" is invalid: : Too long: must have at most 1048576 bytes\n")
        let imm = s.writeFile("imm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: imm\nimmutable: true\ndata:\n  a: \"1\"\n")
        #expect(s.run("apply -f \(imm)").stdout == "configmap/imm created\n")
        let changed = s.writeFile("imm2.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: imm\nimmutable: true\ndata:\n  a: \"2\"\n")
        #expect(s.run("apply -f \(changed)") == CLIResult(stdout: "", stderr: """
            The ConfigMap "imm" is invalid: data: Forbidden: field is immutable when `immutable` is set

            """, exitCode: 1))
        #expect(s.run("get cm imm -o jsonpath={.data.a}").stdout == "1")
        #expect(s.run("label cm imm x=y").stdout == "configmap/imm labeled\n")
    }

    @Test func secretStringDataMergesIntoData() {
        let s = TestStore()
        let f = s.writeFile("s.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  user: admin\ndata:\n  user: b2xk\n  pw: cGFzcw==\n")
        #expect(s.run("create -f \(f)").stdout == "secret/s created\n")
        #expect(s.run("get secret s -o jsonpath={.data.user},{.data.pw},{.stringData}").stdout == "YWRtaW4=,cGFzcw==,")
    }

    @Test func deploymentSelectorIsImmutable() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx")
        let r = s.run(args: ["patch", "deploy", "web", "-p",
                             #"{"spec":{"selector":{"matchLabels":{"app":"v2"}},"template":{"metadata":{"labels":{"app":"v2"}}}}}"#])
        #expect(r == CLIResult(stdout: "", stderr: """
            The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"v2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable

            """, exitCode: 1))
        #expect(s.run("get deploy web -o jsonpath={.spec.selector.matchLabels.app}").stdout == "web")
    }

    @Test func podUpdateRules() {
        let s = TestStore()
        _ = s.run("run p --image=nginx")
        let r = s.run("set env pod/p A=1")
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("Pod \"p\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n"))
        #expect(s.run("get pod p -o jsonpath={.spec.containers[0].env}").stdout == "")
        #expect(s.run("set image pod/p p=nginx:1.27").stdout == "pod/p image updated\n")
    }
}
