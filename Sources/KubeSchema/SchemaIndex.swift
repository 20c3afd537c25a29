import KubeModel
import Synchronization

/// A set of schema definitions and served resources.
///
/// The built-in index reads the embedded schema text (format documented in Scripts/gen-schema.py):
/// at first use it only records where each definition starts; a definition is parsed the first
/// time it is asked for and then cached. Thread-safe.
public final class SchemaIndex: @unchecked Sendable {
    /// The Kubernetes v1.32 built-in API types.
    public static let builtin: SchemaIndex = SchemaIndex(schemaText: builtinSchemaBytes())

    public let groupVersions: [String]
    public let servedResources: [ServedResource]

    private let bytes: [UInt8]
    /// Definition name -> byte range of its block (from its `D` line up to the next `D` line).
    private let blocks: [String: Range<Int>]
    private let gvkIndex: [GroupVersionKind: String]
    private let cache = Mutex<[String: SchemaDefinition]>([:])

    /// Builds an index from schema text in the compact format.
    public convenience init(schemaText: String) {
        self.init(schemaText: Array(schemaText.utf8))
    }

    init(schemaText bytes: [UInt8]) {
        self.bytes = bytes
        var gvs: [String] = []
        var gvk: [GroupVersionKind: String] = [:]
        var blocks: [String: Range<Int>] = [:]
        var resources: [ServedResource] = []
        var resourceAt: [String: Int] = [:]  // "gv plural" -> index
        var openName: String?
        var openStart = 0

        var pos = 0
        let n = bytes.count
        while pos < n {
            var end = pos
            while end < n && bytes[end] != 0x0A { end += 1 }
            if end > pos {
                let tag = bytes[pos]
                if tag == UInt8(ascii: "D") {
                    if let name = openName { blocks[name] = openStart..<pos }
                    var e = pos + 2
                    while e < end && bytes[e] != 0x20 { e += 1 }
                    openName = String(decoding: bytes[(pos + 2)..<e], as: UTF8.self)
                    openStart = pos
                } else if openName == nil {
                    let line = String(decoding: bytes[pos..<end], as: UTF8.self)
                    let f = line.split(separator: " ")
                    switch tag {
                    case UInt8(ascii: "V") where f.count >= 2:
                        gvs.append(String(f[1]))
                    case UInt8(ascii: "K") where f.count >= 3:
                        if let k = GroupVersionKind(colonSeparated: f[1]) { gvk[k] = String(f[2]) }
                    case UInt8(ascii: "R") where f.count >= 6:
                        let (g, v) = splitGroupVersion(f[1])
                        let kind = GroupVersionKind(colonSeparated: f[3])?.kind ?? ""
                        resourceAt[f[1] + " " + f[2]] = resources.count
                        resources.append(ServedResource(group: g, version: v, kind: kind, plural: String(f[2]),
                                                        namespaced: f[4] == "n",
                                                        verbs: f[5].split(separator: ",").map(String.init)))
                    case UInt8(ascii: "S") where f.count >= 5:
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
            }
            pos = end + 1
        }
        if let name = openName { blocks[name] = openStart..<n }
        self.groupVersions = gvs
        self.servedResources = resources
        self.blocks = blocks
        self.gvkIndex = gvk
    }

    /// An index over definitions built in memory (e.g. imported from a user's OpenAPI document or a
    /// CRD's `openAPIV3Schema`).
    public init(definitions: [SchemaDefinition], servedResources: [ServedResource] = [], groupVersions: [String] = []) {
        self.bytes = []
        self.blocks = [:]
        self.servedResources = servedResources
        self.groupVersions = groupVersions
        var gvk: [GroupVersionKind: String] = [:]
        var all: [String: SchemaDefinition] = [:]
        for d in definitions {
            all[d.name] = d
            for k in d.gvks { gvk[k] = d.name }
        }
        self.gvkIndex = gvk
        cache.withLock { $0 = all }
    }

    /// All definition names, sorted.
    public var definitionNames: [String] {
        var names = Set(blocks.keys)
        cache.withLock { for k in $0.keys { names.insert(k) } }
        return names.sorted()
    }

    public func definition(named name: String) -> SchemaDefinition? {
        if let d = cache.withLock({ $0[name] }) { return d }
        guard let range = blocks[name] else { return nil }
        let d = bytes.withUnsafeBufferPointer { parseDefinitionBlock(UnsafeBufferPointer(rebasing: $0[range])) }
        cache.withLock { $0[name] = d }
        return d
    }

    public func definition(group: String, version: String, kind: String) -> SchemaDefinition? {
        definition(for: GroupVersionKind(group: group, version: version, kind: kind))
    }

    public func definition(for gvk: GroupVersionKind) -> SchemaDefinition? {
        guard let name = gvkIndex[gvk] else { return nil }
        return definition(named: name)
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
}

func splitGroupVersion(_ s: Substring) -> (String, String) {
    if let slash = s.firstIndex(of: "/") {
        return (String(s[..<slash]), String(s[s.index(after: slash)...]))
    }
    return ("", String(s))
}

private func builtinSchemaBytes() -> [UInt8] {
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
