#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// `completions/` and `man/` are what the binary prints: regenerate them with `Scripts/gen-docs.sh`
/// when these fail.
@Suite struct ShellDriftTests {
    static let files: [(shell: String, file: String)] = [
        ("bash", "kubectl-local.bash"), ("zsh", "_kubectl-local"), ("fish", "kubectl-local.fish"),
        ("powershell", "kubectl-local.ps1"),
    ]

    @Test(arguments: files.map(\.shell))
    func completionScriptsMatchTheBinary(_ shell: String) {
        let file = Self.files.first { $0.shell == shell }!.file
        let printed = TestStore().run("completion \(shell)").stdout
        let committed = readTextFile(ShellSupport.repoRoot + "/completions/" + file)
        #expect(committed == printed, "completions/\(file) drifted from `kubectl-local completion \(shell)`: run Scripts/gen-docs.sh")
    }

    @Test func manPagesMatchTheBinary() {
        let s = TestStore()
        let dir = ShellSupport.makeTempDir()
        defer { ShellSupport.removeTree(dir) }
        let r = s.run(args: ["__man", dir])
        #expect(r.exitCode == 0, "\(r)")
        let generated = directoryEntries(dir)
        let committed = directoryEntries(ShellSupport.repoRoot + "/man")
        #expect(generated == committed, "man/ drifted: run Scripts/gen-docs.sh")
        #expect(generated.contains("kubectl-local.1") && generated.contains("kubectl-local-get.1")
                && generated.contains("kubectl-local-create-deployment.1"))
        for name in generated {
            let a = readTextFile(dir + "/" + name)
            let b = readTextFile(ShellSupport.repoRoot + "/man/" + name)
            #expect(a == b, "man/\(name) drifted: run Scripts/gen-docs.sh")
        }
        // One page per command: every command of the root help has its page.
        for path in ShellHelpTests.commandPaths(s) {
            let page = (["kubectl-local"] + path).joined(separator: "-") + ".1"
            #expect(generated.contains(page), "no man page for \(path)")
        }
    }

    /// `man -l man/PAGE` renders every page without a warning, with the sections a man page has.
    @Test(.enabled(if: ShellSupport.which("man") != nil && ShellSupport.which("groff") != nil,
                   "man or groff is not installed"))
    func manPagesRenderCleanly() {
        let dir = ShellSupport.repoRoot + "/man"
        let pages = directoryEntries(dir)
        #expect(!pages.isEmpty)
        let env = ["PATH": "/usr/bin:/bin", "MANWIDTH": "80", "LANG": "C.UTF-8"]
        for page in pages {
            let r = ShellSupport.run(["man", "-l", dir + "/" + page], environment: env)
            #expect(r.status == 0 && r.err.isEmpty, "\(page): \(r.err)")
            #expect(r.out.contains("NAME") && r.out.contains("SYNOPSIS") && r.out.contains("DESCRIPTION"), "\(page)")
        }
        let get = ShellSupport.run(["man", "-l", dir + "/kubectl-local-get.1"], environment: env).out
        #expect(get.contains("kubectl-local-get - Show one or many objects"))
        #expect(get.contains("-o, --output=''"))
        #expect(get.contains("kubectl get pods -o wide"))
    }
}
