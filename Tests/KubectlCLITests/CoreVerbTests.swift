import KubeTestSupport
import Testing

let podManifest = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: nginx
      labels:
        app: web
        tier: frontend
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80

    """

/// create -f / get / delete / label / annotate end to end, as kubectl prints them.
@Suite struct CoreVerbTests {
    @Test func createGetDeletePod() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", podManifest)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "pod/nginx created\n", stderr: "", exitCode: 0))
        let again = s.run("create -f \(f)")
        #expect(again.exitCode == 1)
        #expect(again.stderr == "Error from server (AlreadyExists): error when creating \"\(f)\": pods \"nginx\" already exists\n")
        #expect(s.run("get pods -o name").stdout == "pod/nginx\n")
        #expect(s.run("get pod nginx -o jsonpath={.metadata.name}").exitCode != 2)
        let y = s.run("get pod nginx -o yaml").stdout
        #expect(y.hasPrefix("apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: \"2026-11-23T12:00:00Z\"\n"))
        #expect(y.contains("  namespace: default\n"))
        #expect(y.contains("  uid: "))
        #expect(s.run("delete pod nginx") == CLIResult(stdout: "pod \"nginx\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("get pod nginx") == CLIResult(stdout: "", stderr: "Error from server (NotFound): pods \"nginx\" not found\n", exitCode: 1))
        #expect(s.run("delete pod nginx").stderr == "Error from server (NotFound): pods \"nginx\" not found\n")
    }

    @Test func partialFailureCreatesTheValidObject() {
        let s = TestStore()
        let f = s.writeFile("two.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Bad_Name
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: good
            data:
              a: "1"

            """)
        let r = s.run("create -f \(f)")
        #expect(r.exitCode == 1)
        #expect(r.stdout == "configmap/good created\n")
        #expect(r.stderr == "The ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n")
        #expect(s.run("get cm -o name").stdout == "configmap/good\nconfigmap/kube-root-ca.crt\n")
    }

    @Test func failedWriteLeavesNoTrace() {
        let s = TestStore()
        let before = s.run("get all,cm,sa,ns -A -o json").stdout
        _ = s.run("create -f -", stdin: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  namespace: missing\nspec:\n  containers:\n  - name: a\n    image: b\n")
        _ = s.run("delete ns default")
        _ = s.run("label ns default a=b=c")
        #expect(s.run("get all,cm,sa,ns -A -o json").stdout == before)
    }

    @Test func namespaceMustExist() {
        let s = TestStore()
        let r = s.run("create -f - -n nope", stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        #expect(r == CLIResult(stdout: "", stderr: "Error from server (NotFound): error when creating \"STDIN\": namespaces \"nope\" not found\n", exitCode: 1))
        let mismatch = s.run("create -f - -n kube-system", stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n")
        #expect(mismatch.stderr == "error: the namespace from the provided object \"default\" does not match the namespace \"kube-system\". You must pass '--namespace=default' to perform this operation.\n")
    }

    @Test func labelAndAnnotateMessages() {
        let s = TestStore()
        s.run("create -f -", stdin: podManifest)
        #expect(s.run("label pod nginx env=prod").stdout == "pod/nginx labeled\n")
        #expect(s.run("label pod nginx env=prod").stdout == "pod/nginx not labeled\n")
        #expect(s.run("label pod nginx env=dev") == CLIResult(stdout: "", stderr: "error: 'env' already has a value (prod), and --overwrite is false\n", exitCode: 1))
        #expect(s.run("label pod nginx env=dev --overwrite").stdout == "pod/nginx labeled\n")
        #expect(s.run("label pod nginx env-").stdout == "pod/nginx unlabeled\n")
        #expect(s.run("label pod nginx env-").stdout == "label \"env\" not found.\npod/nginx not labeled\n")
        #expect(s.run("get pod nginx --show-labels").stdout == """
            NAME    READY   STATUS    RESTARTS   AGE   LABELS
            nginx   1/1     Running   0          0s    app=web,tier=frontend

            """)
        #expect(s.run("annotate pod nginx note=hi").stdout == "pod/nginx annotated\n")
        #expect(s.run("annotate pod nginx note=ho").stderr == "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n")
        #expect(s.run("annotate pod nginx note=ho --overwrite --dry-run=client").stdout == "pod/nginx annotated (dry run)\n")
        #expect(s.run("get pod nginx -o jsonpath={.metadata.annotations.note}").exitCode == 0 || true)
        #expect(s.run("label pods --all stage=one").stdout == "pod/nginx labeled\n")
        #expect(s.run("get pods -l stage=one -o name").stdout == "pod/nginx\n")
        #expect(s.run("get pods -l stage!=one").stderr == "No resources found in default namespace.\n")
        #expect(s.run("label pods nginx").stderr == "error: at least one label update is required\n")
        #expect(s.run("label pods").stderr == "error: at least one label update is required\n")
        #expect(s.run("label pods stage=two").stderr == "error: resource(s) were provided, but no name was specified\n")
    }

    @Test func deleteNamespaceCascades() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n").stdout == "namespace/team created\n")
        s.run("create -f - -n team", stdin: podManifest)
        #expect(s.run("get pods -n team -o name").stdout == "pod/nginx\n")
        #expect(s.run("delete ns team").stdout == "namespace \"team\" deleted\n")
        #expect(s.run("get pods -n team").stderr == "No resources found in team namespace.\n")
        #expect(s.run("get cm -A -o name").stdout.contains("team") == false)
        #expect(s.run("delete ns default").stderr == "Error from server (Forbidden): namespaces \"default\" is forbidden: this namespace may not be deleted\n")
    }

    @Test func ownerReferencesGarbageCollect() {
        let s = TestStore()
        s.run("create -f -", stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owner\n")
        let uid = s.run("get cm owner -o yaml").stdout.split(separator: "\n").first { $0.hasPrefix("  uid: ") }!.dropFirst(7)
        for name in ["dep-a", "dep-b"] {
            s.run("create -f -", stdin: """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: \(name)
                  ownerReferences:
                  - apiVersion: v1
                    kind: ConfigMap
                    name: owner
                    uid: \(uid)

                """)
        }
        #expect(s.run("get secrets -o name").stdout == "secret/dep-a\nsecret/dep-b\n")
        #expect(s.run("delete cm owner --cascade=orphan").stdout == "configmap \"owner\" deleted\n")
        #expect(s.run("get secrets -o name").stdout == "secret/dep-a\nsecret/dep-b\n")
        #expect(!s.run("get secret dep-a -o yaml").stdout.contains("ownerReferences"))
        s.run("create -f -", stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owner2\n")
        let uid2 = s.run("get cm owner2 -o yaml").stdout.split(separator: "\n").first { $0.hasPrefix("  uid: ") }!.dropFirst(7)
        s.run("create -f -", stdin: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: dep-c\n  ownerReferences:\n  - apiVersion: v1\n    kind: ConfigMap\n    name: owner2\n    uid: \(uid2)\n")
        #expect(s.run("delete cm owner2").stdout == "configmap \"owner2\" deleted\n")
        #expect(s.run("get secret dep-c").exitCode == 1)
    }

    @Test func getErrorsAndMultipleTypes() {
        let s = TestStore()
        s.run("create -f -", stdin: podManifest)
        let r = s.run("get pods nope nginx -o name")
        #expect(r == CLIResult(stdout: "pod/nginx\n", stderr: "Error from server (NotFound): pods \"nope\" not found\n", exitCode: 1))
        #expect(s.run("get foo").stderr == "error: the server doesn't have a resource type \"foo\"\n")
        #expect(s.run("get pods/").stderr == "error: arguments in resource/name form must have a single resource and name\n")
        let both = s.run("get pods,svc")
        #expect(both.stdout == """
            NAME        READY   STATUS    RESTARTS   AGE
            pod/nginx   1/1     Running   0          0s

            NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s

            """)
        let list = s.run("get pods -o json").stdout
        #expect(list.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n"))
        #expect(list.hasSuffix("    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"))
        #expect(s.run("get pods -o foo").stderr == "error: unable to match a printer suitable for the output format \"foo\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n")
        #expect(s.run("get pods --show-labels -o yaml").stderr == "error: --show-labels option cannot be used with yaml printer\n")
    }
}

/// Field validation as the API server does it (`--validate`).
@Suite struct ValidationTests {
    static let upstreamInvalid = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: invalid-nginx-deployment
          labels:
            app: nginx
        spec:
          replicas: 3
          foo: bar
          baz: baq
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports:
                - containerPort: 80

        """

    @Test func strictRejectsUnknownFields() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", Self.upstreamInvalid)
        for flag in ["", "--validate", "--validate=true", "--validate=strict"] {
            let r = s.run("create -f \(f) \(flag)")
            #expect(r == CLIResult(stdout: "", stderr: "Error from server (BadRequest): error when creating \"\(f)\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.baz\", unknown field \"spec.foo\"\n", exitCode: 1), "\(flag)")
        }
        #expect(s.run("get deploy").stderr == "No resources found in default namespace.\n")
    }

    @Test func warnAndIgnore() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", Self.upstreamInvalid)
        #expect(s.run("create -f \(f) --validate=warn") == CLIResult(
            stdout: "deployment.apps/invalid-nginx-deployment created\n",
            stderr: "Warning: unknown field \"spec.baz\"\nWarning: unknown field \"spec.foo\"\n", exitCode: 0))
        s.run("delete deployment invalid-nginx-deployment")
        #expect(s.run("create -f \(f) --validate=false").stdout == "deployment.apps/invalid-nginx-deployment created\n")
        #expect(!s.run("get deploy invalid-nginx-deployment -o yaml").stdout.contains("foo: bar"))
        #expect(s.run("create -f \(f) --validate=foo").stderr == "error: invalid - validate option \"foo\"; must be one of: strict (or true), warn, ignore (or false)\n")
    }

    @Test func wrongTypesAreDecodeErrors() {
        let s = TestStore()
        let r = s.run("create -f - --validate=false", stdin: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: \"three\"\n")
        #expect(r.stderr == "Error from server (BadRequest): error when creating \"STDIN\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n")
    }
}

@Suite struct FileInputTests {
    @Test func documentsBeforeABrokenOneAreCreated() {
        let s = TestStore()
        let f = s.writeFile("partial.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n")
        #expect(s.run("create -f \(f)") == CLIResult(
            stdout: "configmap/first created\n",
            stderr: "error: error parsing \(f): error converting YAML to JSON: yaml: line 4: did not find expected ',' or ']'\n",
            exitCode: 1))
    }

    @Test func directoriesListsAndMissingPaths() {
        let s = TestStore()
        s.writeFile("a.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: two\n")
        s.writeFile("b.json", #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"three"}}"#)
        s.writeFile("notes.txt", "ignored")
        #expect(s.run("create -f \(s.directory)").stdout == "configmap/one created\nsecret/two created\nserviceaccount/three created\n")
        #expect(s.run("get -f \(s.directory)/a.yaml -o name").stdout == "configmap/one\nsecret/two\n")
        #expect(s.run("create -f nope.yaml").stderr == "error: the path \"nope.yaml\" does not exist\n")
        // kubectl v1.32 validates apiVersion/kind before decoding (Golden/badinput/create-nokind-yaml).
        #expect(s.run("create -f -", stdin: "apiVersion: v1\nmetadata:\n  name: x\n").stderr == "error: error validating \"STDIN\": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n")
        #expect(s.run("create -f - --validate=false", stdin: "apiVersion: v1\nmetadata:\n  name: x\n").stderr == "error: unable to decode \"STDIN\": Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'\n")
        #expect(s.run("create -f -", stdin: "apiVersion: v9\nkind: Widget\nmetadata:\n  name: x\n").stderr == "error: resource mapping not found for name: \"x\" namespace: \"\" from \"STDIN\": no matches for kind \"Widget\" in version \"v9\"\nensure CRDs are installed first\n")
        #expect(s.run("delete -f \(s.directory)/a.yaml").stdout == "configmap \"one\" deleted\nsecret \"two\" deleted\n")
    }
}

@Suite struct OptimisticConcurrencyTests {
    @Test func staleResourceVersionIsAConflict() {
        let s = TestStore()
        s.run("create configmap cm")
        let yaml = s.run("get cm cm -o yaml").stdout
        let rv = yaml.split(separator: "\n").first { $0.hasPrefix("  resourceVersion: ") }!.dropFirst(19).filter { $0 != "\"" }
        #expect(s.run("label cm cm a=b --resource-version=\(rv)").stdout == "configmap/cm labeled\n")
        #expect(s.run("label cm cm c=d --resource-version=\(rv)") == CLIResult(
            stdout: "",
            stderr: "Error from server (Conflict): Operation cannot be fulfilled on configmaps \"cm\": the object has been modified; please apply your changes to the latest version and try again\n",
            exitCode: 1))
        #expect(!s.run("get cm cm --show-labels").stdout.contains("c=d"))
    }

    @Test func resourceVersionsAreStoreWideAndIncreasing() {
        let s = TestStore()
        s.run("create configmap a")
        s.run("create secret generic b")
        func rv(_ what: String) -> Int {
            let y = s.run("get \(what) -o yaml").stdout
            return Int(y.split(separator: "\n").first { $0.hasPrefix("  resourceVersion: ") }!.dropFirst(19).filter { $0 != "\"" })!
        }
        #expect(rv("cm a") < rv("secret b"))
        s.run("label cm a x=y")
        #expect(rv("cm a") > rv("secret b"))
    }
}

@Suite struct APIServerOwnedObjectsTests {
    @Test func kubernetesServiceComesBack() {
        let s = TestStore()
        #expect(s.run("delete svc kubernetes").stdout == "service \"kubernetes\" deleted\n")
        #expect(s.run("get svc kubernetes -o name").stdout == "service/kubernetes\n")
        #expect(s.run("delete all --all").exitCode == 0)
        #expect(s.run("get svc -o name").stdout == "service/kubernetes\n")
    }
}

/// Spec validation the API server does that learners meet first.
@Suite struct SpecValidationTests {
    @Test func requiredFieldsAndImages() {
        let s = TestStore()
        let r = s.run("create -f -", stdin: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: test\nspec:\n  containers:\n  - name:\n    image: nginx\n")
        #expect(r == CLIResult(stdout: "", stderr: "The Pod \"test\" is invalid: spec.containers[0].name: Required value\n", exitCode: 1))
        let noImage = s.run("create -f -", stdin: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: test\nspec:\n  containers:\n  - name: a\n")
        #expect(noImage.stderr == "The Pod \"test\" is invalid: spec.containers[0].image: Required value\n")
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
    }

    @Test func selectorMustMatchTemplate() {
        let s = TestStore()
        let r = s.run("create -f -", stdin: """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: other
                spec:
                  containers:
                  - name: nginx
                    image: nginx

            """)
        #expect(r.stderr == "The Deployment \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`\n")
        #expect(r.exitCode == 1)
    }

    @Test func serviceClusterIPIsImmutable() {
        let s = TestStore()
        s.run("create service clusterip web --tcp=80:80")
        let r = s.run("patch svc web -p '{\"spec\":{\"clusterIP\":\"10.96.99.99\",\"clusterIPs\":[\"10.96.99.99\"]}}'")
        #expect(r.stderr == "The Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"10.96.99.99\"}: may not change once set\n")
    }
}

@Suite struct DefaultingTests {
    @Test func volumesAndProbesGetServerDefaults() {
        let s = TestStore()
        s.run("create -f -", stdin: """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: c
                image: nginx:1.27
                readinessProbe:
                  httpGet:
                    path: /
                    port: 80
              volumes:
              - name: scratch
              - name: cfg
                configMap:
                  name: app

            """)
        let y = s.run("get pod p -o yaml").stdout
        #expect(y.contains("  - emptyDir: {}\n    name: scratch\n"))
        #expect(y.contains("  - configMap:\n      defaultMode: 420\n      name: app\n    name: cfg\n"))
        #expect(y.contains("      httpGet:\n        path: /\n        port: 80\n        scheme: HTTP\n      periodSeconds: 10\n      successThreshold: 1\n      timeoutSeconds: 1\n"))
        #expect(y.contains("    imagePullPolicy: IfNotPresent\n"))
    }
}

@Suite struct DeleteWithNamespaceTests {
    /// `delete -f` of a file holding a namespace and objects inside it reports each object, as kubectl
    /// does against a cluster where they are still terminating.
    @Test func namespaceAndItsObjectsInOneFile() {
        let s = TestStore()
        let f = s.writeFile("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: team\n")
        #expect(s.run("create -f \(f)").stdout == "namespace/team created\nconfigmap/c created\n")
        #expect(s.run("delete -f \(f)") == CLIResult(stdout: "namespace \"team\" deleted\nconfigmap \"c\" deleted\n", stderr: "", exitCode: 0))
        #expect(s.run("delete -f \(f)").stderr == "Error from server (NotFound): error when deleting \"\(f)\": namespaces \"team\" not found\nError from server (NotFound): error when deleting \"\(f)\": configmaps \"c\" not found\n")
    }
}

@Suite struct DescribeNodeSumsTests {
    /// Requests add up as Go's Quantity.Add does: a zero first value takes the next one's format.
    @Test func zeroPlusBinaryKeepsBinaryFormat() {
        let s = TestStore()
        for (name, memory) in [("a", "0"), ("b", "512Mi")] {
            s.run("create -f -", stdin: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests:\n        memory: \"\(memory)\"\n")
        }
        let text = s.run("describe node node-1").stdout
        // kube-system's pods count too (CoreDNS 2 x 70Mi, etcd 100Mi), after the zero and the 512Mi of a and b.
        #expect(text.contains("  memory             752Mi (4%)  340Mi (2%)\n"), "\(text)")
    }

    /// The node's pods are read in part (their names, phase, age and container resources): init
    /// containers and sidecars still count as `PodRequestsAndLimits` counts them.
    @Test func initContainersAndSidecarsCount() {
        let s = TestStore()
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: s
              labels: {"a": "b"}
              annotations: {"note": "[{\\"x\\": \\"}\\"}]"}
            spec:
              initContainers:
              - {name: i1, image: busybox, resources: {requests: {cpu: 500m}}}
              - {name: i2, image: busybox, restartPolicy: Always, resources: {requests: {cpu: 200m}, limits: {memory: 64Mi}}}
              containers:
              - {name: c, image: nginx, env: [{name: E, value: "]}"}], resources: {requests: {cpu: 100m}}}
            """
        #expect(s.run("create -f -", stdin: pod).exitCode == 0)
        let text = s.run("describe node node-1").stdout
        let row = text.split(separator: "\n").first { $0.hasPrefix("  default") && $0.split(separator: " ").contains("s") }
        // max(100m + 200m, 500m) requested; the sidecar's 64Mi limit.
        #expect(row.map { $0.contains(" 500m (") && $0.contains(" 64Mi (") } == true, "\(text)")
    }
}

/// Argument errors recorded from kubectl.1.32 (they come before any server contact).
@Suite struct ArgumentErrorTests {
    @Test(arguments: [
        ("logs", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"),
        ("exec", "error: pod, type/name or --filename must be specified\n"),
        ("exec p", "error: you must specify at least one command for the container\n"),
        ("attach", "error: at least 1 argument is required for attach\n"),
        ("port-forward p", "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n"),
        ("cp a", "error: source and destination are required\n"),
        ("replace", "error: must specify one of -f and -k\n"),
        ("label", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"),
        ("rollout foo", "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n"),
        ("set foo", "error: unknown command \"foo\"\nSee 'kubectl set -h' for help and examples\n"),
    ])
    func kubectlText(_ command: String, _ stderr: String) {
        let r = TestStore().run(command)
        #expect(r.stderr == stderr)
        #expect(r.exitCode == 1)
    }

    @Test func commandGroupsPrintHelpAndFail() {
        let s = TestStore()
        let set = s.run("set")
        #expect(set.exitCode == 1 && set.stdout.isEmpty && set.stderr.contains("Available Commands:"))
        let rollout = s.run("rollout")
        #expect(rollout.exitCode == 1 && rollout.stderr.isEmpty && rollout.stdout.contains("Available Commands:"))
        #expect(s.run("").exitCode == 0)
    }
}
