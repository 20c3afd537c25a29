import KubeModel

/// `rollout resume`: a paused deployment rolls out again.
enum RolloutResume: RolloutMark {
    static let verb = "resume", gerund = "resuming"
    static func change(_ object: inout JSONValue, kind: RolloutCommand.Kind, now: Timestamp) -> RolloutMarkResult {
        RolloutCommand.setPaused(false, &object, kind: kind)
    }
}
