#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel

/// A client-side wait (`wait`, `rollout status --timeout`): the store is checked, then checked again
/// every `interval` until the condition holds or the timeout passes. Time is the monotonic clock, never
/// KUBECTL_LOCAL_NOW (a frozen "now" must not make a wait endless), and the process sleeps between
/// checks instead of spinning. Another shell's writes are seen at the next check.
struct ClientWait {
    /// Seconds to wait; 0 checks once; negative waits a week (kubectl's `wait --timeout=-1s`).
    var timeoutSeconds: Double
    var intervalMicroseconds: UInt32 = 250_000

    init(timeoutNanoseconds: Int64) {
        timeoutSeconds = timeoutNanoseconds < 0 ? 7 * 24 * 3600 : Double(timeoutNanoseconds) / 1e9
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `check` until it returns true (then true) or the time is up (then false).
    func until(_ check: () throws -> Bool) rethrows -> Bool {
        let deadline = ClientWait.now() + timeoutSeconds
        while true {
            if try check() { return true }
            let left = deadline - ClientWait.now()
            if left <= 0 { return false }
            usleep(UInt32(min(Double(intervalMicroseconds), left * 1e6)) + 1)
        }
    }
}
