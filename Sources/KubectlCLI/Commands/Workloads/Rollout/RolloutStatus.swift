import KubeAPI
import KubeModel

/// `rollout status`: how far the rollout is, watched until done unless `--watch=false`.
struct RolloutStatusOptions: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] {
        naming("get", output: false) + [
            .init(\Self.o.revision, "revision", usage: "Pin to a revision (stateful sets are not supported)."),
            .init(\Self.o.timeout, "timeout", default: "0s", usage: "How long to wait; 0 means forever."),
            .init(\Self.o.watch, "watch", short: "w", default: "true", usage: "Keep watching until the rollout is done."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.status(&inv, o) }
}

extension RolloutCommand {
    static func status(_ inv: inout Invocation, _ o: RolloutOptions) throws {
        if o.revision < 0 { throw CLIError.message("revision must be a positive integer: \(o.revision)") }
        let watch = o.watch
        try visit(&inv, o) { t, inv in
            guard let kind = kind(t) else {
                throw CLIError.message("no status viewer has been implemented for \(groupKind(t))")
            }
            if o.revision > 0 && kind == .deployment {
                let running = Int64(t.object["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string ?? "") ?? 0
                if Int64(o.revision) != running {
                    throw CLIError.message("desired revision (\(o.revision)) is different from the running revision (\(running))")
                }
            }
            var (message, done) = try statusLine(t.object, kind: kind)
            inv.io.out.write(message)
            if done || !watch { return }
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
                if finished { return }
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
        if kind != .deployment, let t = o["spec"]["updateStrategy"]["type"].string, t != "RollingUpdate" {
            throw CLIError.message("rollout status is only available for RollingUpdate strategy type")
        }
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
}
