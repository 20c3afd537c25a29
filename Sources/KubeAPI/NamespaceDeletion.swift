import KubeModel
import KubeRegistry
import KubeStore

/// Deleting a namespace, as the API server and the namespace controller do it: the namespace goes
/// `Terminating` (`deletionTimestamp`, `status.phase`), its content is deleted as any server-made delete
/// (objects with finalizers stay, Terminating), and the namespace itself goes once nothing is left in it.
/// While something is left, its status carries the controller's five deletion conditions, naming what
/// remains and which finalizers hold it; the last object to go takes the namespace with it.
extension APISession {
    static let namespaceConditionTypes = [
        "NamespaceDeletionDiscoveryFailure", "NamespaceDeletionGroupVersionParsingFailure",
        "NamespaceDeletionContentFailure", "NamespaceContentRemaining", "NamespaceFinalizersRemaining",
    ]
    /// The conditions' values when nothing failed and nothing remains (reason, message).
    static let namespaceConditionOK: [String: (String, String)] = [
        "NamespaceDeletionDiscoveryFailure": ("ResourcesDiscovered", "All resources successfully discovered"),
        "NamespaceDeletionGroupVersionParsingFailure": ("ParsedGroupVersions", "All legacy kube types successfully parsed"),
        "NamespaceDeletionContentFailure": ("ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
        "NamespaceContentRemaining": ("ContentRemoved", "All content successfully removed"),
        "NamespaceFinalizersRemaining": ("ContentRemoved", "All content successfully removed"),
    ]

    /// A delete of a namespace: marks it Terminating, deletes what it holds, and deletes it when empty.
    /// Returns the namespace as it is after the request (deleted, or Terminating).
    func deleteNamespace(_ type: ResourceType, _ obj: JSONValue, stored row: ObjectRow) throws -> JSONValue {
        let name = obj["metadata"]["name"].string ?? ""
        var ns = obj
        if ns["metadata"]["deletionTimestamp"].isNull {
            ns["metadata"]["deletionTimestamp"] = .string(now.rfc3339)
            ns["metadata"]["deletionGracePeriodSeconds"] = 0
            ns["status"]["phase"] = "Terminating"
            ns = try writeDirectly(Normalize.metadataOrder(ns), type: type, old: obj, expected: row.resourceVersion)
        }
        try deleteNamespaceContents(name)
        return try finishNamespace(name) ?? ns
    }

    /// The namespace controller's pass over a Terminating namespace: deletes it when nothing is left in
    /// it (and no finalizer of its own holds it), otherwise records what remains. Returns the deleted
    /// namespace, nil when it stays.
    @discardableResult
    func finishNamespace(_ name: String) throws -> JSONValue? {
        // `storedRow`: the namespace this transaction read already is confirmed by its resource version,
        // not read and expanded again (every pod of a namespace that goes asks).
        guard let nsType = namespaceType,
              let (row, ns) = try storedRow(nsType, namespace: "", name: name) else { return nil }
        guard !ns["metadata"]["deletionTimestamp"].isNull else { return nil }
        var remaining: [String: Int] = [:], finalizers: [String: Int] = [:]
        for type in registry.types where type.namespaced {
            let rows = try tx.listSummaries(resource: type.storageKey, namespace: name)
            guard !rows.isEmpty else { continue }
            remaining["\(type.plural).\(type.group)", default: 0] += rows.count
            for summary in rows {
                guard let full = try tx.get(resource: type.storageKey, namespace: name, name: summary.name) else { continue }
                for f in Self.finalizers(try decode(full)).compactMap(\.string) { finalizers[f, default: 0] += 1 }
            }
        }
        if remaining.isEmpty {
            var done = ns
            // The controller removes its own finalizer only; another one in `spec.finalizers` keeps the
            // namespace Terminating (with the conditions of a pass that found nothing) until it is removed.
            let others = (ns["spec"]["finalizers"].array ?? []).filter { $0 != .string(NamespaceStrategy.kubernetes) }
            if others.isEmpty {
                done["spec"]["finalizers"] = .null
                done.remove(["spec", "finalizers"])
            } else {
                done["spec"]["finalizers"] = .array(others)
                done["status"]["conditions"] = .array(namespaceConditions(old: ns["status"]["conditions"].array ?? [],
                                                                          remaining: [:], finalizers: [:]))
                if done != ns { _ = try writeDirectly(done, type: nsType, old: ns, expected: row.resourceVersion) }
                return nil
            }
            if !Self.finalizers(done).isEmpty {
                if done != ns { _ = try writeDirectly(done, type: nsType, old: ns, expected: row.resourceVersion) }
                return nil
            }
            try tx.delete(resource: nsType.storageKey, namespace: "", name: name)
            try afterDelete(type: nsType, object: ns)
            return ns
        }
        var updated = ns
        updated["status"]["conditions"] = .array(namespaceConditions(old: ns["status"]["conditions"].array ?? [],
                                                                     remaining: remaining, finalizers: finalizers))
        if updated != ns { _ = try writeDirectly(updated, type: nsType, old: ns, expected: row.resourceVersion) }
        return nil
    }

    /// The five conditions, keeping each one's transition time while its status holds.
    func namespaceConditions(old: [JSONValue], remaining: [String: Int], finalizers: [String: Int]) -> [JSONValue] {
        var failing: [String: (String, String)] = [:]
        let resources = remaining.map { "\($0.key) has \($0.value) resource instances" }.sorted(by: goStringLess)
        if !resources.isEmpty {
            failing["NamespaceContentRemaining"] = ("SomeResourcesRemain", "Some resources are remaining: " + resources.joined(separator: ", "))
        }
        let held = finalizers.map { "\($0.key) in \($0.value) resource instances" }.sorted(by: goStringLess)
        if !held.isEmpty {
            failing["NamespaceFinalizersRemaining"] = ("SomeFinalizerRemain", "Some finalizers are remaining: " + held.joined(separator: ", "))
        }
        var out = old
        for t in Self.namespaceConditionTypes {
            let status = failing[t] == nil ? "False" : "True"
            let (reason, message) = failing[t] ?? Self.namespaceConditionOK[t]!
            if let i = out.firstIndex(where: { $0["type"].string == t }) {
                if out[i]["status"].string != status { out[i]["lastTransitionTime"] = .string(now.rfc3339) }
                out[i]["status"] = .string(status)
                out[i]["reason"] = .string(reason)
                out[i]["message"] = .string(message)
            } else {
                out.append(["type": .string(t), "status": .string(status), "lastTransitionTime": .string(now.rfc3339),
                            "reason": .string(reason), "message": .string(message)])
            }
        }
        return out
    }

    /// An object that was Terminating went: its namespace, if Terminating too, may go now.
    func terminatingObjectGone(_ type: ResourceType, _ obj: JSONValue) throws {
        guard type.namespaced, !obj["metadata"]["deletionTimestamp"].isNull,
              let ns = obj["metadata"]["namespace"].string else { return }
        try finishNamespace(ns)
    }

    /// Stores a server-side change of an object's metadata or status (no admission: the API server's
    /// own bookkeeping), with the hooks every write runs.
    func writeDirectly(_ object: JSONValue, type: ResourceType, old: JSONValue, expected: Int64) throws -> JSONValue {
        var obj = object
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        try tx.update(row(for: obj, type: type, resourceVersion: rv), expectedResourceVersion: expected)
        try afterWrite(type: type, object: obj, old: old)
        return obj
    }
}
