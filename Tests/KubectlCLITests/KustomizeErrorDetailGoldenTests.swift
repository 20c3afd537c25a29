#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// kustomize's error details, recorded from kubectl v1.32 under Golden/kustomize/errdetail (record.py; the
/// cases were written before either binary ran): `--enable-helm` argument checks (chart name, additional
/// values files missing or outside the root, valuesMerge), remote resources and components, several
/// possible referrals (the referrer and candidates dumped with kustomize's build notes, generator notes,
/// origin annotations and refBy, the referrers that picked a candidate earlier in the same pass: kustomize
/// takes referrers in Go map order, which for a handful of objects is their resource order 6 runs in 8;
/// n5 and n6 hold that order, kubectl-local always takes it), generators meeting an existing id (namespaces compared), APIService names,
/// and namespace ID conflicts of generated objects. Swapped before comparing, nothing else: a Go heap
/// address (`merging from generator &{0xc...`, different on every run), and the name server of the
/// recording machine in an HTTP GET's lookup error (`lookup example.invalid on 10.255.255.53:53: no such
/// host`) for this machine's, the one Go's resolver would ask here (first nameserver of /etc/resolv.conf).
enum KustomizeErrorDetail {
    static let dir = besideTest("Golden/kustomize/errdetail")

    static let lines = KustomizeSweep.loadLines(dir)

    /// The name server kubectl named when the goldens were recorded.
    static let recordedNameServer = "10.255.255.53:53"

    /// kubectl's lookup error as it reads on this machine: its name server in place of the recorded one.
    static func localNameServer(_ s: String) -> String {
        s.replacingAll(" on \(recordedNameServer): no such host", with: " on \(KustomizeRemote.nameServer): no such host")
    }

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

    static func run(_ line: KustomizeSweep.Line, root: String) -> CLIResult {
        let s = TestStore()
        // A relative argument (`cases/...`, relative to the golden folder where kubectl ran) is given
        // relative to this process's directory, and read back as kubectl printed it.
        let rel = relativeToWorkingDirectory(root)
        let args = line.args.map { KustomizeSweep.swapRoot($0.hasPrefix("cases/") ? rel + $0 : $0, "$ROOT", root) }
        let r = s.run(args: args)
        let stderr = KustomizeSweep.swapRoot(KustomizeSweep.swapRoot(r.stderr, "'" + rel + "cases/", "'cases/"), root, "$ROOT")
        return CLIResult(stdout: KustomizeSweep.swapRoot(r.stdout, root, "$ROOT"),
                         stderr: maskPointers(stderr), exitCode: r.exitCode)
    }

    /// `dir` relative to the working directory, with a trailing slash (`Tests/.../errdetail/`, `../x/`).
    static func relativeToWorkingDirectory(_ dir: String) -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        let cwd = getcwd(&buf, buf.count) != nil ? String(cString: buf) : "/"
        let p = dir.split(separator: "/"), b = cwd.split(separator: "/")
        var i = 0
        while i < p.count, i < b.count, p[i] == b[i] { i += 1 }
        let parts = Array(repeating: "..", count: b.count - i) + p[i...].map(String.init)
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    static func want(_ e: CLIResult) -> CLIResult {
        CLIResult(stdout: e.stdout, stderr: localNameServer(maskPointers(e.stderr)), exitCode: e.exitCode)
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

    /// The main sweep's remote resource line: kubectl's text, its lookup error included.
    @Test func sweepRemoteResourceLine() throws {
        let line = try #require(KustomizeSweep.lines.first { $0.name == "err-032" })
        let got = KustomizeErrorDetail.run(line, root: KustomizeSweep.dir)
        #expect(got.stderr.contains("dial tcp: lookup example.invalid on "))
        #expect(got == KustomizeErrorDetail.want(line.expected))
    }

    /// The swaps touch only what they name.
    @Test func swapsAreNarrow() {
        #expect(KustomizeErrorDetail.maskPointers("a &{0xc0007128f0 <nil>}: b") == "a &{0x <nil>}: b")
        #expect(KustomizeErrorDetail.localNameServer("lookup a on 10.255.255.53:53: no such host': must")
                == "lookup a on \(KustomizeRemote.nameServer): no such host': must")
        #expect(KustomizeErrorDetail.localNameServer("on 10.255.255.53:53 here") == "on 10.255.255.53:53 here")
    }
}
