#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubeRegistry

/// `drain`'s eviction and deletion loops (kubectl's drain helper). Every pod is evicted through the
/// Eviction subresource (deleted with `--disable-eviction`); a pod its disruption budget protects
/// (HTTP 429) is tried again every 5 s. A pod is reported `evicted`/`deleted` once it is gone (not
/// found, or a new pod of the same name), checked every second; `--timeout` (0: none) bounds it all,
/// in real time. Waiting lets the pods' kubelets stop them (`APISession.finishDeletion`), and between
/// checks the process sleeps and the store's clock-driven controllers run; a pod whose node does not
/// report stays, and the timeout ends the wait. Returns the errors of the pods not evicted.
struct DrainEviction {
    struct Target { var namespace: String; var name: String; var uid: String }

    var useEviction: Bool
    var timeout: Int64
    var skipWaitForDeleteTimeout: Int
    var dryRun: DryRun
    var server: APIServer
    var finished: (String, Bool, Invocation) -> Void

    static let retryAfterSeconds = 5.0
    static let pollSeconds = 1.0

    var deadline: Double { timeout > 0 ? start + Double(timeout) / 1e9 : .infinity }
    let start = ClientWait.now()
    var timeoutText: String { timeout > 0 ? "\(GoDuration(nanoseconds: timeout))" : "2562047h47m16.854775807s" }

    func run(_ pods: [Target], inv: inout Invocation) throws -> [String] {
        useEviction ? try evict(pods, inv: &inv) : try delete(pods, inv: &inv)
    }

    // MARK: eviction

    private func evict(_ pods: [Target], inv: inout Invocation) throws -> [String] {
        var attempts = pods.map { (target: $0, due: start) }
        var waiting: [Target] = []
        var nextPoll = start
        var errors: [String] = []
        while !attempts.isEmpty || !waiting.isEmpty {
            var later: [(target: Target, due: Double)] = []
            for a in attempts {
                guard a.due <= ClientWait.now() else { later.append(a); continue }
                let p = a.target
                inv.io.out.write("evicting pod \(p.namespace)/\(p.name)\(dryRun == .server ? " (server dry run)" : "")\n")
                if ClientWait.now() >= deadline {
                    errors.append("error when evicting pods/\(strconvQuote(p.name)) -n \(strconvQuote(p.namespace)): global timeout reached: \(timeoutText)")
                    continue
                }
                do {
                    try server.write { try $0.evict(namespace: p.namespace, name: p.name, dryRun: dryRun == .server) }
                    if dryRun == .server { finished(p.name, true, inv); continue }
                    if try !gone(p, inv: inv, eviction: true) { waiting.append(p) }
                } catch let e as APIError where e.code == 404 {
                    continue
                } catch let e as APIError where e.code == 429 {
                    inv.io.err.write("error when evicting pods/\(strconvQuote(p.name)) -n \(strconvQuote(p.namespace)) (will retry after 5s): \(e.message)\n")
                    later.append((p, ClientWait.now() + DrainEviction.retryAfterSeconds))
                } catch let e as APIError {
                    errors.append("error when evicting pods/\(strconvQuote(p.name)) -n \(strconvQuote(p.namespace)): \(e.message)")
                }
            }
            attempts = later
            if !waiting.isEmpty, ClientWait.now() >= nextPoll {
                try ClientWait.advance(server)
                var still: [Target] = []
                for p in waiting where try !gone(p, inv: inv, eviction: true) {
                    if ClientWait.now() >= deadline {
                        errors.append("error when waiting for pod \(strconvQuote(p.name)) in namespace \(strconvQuote(p.namespace)) to terminate: global timeout reached: \(timeoutText)")
                    } else {
                        still.append(p)
                    }
                }
                waiting = still
                nextPoll = ClientWait.now() + DrainEviction.pollSeconds
            }
            if attempts.isEmpty && waiting.isEmpty { break }
            let wake = (attempts.map(\.due) + (waiting.isEmpty ? [] : [nextPoll])).min() ?? ClientWait.now()
            ClientWait.sleep(until: wake)
        }
        return errors
    }

    // MARK: deletion

    /// `--disable-eviction`: every pod deleted, then all of them waited for together.
    private func delete(_ pods: [Target], inv: inout Invocation) throws -> [String] {
        for p in pods {
            do {
                try server.write { s in
                    guard let podType = s.registry.type(group: "", kind: "Pod") else { return }
                    _ = try s.delete(podType, namespace: p.namespace, name: p.name, dryRun: dryRun == .server)
                }
            } catch let e as APIError where e.code == 404 {
                continue
            } catch let e as APIError {
                return [e.message]
            }
        }
        if dryRun == .server {
            for p in pods { finished(p.name, false, inv) }
            return []
        }
        var waiting = pods
        while true {
            waiting = try waiting.filter { try !gone($0, inv: inv, eviction: false) }
            if waiting.isEmpty { return [] }
            if ClientWait.now() + DrainEviction.pollSeconds > deadline { return ["timed out waiting for the condition"] }
            ClientWait.sleep(until: ClientWait.now() + DrainEviction.pollSeconds)
            try ClientWait.advance(server)
        }
    }

    // MARK: checks

    /// Whether the pod is gone (then reported), or waited for no longer (`--skip-wait-for-delete-timeout`).
    /// Waiting lets the pod's kubelet stop it (`finishDeletion`), as time passes while drain waits.
    private func gone(_ p: Target, inv: Invocation, eviction: Bool) throws -> Bool {
        let within = timeout > 0 ? Int64(max(0, deadline - ClientWait.now()).rounded(.up)) : 7 * 24 * 3600
        let pod = try server.write { s -> JSONValue? in
            guard let podType = s.registry.type(group: "", kind: "Pod") else { return nil }
            _ = try s.finishDeletion(podType, namespace: p.namespace, name: p.name, uid: p.uid, withinSeconds: within)
            return try s.find(podType, namespace: p.namespace, name: p.name)
        }
        guard let pod, pod["metadata"]["uid"].string == p.uid else {
            finished(p.name, eviction, inv)
            return true
        }
        if skipWaitForDeleteTimeout > 0, let ts = pod["metadata"]["deletionTimestamp"].string,
           let deleted = Timestamp(rfc3339: ts), server.clock.now.seconds - deleted.seconds > Int64(skipWaitForDeleteTimeout)
        {
            inv.io.out.write("pod \(strconvQuote(p.name)) has DeletionTimestamp older than \(skipWaitForDeleteTimeout) seconds, skipping\n")
            return true
        }
        return false
    }

    /// kubectl's report of a node whose pods could not all be evicted.
    static func reportPending(_ errs: [String], node: String, targets: [Target], server: APIServer,
                              podType: ResourceType, inv: inout Invocation) throws {
        let joined = errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]"
        let left = try server.read { try $0.list(podType, namespace: nil) }.filter { p in
            p["spec"]["nodeName"].string == node
                && targets.contains { $0.name == p["metadata"]["name"].string && $0.namespace == p["metadata"]["namespace"].string }
        }
        if !left.isEmpty {
            inv.io.err.write("There are pending pods in node \(goQuoted(node)) when an error occurred: \(joined)\n")
            for p in left { inv.io.err.write("pod/\(p["metadata"]["name"].string ?? "")\n") }
        }
        inv.io.err.write("error: unable to drain node \(goQuoted(node)) due to error: \(joined), continuing command...\n")
    }
}
