import CLibYAML
import KubeModel

/// A YAML or JSON manifest that kubectl would refuse to read. `description` is kubectl's message
/// without the leading `error: `, e.g.
/// `error parsing bad.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context`.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// An error inside one document, before kubectl adds `error parsing FILE: `.
struct DocumentError: Error {
    var message: String
    /// libyaml's `found unexpected ':'` in a flow collection (`{y:}`, `[k:]`): the plain scalar's start
    /// and the colon's byte offsets. go-yaml v3 reads the colon as part of the scalar.
    var flowColon: (start: Int, colon: Int)? = nil
}

/// Turns one YAML document (a chunk of a `---` separated stream) into a `JSONValue` as
/// sigs.k8s.io/yaml's `YAMLToJSON` over go-yaml v2 does.
struct YAMLDocumentDecoder {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var event = yaml_event_t()
    /// Anchor name -> value and its decode count; nil while the anchored node is still being read.
    private var anchors: [String: Anchored?] = [:]
    /// go-yaml's limits: open flow collections and pushed block indents (10,000 each), and the
    /// decode operations (`decodeCount`) of which alias expansion did `aliasCount`.
    private var limits = ReaderLimits()
    /// The first error go-yaml's decoding stage (1), sigs.k8s.io's key conversion (2) or
    /// encoding/json (3) would report; only thrown when the whole document parsed.
    private var deferred: (level: Int, message: String)?
    /// A map key is being read: its floats keep their float form (`123456789.0:` is the key `1.2345679e+08`).
    private var readingKey = false
    /// kustomize's reading (kyaml, go-yaml v3): only `true`/`false` in their three spellings are booleans
    /// (YAML 1.1's `yes`, `no`, `on`, `off`, `y`, `n` stay strings); NaN and infinities are values (kustomize
    /// fails only when it turns the object into JSON); a timestamp, an integer beyond int64, and any plain
    /// non-string scalar that is a label or annotation value, are kept as written (`KyamlScalar.raw`).
    private var kyaml = false
    /// The keys from the document's root to the value being read (`[]` for a sequence item), in kyaml mode.
    private var path: [String] = []

    init(parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

    /// Decodes the first document of the chunk; nil for an empty chunk.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, kyaml: Bool = false) throws -> JSONValue? {
        guard kyaml else { return try decodeOnce(bytes, kyaml: false) }
        // kyaml (go-yaml v3) takes `x:` right before `,`, `[`, `]`, `{` or `}` in a flow collection as a
        // plain scalar `x:`, where libyaml (and go-yaml v2) fail: such a scalar is quoted and read again.
        var copy: [UInt8]? = nil
        for _ in 0..<100 {
            do {
                if let c = copy { return try c.withUnsafeBufferPointer { try decodeOnce($0, kyaml: true) } }
                return try decodeOnce(bytes, kyaml: true)
            } catch let e as DocumentError {
                guard let fc = e.flowColon else { throw e }
                var b = copy ?? Array(bytes)
                // libyaml's marks count characters; the scalar is found by bytes.
                func byteOffset(_ chars: Int) -> Int {
                    var i = 0, n = 0
                    while i < b.count, n < chars { i += 1; while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }; n += 1 }
                    return i
                }
                let (start, colon) = (byteOffset(fc.start), byteOffset(fc.colon))
                guard start < colon, colon < b.count, b[colon] == 0x3A,
                      b[start..<colon].allSatisfy({ $0 != 0x0A && $0 != 0x0D }) else { throw e }
                var quoted: [UInt8] = [0x27]
                for ch in b[start...colon] { quoted.append(ch); if ch == 0x27 { quoted.append(0x27) } }
                quoted.append(0x27)
                b.replaceSubrange(start...colon, with: quoted)
                copy = b
            }
        }
        return try decodeOnce(bytes, kyaml: true)
    }

    private static func decodeOnce(_ bytes: UnsafeBufferPointer<UInt8>, kyaml: Bool) throws -> JSONValue? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw DocumentError(message: "yaml: out of memory") }
        defer { yaml_parser_delete(parser) }
        // libyaml asserts on a NULL input; give it a valid empty buffer.
        var empty: UInt8 = 0
        if let base = bytes.baseAddress, bytes.count > 0 {
            yaml_parser_set_input_string(parser, base, bytes.count)
        } else {
            withUnsafeMutablePointer(to: &empty) { yaml_parser_set_input_string(parser, $0, 0) }
        }
        var d = YAMLDocumentDecoder(parser: parser)
        d.kyaml = kyaml
        defer { yaml_event_delete(&d.event) }
        return try d.run()
    }

    /// `true`, `True`, `TRUE`, `false`, `False`, `FALSE`: YAML 1.2's booleans.
    static func isCoreBoolean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        ["true", "True", "TRUE", "false", "False", "FALSE"].contains { $0.utf8.elementsEqual(b) }
    }

    private mutating func next() throws {
        yaml_event_delete(&event)
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
    }

    /// go-yaml v2 `parser.fail()`: scanner errors report the 1-based line of the problem, parser
    /// errors the 0-based one; line 0 means no line at all.
    private func syntaxError() -> DocumentError {
        let p = parser.pointee
        var line = 0
        if p.problem_mark.line != 0 {
            line = Int(p.problem_mark.line)
            if p.error == YAML_SCANNER_ERROR { line += 1 }
        } else if p.context_mark.line != 0 {
            line = Int(p.context_mark.line)
        }
        let problem = p.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
        var e = DocumentError(message: line != 0 ? "yaml: line \(line): \(problem)" : "yaml: \(problem)")
        if p.error == YAML_SCANNER_ERROR, problem == "found unexpected ':'",
           p.context.map({ String(cString: $0) }) == "while scanning a plain scalar" {
            e.flowColon = (Int(p.context_mark.index), Int(p.problem_mark.index))
        }
        return e
    }

    private mutating func defer_(_ level: Int, _ message: String) {
        if deferred == nil || deferred!.level > level { deferred = (level, message) }
    }

    private mutating func run() throws -> JSONValue? {
        try next()  // stream start
        try next()
        guard event.type == YAML_DOCUMENT_START_EVENT else { return nil }
        try next()
        limits.countNode()  // go-yaml's document node
        let value = try parseNode()
        try next()  // document end
        if limits.excessiveAliasing { defer_(1, "document contains excessive aliasing") }
        if let d = deferred {
            throw DocumentError(message: d.level == 1 ? "yaml: " + d.message : d.message)
        }
        return value
    }

    private func string(_ p: UnsafeMutablePointer<yaml_char_t>?, _ n: Int) -> String {
        guard let p, n > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    private func cString(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    /// Reads the node starting at the current event (which it leaves on the node's last event).
    private mutating func parseNode() throws -> JSONValue {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let anchor = cString(event.data.scalar.anchor)
            limits.countNode()
            let v = scalarValue()
            if let anchor { anchors[anchor] = .some(Anchored(value: v, count: 1)) }
            return v
        case YAML_ALIAS_EVENT:
            return try aliasValue()
        case YAML_SEQUENCE_START_EVENT:
            let anchor = cString(event.data.sequence_start.anchor)
            if let anchor { anchors[anchor] = .some(nil) }
            let startCount = limits.decodeCount
            limits.countNode()
            let pushed = try enterCollection(flow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
            defer { leaveCollection(pushed) }
            var items: [JSONValue] = []
            if kyaml { path.append("[]") }
            while true {
                try next()
                if event.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try parseNode())
            }
            if kyaml { path.removeLast() }
            let v = JSONValue.array(items)
            if let anchor { anchors[anchor] = .some(Anchored(value: v, count: limits.decodeCount - startCount)) }
            return v
        case YAML_MAPPING_START_EVENT:
            let anchor = cString(event.data.mapping_start.anchor)
            if let anchor { anchors[anchor] = .some(nil) }
            let startCount = limits.decodeCount
            limits.countNode()
            let pushed = try enterCollection(flow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
            defer { leaveCollection(pushed) }
            var obj = JSONObject()
            while true {
                try next()
                if event.type == YAML_MAPPING_END_EVENT { break }
                let key = try parseKey()
                try next()
                // go-yaml merges a sequence's maps one by one: the sequence itself is no decode step.
                if case .merge = key, event.type == YAML_SEQUENCE_START_EVENT { limits.decodeCount -= 1 }
                if kyaml {
                    if case .key(let k) = key { path.append(k) } else { path.append("") }
                }
                let value = try parseNode()
                if kyaml { path.removeLast() }
                switch key {
                case .merge: merge(value, into: &obj)
                case .key(let k): obj[k] = value
                case .unsignedKey(let u):
                    let shown = value.isNull ? "<nil>" : goSharpV(value)
                    defer_(2, "unsupported map key of type: uint64, key: 0x\(String(u, radix: 16)), value: \(shown)")
                case .nullKey:
                    let shown = value.isNull ? "<nil>" : goSharpV(value)
                    defer_(2, "unsupported map key of type: %!s(<nil>), key: <nil>, value: \(shown)")
                case .invalid: break
                }
            }
            let v = JSONValue.object(obj)
            if let anchor { anchors[anchor] = .some(Anchored(value: v, count: limits.decodeCount - startCount)) }
            return v
        default:
            throw DocumentError(message: "yaml: unexpected event")
        }
    }

    private mutating func aliasValue() throws -> JSONValue {
        let name = cString(event.data.alias.anchor) ?? ""
        guard let entry = anchors[name] else {
            throw DocumentError(message: "yaml: unknown anchor '\(name)' referenced")
        }
        guard let v = entry else {
            throw DocumentError(message: "yaml: anchor '\(name)' value contains itself")
        }
        limits.countNode()
        limits.countAlias(v.count)
        return v.value
    }

    /// go-yaml's scanner limits: more than 10,000 nested flow collections, or more than 10,000
    /// block indentation levels, is an error at the line of the collection that crosses the limit.
    private mutating func enterCollection(flow: Bool) throws -> Bool {
        let mark = event.start_mark
        if flow {
            limits.flowLevel += 1
            if limits.flowLevel > ReaderLimits.maxDepth { throw depthError(mark) }
            return false
        }
        guard limits.flowLevel == 0, Int(mark.column) > (limits.indents.last ?? -1) else { return false }
        limits.indents.append(Int(mark.column))
        if limits.indents.count > ReaderLimits.maxDepth { throw depthError(mark) }
        return true
    }

    private mutating func leaveCollection(_ pushedIndent: Bool) {
        if pushedIndent { limits.indents.removeLast() } else if limits.flowLevel > 0 { limits.flowLevel -= 1 }
    }

    /// go-yaml reports it as a scanner error: the 1-based line, or no line at all on the first line.
    private func depthError(_ mark: yaml_mark_t) -> DocumentError {
        let problem = "exceeded max depth of \(ReaderLimits.maxDepth)"
        return DocumentError(message: mark.line == 0 ? "yaml: \(problem)" : "yaml: line \(mark.line + 1): \(problem)")
    }

    private enum Key { case key(String), merge, nullKey, unsignedKey(UInt64), invalid }

    private mutating func parseKey() throws -> Key {
        readingKey = true
        defer { readingKey = false }
        let value: JSONValue
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            if s.style == YAML_PLAIN_SCALAR_STYLE, s.tag == nil, s.length == 2,
               s.value[0] == UInt8(ascii: "<"), s.value[1] == UInt8(ascii: "<") {
                if let a = cString(s.anchor) { anchors[a] = .some(Anchored(value: .string("<<"), count: 1)) }
                return .merge
            }
            // A scalar key is turned into a string, so `.inf:` is no JSON error.
            let saved = deferred
            value = try parseNode()
            deferred = saved
            // kyaml keeps a plain key that go-yaml v3 reads as a number, boolean or time as written; such a
            // key fails once kustomize turns the object into JSON (`KyamlScalar`).
            // sigs.k8s.io/yaml has no string for a uint64 key (an integer beyond int64).
            if !kyaml, s.style == YAML_PLAIN_SCALAR_STYLE, s.tag == nil, case .double = value {
                let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                if case .unsigned(let u) = KyamlScalar.resolve(text) { return .unsignedKey(u) }
            }
            if kyaml, s.style == YAML_PLAIN_SCALAR_STYLE, s.tag == nil, !value.isNull {
                let bytes = UnsafeBufferPointer(start: s.value, count: s.length)
                let text = String(decoding: bytes, as: UTF8.self)
                if case .json(.string) = KyamlScalar.resolve(text) {} else { return .key(KyamlScalar.raw(text)) }
            }
        default:
            value = try parseNode()
        }
        switch value {
        case .string(let s): return .key(s)
        case .int(let i): return .key(String(i))
        case .double(let d): return .key(goFormatG(d, float32: true))
        case .bool(let b): return .key(b ? "true" : "false")
        case .null:
            return .nullKey
        case .array, .object:
            defer_(1, "invalid map key: " + goSharpV(value))
            return .invalid
        }
    }

    private mutating func merge(_ value: JSONValue, into obj: inout JSONObject) {
        switch value {
        case .object(let m):
            for (k, v) in m { obj[k] = v }
        case .array(let items):
            // Earlier maps take precedence: apply from the last.
            for item in items.reversed() {
                guard case .object(let m) = item else {
                    defer_(1, "map merge requires map or sequence of maps as the value")
                    return
                }
                for (k, v) in m { obj[k] = v }
            }
        default:
            defer_(1, "map merge requires map or sequence of maps as the value")
        }
    }

    private mutating func scalarValue() -> JSONValue {
        let s = event.data.scalar
        let bytes = UnsafeBufferPointer(start: s.value, count: s.length)
        var tag = cString(s.tag)
        if let t = tag, t.hasPrefix("tag:yaml.org,2002:") { tag = "!!" + t.dropFirst(18) }
        let plain = s.style == YAML_PLAIN_SCALAR_STYLE
        switch tag {
        case nil:
            // kustomize's output reads a folded scalar back from go-yaml v3's text (`KyamlFolded`).
            // Annotations are not: kustomize sets them again from their values before it prints; nor
            // are a List's items: kustomize reads them out of the List through JSON (no style left).
            if kyaml, !readingKey, s.style == YAML_FOLDED_SCALAR_STYLE, !inMetadataAnnotations, !inListItems {
                return .string(KyamlFolded.readBack(string(s.value, s.length)))
            }
            if !plain { return .string(string(s.value, s.length)) }
        case "!!str":
            return .string(string(s.value, s.length))
        case "!!binary":
            // go-yaml decodes base64 (std alphabet, padding, line breaks ignored) to a byte string.
            switch GoBase64.decode(string(s.value, s.length)) {
            case .success(let bytes): return .string(goJSONCoercedString(bytes))
            case .failure:
                defer_(1, "!!binary value contains invalid base64 data")
                return .string(string(s.value, s.length))
            }
        case "!!int", "!!float", "!!bool", "!!null", "!!timestamp":
            break
        default:
            return .string(string(s.value, s.length))
        }
        // kyaml reads an empty value inside a flow collection (`{k: }`, `{k}`, `[k: ]`) as an empty string;
        // in block style (`k:`) it stays null (measured with kubectl v1.32's kustomize).
        if kyaml, plain, tag == nil, s.length == 0, limits.flowLevel > 0 { return .string("") }
        let r = YAMLResolver.resolve(bytes, detectTimestamps: kyaml && (tag == nil || tag == "!!timestamp"))
        if kyaml, let v = kyamlValue(r, bytes: bytes, plainUntagged: plain && tag == nil, tag: tag) { return v }
        switch r {
        case .null: return .null
        case .bool(let b): return .bool(b)
        // sigs.k8s.io/yaml writes a float64 with an integral value as JSON digits (`1e3`, `3.`, `!!float 1`
        // become `1000`, `3`, `1`), which kubectl then reads as an int64 when it fits one.
        case .int(let i): return tag == "!!float" && readingKey ? .double(Double(i)) : .int(i)
        case .bigInt(let d): return .double(d)
        case .float(let d):
            if d.isNaN { defer_(3, "json: unsupported value: NaN") }
            else if d.isInfinite { defer_(3, "json: unsupported value: \(d < 0 ? "-Inf" : "+Inf")") }
            if !readingKey, d == d.rounded(.towardZero), abs(d) < 9.223372036854775807e18 { return .int(Int64(d)) }
            return .double(d)
        case .timestamp, .string, .merge:
            return .string(string(s.value, s.length))
        }
    }
}

extension YAMLDocumentDecoder {
    /// Whether the value being read is a label or annotation value of the document's object (or of an
    /// item of a List document).
    /// Whether the value being read is inside an item of the document's `items` (a List's objects).
    var inListItems: Bool { path.count >= 2 && path[0] == "items" && path[1] == "[]" }

    /// Whether the value being read is inside the document's object's (or a List item's) annotations.
    var inMetadataAnnotations: Bool {
        let p = path.count >= 4 && path[0] == "items" && path[1] == "[]" ? Array(path[2...]) : path
        return p.count >= 2 && p[0] == "metadata" && p[1] == "annotations"
    }

    var atMetadataMapValue: Bool {
        let p = path.count == 5 && path[0] == "items" && path[1] == "[]" ? Array(path[2...]) : path
        return p.count == 3 && p[0] == "metadata" && (p[1] == "labels" || p[1] == "annotations")
    }

    /// kyaml's reading of a resolved scalar where it differs from go-yaml v2's; nil where it does not.
    func kyamlValue(_ r: ResolvedScalar, bytes: UnsafeBufferPointer<UInt8>, plainUntagged: Bool, tag: String?) -> JSONValue? {
        let text = String(decoding: bytes, as: UTF8.self)
        if readingKey {
            // A key keeps go-yaml v2's reading but for YAML 1.1's booleans.
            if case .bool = r, tag != "!!bool", !YAMLDocumentDecoder.isCoreBoolean(bytes) { return .string(text) }
            return nil
        }
        switch r {
        case .string, .merge: return nil
        case .timestamp: return .string(KyamlScalar.raw(text))
        case .bigInt: return .string(KyamlScalar.raw(text))
        case .bool where tag != "!!bool" && !YAMLDocumentDecoder.isCoreBoolean(bytes): return .string(text)
        default: break
        }
        if plainUntagged, atMetadataMapValue { return .string(KyamlScalar.raw(text)) }
        // A plain number, boolean or null not in its plain form (`0x1F`, `+12`, `1_0`, `~`, `True`) keeps its
        // text: a replacement copies it, an annotation reads it back so.
        if plainUntagged, !YAMLDocumentDecoder.isCanonical(r, text) { return .string(KyamlScalar.raw(text)) }
        if case .float(let d) = r, !d.isFinite { return .double(d) }
        return nil
    }

    /// Whether `text` is how the value it resolves to is written anyway (`12`, `true`, `null`, `0.5`).
    static func isCanonical(_ r: ResolvedScalar, _ text: String) -> Bool {
        switch r {
        case .null: return text == "null"
        case .bool(let b): return text == (b ? "true" : "false")
        case .int(let i): return text == String(i)
        case .float(let d): return d.isFinite && text == goFormatG(d) && text.contains(".")
        default: return true
        }
    }
}

/// Go's `%#v` of a decoded YAML value (for "invalid map key" messages), close enough for scalars,
/// sequences and maps of scalars.
func goSharpV(_ v: JSONValue) -> String {
    switch v {
    case .null: return "interface {}(nil)"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return goFormatG(d)
    case .string(let s):
        var out: [UInt8] = []
        writeJSONString(s, into: &out, escapeHTML: false)
        return String(decoding: out, as: UTF8.self)
    case .array(let a): return "[]interface {}{" + a.map(goSharpV).joined(separator: ", ") + "}"
    case .object(let o):
        return "map[interface {}]interface {}{" + o.sortedKeys.map { "\(goSharpV(.string($0))):\(goSharpV(o[$0]!))" }
            .joined(separator: ", ") + "}"
    }
}
