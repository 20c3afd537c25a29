// Our own descriptions of the API types, for `kubectl explain` (never upstream text).
//
// FORMAT (one or more Swift raw string literals per file, listed in `descriptionSources` below):
//
//   # a comment line (ignored)
//   @io.k8s.api.core.v1.PodSpec                  starts a definition (full OpenAPI name); the text lines
//   The desired state of a pod: ...              after it, up to the next `@` or `.` line, describe it.
//   .containers                                  starts a field of the current definition; its text
//   The containers that run in the pod ...       follows the same way.
//
//   * `@a b c` gives several definitions the same block (e.g. the same type in two API versions).
//   * Text lines of one description are joined with a single space, so sources can be wrapped freely.
//   * An empty line inside a description starts a new paragraph (`\n\n` in the text kubectl prints).
//   * A text line starting with `- ` starts a new line (lists of allowed values).
//   * Tags must start their line (`@`, `.`, `#` in column 1); text lines must not start with them
//     (indent such a line by one space, leading spaces are dropped).
//
// The catalog is parsed lazily: the first lookup records where each `@` block starts (one pass of
// memchr over the bytes), and a block is parsed the first time one of its definitions is asked for.
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where explain gets descriptions of definitions and fields that do not carry their own.
public protocol SchemaDescriptions: Sendable {
    /// The description of a definition (`io.k8s.api.core.v1.Pod`), or "".
    func description(definition: String) -> String
    /// The description of a field of a definition (`io.k8s.api.core.v1.Pod`, `spec`), or "".
    func description(definition: String, field: String) -> String
}

/// Descriptions parsed from text in the catalog format above.
public final class DescriptionCatalog: SchemaDescriptions, @unchecked Sendable {
    /// Our descriptions of the built-in v1.32 types.
    public static let builtin = DescriptionCatalog(chunks: descriptionSources.flatMap { $0 })

    /// A parsed block: the definition's own text and its fields' texts.
    public struct Entry: Sendable, Equatable {
        public var description: String = ""
        public var fields: [String: String] = [:]
        /// Field names in source order.
        public var fieldOrder: [String] = []
    }

    private let bytes: [UInt8]
    private struct State {
        var blocks: [String: Range<Int>]?
        var parsed: [String: Entry] = [:]
    }
    private let state = Mutex<State>(State())

    public init(chunks: [StaticString]) {
        var b: [UInt8] = []
        for c in chunks {
            b.append(contentsOf: UnsafeBufferPointer(start: c.utf8Start, count: c.utf8CodeUnitCount))
            b.append(0x0A)
        }
        bytes = b
    }

    public init(text: String) { bytes = Array(text.utf8) + [0x0A] }

    public func description(definition: String) -> String { entry(definition)?.description ?? "" }

    public func description(definition: String, field: String) -> String { entry(definition)?.fields[field] ?? "" }

    /// Every definition name that has a block, sorted.
    public var definitionNames: [String] { blocks().keys.sorted() }

    /// The parsed block of a definition.
    public func entry(_ definition: String) -> Entry? {
        if let e = state.withLock({ $0.parsed[definition] }) { return e }
        guard let range = blocks()[definition] else { return nil }
        let e = bytes.withUnsafeBufferPointer { parseBlock(UnsafeBufferPointer(rebasing: $0[range])) }
        state.withLock { $0.parsed[definition] = e }
        return e
    }

    /// Definition name → byte range of its block (after the `@` line). A definition listed twice keeps
    /// its first block.
    private func blocks() -> [String: Range<Int>] {
        if let b = state.withLock({ $0.blocks }) { return b }
        var starts: [(names: [String], textStart: Int, lineStart: Int)] = []
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let n = buf.count
            var pos = 0
            while pos < n {
                var end = n
                if let nl = memchr(base + pos, 0x0A, n - pos) {
                    end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                }
                if base[pos] == UInt8(ascii: "@") {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: buf[(pos + 1)..<end]), as: UTF8.self)
                    starts.append((line.split(separator: " ").map(String.init), end + 1, pos))
                }
                pos = end + 1
            }
        }
        var out: [String: Range<Int>] = [:]
        for (i, s) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1].lineStart : bytes.count
            for name in s.names where out[name] == nil { out[name] = s.textStart..<max(s.textStart, end) }
        }
        state.withLock { $0.blocks = out }
        return out
    }

    private func parseBlock(_ block: UnsafeBufferPointer<UInt8>) -> Entry {
        var entry = Entry()
        var field: String?
        var text = ""
        var pendingBreak = ""  // "" at the start, " ", "\n" or "\n\n" before the next line
        func flush() {
            if let f = field {
                if entry.fields[f] == nil { entry.fieldOrder.append(f) }
                entry.fields[f] = text
            } else {
                entry.description = text
            }
            text = ""
            pendingBreak = ""
        }
        let lines = String(decoding: block, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for raw in lines {
            if raw.hasPrefix("#") { continue }
            if raw.hasPrefix(".") {
                flush()
                field = String(raw.dropFirst().trimmingTrailingSpaces())
                continue
            }
            let line = raw.drop { $0 == " " }.trimmingTrailingSpaces()
            if line.isEmpty {
                if !text.isEmpty { pendingBreak = "\n\n" }
                continue
            }
            if !text.isEmpty {
                text += line.hasPrefix("- ") && pendingBreak == " " ? "\n" : pendingBreak
            }
            text += line
            pendingBreak = " "
        }
        flush()
        return entry
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
