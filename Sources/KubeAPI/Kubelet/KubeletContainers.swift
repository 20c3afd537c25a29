import KubeModel
import KubeRegistry
import KubeStore

/// Starting one container as the kubelet does: pull its image (with back-off when the image does not
/// exist), resolve its environment, create and start it.
extension ControllerManager {
    struct ContainerContext {
        var pod: JSONValue
        var node: JSONValue
        var namespace: String
        var mode: KubeletMode
        var due: Int64?
        var nodeName: String { node["metadata"]["name"].string ?? "" }

        mutating func retry(at t: Int64) { due = min(due ?? t, t) }
    }

    static func pullBackoff(attempts: Int64) -> Int64 {
        attempts >= 6 ? 300 : min(300, 10 << max(0, attempts - 1))
    }

    func startContainer(_ c: JSONValue, previous: JSONValue?, isInit: Bool, ctx: inout ContainerContext,
                        rec: inout KubeletRecord, ephemeral: Bool = false) throws -> JSONValue {
        let name = c["name"].string ?? ""
        if !isInit || PodSpecs.isSidecar(c), !ephemeral, let held = heldStart(c, previous: previous, ctx: &ctx, rec: &rec) { return held }
        if let prev = previous, let kept = try keepStarted(c, prev, isInit: isInit, ctx: ctx) { return kept }
        let image = c["image"].string ?? ""
        let fieldPath = ephemeral ? "spec.ephemeralContainers{\(name)}"
            : isInit ? "spec.initContainers{\(name)}" : "spec.containers{\(name)}"
        let p = ctx.pod, host = ctx.nodeName
        // A wake-up (a ConfigMap, Secret or Service appeared) is no pull attempt and reports no failure again.
        let prevReason = previous?["state"]["waiting"]["reason"].string
        let quiet = ctx.mode == .wake && previous?["image"] == c["image"] && prevReason != nil
        let full: String
        let normalized: Result<String, ImageError>
        if let known = normalizedImages[image] {
            normalized = known
        } else {
            normalized = normalizeImage(image)
            normalizedImages[image] = normalized
        }
        switch normalized {
        case .failure(let err):
            if quiet { return previous! }
            let msg = "Failed to apply default image tag \(strconvQuote(image)): couldn't parse image name \(strconvQuote(image)): \(err.message)"
            event(p, type: "Warning", reason: "InspectFailed", message: msg, component: "kubelet", host: host, fieldPath: fieldPath)
            event(p, type: "Warning", reason: "Failed", message: "Error: InvalidImageName", component: "kubelet", host: host, fieldPath: fieldPath)
            return waitingStatus(c, reason: "InvalidImageName", message: msg)
        case .success(let f): full = f
        }
        if let pullError = try imagePullError(image) {
            if quiet, prevReason == "ErrImagePull" || prevReason == "ImagePullBackOff" {
                let (attempts, last) = rec.pulls[name] ?? (1, now.seconds)
                ctx.retry(at: prevReason == "ErrImagePull" ? last + Self.syncRetrySeconds : last + ControllerManager.pullBackoff(attempts: attempts))
                return previous!
            }
            return pullFailed(c, image: image, error: pullError, fieldPath: fieldPath, ctx: &ctx, rec: &rec)
        }
        rec.pulls[name] = nil
        if (c["imagePullPolicy"].string ?? "IfNotPresent") == "Always" || !(quiet && prevReason == "CreateContainerConfigError") {
            for e in pullEvents(c, pod: p, full: full) {
                event(p, type: e.type, reason: e.reason, message: e.message, component: "kubelet", host: host, fieldPath: fieldPath)
            }
        }
        if let envError = try envError(c, namespace: ctx.namespace) {
            ctx.retry(at: now.seconds + 10)
            if quiet && prevReason == "CreateContainerConfigError" && previous?["state"]["waiting"]["message"].string == envError {
                return previous!
            }
            event(p, type: "Warning", reason: "Failed", message: "Error: \(envError)", component: "kubelet", host: host, fieldPath: fieldPath)
            return waitingStatus(c, reason: "CreateContainerConfigError", message: envError)
        }
        event(p, reason: "Created", message: "Created container: \(name)", component: "kubelet", host: host, fieldPath: fieldPath)
        event(p, reason: "Started", message: "Started container \(name)", component: "kubelet", host: host, fieldPath: fieldPath)
        let st = try startedStatus(c, full: full, isInit: isInit && !ephemeral, ephemeral: ephemeral, ctx: ctx)
        // The sync is held in the container's postStart hook: the status it wrote as it began stays
        // (`ContainerCreating`) until the hook (and, when it fails, the kill) is over.
        // A sidecar's hook holds the sync as well (startContainer runs it before the next init container
        // or the app containers are started); it shows as before its start, `PodInitializing`.
        if !isInit || PodSpecs.isSidecar(c), !ephemeral, !st["state"]["running"].isNull, Self.postStartSeconds(c, pod: p) != nil {
            rec.hooks[name] = st
            // Its hook's failure is reported at its time.
            let fails = Self.hookFailsAfter(c, pod: p)
            if fails > 0 { ctx.retry(at: now.seconds + fails) }
            return waitingStatus(c, reason: isInit ? "PodInitializing" : "ContainerCreating", message: nil)
        }
        return st
    }

    /// When a first sync held in postStart hooks returns: the containers it started, one after the other,
    /// each start waiting for the hook before it (the containers' own start times are not moved).
    func heldSyncEnd(_ rec: KubeletRecord, pod: JSONValue) -> Int64 {
        var start = Int64.max, held: Int64 = 0
        for c in (pod["spec"]["initContainers"].array ?? []) + (pod["spec"]["containers"].array ?? []) {
            guard let run = rec.hooks[c["name"].string ?? ""] else { continue }
            start = min(start, run["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? now.seconds)
            held += Self.postStartSeconds(c, pod: pod) ?? 0
        }
        return start == Int64.max ? now.seconds : start + held
    }

    /// The first run of a container whose start sync is held in its postStart hook (see
    /// `postStartSeconds`): the status shown until then, or, once the sync returns, the run (its hook
    /// succeeded) or its end (the hook's kill). Nil for any other container.
    private func heldStart(_ c: JSONValue, previous: JSONValue?, ctx: inout ContainerContext, rec: inout KubeletRecord) -> JSONValue? {
        let name = c["name"].string ?? ""
        guard let run = rec.hooks[name] else { return nil }
        let end = heldSyncEnd(rec, pod: ctx.pod)
        let start = run["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? now.seconds
        let fails = start + Self.hookFailsAfter(c, pod: ctx.pod)
        if fails > start, now.seconds == fails { postStartFailed(c, pod: ctx.pod, host: ctx.nodeName) }
        if now.seconds < end, let previous {
            ctx.retry(at: fails > now.seconds ? fails : end)
            return previous
        }
        rec.hooks[name] = nil
        guard Self.hookEnd(c, pod: ctx.pod) != nil else { return run }
        return transition(c, run, pod: ctx.pod, policy: ctx.pod["spec"]["restartPolicy"].string ?? "Always", host: ctx.nodeName)
    }

    /// A container already up stays as it is; an init container whose Service appeared completes.
    private func keepStarted(_ c: JSONValue, _ prev: JSONValue, isInit: Bool, ctx: ContainerContext) throws -> JSONValue? {
        let state = prev["state"]
        if !state["terminated"].isNull { return prev }
        // A crash loop's back-off ends at its own time (the pod's timer), not at a resync.
        if ["CrashLoopBackOff", "PostStartHookError"].contains(state["waiting"]["reason"].string) { return prev }
        guard !state["running"].isNull else { return nil }
        if !isInit || PodSpecs.isSidecar(c) { return prev }
        // An init container whose command ends by itself exits at its time (the pod's timer).
        if ContainerFate.of(c) != nil { return prev }
        if try awaitedService(c, namespace: ctx.namespace) != nil { return prev }
        var done = prev
        done["ready"] = true
        done["started"] = false
        done["state"] = ["terminated": ["containerID": prev["containerID"], "exitCode": 0, "finishedAt": .string(now.rfc3339),
                                        "reason": "Completed", "startedAt": state["running"]["startedAt"]]]
        return done
    }

    private func pullFailed(_ c: JSONValue, image: String, error: String, fieldPath: String, ctx: inout ContainerContext,
                            rec: inout KubeletRecord) -> JSONValue {
        let name = c["name"].string ?? "", p = ctx.pod, host = ctx.nodeName
        let t = now.seconds
        let (attempts, last) = rec.pulls[name] ?? (0, 0)
        let backoff = ControllerManager.pullBackoff(attempts: attempts)
        if attempts > 0 && t > last + backoff {
            return pullsCaughtUp(c, image: image, error: error, fieldPath: fieldPath, ctx: &ctx, rec: &rec)
        }
        if attempts > 0 && t < last + backoff {
            // Each of the pod worker's retries within the image's back-off records both events; those up
            // to real now are reported at once (each through the spam filter at its time), the next retry
            // is scheduled after them.
            let r = Self.backoffRetries(exited: last, backoff: backoff, after: t - 1, through: min(max(t, wallNow.seconds), last + backoff - 1))
                ?? (1, t, t)
            if r.count == 1 {
                let saved = clockOverride
                defer { setClock(saved) }
                setClock(Timestamp(seconds: r.last))
                event(p, reason: "BackOff", message: "Back-off pulling image \(strconvQuote(image))", component: "kubelet", host: host,
                      fieldPath: fieldPath)
                event(p, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", component: "kubelet", host: host,
                      fieldPath: fieldPath)
            } else {
                // Each through the spam filter at its time.
                var plan = OccurrencePlan()
                var at = r.first
                while at <= r.last {
                    plan.add(at, 3)
                    plan.add(at, 4)
                    at += Self.syncRetrySeconds
                }
                queueReplay(ReplayPart(pod: p, kinds: Self.pullEvents(image: image, error: error), plan: plan, fieldPath: fieldPath,
                                       host: host, after: t - 1))
            }
            ctx.retry(at: min(r.last + Self.syncRetrySeconds, last + backoff))
            return waitingStatus(c, reason: "ImagePullBackOff",
                                 message: "Back-off pulling image \(strconvQuote(image)): ErrImagePull: \(error)")
        }
        event(p, reason: "Pulling", message: "Pulling image \(strconvQuote(image))", component: "kubelet", host: host, fieldPath: fieldPath)
        event(p, type: "Warning", reason: "Failed", message: "Failed to pull image \(strconvQuote(image)): \(error)",
              component: "kubelet", host: host, fieldPath: fieldPath)
        event(p, type: "Warning", reason: "Failed", message: "Error: ErrImagePull", component: "kubelet", host: host, fieldPath: fieldPath)
        rec.pulls[name] = (attempts + 1, t)
        // The failed sync is retried by the pod worker 10 s later (ErrImagePull shown until then): it
        // pulls again once the image's back-off (10 s, 20 s, ... from this pull) is over, else backs off.
        ctx.retry(at: t + Self.syncRetrySeconds)
        return waitingStatus(c, reason: "ErrImagePull", message: error)
    }

    /// The image id the kubelet reports for the image `full` (a reference normalised by `normalizeImage`):
    /// the reference itself when it has a digest, else its repository with a digest derived from it.
    /// Remembered for the last few images (the pods of a file or template run one or two).
    func imageID(of full: String) -> String {
        if let known = imageIDs[full] { return known }
        let digestBase = full.split(separator: "@").first.map { s -> String in
            let str = String(s)
            if let colon = str.lastIndex(of: ":"), !str[colon...].contains("/") { return String(str[..<colon]) }
            return str
        } ?? full
        let imageID = full.contains("@") ? full : digestBase + "@sha256:" + stableHex64(full)
        if imageIDs.count >= 16 { imageIDs.removeAll() }
        imageIDs[full] = imageID
        return imageID
    }

    private func startedStatus(_ c: JSONValue, full: String, isInit: Bool, ephemeral: Bool = false,
                               ctx: ContainerContext) throws -> JSONValue {
        let t = JSONValue.string(now.rfc3339)
        let imageID = imageID(of: full)
        let containerID = JSONValue.string("containerd://" + randomHex64())
        var st: JSONValue = ["containerID": containerID, "image": .string(full), "imageID": .string(imageID),
                             "lastState": .emptyObject, "name": c["name"], "ready": false, "restartCount": 0, "started": false]
        let completed: JSONValue = ["terminated": ["containerID": containerID, "exitCode": 0, "finishedAt": t,
                                                   "reason": "Completed", "startedAt": t]]
        if ephemeral {
            // An ephemeral container runs beside the others; it is never ready and has no startup probe.
            st.remove(["started"])
            st["state"] = ["running": ["startedAt": t]]
        } else if isInit {
            if PodSpecs.isSidecar(c) {
                // A sidecar runs as an app container does: its hook, its startup and readiness probes.
                st["ready"] = true
                st["started"] = true
                st["state"] = ["running": ["startedAt": t]]
                if Self.hookFailsAfter(c, pod: ctx.pod) == 0 { postStartFailed(c, pod: ctx.pod, host: ctx.nodeName) }
                applyProbes(&st, c, pod: ctx.pod)
                probeEvents(c, st, pod: ctx.pod, host: ctx.nodeName, from: now.seconds, through: now.seconds)
            } else if try awaitedService(c, namespace: ctx.namespace) != nil || ContainerFate.runs(c) {
                // Running until its command ends (see `initTransition`) or its Service resolves.
                st["started"] = true
                st["state"] = ["running": ["startedAt": t]]
            } else {
                st["ready"] = true
                st["state"] = completed
            }
        } else if ContainerFate.of(c) == nil, controllerRef(ctx.pod)?.kind == "Job" {
            st["state"] = completed
        } else {
            st["ready"] = true
            st["started"] = true
            st["state"] = ["running": ["startedAt": t]]
            // A hook that fails later is reported then (see `heldStart`).
            if Self.hookFailsAfter(c, pod: ctx.pod) == 0 { postStartFailed(c, pod: ctx.pod, host: ctx.nodeName) }
            applyProbes(&st, c, pod: ctx.pod)
            probeEvents(c, st, pod: ctx.pod, host: ctx.nodeName, from: now.seconds, through: now.seconds)
        }
        let mounts = containerMounts(c)
        if !mounts.isEmpty { st["volumeMounts"] = .array(mounts) }
        return st
    }
}

/// What the kubelet remembers about a pod it must come back to: when (`due`), since when its volumes
/// fail to mount, and each container's image pull attempts. Kept in the store's settings under
/// `kubelet.retry/<namespace>/<name>` and dropped when nothing is left to retry.
struct KubeletRecord {
    static let prefix = "kubelet.retry/"
    var uid: String
    var due: Int64?
    var mountSince: Int64?
    var mountAttempts: Int64 = 0
    var mountErrors: String?
    var pulls: [String: (Int64, Int64)] = [:]
    /// Containers whose first start is held in their postStart hook: the run as it started.
    var hooks: [String: JSONValue] = [:]
    /// The IP of a pod whose first sync is held (its status has none yet).
    var podIP: String?
    /// The retry this sync answers, as loaded (not saved): retries before it were reported.
    var loadedDue: Int64?

    static func key(_ ns: String, _ name: String) -> String { prefix + ns + "/" + name }

    static func load(_ tx: StoreTransaction, namespace ns: String, name: String, uid: String) throws -> KubeletRecord {
        var rec = KubeletRecord(uid: uid)
        guard let text = try tx.config(key(ns, name)), let v = try? JSON.parse(text), v["uid"].string == uid else { return rec }
        rec.due = v["due"].int
        rec.loadedDue = rec.due
        rec.mountSince = v["mountSince"].int
        rec.mountAttempts = v["mountAttempts"].int ?? 0
        rec.mountErrors = v["mountErrors"].string
        for (k, a) in v["pulls"].object ?? JSONObject() {
            rec.pulls[k] = (a[0].int ?? 0, a[1].int ?? 0)
        }
        for (k, st) in v["hooks"].object ?? JSONObject() { rec.hooks[k] = st }
        rec.podIP = v["podIP"].string
        return rec
    }

    /// Saves the record while the pod waits (`waiting`) or has a retry due; drops it otherwise.
    func save(_ tx: StoreTransaction, namespace ns: String, name: String, waiting: Bool) throws {
        guard waiting || due != nil else {
            try tx.setConfig(KubeletRecord.key(ns, name), nil)
            return
        }
        var v: JSONValue = ["uid": .string(uid), "mountAttempts": .int(mountAttempts)]
        if let due { v["due"] = .int(due) }
        if let mountSince { v["mountSince"] = .int(mountSince) }
        if let mountErrors { v["mountErrors"] = .string(mountErrors) }
        if let podIP { v["podIP"] = .string(podIP) }
        var pulls = JSONObject()
        for (k, (a, l)) in self.pulls.sorted(by: { $0.key < $1.key }) { pulls[k] = [.int(a), .int(l)] }
        v["pulls"] = .object(pulls)
        if !hooks.isEmpty {
            var held = JSONObject()
            for (k, st) in hooks.sorted(by: { $0.key < $1.key }) { held[k] = st }
            v["hooks"] = .object(held)
        }
        try tx.setConfig(KubeletRecord.key(ns, name), v.compactJSON)
    }
}
