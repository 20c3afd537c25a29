// apimachinery `util/rand` and generated identifiers.

/// The alphabet of apimachinery `rand.String`: no vowels (no accidental words) and no confusable
/// characters (`0`, `1`, `3`).
public let randAlphanums: [Character] = Array("bcdfghjklmnpqrstvwxz2456789")

/// `rand.String(count)`: `count` characters drawn uniformly from `randAlphanums`.
public func randomSuffix<G: RandomNumberGenerator>(count: Int = 5, using rng: inout G) -> String {
    var s = ""
    for _ in 0..<max(0, count) { s.append(randAlphanums[Int.random(in: 0..<randAlphanums.count, using: &rng)]) }
    return s
}

public func randomSuffix(count: Int = 5) -> String {
    var rng = SystemRandomNumberGenerator()
    return randomSuffix(count: count, using: &rng)
}

/// `names.SimpleNameGenerator.GenerateName`: `base` cut to 58 bytes, then 5 random characters.
public func generateName<G: RandomNumberGenerator>(base: String, using rng: inout G) -> String {
    let maxBase = 63 - 5
    var b = base
    if b.utf8.count > maxBase { b = String(decoding: b.utf8.prefix(maxBase), as: UTF8.self) }
    return b + randomSuffix(count: 5, using: &rng)
}

public func generateName(base: String) -> String {
    var rng = SystemRandomNumberGenerator()
    return generateName(base: base, using: &rng)
}

/// `rand.SafeEncodeString`: maps every rune of `s` onto the alphabet (used for pod-template-hash).
public func safeEncodeString(_ s: String) -> String {
    String(s.unicodeScalars.map { randAlphanums[Int($0.value) % randAlphanums.count] })
}

/// A random (version 4, RFC 4122 variant) UUID in lowercase `8-4-4-4-12` form, as object UIDs are.
/// Two draws of 64 bits (not 16 of 8: each draw from the system generator is a system call).
public func uuidV4<G: RandomNumberGenerator>(using rng: inout G) -> String {
    let high = rng.next(), low = rng.next()
    var bytes = [UInt8](repeating: 0, count: 16)
    for i in 0..<8 {
        bytes[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * i))
        bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (56 - 8 * i))
    }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(36)
    for (i, b) in bytes.enumerated() {
        if i == 4 || i == 6 || i == 8 || i == 10 { text.append(UInt8(ascii: "-")) }
        text.append(digits[Int(b >> 4)])
        text.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}

public func uuidV4() -> String {
    var rng = SystemRandomNumberGenerator()
    return uuidV4(using: &rng)
}

/// A small deterministic generator (SplitMix64) for reproducible names in tests and fixtures.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
