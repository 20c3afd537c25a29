import KubeModel

/// Image pulls far behind real time (a store left idle: one kubelet retry stands for many, see
/// `kubeletRetry`): the pulls and back-off retries since the last pull are counted, not replayed. The
/// kubelet pulls again at the first pod-worker retry (every 10 s) after the image's back-off (10 s
/// doubling to 300 s, never expiring while pulls come every 300 s), and each retry within it records
/// `BackOff` and `Error: ImagePullBackOff`: 29 of them per 300 s in the steady state, with 3 pull events.
extension ControllerManager {
    /// The kubelet's events of a failing image: a pull's three (`Pulling`, `Failed` with the error,
    /// `Failed: Error: ErrImagePull`), then a retry's two within the back-off (`BackOff`, `Failed: Error:
    /// ImagePullBackOff`).
    static func pullEvents(image: String, error: String) -> [CountedEvent] {
        let quoted = strconvQuote(image)
        return [CountedEvent(reason: "Pulling", message: "Pulling image \(quoted)"),
                CountedEvent(type: "Warning", reason: "Failed", message: "Failed to pull image \(quoted): \(error)"),
                CountedEvent(type: "Warning", reason: "Failed", message: "Error: ErrImagePull"),
                CountedEvent(reason: "BackOff", message: "Back-off pulling image \(quoted)"),
                CountedEvent(type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff")]
    }

    /// The pulls and retries since the last pull, each through the kubelet's spam filter at its time
    /// (`replayEvents`, a steady state of 300 s repeated as a cycle), so the events are what a kubelet
    /// recording them one by one leaves.
    func pullsCaughtUp(_ c: JSONValue, image: String, error: String, fieldPath: String, ctx: inout ContainerContext,
                       rec: inout KubeletRecord) -> JSONValue {
        let name = c["name"].string ?? "", p = ctx.pod, host = ctx.nodeName
        let t = now.seconds, step = Self.syncRetrySeconds
        var (attempts, last) = rec.pulls[name] ?? (1, t)
        var plan = OccurrencePlan()
        // Retries before the one this sync answers were reported when they came.
        let caughtFrom = max(last, (rec.loadedDue ?? last + step) - 1)
        var reported = caughtFrom
        func window(_ backoff: Int64, through: Int64) {
            if let r = Self.backoffRetries(exited: last, backoff: backoff, after: reported, through: through) {
                var at = r.first
                while at <= r.last {
                    plan.add(at, 3)
                    plan.add(at, 4)
                    at += step
                }
            }
        }
        func pull(_ at: Int64) { for e in 0...2 { plan.add(at, e) } }
        while attempts < 6, last + Self.pullBackoff(attempts: attempts) <= t {
            let backoff = Self.pullBackoff(attempts: attempts)
            window(backoff, through: last + backoff - 1)
            last += backoff
            attempts += 1
            pull(last)
            reported = last
        }
        let cap = Self.pullBackoff(attempts: 6)
        let n = attempts >= 6 ? (t - last) / cap : 0
        if n > 0 {
            // The steady state: each window's retries (the first ones may have been reported), then a pull.
            let template = (1...((cap - 1) / step)).flatMap { [($0 * step, 3), ($0 * step, 4)] } + [(cap, 0), (cap, 1), (cap, 2)]
            plan.cycle = (template, last, cap, n)
            last += n * cap
            attempts += n
            reported = last
        }
        // After the last pull: shown ErrImagePull until the next retry, then backing off until now.
        let backoff = Self.pullBackoff(attempts: attempts)
        window(backoff, through: t)
        queueReplay(ReplayPart(pod: p, kinds: Self.pullEvents(image: image, error: error), plan: plan, fieldPath: fieldPath, host: host,
                               after: caughtFrom))
        rec.pulls[name] = (attempts, last)
        let quoted = strconvQuote(image)
        if t < last + step {
            ctx.retry(at: last + step)
            return waitingStatus(c, reason: "ErrImagePull", message: error)
        }
        let next = last + ((t - last) / step + 1) * step
        ctx.retry(at: min(next, last + backoff))
        return waitingStatus(c, reason: "ImagePullBackOff", message: "Back-off pulling image \(quoted): ErrImagePull: \(error)")
    }
}
