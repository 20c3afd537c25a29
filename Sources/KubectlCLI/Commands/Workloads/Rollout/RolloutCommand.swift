import KubeAPI
import KubeModel
import KubeRegistry

/// `kubectl rollout history|undo|status|restart|pause|resume` for deployments, daemon sets and
/// stateful sets. History is read from the ReplicaSets (deployments) or ControllerRevisions (daemon
/// sets, stateful sets) the object controls; status from the status the controllers wrote.
enum RolloutCommand {
    static let spec = CommandSpec(
        "rollout", use: "rollout SUBCOMMAND", short: "Inspect and steer the rollouts of workloads",
        subcommands: [
            CommandSpec("history", use: "history (TYPE NAME | TYPE/NAME) [flags]", short: "List the recorded revisions of a workload",
                        options: RolloutHistoryOptions.self),
            CommandSpec("undo", use: "undo (TYPE NAME | TYPE/NAME) [flags]", short: "Go back to an earlier revision",
                        options: RolloutUndoOptions.self),
            CommandSpec("status", use: "status (TYPE NAME | TYPE/NAME) [flags]", short: "Report how far a rollout has progressed",
                        options: RolloutStatusOptions.self),
            CommandSpec("restart", use: "restart RESOURCE", short: "Roll out fresh pods of a workload",
                        options: RolloutMarkOptions<RolloutRestart>.self),
            CommandSpec("pause", use: "pause RESOURCE", short: "Hold a deployment's rollouts",
                        options: RolloutMarkOptions<RolloutPause>.self),
            CommandSpec("resume", use: "resume RESOURCE", short: "Let a held deployment roll out again",
                        options: RolloutMarkOptions<RolloutResume>.self),
        ],
        group: "Deploy Commands:")

    /// Visits each named workload in order (a type without names: every object of it), as kubectl's
    /// builder does with ContinueOnError: an object that cannot be read or handled is kept as an error
    /// and the next one is handled; the errors are reported together at the end.
    static func visit(_ inv: inout Invocation, _ o: RolloutOptions, _ body: (WorkTarget, inout Invocation) throws -> Void) throws {
        if o.builder.isEmpty { throw CLIError.message("required resource not specified") }
        var b = o.builder
        b.requireNames = false
        var errors: [Error] = []
        for r in try b.resolve(&inv).infos(&inv, fetch: .latest) {
            switch r {
            case .failure(let e): errors.append(e)
            case .success(let info):
                do { try body(WorkTarget(type: info.type, object: info.object ?? .emptyObject, source: info.source), &inv) } catch {
                    errors.append(error)
                }
            }
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// `GroupKind.String()`: `ReplicaSet.apps`, `Pod`.
    static func groupKind(_ t: WorkTarget) -> String {
        guard let type = t.type else { return t.kind }
        return type.group.isEmpty ? type.kind : "\(type.kind).\(type.group)"
    }

    /// The kinds kubectl's polymorphic helpers visit (kapps.GroupKindElement); others have no visitor.
    static func hasVisitor(_ t: WorkTarget) -> Bool {
        switch (t.type?.group ?? "", t.type?.kind ?? t.kind) {
        case ("apps", "Deployment"), ("extensions", "Deployment"), ("apps", "StatefulSet"), ("apps", "DaemonSet"),
             ("extensions", "DaemonSet"), ("batch", "Job"), ("", "Pod"), ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"),
             ("", "ReplicationController"), ("batch", "CronJob"):
            return true
        default:
            return false
        }
    }

    /// The history viewer's or rollbacker's refusal of a kind it does not handle.
    static func noHelper(_ t: WorkTarget, retrieving: String, implemented: String) -> CLIError {
        if !hasVisitor(t) {
            return .message("error retrieving \(retrieving) for \(goQuoted(groupKind(t))), no visitor method exists for {\(t.type?.group ?? "") \(t.type?.kind ?? t.kind)}")
        }
        return .message("no \(implemented) has been implemented for \(goQuoted(groupKind(t)))")
    }

    enum Kind { case deployment, daemonSet, statefulSet }
    static func kind(_ t: WorkTarget) -> Kind? {
        guard t.type?.group == "apps" else { return nil }
        switch t.type?.kind {
        case "Deployment": return .deployment
        case "DaemonSet": return .daemonSet
        case "StatefulSet": return .statefulSet
        default: return nil
        }
    }

    // MARK: history data

    struct Revision {
        var number: Int64
        var template: JSONValue
        var changeCause: String?
        var owner: JSONValue  // the ReplicaSet or ControllerRevision
    }

    static let changeCauseKey = "kubernetes.io/change-cause"

    static func isControlled(_ o: JSONValue, by uid: String) -> Bool {
        (o["metadata"]["ownerReferences"].array ?? []).contains { $0["uid"].string == uid && $0["controller"].bool == true }
    }

    /// The revisions of an object, by revision number ascending.
    static func revisions(_ t: WorkTarget, kind: Kind, inv: inout Invocation) throws -> [Revision] {
        let server = try inv.server()
        let uid = t.object["metadata"]["uid"].string ?? ""
        var out: [Revision] = []
        switch kind {
        case .deployment:
            guard let rsType = server.registry.type(group: "apps", kind: "ReplicaSet") else { return [] }
            let all = try server.read { try $0.list(rsType, namespace: t.namespace) }
            for rs in all where isControlled(rs, by: uid) {
                guard let n = Int64(rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string ?? "") else { continue }
                out.append(Revision(number: n, template: rs["spec"]["template"],
                                    changeCause: rs["metadata"]["annotations"][changeCauseKey].string, owner: rs))
            }
        case .daemonSet, .statefulSet:
            guard let crType = server.registry.type(group: "apps", kind: "ControllerRevision") else { return [] }
            let all = try server.read { try $0.list(crType, namespace: t.namespace) }
            for cr in all where isControlled(cr, by: uid) {
                out.append(Revision(number: cr["revision"].int ?? 0, template: cr["data"]["spec"]["template"],
                                    changeCause: cr["metadata"]["annotations"][changeCauseKey].string, owner: cr))
            }
        }
        return out.sorted { $0.number < $1.number }
    }
}
