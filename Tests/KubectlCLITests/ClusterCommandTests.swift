import KubeTestSupport
import KubeModel
import Testing

/// get --raw, events -w, cluster-info dump, version and proxy: what the user sees, on a fresh store.
@Suite struct ClusterCommandTests {
    @Test func rawHealthVersionAndDiscovery() {
        let s = TestStore()
        #expect(s.run(args: ["get", "--raw", "/healthz"]) == CLIResult(stdout: "ok", stderr: "", exitCode: 0))
        #expect(s.run(args: ["get", "--raw", "/livez/etcd"]).stdout == "ok")
        let ready = s.run(args: ["get", "--raw", "/readyz?verbose"]).stdout
        #expect(ready.hasPrefix("[+]ping ok\n[+]log ok\n[+]etcd ok\n[+]etcd-readiness ok\n"))
        #expect(ready.hasSuffix("[+]shutdown ok\nreadyz check passed\n"))
        #expect(s.run(args: ["get", "--raw", "/version"]).stdout.contains("\"gitVersion\": \"v1.32.5\""))
        #expect(s.run(args: ["get", "--raw", "/api"]).stdout.hasPrefix("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]"))
        let apps = s.run(args: ["get", "--raw", "/apis/apps/v1"]).stdout
        #expect(apps.contains("{\"name\":\"deployments\",\"singularName\":\"deployment\",\"namespaced\":true,\"kind\":\"Deployment\""))
        #expect(apps.contains("\"name\":\"deployments/scale\""))
        #expect(s.run(args: ["get", "--raw", "/apis"]).stdout.contains("{\"name\":\"apps\",\"versions\":[{\"groupVersion\":\"apps/v1\",\"version\":\"v1\"}]"))
    }

    @Test func rawObjectsAndErrors() {
        let s = TestStore()
        s.run("create configmap c --from-literal=a=b")
        let cm = s.run(args: ["get", "--raw", "/api/v1/namespaces/default/configmaps/c"])
        #expect(cm.exitCode == 0 && cm.stdout.contains("\"data\":{\"a\":\"b\"}") && cm.stdout.hasSuffix("}\n"))
        let list = s.run(args: ["get", "--raw", "/api/v1/namespaces/default/configmaps"]).stdout
        #expect(list.hasPrefix("{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":"))
        #expect(s.run(args: ["get", "--raw", "/api/v1/namespaces/default/configmaps/zz"])
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): configmaps \"zz\" not found\n", exitCode: 1))
        for path in ["/openapi/v2", "/nope", "/livez/nope", "/apis/nope/v1"] {
            #expect(s.run(args: ["get", "--raw", path])
                == CLIResult(stdout: "", stderr: "Error from server (NotFound): the server could not find the requested resource\n", exitCode: 1))
        }
        #expect(s.run(args: ["get", "--raw", "healthz"]).stderr == "error: --raw must be a valid URL path: parse \"healthz\": invalid URI for request\n")
        #expect(s.run(args: ["get", "--raw", "/x", "pods"]).stderr == "error: arguments may not be passed when --raw is specified\n")
        #expect(s.run(args: ["get", "--raw", "/x", "-o", "yaml"]).stderr == "error: --raw and --output are mutually exclusive\n")
        #expect(s.run(args: ["get", "--raw", "/x", "-w"]).stderr
            == "error: --raw may not be specified with other flags that filter the server request or alter the output\n")
    }

    @Test func eventsWatchPrintsTheListThenStops() {
        let s = TestStore()
        s.run("run a --image=nginx")
        let r = s.run("events -w --for pod/a --types=Normal --request-timeout=1s")
        #expect(r.exitCode == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("LAST SEEN   TYPE     REASON      OBJECT   MESSAGE") == true)
        #expect(lines.count == 6, "\(r.stdout)")
        #expect(lines.dropFirst().allSatisfy { $0.contains("Pod/a") })
    }

    @Test func clusterInfoDumpWritesTheTreeAndSaysThereAreNoLogs() {
        let s = TestStore()
        s.run("run a --image=nginx")
        let dir = s.directory + "/dump"
        #expect(s.run("cluster-info dump --namespaces default --output-directory \(dir)")
            == CLIResult(stdout: "Cluster info dumped to \(dir)\n", stderr: "", exitCode: 0))
        let pods = readTextFile(dir + "/default/pods.json") ?? ""
        #expect(pods.hasPrefix("{\n    \"kind\": \"PodList\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"resourceVersion\": "))
        #expect(readTextFile(dir + "/nodes.json")?.contains("\"kind\": \"NodeList\"") == true)
        #expect(readTextFile(dir + "/default/a/logs.txt") == """
            ==== START logs for container a of pod default/a ====
            Request log error: kubectl-local has no container runtime: pods are simulated in the local store and no process runs in them, so there are no logs
            ==== END logs for container a of pod default/a ====

            """)
        #expect(readTextFile(dir + "/kube-system/pods.json") == nil)
        let yaml = s.run("cluster-info dump -o yaml --namespaces default").stdout
        #expect(yaml.hasPrefix("apiVersion: v1\nitems:\n- metadata:\n"))
        #expect(yaml.contains("kind: PodList\n") && yaml.contains("==== START logs for container a of pod default/a ====\n"))
    }

    /// The dump's log request for a container that has not started is refused by the kubelet in its own
    /// words; an unscheduled pod's log is empty (the API server has no kubelet to ask).
    @Test func clusterInfoDumpGivesTheClustersLogAnswers() {
        let s = TestStore()
        s.run("run bad --image=ngnix")
        #expect(s.run("run lost --image=nginx --overrides='{\"spec\":{\"nodeSelector\":{\"disk\":\"none\"}}}'").exitCode == 0)
        s.setNow("2026-11-23T12:00:20Z")
        let dir = s.directory + "/dump"
        #expect(s.run("cluster-info dump --namespaces default --output-directory \(dir)").exitCode == 0)
        #expect(readTextFile(dir + "/default/bad/logs.txt") == """
            ==== START logs for container bad of pod default/bad ====
            Request log error: container "bad" in pod "bad" is waiting to start: trying and failing to pull image
            ==== END logs for container bad of pod default/bad ====

            """)
        #expect(readTextFile(dir + "/default/lost/logs.txt") == """
            ==== START logs for container lost of pod default/lost ====
            ==== END logs for container lost of pod default/lost ====

            """)
    }

    @Test func versionReportsTheServer() {
        let s = TestStore()
        #expect(s.run("version").stdout == "Client Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.5\n")
        #expect(s.run("version --client").stdout == "Client Version: v1.32.5\nKustomize Version: v5.5.0\n")
        #expect(s.run("version -o json").stdout.contains("  \"serverVersion\": {\n    \"major\": \"1\",\n    \"minor\": \"32\",\n    \"gitVersion\": \"v1.32.5\",\n"))
    }

    @Test func proxyRefuses() {
        let s = TestStore()
        let r = s.run("proxy --port=8080")
        #expect(r.exitCode == 1 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: kubectl proxy needs an API server to forward requests to, and kubectl-local has none"))
    }

    /// `events --for` and `--field-selector involvedObject.name=` read one name's events through the
    /// field index; kind and namespace still decide: a pod and a deployment both named web keep apart.
    @Test func eventsOfOneObjectByNameAndKind() {
        let s = TestStore()
        #expect(s.run("run web --image=nginx:1.27").exitCode == 0)
        #expect(s.run("create deployment web --image=nginx:1.27").exitCode == 0)
        #expect(s.run("create namespace other").exitCode == 0)
        #expect(s.run("run web -n other --image=nginx:1.27").exitCode == 0)
        let rows = { (r: CLIResult) in r.stdout.split(separator: "\n").dropFirst().map(String.init) }
        let pod = rows(s.run("events --for pod/web"))
        #expect(pod.count == 4 && pod.allSatisfy { $0.contains(" Pod/web ") }, "\(pod)")
        let deployment = rows(s.run("events --for deployment/web"))
        #expect(!deployment.isEmpty && deployment.allSatisfy { $0.contains(" Deployment/web ") }, "\(deployment)")
        let kinds = { (selector: String) in
            s.run(args: ["get", "events", "--field-selector", selector,
                         "-o", "jsonpath={range .items[*]}{.involvedObject.kind}/{.metadata.namespace}{\"\\n\"}{end}"])
                .stdout.split(separator: "\n").map(String.init).sorted()
        }
        #expect(kinds("involvedObject.name=web") == Array(repeating: "Deployment/default", count: deployment.count)
                + Array(repeating: "Pod/default", count: 4))
        #expect(kinds("involvedObject.name=web,involvedObject.kind=Pod") == Array(repeating: "Pod/default", count: 4))
        #expect(s.run("get events -A --field-selector involvedObject.name=web,involvedObject.namespace=other -o name")
                .stdout.split(separator: "\n").count == 4)
        #expect(s.run("get events --field-selector involvedObject.name=nothing").stderr == "No resources found in default namespace.\n")
    }
}
