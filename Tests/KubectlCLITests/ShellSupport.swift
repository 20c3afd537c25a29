#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import KubectlCLI

/// Helpers of the shell-integration tests: the repository, files, processes, tmux.
enum ShellSupport {
    /// The repository root (this file is `Tests/KubectlCLITests/ShellSupport.swift`).
    static let repoRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let realKubectl = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The first `name` executable on the PATH of the tests, or in /usr/bin and /bin.
    static func which(_ name: String) -> String? {
        let path = (getenv("PATH").map { String(cString: $0) } ?? "") + ":/usr/bin:/bin:/usr/local/bin"
        for dir in path.split(separator: ":") where access("\(dir)/\(name)", X_OK) == 0 { return "\(dir)/\(name)" }
        return nil
    }

    static func makeTempDir() -> String {
        var template = Array("/tmp/kubectl-local-shell-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    static func removeTree(_ path: String) {
        _ = run(["/bin/rm", "-rf", path], environment: ["PATH": "/usr/bin:/bin"])
    }

    /// Runs a program with exactly `environment`; returns stdout, stderr and the exit status.
    @discardableResult
    static func run(_ argv: [String], environment: [String: String]) -> (out: String, err: String, status: Int32) {
        let dir = makeTempDir()
        defer { unlink(dir + "/out"); unlink(dir + "/err"); rmdir(dir) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, dir + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, dir + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let cargs = argv.map { strdup($0) } + [nil]
        let cenv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cargs + cenv).forEach { free($0) } }
        var attributes = ChildSignals.attributes()
        defer { posix_spawnattr_destroy(&attributes) }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, &attributes, cargs, cenv) == 0 else { return ("", "cannot spawn \(argv[0])", -1) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (readTextFile(dir + "/out") ?? "", readTextFile(dir + "/err") ?? "", (status >> 8) & 0xFF)
    }

    /// A directory holding `kubectl-local` (the built binary) and `kubectl_complete-local`, to put on PATH.
    static func binDirectory(in dir: String) -> String {
        let bin = dir + "/bin"
        mkdir(bin, 0o755)
        symlink(builtBinary(), bin + "/kubectl-local")
        _ = run(["/bin/cp", repoRoot + "/completions/kubectl_complete-local", bin + "/kubectl_complete-local"],
                environment: ["PATH": "/usr/bin:/bin"])
        return bin
    }
}

/// An interactive shell in a private tmux server, driven by keystrokes; the screen is read back.
final class TmuxShell {
    let socket: String
    let tmux: String

    /// `command` runs in a 200x50 window with exactly `environment`.
    init?(_ command: [String], environment: [String: String]) {
        guard let tmux = ShellSupport.which("tmux") else { return nil }
        self.tmux = tmux
        socket = "kl-shell-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let env = ["/usr/bin/env", "-i"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let r = ShellSupport.run([tmux, "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "200", "-y", "50"]
                                    + env + command, environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm"])
        if r.status != 0 { return nil }
    }

    deinit { close() }

    /// Stops the private tmux server (tests call it with `defer`; deinit is a fallback).
    func close() {
        guard !closed else { return }
        closed = true
        // kill-server is not always enough (the server can outlive it while its shell ignores SIGHUP):
        // stop the server process itself.
        let env = ["PATH": "/usr/bin:/bin"]
        let pid = ShellSupport.run([tmux, "-L", socket, "display-message", "-p", "#{pid}"], environment: env).out
        _ = ShellSupport.run([tmux, "-L", socket, "kill-server"], environment: env)
        if let p = Int32(pid.filter { $0.isNumber }), p > 1 { kill(p, SIGKILL) }
        unlink("/tmp/tmux-\(getuid())/\(socket)")
    }
    private var closed = false

    /// Keys as tmux names them (`Tab`, `Enter`, `C-u`); plain text is typed literally with `literal`.
    func keys(_ names: String...) {
        ShellSupport.run([tmux, "-L", socket, "send-keys", "-t", "t"] + names, environment: ["PATH": "/usr/bin:/bin"])
    }

    func type(_ text: String) {
        ShellSupport.run([tmux, "-L", socket, "send-keys", "-t", "t", "-l", text], environment: ["PATH": "/usr/bin:/bin"])
    }

    func screen() -> String {
        ShellSupport.run([tmux, "-L", socket, "capture-pane", "-p", "-t", "t"], environment: ["PATH": "/usr/bin:/bin"]).out
    }

    /// Polls the screen (up to `seconds`) until `condition` holds; returns the last screen.
    @discardableResult
    func waitFor(_ seconds: Double = 8, _ condition: (String) -> Bool) -> String {
        var s = screen()
        var waited = 0.0
        while !condition(s) && waited < seconds {
            usleep(50_000)
            waited += 0.05
            s = screen()
        }
        return s
    }

    /// Screen lines without trailing blanks, empty lines dropped.
    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { String($0) }.map { l in
            var s = Substring(l)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }.filter { !$0.isEmpty }
    }
}
