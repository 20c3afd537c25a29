import KubeModel
import KubeTestSupport
import Testing

/// Objects come out of the store as a v1.32 API server serves them: decoded into their Go type and encoded
/// with encoding/json. Golden/storedshape/objects.yaml writes zero values Go leaves out (`paused: false`,
/// `value: ""`, `env: []`, `hostNetwork: false`, `nodePort: 0`) next to pointer zeros it keeps
/// (`automountServiceAccountToken: false`, `runAsUser: 0`); expected.jsonl is kubectl v1.32's typed round trip
/// of what `get -o json` printed for each object of targets.txt (the manifest's, and pods and kube-system
/// objects the controllers wrote), recorded by record.py, which also checked that kubectl's output equalled
/// ours. `get -o json` must print the same values (keys sorted, as kubectl prints unstructured objects).
@Suite struct StoredShapeGoldenTests {
    static let dir = besideTest("Golden/storedshape")

    /// What is random in a stored object, as record.py masks it: UIDs, the object's own name (pods of a
    /// controller), the token volume's suffix and container IDs.
    static func masked(_ text: String, name: String) -> String {
        var s = Array(text.replacingAll("\"\(name)\"", with: "\"NAME\"").utf8)
        func hex(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 102) }
        func alnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }
        func matches(_ at: Int, _ lit: String) -> Bool {
            let l = Array(lit.utf8)
            return at + l.count <= s.count && Array(s[at..<at + l.count]) == l
        }
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            if i + 36 <= s.count, (0..<36).allSatisfy({ [8, 13, 18, 23].contains($0) ? s[i + $0] == 45 : hex(s[i + $0]) }) {
                out += Array("UID".utf8); i += 36; continue
            }
            if matches(i, "kube-api-access-"), i + 21 <= s.count, (16..<21).allSatisfy({ alnum(s[i + $0]) }) {
                out += Array("kube-api-access-X".utf8); i += 21; continue
            }
            if matches(i, "containerd://"), i + 77 <= s.count, (13..<77).allSatisfy({ hex(s[i + $0]) }) {
                out += Array("containerd://ID".utf8); i += 77; continue
            }
            out.append(s[i]); i += 1
        }
        s = out
        return String(decoding: s, as: UTF8.self)
    }

    @Test func storedObjectsAreWhatKubectlsTypedRoundTripMakesOfThem() throws {
        let targets = (readTextFile(Self.dir + "/targets.txt") ?? "").split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let expected = (readTextFile(Self.dir + "/expected.jsonl") ?? "").split(separator: "\n").map(String.init)
        #expect(targets.count >= 20 && targets.count == expected.count)
        let s = TestStore()
        let created = s.run(args: ["create", "-f", Self.dir + "/objects.yaml"])
        #expect(created.exitCode == 0, "\(created)")
        for (what, line) in zip(targets, expected) {
            let got = s.run(args: ["get"] + what + ["-o", "json"])
            #expect(got.exitCode == 0, "\(what): \(got)")
            var obj = try JSON.parse(got.stdout)
            if obj["kind"].string == "List" { obj = obj["items"][0] }
            let name = obj["metadata"]["name"].string ?? ""
            let ours = try JSON.parse(Self.masked(obj.jsonString(.compact), name: name))
            let want = try JSON.parse(line)
            #expect(ours == want, "\(what.joined(separator: " ")):\nours:    \(ours.jsonString(.compact))\nkubectl: \(line)")
        }
    }

    /// The zero values Go leaves out are not in the store, so not in the creator's managed fields either;
    /// a pointer's zero stays in both.
    @Test func leftOutZerosAreNoOnesFields() {
        let s = TestStore()
        #expect(s.run(args: ["create", "-f", Self.dir + "/objects.yaml"]).exitCode == 0)
        let managed = s.run(args: ["get", "deploy", "dep", "-o", #"jsonpath={.metadata.managedFields[?(@.manager=="kubectl-create")].fieldsV1}"#]).stdout
        #expect(managed.contains(#""f:replicas":{}"#) && managed.contains(#""f:automountServiceAccountToken":{}"#))
        for gone in ["f:paused", "f:minReadySeconds", "f:hostNetwork", "f:nodeName", "f:args", "f:tolerations", "f:stdin", "f:hostPort", "f:workingDir"] {
            #expect(!managed.contains(gone), "\(gone) in \(managed)")
        }
        // The variable whose value was "" is only a name; the other keeps its value.
        #expect(managed.contains(#"k:{\"name\":\"A\"}":{".":{},"f:name":{}}"#))
        #expect(managed.contains(#"k:{\"name\":\"B\"}":{".":{},"f:name":{},"f:value":{}}"#))
        // Written again, a zero Go leaves out changes nothing.
        let patched = s.run(args: ["patch", "deploy", "dep", "-p", #"{"spec":{"paused":false,"template":{"spec":{"hostPID":false}}}}"#])
        #expect(patched.stdout == "deployment.apps/dep patched (no change)\n")
        #expect(!s.run("get deploy dep -o yaml").stdout.contains("paused"))
    }
}
