#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// Remote kustomization roots, recorded from kubectl v1.32 under Golden/kustomize/remote (record.py; the
/// cases were written before either binary ran on them): git repository specs in each form kustomize reads
/// (github.com shorthand, https with and without .git, scp-style and ssh URLs, Azure's _git, go-getter's
/// git:: prefix, file:// repositories, queries), http(s) files, components, the build argument itself,
/// create -k and apply -k, a git that outlasts `?timeout=` and no git at all. Both kubectl and kubectl-local run git for them; what git sees is fixed as
/// the recording fixed it (the golden's gitconfig rewrites github.com to a mirror path that does not
/// exist; a repository is made from _repo/ at $REPO). Masked on both sides: the case folder, the
/// repository, kustomize's clone directories (random names), klog headers (time and pid) and the name
/// server Go's resolver names (this machine's, from /etc/resolv.conf).
enum KustomizeRemote {
    static let dir = besideTest("Golden/kustomize/remote")

    static let lines = KustomizeSweep.loadLines(dir)

    /// Each line's own environment (cases.jsonl's "env", `$HERE` standing for this folder): a PATH whose
    /// git hangs (_fakegit) or that has none.
    static let lineEnvironment: [String: [String: String]] = {
        var out: [String: [String: String]] = [:]
        for l in (readTextFile(dir + "/cases.jsonl") ?? "").split(separator: "\n") {
            guard let c = try? JSON.parse(String(l)), let name = c["name"].string, let env = c["env"].object else { continue }
            var e: [String: String] = [:]
            for (k, v) in env { e[k] = (v.string ?? "").replacingAll("$HERE", with: dir) }
            out[name] = e
        }
        return out
    }()

    /// The git environment of the recording: the golden's gitconfig only, a fixed author and date.
    static var gitEnvironment: [String: String] {
        ["GIT_CONFIG_GLOBAL": dir + "/gitconfig", "GIT_CONFIG_NOSYSTEM": "1",
         "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.invalid", "GIT_COMMITTER_NAME": "a",
         "GIT_COMMITTER_EMAIL": "a@example.invalid", "GIT_AUTHOR_DATE": "2026-12-01T00:00:00Z",
         "GIT_COMMITTER_DATE": "2026-12-01T00:00:00Z"]
    }

    /// A work folder with the repository (committed and tagged v1) and the cases ($REPO filled in).
    static func prepare() throws -> (work: String, repo: String, cases: String) {
        var template = Array("/tmp/kz-remote-XXXXXX".utf8CString)
        let work = try #require(mkdtemp(&template).map { String(cString: $0) })
        let repo = work + "/repo", cases = work + "/cases"
        let env = gitEnvironment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let script = "cp -r '\(dir)/_repo' '\(repo)' && cd '\(repo)' && export \(env) && git init -q && git add -A && git commit -qm init && git tag v1"
            + " && cp -r '\(dir)/cases' '\(cases)' && for f in '\(cases)'/*/kustomization.yaml; do sed -i 's|\\$REPO|\(repo)|g' \"$f\"; done"
        #expect(system(script) == 0)
        return (work, repo, cases)
    }

    /// The name server as the recording masked it: this machine's (what Go's resolver asks here).
    static var nameServer: String { GoNet.resolverNameServer() }

    /// The masks of record.py.
    static func mask(_ s: String, cases: String, repo: String) -> String {
        var text = s.replacingAll(cases, with: "$ROOT").replacingAll(repo, with: "$REPO").replacingAll(dir, with: "$HERE")
            .replacingAll(" on \(nameServer): ", with: " on $NAMESERVER: ")
        // <dir>/kustomize-<digits> -> $TMP/kustomize-N
        var out = "", rest = Substring(text)
        while let r = rest.firstRange(of: "/kustomize-"), rest[r.upperBound...].first?.isNumber == true {
            var start = r.lowerBound
            while start > rest.startIndex, !" '\"\n".contains(rest[rest.index(before: start)]) { start = rest.index(before: start) }
            out += rest[..<start] + "$TMP/kustomize-N"
            rest = rest[r.upperBound...].drop { $0.isNumber }
        }
        text = out + rest
        // klog headers: `I1207 04:11:44.138829    2309 log.go:245] `
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("I"), let file = line.firstRange(of: " log.go:245] ") else { return String(line) }
            return "I0000 00:00:00.000000       0" + line[file.lowerBound...]
        }.joined(separator: "\n")
    }
}

@Suite(.serialized) struct KustomizeRemoteGoldenTests {
    @Test func corpusIsThere() {
        #expect(KustomizeRemote.lines.count >= 29)
    }

    @Test func matchesKubectl() throws {
        let (work, repo, cases) = try KustomizeRemote.prepare()
        defer { removeTree(work) }
        for line in KustomizeRemote.lines {
            let s = TestStore()
            for (k, v) in KustomizeRemote.gitEnvironment { s.environment[k] = v }
            for (k, v) in KustomizeRemote.lineEnvironment[line.name] ?? [:] { s.environment[k] = v }
            let r = s.run(args: line.args.map { $0.replacingAll("$ROOT", with: cases).replacingAll("$REPO", with: repo) })
            let got = CLIResult(stdout: KustomizeRemote.mask(r.stdout, cases: cases, repo: repo),
                                stderr: KustomizeRemote.mask(r.stderr, cases: cases, repo: repo), exitCode: r.exitCode)
            #expect(got == line.expected, "\(line.name): kubectl \(line.args.joined(separator: " "))")
        }
    }

    /// A clone is removed once built from, whether or not the build succeeded.
    @Test func clonesAreRemoved() throws {
        let (work, repo, cases) = try KustomizeRemote.prepare()
        defer { removeTree(work) }
        let tmp = work + "/tmp"
        mkdir(tmp, 0o700)
        let s = TestStore()
        for (k, v) in KustomizeRemote.gitEnvironment { s.environment[k] = v }
        s.environment["TMPDIR"] = tmp
        #expect(s.run(args: ["kustomize", cases + "/file-repo"]).exitCode == 0)
        #expect(s.run(args: ["kustomize", cases + "/file-repo-nodir"]).exitCode == 1)
        #expect(s.run(args: ["kustomize", "file://\(repo)//base"]).exitCode == 0)
        #expect(s.run(args: ["kustomize", cases + "/file-repo-badref"]).exitCode == 1)
        #expect(directoryEntries(tmp).filter { $0 != "." && $0 != ".." }.isEmpty)
        // and each of them was made there: with TMPDIR unwritable the clone fails
        s.environment["TMPDIR"] = work + "/missing"
        #expect(s.run(args: ["kustomize", cases + "/file-repo"]).exitCode == 1)
    }
}
