import KubeModel

/// Image pulls far behind real time (a store left idle: one kubelet retry stands for many, see
/// `kubeletRetry`): the pulls and back-off retries since the last pull are counted, not replayed. The
/// kubelet pulls again at the first pod-worker retry (every 10 s) after the image's back-off (10 s
/// doubling to 300 s, never expiring while pulls come every 300 s), and each retry within it records
/// `BackOff` and `Error: ImagePullBackOff`: 29 of them per 300 s in the steady state, with 3 pull events.
extension ControllerManager {
    func pullsCaughtUp(_ c: JSONValue, image: String, error: String, fieldPath: String, ctx: inout ContainerContext,
                       rec: inout KubeletRecord) -> JSONValue {
        let name = c["name"].string ?? "", p = ctx.pod, host = ctx.nodeName
        let t = now.seconds, step = Self.syncRetrySeconds
        var (attempts, last) = rec.pulls[name] ?? (1, t)
        var pulls = CatchUpCount(), retries = CatchUpCount()
        // Retries before the one this sync answers were reported when they came.
        var reported = max(last, (rec.loadedDue ?? last + step) - 1)
        func window(_ backoff: Int64, through: Int64) {
            if let r = Self.backoffRetries(exited: last, backoff: backoff, after: reported, through: through) {
                retries.add(r.count, first: r.first, last: r.last)
            }
        }
        while attempts < 6, last + Self.pullBackoff(attempts: attempts) <= t {
            let backoff = Self.pullBackoff(attempts: attempts)
            window(backoff, through: last + backoff - 1)
            last += backoff
            attempts += 1
            pulls.add(1, first: last, last: last)
            reported = last
        }
        let cap = Self.pullBackoff(attempts: 6)
        let n = attempts >= 6 ? (t - last) / cap : 0
        if n > 0 {
            window(cap, through: last + cap - 1)
            let perWindow = (cap - 1) / step
            if n > 1 { retries.add((n - 1) * perWindow, first: last + cap + step, last: last + (n - 1) * cap + perWindow * step) }
            pulls.add(n, first: last + cap, last: last + n * cap)
            last += n * cap
            attempts += n
            reported = last
        }
        // After the last pull: shown ErrImagePull until the next retry, then backing off until now.
        let backoff = Self.pullBackoff(attempts: attempts)
        window(backoff, through: t)
        let saved = clockOverride
        defer { setClock(saved) }
        let quoted = strconvQuote(image)
        if pulls.count > 0 {
            setClock(Timestamp(seconds: pulls.last))
            for (type, reason, message) in [("Normal", "Pulling", "Pulling image \(quoted)"),
                                             ("Warning", "Failed", "Failed to pull image \(quoted): \(error)"),
                                             ("Warning", "Failed", "Error: ErrImagePull")] {
                event(p, type: type, reason: reason, message: message, component: "kubelet", host: host, fieldPath: fieldPath,
                      repeats: pulls.count, first: Timestamp(seconds: pulls.first))
            }
        }
        if retries.count > 0 {
            setClock(Timestamp(seconds: retries.last))
            event(p, reason: "BackOff", message: "Back-off pulling image \(quoted)", component: "kubelet", host: host, fieldPath: fieldPath,
                  repeats: retries.count, first: Timestamp(seconds: retries.first))
            event(p, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", component: "kubelet", host: host,
                  fieldPath: fieldPath, repeats: retries.count, first: Timestamp(seconds: retries.first))
        }
        rec.pulls[name] = (attempts, last)
        if t < last + step {
            ctx.retry(at: last + step)
            return waitingStatus(c, reason: "ErrImagePull", message: error)
        }
        let next = last + ((t - last) / step + 1) * step
        ctx.retry(at: min(next, last + backoff))
        return waitingStatus(c, reason: "ImagePullBackOff", message: "Back-off pulling image \(quoted): ErrImagePull: \(error)")
    }
}
