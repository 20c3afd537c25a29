import KubeTestSupport
import Testing

/// Server-side apply's first step on the API server: the body becomes a typed value of the kind's schema
/// (structured-merge-diff), and what does not fit is a 500 `failed to create typed patch object (...)`
/// before anything is merged, defaulted or validated. The goldens are kubectl v1.32's output for the
/// server's answer computed by structured-merge-diff itself (Golden/ssatyped/record.sh); two of the
/// cases never reach the server (kubectl's own decoding of metadata refuses them).
@Suite struct ApplyTypedConversionTests {
    static let dir = besideTest("../Golden/ssatyped")
    static let cases = directoryEntries(dir + "/cases").filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }

    static func expected(_ name: String) -> CLIResult {
        var r = recordedResult("\(dir)/golden/\(name)")
        r.stderr = r.stderr.replacingAll("\"cases/\(name).yaml\"", with: "\"\(dir)/cases/\(name).yaml\"")
        return r
    }

    /// The kind and name a case's manifest names (`deployment/d3`).
    static func object(_ name: String) -> String {
        let text = readTextFile("\(dir)/cases/\(name).yaml") ?? ""
        let line = { (key: String) in
            text.split(separator: "\n").first { $0.hasPrefix(key) }.map { String($0.dropFirst(key.count)) } ?? ""
        }
        return line("kind: ").lowercased() + "/" + line("  name: ")
    }

    @Test(arguments: cases) func aBodyThatDoesNotConvertIsRefusedAndLeavesNothing(name: String) {
        #expect(Self.cases.count == 15)
        let s = TestStore()
        let r = s.run(args: ["apply", "--server-side", "-f", "\(Self.dir)/cases/\(name).yaml"])
        #expect(r == Self.expected(name))
        let dry = s.run(args: ["apply", "--server-side", "--dry-run=server", "-f", "\(Self.dir)/cases/\(name).yaml"])
        #expect(dry == Self.expected(name))
        let left = s.run("get \(Self.object(name))")
        #expect(left.exitCode == 1 && left.stderr.contains("NotFound"), "\(left)")
    }

    /// The same refusal when the object exists: the live object is untouched.
    @Test func anExistingObjectIsNotChanged() {
        let s = TestStore()
        let setups = [("deploy-replicas-string", "create deployment d3 --image=nginx"),
                      ("svc-dup-ports", "create service clusterip s1 --tcp=80:8080"),
                      ("pod-dup-env", "run dupenv --image=nginx"),
                      ("ns-unknown-field", "create namespace ns1")]
        for (name, setup) in setups {
            #expect(s.run(setup).exitCode == 0)
            let before = s.run("get \(Self.object(name)) -o yaml")
            #expect(s.run(args: ["apply", "--server-side", "-f", "\(Self.dir)/cases/\(name).yaml"]) == Self.expected(name))
            #expect(s.run("get \(Self.object(name)) -o yaml") == before)
        }
    }

    /// Bodies that convert: IntOrString and Quantity take any scalar, `creationTimestamp: null` and the
    /// empty structs of a generated manifest are fine.
    @Test func bodiesThatConvertAreApplied() {
        let s = TestStore()
        let generated = s.run("create deployment web --image=nginx --port=80 --dry-run=client -o yaml")
        #expect(s.run("apply --server-side -f -", stdin: generated.stdout) == CLIResult(
            stdout: "deployment.apps/web serverside-applied\n", stderr: "", exitCode: 0))
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, labels: {tier: "2"}}
            spec:
              containers:
              - name: c
                image: nginx
                resources: {limits: {cpu: 1, memory: 128Mi}}
                ports: [{containerPort: 80, name: http}]
                readinessProbe: {httpGet: {port: http}}
                livenessProbe: {tcpSocket: {port: 80}}
            """
        #expect(s.run("apply --server-side -f -", stdin: pod) == CLIResult(stdout: "pod/p serverside-applied\n", stderr: "", exitCode: 0))
        #expect(s.run("get pod p -o jsonpath={.spec.containers[0].resources.limits.cpu}").stdout == "1")
    }

    /// Bodies structured-merge-diff takes but the Go types cannot hold: after the merge the object is converted
    /// to the kind's Go type (apimachinery's unstructured converter, Go field order, first failure wins) and
    /// the apply is a 500 `failed to convert new object (...) to proper version: unable to convert
    /// unstructured object to <gvk>: <error>`, on every apply path, nothing stored. An int32 too large is
    /// truncated as Go converts it, which validation then judges.
    @Test func bodiesTheGoTypesCannotHoldAreRefusedAfterTheMerge() {
        let deploy = TestStore().run("create deployment web --image=nginx --dry-run=client -o yaml").stdout
        let service = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: %@}]\n"
        let prefix = { (ns: String, gvk: String) in
            "Error from server: failed to convert new object (\(ns); \(gvk)) to proper version: unable to convert unstructured object to \(gvk): "
        }
        let dep = prefix("default/web", "apps/v1, Kind=Deployment"), svc = prefix("default/s", "/v1, Kind=Service")
        let cases: [(String, String, String)] = [
            (deploy.replacingAll("replicas: 1", with: "replicas: 2.5"), dep + "cannot convert float64 to int32", "deploy web"),
            (deploy.replacingAll("resources: {}", with: "resources: {limits: {cpu: abc}}"),
             dep + "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", "deploy web"),
            // Go's field order: replicas (DeploymentSpec) before the template's quantity.
            (deploy.replacingAll("replicas: 1", with: "replicas: 1.5").replacingAll("resources: {}", with: "resources: {limits: {cpu: abc}}"),
             dep + "cannot convert float64 to int32", "deploy web"),
            (deploy.replacingAll("replicas: 1", with: "replicas: 1\n  progressDeadlineSeconds: 60.5"), dep + "cannot convert float64 to int32", "deploy web"),
            (service.replacingAll("%@", with: "true"), svc + "json: cannot unmarshal bool into Go value of type int32", "svc s"),
            (service.replacingAll("%@", with: "8080.5"), svc + "json: cannot unmarshal number 8080.5 into Go value of type int32", "svc s"),
            (service.replacingAll("%@", with: "3000000000"), svc + "json: cannot unmarshal number 3000000000 into Go value of type int32", "svc s"),
            (service.replacingAll("%@", with: "{a: 1}"), svc + "json: cannot unmarshal object into Go value of type int32", "svc s"),
            ("apiVersion: v1\nkind: Secret\nmetadata: {name: sec}\ndata:\n  k: \"not base64!\"\n",
             prefix("default/sec", "/v1, Kind=Secret") + "error decoding from json: illegal base64 data at input byte 3", "secret sec"),
        ]
        for (body, stderr, what) in cases {
            for dry in [false, true] {
                let s = TestStore()
                let r = s.run("apply --server-side\(dry ? " --dry-run=server" : "") -f -", stdin: body)
                #expect(r == CLIResult(stdout: "", stderr: stderr + "\n", exitCode: 1), "\(body)")
                #expect(s.run("get \(what)").exitCode == 1, "\(what) stored")
            }
        }
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let before = s.run("get deploy web -o yaml").stdout
        #expect(s.run("apply --server-side --force-conflicts -f -", stdin: cases[0].0).stderr == cases[0].1 + "\n")
        #expect(s.run("get deploy web -o yaml").stdout == before)
        let huge = s.run("apply --server-side --force-conflicts -f -", stdin: deploy.replacingAll("replicas: 1", with: "replicas: 3000000000"))
        #expect(huge.stderr == "The Deployment \"web\" is invalid: spec.replicas: Invalid value: -1294967296: must be greater than or equal to 0\n")
    }

    /// A custom resource's body against its CRD's schema: undeclared fields (also in an embedded
    /// resource's metadata), wrong scalar types, repeated list-map keys; `x-kubernetes-preserve-unknown-fields`
    /// opens its subtree, int-or-string takes either, a string's format does not matter. The texts equal
    /// structured-merge-diff's on the CRD's schema as kube-openapi's builder serves it for apply (the
    /// Golden/ssatyped oracle, 6 of 6 bodies).
    @Test func aCustomResourceBodyFollowsItsCRDSchema() {
        let s = TestStore()
        #expect(s.run("apply -f -", stdin: Self.crd).exitCode == 0)
        #expect(s.run("apply --server-side -f -", stdin: Self.widget("ok", """
              replicas: 2
              size: "50%"
              when: 2024-01-01T00:00:00Z
              extra: {known: a, anything: {deep: [1, 2]}}
              labels: {a: b}
              ports: [{name: http, port: 80}]
              template: {apiVersion: v1, kind: Pod, metadata: {name: x}, spec: {whatever: 1}}
            """)).stdout == "widget.example.com/ok serverside-applied\n")
        let head = "Error from server: failed to create typed patch object (default/bad; example.com/v1, Kind=Widget): "
        let cases = [("  replica: 2", ".spec.replica: field not declared in schema"),
                     ("  replicas: \"2\"", ".spec.replicas: expected numeric (int or float), got string"),
                     ("  ports: [{name: a, port: 1}, {name: a, port: 2}]", ".spec.ports: duplicate entries for key [name=\"a\"]"),
                     ("  labels: {a: 1}", ".spec.labels.a: expected string, got &value.valueUnstructured{Value:1}"),
                     ("  template: {apiVersion: v1, kind: Pod, metadata: {nam: x}}", ".spec.template.metadata.nam: field not declared in schema")]
        for (spec, message) in cases {
            #expect(s.run("apply --server-side -f -", stdin: Self.widget("bad", spec)) == CLIResult(stdout: "", stderr: head + message + "\n", exitCode: 1))
        }
        #expect(s.run("get widgets").stdout.split(separator: "\n").count == 2)
    }

    static func widget(_ name: String, _ spec: String) -> String {
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: \(name)\nspec:\n\(spec)\n"
    }

    static let crd = crdYAML(schema: """
        type: object
        properties:
          spec:
            type: object
            properties:
              replicas: {type: integer}
              size: {x-kubernetes-int-or-string: true}
              when: {type: string, format: date-time}
              extra:
                type: object
                x-kubernetes-preserve-unknown-fields: true
                properties:
                  known: {type: string}
              labels:
                type: object
                additionalProperties: {type: string}
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    port: {type: integer}
              template:
                type: object
                x-kubernetes-embedded-resource: true
                x-kubernetes-preserve-unknown-fields: true
        """)
}
