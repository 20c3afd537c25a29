#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// kustomize's error details, recorded from kubectl v1.32 under Golden/kustomize/errdetail (record.py; the
/// cases were written before either binary ran): `--enable-helm` argument checks (chart name, additional
/// values files missing or outside the root, valuesMerge), remote resources and components, several
/// possible referrals (the referrer and candidates dumped with kustomize's build notes, generator notes
/// and origin annotations), generators meeting an existing id (namespaces compared), APIService names,
/// and namespace ID conflicts of generated objects. Two parts of kubectl's text cannot be reproduced and
/// are swapped before comparing, nothing else: a Go heap address (`merging from generator &{0xc...`,
/// different on every run) and the network error of an HTTP GET (kubectl-local never fetches; its own
/// text names that).
enum KustomizeErrorDetail {
    static let dir = besideTest("Golden/kustomize/errdetail")

    static let lines: [KustomizeSweep.Line] = {
        guard let caseText = readTextFile(dir + "/cases.jsonl"), let expectedText = readTextFile(dir + "/expected.jsonl")
        else { return [] }
        var expected: [String: CLIResult] = [:]
        for l in expectedText.split(separator: "\n") {
            guard let r = try? JSON.parse(String(l)), let name = r["name"].string else { continue }
            expected[name] = CLIResult(stdout: r["out"].string ?? "", stderr: r["err"].string ?? "",
                                       exitCode: Int32(r["rc"].int ?? -1))
        }
        return caseText.split(separator: "\n").compactMap { l in
            guard let c = try? JSON.parse(String(l)), let name = c["name"].string, let e = expected[name] else { return nil }
            return KustomizeSweep.Line(name: name, args: (c["args"].array ?? []).compactMap(\.string), expected: e)
        }
    }()

    /// kubectl-local's words where kubectl prints the error of its HTTP GET of a remote resource.
    static let offlineGet = "kubectl-local works offline and does not fetch remote resources"

    /// Where `needle` first occurs in `hay`.
    static func find(_ needle: String, in hay: Substring) -> Range<Substring.Index>? {
        var i = hay.startIndex
        while i < hay.endIndex {
            if hay[i...].hasPrefix(needle) { return i..<hay.index(i, offsetBy: needle.count) }
            i = hay.index(after: i)
        }
        return nil
    }

    /// `&{0xc0007128f0 <nil>}` -> `&{0x <nil>}`: the address of kustomize's generator value.
    static func maskPointers(_ s: String) -> String {
        var out = "", rest = Substring(s)
        while let r = find("&{0x", in: rest) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            rest = rest.drop { $0.isHexDigit }
        }
        return out + rest
    }

    /// kubectl's `Get "URL": <network error>': ` with kubectl-local's refusal in place of the network error.
    static func offline(_ s: String) -> String {
        var out = "", rest = Substring(s)
        while let g = find("Get \"", in: rest), let q = find("\": ", in: rest[g.upperBound...]),
              let end = find("': ", in: rest[q.upperBound...]) {
            out += rest[..<q.upperBound] + offlineGet
            rest = rest[end.lowerBound...]
        }
        return out + rest
    }

    static func run(_ line: KustomizeSweep.Line, root: String) -> CLIResult {
        let s = TestStore()
        let r = s.run(args: line.args.map { KustomizeSweep.swapRoot($0, "$ROOT", root) })
        return CLIResult(stdout: KustomizeSweep.swapRoot(r.stdout, root, "$ROOT"),
                         stderr: maskPointers(KustomizeSweep.swapRoot(r.stderr, root, "$ROOT")), exitCode: r.exitCode)
    }

    static func want(_ e: CLIResult) -> CLIResult {
        CLIResult(stdout: e.stdout, stderr: offline(maskPointers(e.stderr)), exitCode: e.exitCode)
    }
}

@Suite struct KustomizeErrorDetailGoldenTests {
    @Test func corpusIsThere() {
        #expect(KustomizeErrorDetail.lines.count >= 18)
    }

    @Test(arguments: KustomizeErrorDetail.lines.map(\.name))
    func matchesKubectl(_ name: String) throws {
        let line = try #require(KustomizeErrorDetail.lines.first { $0.name == name })
        let got = KustomizeErrorDetail.run(line, root: KustomizeErrorDetail.dir)
        #expect(got == KustomizeErrorDetail.want(line.expected), "\(name): kubectl \(line.args.joined(separator: " "))")
    }

    /// The main sweep's remote resource line (a known difference there, for the network error): all of
    /// kubectl's text but that error.
    @Test func sweepRemoteResourceLine() throws {
        let line = try #require(KustomizeSweep.lines.first { $0.name == "err-032" })
        let got = KustomizeErrorDetail.run(line, root: KustomizeSweep.dir)
        #expect(got.stderr.contains(KustomizeErrorDetail.offlineGet))
        #expect(got == KustomizeErrorDetail.want(line.expected))
    }

    /// The swaps touch only what they name.
    @Test func swapsAreNarrow() {
        #expect(KustomizeErrorDetail.maskPointers("a &{0xc0007128f0 <nil>}: b") == "a &{0x <nil>}: b")
        #expect(KustomizeErrorDetail.offline("from 'u': Get \"u\": dial tcp: no such host': must")
                == "from 'u': Get \"u\": \(KustomizeErrorDetail.offlineGet)': must")
        #expect(KustomizeErrorDetail.offline("no get here': x") == "no get here': x")
    }
}
