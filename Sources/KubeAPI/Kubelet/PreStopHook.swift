import KubeModel
import KubeStore

/// A deleted pod's preStop hooks, as the kubelet (v1.32 `killContainer`) runs them: for each running
/// container the `Killing` event, then its hook, given at most the grace period, then the stop with what
/// is left of the grace period, never less than 2 seconds (`KubeletTermination.stopSeconds`). A hook
/// that fails (`ContainerFate.hookFailure`: a command whose known fate is a non-zero exit, an httpGet
/// to a container that serves nothing) is reported when its run ends, as `FailedPreStopHook`
/// (Warning, `PreStopHook failed`: the runner's message is left out of the event, as for postStart), and
/// the stop goes on as after any hook. Only a hook that ends within the grace period is reported. The
/// report is a timer on the agenda (`prestop/<pods>/<ns>/<name>`, payload `from`: the first second not
/// reported yet), so it shows at its own time; a stop that comes first (a client waiting for the
/// delete with a frozen clock) reports what is left as it stops.
extension ControllerManager {
    func preStopTimerID(_ ns: String, _ name: String) -> String { Timers.objectID("prestop", podType.storageKey, ns, name) }

    /// When each running container's failing preStop hook reports (the deletion's request and the hook's
    /// run, in seconds), in time order.
    func preStopFailures(_ pod: JSONValue) -> [(at: Int64, fieldPath: String)] {
        let grace = APISession.goSeconds(pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0)
        guard grace > 0, let requested = Self.deletionRequested(pod)?.seconds else { return [] }
        var out: [(at: Int64, fieldPath: String)] = []
        for (specKey, statusKey, isInit) in [("initContainers", "initContainerStatuses", true), ("containers", "containerStatuses", false)] {
            let running = Set((pod["status"][statusKey].array ?? []).filter { !$0["state"]["running"].isNull }.compactMap { $0["name"].string })
            for c in pod["spec"][specKey].array ?? [] {
                guard let name = c["name"].string, running.contains(name),
                      let failure = ContainerFate.hookFailure(c["lifecycle"]["preStop"], c, pod: pod), failure.at <= grace else { continue }
                out.append((requested + failure.at, Self.fieldPath(name, isInit: isInit)))
            }
        }
        return out.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// The kubelet has begun stopping the pod: the hooks that failed by now are reported (at their
    /// times), the others are put on the agenda.
    func preStopHooksStarted(_ pod: JSONValue, host: String) throws {
        let failures = preStopFailures(pod)
        guard !failures.isEmpty else { return }
        try reportPreStopFailures(pod, failures, from: Int64.min, through: now.seconds, host: host)
    }

    /// The agenda's report fell due.
    func preStopDue(namespace ns: String, name: String, payload: JSONValue) throws {
        guard let pod = try s.find(podType, namespace: ns, name: name), !pod["metadata"]["deletionTimestamp"].isNull,
              let host = pod["spec"]["nodeName"].string, !host.isEmpty, try kubeletReachable(pod) else { return }
        try reportPreStopFailures(pod, preStopFailures(pod), from: payload["from"].int ?? now.seconds, through: now.seconds, host: host)
    }

    /// The pod's containers are stopped now: hooks still on the agenda report first (at their times, or
    /// now when that is earlier).
    func preStopBeforeStop(_ pod: JSONValue) throws {
        let id = preStopTimerID(pod["metadata"]["namespace"].string ?? "", pod["metadata"]["name"].string ?? "")
        guard let pending = try Timers.scheduled(s.tx, id: id) else { return }
        try Timers.cancel(s.tx, id: id)
        let host = pod["spec"]["nodeName"].string ?? ""
        try reportPreStopFailures(pod, preStopFailures(pod), from: pending.payload["from"].int ?? 0, through: Int64.max, host: host,
                                  schedule: false)
    }

    /// Reports the failures from `from` through `through`, each at its time (never after now), and puts
    /// the next one on the agenda.
    private func reportPreStopFailures(_ pod: JSONValue, _ failures: [(at: Int64, fieldPath: String)], from: Int64, through: Int64,
                                       host: String, schedule: Bool = true) throws {
        let saved = clockOverride
        let current = now.seconds
        for f in failures where f.at >= from && f.at <= through {
            setClock(Timestamp(seconds: min(f.at, current)))
            event(pod, type: "Warning", reason: "FailedPreStopHook", message: "PreStopHook failed", component: "kubelet", host: host,
                  fieldPath: f.fieldPath)
        }
        setClock(saved)
        guard schedule, let next = failures.first(where: { $0.at > through }) else { return }
        try Timers.set(s.tx, id: preStopTimerID(pod["metadata"]["namespace"].string ?? "", pod["metadata"]["name"].string ?? ""),
                       due: next.at, payload: ["from": .int(through + 1)])
    }
}
