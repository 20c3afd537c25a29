#if canImport(Glibc)
import Glibc
#endif

/// How a program run by `runProgram` ended.
public enum ProgramEnd: Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)
    /// It could not be started (the errno of posix_spawn).
    case notStarted(Int32)
    /// It was still running when the time ran out (it is killed).
    case timedOut

    /// The status a shell would report (127 when it could not start, 128 + the signal).
    public var shellStatus: Int32 {
        switch self {
        case .exited(let c): return c
        case .signaled(let s): return 128 + s
        case .notStarted, .timedOut: return 127
        }
    }

    /// Go's `*exec.ExitError` text for an end that is not a zero exit (`exit status 128`, `signal: killed`).
    public var goExitErrorText: String {
        switch self {
        case .exited(let c): return "exit status \(c)"
        case .signaled(let s): return "signal: " + String(cString: strsignal(s)).lowercased()
        case .notStarted(let e): return goErrnoText(e)
        case .timedOut: return "signal: killed"
        }
    }
}

/// Runs `argv` (argv[0] looked up in PATH unless it holds a slash) in `directory` (the current one when
/// nil), with the environment plus `environment`. Its stdout is captured, and its stderr too when
/// `mergeStderr` (Go's CombinedOutput; otherwise stderr passes through). With `timeout` (seconds) a
/// program still running then is killed and reported `.timedOut`.
public func runProgram(_ argv: [String], directory: String? = nil, environment: [String: String] = [:],
                       mergeStderr: Bool = false, timeout: Double? = nil) -> (output: [UInt8], end: ProgramEnd) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return ([], .notStarted(errno)) }
    // Close-on-exec: a program another thread starts meanwhile must not inherit this pipe (its write end
    // held open there would keep this read from ending). The dup2 below gives the child its own copy.
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    if mergeStderr { posix_spawn_file_actions_adddup2(&actions, fds[1], 2) }
    posix_spawn_file_actions_addclose(&actions, fds[0])
    var argv = argv
    if let directory {
        if let addChdir = spawnAddChdir {
            _ = addChdir(&actions, directory)
        } else {
            argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + argv
        }
    }
    var merged: [(String, String)] = []
    var e = environ
    while let p = e.pointee {
        let entry = String(cString: p)
        if let eq = entry.firstIndex(of: "="), environment[String(entry[..<eq])] == nil {
            merged.append((String(entry[..<eq]), String(entry[entry.index(after: eq)...])))
        }
        e += 1
    }
    merged += environment.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = merged.map { strdup("\($0.0)=\($0.1)") } + [nil]
    defer {
        for p in cArgs { free(p) }
        for p in cEnv { free(p) }
        posix_spawn_file_actions_destroy(&actions)
    }
    var attributes = ChildSignals.attributes()
    defer { posix_spawnattr_destroy(&attributes) }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
    close(fds[1])
    if rc != 0 { close(fds[0]); return ([], .notStarted(rc)) }
    var output: [UInt8] = []
    var timedOut = false
    if let timeout {
        let deadline = monotonicSeconds() + timeout
        var chunk = [UInt8](repeating: 0, count: 65536)
        reading: while true {
            let left = deadline - monotonicSeconds()
            if left <= 0 { timedOut = true; break }
            var pfd = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(left * 1000, 60_000)) + 1)
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 { continue }
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, 65536) }
            if n < 0 { if errno == EINTR { continue }; break reading }
            if n == 0 { break }
            output.append(contentsOf: chunk[0..<n])
        }
        if timedOut { kill(pid, SIGKILL) }
    } else {
        output = readAll(fd: fds[0])
    }
    close(fds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    if timedOut { return (output, .timedOut) }
    if (status & 0x7f) == 0 { return (output, .exited((status >> 8) & 0xff)) }
    return (output, .signaled(status & 0x7f))
}

/// The signal state a started program gets: no signal blocked, and the default action for the signals a
/// terminal, a shell's `kill` or a closed pipe sends. A thread of a pool (libdispatch's, which runs the test
/// suite) blocks and ignores some, and a program inherits both through exec: it would then outlive `kill`
/// and ignore Ctrl-C. Go's os/exec starts programs the same way.
public enum ChildSignals {
    /// Spawn attributes that set that state; the caller destroys them (`posix_spawnattr_destroy`).
    public static func attributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var reset = sigset_t()
        sigemptyset(&reset)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2] { sigaddset(&reset, signal) }
        posix_spawnattr_setsigdefault(&attributes, &reset)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return attributes
    }
}

/// glibc's posix_spawn_file_actions_addchdir_np (2.29 and later), which Swift's Glibc module does not
/// export: looked up at run time.
private let spawnAddChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
}()

/// Seconds on the monotonic clock.
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Go's `exec.LookPath`: the first executable file named `name` in PATH's directories (an empty entry is
/// the current directory), or nil. A name with a slash is itself when it is executable. `path` stands for
/// `$PATH` when given (an environment other than the process's).
public func lookPath(_ name: String, path searchPath: String? = nil) -> String? {
    func executable(_ p: String) -> Bool {
        var st = stat()
        return stat(p, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR && access(p, X_OK) == 0
    }
    if name.contains("/") { return executable(name) ? name : nil }
    let path = searchPath ?? getenv("PATH").map { String(cString: $0) } ?? ""
    for dir in path.split(separator: ":", omittingEmptySubsequences: false) {
        let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + name
        if executable(candidate) { return candidate }
    }
    return nil
}

/// Go's `os.MkdirTemp("", prefix)`: `$TMPDIR` (or /tmp), the prefix and a random 32-bit number in decimal
/// (`/tmp/LIVE-2121801080`), mode 0700. Nil when no directory could be made.
/// `tmpdir` stands for `$TMPDIR` when given (an environment other than the process's).
public func makeTemporaryDirectory(_ prefix: String, tmpdir: String? = nil) -> String? {
    let base = (tmpdir ?? getenv("TMPDIR").map { String(cString: $0) }).flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    for _ in 0..<10000 {
        let dir = base + "/" + prefix + String(UInt32.random(in: 0...UInt32.max))
        if mkdir(dir, 0o700) == 0 { return dir }
        if errno != EEXIST { break }
    }
    return nil
}

/// Removes `path` and, for a directory, everything under it (symbolic links are removed, never followed).
public func removeTree(_ path: String) {
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
        if let d = opendir(path) {
            var names: [String] = []
            while let e = readdir(d) {
                let name = withUnsafePointer(to: e.pointee.d_name) { p in
                    p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(d)
            for name in names { removeTree(path + "/" + name) }
        }
        rmdir(path)
    } else {
        unlink(path)
    }
}
