import KubeModel

/// The documents of one manifest stream, decoded one at a time as kubectl's streaming decoder reads
/// them, so a large file is never held as values all at once (`YAMLCodec.decodeStream` gathers them).
/// A stream whose first non-space byte is `{` is a stream of JSON values; anything else is split into
/// YAML documents at lines starting with `---`. Empty and `null` documents are skipped. The first bad
/// document throws its `YAMLError` and ends the stream.
public struct YAMLDocumentCursor {
    private let bytes: [UInt8]
    private let source: String
    /// Where the next line (YAML) or value (JSON) starts.
    private var pos = 0
    /// Where the YAML document being scanned starts.
    private var chunkStart = 0
    private let json: Bool
    private var finished = false
    /// Plain scalars as kustomize's kyaml reads them (`YAMLDocumentDecoder.kyaml`).
    private let kyaml: Bool
    /// kyaml splits a stream at a separator line with the newline before it, so a separator at the
    /// start of the stream or right after another one that split is no split: it opens the next
    /// document explicitly (`---` then `...` is an empty document there, not a bare `...`).
    private var atSplit = true

    public init(bytes: [UInt8], source: String, kyaml: Bool = false) {
        self.bytes = bytes
        self.source = source
        self.kyaml = kyaml
        var i = 0
        while i < bytes.count, isGoSpace(bytes[i]) { i += 1 }
        json = i < bytes.count && bytes[i] == UInt8(ascii: "{")
        if json { pos = i }
    }

    /// The next non-empty document, or nil at the end of the stream.
    public mutating func next() throws -> JSONValue? {
        guard !finished else { return nil }
        do {
            let doc = try bytes.withUnsafeBufferPointer { b in json ? try nextJSON(b) : try nextYAML(b) }
            if doc == nil { finished = true }
            return doc
        } catch {
            finished = true
            throw error
        }
    }

    private mutating func nextYAML(_ b: UnsafeBufferPointer<UInt8>) throws -> JSONValue? {
        let n = b.count
        while pos < n {
            let start = pos
            var end = start
            while end < n, b[end] != 0x0A { end += 1 }
            let lineEnd = end < n ? end + 1 : end
            pos = lineEnd
            guard end - start >= 3, b[start] == UInt8(ascii: "-"), b[start + 1] == UInt8(ascii: "-"),
                  b[start + 2] == UInt8(ascii: "-") else { continue }
            // Only spaces or a comment may follow a document separator.
            var x = start + 3, y = lineEnd
            while x < y, isGoSpace(b[x]) { x += 1 }
            while y > x, isGoSpace(b[y - 1]) { y -= 1 }
            if x < y, b[x] != UInt8(ascii: "#") {
                let rest = String(decoding: UnsafeBufferPointer(rebasing: b[x..<y]), as: UTF8.self)
                throw YAMLError("error parsing \(source): invalid Yaml document separator: \(rest)")
            }
            if kyaml, atSplit, start == chunkStart {
                atSplit = false
                continue
            }
            atSplit = true
            let chunk = chunkStart..<start
            chunkStart = lineEnd
            if let doc = try document(b, chunk) { return doc }
        }
        let chunk = chunkStart..<n
        chunkStart = n
        return try document(b, chunk)
    }

    /// The document in `range` (nil when it is empty or `null`).
    private func document(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> JSONValue? {
        guard !range.isEmpty else { return nil }
        do {
            guard let v = try YAMLDocumentDecoder.decode(UnsafeBufferPointer(rebasing: b[range]), kyaml: kyaml), !v.isNull else { return nil }
            // kyaml skips a document that is an empty or null scalar (kept as written in kyaml mode).
            if kyaml, case .string = v, KyamlScalar.resolvedDeep(v).isNull { return nil }
            if let c = firstTooDeepContainer(v) {
                throw YAMLError("error parsing \(source): error unmarshaling JSON: while decoding JSON: invalid character '\(c)' exceeded max depth")
            }
            return v
        } catch let e as DocumentError {
            throw YAMLError("error parsing \(source): error converting YAML to JSON: \(e.message)")
        } catch let e as YAMLError {
            throw e
        } catch {
            throw YAMLError("error parsing \(source): \(error)")
        }
    }

    /// The next JSON value as Go's `json.Decoder` reads a stream (`null` values skipped).
    private mutating func nextJSON(_ b: UnsafeBufferPointer<UInt8>) throws -> JSONValue? {
        let n = b.count
        while true {
            while pos < n, b[pos] == 0x20 || b[pos] == 0x0A || b[pos] == 0x0D || b[pos] == 0x09 { pos += 1 }
            if pos >= n { return nil }
            let start = pos
            let end = jsonValueEnd(b, start)
            pos = end
            do {
                let v = try JSON.parse(bytes: UnsafeBufferPointer(rebasing: b[start..<end]))
                if !v.isNull { return v }
            } catch let e as JSONParseError {
                if e.message == "unexpected end of JSON input" { throw YAMLError("error parsing \(source): unexpected EOF") }
                throw YAMLError("error parsing \(source): json: offset \(start + e.offset + 1): \(e.message)")
            } catch {
                throw YAMLError("error parsing \(source): \(error)")
            }
        }
    }
}
