import KubeAPI
import KubeModel
import KubeTestSupport
import Testing

/// A refused Pod update ends with go-cmp's diff of the old spec and the new one (updatable fields put
/// back), as v1.32's API server prints it. The goldens' diff parts equal the output of go-cmp itself on
/// the same specs (Golden/gocmp/record.sh tells how).
@Suite struct PodUpdateDiffTests {
    static let dir = besideTest("../Golden/gocmp/")

    static let cases: [(name: String, args: [String])] = [
        ("env", ["patch", "pod", "nginx", "-p", #"{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","value":"1"}]}]}}"#]),
        ("resources", ["patch", "pod", "nginx", "-p", #"{"spec":{"containers":[{"name":"nginx","resources":{"limits":{"cpu":"200m","memory":"512Mi"}}}]}}"#]),
        ("port", ["patch", "pod", "nginx", "--type=json", "-p", #"[{"op":"replace","path":"/spec/containers/0/ports/0/containerPort","value":8080}]"#]),
        ("command", ["patch", "pod", "nginx", "--type=json", "-p", #"[{"op":"add","path":"/spec/containers/0/command","value":["sh","-c","sleep 3600"]}]"#]),
        ("restart", ["patch", "pod", "nginx", "-p", #"{"spec":{"restartPolicy":"Never"}}"#]),
    ]

    @Test func refusedUpdatesShowGoCmpDiff() {
        let s = TestStore()
        #expect(s.run("run nginx --image=nginx --port=80").exitCode == 0)
        let volume = s.run("get pod nginx -o jsonpath={.spec.volumes[0].name}").stdout
        let before = s.run("get pod nginx -o yaml").stdout
        for c in Self.cases {
            let want = (readTextFile(Self.dir + c.name + ".stderr") ?? "").replacingAll("KUBE_API_ACCESS", with: volume)
            #expect(!want.isEmpty)
            #expect(s.run(args: c.args) == CLIResult(stdout: "", stderr: want, exitCode: 1), "\(c.name)")
        }
        // Nothing was written; an image change is allowed.
        #expect(s.run("get pod nginx -o yaml").stdout == before)
        #expect(s.run(args: ["patch", "pod", "nginx", "-p", #"{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}"#]).stdout
            == "pod/nginx patched\n")
    }

    /// The report's pieces: go-cmp's quoting and the quantity it keeps (canonical text cached or not).
    @Test func quantitiesAndStrings() {
        let q = GoCmpProbe.quantity("200m"), r = GoCmpProbe.quantity("512Mi"), t = GoCmpProbe.quantity("1Gi")
        #expect(q == "{i: resource.int64Amount{value: 200, scale: -3}, s: \"200m\", Format: \"DecimalSI\"}")
        #expect(r == "{i: resource.int64Amount{value: 536870912}, Format: \"BinarySI\"}")
        #expect(t == "{i: resource.int64Amount{value: 1073741824}, s: \"1Gi\", Format: \"BinarySI\"}")
        #expect(GoCmpProbe.quote("a\"b") == "`a\"b`")
        #expect(GoCmpProbe.quote("plain") == "\"plain\"")
    }
}
