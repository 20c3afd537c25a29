/// apimachinery's `duration.HumanDuration`: the AGE cell format (`45s`, `5m12s`, `3h2m`, `2d5h`, `3y17d`).
public func humanDuration(seconds s: Int64) -> String {
    if s < -1 { return "<invalid>" }
    if s < 0 { return "0s" }
    if s < 120 { return "\(s)s" }
    let m = s / 60
    if m < 10 {
        let sec = s % 60
        return sec == 0 ? "\(m)m" : "\(m)m\(sec)s"
    }
    if m < 180 { return "\(m)m" }
    let h = m / 60
    if h < 8 {
        let mm = m % 60
        return mm == 0 ? "\(h)h" : "\(h)h\(mm)m"
    }
    if h < 48 { return "\(h)h" }
    if h < 192 {
        let d = h / 24
        let hh = h % 24
        return hh == 0 ? "\(d)d" : "\(d)d\(hh)h"
    }
    if h < 24 * 365 * 2 { return "\(h / 24)d" }
    if h < 24 * 365 * 8 {
        let d = h / 24
        let y = d / 365
        let dy = d % 365
        return dy == 0 ? "\(y)y" : "\(y)y\(dy)d"
    }
    return "\(h / 24 / 365)y"
}

/// The AGE of an object: `HumanDuration(now - creationTimestamp)`, `<unknown>` without a timestamp.
public func translateTimestampSince(_ t: Timestamp?, now: Timestamp) -> String {
    guard let t else { return "<unknown>" }
    return humanDuration(seconds: now.seconds - t.seconds)
}
