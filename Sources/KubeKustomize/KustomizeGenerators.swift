#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// configMapGenerator and secretGenerator: objects from literals, files and env files, named with
/// kustomize's content hash unless disabled, merged into or replacing objects from bases.
enum KustomizeGenerators {
    static func run(_ k: Kustomization, dir: String, rootOnly: Bool, into resources: inout [KustomizeResource]) throws {
        for g in k.configMapGenerator {
            try generate(g, secret: false, k: k, dir: dir, rootOnly: rootOnly, into: &resources)
        }
        for g in k.secretGenerator {
            try generate(g, secret: true, k: k, dir: dir, rootOnly: rootOnly, into: &resources)
        }
    }

    private static func generate(_ g: Kustomization.GeneratorArgs, secret: Bool, k: Kustomization, dir: String, rootOnly: Bool,
                                 into resources: inout [KustomizeResource]) throws {
        let what = secret ? "secret" : "configmap"
        if g.name.isEmpty { throw KustomizeError("a \(what) must have a name") }
        let pairs = try keyValues(g, dir: dir, rootOnly: rootOnly)
        var seen = Set<String>()
        for (key, _) in pairs where !seen.insert(key).inserted {
            throw KustomizeError("\(what) \(g.name) illegally repeats the key `\(key)`")
        }
        var data = JSONObject()
        var binary = JSONObject()
        for (key, bytes) in pairs {
            if secret {
                data[key] = .string(encodeBase64(bytes))
            } else if let text = validUTF8(bytes) {
                data[key] = .string(text)
            } else {
                binary[key] = .string(base64Encode(bytes))
            }
        }
        let global = k.generatorOptions
        let own = g.options
        var labels = global.labels
        var annotations = global.annotations
        for (key, v) in own?.labels ?? [] { set(&labels, key, v) }
        for (key, v) in own?.annotations ?? [] { set(&annotations, key, v) }
        let disableHash = global.disableNameSuffixHash || (own?.disableNameSuffixHash ?? false)
        let immutable = global.immutable || (own?.immutable ?? false)

        var obj: JSONValue = ["apiVersion": "v1", "kind": .string(secret ? "Secret" : "ConfigMap")]
        obj["metadata"]["name"] = .string(g.name)
        if !g.namespace.isEmpty { obj["metadata"]["namespace"] = .string(g.namespace) }
        if !labels.isEmpty { obj["metadata"]["labels"] = KustomizeScalars.stringMap(labels) }
        if !annotations.isEmpty { obj["metadata"]["annotations"] = KustomizeScalars.stringMap(annotations) }
        // A Secret keeps an empty `data`, a ConfigMap leaves it out.
        if !data.isEmpty || secret { obj["data"] = .object(data) }
        if !binary.isEmpty { obj["binaryData"] = .object(binary) }
        if secret { obj["type"] = .string(g.type.isEmpty ? "Opaque" : g.type) }
        if immutable { obj["immutable"] = true }

        let kind = secret ? "Secret" : "ConfigMap"
        // kustomize looks the generated id up among every id an object had (current and previous), namespace
        // included (an empty one is `default`): a ConfigMap of the same name in another namespace is another id.
        func ids(_ r: KustomizeResource) -> [(name: String, namespace: String)] {
            [(r.name, r.namespace)] + r.prevIds.filter { $0.kind == kind }.map { ($0.name, $0.namespace) }
        }
        let effective = KustomizeBuilder.effective(g.namespace)
        let candidates = resources.filter { $0.kind == kind && $0.apiVersion == "v1" }
        let existing = candidates.first { r in ids(r).contains { $0.name == g.name && KustomizeBuilder.effective($0.namespace) == effective } }
        // kustomize reads a behavior it does not know as unspecified, which creates.
        let behavior = ["merge", "replace"].contains(g.behavior) ? g.behavior : "create"
        switch behavior {
        case "create":
            if existing != nil {
                // kustomize names the generated id (the one it looked up).
                throw KustomizeError("merging from generator &{0xc000000000 <nil>}: id \(KustomizeResource(obj).goResIdDump) exists; behavior must be merge or replace")
            }
            let r = KustomizeResource(obj)
            r.origin = "configuredIn: kustomization.yaml\nconfiguredBy:\n  apiVersion: builtin\n  kind: \(secret ? "SecretGenerator" : "ConfigMapGenerator")\n"
            r.needsHash = !disableHash
            r.generatorBehavior = ["create", "merge", "replace"].contains(g.behavior) ? g.behavior : "unspecified"
            resources.append(r)
        case "merge", "replace":
            guard let e = existing else {
                let probe = KustomizeResource(obj)
                throw KustomizeError("merging from generator &{0xc000000000 <nil>}: id \(probe.goResIdDump) does not exist; cannot merge or replace")
            }
            if behavior == "merge" {
                for field in ["data", "binaryData"] {
                    guard let add = obj[field].object, !add.isEmpty else { continue }
                    var cur = e.object[field].object ?? JSONObject()
                    for (key, v) in add { cur[key] = v }
                    e.object[field] = .object(cur)
                }
                for field in ["labels", "annotations"] {
                    guard let add = obj["metadata"][field].object else { continue }
                    var cur = e.object["metadata"][field].object ?? JSONObject()
                    for (key, v) in add { cur[key] = v }
                    e.object["metadata"][field] = .object(cur)
                }
                if immutable { e.object["immutable"] = true }
            } else {
                var replaced = obj
                replaced["metadata"]["name"] = .string(e.name)
                if !e.namespace.isEmpty { replaced["metadata"]["namespace"] = .string(e.namespace) }
                e.object = replaced
            }
            if disableHash { e.needsHash = false }
        default:
            break
        }
    }

    private static func set(_ pairs: inout [(String, String)], _ key: String, _ value: String) {
        if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value } else { pairs.append((key, value)) }
    }

    /// The key/value pairs of a generator: env files, then literals, then files.
    static func keyValues(_ g: Kustomization.GeneratorArgs, dir: String, rootOnly: Bool) throws -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        for env in g.envs {
            let path = KustomizeFS.join(dir, env)
            guard KustomizeFS.isFile(path) else {
                throw KustomizeError("loading KV pairs: env source files: [\(g.envs.joined(separator: " "))]: \(KustomizeFS.evalSymlinksFailure(path))")
            }
            if let refusal = KustomizeFS.outsideRoot(path, root: dir, restricted: rootOnly) {
                throw KustomizeError("loading KV pairs: env source files: [\(g.envs.joined(separator: " "))]: \(refusal)")
            }
            out += envPairs(try KustomizeFS.read(path))
        }
        for lit in g.literals {
            guard let eq = lit.firstIndex(of: "="), eq != lit.startIndex else {
                throw KustomizeError("loading KV pairs: literal sources [\(g.literals.joined(separator: " "))]: invalid literal source \(lit), expected key=value")
            }
            let key = String(lit[..<eq])
            var value = String(lit[lit.index(after: eq)...])
            if value.count >= 2, let f = value.first, (f == "\"" || f == "'"), value.last == f {
                value = String(value.dropFirst().dropLast())
            }
            out.append((key, Array(value.utf8)))
        }
        for f in g.files {
            func fail(_ why: String) -> KustomizeError {
                KustomizeError("loading KV pairs: file sources: [\(g.files.joined(separator: " "))]: \(why)")
            }
            // kustomize's ParseFileSource: `path` (the key is its base name) or `key=path`.
            let key: String, path: String
            let parts = f.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 1:
                key = goPathBase(f)
                path = f
            case 2 where parts[0].isEmpty:
                throw fail("missing key name for file path \(strconvQuote(parts[1])) in source \(strconvQuote(f))")
            case 2 where parts[1].isEmpty:
                throw fail("missing file path for key name \(strconvQuote(parts[0])) in source \(strconvQuote(f))")
            case 2:
                (key, path) = (parts[0], parts[1])
            default:
                throw fail("source \(strconvQuote(f)) key name or file path contains '='")
            }
            let full = KustomizeFS.join(dir, path)
            if KustomizeFS.isDirectory(full) { throw fail("'\(full)' must resolve to a file") }
            guard KustomizeFS.isFile(full) else { throw fail(KustomizeFS.evalSymlinksFailure(full)) }
            if let refusal = KustomizeFS.outsideRoot(full, root: dir, restricted: rootOnly) { throw fail(refusal) }
            out.append((key, try KustomizeFS.readBytes(full)))
        }
        return out
    }

    /// kustomize's env file reading: `KEY=value` lines, blank lines and `#` comments skipped,
    /// leading space of a line dropped, the rest kept as written; `KEY` alone takes the
    /// environment's value.
    static func envPairs(_ text: String) -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        var first = true
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = String(decoding: rawLine, as: UTF8.self)
            if first, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            first = false
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = String(line.drop(while: { $0 == " " || $0 == "\t" }))
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let eq = trimmed.firstIndex(of: "=") {
                out.append((String(trimmed[..<eq]), Array(trimmed[trimmed.index(after: eq)...].utf8)))
            } else {
                // A key alone takes the environment's value, empty when it is not set.
                out.append((trimmed, getenv(trimmed).map { Array(String(cString: $0).utf8) } ?? []))
            }
        }
        return out
    }

    static func validUTF8(_ bytes: [UInt8]) -> String? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var s = ""
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): s.unicodeScalars.append(u)
            case .emptyInput: return s
            case .error: return nil
            }
        }
    }

    /// kustomize's secret encoding: base64, cut into lines of 70 characters (each ending in a
    /// newline) once it reaches that length.
    static func encodeBase64(_ bytes: [UInt8]) -> String {
        let enc = base64Encode(bytes)
        let lineLen = 70
        if enc.count < lineLen { return enc }
        var out = ""
        var chunk = ""
        for c in enc {
            chunk.append(c)
            if chunk.count == lineLen { out += chunk + "\n"; chunk = "" }
        }
        if !chunk.isEmpty { out += chunk + "\n" }
        return out
    }
}

/// Go's `path.Base`: the last element of a slash-separated path, trailing slashes dropped ("." for
/// an empty path, "/" for slashes only).
func goPathBase(_ path: String) -> String {
    if path.isEmpty { return "." }
    var p = Substring(path)
    while p.count > 1, p.last == "/" { p = p.dropLast() }
    if p == "/" { return "/" }
    if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
    return String(p)
}
