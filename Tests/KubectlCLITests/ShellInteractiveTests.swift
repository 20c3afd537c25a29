#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// The completion scripts in real shells: an interactive bash, zsh and fish in tmux, with the script
/// loaded as the docs say; the tests type a command line, press TAB and read what the line became.
/// A shell that is not installed skips its test with the reason (CI installs zsh and fish).
@Suite(.serialized) struct ShellInteractiveTests {
    final class Fixture {
        let store = ShellCompletionTests.store()
        let dir = ShellSupport.makeTempDir()
        lazy var bin = ShellSupport.binDirectory(in: dir)
        var environment: [String: String] {
            ["HOME": dir, "TERM": "xterm", "PATH": bin + ":/usr/bin:/bin", "LANG": "C.UTF-8",
             "KUBECTL_LOCAL_STORE": store.path, "KUBECTL_LOCAL_NOW": "2026-11-23T12:00:00Z"]
        }
        deinit { ShellSupport.removeTree(dir) }
    }

    /// Types `line`, presses TAB, and returns the prompt line once it changed (or the screen on timeout).
    static func tab(_ sh: TmuxShell, prompt: String, _ line: String, tabs: Int = 1,
                    until: @escaping (String) -> Bool) -> String
    {
        sh.keys("C-u")
        sh.type(line)
        sh.waitFor { $0.contains(prompt + line) }
        for _ in 0..<tabs {
            sh.keys("Tab")
            usleep(300_000)
        }
        return sh.waitFor(8, until)
    }

    static func promptLine(_ screen: String, _ prompt: String) -> String {
        TmuxShell.lines(screen).last { $0.hasPrefix(prompt.trimmingTrailingSpaces()) } ?? ""
    }

    @Test(.enabled(if: ShellSupport.which("bash") != nil && ShellSupport.which("tmux") != nil, "bash or tmux is not installed"))
    func bash() throws {
        let f = Fixture()
        let sh = try #require(TmuxShell(["bash", "--norc", "--noprofile"], environment: f.environment.merging(["PS1": "$ "]) { $1 }))
        defer { sh.close() }
        sh.waitFor { $0.contains("$ ") }
        sh.type("source <(kubectl-local completion bash); clear")
        sh.keys("Enter")
        sh.waitFor { TmuxShell.lines($0) == ["$"] }
        try checkCommonCompletions(sh, prompt: "$ ")
        // Two TABs list the candidates.
        let s = Self.tab(sh, prompt: "$ ", "kubectl-local get pods web-", tabs: 2) { $0.contains("web-0") && $0.contains("web-1") }
        #expect(s.contains("web-0") && s.contains("web-1"), "\(s)")
        // `=` and `-f` files.
        let eq = Self.tab(sh, prompt: "$ ", "kubectl-local get pods --output=ya") { $0.contains("--output=yaml") }
        #expect(Self.promptLine(eq, "$ ") == "$ kubectl-local get pods --output=yaml")
    }

    @Test(.enabled(if: ShellSupport.which("zsh") != nil && ShellSupport.which("tmux") != nil, "zsh is not installed (apt-get install zsh)"))
    func zsh() throws {
        let f = Fixture()
        let sh = try #require(TmuxShell(["zsh", "-f"], environment: f.environment))
        defer { sh.close() }
        sh.waitFor { !TmuxShell.lines($0).isEmpty }
        sh.type("PS1='%% '; autoload -Uz compinit; compinit -D -u; source <(kubectl-local completion zsh); clear")
        sh.keys("Enter")
        sh.waitFor { TmuxShell.lines($0) == ["%"] }
        try checkCommonCompletions(sh, prompt: "% ")
        let s = Self.tab(sh, prompt: "% ", "kubectl-local get pods web-", tabs: 2) { $0.contains("web-0") && $0.contains("web-1") }
        #expect(s.contains("web-0") && s.contains("web-1"), "\(s)")
    }

    @Test(.enabled(if: ShellSupport.which("fish") != nil && ShellSupport.which("tmux") != nil, "fish is not installed (apt-get install fish)"))
    func fish() throws {
        let f = Fixture()
        let sh = try #require(TmuxShell(["fish", "--no-config"], environment: f.environment))
        defer { sh.close() }
        sh.waitFor { !TmuxShell.lines($0).isEmpty }
        sh.type("function fish_prompt; echo -n '> '; end; kubectl-local completion fish | source; clear")
        sh.keys("Enter")
        sh.waitFor { TmuxShell.lines($0) == [">"] }
        try checkCommonCompletions(sh, prompt: "> ")
        let s = Self.tab(sh, prompt: "> ", "kubectl-local get pods web-") { $0.contains("web-0") && $0.contains("web-1") }
        #expect(s.contains("web-0") && s.contains("web-1"), "\(s)")
        sh.keys("Escape")
    }

    /// What a single TAB completes, the same in every shell.
    func checkCommonCompletions(_ sh: TmuxShell, prompt: String) throws {
        let cases: [(typed: String, expected: String)] = [
            ("kubectl-local descr", "kubectl-local describe "),                // subcommand
            ("kubectl-local get deployments a", "kubectl-local get deployments api "),  // name from the store
            ("kubectl-local get pods -n de", "kubectl-local get pods -n de"),  // ambiguous: default, dev
            ("kubectl-local get pods -n kube-s", "kubectl-local get pods -n kube-system "),  // namespace
            ("kubectl-local get pods -n dev d", "kubectl-local get pods -n dev db-0 "),  // names of that namespace
            ("kubectl-local get nod", "kubectl-local get nodes "),             // plural names only, as kubectl
            ("kubectl-local get pods -o jsonpath-f", "kubectl-local get pods -o jsonpath-file "),  // -o formats
            ("kubectl-local get pods --namespace=kube-s", "kubectl-local get pods --namespace=kube-system "),  // value after '='
            ("kubectl-local get pods -o=jsonpath-f", "kubectl-local get pods -o=jsonpath-file "),
            ("kubectl-local get --show-lab", "kubectl-local get --show-labels "),  // flag name
            ("kubectl-local config use-context l", "kubectl-local config use-context local "),
            ("kubectl-local completion fi", "kubectl-local completion fish "),
        ]
        for c in cases {
            let want = prompt + c.expected
            let screen = Self.tab(sh, prompt: prompt, c.typed) { s in
                let l = Self.promptLine(s, prompt)
                return l == want.trimmingTrailingSpaces() && (c.expected == c.typed || l != prompt + c.typed)
            }
            let got = Self.promptLine(screen, prompt)
            #expect(got == want.trimmingTrailingSpaces(), "TAB after `\(c.typed)`:\n\(screen)")
            // The space after a unique completion: type a marker and look at it.
            if c.expected.hasSuffix(" ") {
                sh.type("#")
                let marked = sh.waitFor { Self.promptLine($0, prompt).hasSuffix("#") }
                #expect(Self.promptLine(marked, prompt) == want + "#", "no space after `\(c.expected)`")
            }
            sh.keys("C-u")
            sh.waitFor { Self.promptLine($0, prompt) == prompt.trimmingTrailingSpaces() }
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
