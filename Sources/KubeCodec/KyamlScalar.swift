import KubeModel

/// A plain scalar kustomize keeps as written until its place decides what it means.
///
/// kustomize (kyaml) holds every scalar as its YAML node: the text as written. Its output turns a node
/// into JSON through go-yaml v3, so `0x1F` prints as 31 and a plain date as an RFC 3339 time, while
/// an annotation (and a label a patch with a target copies) is read back as text, `0x1F` or `~`. The
/// kyaml decoding mode (`YAMLCodec.decodeDocuments(_:source:kyaml:)`) keeps such scalars as a string
/// starting with a private-use marker; `KyamlScalar.text` gives the text, `resolve` its value.
public enum KyamlScalar {
    /// U+F8FE: never in a Kubernetes manifest in practice; only kustomize's build holds it.
    static let marker: Character = "\u{F8FE}"

    public static func raw(_ text: String) -> String { String(marker) + text }

    /// The text of a raw scalar; nil for any other string.
    public static func text(_ s: String) -> String? {
        guard s.first == marker else { return nil }
        return String(s.dropFirst())
    }

    /// The text of a raw scalar value; nil for anything else.
    public static func text(_ v: JSONValue) -> String? {
        if case .string(let s) = v { return text(s) }
        return nil
    }

    /// What go-yaml v3 makes of a plain scalar.
    public enum Value: Equatable {
        /// Anything JSON holds (null, a boolean, an int64, a float, a string).
        case json(JSONValue)
        /// A timestamp: JSON writes it as RFC 3339 with nanoseconds.
        case timestamp(GoTime)
        /// An integer beyond int64 that fits a uint64.
        case unsigned(UInt64)
    }

    public static func resolve(_ text: String) -> Value {
        var t = text
        return t.withUTF8 { b -> Value in
            switch YAMLResolver.resolve(b, detectTimestamps: true) {
            case .null: return .json(.null)
            case .bool(let x):
                return YAMLDocumentDecoder.isCoreBoolean(b) ? .json(.bool(x)) : .json(.string(text))
            case .int(let i): return .json(.int(i))
            case .bigInt(let d): return parseUnsigned(text).map { .unsigned($0) } ?? .json(.double(d))
            case .float(let d):
                if d.isFinite, d == d.rounded(.towardZero), abs(d) < 9.223372036854775807e18 { return .json(.int(Int64(d))) }
                return .json(.double(d))
            case .timestamp: return GoTime.parseYAML(text).map { .timestamp($0) } ?? .json(.string(text))
            case .string, .merge: return .json(.string(text))
            }
        }
    }

    /// `strconv.ParseUint(text, 0, 64)` on the text without underscores.
    static func parseUnsigned(_ text: String) -> UInt64? {
        var t = Substring(text.filter { $0 != "_" })
        var radix = 10
        if t.hasPrefix("0x") || t.hasPrefix("0X") { radix = 16; t = t.dropFirst(2) }
        else if t.hasPrefix("0b") || t.hasPrefix("0B") { radix = 2; t = t.dropFirst(2) }
        else if t.hasPrefix("0o") || t.hasPrefix("0O") { radix = 8; t = t.dropFirst(2) }
        else if t.hasPrefix("0"), t.count > 1 { radix = 8; t = t.dropFirst() }
        return UInt64(t, radix: radix)
    }

    /// The value JSON gives a raw scalar (a uint64 becomes a float, as encoding/json's decoding makes it).
    public static func json(_ text: String) -> JSONValue {
        switch resolve(text) {
        case .json(let v): return v
        case .timestamp(let t): return .string(t.rfc3339Nano)
        case .unsigned(let u): return .double(Double(u))
        }
    }

    /// `v` with every raw scalar replaced by its JSON value.
    public static func resolvedDeep(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string(let s): return text(s).map(json) ?? v
        case .array(let a): return .array(a.map(resolvedDeep))
        case .object(let o):
            var out = JSONObject()
            for (k, x) in o { out[k] = resolvedDeep(x) }
            return .object(out)
        default: return v
        }
    }

    /// Go's `strconv.FormatFloat(d, 'g', -1, 64)` (`.inf`, `-.inf`, `.nan` as go-yaml writes them).
    public static func goG(_ d: Double) -> String { goFormatG(d) }

    /// Whether `v` holds any raw scalar.
    public static func containsRaw(_ v: JSONValue) -> Bool {
        switch v {
        case .string(let s): return s.first == marker
        case .array(let a): return a.contains(where: containsRaw)
        case .object(let o): return o.contains { containsRaw($0.1) }
        default: return false
        }
    }
}

/// A time as Go's `time.Parse` gives it for the YAML timestamp layouts go-yaml accepts.
public struct GoTime: Equatable {
    public var year, month, day, hour, minute, second, nanosecond: Int
    /// Seconds east of UTC; nil for UTC itself (`Z` or no zone at all).
    public var offset: Int?

    /// `2001-12-14`, `2001-12-14 21:59:43.10`, `2001-12-14t21:59:43.10-05:00`, `2001-12-14T21:59:43Z`.
    static func parseYAML(_ text: String) -> GoTime? {
        var ok = false
        var t = text
        t.withUTF8 { ok = YAMLResolver.isGoTimestamp($0) }
        guard ok else { return nil }
        let b = Array(text.utf8)
        var i = 0
        func num() -> Int {
            var v = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { v = v * 10 + Int(b[i] - 0x30); i += 1 }
            return v
        }
        var g = GoTime(year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, nanosecond: 0, offset: nil)
        g.year = num(); i += 1
        g.month = num(); i += 1
        g.day = num()
        guard i < b.count else { return g }
        i += 1
        g.hour = num(); i += 1
        g.minute = num(); i += 1
        g.second = num()
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 9 { g.nanosecond = g.nanosecond * 10 + Int(b[i] - 0x30) }
                digits += 1; i += 1
            }
            for _ in digits..<max(digits, 9) { g.nanosecond *= 10 }
        }
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            let h = num(); i += 1
            let m = num()
            g.offset = sign * (h * 3600 + m * 60)
        }
        return g
    }

    private static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }

    /// `time.Time.MarshalJSON`'s text (RFC 3339 with the fraction's trailing zeros dropped).
    public var rfc3339Nano: String {
        var s = "\(GoTime.pad(year, 4))-\(GoTime.pad(month, 2))-\(GoTime.pad(day, 2))T\(GoTime.pad(hour, 2)):\(GoTime.pad(minute, 2)):\(GoTime.pad(second, 2))"
        if nanosecond > 0 {
            var f = GoTime.pad(nanosecond, 9)
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        if let o = offset, o != 0 {
            s += (o < 0 ? "-" : "+") + GoTime.pad(abs(o) / 3600, 2) + ":" + GoTime.pad(abs(o) % 3600 / 60, 2)
        } else {
            s += "Z"
        }
        return s
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// `time.Time.GoString`, as `%#v` prints it. An offset of zero is the machine's UTC zone (time.Local);
    /// any other offset is a zone without a name.
    public var goString: String {
        let loc: String
        switch offset {
        case nil: loc = "time.UTC"
        case 0: loc = "time.Local"
        default: loc = "time.Location(\"\")"
        }
        return "time.Date(\(year), time.\(GoTime.monthNames[month - 1]), \(day), \(hour), \(minute), \(second), \(nanosecond), \(loc))"
    }
}
