#if canImport(Glibc)
import Glibc
#endif
/// Re-prints compact JSON written by `JSONValue.writeJSON` (a stored object) as `writeJSON` with
/// `.kubectl` options would print the parsed value (keys sorted byte-wise, 4-space indent), straight
/// from the bytes: no `JSONValue` is built, so `get -o json` of a long list costs one scan per object.
/// Strings and numbers are copied as they are, which is exact because the input was written by the
/// same writer (its escapes and number forms are the ones the output would use). Input it does not
/// expect (whitespace, malformed text) makes `write` return false, and the caller parses instead.
public struct CompactJSONIndenter {
    private enum Kind: UInt8 { case scalar, string, object, array }
    /// The tape: one entry per value or key, with its span in the input; containers note the index
    /// just past their last entry.
    private struct Entry {
        var kind: Kind
        var start: Int32
        var end: Int32
        var next: Int32
    }

    private var tape: [Entry] = []
    private var members: [Int32] = []

    public init() {}

    /// Appends the object in `input` to `out` at nesting `level`; when `dropManagedFields`, the top
    /// object's `metadata.managedFields` is left out (kubectl's default).
    public mutating func write(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], level: Int,
                               dropManagedFields: Bool) -> Bool {
        tape.removeAll(keepingCapacity: true)
        var pos = 0
        guard scan(input, &pos, depth: 0), pos == input.count, !tape.isEmpty else { return false }
        let stack = members  // kept between objects for its capacity
        members = []
        members = tape.withUnsafeBufferPointer { tape in
            var emitter = Emitter(b: input, tape: tape, members: stack)
            emitter.emit(0, into: &out, level: level, role: dropManagedFields ? .top : .other)
            return emitter.members
        }
        return true
    }

    // MARK: Scanning

    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, _ pos: inout Int, depth: Int) -> Bool {
        guard pos < b.count, depth < 10_000 else { return false }
        let start = pos
        switch b[pos] {
        case UInt8(ascii: "\""):
            guard skipString(b, &pos) else { return false }
            tape.append(Entry(kind: .string, start: Int32(start), end: Int32(pos), next: 0))
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = b[pos] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let index = tape.count
            tape.append(Entry(kind: isObject ? .object : .array, start: Int32(start), end: 0, next: 0))
            pos += 1
            if pos < b.count, b[pos] == close {
                pos += 1
            } else {
                while true {
                    if isObject {
                        let keyStart = pos
                        guard pos < b.count, b[pos] == UInt8(ascii: "\""), skipString(b, &pos),
                              pos < b.count, b[pos] == UInt8(ascii: ":") else { return false }
                        tape.append(Entry(kind: .string, start: Int32(keyStart), end: Int32(pos), next: 0))
                        pos += 1
                    }
                    guard scan(b, &pos, depth: depth + 1), pos < b.count else { return false }
                    if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    guard b[pos] == close else { return false }
                    pos += 1
                    break
                }
            }
            tape[index].end = Int32(pos)
            tape[index].next = Int32(tape.count)
        default:
            while pos < b.count {
                let c = b[pos]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") { break }
                if c <= 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { return false }
                pos += 1
            }
            guard pos > start else { return false }
            tape.append(Entry(kind: .scalar, start: Int32(start), end: Int32(pos), next: 0))
        }
        return true
    }

    private func skipString(_ b: UnsafeBufferPointer<UInt8>, _ pos: inout Int) -> Bool {
        pos += 1
        while pos < b.count {
            switch b[pos] {
            case UInt8(ascii: "\""): pos += 1; return true
            case UInt8(ascii: "\\"): pos += 2
            default: pos += 1
            }
        }
        return false
    }

    // MARK: Emitting

    private enum Role { case top, metadata, other }

    /// What emitting reads: the input, the tape (as a pointer: no reference counting per entry), and
    /// a stack of object members being sorted.
    private struct Emitter {
        let b: UnsafeBufferPointer<UInt8>
        let tape: UnsafeBufferPointer<Entry>
        var members: [Int32]

        func after(_ i: Int) -> Int {
            let e = tape[i]
            return e.kind == .object || e.kind == .array ? Int(e.next) : i + 1
        }

        mutating func emit(_ i: Int, into out: inout [UInt8], level: Int, role: Role) {
            let e = tape[i]
            switch e.kind {
            case .scalar, .string:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[Int(e.start)..<Int(e.end)]))
            case .array:
                if Int(e.next) == i + 1 { out.append(contentsOf: "[]".utf8); return }
                out.append(UInt8(ascii: "["))
                var j = i + 1
                var first = true
                while j < Int(e.next) {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    Emitter.newline(&out, level + 1)
                    emit(j, into: &out, level: level + 1, role: .other)
                    j = after(j)
                }
                Emitter.newline(&out, level)
                out.append(UInt8(ascii: "]"))
            case .object:
                emitObject(i, into: &out, level: level, role: role)
            }
        }

        mutating func emitObject(_ i: Int, into out: inout [UInt8], level: Int, role: Role) {
            let e = tape[i]
            let base = members.count
            var j = i + 1
            while j < Int(e.next) {
                members.append(Int32(j))
                j = after(j + 1)
            }
            if role == .metadata, let k = members[base...].firstIndex(where: { keyEquals(Int($0), "managedFields") }) {
                members.remove(at: k)
            }
            if members.count == base { out.append(contentsOf: "{}".utf8); return }
            sortMembers(from: base)
            out.append(UInt8(ascii: "{"))
            for m in base..<members.count {
                if m > base { out.append(UInt8(ascii: ",")) }
                Emitter.newline(&out, level + 1)
                let k = Int(members[m])
                let key = tape[k]
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[Int(key.start)..<Int(key.end)]))
                out.append(contentsOf: ": ".utf8)
                let childRole: Role = role == .top && keyEquals(k, "metadata") ? .metadata : .other
                emit(k + 1, into: &out, level: level + 1, role: childRole)
            }
            members.removeSubrange(base...)
            Emitter.newline(&out, level)
            out.append(UInt8(ascii: "}"))
        }

        /// Insertion sort of `members[base...]` by key: objects have few members, often nearly in order.
        mutating func sortMembers(from base: Int) {
            let n = members.count
            guard n - base > 1 else { return }
            let (b, tape) = (b, tape)
            members.withUnsafeMutableBufferPointer { m in
                for i in (base + 1)..<n {
                    let x = m[i]
                    var j = i
                    while j > base && CompactJSONIndenter.keyLess(b, tape[Int(x)], tape[Int(m[j - 1])]) {
                        m[j] = m[j - 1]
                        j -= 1
                    }
                    m[j] = x
                }
            }
        }

        static func newline(_ out: inout [UInt8], _ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 4 * level))
        }

        func keyEquals(_ k: Int, _ name: StaticString) -> Bool {
            let key = tape[k]
            let n = Int(key.end - key.start) - 2
            guard n == name.utf8CodeUnitCount else { return false }
            let p = name.utf8Start
            for x in 0..<n where b[Int(key.start) + 1 + x] != p[x] { return false }
            return true
        }
    }

    /// Byte-wise order of the keys' texts (Go's map key order); keys with escapes compare unescaped.
    private static func keyLess(_ b: UnsafeBufferPointer<UInt8>, _ kx: Entry, _ ky: Entry) -> Bool {
        let sx = UnsafeBufferPointer(rebasing: b[Int(kx.start) + 1..<Int(kx.end) - 1])
        let sy = UnsafeBufferPointer(rebasing: b[Int(ky.start) + 1..<Int(ky.end) - 1])
        if sx.contains(UInt8(ascii: "\\")) || sy.contains(UInt8(ascii: "\\")) {
            return goStringLess(unescaped(b, kx), unescaped(b, ky))
        }
        let n = min(sx.count, sy.count)
        if n > 0 {
            let c = memcmp(sx.baseAddress!, sy.baseAddress!, n)
            if c != 0 { return c < 0 }
        }
        return sx.count < sy.count
    }

    private static func unescaped(_ b: UnsafeBufferPointer<UInt8>, _ key: Entry) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[Int(key.start)..<Int(key.end)]), as: UTF8.self)
        return (try? JSON.parse(text))?.string ?? text
    }
}
