import KubeModel
import KubeRegistry
import KubeStore

/// A graceful delete, as the API server records one when a kubelet must stop the pod first: the pod
/// stays, `Terminating`, with `deletionTimestamp` (now plus the grace period) and
/// `deletionGracePeriodSeconds`, until its kubelet confirms (`ControllerManager.terminationDue`).
extension APISession {
    @discardableResult
    func markForDeletion(_ type: ResourceType, namespace: String, name: String, grace: Int64) throws -> JSONValue? {
        guard let oldRow = try tx.get(resource: type.storageKey, namespace: namespace, name: name) else { return nil }
        let old = try decode(oldRow)
        guard old["metadata"]["deletionTimestamp"].isNull else { return old }
        var obj = old
        obj["metadata"]["deletionTimestamp"] = .string(now.adding(seconds: grace).rfc3339)
        obj["metadata"]["deletionGracePeriodSeconds"] = .int(grace)
        obj = Normalize.metadataOrder(obj)
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        try tx.update(row(for: obj, type: type, resourceVersion: rv), expectedResourceVersion: oldRow.resourceVersion)
        try afterWrite(type: type, object: obj, old: old)
        return obj
    }
}
