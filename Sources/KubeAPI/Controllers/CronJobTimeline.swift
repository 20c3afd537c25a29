import KubeModel
import KubeRegistry
import KubeStore

/// CronJobs between two commands: every schedule time that fell due runs at its own time (its Job and
/// pods are created, finish and are pruned as they would have then), in order. After a long idle time
/// only the last runs are replayed: the history limits would have deleted the earlier Jobs anyway.
extension ControllerManager {
    func replayCronJob(namespace ns: String, name: String, until: Timestamp) throws {
        defer { setClock(nil); cronReplayFloor = nil }
        guard let cj = try live(cronType, ns, name), cj["spec"]["suspend"].bool != true,
            let sched = CronSchedule(cj["spec"]["schedule"].string ?? "")
        else { return }
        let zone = TimeZoneInfo(name: cj["spec"]["timeZone"].string ?? "") ?? .utc
        var start = Timestamp(rfc3339: cj["status"]["lastScheduleTime"].string ?? "")?.seconds
            ?? Timestamp(rfc3339: cj["metadata"]["creationTimestamp"].string ?? "")?.seconds ?? until.seconds
        // Runs of one template end alike: the history keeps at most max(limits) of them (the latest
        // among them), so only those are replayed.
        var skipped = false
        let keep = Int64(max(1, cj["spec"]["successfulJobsHistoryLimit"].int ?? 3, cj["spec"]["failedJobsHistoryLimit"].int ?? 1))
        if let a = sched.nextUTC(after: start, zone: zone), let b = sched.nextUTC(after: a, zone: zone), b > a,
            (until.seconds - a) / (b - a) > keep
        {
            start = until.seconds - keep * (b - a)
            skipped = true
        }
        var t = start
        var runs = 0
        while let next = sched.nextUTC(after: t, zone: zone), next <= until.seconds, runs < 1000 {
            setClock(Timestamp(seconds: next))
            // The controller ran through the skipped history: it last looked at the previous run.
            if skipped { cronReplayFloor = t }
            try syncCronJob(namespace: ns, name: name)
            try drain()
            t = next
            runs += 1
        }
    }

    /// Moves the clock of the controllers and of the API server's timestamps (nil: back to now).
    func setClock(_ t: Timestamp?) {
        clockOverride = t
        s.nowOverride = t
        s.applyEventExpiry(at: s.now.seconds)
    }
}
