#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubeRegistry

/// How kubectl's scaler changes replicas.
///
/// Without preconditions it sends a merge patch of `spec.replicas`: the API server applies it to the
/// object as it is at that moment, so scales from concurrent shells never conflict (here: read and write
/// in one store transaction). With `--current-replicas` or `--resource-version` it reads the scale,
/// checks the preconditions and updates with the resourceVersion it read; a Conflict (another writer in
/// between) is retried every second for up to five minutes (kubectl's `RetryParams(1s, 5m)`), each
/// retry reading and checking again.
struct ScalePreconditions {
    var replicas: Int          // -1: none
    var resourceVersion: String

    struct Failed: Error { var message: String }

    static let retryInterval: UInt32 = 1_000_000     // microseconds
    static let retryTimeoutSeconds: Int64 = 300

    var isEmpty: Bool { replicas == -1 && resourceVersion.isEmpty }

    /// kubectl's PreconditionError: `Expected replicas to be 3, was 2`.
    func check(_ object: JSONValue, scale: ScaleSubresource) throws {
        let have = object.at(scale.specReplicasPath).int ?? 1
        if replicas != -1 && Int64(replicas) != have {
            throw Failed(message: "Expected replicas to be \(replicas), was \(have)")
        }
        let rv = object["metadata"]["resourceVersion"].string ?? ""
        if !resourceVersion.isEmpty && rv != resourceVersion {
            throw Failed(message: "Expected resource version to be \(resourceVersion), was \(rv)")
        }
    }

    /// Scales the stored object and returns it as stored.
    func scale(_ target: JSONValue, type: ResourceType, to count: Int, scale: ScaleSubresource,
               server: APIServer, dryRun: Bool) throws -> JSONValue {
        let name = target["metadata"]["name"].string ?? ""
        let namespace = target["metadata"]["namespace"].string ?? ""
        if isEmpty {
            return try server.write { s in
                var fresh = try s.get(type, namespace: namespace, name: name)
                fresh.set(scale.specReplicasPath, .int(Int64(count)))
                fresh["metadata"]["resourceVersion"] = nil
                return try s.update(fresh, type: type, dryRun: dryRun, verb: "patch", subresource: "scale")
            }
        }
        let deadline = monotonicSeconds() + ScalePreconditions.retryTimeoutSeconds
        while true {
            var current = try server.read { try $0.get(type, namespace: namespace, name: name) }
            try check(current, scale: scale)
            current.set(scale.specReplicasPath, .int(Int64(count)))
            do {
                return try server.write { try $0.update(current, type: type, dryRun: dryRun, verb: "update", subresource: "scale") }
            } catch let e as APIError where e.reason == .conflict {
                guard monotonicSeconds() < deadline else { throw Failed(message: "timed out waiting for the condition") }
                usleep(ScalePreconditions.retryInterval)
            }
        }
    }
}

/// Seconds of the monotonic clock (waits are measured in real time, whatever KUBECTL_LOCAL_NOW says).
func monotonicSeconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec)
}
