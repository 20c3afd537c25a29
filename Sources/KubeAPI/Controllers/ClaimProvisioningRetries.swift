import KubeModel
import KubeRegistry
import KubeStore

/// Unbound claims over time: the volume controller's resync repeats its event about each (`pvcsync`,
/// below), and a claim an external provisioner cannot serve fails again and again. kind's local-path provisioner makes a
/// directory on the node the scheduler chose: a claim of an `Immediate` class names none, so each of
/// its attempts fails ("configuration error, no node was specified") and the claim stays Pending.
///
/// - The persistentvolume-controller records `ExternalProvisioning` as it hands the claim over, again
///   when it syncs the claim its annotation updated, and on each 15-second resync of unbound claims
///   (a timer `pvcsync/...` at the next tick of the 15-second grid).
/// - The provisioner (sig-storage-lib-external-provisioner) records `Provisioning` then
///   `ProvisioningFailed` on each attempt: when the claim gets its storage-provisioner annotation, then
///   on its claim queue's back-off (15 s doubling, at most 1,000 s) while it has been requeued fewer
///   than 15 times, and on its informer's 15-minute resync (the 900-second grid here), which adds the
///   claim again whatever its back-off (a timer `provretry/...`, payload `n` requeues so far and the
///   back-off's pending `retry`).
///
/// A timer falling due counts every occurrence up to real now (or the next other timer) through the
/// source's spam filter at its own time (`replayEvents`): a claim left Pending for a year with nothing
/// else due is one replay per source.
extension ControllerManager {
    static let localPathProvisioner = "rancher.io/local-path"
    /// The event source of kind's provisioner (its pod name and identity left out).
    static let localPathComponent = localPathProvisioner + "_local-path-provisioner"
    static let claimResyncSeconds: Int64 = 15
    static let provisionerResyncSeconds: Int64 = 900
    static let provisionRetryBase: Int64 = 15
    static let provisionRetryCap: Int64 = 1000
    static let provisionRequeueLimit: Int64 = 15
    static let claimSyncTimer = "pvcsync"
    static let provisionRetryTimer = "provretry"

    /// `syncClaim` for a claim of a local-path class with no selected node: the controller hands it to
    /// the provisioner (annotations), which fails it. The first occurrence of each is recorded here; the
    /// timers record the rest.
    func provisionWithoutNode(_ pvc: JSONValue, original: JSONValue, className: String, provisioner: String) throws {
        var claim = pvc
        claim["metadata"]["annotations"]["volume.beta.kubernetes.io/storage-provisioner"] = .string(provisioner)
        claim["metadata"]["annotations"]["volume.kubernetes.io/storage-provisioner"] = .string(provisioner)
        claim = try save(claim, original, pvcType)
        let ns = claim["metadata"]["namespace"].string ?? "", name = claim["metadata"]["name"].string ?? ""
        let t = now.seconds
        if try firstClaimSync(claim) {
            // Twice: the annotation the controller wrote is an update of the claim, which it syncs again.
            let e = Self.externalProvisioningEvent(provisioner)
            for _ in 0..<2 { event(claim, reason: e.reason, message: e.message, component: "persistentvolume-controller") }
        }
        let retryID = Timers.objectID(Self.provisionRetryTimer, pvcType.storageKey, ns, name)
        if try Timers.scheduled(s.tx, id: retryID) == nil {
            for e in Self.failedAttemptEvents(claim, className: className) {
                event(claim, type: e.type, reason: e.reason, message: e.message, component: Self.localPathComponent)
            }
            var state = ProvisionRetryState(requeues: 0, retry: nil)
            state.failed(at: t)
            try Timers.set(s.tx, id: retryID, due: state.next(after: t), payload: state.json)
        }
    }

    static func externalProvisioningEvent(_ provisioner: String) -> CountedEvent {
        CountedEvent(reason: "ExternalProvisioning",
                     message: "Waiting for a volume to be created either by the external provisioner '\(provisioner)' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.")
    }

    static func failedAttemptEvents(_ claim: JSONValue, className: String) -> [CountedEvent] {
        let ns = claim["metadata"]["namespace"].string ?? "", name = claim["metadata"]["name"].string ?? ""
        return [CountedEvent(reason: "Provisioning", message: "External provisioner is provisioning volume for claim \"\(ns)/\(name)\""),
                CountedEvent(type: "Warning", reason: "ProvisioningFailed",
                             message: "failed to provision volume with StorageClass \(strconvQuote(className)): configuration error, no node was specified")]
    }

    /// The first tick of a grid of `every` seconds after `t`.
    static func nextTick(after t: Int64, every: Int64) -> Int64 { (t / every + 1) * every }

    /// Whether the controller's resync of the unbound claim has yet to start (its first event is then
    /// recorded by the caller); starts it at the next tick.
    func firstClaimSync(_ pvc: JSONValue) throws -> Bool {
        let id = Timers.objectID(Self.claimSyncTimer, pvcType.storageKey, pvc["metadata"]["namespace"].string ?? "",
                                 pvc["metadata"]["name"].string ?? "")
        if try Timers.scheduled(s.tx, id: id) != nil { return false }
        try Timers.set(s.tx, id: id, due: Self.nextTick(after: now.seconds, every: Self.claimResyncSeconds))
        return true
    }

    /// The event each sync of the unbound claim records (`syncUnboundClaim`), or nil when it binds or
    /// waits quietly: no class and no volume (`FailedBinding`), a class that does not exist, a
    /// `WaitForFirstConsumer` class before the scheduler picks a node, a local-path class without one.
    func claimResyncEvent(_ pvc: JSONValue) throws -> CountedEvent? {
        let phase = pvc["status"]["phase"].string
        guard phase != "Bound", phase != "Lost", pvc["metadata"]["deletionTimestamp"].isNull,
              (pvc["spec"]["volumeName"].string ?? "").isEmpty else { return nil }
        let className = pvc["spec"]["storageClassName"].string ?? ""
        if className.isEmpty {
            return CountedEvent(reason: "FailedBinding", message: "no persistent volumes available for this claim and no storage class is set")
        }
        guard let sc = try s.find(scType, namespace: "", name: className) else {
            return CountedEvent(type: "Warning", reason: "ProvisioningFailed", message: "storageclass.storage.k8s.io \(strconvQuote(className)) not found")
        }
        guard pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"].isNull else { return nil }
        if sc["volumeBindingMode"].string == "WaitForFirstConsumer" { return try delayedClaimEvent(pvc) }
        if sc["provisioner"].string == Self.localPathProvisioner { return Self.externalProvisioningEvent(Self.localPathProvisioner) }
        return nil
    }

    /// The class of a Pending claim the local-path provisioner keeps failing, or nil.
    func claimWithoutNode(_ pvc: JSONValue) throws -> String? {
        guard pvc["status"]["phase"].string != "Bound", pvc["metadata"]["deletionTimestamp"].isNull,
              (pvc["spec"]["volumeName"].string ?? "").isEmpty,
              pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"].isNull,
              let className = pvc["spec"]["storageClassName"].string, !className.isEmpty,
              let sc = try s.find(scType, namespace: "", name: className),
              sc["provisioner"].string == Self.localPathProvisioner, sc["volumeBindingMode"].string != "WaitForFirstConsumer"
        else { return nil }
        return className
    }

    /// The controller's resync ticks from the timer's first due time (`from` in its payload, else `due`)
    /// through the last tick up to real now, each recording the event the claim's state gives. The timer
    /// first moves to that last tick, so that the count is written then, after every other timer due
    /// before (event leases are granted in time order: a write ahead of another timer's would make that
    /// timer's events outlive their hour).
    func claimSyncDue(namespace ns: String, name: String, due: Int64, payload: JSONValue) throws {
        guard let pvc = try s.find(pvcType, namespace: ns, name: name), let e = try claimResyncEvent(pvc) else { return }
        let id = Timers.objectID(Self.claimSyncTimer, pvcType.storageKey, ns, name)
        let step = Self.claimResyncSeconds
        let from = payload["from"].int ?? due
        let last = from + (max(due, wallNow.seconds) - from) / step * step
        if last > due { return try Timers.set(s.tx, id: id, due: last, payload: ["from": .int(from)]) }
        var plan = OccurrencePlan()
        plan.cycle = ([(0, 0)], from, step, (last - from) / step + 1)
        replayEvents([ReplayPart(pod: pvc, kinds: [e], plan: plan,
                                 fieldPath: nil, host: nil, after: from - 1, component: "persistentvolume-controller")])
        try Timers.set(s.tx, id: id, due: last + step)
    }

    /// The provisioner's attempts from the timer's first due time through the last one up to real now,
    /// written at that last one (as `claimSyncDue`).
    func provisionRetryDue(namespace ns: String, name: String, due: Int64, payload: JSONValue) throws {
        guard let pvc = try s.find(pvcType, namespace: ns, name: name), let className = try claimWithoutNode(pvc) else { return }
        let id = Timers.objectID(Self.provisionRetryTimer, pvcType.storageKey, ns, name)
        let from = payload["from"].int ?? due
        var state = ProvisionRetryState(payload)
        var probe = state
        let (_, _, last) = probe.attempts(from: from, through: max(due, wallNow.seconds))
        if last > due {
            var moved = payload
            moved["from"] = .int(from)
            return try Timers.set(s.tx, id: id, due: last, payload: moved)
        }
        let (plan, after, _) = state.attempts(from: from, through: last)
        replayEvents([ReplayPart(pod: pvc, kinds: Self.failedAttemptEvents(pvc, className: className), plan: plan,
                                 fieldPath: nil, host: nil, after: from - 1, component: Self.localPathComponent)])
        try Timers.set(s.tx, id: id, due: after, payload: state.json)
    }
}

/// The provisioner's claim queue for one claim: how many times it was requeued with back-off and when
/// the pending back-off falls due.
struct ProvisionRetryState {
    var requeues: Int64
    var retry: Int64?

    typealias C = ControllerManager

    init(requeues: Int64, retry: Int64?) { (self.requeues, self.retry) = (requeues, retry) }

    init(_ v: JSONValue) { (requeues, retry) = (v["n"].int ?? C.provisionRequeueLimit, v["retry"].int) }

    var json: JSONValue {
        var v: JSONValue = ["n": .int(requeues)]
        if let retry { v["retry"] = .int(retry) }
        return v
    }

    /// An attempt at `t` failed: requeued with back-off while under the limit (a back-off already
    /// pending keeps its earlier time).
    mutating func failed(at t: Int64) {
        if retry == t { retry = nil }
        guard requeues < C.provisionRequeueLimit else { return }
        let delay = requeues >= 10 ? C.provisionRetryCap : min(C.provisionRetryCap, C.provisionRetryBase << requeues)
        retry = min(retry ?? Int64.max, t + delay)
        requeues += 1
    }

    /// The next attempt after `t`: the back-off's or the informer's resync.
    func next(after t: Int64) -> Int64 {
        min(retry ?? Int64.max, C.nextTick(after: t, every: C.provisionerResyncSeconds))
    }

    /// The attempts from `due` (one) through `last`, as occurrences of the attempt's two events, when
    /// the next one is, and when the last of them was.
    mutating func attempts(from due: Int64, through last: Int64) -> (OccurrencePlan, next: Int64, last: Int64) {
        var plan = OccurrencePlan()
        var t = due, previous = due
        // While the back-off runs: each attempt by itself (at most 16 and the resyncs among them).
        while t <= last, retry != nil || requeues < C.provisionRequeueLimit {
            plan.add(t, 0)
            plan.add(t, 1)
            failed(at: t)
            previous = t
            t = next(after: t)
        }
        guard t <= last else { return (plan, t, previous) }
        // Then the resyncs alone, one every 900 seconds.
        let step = C.provisionerResyncSeconds
        let n = (last - t) / step + 1
        plan.cycle = ([(0, 0), (0, 1)], t, step, n)
        return (plan, t + n * step, t + (n - 1) * step)
    }
}
