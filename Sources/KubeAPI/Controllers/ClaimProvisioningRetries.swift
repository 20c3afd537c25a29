import KubeModel
import KubeRegistry
import KubeStore

/// A claim an external provisioner cannot serve, over time. kind's local-path provisioner makes a
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
/// A timer falling due counts every occurrence up to real now through the source's spam filter at its
/// own time (`replayEvents`): a claim left Pending for a year is one replay per source.
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
        let syncID = Timers.objectID(Self.claimSyncTimer, pvcType.storageKey, ns, name)
        if try Timers.scheduled(s.tx, id: syncID) == nil {
            // Twice: the annotation the controller wrote is an update of the claim, which it syncs again.
            let e = Self.externalProvisioningEvent(provisioner)
            for _ in 0..<2 { event(claim, reason: e.reason, message: e.message, component: "persistentvolume-controller") }
            try Timers.set(s.tx, id: syncID, due: Self.nextTick(after: t, every: Self.claimResyncSeconds))
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

    /// The controller's resync ticks from `due` through real now.
    func claimSyncDue(namespace ns: String, name: String, due: Int64) throws {
        guard let pvc = try s.find(pvcType, namespace: ns, name: name), try claimWithoutNode(pvc) != nil else { return }
        let step = Self.claimResyncSeconds
        let last = max(due, wallNow.seconds)
        let n = (last - due) / step + 1
        var plan = OccurrencePlan()
        plan.cycle = ([(0, 0)], due, step, n)
        replayEvents([ReplayPart(pod: pvc, kinds: [Self.externalProvisioningEvent(Self.localPathProvisioner)], plan: plan,
                                 fieldPath: nil, host: nil, after: due - 1, component: "persistentvolume-controller")])
        try Timers.set(s.tx, id: Timers.objectID(Self.claimSyncTimer, pvcType.storageKey, ns, name), due: due + n * step)
    }

    /// The provisioner's attempts from `due` through real now.
    func provisionRetryDue(namespace ns: String, name: String, due: Int64, payload: JSONValue) throws {
        guard let pvc = try s.find(pvcType, namespace: ns, name: name), let className = try claimWithoutNode(pvc) else { return }
        var state = ProvisionRetryState(payload)
        let (plan, next) = state.attempts(from: due, through: max(due, wallNow.seconds))
        replayEvents([ReplayPart(pod: pvc, kinds: Self.failedAttemptEvents(pvc, className: className), plan: plan,
                                 fieldPath: nil, host: nil, after: due - 1, component: Self.localPathComponent)])
        try Timers.set(s.tx, id: Timers.objectID(Self.provisionRetryTimer, pvcType.storageKey, ns, name), due: next, payload: state.json)
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

    /// The attempts from `due` (one) through `last`, as occurrences of the attempt's two events, and when
    /// the next one is.
    mutating func attempts(from due: Int64, through last: Int64) -> (OccurrencePlan, Int64) {
        var plan = OccurrencePlan()
        var t = due
        // While the back-off runs: each attempt by itself (at most 16 and the resyncs among them).
        while t <= last, retry != nil || requeues < C.provisionRequeueLimit {
            plan.add(t, 0)
            plan.add(t, 1)
            failed(at: t)
            t = next(after: t)
        }
        guard t <= last else { return (plan, t) }
        // Then the resyncs alone, one every 900 seconds.
        let step = C.provisionerResyncSeconds
        let n = (last - t) / step + 1
        plan.cycle = ([(0, 0), (0, 1)], t, step, n)
        return (plan, t + n * step)
    }
}
