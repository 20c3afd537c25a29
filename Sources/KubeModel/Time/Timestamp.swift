#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in time with whole-second precision, as `metav1.Time` serialises it (RFC 3339, UTC, `Z`).
public struct Timestamp: Sendable, Equatable, Comparable, Hashable {
    public var seconds: Int64  // since the Unix epoch

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    /// The last instant RFC 3339 can write (9999-12-31T23:59:59Z), and the first (0000-01-01T00:00:00Z).
    public static let latest = Timestamp(seconds: 253_402_300_799)
    public static let earliest = Timestamp(seconds: -62_167_219_200)

    /// `s` seconds later (earlier if negative), kept between `earliest` and `latest`: deadlines and grace
    /// periods come from user input (`activeDeadlineSeconds: 9223372036854775807` is a valid Job).
    public func adding(seconds s: Int64) -> Timestamp {
        Timestamp(seconds: min(max(seconds.saturatingAdding(s), Self.earliest.seconds), Self.latest.seconds))
    }

    /// `2026-11-23T17:19:42Z`
    public var rfc3339: String {
        let c = CivilTime(seconds: seconds)
        if c.year >= 0 && c.year <= 9999 {
            // Every field has its full width here: the digits are written in place (the interpolation
            // below cost some 7,000 instructions, and a pod's sync writes a dozen timestamps).
            return String(unsafeUninitializedCapacity: 20) { b in
                func put(_ v: Int, _ at: Int, _ width: Int) {
                    var v = v
                    for i in stride(from: at + width - 1, through: at, by: -1) {
                        b[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                        v /= 10
                    }
                }
                put(c.year, 0, 4); b[4] = 0x2D; put(c.month, 5, 2); b[7] = 0x2D; put(c.day, 8, 2)
                b[10] = UInt8(ascii: "T"); put(c.hour, 11, 2); b[13] = 0x3A; put(c.minute, 14, 2); b[16] = 0x3A
                put(c.second, 17, 2); b[19] = UInt8(ascii: "Z")
                return 20
            }
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// Go's `time.RFC1123Z` in UTC: `Mon, 02 Jan 2006 15:04:05 +0000` (describe's timestamps).
    public var rfc1123Z: String {
        let c = CivilTime(seconds: seconds)
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let dayIndex = Int(((seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400) % 7 + 7) % 7)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[dayIndex]), \(pad(c.day, 2)) \(months[c.month - 1]) \(pad(c.year, 4)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) +0000"
    }

    /// Parses RFC 3339 (`2026-11-23T17:19:42Z`, fractional seconds and numeric offsets accepted).
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= b.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b.count >= 20, let y = num(0, 4), b[4] == 0x2D, let mo = num(5, 2), b[7] == 0x2D, let d = num(8, 2),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == 0x20,
            let h = num(11, 2), b[13] == 0x3A, let mi = num(14, 2), b[16] == 0x3A, let s = num(17, 2),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == 0x3A, let om = num(i + 4, 2) else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(y, mo, d)
        seconds = Int64(days) * 86400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset)
    }
}

private func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Calendar fields (UTC) of a second count since the epoch.
public struct CivilTime: Sendable {
    public var year, month, day, hour, minute, second: Int
    public init(seconds: Int64) {
        var days = seconds / 86400
        var rem = seconds % 86400
        if rem < 0 { rem += 86400; days -= 1 }
        (year, month, day) = civilFromDays(Int(days))
        hour = Int(rem / 3600)
        minute = Int(rem % 3600 / 60)
        second = Int(rem % 60)
    }
}

/// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
public func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
}

public func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
}

/// "Now" for every timestamp and AGE cell: `KUBECTL_LOCAL_NOW` (RFC 3339) freezes it, otherwise the
/// system clock.
public struct Clock: Sendable {
    public let now: Timestamp
    public init(now: Timestamp) { self.now = now }

    public static func system() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(seconds: Int64(ts.tv_sec))
    }

    /// Reads `KUBECTL_LOCAL_NOW` from `environment`; returns nil with an invalid value.
    public static func from(environment: [String: String]) -> Result<Clock, ClockError> {
        if let v = environment["KUBECTL_LOCAL_NOW"], !v.isEmpty {
            guard let t = Timestamp(rfc3339: v) else { return .failure(ClockError(value: v)) }
            return .success(Clock(now: t))
        }
        return .success(Clock(now: system()))
    }
}

public struct ClockError: Error, Sendable, CustomStringConvertible {
    public var value: String
    public var description: String { "invalid KUBECTL_LOCAL_NOW \"\(value)\": expected RFC 3339 time such as 2026-01-02T15:04:05Z" }
}
