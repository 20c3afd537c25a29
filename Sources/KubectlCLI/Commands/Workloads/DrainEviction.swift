#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubeRegistry

/// `drain`'s eviction loop (kubectl's drain helper): every pod is evicted through the Eviction
/// subresource (deleted with `--disable-eviction`); a pod its disruption budget protects (HTTP 429) is
/// retried every 5 s until `--timeout` (0 = no limit). Returns the errors of the pods not evicted.
enum DrainEviction {
    struct Target { var namespace: String; var name: String }

    static func run(_ pods: [Target], useEviction: Bool, timeout: Int64, inv: inout Invocation, server: APIServer,
                    dryRun: DryRun, evicted: (String, Bool, Invocation) -> Void) throws -> [String] {
        let start = monotonicNanoseconds()
        var remaining = pods
        var errors: [String] = []
        while !remaining.isEmpty {
            var retry: [Target] = []
            for p in remaining {
                // kubectl announces evictions only; with --disable-eviction it just reports `pod/x deleted`.
                if useEviction {
                    inv.io.out.write("evicting pod \(p.namespace)/\(p.name)\(dryRun == .server ? " (server dry run)" : "")\n")
                }
                if timeout > 0, monotonicNanoseconds() - start >= timeout {
                    errors.append("error when evicting pods/\(strconvQuote(p.name)) -n \(strconvQuote(p.namespace)): global timeout reached: \(GoDuration(nanoseconds: timeout))")
                    continue
                }
                do {
                    try server.write { s in
                        if useEviction {
                            try s.evict(namespace: p.namespace, name: p.name, dryRun: dryRun == .server)
                        } else if let podType = s.registry.type(group: "", kind: "Pod") {
                            _ = try s.delete(podType, namespace: p.namespace, name: p.name, dryRun: dryRun == .server)
                        }
                    }
                    evicted(p.name, useEviction, inv)
                } catch let e as APIError where e.code == 404 {
                    continue
                } catch let e as APIError where e.code == 429 {
                    inv.io.err.write("error when evicting pods/\(strconvQuote(p.name)) -n \(strconvQuote(p.namespace)) (will retry after 5s): \(e.message)\n")
                    retry.append(p)
                } catch let e as APIError {
                    errors.append("error when evicting pods/\(strconvQuote(p.name)) -n \(strconvQuote(p.namespace)): \(e.message)")
                }
            }
            remaining = retry
            if !remaining.isEmpty { sleep(5) }
        }
        return errors
    }

    /// kubectl's report of a node whose pods could not all be evicted.
    static func reportPending(_ errs: [String], node: String, targets: [Target], server: APIServer,
                              podType: ResourceType, inv: inout Invocation) throws {
        let joined = errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]"
        let left = try server.read { try $0.list(podType, namespace: nil) }.filter { p in
            p["spec"]["nodeName"].string == node
                && targets.contains { $0.name == p["metadata"]["name"].string && $0.namespace == p["metadata"]["namespace"].string }
        }
        inv.io.err.write("There are pending pods in node \(goQuoted(node)) when an error occurred: \(joined)\n")
        for p in left { inv.io.err.write("pod/\(p["metadata"]["name"].string ?? "")\n") }
        inv.io.err.write("error: unable to drain node \(goQuoted(node)) due to error: \(joined), continuing command...\n")
    }

    static func monotonicNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}
