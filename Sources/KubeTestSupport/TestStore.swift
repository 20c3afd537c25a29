#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubectlCLI

/// What one command printed and returned.
public struct CLIResult: Equatable, CustomStringConvertible {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32
    public init(stdout: String, stderr: String, exitCode: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
    public var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A fresh store in a temporary directory, and a way to run commands on it in-process, with a frozen
/// clock (`KUBECTL_LOCAL_NOW`) so ages and timestamps are deterministic.
public final class TestStore {
    public let directory: String
    public let path: String
    public var environment: [String: String]

    public init(now: String = "2026-11-23T12:00:00Z") {
        var template = Array("/tmp/kubectl-local-test-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { buf -> String in
            guard let p = mkdtemp(buf.baseAddress!) else { return "/tmp/kubectl-local-test-fallback" }
            return String(cString: p)
        }
        directory = dir
        path = dir + "/store.db"
        environment = ["KUBECTL_LOCAL_STORE": path, "KUBECTL_LOCAL_NOW": now, "HOME": dir]
    }

    deinit {
        // The store, its kubeconfig, the stores of other clusters and any file a test wrote.
        removeTree(directory)
    }

    /// Moves the frozen clock.
    public func setNow(_ rfc3339: String) { environment["KUBECTL_LOCAL_NOW"] = rfc3339 }

    /// Moves the frozen clock `seconds` ahead: what falls due meanwhile (a kubelet stopping a Terminating
    /// pod, a CronJob) happens when the next command opens the store.
    public func advance(seconds: Int64) {
        guard let t = Timestamp(rfc3339: environment["KUBECTL_LOCAL_NOW"] ?? "") else { return }
        setNow(t.adding(seconds: seconds).rfc3339)
    }

    /// Runs a command line (shell-style words; single and double quotes group words).
    @discardableResult
    public func run(_ commandLine: String, stdin: String = "") -> CLIResult {
        run(args: shellWords(commandLine), stdin: stdin)
    }

    @discardableResult
    public func run(args: [String], stdin: String = "") -> CLIResult {
        var argv = args
        if argv.first == "kubectl" { argv.removeFirst() }
        let io = IOStreams.buffers(stdin: stdin)
        let code = CLI.run(argv, io: io, environment: environment)
        return CLIResult(stdout: io.out.text, stderr: io.err.text, exitCode: code)
    }

    /// Writes a file into the store's directory and returns its path.
    @discardableResult
    public func writeFile(_ name: String, _ contents: String) -> String {
        writeBytes(name, Array(contents.utf8))
    }

    /// Writes bytes into a file of the store's directory and returns its path.
    @discardableResult
    public func writeBytes(_ name: String, _ bytes: [UInt8]) -> String {
        let p = directory + "/" + name
        let fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        return p
    }
}

/// What a shell command prints (stdout and stderr), for checks with system tools (openssl).
public func shell(_ command: String) -> String {
    guard let p = popen(command + " 2>&1", "r") else { return "" }
    defer { pclose(p) }
    var out = ""
    var buf = [CChar](repeating: 0, count: 4096)
    while fgets(&buf, 4096, p) != nil { out += String(cString: buf) }
    return out
}

/// Splits a command line like a POSIX shell would for simple cases: whitespace separates words,
/// single quotes keep everything literal, double quotes allow `\"` and `\\`, a backslash escapes
/// the next character outside quotes.
public func shellWords(_ s: String) -> [String] {
    var words: [String] = []
    var cur = ""
    var inWord = false
    var it = Array(s)
    var i = 0
    while i < it.count {
        let c = it[i]
        if c == "'" {
            inWord = true
            i += 1
            while i < it.count, it[i] != "'" { cur.append(it[i]); i += 1 }
        } else if c == "\"" {
            inWord = true
            i += 1
            while i < it.count, it[i] != "\"" {
                if it[i] == "\\", i + 1 < it.count, it[i + 1] == "\"" || it[i + 1] == "\\" { i += 1 }
                cur.append(it[i]); i += 1
            }
        } else if c == "\\", i + 1 < it.count {
            inWord = true
            cur.append(it[i + 1]); i += 1
        } else if c == " " || c == "\t" || c == "\n" {
            if inWord { words.append(cur); cur = ""; inWord = false }
        } else {
            inWord = true
            cur.append(c)
        }
        i += 1
    }
    if inWord { words.append(cur) }
    it.removeAll()
    return words
}

/// Reads a file's text, for golden files located next to tests.
public func readTextFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return String(decoding: readAll(fd: fd), as: UTF8.self)
}

extension String {

    /// The string without leading and trailing `c` characters.
    public func trimmingCharacters(in c: Character) -> String {
        var s = Substring(self)
        while s.last == c { s.removeLast() }
        while s.first == c { s.removeFirst() }
        return String(s)
    }
}
