import KubeModel

/// `rollout pause`: the deployment controller leaves a paused deployment's pods as they are.
enum RolloutPause: RolloutMark {
    static let verb = "pause", gerund = "pausing"
    static func change(_ object: inout JSONValue, kind: RolloutCommand.Kind, now: Timestamp) -> RolloutMarkResult {
        RolloutCommand.setPaused(true, &object, kind: kind)
    }
}
