import KubeModel
import KubeTestSupport
import Testing

/// What v1.32 drops or refuses before a write is decoded: `image` volumes while the ImageVolume gate is off
/// (the volume and its mounts go; pkg/api/pod `dropImageVolumes`), and JSON or merge patches that remove a
/// custom resource's `kind` (the unstructured decoder needs one) or a built-in object's type fields.
@Suite struct DroppedFieldAndTypeMetaTests {
    static let imageVolumePod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: iv}
        spec:
          containers:
          - name: c
            image: nginx
            volumeMounts:
            - {name: img, mountPath: /img}
            - {name: cache, mountPath: /cache}
          volumes:
          - name: img
            image: {reference: "quay.io/crio/artifact:v1", pullPolicy: IfNotPresent}
          - name: cache
            emptyDir: {}

        """

    @Test func imageVolumesAreDroppedWithTheirMounts() {
        let s = TestStore()
        let f = s.writeFile("iv.yaml", Self.imageVolumePod)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "pod/iv created\n", stderr: "", exitCode: 0))
        let r = s.run("get pod iv -o jsonpath={.spec.volumes[*].name}|{.spec.containers[0].volumeMounts[*].mountPath}")
        #expect(r.stdout.hasPrefix("cache kube-api-access-"))
        #expect(r.stdout.contains("|/cache /var/run/secrets/kubernetes.io/serviceaccount"))
        #expect(!s.run("get pod iv -o yaml").stdout.contains("image: {") && !s.run("get pod iv -o yaml").stdout.contains("reference:"))
        // A template loses its only volume and mount: both lists are left out.
        let d = s.writeFile("d.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ivd}
            spec:
              selector: {matchLabels: {app: ivd}}
              template:
                metadata: {labels: {app: ivd}}
                spec:
                  containers:
                  - {name: c, image: nginx, volumeMounts: [{name: img, mountPath: /img}]}
                  volumes:
                  - {name: img, image: {reference: "quay.io/crio/artifact:v1"}}

            """)
        #expect(s.run("apply --server-side -f \(d)").stdout == "deployment.apps/ivd serverside-applied\n")
        #expect(s.run("get deploy ivd -o jsonpath={.spec.template.spec.volumes}{.spec.template.spec.containers[0].volumeMounts}").stdout == "")
    }

    @Test func customResourcePatchWithoutKindIsRefused() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("crd.yaml", JobPolicyRuleTests.widgetCRD))").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec: {size: 2}\n"))").exitCode == 0)
        let live = s.run("get widget w1 -o json").stdout
        let r = s.run(args: ["patch", "widget", "w1", "--type=json", "-p", #"[{"op":"remove","path":"/kind"}]"#])
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix(#"The request is invalid: patch: Invalid value: "{\"apiVersion\":\"example.com/v1\",\"metadata\":{"#))
        #expect(r.stderr.contains(#"\"spec\":{\"size\":2}}": Object 'Kind' is missing in '{"apiVersion":"example.com/v1","metadata":{"#))
        #expect(r.stderr.hasSuffix(#","spec":{"size":2}}'"# + "\n"))
        #expect(s.run(args: ["patch", "widget", "w1", "--type=merge", "-p", #"{"kind":null}"#]).stderr.contains("Object 'Kind' is missing in '"))
        // A missing apiVersion is taken from the request; nothing changes.
        #expect(s.run(args: ["patch", "widget", "w1", "--type=json", "-p", #"[{"op":"remove","path":"/apiVersion"}]"#]).stdout
            == "widget.example.com/w1 patched (no change)\n")
        #expect(s.run("get widget w1 -o json").stdout == live)
    }

    @Test func builtInObjectsKeepTheirType() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let live = s.run("get deploy web -o json").stdout
        // (Removing apiVersion is refused: QuotaLimitRangeRuleTests.removingAPIVersionFromABuiltInObject.)
        #expect(s.run(args: ["patch", "deploy", "web", "--type=json", "-p", #"[{"op":"remove","path":"/kind"}]"#]).stdout
            == "deployment.apps/web patched (no change)\n")
        #expect(s.run("get deploy web -o json").stdout == live)
    }
}
