import KubeTestSupport
import Testing

/// The set and rollout verbs when the API server refuses their patch, replayed against the real kubectl
/// v1.32 (Golden/patchrefusal/record.sh): kubectl puts each verb's own words before the refusal's
/// message (`failed to patch env update to pod template: `, `failed to patch ServiceAccountName `,
/// `failed to patch: `, ...), joins several refusals one per line after the objects it could not read,
/// and still prints the objects whose patch went through. Each case runs `_files/setup` in a fresh
/// store, then its `cmd`; a refused object must be left as it was.
enum PatchRefusalGolden {
    static let dir = besideTest("Golden/patchrefusal")

    static var cases: [String] { goldenCaseNames(in: dir) }

    /// A pod's service-account token volume is named `kube-api-access-` and five random characters;
    /// the refusal of a Pod update quotes it in its spec diff.
    static func withoutTokenSuffix(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let r = rest.firstRange(of: "kube-api-access-") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            out += "XXXXX"
            rest = rest.dropFirst(min(5, rest.count))
        }
        return out + rest
    }
}

@Suite struct PatchRefusalGoldenTests {
    @Test func corpusIsThere() { #expect(PatchRefusalGolden.cases.count >= 9) }

    @Test(arguments: PatchRefusalGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = PatchRefusalGolden.dir + "/" + name
        let s = TestStore()
        for line in readTextFile(PatchRefusalGolden.dir + "/_files/setup")!.split(separator: "\n") {
            let r = s.run(args: shellWords(String(line)).map { $0.replacingAll("_files/", with: PatchRefusalGolden.dir + "/_files/") })
            #expect(r.exitCode == 0, "setup \(line): \(r)")
        }
        let wantOut = readTextFile(base + "/stdout") ?? ""
        // Objects a case does not change: all of them when nothing was updated, else the pods made by
        // `run` (a Deployment that was updated replaces its own pods).
        let kept = wantOut.isEmpty ? "get deploy,pods,jobs,rolebindings -o yaml" : "get pods -l run -o yaml"
        let before = s.run(kept).stdout
        var words = shellWords(readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n"))
        words.removeFirst()  // kubectl
        let r = s.run(args: words)
        #expect(r.stdout == wantOut)
        #expect(PatchRefusalGolden.withoutTokenSuffix(r.stderr) == PatchRefusalGolden.withoutTokenSuffix(readTextFile(base + "/stderr") ?? ""))
        #expect("\(r.exitCode)\n" == readTextFile(base + "/exit"))
        #expect(s.run(kept).stdout == before, "a refused patch changed the store")
    }
}
