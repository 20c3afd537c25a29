import KubeModel

/// `rollout restart`: a new `restartedAt` annotation in the pod template makes the controller roll out
/// fresh pods (a paused deployment refuses).
enum RolloutRestart: RolloutMark {
    static let verb = "restart", gerund = "restarting"
    static func change(_ object: inout JSONValue, kind: RolloutCommand.Kind, now: Timestamp) -> RolloutMarkResult {
        if kind == .deployment && object["spec"]["paused"].bool == true {
            return .refused("can't restart paused deployment (run rollout resume first)")
        }
        object["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"] = .string(now.rfc3339)
        return .changed(operation: "restarted")
    }
}
