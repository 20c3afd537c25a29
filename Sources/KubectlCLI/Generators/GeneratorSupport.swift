#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// What a generator may need besides flags and arguments. Generators never touch process state
/// directly: files, environment, randomness and the API discovery come from here.
public final class GeneratorContext {
    /// The namespace to write into `metadata.namespace`: non-nil only when kubectl "enforces" it
    /// (`-n`/`--namespace` given explicitly). Cluster-scoped kinds ignore it.
    public var namespace: String?
    public var files: GeneratorFiles
    /// Environment for env files' bare `KEY` lines.
    public var environment: [String: String]
    /// `utilrand.String(n)`: n characters from `bcdfghjklmnpqrstvwxz2456789`.
    public var randomSuffix: (Int) -> String
    /// Resolves a `--resource` of `create role|clusterrole` (`pods`, `deploy`, `deployments.apps`) to
    /// its (group, plural resource); nil when the server has no such type.
    public var resolveResource: (_ resource: String, _ group: String) -> (group: String, resource: String)?
    /// The CronJob named by `create job --from=cronjob/NAME` (fetched by the caller), or nil.
    public var fromCronJob: JSONValue?
    /// Warnings kubectl prints on stderr while still succeeding (`Warning: 'fly' is not a standard resource verb`).
    public var warnings: [String] = []

    public init(namespace: String? = nil, files: GeneratorFiles = GeneratorFiles(),
                environment: [String: String] = [:],
                randomSuffix: @escaping (Int) -> String = GeneratorContext.defaultRandomSuffix,
                resolveResource: @escaping (String, String) -> (group: String, resource: String)? = { r, g in (g, r) },
                fromCronJob: JSONValue? = nil)
    {
        self.namespace = namespace
        self.files = files
        self.environment = environment
        self.randomSuffix = randomSuffix
        self.resolveResource = resolveResource
        self.fromCronJob = fromCronJob
    }

    public static func defaultRandomSuffix(_ n: Int) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var g = SystemRandomNumberGenerator()
        return String((0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
    }
}

/// File access for `--from-file`, `--from-env-file`, `--cert/--key`: reads the real disk, with an
/// optional base directory for relative paths (tests point it at their fixtures). Error texts are
/// the Go `syscall.Errno` strings (`no such file or directory`).
public struct GeneratorFiles: Sendable {
    public var baseDirectory: String?
    public init(baseDirectory: String? = nil) { self.baseDirectory = baseDirectory }

    func resolve(_ path: String) -> String {
        guard let base = baseDirectory, !path.hasPrefix("/") else { return path }
        return base + "/" + path
    }

    public enum Kind { case file, directory, other }

    /// stat(2): the kind, or the errno text.
    public func stat(_ path: String) -> Result<Kind, FileError> {
        var st = Glibc.stat()
        if sysStat(resolve(path), &st) != 0 { return .failure(FileError(errno: errno)) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .success(.directory)
        case S_IFREG: return .success(.file)
        default: return .success(.other)
        }
    }

    public func read(_ path: String) -> Result<[UInt8], FileError> {
        let fd = open(resolve(path), O_RDONLY)
        if fd < 0 { return .failure(FileError(errno: errno)) }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return .failure(FileError(errno: errno, op: "read")) }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return .success(out)
    }

    /// Regular files of a directory, sorted by name (Go `os.ReadDir` + `Type().IsRegular()`).
    public func regularFiles(in dir: String) -> Result<[String], FileError> {
        guard let d = opendir(resolve(dir)) else { return .failure(FileError(errno: errno)) }
        defer { closedir(d) }
        var names: [String] = []
        while let ent = readdir(d) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var st = Glibc.stat()
            let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if lstat(resolve(full), &st) == 0, st.st_mode & S_IFMT == S_IFREG { names.append(name) }
        }
        return .success(names.sorted(by: goStringLess))
    }
}

private func sysStat(_ path: String, _ st: inout Glibc.stat) -> Int32 { stat(path, &st) }

public struct FileError: Error, Sendable {
    public var errno: Int32
    /// The failed step as Go's `*PathError` names it: `open`, or `read` (a directory opens, then fails).
    public var op = "open"
    public init(errno: Int32, op: String = "open") {
        self.errno = errno
        self.op = op
    }
    /// Go's text for the errno (`no such file or directory`).
    public var text: String {
        switch errno {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "not a directory"
        default: return String(cString: strerror(errno)).lowercased()
        }
    }
}

// MARK: - Shared validation and helpers

enum Gen {
    /// `NameFromCommandArgs`: exactly one NAME before `--`.
    static func name(_ args: [String], _ argsLenAtDash: Int?) throws -> String {
        let n = argsLenAtDash ?? args.count
        if n != 1 { throw CLIError.usage("exactly one NAME is required, got \(n)") }
        return args[0]
    }

    /// `name` for the kinds whose `Validate` refuses an empty NAME (`kubectl create configmap ''`);
    /// the others build an object without a name.
    static func requiredName(_ args: [String], _ argsLenAtDash: Int?) throws -> String {
        let n = try name(args, argsLenAtDash)
        if n.isEmpty { throw CLIError.message("name must be specified") }
        return n
    }

    /// Keys whose Go fields have no omitempty and may legitimately print `null`.
    static let nullableKeys: Set<String> = ["creationTimestamp", "rules", "containers"]

    /// Object builder that drops nil members (omitempty). Because `JSONValue` is nil-literal
    /// expressible, a `nil` in a ternary may arrive as `.null`; that is dropped too, except for
    /// the fields listed in `nullableKeys`.
    static func obj(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        var o = JSONObject()
        for (k, v) in pairs {
            guard let v else { continue }
            if v.isNull && !nullableKeys.contains(k) { continue }
            o[k] = v
        }
        return .object(o)
    }

    /// A Go `map[string]string` as encoding/json writes it: keys sorted.
    static func sortedMap(_ pairs: [(String, String)]) -> JSONValue {
        var o = JSONObject()
        for (k, v) in pairs.sorted(by: { goStringLess($0.0, $1.0) }) { o[k] = .string(v) }
        return .object(o)
    }

    static func strings(_ a: [String]) -> JSONValue { .array(a.map { .string($0) }) }

    /// ObjectMeta in Go field order.
    static func meta(name: String, namespace: String? = nil, labels: JSONValue? = nil,
                     annotations: JSONValue? = nil, ownerReferences: JSONValue? = nil) -> JSONValue
    {
        obj([("name", name.isEmpty ? nil : .string(name)), ("namespace", namespace.map { .string($0) }),
             ("creationTimestamp", .null), ("labels", labels), ("annotations", annotations),
             ("ownerReferences", ownerReferences)])
    }

    /// `strings.SplitN(s, sep, 2)` with a one-character separator.
    static func splitN2(_ s: String, _ sep: Character) -> [String] {
        guard let i = s.firstIndex(of: sep) else { return [s] }
        return [String(s[..<i]), String(s[s.index(after: i)...])]
    }

    /// `strings.Split`, keeping empty parts.
    static func split(_ s: String, _ sep: Character) -> [String] {
        s.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
    }

    /// Go `strconv.Atoi` error texts.
    static func atoi(_ s: String) throws -> Int {
        if let v = Int(s) { return v }
        let digits = s.hasPrefix("-") || s.hasPrefix("+") ? String(s.dropFirst()) : s
        if !digits.isEmpty && digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            throw CLIError.message("strconv.Atoi: parsing \"\(s)\": value out of range")
        }
        throw CLIError.message("strconv.Atoi: parsing \"\(s)\": invalid syntax")
    }

    /// intstr.Parse: an int32 when the text is an integer, a string otherwise.
    static func intOrString(_ s: String) -> JSONValue {
        if let v = Int32(s) { return .int(Int64(v)) }
        return .string(s)
    }
}
