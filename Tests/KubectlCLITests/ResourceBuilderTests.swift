import KubeTestSupport
import Testing

/// The resource builder's rules as kubectl v1.32 applies them (checked against kubectl with a fake API
/// server): an object of `-f` whose namespace differs from an explicit `-n` is an error of its own and
/// the other objects are still handled.
@Suite struct ResourceBuilderTests {
    static let twoObjects = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: elsewhere
          namespace: other
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: here

        """
    static let mismatch = "error: the namespace from the provided object \"other\" does not match the namespace \"default\". You must pass '--namespace=other' to perform this operation.\n"

    @Test func deleteGoesOnAfterANamespaceMismatch() {
        let s = TestStore()
        _ = s.run("create namespace other")
        _ = s.run("create configmap here")
        _ = s.run("create configmap elsewhere -n other")
        let f = s.writeFile("two.yaml", Self.twoObjects)
        let r = s.run("delete -f \(f) -n default")
        #expect(r.stdout == "configmap \"here\" deleted\n")
        #expect(r.stderr == Self.mismatch)
        #expect(r.exitCode == 1)
        #expect(s.run("get configmap elsewhere -n other -o name").stdout == "configmap/elsewhere\n")
    }

    @Test func labelGoesOnAfterANamespaceMismatch() {
        let s = TestStore()
        _ = s.run("create namespace other")
        _ = s.run("create configmap here")
        _ = s.run("create configmap elsewhere -n other")
        let f = s.writeFile("two.yaml", Self.twoObjects)
        let r = s.run("label -f \(f) -n default a=b")
        #expect(r.stdout == "configmap/here labeled\n")
        #expect(r.stderr == Self.mismatch)
        #expect(s.run("get configmap elsewhere -n other -o jsonpath={.metadata.labels}").stdout == "")
    }

    @Test func dryRunSuffixAndNameOutput() {
        let s = TestStore()
        _ = s.run("create configmap here")
        #expect(s.run("label configmap here a=b --dry-run=client").stdout == "configmap/here labeled (dry run)\n")
        #expect(s.run("label configmap here a=b --dry-run=server").stdout == "configmap/here labeled (server dry run)\n")
        #expect(s.run("label configmap here a=b -o name").stdout == "configmap/here\n")
        #expect(s.run("delete configmap here --dry-run=server").stdout == "configmap \"here\" deleted (server dry run)\n")
        #expect(s.run("delete configmap here -o name").stdout == "configmap/here\n")
    }

    @Test func getAndDescribeCheckTheNamespaceToo() {
        let s = TestStore()
        _ = s.run("create namespace other")
        _ = s.run("create configmap here")
        _ = s.run("create configmap elsewhere -n other")
        let f = s.writeFile("two.yaml", Self.twoObjects)
        let get = s.run("get -f \(f) -n default -o name")
        #expect(get.stdout == "configmap/here\n")
        #expect(get.stderr == Self.mismatch)
        let describe = s.run("describe -f \(f) -n default")
        #expect(describe.stdout.hasPrefix("Name:         here\n"))
        #expect(describe.stderr == Self.mismatch)
        // Without -n each object is looked up in its own namespace.
        #expect(s.run("get -f \(f) -o name").stdout == "configmap/elsewhere\nconfigmap/here\n")
    }
}
