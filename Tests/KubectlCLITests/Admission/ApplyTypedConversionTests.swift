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
