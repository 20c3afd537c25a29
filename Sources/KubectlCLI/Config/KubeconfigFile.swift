#if canImport(Glibc)
import Glibc
#endif
import KubeCodec
import KubeModel

/// Where kubectl-local's kubeconfig lives and which store each of its clusters uses.
///
/// The home store (`--store`, `KUBECTL_LOCAL_STORE`, or `~/.local/share/kubectl-local/store.db`) is the
/// store of the cluster `local`. The kubeconfig sits beside it (`store.db` → `store.kubeconfig`) unless
/// `--kubeconfig` names another file; each other cluster gets its own store file in a directory beside
/// it (`store.clusters/NAME.db`), created and seeded on first use, unless the cluster's server is
/// `local://PATH`, which names its store file.
struct KubeconfigLocation: Sendable {
    static let defaultName = "local"

    var homeStore: String
    var path: String
    /// `--kubeconfig` named the file (then a missing file is an error for readers, as in kubectl).
    var explicit: Bool

    init(flagValues: [String: String], environment: [String: String]) {
        homeStore = Self.homeStorePath(flagValues: flagValues, environment: environment)
        if let k = flagValues["kubeconfig"], !k.isEmpty {
            path = k
            explicit = true
        } else {
            path = Self.stem(homeStore) + ".kubeconfig"
            explicit = false
        }
    }

    /// `--store`, then `KUBECTL_LOCAL_STORE`, then `$XDG_DATA_HOME/kubectl-local/store.db`
    /// (`~/.local/share/kubectl-local/store.db`).
    static func homeStorePath(flagValues: [String: String], environment: [String: String]) -> String {
        if let p = flagValues["store"], !p.isEmpty { return p }
        if let p = environment["KUBECTL_LOCAL_STORE"], !p.isEmpty { return p }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/kubectl-local/store.db" }
        return (environment["HOME"] ?? ".") + "/.local/share/kubectl-local/store.db"
    }

    static func stem(_ path: String) -> String { path.hasSuffix(".db") ? String(path.dropLast(3)) : path }

    /// The store file of cluster `name` (entry `cluster` from the kubeconfig, when it has one).
    func storePath(cluster name: String, entry: JSONObject?) -> String {
        if let server = entry?["server"]?.string, server.hasPrefix("local://"), server.count > 8 {
            let p = String(server.dropFirst(8))
            if p.hasPrefix("/") { return p }
            guard let slash = path.lastIndex(of: "/") else { return p }
            return String(path[...slash]) + p
        }
        if name.isEmpty || name == Self.defaultName { return homeStore }
        return Self.stem(homeStore) + ".clusters/" + Self.fileName(name) + ".db"
    }

    /// A cluster name as a file name: letters, digits, `.`, `_`, `-` kept, anything else %XX-escaped.
    static func fileName(_ name: String) -> String {
        var out = ""
        for b in name.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || (c == "." && !out.isEmpty)) {
                out.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// The document a home store starts with: one cluster, user and context named `local`. A relative
    /// `local://` path is read from the kubeconfig's directory, which is the store's own: a relative
    /// home store is named by its file name alone.
    func defaultConfig(namespace: String?) -> Kubeconfig {
        var c = Kubeconfig()
        let server = homeStore.hasPrefix("/") ? homeStore : String(homeStore.split(separator: "/").last ?? "")
        c.clusters = [.init(name: Self.defaultName, fields: JSONObject([("server", .string("local://" + server))]))]
        c.users = [.init(name: Self.defaultName, fields: JSONObject())]
        var ctx = JSONObject([("cluster", .string(Self.defaultName)), ("user", .string(Self.defaultName))])
        if let namespace, !namespace.isEmpty { ctx["namespace"] = .string(namespace) }
        c.contexts = [.init(name: Self.defaultName, fields: ctx)]
        c.currentContext = Self.defaultName
        return c
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

/// Reading and writing the kubeconfig file: YAML as kubectl writes it (keys sorted), replaced
/// atomically under a lock so concurrent shells never lose an update.
enum KubeconfigFile {
    /// The file's document; nil when the file does not exist.
    static func read(_ path: String) throws -> Kubeconfig? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw CLIError.message("error loading config file \"\(path)\": open \(path): \(goErrnoText(errno))")
        }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CLIError.message("error loading config file \"\(path)\": read \(path): is a directory")
        }
        let bytes = readAll(fd: fd)
        close(fd)
        let text = String(decoding: bytes, as: UTF8.self)
        if text.allSatisfy({ $0.isWhitespace }) { return Kubeconfig() }
        do {
            let doc = try YAMLCodec.decode(text)
            if doc.isNull { return Kubeconfig() }
            if let problem = KubeconfigSchema.problem(doc) {
                throw CLIError.message("error loading config file \"\(path)\": \(problem)")
            }
            return Kubeconfig(document: doc)
        } catch let e as CLIError {
            throw e
        } catch {
            // clientcmd decodes with go-yaml directly: no sigs.k8s.io/yaml prefix.
            var text = String(describing: error)
            let prefix = "error converting YAML to JSON: "
            if text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            throw CLIError.message("error loading config file \"\(path)\": \(text)")
        }
    }

    /// Read-modify-write under `PATH.lock`; the new text replaces the file in one rename.
    /// `writeUnchanged`: write the file even when it is missing and the change changes nothing (the
    /// store's own kubeconfig; a file named by `--kubeconfig` is not created by a change that changes nothing).
    static func update(_ path: String, initial: () throws -> Kubeconfig, writeUnchanged: Bool = true,
                       _ change: (inout Kubeconfig) throws -> Void) throws
    {
        try makeParentDirectories(of: path)
        let lock = try acquireLock(path + ".lock")
        // Removed while still held, as clientcmd removes its lock file: later writers lock a new file.
        defer { unlink(path + ".lock"); flock(lock, LOCK_UN); close(lock) }
        let existing = try read(path)
        let start = try existing ?? initial()
        var config = start
        try change(&config)
        // clientcmd's ModifyConfig writes only what changed: a change that changes nothing leaves the
        // file as it is, in its own layout.
        if start.json() == config.json() && (existing != nil || !writeUnchanged) { return }
        try write(config, to: path)
    }

    /// An exclusive flock on `path`, retried until the locked file is still the one at `path` (a holder
    /// removes it when done, so a waiter may have locked a file that is gone).
    private static func acquireLock(_ path: String) throws -> Int32 {
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw CLIError.message("open \(path): \(String(cString: strerror(errno)))") }
            flock(fd, LOCK_EX)
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return fd
            }
            flock(fd, LOCK_UN)
            close(fd)
        }
    }

    static func write(_ config: Kubeconfig, to path: String) throws {
        let text = YAMLCodec.encode(config.json())
        let temp = path + ".tmp\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIError.message("open \(temp): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == bytes.count, rename(temp, path) == 0 else {
            unlink(temp)
            throw CLIError.message("write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// `mkdir -p` of the directory holding `path` (created 0700, as the store's).
    static func makeParentDirectories(of path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path[..<slash].split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw CLIError.message("mkdir \(prefix): \(String(cString: strerror(errno)))")
            }
            prefix += "/"
        }
    }
}

/// The bytes of a file named in a kubeconfig (certificates, keys), with Go's error text.
func readFileBytes(_ path: String) throws -> [UInt8] {
    switch readFile(path) {
    case .success(let bytes): return bytes
    case .failure(let e): throw CLIError.message("open \(path): \(e.goText)")
    }
}

/// File paths inside a kubeconfig: relative ones are read from the kubeconfig's directory, and an entry
/// that set-cluster or set-credentials rewrites gets its paths relative to that directory when they lie
/// inside it (clientcmd's ResolveLocalPaths, then RelativizePathWithNoBacksteps).
enum KubeconfigPaths {
    /// The absolute directory of the kubeconfig file.
    static func base(of kubeconfigPath: String) -> String {
        let abs = absolutePath(kubeconfigPath)
        guard let slash = abs.lastIndex(of: "/"), slash != abs.startIndex else { return "/" }
        return String(abs[..<slash])
    }

    static func resolved(_ path: String, base: String) -> String { path.isEmpty ? path : joinPath(base, path) }

    static func relativized(_ path: String, base: String) -> String {
        guard !path.isEmpty else { return path }
        let full = joinPath(base, path)
        if full == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : (path.hasPrefix("/") ? path : full)
    }

    /// The path fields of `fields` relativized (`keys`: the entry kind's path fields).
    static func relativize(_ fields: inout JSONObject, _ keys: [String], base: String) {
        for key in keys {
            if let p = fields[key]?.string, !p.isEmpty { fields[key] = .string(relativized(p, base: base)) }
        }
    }
}
