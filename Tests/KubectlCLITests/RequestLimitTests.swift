import KubeTestSupport
import Testing

/// The API server's limits on what one request may carry and store, kubectl's drain texts around
/// evictions, and large controller work finished in batches (every test asserts the command's output
/// and the store after it).
@Suite struct RequestLimitTests {
    /// The API server reads at most 3 MiB of a body: `Request entity too large: limit is 3145728`.
    @Test func bodyOverThreeMebibytesIsRefused() {
        let s = TestStore()
        let file = s.writeFile("big.txt", String(repeating: "x", count: 3 * 1024 * 1024))
        let r = s.run("create configmap big --from-file=\(file)")
        #expect(r.stderr == "error: failed to create configmap: Request entity too large: limit is 3145728\n")
        #expect(r.exitCode == 1)
        #expect(s.run("get cm big").exitCode == 1)
    }

    /// Patches and applies are bodies too: over 3 MiB, the API server's 413 before anything else, as
    /// kubectl v1.32 prints it (Golden/requestlimits, recorded against the fake API server), and the
    /// object unchanged.
    @Test(arguments: RequestLimitGolden.cases)
    func patchAndApplyBodiesOverThreeMebibytesAreRefused(_ c: RequestLimitGolden.Case) throws {
        let s = TestStore()
        let inputs = RequestLimitGolden.writeInputs(s)
        #expect(s.run("create configmap big --from-literal=a=b").exitCode == 0)
        let before = s.run("get cm big -o yaml").stdout
        let r = s.run(c.args.replacingAll("INPUTS", with: inputs))
        let base = RequestLimitGolden.dir + "/" + c.name
        #expect(r.stdout == readTextFile(base + ".stdout"))
        #expect(r.stderr == readTextFile(base + ".stderr"))
        #expect("\(r.exitCode)\n" == readTextFile(base + ".exit"))
        #expect(s.run("get cm big -o yaml").stdout == before)
    }

    /// Client-side apply sends its three-way patch: over 3 MiB it fails with kubectl's patch error text
    /// around the 413 (checked against kubectl v1.32 with the fake API server; the text holds the 6 MiB
    /// patch, so only its ends are compared).
    @Test func clientSideApplyPatchOverThreeMebibytesIsRefused() {
        let s = TestStore()
        let inputs = RequestLimitGolden.writeInputs(s)
        #expect(s.run("create configmap big --from-literal=a=b").exitCode == 0)
        let r = s.run("apply -f \(inputs)/bigcm.yaml")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("Warning: resource configmaps/big is missing the kubectl.kubernetes.io/last-applied-configuration") == true)
        #expect(lines.count > 2 && lines[1] == "Error from server (RequestEntityTooLarge): error when applying patch:")
        #expect(r.stderr.hasSuffix("""
            to:
            Resource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"
            Name: "big", Namespace: "default"
            for: "\(inputs)/bigcm.yaml": error when patching "\(inputs)/bigcm.yaml": Request entity too large: limit is 3145728

            """))
        #expect(r.exitCode == 1)
        #expect(s.run("get cm big -o jsonpath={.data}").stdout == #"{"a":"b"}"#)
    }

    /// A body the API server takes but etcd does not (over 1.5 MiB stored): etcd's error, passed on
    /// without a reason (`Error from server: ...`), and nothing stored.
    @Test func objectOverEtcdLimitIsRefused() {
        let s = TestStore()
        let value = String(repeating: "y", count: 1_700_000)
        let path = s.writeFile("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: huge}
            spec:
              containers:
              - name: c
                image: nginx
                env: [{name: BIG, value: "\(value)"}]

            """)
        let r = s.run("create -f \(path)")
        #expect(r.stderr == "Error from server: error when creating \"\(path)\": etcdserver: request is too large\n")
        #expect(r.exitCode == 1)
        #expect(s.run("get pod huge").exitCode == 1)
        let ok = s.run("create configmap small --from-literal=a=b")
        #expect(ok.exitCode == 0)
    }

    /// A scale-up past the controller's burst is finished in batches before the command returns.
    @Test func largeScaleUpIsComplete() {
        let s = TestStore()
        #expect(s.run("create deployment big --image=nginx --replicas=1203").exitCode == 0)
        #expect(s.run("get rs -l app=big -o jsonpath={.items[0].status.replicas}").stdout == "1203")
        let pods = s.run("get pods -l app=big -o name").stdout.split(separator: "\n")
        #expect(pods.count == 1203)
        #expect(s.run("scale deploy big --replicas=2").exitCode == 0)
        // Pods never scheduled go at once; running ones once their kubelet has stopped them.
        #expect(s.run("get pods -l app=big --field-selector=status.phase=Pending -o name").stdout.isEmpty)
        s.advance(seconds: 1)
        #expect(s.run("get pods -l app=big -o name").stdout.split(separator: "\n").count == 2)
    }

    /// `drain --dry-run=client` lists what it would evict as kubectl does.
    @Test func drainClientDryRun() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx --replicas=1")
        let r = s.run("drain node-1 --ignore-daemonsets --pod-selector=app=web --dry-run=client")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "node/node-1 cordoned (dry run)")
        #expect(lines.contains { $0.hasPrefix("evicting pod default/web-") && $0.hasSuffix(" (dry run)") })
        #expect(lines.last == "node/node-1 drained (dry run)")
        #expect(s.run("get pods -l app=web -o name").stdout.split(separator: "\n").count == 1)
    }
}

/// Golden/requestlimits: the cases recorded with kubectl v1.32 (cases.txt) and their inputs, written as
/// the recording's inputs.py writes them.
enum RequestLimitGolden {
    static let dir = besideTest("Golden/requestlimits")

    struct Case: CustomStringConvertible, Sendable {
        var name: String, args: String
        var description: String { name }
    }

    static var cases: [Case] {
        goldenTabCases(dir + "/cases.txt").map { Case(name: $0.name, args: $0.args) }
    }

    /// The inputs' directory.
    static func writeInputs(_ s: TestStore) -> String {
        let mib3 = 3 * 1024 * 1024
        _ = s.writeFile("bigpatch.json", #"{"data": {"k": ""# + String(repeating: "x", count: mib3) + #""}}"#)
        let path = s.writeFile("bigcm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: "
            + String(repeating: "y", count: mib3) + "\n")
        return String(path[..<path.lastIndex(of: "/")!])
    }
}
