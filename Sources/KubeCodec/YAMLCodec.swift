import KubeModel

/// kubectl-compatible YAML reading and writing.
///
/// Reading follows kubectl's manifest decoder: a stream whose first non-space byte is `{` is read as
/// a stream of JSON values, anything else is split into documents at lines starting with `---` and
/// each document converted as sigs.k8s.io/yaml does (go-yaml v2, YAML 1.1 scalars). Documents that
/// are empty or `null` are skipped. Errors carry kubectl's text (line numbers are relative to the
/// document, as in kubectl).
///
/// Writing gives kubectl's `-o yaml` bytes.
public enum YAMLCodec {
    // MARK: Decoding

    /// All non-empty documents of a manifest stream; throws at the first bad document.
    public static func decodeDocuments(_ text: String, source: String) throws -> [JSONValue] {
        let r = decodeStream(text, source: source)
        if let e = r.error { throw e }
        return r.documents
    }

    /// The same, with plain scalars as kustomize reads resources and patches (kyaml, YAML 1.2 as go-yaml v3
    /// reads it): plain `yes`, `no`, `on`, `off`, `y` and `n` stay strings, NaN and infinities are kept,
    /// and scalars whose meaning depends on where they end up are kept as written (`KyamlScalar`).
    public static func decodeDocuments(_ text: String, source: String, kyaml: Bool) throws -> [JSONValue] {
        var copy = text
        return try copy.withUTF8 { buf in
            var cursor = YAMLDocumentCursor(bytes: Array(buf), source: source, kyaml: kyaml)
            var docs: [JSONValue] = []
            do {
                while let doc = try cursor.next() { docs.append(doc) }
            } catch {
                throw error as? YAMLError ?? YAMLError("error parsing \(source): \(error)")
            }
            return docs
        }
    }

    public static func decodeDocuments(bytes: [UInt8], source: String) throws -> [JSONValue] {
        let r = bytes.withUnsafeBufferPointer { decodeStream(bytes: $0, source: source) }
        if let e = r.error { throw e }
        return r.documents
    }

    /// The documents before the first error, and that error: kubectl handles each document before
    /// it reads the next, so commands print the good ones first.
    public static func decodeStream(_ text: String, source: String) -> (documents: [JSONValue], error: YAMLError?) {
        var copy = text
        return copy.withUTF8 { decodeStream(bytes: $0, source: source) }
    }

    public static func decodeStream(bytes: UnsafeBufferPointer<UInt8>, source: String)
        -> (documents: [JSONValue], error: YAMLError?)
    {
        var cursor = YAMLDocumentCursor(bytes: Array(bytes), source: source)
        var docs: [JSONValue] = []
        do {
            while let doc = try cursor.next() { docs.append(doc) }
        } catch {
            return (docs, error as? YAMLError ?? YAMLError("error parsing \(source): \(error)"))
        }
        return (docs, nil)
    }

    /// One YAML document (no `---` splitting, no JSON sniffing); `null` for an empty one. Errors read
    /// `error converting YAML to JSON: yaml: line 3: ...`.
    public static func decode(_ text: String) throws -> JSONValue {
        var copy = text
        return try copy.withUTF8 { buf in
            do {
                let v = try YAMLDocumentDecoder.decode(buf) ?? .null
                if let c = firstTooDeepContainer(v) {
                    throw YAMLError("error unmarshaling JSON: while decoding JSON: invalid character '\(c)' exceeded max depth")
                }
                return v
            } catch let e as DocumentError {
                throw YAMLError("error converting YAML to JSON: \(e.message)")
            }
        }
    }

    // MARK: Encoding

    /// kubectl's `-o yaml` text for one object (ends with a newline).
    public static func encode(_ value: JSONValue) -> String {
        String(decoding: encodeBytes(value), as: UTF8.self)
    }

    /// `encode` as UTF-8 bytes (streamed listings append them without a round trip through `String`).
    public static func encodeBytes(_ value: JSONValue) -> [UInt8] {
        var e = YAMLEmitter()
        defer { e.destroy() }
        return e.encode(value)
    }

    /// Several objects as kubectl's YAML printer writes them: `---` before every object after the first.
    public static func encodeDocuments(_ values: [JSONValue]) -> String {
        var out: [UInt8] = []
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(contentsOf: "---\n".utf8) }
            // A libyaml emitter cannot restart after its stream ended: one per document.
            var e = YAMLEmitter()
            out.append(contentsOf: e.encode(v))
            e.destroy()
        }
        return String(decoding: out, as: UTF8.self)
    }
}

@inline(__always) func isGoSpace(_ c: UInt8) -> Bool {
    c == 0x20 || (c >= 0x09 && c <= 0x0D)
}

/// Where the JSON value starting at `start` ends (by bracket matching; syntax is checked later).
func jsonValueEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    let n = b.count
    var i = start
    let c = b[i]
    if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
        var depth = 0
        var inString = false
        while i < n {
            let x = b[i]
            if inString {
                if x == UInt8(ascii: "\\") { i += 1 } else if x == UInt8(ascii: "\"") { inString = false }
            } else if x == UInt8(ascii: "\"") {
                inString = true
            } else if x == UInt8(ascii: "{") || x == UInt8(ascii: "[") {
                depth += 1
            } else if x == UInt8(ascii: "}") || x == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return n
    }
    if c == UInt8(ascii: "\"") {
        i += 1
        while i < n {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return n
    }
    i += 1
    while i < n {
        let x = b[i]
        if x == 0x20 || x == 0x0A || x == 0x0D || x == 0x09 || x == UInt8(ascii: "{") || x == UInt8(ascii: "[")
            || x == UInt8(ascii: "\"") || x == UInt8(ascii: "}") || x == UInt8(ascii: "]") || x == UInt8(ascii: ",") {
            break
        }
        i += 1
    }
    return i
}
