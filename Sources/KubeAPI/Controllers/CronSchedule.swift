#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// A standard 5-field cron schedule (robfig/cron's parser as the CronJob controller uses it: names,
/// ranges, steps, lists, `?`, and the `@yearly`...`@hourly` macros), evaluated in a time zone.
struct CronSchedule {
    var minute: UInt64, hour: UInt64, dom: UInt64, month: UInt64, dow: UInt64
    var domStar: Bool, dowStar: Bool

    static let star: UInt64 = 1 << 63

    init?(_ text: String) {
        var spec = text.trimmingSpaces
        switch spec {
        case "@yearly", "@annually": spec = "0 0 1 1 *"
        case "@monthly": spec = "0 0 1 * *"
        case "@weekly": spec = "0 0 * * 0"
        case "@daily", "@midnight": spec = "0 0 * * *"
        case "@hourly": spec = "0 * * * *"
        default: break
        }
        let fields = spec.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        guard let mi = CronSchedule.field(fields[0], 0, 59, [:]),
            let h = CronSchedule.field(fields[1], 0, 23, [:]),
            let dm = CronSchedule.field(fields[2], 1, 31, [:]),
            let mo = CronSchedule.field(fields[3], 1, 12, Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0 + 1) })),
            var dw = CronSchedule.field(fields[4], 0, 7, Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) }))
        else { return nil }
        if dw & (1 << 7) != 0 { dw |= 1 }
        minute = mi; hour = h; dom = dm; month = mo; dow = dw
        domStar = dm & CronSchedule.star != 0
        dowStar = dw & CronSchedule.star != 0
    }

    static func field(_ text: String, _ lo: Int, _ hi: Int, _ names: [String: Int]) -> UInt64? {
        var bits: UInt64 = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let rs = part.split(separator: "/", omittingEmptySubsequences: false)
            guard rs.count <= 2, let rangeText = rs.first else { return nil }
            var start: Int, end: Int
            var extra: UInt64 = 0
            func value(_ s: Substring) -> Int? { names[s.lowercased()] ?? Int(s) }
            if rangeText == "*" || rangeText == "?" {
                start = lo; end = hi; extra = star
            } else {
                let lh = rangeText.split(separator: "-", omittingEmptySubsequences: false)
                guard lh.count <= 2, let a = value(lh[0]) else { return nil }
                start = a
                if lh.count == 2 { guard let b = value(lh[1]) else { return nil }; end = b } else { end = a }
            }
            var step = 1
            if rs.count == 2 {
                guard let st = Int(rs[1]), st > 0 else { return nil }
                step = st
                if !rangeText.contains("-") && rangeText != "*" && rangeText != "?" { end = hi }
                if step > 1 { extra = 0 }
            }
            guard start >= lo, end <= hi, start <= end else { return nil }
            var i = start
            while i <= end { bits |= 1 << UInt64(i); i += step }
            bits |= extra
        }
        return bits
    }

    func has(_ bits: UInt64, _ v: Int) -> Bool { bits & (1 << UInt64(v)) != 0 }

    func dayMatches(_ c: CivilTime, weekday: Int) -> Bool {
        let d = has(dom, c.day), w = has(dow, weekday)
        if domStar || dowStar { return d && w }
        return d || w
    }

    /// The first activation strictly after `t` (wall-clock seconds in the schedule's zone), or nil.
    func next(afterWall t: Int64) -> Int64? {
        var cur = (t / 60 + 1) * 60
        if t < 0 && t % 60 != 0 { cur = (t / 60) * 60 }
        let limit = cur + 5 * 366 * 86400
        while cur < limit {
            let c = CivilTime(seconds: cur)
            if !has(month, c.month) {
                let (y, m) = c.month == 12 ? (c.year + 1, 1) : (c.year, c.month + 1)
                cur = Int64(daysFromCivil(y, m, 1)) * 86400
                continue
            }
            let days = cur >= 0 ? cur / 86400 : (cur - 86399) / 86400
            let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
            if !dayMatches(c, weekday: weekday) {
                cur = (days + 1) * 86400
                continue
            }
            if !has(hour, c.hour) {
                cur = (cur / 3600 + 1) * 3600
                continue
            }
            if !has(minute, c.minute) {
                cur += 60
                continue
            }
            return cur
        }
        return nil
    }

    /// The most recent activation in (`after`, `now`] (UTC seconds), and how many were missed.
    func mostRecent(after: Int64, now: Int64, zone: TimeZoneInfo) -> (time: Int64, missed: Int)? {
        var start = after
        // Skip far back histories: look only at the last ~1000 periods.
        if let a = nextUTC(after: start, zone: zone), let b = nextUTC(after: a, zone: zone), b > a {
            let period = b - a
            if (now - a) / period > 1000 { start = now - 1000 * period }
        }
        var last: Int64?
        var count = 0
        var t = start
        while let n = nextUTC(after: t, zone: zone), n <= now {
            last = n
            count += 1
            t = n
            if count > 100_000 { break }
        }
        return last.map { ($0, count) }
    }

    func nextUTC(after t: Int64, zone: TimeZoneInfo) -> Int64? {
        let off = zone.offset(at: t)
        guard let wall = next(afterWall: t + off) else { return nil }
        var utc = wall - zone.offset(at: wall - off)
        if utc <= t { utc = wall - off }
        return utc
    }
}


extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// UTC offsets of an IANA zone, read from the system's TZif files (`/usr/share/zoneinfo`).
struct TimeZoneInfo {
    var transitions: [Int64] = []
    var offsets: [Int64] = []  // offset after each transition
    var initial: Int64 = 0

    static let utc = TimeZoneInfo()

    init() {}

    init?(name: String) {
        if name == "UTC" || name == "Etc/UTC" || name.isEmpty { self.init(); return }
        guard !name.contains(".."), !name.hasPrefix("/") else { return nil }
        let bytes = (try? readFile("/usr/share/zoneinfo/" + name).get()) ?? []
        guard bytes.count > 44, bytes[0] == 0x54, bytes[1] == 0x5A, bytes[2] == 0x69, bytes[3] == 0x66 else { return nil }
        func be32(_ i: Int) -> Int64 { Int64(Int32(bitPattern: UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3]))) }
        func be64(_ i: Int) -> Int64 { (be32(i) << 32) | (be32(i + 4) & 0xFFFF_FFFF) }
        func counts(_ h: Int) -> [Int] { (0..<6).map { Int(be32(h + 20 + $0 * 4)) } }
        var header = 0
        var c = counts(0)
        var wide = false
        if bytes[4] >= 0x32 {
            // Skip the v1 block to the v2 (64-bit) one.
            // counts order: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
            header = 44 + c[3] * 5 + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]
            guard bytes.count > header + 44 else { return nil }
            c = counts(header)
            wide = true
        }
        let timecnt = c[3], typecnt = c[4]
        var p = header + 44
        var times: [Int64] = []
        for _ in 0..<timecnt {
            times.append(wide ? be64(p) : be32(p))
            p += wide ? 8 : 4
        }
        let idx = (0..<timecnt).map { Int(bytes[p + $0]) }
        p += timecnt
        var typeOffsets: [Int64] = []
        for i in 0..<typecnt { typeOffsets.append(be32(p + i * 6)) }
        guard !typeOffsets.isEmpty else { return nil }
        self.init()
        transitions = times
        offsets = idx.map { $0 < typeOffsets.count ? typeOffsets[$0] : 0 }
        initial = typeOffsets[0]
    }

    func offset(at t: Int64) -> Int64 {
        guard !transitions.isEmpty else { return initial }
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? initial : offsets[lo - 1]
    }
}
