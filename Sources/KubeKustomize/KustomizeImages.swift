#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// The `images` transformer: every `containers`/`initContainers` list anywhere in an object (as
/// kustomize's legacy image filter walks them) plus image volume references. An entry's name is a
/// regular expression, as kustomize's image.IsImageMatched uses it: `^NAME(:tag)?(@sha256:digest)?$`
/// over the whole image (`ngin.` matches `nginx`, `postgres:15` matches `postgres:15`).
struct KustomizeImages {
    private let entries: [(entry: Kustomization.ImageEntry, pattern: GoRegex?)]
    /// An entry's name Go's regexp cannot compile (`ngin(x`): kustomize ignores the compile error and
    /// panics matching the first image it meets with the nil pattern.
    private let panics: Bool

    init(_ images: [Kustomization.ImageEntry]) {
        entries = images.map { ($0, try? GoRegex("^" + $0.name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$")) }
        panics = images.contains { !Self.goCompiles("^" + $0.name + "(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$") }
    }

    /// Whether Go's regexp.Compile accepts the pattern, as far as the linear matcher's parser tells (it
    /// refuses what it cannot run, such as Unicode classes, which Go accepts).
    static func goCompiles(_ pattern: String) -> Bool {
        if hasNestedRepeat(Array(pattern)) { return false }
        do { _ = try LinearRegex(pattern) } catch let e as LinearRegex.Unsupported {
            return e.reason == "expression too large" || e.reason.hasPrefix("unsupported escape \\p")
                || e.reason.hasPrefix("unsupported escape \\P")
        } catch { return true }
        return true
    }

    /// Go's `invalid nested repetition operator` (`x**`, `a+*`, `b{2}+`; a lazy `*?` is one operator),
    /// which the linear matcher accepts.
    static func hasNestedRepeat(_ c: [Character]) -> Bool {
        var i = 0, lastRepeat = false
        func braces(_ j: Int) -> Int? {
            guard c[j] == "{", let close = c[j...].firstIndex(of: "}") else { return nil }
            let inner = c[(j + 1)..<close]
            guard let first = inner.first, first.isASCII, first.isNumber,
                  inner.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," }), inner.filter({ $0 == "," }).count <= 1 else { return nil }
            return close + 1
        }
        while i < c.count {
            switch c[i] {
            case "\\":
                i += 2; lastRepeat = false; continue
            case "[":
                var j = i + 1
                if j < c.count, c[j] == "^" { j += 1 }
                if j < c.count, c[j] == "]" { j += 1 }
                while j < c.count, c[j] != "]" { j += c[j] == "\\" ? 2 : 1 }
                i = j + 1; lastRepeat = false; continue
            case "*", "+", "?":
                if lastRepeat { return true }
                i += 1
            case "{":
                guard let end = braces(i) else { i += 1; lastRepeat = false; continue }
                if lastRepeat { return true }
                i = end
            default:
                i += 1; lastRepeat = false; continue
            }
            if i < c.count, c[i] == "?" { i += 1 }
            lastRepeat = true
        }
        return false
    }

    func apply(to obj: inout JSONValue) throws {
        try walk(&obj)
        for spec in [FieldSpec("spec/volumes[]/image/reference"), FieldSpec("spec/template/spec/volumes[]/image/reference")] {
            try spec.apply(to: &obj) { v in
                if let s = v.string { v = .string(try update(s)) }
            }
        }
    }

    private func walk(_ v: inout JSONValue) throws {
        switch v {
        case .object(var o):
            v = .null
            for key in o.keys {
                guard var child = o[key] else { continue }
                if key == "containers" || key == "initContainers", case .array(var items) = child {
                    for i in items.indices {
                        if let s = items[i]["image"].string { items[i]["image"] = .string(try update(s)) }
                    }
                    child = .array(items)
                }
                try walk(&child)
                o[key] = child
            }
            v = .object(o)
        case .array(var items):
            v = .null
            for i in items.indices { try walk(&items[i]) }
            v = .array(items)
        default:
            return
        }
    }

    /// kustomize's image.Split: name, tag and digest, a registry port not taken for a tag.
    static func split(_ image: String) -> (name: String, tag: String, digest: String) {
        let chars = Array(image)
        var slash = 0
        if let s = chars.firstIndex(of: "/"), s > 0 { slash = s }
        let search = chars[slash...]
        let at = search.firstIndex(of: "@")
        let colon = search.firstIndex(of: ":")
        if at == nil && colon == nil { return (image, "", "") }
        if let at, colon == nil || at < colon! {
            return (String(chars[..<at]), "", String(chars[(at + 1)...]))
        }
        if let at, let colon {
            return (String(chars[..<colon]), String(chars[(colon + 1)..<at]), String(chars[(at + 1)...]))
        }
        let c = colon!
        return (String(chars[..<c]), String(chars[(c + 1)...]), "")
    }

    func update(_ image: String) throws -> String {
        if panics { throw KustomizePanic.nilRegexp }
        // Every entry runs as its own transformer, in order: a later one sees what an earlier one wrote.
        var image = image
        for (entry, pattern) in entries where pattern?.matches(image) == true { image = Self.update(image, entry) }
        return image
    }

    static func update(_ image: String, _ entry: Kustomization.ImageEntry) -> String {
        var (name, tag, digest) = split(image)
        if !entry.newName.isEmpty { name = entry.newName }
        if !entry.newTag.isEmpty && !entry.digest.isEmpty {
            tag = entry.newTag
            digest = entry.digest
        } else if !entry.newTag.isEmpty {
            tag = entry.newTag
            digest = ""
        } else if !entry.digest.isEmpty {
            digest = entry.digest
            tag = ""
        }
        var out = name
        if !tag.isEmpty { out += ":" + tag }
        if !digest.isEmpty { out += "@" + digest }
        return out
    }
}

/// A target name/namespace pattern, as a POSIX extended regular expression (the subset of Go's
/// RE2 syntax kustomize targets use in practice).
final class GoRegex {
    private var re = regex_t()
    init(_ pattern: String) throws {
        // POSIX ERE has no non-capturing groups.
        let posix = pattern.replacingAll("(?:", with: "(")
        guard regcomp(&re, posix, REG_EXTENDED | REG_NOSUB) == 0 else {
            throw KustomizeError("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }
    deinit { regfree(&re) }
    func matches(_ s: String) -> Bool { regexec(&re, s, 0, nil, 0) == 0 }
}
