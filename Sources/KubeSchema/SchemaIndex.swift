import KubeModel
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A set of schema definitions and served resources.
///
/// The built-in index reads the embedded schema text (format documented in Scripts/gen-schema.py):
/// at first use it only records where each definition starts; a definition is parsed the first
/// time it is asked for and then cached. Thread-safe.
public final class SchemaIndex: @unchecked Sendable {
    /// The Kubernetes v1.32 built-in API types.
    public static let builtin: SchemaIndex = SchemaIndex(schemaText: builtinSchemaBytes())

    private let bytes: [UInt8]
    /// Start offsets of the `D` lines (sorted by definition name, as the generator writes them).
    private let definitionLines: [Int]
    /// Start offsets of the `K` lines (sorted by `group:version:Kind`).
    private let gvkLines: [Int]
    /// Start offsets of the `V`, `R` and `S` lines, parsed at first use.
    private let headerLines: [Int]
    private let memoryGVKs: [GroupVersionKind: String]

    private struct Parsed {
        var definitions: [String: SchemaDefinition] = [:]
        /// The definition names of the kinds looked up so far (nil: the kind has none).
        var kindNames: [GroupVersionKind: String?] = [:]
        var header: (groupVersions: [String], resources: [ServedResource])?
    }
    private let state = Mutex<Parsed>(Parsed())

    /// Builds an index from schema text in the compact format (definitions sorted by name, K lines by key).
    public convenience init(schemaText: String) {
        self.init(schemaText: Array(schemaText.utf8))
    }

    init(schemaText bytes: [UInt8]) {
        self.bytes = bytes
        var defs: [Int] = []
        var gvks: [Int] = []
        var header: [Int] = []
        defs.reserveCapacity(1024)
        let n = bytes.count
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var pos = 0
            while pos < n {
                switch base[pos] {
                case UInt8(ascii: "D"): defs.append(pos)
                case UInt8(ascii: "K"): gvks.append(pos)
                case UInt8(ascii: "V"), UInt8(ascii: "R"), UInt8(ascii: "S"): header.append(pos)
                default: break
                }
                guard let nl = memchr(base + pos, 0x0A, n - pos) else { break }
                pos = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        self.definitionLines = defs
        self.gvkLines = gvks
        self.headerLines = header
        self.memoryGVKs = [:]
    }

    /// An index over definitions built in memory (e.g. imported from a user's OpenAPI document or a
    /// CRD's `openAPIV3Schema`).
    public init(definitions: [SchemaDefinition], servedResources: [ServedResource] = [], groupVersions: [String] = []) {
        self.bytes = []
        self.definitionLines = []
        self.gvkLines = []
        self.headerLines = []
        var gvk: [GroupVersionKind: String] = [:]
        var all: [String: SchemaDefinition] = [:]
        for d in definitions {
            all[d.name] = d
            for k in d.gvks { gvk[k] = d.name }
        }
        self.memoryGVKs = gvk
        state.withLock {
            $0.definitions = all
            $0.header = (groupVersions, servedResources)
        }
    }

    /// Served group/versions ("v1", "apps/v1", ...), core first, then groups in name order.
    public var groupVersions: [String] { header().groupVersions }

    /// The resources the API serves, with their subresources.
    public var servedResources: [ServedResource] { header().resources }

    /// All definition names, sorted.
    public var definitionNames: [String] {
        var names = Set(definitionLines.map { lineToken(at: $0 + 2).map { String(decoding: $0, as: UTF8.self) } ?? "" })
        state.withLock { for k in $0.definitions.keys { names.insert(k) } }
        return names.sorted()
    }

    public func definition(named name: String) -> SchemaDefinition? {
        if let d = state.withLock({ $0.definitions[name] }) { return d }
        guard let i = search(definitionLines, for: name) else { return nil }
        let start = definitionLines[i]
        let end = i + 1 < definitionLines.count ? definitionLines[i + 1] : blockEnd(after: start)
        let d = bytes.withUnsafeBufferPointer { parseDefinitionBlock(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        state.withLock { $0.definitions[name] = d }
        return d
    }

    public func definition(group: String, version: String, kind: String) -> SchemaDefinition? {
        definition(for: GroupVersionKind(group: group, version: version, kind: kind))
    }

    public func definition(for gvk: GroupVersionKind) -> SchemaDefinition? {
        if let name = memoryGVKs[gvk] { return definition(named: name) }
        if let known = state.withLock({ $0.kindNames[gvk] }) { return known.flatMap { definition(named: $0) } }
        let name = kindDefinitionName(gvk)
        state.withLock { $0.kindNames[gvk] = .some(name) }
        return name.flatMap { definition(named: $0) }
    }

    /// The definition name of a kind's `K` line (a binary search of the schema text).
    private func kindDefinitionName(_ gvk: GroupVersionKind) -> String? {
        guard let i = search(gvkLines, for: gvk.group + ":" + gvk.version + ":" + gvk.kind) else { return nil }
        let lineStart = gvkLines[i]
        guard let key = lineToken(at: lineStart + 2), let name = lineToken(at: lineStart + 2 + key.count + 1) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    /// The definition of an object with this `apiVersion` ("v1", "apps/v1") and `kind`.
    public func definition(apiVersion: String, kind: String) -> SchemaDefinition? {
        let (g, v) = splitGroupVersion(Substring(apiVersion))
        return definition(group: g, version: v, kind: kind)
    }

    /// The served resource for a group/version and plural name (`apps`, `v1`, `deployments`).
    public func servedResource(group: String, version: String, plural: String) -> ServedResource? {
        servedResources.first { $0.group == group && $0.version == version && $0.plural == plural }
    }

    /// The served resources whose objects have this kind.
    public func servedResources(kind: GroupVersionKind) -> [ServedResource] {
        servedResources.filter { $0.gvk == kind }
    }

    /// Resolves a reference to the definition it names; other types come back unchanged.
    public func resolve(_ type: SchemaType) -> (SchemaType, SchemaDefinition?) {
        if case .ref(let name) = type, let d = definition(named: name) { return (d.type, d) }
        return (type, nil)
    }

    // MARK: text access

    /// The bytes from `offset` up to the next space or end of line.
    private func lineToken(at offset: Int) -> ArraySlice<UInt8>? {
        guard offset <= bytes.count else { return nil }
        var e = offset
        while e < bytes.count && bytes[e] != 0x20 && bytes[e] != 0x0A { e += 1 }
        return bytes[offset..<e]
    }

    /// Binary search of lines `X <key> ...` sorted by key (byte order).
    private func search(_ lines: [Int], for key: String) -> Int? {
        let k = Array(key.utf8)
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            var lo = 0
            var hi = lines.count
            while lo < hi {
                let mid = (lo + hi) / 2
                let start = lines[mid] + 2
                var e = start
                while e < buf.count && buf[e] != 0x20 && buf[e] != 0x0A { e += 1 }
                let c = k.withUnsafeBufferPointer { kb -> Int32 in
                    let len = min(kb.count, e - start)
                    let r = len == 0 ? 0 : memcmp(buf.baseAddress! + start, kb.baseAddress!, len)
                    if r != 0 { return r }
                    return e - start < kb.count ? -1 : (e - start > kb.count ? 1 : 0)
                }
                if c == 0 { return mid }
                if c < 0 { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
    }

    /// The end of the last definition block: the end of the text.
    private func blockEnd(after start: Int) -> Int { bytes.count }

    private func header() -> (groupVersions: [String], resources: [ServedResource]) {
        if let h = state.withLock({ $0.header }) { return h }
        var gvs: [String] = []
        var resources: [ServedResource] = []
        var resourceAt: [String: Int] = [:]
        for start in headerLines {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            let f = line.split(separator: " ")
            switch f.first {
            case "V" where f.count >= 2:
                gvs.append(String(f[1]))
            case "R" where f.count >= 6:
                let (g, v) = splitGroupVersion(f[1])
                let kind = GroupVersionKind(colonSeparated: f[3])?.kind ?? ""
                resourceAt[f[1] + " " + f[2]] = resources.count
                resources.append(ServedResource(group: g, version: v, kind: kind, plural: String(f[2]),
                                                namespaced: f[4] == "n",
                                                verbs: f[5].split(separator: ",").map(String.init)))
            case "S" where f.count >= 5:
                let parts = f[2].split(separator: "/", maxSplits: 1)
                if parts.count == 2, let i = resourceAt[f[1] + " " + parts[0]] {
                    resources[i].subresources.append(
                        ServedSubresource(name: String(parts[1]), kind: GroupVersionKind(colonSeparated: f[3]),
                                          verbs: f[4].split(separator: ",").map(String.init)))
                }
            default:
                break
            }
        }
        let h = (gvs, resources)
        state.withLock { $0.header = h }
        return h
    }
}

func splitGroupVersion(_ s: Substring) -> (String, String) {
    if let slash = s.firstIndex(of: "/") {
        return (String(s[..<slash]), String(s[s.index(after: slash)...]))
    }
    return ("", String(s))
}

func builtinSchemaBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(builtinSchemaChunks.reduce(0) { $0 + $1.utf8CodeUnitCount + 1 })
    for chunk in builtinSchemaChunks {
        out.append(contentsOf: UnsafeBufferPointer(start: chunk.utf8Start, count: chunk.utf8CodeUnitCount))
        out.append(0x0A)  // a multi-line literal drops the newline before its closing delimiter
    }
    return out
}

// MARK: - Parsing one definition block

/// Parses the lines of one definition (`D` line and the `g q e f d` lines after it).
func parseDefinitionBlock(_ block: UnsafeBufferPointer<UInt8>) -> SchemaDefinition {
    var def = SchemaDefinition(name: "")
    var inProperty = false
    var pos = 0
    let n = block.count
    while pos < n {
        var end = pos
        while end < n && block[end] != 0x0A { end += 1 }
        if end > pos + 1 {
            let line = String(decoding: UnsafeBufferPointer(rebasing: block[pos..<end]), as: UTF8.self)
            let tag = line.utf8.first!
            let rest = line.dropFirst(2)
            switch tag {
            case UInt8(ascii: "D"):
                let f = rest.split(separator: " ")
                def.name = String(f[0])
                def.type = f.count > 1 ? parseSchemaType(f[1]) : .object
                def.extensions = parseExtensions(f.dropFirst(2))
                if def.extensions.preserveUnknownFields, case .any = def.type { def.type = .any(preserveUnknownFields: true) }
            case UInt8(ascii: "g"):
                if let k = GroupVersionKind(colonSeparated: rest) { def.gvks.append(k) }
            case UInt8(ascii: "q"):
                def.required = rest.split(separator: ",").map(String.init)
            case UInt8(ascii: "e"):
                if let v = try? JSON.parse(String(rest)) {
                    if inProperty { def.properties[def.properties.count - 1].enumValues.append(v) } else { def.enumValues.append(v) }
                }
            case UInt8(ascii: "d"):
                if inProperty { def.properties[def.properties.count - 1].description = String(rest) } else { def.description = String(rest) }
            case UInt8(ascii: "f"):
                let f = rest.split(separator: " ")
                let ext = parseExtensions(f.dropFirst(2))
                var t = f.count > 1 ? parseSchemaType(f[1]) : .any(preserveUnknownFields: false)
                if ext.preserveUnknownFields, case .any = t { t = .any(preserveUnknownFields: true) }
                if ext.intOrString { t = .intOrString }
                if case .object = t { t = .inline(SchemaDefinition(name: "")) }
                def.properties.append(SchemaProperty(name: String(f[0]), type: t, extensions: ext))
                inProperty = true
            default:
                break
            }
        }
        pos = end + 1
    }
    return def
}

/// Parses a type token: `string:byte`, `@name`, `[@name`, `{string`, `int-or-string`, ...
func parseSchemaType(_ s: Substring) -> SchemaType {
    guard let c = s.first else { return .any(preserveUnknownFields: false) }
    switch c {
    case "@": return .ref(String(s.dropFirst()))
    case "[": return .array(parseSchemaType(s.dropFirst()))
    case "{": return .map(parseSchemaType(s.dropFirst()))
    default: break
    }
    var base = s
    var format: String?
    if let colon = s.firstIndex(of: ":") {
        base = s[..<colon]
        format = String(s[s.index(after: colon)...])
    }
    switch base {
    case "string": return .string(format: format)
    case "integer": return .integer(format: format)
    case "number": return .number(format: format)
    case "boolean": return .boolean
    case "object": return .object
    case "int-or-string": return .intOrString
    case "quantity": return .quantity
    default: return .any(preserveUnknownFields: false)
    }
}

func parseExtensions<S: Sequence>(_ tokens: S) -> SchemaExtensions where S.Element == Substring {
    var e = SchemaExtensions()
    for t in tokens {
        if let eq = t.firstIndex(of: "=") {
            let key = t[..<eq]
            let value = String(t[t.index(after: eq)...])
            switch key {
            case "pmk": e.patchMergeKey = value
            case "ps": e.patchStrategy = value
            case "lt": e.listType = value
            case "lk": e.listMapKeys = value.split(separator: ",").map(String.init)
            case "mt": e.mapType = value
            default: break
            }
        } else {
            switch t {
            case "pu": e.preserveUnknownFields = true
            case "er": e.embeddedResource = true
            case "ios": e.intOrString = true
            default: break
            }
        }
    }
    return e
}
