#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// A kustomization root in a git repository, as kustomize v5.5 reads one from a resource, component or
/// build argument (`github.com/org/repo//path?ref=v1`, `https://host/org/repo.git`, `git@host:org/repo`,
/// `file:///srv/repo//dir`, Azure's `.../_git/repo`): where to fetch it from, the ref, and the directory
/// in the clone to build. Anything else (a plain path, an absolute path, a URL naming no repository) is
/// not one, and kustomize treats it as a local directory.
struct KustomizeRepoSpec {
    /// The repository's host with its scheme and user (`https://github.com/`, `git@github.com:`, `file://`).
    var host = ""
    /// The repository below the host (`org/repo`).
    var repoPath = ""
    /// The directory to build inside the clone (URL path, may start with `/`).
    var rootPath = ""
    var ref = ""
    var gitSuffix = ""
    var submodules = true
    /// Seconds each git command may take.
    var timeout = 27.0
    var timeoutText = "27s"
    /// The URL began with go-getter's `git::` (kustomize strips it and logs a warning).
    var forcedGitProtocol = false

    /// What `git fetch` is given.
    var cloneSpec: String {
        if host.contains("dev.azure.com") || host.contains("visualstudio.com") || host.contains("amazonaws.com") {
            return host + repoPath
        }
        return host + repoPath + gitSuffix
    }

    /// The directory to build, relative to the clone (cleaned, no leading slash; empty for its top).
    var cleanedRootPath: String {
        let trimmed = rootPath.hasPrefix("/") ? String(rootPath.dropFirst()) : rootPath
        let c = goCleanPath(trimmed)
        return c == "." ? "" : c
    }

    init?(_ raw: String) {
        if raw.hasPrefix("/") { return nil }
        var n = raw
        var query = ""
        if let q = raw.firstIndex(of: "?") {
            n = String(raw[..<q])
            query = String(raw[raw.index(after: q)...])
        }
        readQuery(query)
        if let delimiter = n.firstRange(of: "_git/") {
            host = KustomizeRepoSpec.normalizedHost(String(n[..<delimiter.upperBound]))
            let rest = n[delimiter.upperBound...]
            repoPath = String(rest.split(separator: "/", omittingEmptySubsequences: false).first ?? "")
            rootPath = KustomizeRepoSpec.urlPath(String(rest.dropFirst(repoPath.count)))
        } else {
            let rest: String
            (host, rest, forcedGitProtocol) = KustomizeRepoSpec.extractHost(n)
            let isLocal = host.hasPrefix("file://")
            if let dotGit = rest.firstRange(of: ".git") {
                gitSuffix = ".git"
                repoPath = String(rest[..<dotGit.lowerBound])
                var after = rest[dotGit.upperBound...]
                if after.first == "/" { after = after.dropFirst() }
                rootPath = KustomizeRepoSpec.urlPath(String(after))
            } else if isLocal {
                if let twoSlashes = rest.firstRange(of: "//"), twoSlashes.lowerBound > rest.startIndex {
                    repoPath = String(rest[..<twoSlashes.lowerBound])
                    rootPath = KustomizeRepoSpec.urlPath(String(rest[twoSlashes.upperBound...]))
                } else {
                    repoPath = KustomizeRepoSpec.urlPath(rest)
                }
            } else if let slash = rest.firstIndex(of: "/"), slash > rest.startIndex {
                let afterOrg = rest[rest.index(after: slash)...]
                if let second = afterOrg.firstIndex(of: "/") {
                    repoPath = String(rest[..<second])
                    rootPath = KustomizeRepoSpec.urlPath(String(rest[rest.index(after: second)...]))
                } else {
                    repoPath = KustomizeRepoSpec.urlPath(rest)
                }
            } else {
                rootPath = KustomizeRepoSpec.urlPath(rest)
            }
        }
        if repoPath.isEmpty || host.isEmpty { return nil }
        // A path that climbs out of the repository is no repository spec.
        if cleanedRootPath == ".." || cleanedRootPath.hasPrefix("../") { return nil }
    }

    /// `?ref=` (or `?version=`), `?timeout=` (whole seconds or a Go duration), `?submodules=`. A query Go
    /// cannot parse (a `;` in it) leaves every default.
    private mutating func readQuery(_ query: String) {
        var values: [(String, String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            if part.contains(";") { return }
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = KustomizeRepoSpec.queryUnescape(String(kv[0])),
                  let value = KustomizeRepoSpec.queryUnescape(kv.count > 1 ? String(kv[1]) : "") else { return }
            values.append((key, value))
        }
        func get(_ key: String) -> String { values.first { $0.0 == key }?.1 ?? "" }
        ref = get("ref").isEmpty ? get("version") : get("ref")
        let t = get("timeout")
        if !t.isEmpty {
            if let seconds = Int(t), seconds > 0 {
                timeout = Double(seconds)
                timeoutText = GoDuration(seconds: Int64(seconds)).description
            } else if let d = try? GoDuration.parse(t), d.nanoseconds > 0 {
                timeout = Double(d.nanoseconds) / 1e9
                timeoutText = d.description
            }
        }
        switch get("submodules") {
        case "1", "t", "T", "true", "TRUE", "True": submodules = true
        case "0", "f", "F", "false", "FALSE", "False": submodules = false
        default: break
        }
    }

    /// Go's url.QueryUnescape (`+` is a space); nil for a bad escape.
    static func queryUnescape(_ s: String) -> String? {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) else { return nil }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b[i] == UInt8(ascii: "+") ? UInt8(ascii: " ") : b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The path part of `n` read as a URL (Go's url.Parse(n).Path): after a `//host`, none for an opaque
    /// `scheme:rest`, unescaped; `n` itself when Go would fail to parse it.
    static func urlPath(_ n: String) -> String {
        var rest = Substring(n)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        // A scheme: a letter, then letters, digits, + - . up to a colon.
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if candidate.isEmpty { return n }
            let slashBefore = candidate.contains("/")
            if !slashBefore {
                let validScheme = candidate.first!.isASCII && candidate.first!.isLetter
                    && candidate.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
                if !validScheme { return n }
                rest = rest[rest.index(after: colon)...]
                if !rest.hasPrefix("/") { return "" }
            }
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            rest = afterSlashes.firstIndex(of: "/").map { afterSlashes[$0...] } ?? ""
        }
        return queryUnescape(String(rest).replacingAll("+", with: "%2B")) ?? n
    }

    /// kustomize's host extraction: an optional `git::`, a scheme (ssh, https, http, file), the `git@` user,
    /// then the host up to the first `/` (or, scp-style, a `:` before it). github.com is normalised to
    /// `https://github.com/` or `git@github.com:`. An empty host means the text names no repository.
    static func extractHost(_ text: String) -> (host: String, rest: String, forcedGit: Bool) {
        var n = Substring(text)
        var forced = false
        if n.lowercased().hasPrefix("git::") { n = n.dropFirst(5); forced = true }
        var scheme = ""
        for prefix in ["ssh://", "https://", "http://", "file://"] where n.lowercased().hasPrefix(prefix) {
            scheme = prefix
            n = n.dropFirst(prefix.count)
            break
        }
        var user = ""
        if n.lowercased().hasPrefix("git@") { user = "git@"; n = n.dropFirst(4) }
        let lower = n.lowercased()
        let github = lower.hasPrefix("github.com/") || lower.hasPrefix("github.com:")
        let scpStyle = scheme.isEmpty && (!user.isEmpty || github)
        switch scheme {
        case "": if !scpStyle { return ("", String(n), forced) }
        case "https://", "http://": if !user.isEmpty { return ("", String(n), forced) }
        default: break
        }
        if scheme == "file://" { return (scheme, user + n, forced) }
        var separator = n.firstIndex(of: "/")
        if scpStyle, let colon = n.firstIndex(of: ":"), colon > n.startIndex, let s = separator, colon < s {
            separator = colon
        }
        var host = separator.map { String(n[...$0]) } ?? ""
        let rest = separator.map { String(n[n.index(after: $0)...]) } ?? String(n)
        if github {
            if scheme.hasPrefix("ssh://") || !user.isEmpty {
                (scheme, host) = ("", "github.com:")
            } else {
                (scheme, user, host) = ("https://", "", "github.com/")
            }
        }
        if host.isEmpty { return ("", String(n), forced) }
        return (scheme + user + host, rest, forced)
    }

    static func normalizedHost(_ host: String) -> String {
        let s = host.lowercased()
        var out = host
        if s.contains("github.com") { out = s.contains("git@") || s.contains("ssh:") ? "git@github.com:" : "https://github.com/" }
        if s.hasPrefix("git::") { out = String(s.dropFirst(5)) }
        return out
    }
}

/// kustomize's git cloner: `git init`, `git remote add origin`, `git fetch --depth=1 URL REF`, `git checkout
/// FETCH_HEAD` and (unless `?submodules=false`) `git submodule update --init --recursive`, run with the git
/// found in PATH in a new temporary directory `kustomize-N`. Each command's combined output is part of its
/// failure, as kustomize reports it; the directory is removed again on failure.
enum KustomizeGit {
    static func clone(_ spec: KustomizeRepoSpec, environment: [String: String]) throws -> String {
        // kubectl-local uses no network: a repository on a host that can be reached (an address, or a name
        // that resolves) is refused; one whose name does not resolve is left to git, which fails as it does
        // for kubectl on a machine without a network. `file://` repositories are cloned.
        if let host = networkHost(spec), GoNet.isIPAddress(host) || GoNet.resolves(host) {
            throw KustomizeError("\(spec.cloneSpec): kubectl-local works offline and does not fetch remote repositories")
        }
        guard let dir = makeTemporaryDirectory("kustomize-", tmpdir: environment["TMPDIR"]) else {
            let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            throw KustomizeError("mkdirtemp \(base)/kustomize-*: \(goErrnoText(errno))")
        }
        guard let git = lookPath("git", path: environment["PATH"]) else {
            removeTree(dir)
            throw KustomizeError("no 'git' program on path: exec: \"git\": executable file not found in $PATH")
        }
        func run(_ args: [String]) throws {
            let command = ([git] + args).joined(separator: " ")
            let result = runProgram([git] + args, directory: dir, environment: environment, mergeStderr: true, timeout: spec.timeout)
            switch result.end {
            case .exited(0): return
            case .timedOut: throw KustomizeError("hit \(spec.timeoutText) timeout running '\(command)'")
            default:
                throw KustomizeError("failed to run '\(command)': \(String(decoding: result.output, as: UTF8.self)): \(result.end.goExitErrorText)")
            }
        }
        do {
            try run(["init"])
            try run(["remote", "add", "origin", spec.cloneSpec])
            try run(["fetch", "--depth=1", spec.cloneSpec, spec.ref.isEmpty ? "HEAD" : spec.ref])
            try run(["checkout", "FETCH_HEAD"])
            if spec.submodules {
                do { try run(["submodule", "update", "--init", "--recursive"]) } catch let e as KustomizeError {
                    throw KustomizeError("update submodules: \(e.message)")
                }
            }
        } catch {
            removeTree(dir)
            throw error
        }
        return dir
    }

    /// The host `git fetch` would connect to (`github.com` of `https://github.com/` or `git@github.com:`),
    /// nil for a `file://` repository or a spec naming no host.
    static func networkHost(_ spec: KustomizeRepoSpec) -> String? {
        var h = Substring(spec.host)
        if h.hasPrefix("file://") { return nil }
        if let scheme = h.firstRange(of: "://") { h = h[scheme.upperBound...] }
        if let at = h.lastIndex(of: "@") { h = h[h.index(after: at)...] }
        let host = h.hasPrefix("[") ? String(h.dropFirst().prefix { $0 != "]" }) : String(h.prefix { $0 != ":" && $0 != "/" })
        return host.isEmpty ? nil : host
    }

    /// The directory of the clone to build, checked as kustomize checks it after cloning: it exists, is a
    /// directory, and stays inside the clone.
    static func root(of spec: KustomizeRepoSpec, clone dir: String) throws -> String {
        let path = spec.cleanedRootPath.isEmpty ? dir : dir + "/" + spec.cleanedRootPath
        guard KustomizeFS.exists(path) else { throw KustomizeError(KustomizeFS.evalSymlinksFailure(path)) }
        guard KustomizeFS.isDirectory(path) else {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            throw KustomizeError("'\(path)' refers to file '\(file)'; expecting directory")
        }
        let real = KustomizeFS.realPath(path), realClone = KustomizeFS.realPath(dir)
        if real != realClone && !real.hasPrefix(realClone + "/") {
            throw KustomizeError("\(strconvQuote(path)) refers to directory outside of repo \(strconvQuote(dir))")
        }
        return path
    }
}

/// kustomize's HTTP loading of a resource URL (http or https): kubectl-local never fetches. A host that
/// does not resolve fails as Go's resolver words it (naming the first name server of /etc/resolv.conf);
/// any other URL is refused with kubectl-local's own text.
enum KustomizeHTTP {
    static func isHTTPURL(_ entry: String) -> Bool {
        let lower = entry.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The error of `GET url`.
    static func getFailure(_ url: String) -> String {
        let quoted = strconvQuote(url)
        let afterScheme = url[url.index(after: url.firstRange(of: "://")!.lowerBound)...].dropFirst(2)
        var authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.isEmpty { return "Get \(quoted): http: no Host in request URL" }
        var host = authority
        if !host.hasPrefix("["), let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        let offline = "Get \(quoted): kubectl-local works offline and does not fetch remote resources"
        guard !host.hasPrefix("["), !GoNet.isIPAddress(String(host)) else { return offline }
        guard !GoNet.resolves(String(host)) else { return offline }
        return "Get \(quoted): dial tcp: lookup \(host) on \(GoNet.resolverNameServer()): no such host"
    }
}
