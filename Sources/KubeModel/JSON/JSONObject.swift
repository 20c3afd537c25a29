/// An insertion-ordered string-keyed map. Kubernetes objects are small (a handful to a few dozen keys
/// per level), so a pair of parallel arrays with linear lookup beats hashing and keeps order for free.
/// Assigning to an existing key keeps its position; assigning `nil` removes it.
public struct JSONObject: Sendable, Equatable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []

    public init() {}
    public init(_ pairs: [(String, JSONValue)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// An object of these members, in this order: the keys must be distinct (a decoder that already
    /// de-duplicated them), and as many as the values.
    public init(uniqueKeys: [String], values: [JSONValue]) {
        precondition(uniqueKeys.count == values.count)
        keys = uniqueKeys
        self.values = values
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Keys of another length in UTF-8 are passed over without a string comparison (most keys of an
    /// object differ in length): equal keys are the same bytes, as Go's map keys are.
    public func index(of key: String) -> Int? {
        let n = key.utf8.count
        for i in keys.indices where keys[i].utf8.count == n && keys[i] == key { return i }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let v = newValue { values[i] = v } else { keys.remove(at: i); values.remove(at: i) }
            } else if let v = newValue {
                keys.append(key)
                values.append(v)
            }
        }
    }

    /// The value for `key`, changed in place (`.null` when missing; a missing key is appended once the
    /// change is done): nested changes such as `pod["status"]["phase"] = ...` do not copy each level.
    public subscript(modifying key: String) -> JSONValue {
        get { self[key] ?? .null }
        _modify {
            if let i = index(of: key) {
                yield &values[i]
            } else {
                var v = JSONValue.null
                defer {
                    keys.append(key)
                    values.append(v)
                }
                yield &v
            }
        }
    }

    public mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
    }

    /// Appends without checking for an existing key: for decoders that already de-duplicated.
    public mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let i = index(of: key) else { return nil }
        keys.remove(at: i)
        return values.remove(at: i)
    }

    public mutating func insert(_ key: String, _ value: JSONValue, at position: Int) {
        if let i = index(of: key) { keys.remove(at: i); values.remove(at: i) }
        let p = Swift.min(position, keys.count)
        keys.insert(key, at: p)
        values.insert(value, at: p)
    }

    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    /// Keys in Go's `sort.Strings` order (byte-wise), as encoding/json writes map keys.
    public var sortedKeys: [String] { keys.sorted(by: goStringLess) }

    /// Two objects are equal when they hold the same keys with equal values, in any order
    /// (as Go's `reflect.DeepEqual` on maps).
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        // Objects compared are mostly versions of one another, with their keys in the same order: pair
        // them by position while the keys agree, and look the rest up by key.
        let n = a.keys.count
        var i = 0
        while i < n, a.keys[i] == b.keys[i] {
            guard a.values[i] == b.values[i] else { return false }
            i += 1
        }
        while i < n {
            guard let w = b[a.keys[i]], w == a.values[i] else { return false }
            i += 1
        }
        return true
    }
}

/// Go's string ordering: byte-wise over UTF-8.
@inlinable
public func goStringLess(_ a: String, _ b: String) -> Bool {
    var ia = a.utf8.makeIterator()
    var ib = b.utf8.makeIterator()
    while true {
        switch (ia.next(), ib.next()) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): if x != y { return x < y }
        }
    }
}
