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
    /// The store whose clock-driven controllers run before each check after the first (what fell due
    /// while waiting happens, as a cluster's controllers would act meanwhile); nil: checks only read.
    var server: APIServer?

    init(timeoutNanoseconds: Int64) {
        timeoutSeconds = timeoutNanoseconds < 0 ? 7 * 24 * 3600 : Double(timeoutNanoseconds) / 1e9
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `check` until it returns true (then true) or the time is up (then false).
    func until(_ check: () throws -> Bool) throws -> Bool {
        let deadline = ClientWait.now() + timeoutSeconds
        while true {
            if try check() { return true }
            let left = deadline - ClientWait.now()
            if left <= 0 { return false }
            usleep(UInt32(min(Double(intervalMicroseconds), left * 1e6)) + 1)
            try ClientWait.advance(server)
        }
    }

    /// Runs the controllers of whatever fell due by now (timers, kubelet retries, CronJobs).
    static func advance(_ server: APIServer?) throws {
        guard let server, !server.store.isReadOnly else { return }
        try server.runClockControllers()
    }

    /// Sleeps until `until` (monotonic seconds), at least a millisecond: a wait never spins.
    static func sleep(until: Double) {
        let left = max(0.001, min(until - now(), 3600))
        usleep(UInt32(left * 1e6))
    }
}
