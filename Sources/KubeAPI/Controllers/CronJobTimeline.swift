import KubeModel
import KubeRegistry
import KubeStore

/// CronJobs between two commands: every schedule time that fell due runs at its own time, in time order
/// with everything else on the agenda (a Job's pods finishing at 07:02:40 come after the 07:02 run and
/// before the 07:03 one). After a long idle time only the last runs are replayed: the history limits
/// would have deleted the earlier Jobs anyway.
extension ControllerManager {
    /// The next schedule time of `cj` to act on, at or before `until`, not before `attempted` (the last
    /// time this command already ran it: a run skipped by `Forbid` is not retried at the same time), and
    /// the floor to replay it with when the history before it is skipped.
    func nextCronRun(_ cj: JSONValue, attempted: Int64?, until: Int64) -> (time: Int64, floor: Int64?)? {
        guard cj["spec"]["suspend"].bool != true, let sched = CronSchedule(cj["spec"]["schedule"].string ?? "") else { return nil }
        let zone = TimeZoneInfo(name: cj["spec"]["timeZone"].string ?? "") ?? .utc
        var start = Timestamp(rfc3339: cj["status"]["lastScheduleTime"].string ?? "")?.seconds
            ?? Timestamp(rfc3339: cj["metadata"]["creationTimestamp"].string ?? "")?.seconds ?? until
        if let a = attempted, a > start { start = a }
        var floor: Int64?
        // Runs of one template end alike: the history keeps at most max(limits) of them (the latest among
        // them), so only those are replayed.
        let keep = Int64(max(1, cj["spec"]["successfulJobsHistoryLimit"].int ?? 3, cj["spec"]["failedJobsHistoryLimit"].int ?? 1))
        if let a = sched.nextUTC(after: start, zone: zone), let b = sched.nextUTC(after: a, zone: zone), b > a,
            (until - a) / (b - a) > keep
        {
            start = until - keep * (b - a)
            floor = start
        }
        guard let next = sched.nextUTC(after: start, zone: zone), next <= until else { return nil }
        return (next, floor)
    }

    /// Runs `cj`'s schedule time `t` at its own time.
    func runCronJob(namespace ns: String, name: String, at t: Int64, floor: Int64?) throws {
        defer { setClock(nil); cronReplayFloor = nil }
        setClock(Timestamp(seconds: t))
        // The controller ran through the skipped history: it last looked at the run before this one.
        cronReplayFloor = floor
        try syncCronJob(namespace: ns, name: name)
        try drain()
    }

    /// Moves the clock of the controllers and of the API server's timestamps (nil: back to now).
    func setClock(_ t: Timestamp?) {
        clockOverride = t
        s.nowOverride = t
        s.applyEventExpiry(at: s.now.seconds)
    }
}

extension APIServer {
    /// CronJob runs and the timer agenda up to now, merged in time order: the timers due before the
    /// earliest CronJob run go first, then that run, and so on. Bounded: at most 1,000 runs a command
    /// (with at most max(history limits) runs replayed per CronJob after a long idle time).
    func runCronJobsAndTimers() throws {
        let until = clock.now.seconds
        var attempted: [String: Int64] = [:]
        var runs = 0
        while runs < 1000 {
            let due = try read { s -> (ns: String, name: String, time: Int64, floor: Int64?)? in
                guard let cron = s.registry.type(group: "batch", kind: "CronJob"),
                    try s.tx.count(resource: cron.storageKey, namespace: nil) > 0
                else { return nil }
                var best: (ns: String, name: String, time: Int64, floor: Int64?)?
                for cj in try s.list(cron, namespace: nil) {
                    let ns = cj["metadata"]["namespace"].string ?? "", name = cj["metadata"]["name"].string ?? ""
                    guard let (t, floor) = s.controllers.nextCronRun(cj, attempted: attempted[ns + "/" + name], until: until) else { continue }
                    if best == nil || t < best!.time { best = (ns, name, t, floor) }
                }
                return best
            }
            guard let due else { break }
            try runTimers(until: due.time - 1)
            try controllerWrite { s in
                try s.controllers.runCronJob(namespace: due.ns, name: due.name, at: due.time, floor: due.floor)
            }
            attempted[due.ns + "/" + due.name] = due.time
            runs += 1
        }
        try runTimers()
    }
}
