#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl diff -f`: writes the live and the would-be objects into `LIVE-*` and `MERGED-*`
/// directories and runs `diff -u -N` (or `$KUBECTL_EXTERNAL_DIFF`) on them. Exit 0: no differences,
/// 1: differences, >1: an error (the diff program's own code, or 2 for kubectl's errors).
enum DiffCommand {
    static let spec: CommandSpec = {
        var spec = CommandSpec(
            "diff",
            use: "diff -f FILENAME",
            short: "Show how objects in the store would change if the files were applied",
            group: "Advanced Commands:",
            options: DiffOptions.self)
        spec.run = { try run(&$0) }
        spec.flagErrorsAreUsageErrors = true
        return spec
    }()

    /// diff's exit codes: 0 no differences, 1 differences, >1 an error (kubectl's own errors exit 2).
    static func run(_ inv: inout Invocation) throws {
        do {
            try DiffOptions.execute(&inv)
        } catch CLIError.exit(let c) {
            throw CLIError.exit(c)
        } catch {
            let (text, code) = ErrorRenderer.render(error, commandLine: inv.commandLine)
            inv.io.err.write(text)
            throw CLIError.exit(code + 1)
        }
    }

    /// kubectl's file name of an object in the LIVE and MERGED directories (`apps.v1.Deployment.ns.name`).
    static func fileName(_ type: ResourceType, namespace: String, name: String) -> String {
        (type.group.isEmpty ? "" : type.group + ".") + "\(type.version).\(type.kind).\(namespace).\(name)"
    }

    /// Runs `diff -u -N` (or `$KUBECTL_EXTERNAL_DIFF`) on the two directories.
    static func runDiffProgram(live: String, merged: String, inv: inout Invocation) throws {
        var command = ["diff", "-u", "-N"]
        if let external = inv.environment["KUBECTL_EXTERNAL_DIFF"], !external.isEmpty {
            let words = external.split(separator: " ").map(String.init)
            command = [words[0]] + words.dropFirst().filter { arg in
                !arg.isEmpty && arg.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "=" }
            }
        }
        let (output, status) = runProcess(command + [live, merged], environment: inv.environment)
        inv.io.out.write(output)
        if status == 127 && output.isEmpty {
            throw CLIError.message("failed to run \(goQuoted(command[0])): executable file not found in $PATH")
        }
        if status != 0 { throw CLIError.exit(status) }
    }

    /// The object as diff shows it: without managedFields, secret values masked.
    static func prepare(_ obj: JSONValue, show: Bool) -> JSONValue {
        var o = show ? obj : ObjectPrinter.stripManagedFields(obj)
        if o["kind"].string == "Secret" && (o["apiVersion"].string ?? "") == "v1" {
            for field in ["data", "stringData"] {
                if case .object(let m) = o[field] {
                    var masked = JSONObject()
                    for (k, _) in m { masked[k] = .string("***") }
                    o[field] = .object(masked)
                }
            }
        }
        return o
    }

    /// Go's os.MkdirTemp: the prefix and a random 32-bit number in decimal (`/tmp/LIVE-2121801080`), mode 0700.
    static func makeTempDir(_ prefix: String) throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        for _ in 0..<10000 {
            let dir = base + "/" + prefix + String(UInt32.random(in: 0...UInt32.max))
            if mkdir(dir, 0o700) == 0 { return dir }
            if errno != EEXIST { break }
        }
        throw CLIError.message("unable to create temporary directory for \(prefix)")
    }

    static func writeFile(_ path: String, _ text: String) throws {
        if writeWholeFile(path, text, mode: 0o600)?.call == "open" { throw CLIError.message("open \(path): cannot create file") }
    }

    static func removeTree(_ dir: String) {
        if let d = opendir(dir) {
            while let e = readdir(d) {
                let name = withUnsafePointer(to: e.pointee.d_name) { p in
                    p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                unlink(dir + "/" + name)
            }
            closedir(d)
        }
        rmdir(dir)
    }
}

/// Runs a program (looked up in PATH) with its stdout captured; stderr passes through. Returns the
/// output and the exit status (127 when it cannot be started).
func runProcess(_ argv: [String], environment: [String: String]) -> (String, Int32) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return ("", 127) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    var pid: pid_t = 0
    let cArgs = argv.map { strdup($0) } + [nil]
    var merged: [String: String] = [:]
    var e = environ
    while let p = e.pointee {
        let entry = String(cString: p)
        if let eq = entry.firstIndex(of: "=") { merged[String(entry[..<eq])] = String(entry[entry.index(after: eq)...]) }
        e += 1
    }
    for (k, v) in environment { merged[k] = v }
    let cEnv = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for p in cArgs { free(p) }
        for p in cEnv { free(p) }
        posix_spawn_file_actions_destroy(&actions)
    }
    let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, cEnv)
    close(fds[1])
    if rc != 0 { close(fds[0]); return ("", 127) }
    let out = readAll(fd: fds[0])
    close(fds[0])
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (String(decoding: out, as: UTF8.self), code)
}
