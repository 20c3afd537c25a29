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
}
