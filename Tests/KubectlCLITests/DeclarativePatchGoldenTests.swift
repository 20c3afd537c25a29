import KubeTestSupport
import KubeModel
import Testing

/// Replays the `kubectl patch --local` cases recorded with the real kubectl v1.32 (Golden/declarative/
/// patch/record.sh): one case per merge rule, directive and error, compared byte for byte (stdout,
/// stderr, exit code).
enum DeclarativeGolden {
    static let dir = besideTest("Golden/declarative")

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var args: String
        var description: String { name }
    }

    static var patchCases: [Case] {
        goldenTabCases(dir + "/patch/cases.txt").map { Case(name: $0.name, args: $0.args) }
    }
}

@Test("patch --local matches kubectl", arguments: DeclarativeGolden.patchCases)
func patchLocalGolden(_ c: DeclarativeGolden.Case) throws {
    let folder = DeclarativeGolden.dir + "/patch/"
    let store = TestStore()
    let args = c.args.replacingAll("FILE:", with: folder)
    let result = store.run("patch --local " + args)
    let stdout = try #require(readTextFile(folder + c.name + ".stdout"))
    let stderr = try #require(readTextFile(folder + c.name + ".stderr"))
    let rc = try #require(readTextFile(folder + c.name + ".rc"))
    #expect(result.stdout == stdout, "stdout of \(c.name)")
    #expect(result.stderr == stderr, "stderr of \(c.name)")
    #expect("\(result.exitCode)\n" == rc, "exit code of \(c.name)")
}

@Test("cases were recorded")
func patchCasesExist() {
    #expect(DeclarativeGolden.patchCases.count >= 40)
}

extension String {
    func replacingAll(_ a: String, with b: String) -> String {
        var out = ""
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(a) {
                out += b
                i = index(i, offsetBy: a.count)
            } else {
                out.append(self[i])
                i = index(after: i)
            }
        }
        return out
    }
}

/// On the server a JSON patch that decodes but does not apply is answered 422 without details, which
/// kubectl prints as "The request is invalid: <message>"; one that does not decode is a BadRequest.
/// Neither changes the object.
@Test("JSON patch errors from the API server")
func serverJSONPatchErrors() {
    let store = TestStore()
    #expect(store.run("create configmap x --from-literal=a=b").exitCode == 0)
    let missing = store.run(#"patch cm x --type=json -p '[{"op":"remove","path":"/data/zz"}]'"#)
    #expect(missing.stdout == "")
    #expect(missing.stderr == "The request is invalid: the server rejected our request due to an error in our request\n")
    #expect(missing.exitCode == 1)
    let notArray = store.run(#"patch cm x --type=json -p '{"op":"remove"}'"#)
    #expect(notArray.stderr == "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n")
    #expect(notArray.exitCode == 1)
    let failedTest = store.run(#"patch cm x --type=json -p '[{"op":"add","path":"/data/b","value":"2"},{"op":"test","path":"/data/a","value":"z"}]'"#)
    #expect(failedTest.stderr == "The request is invalid: the server rejected our request due to an error in our request\n")
    #expect(store.run("get cm x -o jsonpath={.data}").stdout == #"{"a":"b"}"#)
    // With --dry-run=client kubectl applies the patch itself and prints json-patch's own text.
    let client = store.run(#"patch cm x --type=json -p '[{"op":"replace","path":"/data/zz/q","value":1}]' --dry-run=client"#)
    #expect(client.stderr == "error: replace operation does not apply: doc is missing path: /data/zz/q: missing value\n")
}
