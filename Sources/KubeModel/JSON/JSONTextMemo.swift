/// Where the parser found the members of a document's top object (level 1) and those of its
/// members' objects (level 2), in the order their values ended: each object's members after those
/// of its own members' objects (`JSON.parseWithLayout`, `JSONTextMemo.seed(_:text:layout:key:)`).
public struct JSONTextLayout: Sendable {
    struct Mark: Sendable {
        var level: Int
        /// The key's text between its quotes, and the value's.
        var keyStart: Int
        var keyEnd: Int
        var start: Int
        var end: Int
    }

    var marks: [Mark]
    /// The length of the text, in bytes.
    var count: Int
}

/// The compact text of a value (`jsonString(.compactOrdered)`) written again after a few changes: the
/// parts still held in the same storage as in the value written last are copied from its text instead
/// of being written again. A pod deleted gracefully is written three times in a row (Terminating, its
/// stopped status, the grace-0 delete), each time with one or two members changed: its spec, and its
/// status after the kubelet's write, are the very arrays of the write before.
///
/// A part is copied only when it is the same storage (an object's key and value arrays, an array's
/// elements) as the part at the same place in the value last written, which the memo keeps alive: such
/// storage cannot have changed since (a change would have copied it), so its text is the same bytes by
/// construction. Scalars are compared by value. The text is always what `jsonString(.compactOrdered)`
/// writes.
public struct JSONTextMemo {
    /// Where a part's text is within its parent's, and (down to `depth`) where its members' are.
    fileprivate struct Node {
        var value: JSONValue
        var offset: Int
        var length: Int
        var children: [Node]
    }

    fileprivate var root: Node?
    fileprivate var text: [UInt8] = []
    /// What the text was written for (the caller's key of the object), so that only writes of the
    /// same object look for parts to copy.
    public private(set) var key: String = ""

    public init() {}

    /// Forgets the last text.
    public mutating func reset() {
        root = nil
        text = []
        key = ""
    }

    /// How many levels of members are kept apart: the object, its members (metadata, spec, status)
    /// and theirs.
    static let depth = 2

    /// The compact text of `value` (as `jsonString(.compactOrdered)`), reusing the last text when it
    /// was written for `key`; remembers this one.
    public mutating func compactOrdered(_ value: JSONValue, key: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(Swift.max(256, text.count + 64))
        let previous = key == self.key ? root : nil
        let node = text.withUnsafeBufferPointer { old in
            Self.write(value, previous: previous, previousStart: 0, old: old, into: &out, depth: Self.depth)
        }
        root = node
        text = out
        self.key = key
        return String(decoding: out, as: UTF8.self)
    }

    /// Takes `text` as the last text written for `value` under `key`, when `value` is what `text`
    /// parses to (an object as read from the store, and its stored text): the next write of `key`
    /// copies from it the parts whose storage it still shares with `value`. Finds where the members
    /// are without parsing again; returns false (and forgets the last text) when `text` is not compact
    /// JSON of `value`'s keys in their order.
    @discardableResult
    public mutating func seed(_ value: JSONValue, text: String, key: String) -> Bool {
        let bytes = Array(text.utf8)
        let node = bytes.withUnsafeBufferPointer { p -> Node? in
            var i = 0
            guard let node = Self.scan(value, p, &i, depth: Self.depth), i == p.count else { return nil }
            return node
        }
        guard let node else { reset(); return false }
        root = node
        self.text = bytes
        self.key = key
        return true
    }

    /// `seed(_:text:key:)` with the layout the parser noted while it read `text` into `value`
    /// (`JSON.parseWithLayout`): the members' places come from it instead of a scan of the text. The
    /// same checks hold (each key as written, without escapes, in `value`'s order) and give the same
    /// memo; a member object the parser took whole from its memo (no places noted inside) is scanned.
    /// Without a layout, or one of another text, the text is scanned.
    @discardableResult
    public mutating func seed(_ value: JSONValue, text: String, layout: JSONTextLayout?, key: String) -> Bool {
        guard let layout, layout.count == text.utf8.count, case .object(let o) = value, !o.isEmpty else {
            return seed(value, text: text, key: key)
        }
        let bytes = Array(text.utf8)
        let node = bytes.withUnsafeBufferPointer { p -> Node? in
            var children: [Node] = []
            children.reserveCapacity(o.count)
            var inner = 0  // the first of the level-2 marks not yet placed
            for (n, mark) in layout.marks.enumerated() where mark.level == 1 {
                let m = children.count
                guard m < o.count, Self.keyAsWritten(o.keys[m], p, mark) else { return nil }
                let v = o.values[m]
                var child = Node(value: v, offset: mark.start, length: mark.end - mark.start, children: [])
                if case .object(let c) = v, !c.isEmpty {
                    if inner == n {
                        var i = mark.start
                        guard let scanned = Self.scan(v, p, &i, depth: Self.depth - 1), i == mark.end else { return nil }
                        child.children = scanned.children
                    } else {
                        guard n - inner == c.count else { return nil }
                        child.children.reserveCapacity(c.count)
                        for j in 0..<c.count {
                            let im = layout.marks[inner + j]
                            guard Self.keyAsWritten(c.keys[j], p, im) else { return nil }
                            child.children.append(Node(value: c.values[j], offset: im.start - mark.start,
                                                       length: im.end - im.start, children: []))
                        }
                    }
                } else if inner != n {
                    return nil
                }
                children.append(child)
                inner = n + 1
            }
            guard children.count == o.count, inner == layout.marks.count else { return nil }
            return Node(value: value, offset: 0, length: p.count, children: children)
        }
        guard let node else { reset(); return false }
        root = node
        self.text = bytes
        self.key = key
        return true
    }

    /// Whether the text between the mark's key quotes is `key` as written, without escapes.
    private static func keyAsWritten(_ key: String, _ p: UnsafeBufferPointer<UInt8>, _ mark: JSONTextLayout.Mark) -> Bool {
        var k = key
        return k.withUTF8 { key -> Bool in
            guard mark.keyEnd - mark.keyStart == key.count else { return false }
            for j in 0..<key.count where p[mark.keyStart + j] != key[j] || key[j] == 0x5C || key[j] < 0x20 { return false }
            return true
        }
    }

    /// The node of `value` whose text starts at `i` (moved past it), with its members' down to `depth`.
    private static func scan(_ value: JSONValue, _ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) -> Node? {
        let start = i
        guard depth > 0, case .object(let o) = value, !o.isEmpty else {
            guard skipValue(p, &i) else { return nil }
            return Node(value: value, offset: start, length: i - start, children: [])
        }
        guard i < p.count, p[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var children: [Node] = []
        children.reserveCapacity(o.count)
        for m in o.keys.indices {
            if m > 0 {
                guard i < p.count, p[i] == UInt8(ascii: ",") else { return nil }
                i += 1
            }
            // The key as written (no escapes in it), then the value.
            guard i < p.count, p[i] == 0x22 else { return nil }
            let keyStart = i + 1
            var k = o.keys[m]
            let same = k.withUTF8 { key -> Bool in
                guard keyStart + key.count < p.count, p[keyStart + key.count] == 0x22 else { return false }
                for j in 0..<key.count where p[keyStart + j] != key[j] || key[j] == 0x5C || key[j] < 0x20 { return false }
                i = keyStart + key.count + 1
                return true
            }
            guard same, i < p.count, p[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard var child = scan(o.values[m], p, &i, depth: depth - 1) else { return nil }
            child.offset -= start
            children.append(child)
        }
        guard i < p.count, p[i] == UInt8(ascii: "}") else { return nil }
        i += 1
        return Node(value: value, offset: start, length: i - start, children: children)
    }

    /// Moves `i` past the compact JSON value that starts there; false when there is none.
    private static func skipValue(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let n = p.count
        guard i < n else { return false }
        var depth = 0
        repeat {
            guard i < n else { return false }
            switch p[i] {
            case 0x22:
                i += 1
                // Eight bytes at a time while none of them is a quote or a backslash.
                let base = UnsafeRawPointer(p.baseAddress!)
                while i + 8 <= n {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let q = w ^ 0x2222_2222_2222_2222, b = w ^ 0x5C5C_5C5C_5C5C_5C5C
                    let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                    if ((q &- low) & ~q | (b &- low) & ~b) & high != 0 { break }
                    i += 8
                }
                while i < n && p[i] != 0x22 { i += p[i] == 0x5C ? 2 : 1 }
                guard i < n else { return false }
                i += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { return false }
                depth -= 1
                i += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { return false }
                i += 1
            case 0x20, 0x09, 0x0A, 0x0D:
                return false
            default:
                // A number, true, false or null: up to the next delimiter.
                let first = i
                while i < n, p[i] != UInt8(ascii: ","), p[i] != UInt8(ascii: "}"), p[i] != UInt8(ascii: "]"), p[i] != UInt8(ascii: ":") {
                    i += 1
                }
                guard i > first else { return false }
            }
        } while depth > 0
        return true
    }

    private static func write(_ v: JSONValue, previous: Node?, previousStart: Int, old: UnsafeBufferPointer<UInt8>,
                              into out: inout [UInt8], depth: Int) -> Node {
        let start = out.count
        if let previous, v.sharesStorage(with: previous.value) {
            let from = previousStart + previous.offset
            out.append(contentsOf: UnsafeBufferPointer(rebasing: old[from..<(from + previous.length)]))
            return Node(value: v, offset: start, length: previous.length, children: previous.children)
        }
        guard depth > 0, case .object(let o) = v, !o.isEmpty else {
            v.writeJSON(into: &out, options: .compactOrdered, level: 0)
            return Node(value: v, offset: start, length: out.count - start, children: [])
        }
        // Members in their order, each against the member of the same key in the last text.
        var prior: JSONObject?
        var priorChildren: [Node] = []
        var priorStart = 0
        if let previous, case .object(let p) = previous.value, previous.children.count == p.count {
            prior = p
            priorChildren = previous.children
            priorStart = previousStart + previous.offset
        }
        var children: [Node] = []
        children.reserveCapacity(o.count)
        out.append(UInt8(ascii: "{"))
        for m in o.keys.indices {
            if m > 0 { out.append(UInt8(ascii: ",")) }
            let key = o.keys[m]
            writeJSONString(key, into: &out, escapeHTML: true)
            out.append(UInt8(ascii: ":"))
            var match: Node?
            if let prior {
                let j = m < prior.count && prior.keys[m] == key ? m : prior.index(of: key)
                if let j { match = priorChildren[j] }
            }
            var child = write(o.values[m], previous: match, previousStart: priorStart, old: old, into: &out, depth: depth - 1)
            child.offset -= start
            children.append(child)
        }
        out.append(UInt8(ascii: "}"))
        return Node(value: v, offset: start, length: out.count - start, children: children)
    }
}

extension JSONValue {
    /// Whether this value is `other`: the same storage for objects and arrays (an object's key and
    /// value arrays, an array's elements), the same value for scalars. Storage that is kept alive
    /// cannot have changed (a change copies it), so a value sharing it is equal, with its keys in the
    /// same order; false says nothing (equal values may be stored apart).
    public func sharesStorage(with other: JSONValue) -> Bool {
        switch (self, other) {
        case (.object(let x), .object(let y)):
            return x.count == y.count && Self.sameBuffer(x.keys, y.keys) && Self.sameBuffer(x.values, y.values)
        case (.array(let x), .array(let y)):
            return x.count == y.count && Self.sameBuffer(x, y)
        case (.string(let x), .string(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
        case (.null, .null): return true
        default: return false
        }
    }

    private static func sameBuffer<T>(_ x: [T], _ y: [T]) -> Bool {
        x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress } }
    }
}
