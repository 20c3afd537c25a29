import KubeTestSupport
import Testing

/// The decode step of the admission chain on every write path: wrong types and unknown fields give the
/// API server's texts (create/update bodies as BadRequest, patches as `The request is invalid: patch: ...`),
/// and a refused write leaves the store as it was.
@Suite struct AdmissionDecodeTests {
    static let listData = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
        data:
        - a
        - b

        """

    @Test func applyCreateRefusesWrongType() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", Self.listData)
        #expect(s.run("apply -f \(f)") == CLIResult(stdout: "", stderr: """
            Error from server (BadRequest): error when creating "\(f)": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string

            """, exitCode: 1))
        #expect(s.run("get cm cfg").stderr == "Error from server (NotFound): configmaps \"cfg\" not found\n")
    }

    @Test func serverDryRunDecodes() {
        let s = TestStore()
        let f = s.writeFile("cm.yaml", Self.listData)
        let r = s.run("create -f \(f) --dry-run=server")
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string"))
    }

    @Test func replaceRefusesUnknownField() {
        let s = TestStore()
        _ = s.run("create configmap cfg --from-literal=a=1")
        let f = s.writeFile("cm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg
            data:
              a: "2"
            bogus: 1

            """)
        #expect(s.run("replace -f \(f)") == CLIResult(stdout: "", stderr: """
            Error from server (BadRequest): error when replacing "\(f)": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "bogus"

            """, exitCode: 1))
        #expect(s.run("get cm cfg -o jsonpath={.data.a}").stdout == "1")
        // --validate=ignore drops the field, as decoding into the type does.
        #expect(s.run("replace -f \(f) --validate=ignore").stdout == "configmap/cfg replaced\n")
        #expect(s.run("get cm cfg -o jsonpath={.data.a}").stdout == "2")
    }

    @Test func strategicPatchWrongType() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx")
        let r = s.run(args: ["patch", "deploy", "web", "-p", #"{"spec":{"replicas":"5"}}"#])
        #expect(r == CLIResult(stdout: "", stderr: """
            The request is invalid: patch: Invalid value: "map[spec:map[replicas:5]]": unrecognized type: int32

            """, exitCode: 1))
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "1")
    }

    /// The converter hands IntOrString and Quantity fields their own JSON decoding, outside any struct
    /// context (`into Go value of type int32`, not `into Go struct field ...`), and walks a struct's fields in
    /// Go's declaration order: the first failure wins.
    @Test func strategicPatchCustomDecodersSpeakWithoutStructContext() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx")
        _ = s.run("create service clusterip s1 --tcp=80:8080")
        let cases: [([String], String)] = [
            (["svc", "s1", "-p", #"{"spec":{"ports":[{"port":80,"targetPort":true}]}}"#],
             #"The request is invalid: patch: Invalid value: "map[spec:map[ports:[map[port:80 targetPort:true]]]]": json: cannot unmarshal bool into Go value of type int32"#),
            (["deploy", "web", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","resources":{"limits":{"cpu":"abc"}}}]}}}}"#],
             #"The request is invalid: patch: Invalid value: "map[spec:map[template:map[spec:map[containers:[map[name:nginx resources:map[limits:map[cpu:abc]]]]]]]]": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"#),
            // DeploymentSpec declares replicas before minReadySeconds (alphabetical order would be the other way).
            (["deploy", "web", "-p", #"{"spec":{"minReadySeconds":"x","replicas":2.5}}"#],
             #"The request is invalid: patch: Invalid value: "map[spec:map[minReadySeconds:x replicas:2.5]]": cannot convert float64 to int32"#),
        ]
        for (args, stderr) in cases {
            #expect(s.run(args: ["patch"] + args) == CLIResult(stdout: "", stderr: stderr + "\n", exitCode: 1), "\(args)")
        }
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "1")
        #expect(s.run("get svc s1 -o jsonpath={.spec.ports[0].targetPort}").stdout == "8080")
    }

    /// apimachinery's unstructured converter sets an int32 field with reflect's Convert (low 32 bits
    /// kept), where JSON decoding of a merge patch fails.
    @Test func strategicPatchNarrowsLargeIntegersAsGoConverts() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx")
        #expect(s.run(args: ["patch", "deploy", "web", "-p", #"{"spec":{"replicas":4294967301}}"#])
            == CLIResult(stdout: "deployment.apps/web patched\n", stderr: "", exitCode: 0))
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "5")
        #expect(s.run(args: ["patch", "deploy", "web", "-p", #"{"spec":{"replicas":2147483648}}"#]) == CLIResult(stdout: "", stderr: """
            The Deployment "web" is invalid: spec.replicas: Invalid value: -2147483648: must be greater than or equal to 0

            """, exitCode: 1))
        let merge = s.run(args: ["patch", "deploy", "web", "--type=merge", "-p", #"{"spec":{"replicas":4294967301}}"#])
        #expect(merge.exitCode == 1)
        #expect(merge.stderr.hasSuffix("\": json: cannot unmarshal number 4294967301 into Go struct field DeploymentSpec.spec.replicas of type int32\n"))
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "5")
    }

    @Test func strategicPatchStringField() {
        let s = TestStore()
        _ = s.run("create configmap cfg --from-literal=a=1")
        let r = s.run(args: ["patch", "cm", "cfg", "-p", #"{"data":{"a":5}}"#])
        #expect(r.stderr == "The request is invalid: patch: Invalid value: \"map[data:map[a:5]]\": cannot convert int64 to string\n")
        #expect(r.exitCode == 1)
    }

    @Test func patchUnknownFieldWarnsByDefault() {
        let s = TestStore()
        _ = s.run("create configmap cfg --from-literal=a=1")
        let r = s.run(args: ["patch", "cm", "cfg", "-p", #"{"bogus":{"x":1}}"#])
        #expect(r == CLIResult(stdout: "configmap/cfg patched (no change)\n", stderr: "Warning: unknown field \"bogus\"\n", exitCode: 0))
    }

    @Test func mergePatchWrongTypeShowsPatchedObject() {
        let s = TestStore()
        _ = s.run("create configmap cfg --from-literal=a=1")
        let r = s.run(args: ["patch", "cm", "cfg", "--type=merge", "-p", #"{"data":["x"]}"#])
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("The request is invalid: patch: Invalid value: \"{"))
        #expect(r.stderr.hasSuffix("\": json: cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string\n"))
    }

    @Test func applyConfiguredRefusesUnknownField() {
        let s = TestStore()
        let good = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n")
        #expect(s.run("apply -f \(good)").stdout == "configmap/cfg created\n")
        let bad = s.writeFile("cm2.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"2\"\nbogus: 1\n")
        let r = s.run("apply -f \(bad)")
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("strict decoding error: unknown field \"bogus\""))
        #expect(s.run("get cm cfg -o jsonpath={.data.a}").stdout == "1")
    }
}
