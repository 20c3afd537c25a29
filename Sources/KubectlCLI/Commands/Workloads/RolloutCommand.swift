import KubeAPI
import KubeModel
import KubePrinters
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

    static func targets(_ inv: inout Invocation, _ o: RolloutOptions) throws -> [WorkTarget] {
        if o.builder.isEmpty { throw CLIError.message("required resource not specified") }
        let (targets, errors) = try Workloads.collect(&inv, resources: o.builder.args, selector: o.builder.labelSelector)
        if let e = errors.first { throw e }
        return targets
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

    // MARK: history

    static func history(_ inv: inout Invocation, _ o: RolloutOptions) throws {
        let targets = try targets(&inv, o)
        let revision = Int64(o.revision)
        let format = try o.printFlags.format()
        for t in targets {
            guard let kind = kind(t) else {
                throw CLIError.message("no history viewer has been implemented for \(goQuoted(t.kind))")
            }
            let revs = try revisions(t, kind: kind, inv: &inv)
            if let format {
                let owners = revision > 0 ? revs.filter { $0.number == revision }.map(\.owner) : revs.map(\.owner)
                if revision > 0 && owners.isEmpty { throw CLIError.message("unable to find the specified revision") }
                try OperationPrinter(format: format, dryRun: .none, showManagedFields: o.printFlags.showManagedFields).printAll(owners, inv: &inv)
                continue
            }
            if revision > 0 {
                guard let r = revs.first(where: { $0.number == revision }) else {
                    throw CLIError.message("unable to find the specified revision")
                }
                var template = r.template
                if let cause = r.changeCause { template["metadata"]["annotations"][changeCauseKey] = .string(cause) }
                inv.io.out.write("\(t.displayName) with revision #\(revision)\n")
                inv.io.out.write(Describers.podTemplateUnaligned(template) + "\n")
                continue
            }
            if revs.isEmpty {
                inv.io.out.write("\(t.displayName) \nNo rollout history found.\n")
                continue
            }
            var tw = TabWriter(minWidth: 0, padding: 2)
            tw.write("REVISION\tCHANGE-CAUSE\n")
            for r in revs { tw.write("\(r.number)\t\(r.changeCause ?? "<none>")\n") }
            inv.io.out.write("\(t.displayName) \n" + tw.flush() + "\n")
        }
    }

    // MARK: undo

    static let annotationsToSkip: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
        "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ]

    static func undo(_ inv: inout Invocation, _ o: RolloutOptions) throws {
        let targets = try targets(&inv, o)
        let toRevision = Int64(o.toRevision)
        let dryRun = try DryRun.parse(o.printFlags.dryRun, inv)
        let format = try o.printFlags.format()
        for t in targets {
            guard let kind = kind(t), let type = t.type else {
                throw CLIError.message("no rollbacker has been implemented for \(goQuoted(t.kind))")
            }
            if kind == .deployment && t.object["spec"]["paused"].bool == true {
                throw CLIError.message("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
            }
            let revs = try revisions(t, kind: kind, inv: &inv)
            let target: Revision
            if toRevision > 0 {
                guard let r = revs.first(where: { $0.number == toRevision }) else {
                    throw CLIError.message("unable to find specified revision \(toRevision) in history")
                }
                target = r
            } else {
                guard revs.count >= 2 else {
                    let noun = kind == .deployment ? "deployment" : (kind == .daemonSet ? "daemonset" : "statefulset")
                    throw CLIError.message("no rollout history found for \(noun) \(goQuoted(t.name))")
                }
                target = revs[revs.count - 2]
            }
            var template = target.template
            template.remove(["metadata", "labels", "pod-template-hash"])
            if template["metadata"]["labels"].object?.isEmpty == true { template.remove(["metadata", "labels"]) }
            var current = t.object["spec"]["template"]
            current.remove(["metadata", "labels", "pod-template-hash"])
            if current["metadata"]["labels"].object?.isEmpty == true { current.remove(["metadata", "labels"]) }
            if templatesEqual(template, current) {
                inv.io.out.write("\(t.displayName) skipped rollback (current template already matches revision \(toRevision))\n")
                continue
            }
            var changed = t.object
            changed["spec"]["template"] = template
            if kind == .deployment {
                var annotations = JSONObject()
                let deployAnn = t.object["metadata"]["annotations"]
                for (k, v) in deployAnn.object ?? JSONObject() where annotationsToSkip.contains(k) { annotations[k] = v }
                for (k, v) in target.owner["metadata"]["annotations"].object ?? JSONObject() where !annotationsToSkip.contains(k) {
                    annotations[k] = v
                }
                if annotations.isEmpty { changed.remove(["metadata", "annotations"]) } else { changed["metadata"]["annotations"] = .object(annotations) }
            }
            let printer = OperationPrinter(format: format, dryRun: dryRun, showManagedFields: o.printFlags.showManagedFields)
            if dryRun == .client {
                // kubectl prints the template it would roll back to in place of the operation.
                try printer.printNow(changed, type: t.type, operation: Describers.podTemplateUnaligned(template), inv: &inv)
                continue
            }
            let result = try Workloads.store(changed, type: type, inv: &inv, dryRun: dryRun)
            try printer.printNow(result, type: t.type, operation: "rolled back", inv: &inv)
        }
    }

    /// Templates compared as the API would after defaulting: absent and empty maps are the same.
    static func templatesEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        func clean(_ v: JSONValue) -> JSONValue {
            switch v {
            case .object(let o):
                var out = JSONObject()
                for (k, x) in o {
                    let c = clean(x)
                    if c.isNull { continue }
                    if case .object(let m) = c, m.isEmpty { continue }
                    out[k] = c
                }
                return .object(out)
            case .array(let a): return .array(a.map(clean))
            default: return v
            }
        }
        return clean(a).compactJSON == clean(b).compactJSON
    }

    // MARK: status

    static func status(_ inv: inout Invocation, _ o: RolloutOptions) throws {
        let targets = try targets(&inv, o)
        let watch = o.watch
        for t in targets {
            guard let kind = kind(t) else {
                throw CLIError.message("no status viewer has been implemented for \(t.kind)")
            }
            if o.revision > 0 && kind == .deployment {
                let running = Int64(t.object["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string ?? "") ?? 0
                if Int64(o.revision) != running {
                    throw CLIError.message("desired revision (\(o.revision)) is different from the running revision (\(running))")
                }
            }
            var (message, done) = try statusLine(t.object, kind: kind)
            inv.io.out.write(message)
            if done || !watch { continue }
            if let ns = o.timeoutNanoseconds, ns != 0, let type = t.type {
                // Another shell may move the rollout on: check the store until the timeout passes.
                let server = try inv.server()
                var last = message
                var failure: Error?
                var clientWait = ClientWait(timeoutNanoseconds: ns)
                clientWait.server = server
                let finished = try clientWait.until {
                    guard let fresh = try? server.read({ try $0.get(type, namespace: t.namespace, name: t.name) }) else { return false }
                    do { (message, done) = try statusLine(fresh, kind: kind) } catch { failure = error; return true }
                    if message != last { inv.io.out.write(message); last = message }
                    return done
                }
                if let failure { throw failure }
                if finished { continue }
                throw CLIError.message("timed out waiting for the condition")
            }
            throw CLIError.message("the rollout of \(t.displayName) cannot progress: the local store is settled and nothing will change it while kubectl-local waits (use --watch=false to print the status once)")
        }
    }

    static func statusLine(_ o: JSONValue, kind: Kind) throws -> (String, Bool) {
        let name = o["metadata"]["name"].string ?? ""
        let generation = o["metadata"]["generation"].int ?? 0
        let st = o["status"]
        let observed = st["observedGeneration"].int ?? 0
        switch kind {
        case .deployment:
            guard generation <= observed else { return ("Waiting for deployment spec update to be observed...\n", false) }
            let progressing = (st["conditions"].array ?? []).first { $0["type"].string == "Progressing" }
            if progressing?["reason"].string == "ProgressDeadlineExceeded" {
                throw CLIError.message("deployment \(goQuoted(name)) exceeded its progress deadline")
            }
            let replicas = o["spec"]["replicas"].int ?? 1
            let updated = st["updatedReplicas"].int ?? 0, total = st["replicas"].int ?? 0, available = st["availableReplicas"].int ?? 0
            if updated < replicas {
                return ("Waiting for deployment \(goQuoted(name)) rollout to finish: \(updated) out of \(replicas) new replicas have been updated...\n", false)
            }
            if total > updated {
                return ("Waiting for deployment \(goQuoted(name)) rollout to finish: \(total - updated) old replicas are pending termination...\n", false)
            }
            if available < updated {
                return ("Waiting for deployment \(goQuoted(name)) rollout to finish: \(available) of \(updated) updated replicas are available...\n", false)
            }
            return ("deployment \(goQuoted(name)) successfully rolled out\n", true)
        case .daemonSet:
            if let t = o["spec"]["updateStrategy"]["type"].string, t != "RollingUpdate" {
                throw CLIError.message("rollout status is only available for RollingUpdate strategy type")
            }
            guard generation <= observed else { return ("Waiting for daemon set spec update to be observed...\n", false) }
            let desired = st["desiredNumberScheduled"].int ?? 0, updated = st["updatedNumberScheduled"].int ?? 0
            let available = st["numberAvailable"].int ?? 0
            if updated < desired {
                return ("Waiting for daemon set \(goQuoted(name)) rollout to finish: \(updated) out of \(desired) new pods have been updated...\n", false)
            }
            if available < desired {
                return ("Waiting for daemon set \(goQuoted(name)) rollout to finish: \(available) of \(desired) updated pods are available...\n", false)
            }
            return ("daemon set \(goQuoted(name)) successfully rolled out\n", true)
        case .statefulSet:
            if let t = o["spec"]["updateStrategy"]["type"].string, t != "RollingUpdate" {
                throw CLIError.message("rollout status is only available for RollingUpdate strategy type")
            }
            if observed == 0 || generation > observed { return ("Waiting for statefulset spec update to be observed...\n", false) }
            let replicas = o["spec"]["replicas"].int ?? 1
            let ready = st["readyReplicas"].int ?? 0, updated = st["updatedReplicas"].int ?? 0
            if ready < replicas { return ("Waiting for \(replicas - ready) pods to be ready...\n", false) }
            if let partition = o["spec"]["updateStrategy"]["rollingUpdate"]["partition"].int {
                if updated < replicas - partition {
                    return ("Waiting for partitioned roll out to finish: \(updated) out of \(replicas - partition) new pods have been updated...\n", false)
                }
                return ("partitioned roll out complete: \(updated) new pods have been updated...\n", true)
            }
            let updateRevision = st["updateRevision"].string ?? "", currentRevision = st["currentRevision"].string ?? ""
            if updateRevision != currentRevision {
                return ("waiting for statefulset rolling update to complete \(updated) pods at revision \(updateRevision)...\n", false)
            }
            return ("statefulset rolling update complete \(st["currentReplicas"].int ?? 0) pods at revision \(currentRevision)...\n", true)
        }
    }

    // MARK: restart / pause / resume

    enum Action { case restart, pause, resume }

    static func mark(_ inv: inout Invocation, action: Action, _ o: RolloutOptions) throws {
        let targets = try targets(&inv, o)
        let dryRun = try DryRun.parse(o.printFlags.dryRun, inv)
        let format = try o.printFlags.format()
        var errors: [String] = []
        for t in targets {
            guard let kind = kind(t), let type = t.type else {
                switch action {
                case .restart: errors.append("error: \(t.type?.plural ?? t.kind.lowercased()) \(goQuoted(t.name)) restarting is not supported")
                case .pause: errors.append("error: \(t.type?.plural ?? t.kind.lowercased()) \(goQuoted(t.name)) pausing is not supported")
                case .resume: errors.append("error: \(t.type?.plural ?? t.kind.lowercased()) \(goQuoted(t.name)) resuming is not supported")
                }
                continue
            }
            var changed = t.object
            let verb: String
            switch action {
            case .restart:
                if kind == .deployment && t.object["spec"]["paused"].bool == true {
                    errors.append("error: can't restart paused deployment (run rollout resume first)")
                    continue
                }
                changed["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"] = .string(inv.clock.now.rfc3339)
                verb = "restarted"
            case .pause, .resume:
                guard kind == .deployment else {
                    errors.append("error: \(type.plural) \(goQuoted(t.name)) \(action == .pause ? "pausing" : "resuming") is not supported")
                    continue
                }
                let pause = action == .pause
                if (t.object["spec"]["paused"].bool ?? false) == pause {
                    inv.io.out.write("\(t.displayName) already \(pause ? "paused" : "resumed")\n")
                    continue
                }
                if pause { changed["spec"]["paused"] = true } else { changed["spec"].remove(["paused"]) }
                verb = pause ? "paused" : "resumed"
            }
            let result: JSONValue
            do { result = try Workloads.store(changed, type: type, inv: &inv, dryRun: dryRun) } catch {
                errors.append(ErrorRenderer.lineFor(error))
                continue
            }
            try OperationPrinter(format: format, dryRun: dryRun, showManagedFields: o.printFlags.showManagedFields)
                .printNow(result, type: t.type, operation: verb, inv: &inv)
        }
        try SetCommand.fail(errors)
    }
}

