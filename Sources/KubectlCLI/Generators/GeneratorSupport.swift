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
            if n < 0 { return .failure(FileError(errno: errno)) }
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
        obj([("name", .string(name)), ("namespace", namespace.map { .string($0) }),
             ("creationTimestamp", .null), ("labels", labels), ("annotations", annotations),
             ("ownerReferences", ownerReferences)])
    }

    static func isDryRun(_ flags: ParsedFlags) -> Bool {
        let v = flags.string("dry-run")
        return !(v.isEmpty || v == "none")
    }

    // MARK: validation (k8s.io/apimachinery/pkg/util/validation)

    static func isConfigMapKey(_ key: String) -> [String] {
        var errs: [String] = []
        if key.utf8.count > 253 { errs.append("must be no more than 253 characters") }
        if key.isEmpty || !key.utf8.allSatisfy({ isAlnum($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }) {
            errs.append("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
        }
        errs += dotErrors(key)
        return errs
    }

    static func isEnvVarName(_ key: String) -> [String] {
        var errs: [String] = []
        let u = Array(key.utf8)
        let ok = !u.isEmpty && !(u[0] >= 0x30 && u[0] <= 0x39)
            && u.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }
        if !ok {
            errs.append("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')")
        }
        errs += dotErrors(key)
        return errs
    }

    static func dotErrors(_ key: String) -> [String] {
        if key == "." { return ["must not be '.'"] }
        if key == ".." { return ["must not be '..'"] }
        if key.hasPrefix("..") { return ["must not start with '..'"] }
        return []
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    static func isDNS1123Subdomain(_ s: String) -> Bool {
        if s.isEmpty || s.utf8.count > 253 { return false }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            let u = Array(label.utf8)
            guard let f = u.first, let l = u.last else { return false }
            let lowerAlnum: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
            if !lowerAlnum(f) || !lowerAlnum(l) { return false }
            if !u.allSatisfy({ lowerAlnum($0) || $0 == 0x2D }) { return false }
        }
        return true
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

// MARK: - base64 and sha256

enum Base64 {
    private static let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], table[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], 61, 61]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], 61]
        }
        return String(decoding: out, as: UTF8.self)
    }
    static func encode(_ s: String) -> String { encode(Array(s.utf8)) }
}

enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func hex(_ data: [UInt8]) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var msg = data
        let bitLen = UInt64(data.count) * 8
        msg.append(0x80)
        while msg.count % 64 != 56 { msg.append(0) }
        for i in (0..<8).reversed() { msg.append(UInt8(truncatingIfNeeded: bitLen >> (UInt64(i) * 8))) }
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: msg.count, by: 64) {
            for i in 0..<16 {
                w[i] = UInt32(msg[chunk + 4 * i]) << 24 | UInt32(msg[chunk + 4 * i + 1]) << 16
                    | UInt32(msg[chunk + 4 * i + 2]) << 8 | UInt32(msg[chunk + 4 * i + 3])
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
            h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
        }
        let digits = Array("0123456789abcdef")
        var s = ""
        for v in h { for i in (0..<8).reversed() { s.append(digits[Int(v >> (UInt32(i) * 4) & 0xF)]) } }
        return s
    }
}

/// kustomize/kubectl `hash.ConfigMapHash`/`SecretHash` suffix: first 10 hex digits of the sha256 of
/// the encoded object, with `0 1 3 a e` replaced so the result never looks like a word or number.
enum NameHash {
    static func encode(_ hex: String) -> String {
        String(hex.prefix(10).map { c -> Character in
            switch c {
            case "0": return "g"
            case "1": return "h"
            case "3": return "k"
            case "a": return "m"
            case "e": return "t"
            default: return c
            }
        })
    }

    static func configMap(name: String, data: JSONValue?, binaryData: JSONValue?) -> String {
        var m = JSONObject()
        m["data"] = data ?? .null
        m["kind"] = "ConfigMap"
        m["name"] = .string(name)
        if let b = binaryData { m["binaryData"] = b }
        return encode(SHA256.hex(Array(JSONValue.object(m).jsonString(.compact).utf8)))
    }

    static func secret(name: String, type: String, data: JSONValue?) -> String {
        var m = JSONObject()
        m["data"] = data ?? .null
        m["kind"] = "Secret"
        m["name"] = .string(name)
        m["type"] = .string(type)
        return encode(SHA256.hex(Array(JSONValue.object(m).jsonString(.compact).utf8)))
    }
}
