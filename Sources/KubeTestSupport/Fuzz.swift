/// A small seeded generator for the fuzz loops (SplitMix64): the same seed gives the same inputs on
/// every run, so a failure found once is found again.
public struct FuzzRandom {
    var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// 1 to `maxPieces` pieces glued together.
    public mutating func glue(_ pieces: [String], maxPieces: Int) -> String {
        var s = ""
        for _ in 0..<(1 + below(maxPieces)) { s += pick(pieces) }
        return s
    }

    /// `text` with 1 to `edits` random edits: a piece inserted, a byte removed, or a range repeated.
    public mutating func mutate(_ text: String, pieces: [String], edits: Int) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + below(edits)) {
            let at = below(bytes.count + 1)
            switch below(3) {
            case 0: bytes.insert(contentsOf: Array(pick(pieces).utf8), at: at)
            case 1: if at < bytes.count { bytes.remove(at: at) }
            default:
                let end = min(bytes.count, at + below(12))
                let chunk = Array(bytes[at..<end])
                for _ in 0..<below(4) { bytes.insert(contentsOf: chunk, at: at) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#endif

private final class StackBody {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Runs `body` on a thread with a `megabytes` stack and waits for it, as the kubectl-local binary runs
/// every command (main.swift): values nested 10,000 levels deep need more than a test thread's stack.
public func withLargeStack(megabytes: Int = 256, _ body: @escaping () -> Void) {
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, megabytes << 20)
    var thread = pthread_t()
    let box = Unmanaged.passRetained(StackBody(body)).toOpaque()
    let rc = pthread_create(&thread, &attr, { raw in
        let b = Unmanaged<StackBody>.fromOpaque(raw!).takeRetainedValue()
        b.body()
        return nil
    }, box)
    if rc != 0 { Unmanaged<StackBody>.fromOpaque(box).release(); body(); return }
    pthread_join(thread, nil)
}
