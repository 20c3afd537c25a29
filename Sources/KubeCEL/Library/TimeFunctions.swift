// `duration()`, `timestamp()` and the accessors. Timestamp accessors take an optional time zone:
// a fixed offset (`+05:30`, `-02:00`), `UTC`, or an IANA name read from the system's zoneinfo.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FunctionTable {
    mutating func addTime() {
        global("duration") { a in
            switch a[0] {
            case .duration: return a[0]
            case .string(let s): return TimeValues.parseDuration(s)
            case .int(let i): return TimeValues.duration(Int128(i))
            default: return .error(.noOverload("duration", a))
            }
        }
        global("timestamp") { a in
            switch a[0] {
            case .timestamp: return a[0]
            case .string(let s): return TimeValues.parseTimestamp(s)
            case .int(let i): return TimeValues.timestamp(Int128(i) * TimeValues.billion)
            default: return .error(.noOverload("timestamp", a))
            }
        }
        let accessors: [(String, (Int64, Int64, Int64, Int64, Int64, Int32) -> Int64, ((Int128) -> Int128)?)] = [
            // (name, from (days, y, m, d, secondOfDay, nanos), duration accessor)
            ("getFullYear", { _, y, _, _, _, _ in y }, nil),
            ("getMonth", { _, _, m, _, _, _ in m - 1 }, nil),
            ("getDate", { _, _, _, d, _, _ in d }, nil),
            ("getDayOfMonth", { _, _, _, d, _, _ in d - 1 }, nil),
            ("getDayOfWeek", { days, _, _, _, _, _ in ((days % 7) + 11) % 7 }, nil),
            ("getDayOfYear", { days, y, _, _, _, _ in days - TimeValues.days(year: y, month: 1, day: 1) }, nil),
            ("getHours", { _, _, _, _, s, _ in s / 3600 }, { $0 / (3600 * TimeValues.billion) }),
            ("getMinutes", { _, _, _, _, s, _ in s % 3600 / 60 }, { $0 / (60 * TimeValues.billion) }),
            ("getSeconds", { _, _, _, _, s, _ in s % 60 }, { $0 / TimeValues.billion }),
            ("getMilliseconds", { _, _, _, _, _, n in Int64(n / 1_000_000) }, { $0 % TimeValues.billion / 1_000_000 }),
        ]
        for (name, get, durationGet) in accessors {
            member(name) { a in
                switch a[0] {
                case .timestamp(let secs, let nanos):
                    var offset: Int64 = 0
                    if a.count > 1 {
                        guard case .string(let tz) = a[1] else { return .error(.noOverload(name, a)) }
                        guard let o = TimeZones.offset(tz, at: secs) else { return .err("unknown time zone \(tz)") }
                        offset = o
                    }
                    let local = secs + offset
                    let days = TimeValues.floorDiv(local, 86400)
                    let (y, m, d) = TimeValues.civil(days: days)
                    return .int(get(days, y, m, d, local - days * 86400, nanos))
                case .duration:
                    guard let durationGet, a.count == 1 else { return .error(.noOverload(name, a)) }
                    return .int(Int64(durationGet(TimeValues.nanos(a[0]))))
                default:
                    return .error(.noOverload(name, a))
                }
            }
        }
    }
}

enum TimeZones {
    /// Seconds east of UTC for a zone at an instant; nil for an unknown zone.
    static func offset(_ tz: String, at seconds: Int64) -> Int64? {
        if tz == "UTC" || tz == "Z" { return 0 }
        var u = Array(tz.utf8)[...]
        var sign: Int64 = 1
        if let f = u.first, f == 43 || f == 45 { sign = f == 45 ? -1 : 1; u = u.dropFirst() }
        let parts = u.split(separator: 58)
        if parts.count == 2, let h = Int64(String(decoding: parts[0], as: UTF8.self)),
           let m = Int64(String(decoding: parts[1], as: UTF8.self)) {
            return sign * (h * 3600 + m * 60)
        }
        return zoneinfoOffset(tz, at: seconds)
    }

    /// The offset from a TZif file under /usr/share/zoneinfo (its 64-bit section when present).
    static func zoneinfoOffset(_ name: String, at t: Int64) -> Int64? {
        guard !name.contains(".."), !name.hasPrefix("/"), let data = readFile("/usr/share/zoneinfo/" + name),
              data.count >= 44, data[0] == 84, data[1] == 90, data[2] == 105, data[3] == 102 else { return nil }
        func be(_ at: Int, _ n: Int) -> Int64 {
            var v: UInt64 = 0
            for k in 0..<n { v = v << 8 | UInt64(data[at + k]) }
            return n == 4 ? Int64(Int32(truncatingIfNeeded: v)) : Int64(bitPattern: v)
        }
        func counts(_ at: Int) -> (isut: Int, isstd: Int, leap: Int, time: Int, type: Int, char: Int) {
            (Int(be(at + 20, 4)), Int(be(at + 24, 4)), Int(be(at + 28, 4)), Int(be(at + 32, 4)), Int(be(at + 36, 4)), Int(be(at + 40, 4)))
        }
        var c = counts(0)
        var base = 44
        var width = 4
        if data[4] >= 50 {  // version 2+: skip the 32-bit block
            base += c.time * 4 + c.time + c.type * 6 + c.char + c.leap * 8 + c.isstd + c.isut
            guard data.count >= base + 44 else { return nil }
            c = counts(base)
            base += 44
            width = 8
        }
        let typesAt = base + c.time * width + c.time
        guard data.count >= typesAt + c.type * 6, c.type > 0 else { return nil }
        var idx = 0
        var found = false
        for k in 0..<c.time where be(base + k * width, width) <= t {
            idx = Int(data[base + c.time * width + k])
            found = true
        }
        if !found { idx = 0 }
        return be(typesAt + idx * 6, 4)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }
}
