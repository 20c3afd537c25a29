import KubeModel
import KubeRegistry
import KubeStore

/// A graceful delete, as the API server records one when a kubelet must stop the pod first: the pod
/// stays, `Terminating`, with `deletionTimestamp` (now plus the grace period) and
/// `deletionGracePeriodSeconds`, until its kubelet has stopped the containers and deletes it for good
/// (grace 0: `ControllerManager.kubeletStopDue`).
extension APISession {
    @discardableResult
    func markForDeletion(_ type: ResourceType, namespace: String, name: String, grace: Int64) throws -> JSONValue? {
        guard let oldRow = try tx.get(resource: type.storageKey, namespace: namespace, name: name) else { return nil }
        let old = try decode(oldRow)
        guard old["metadata"]["deletionTimestamp"].isNull else { return old }
        return try setDeletion(type, old, stored: oldRow, at: now.adding(seconds: Self.goSeconds(grace)), grace: grace)
    }

    /// `row(for:type:resourceVersion:)` of a state of a pod's graceful deletion: its text copies the
    /// parts unchanged since the state before (`JSONTextMemo`; the first state, since the stored text),
    /// the same bytes as written anew.
    /// A state whose row inputs are those of the state before (the grace-0 record after the kubelet's
    /// stopped status: only the deletion timestamp's value, the grace period and the resource version
    /// move) takes that state's cells, labels, owners and fields instead of computing them again.
    func deletionRow(for obj: JSONValue, type: ResourceType, resourceVersion: Int64) -> ObjectRow {
        let data = deletionText.compactOrdered(obj, key: deletionKey(type, obj))
        var out: ObjectRow
        if let last = lastDeletionRow, last.row.resource == type.storageKey, type.group.isEmpty, type.kind == "Pod",
           Self.samePodRowInputs(last.object, obj) {
            out = last.row
            out.resourceVersion = resourceVersion
            out.data = data
            assert(out == row(for: obj, type: type, resourceVersion: resourceVersion, data: data))
        } else {
            out = row(for: obj, type: type, resourceVersion: resourceVersion, data: data)
        }
        lastDeletionRow = (obj, out)
        return out
    }

    /// Whether two states of a pod give the same row apart from data and resource version: what the
    /// row reads of them is the same. The pod's cells (`PodColumns.row`) and indexed fields
    /// (`FieldIndex.fields`, the scheduling class among them) read spec, status, and of the metadata
    /// the name, namespace, uid, creationTimestamp and whether deletionTimestamp is set; the row also
    /// keeps the labels and owners. spec, status, labels and ownerReferences must be the same storage
    /// (`sharesStorage`: the same value with keys in the same order), the rest equal; a deletion
    /// timestamp set in both (its value is in no cell or field).
    static func samePodRowInputs(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let am = a["metadata"], bm = b["metadata"]
        guard a["spec"].sharesStorage(with: b["spec"]), a["status"].sharesStorage(with: b["status"]),
              am["labels"].sharesStorage(with: bm["labels"]),
              am["ownerReferences"].sharesStorage(with: bm["ownerReferences"]) else { return false }
        for key in ["name", "namespace", "uid", "creationTimestamp"] where am[key] != bm[key] { return false }
        return am["deletionTimestamp"].string != nil && bm["deletionTimestamp"].string != nil
    }

    private func deletionKey(_ type: ResourceType, _ obj: JSONValue) -> String {
        let meta = obj["metadata"]
        return type.storageKey + "\u{1}" + (meta["namespace"].string ?? "") + "\u{1}" + (meta["name"].string ?? "")
    }

    /// `time.Second * time.Duration(seconds)` as Go computes it, in whole seconds (rounded down): int64
    /// nanoseconds that wrap on overflow. The API server places `deletionTimestamp` with it (rest.BeforeDelete)
    /// and the container runtime takes its stop timeout so (containerd's StopContainer): a grace period of
    /// 2^63-1 s is -1 s. Within ±292 years it is the number itself.
    static func goSeconds(_ seconds: Int64) -> Int64 {
        let nanos = seconds &* 1_000_000_000
        let whole = nanos / 1_000_000_000
        return nanos % 1_000_000_000 < 0 ? whole - 1 : whole
    }

    /// `layout`: the stored text's, noted when it was parsed into `old` (else the text is scanned).
    private func setDeletion(_ type: ResourceType, _ old: JSONValue, stored: ObjectRow, layout: JSONTextLayout? = nil,
                             at: Timestamp, grace: Int64) throws -> JSONValue {
        // The stored text serves as the last one written: its unchanged parts are copied (`deletionRow`).
        if !stored.data.isEmpty { deletionText.seed(old, text: stored.data, layout: layout, key: deletionKey(type, old)) }
        var obj = old
        obj["metadata"]["deletionTimestamp"] = .string(at.rfc3339)
        obj["metadata"]["deletionGracePeriodSeconds"] = .int(grace)
        obj = Normalize.metadataOrder(obj)
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        let written = deletionRow(for: obj, type: type, resourceVersion: rv)
        // Deferred: when its kubelet stops and removes the pod within this request (the client waits),
        // the Terminating state is only logged (a watch sees it) and the row is never rewritten; any
        // read of the store before that, or the end of the request, writes it.
        try tx.update(written, expectedResourceVersion: stored.resourceVersion, deferred: true)
        // Its kubelet reads it next (and deletes it, when the client waits): from memory. The pod as read
        // (`decode`, or remembered so), with strings and integers set: it reads back as it is.
        remember(obj, row: written, readBack: true)
        try afterWrite(type: type, object: obj, old: old)
        return obj
    }

    /// The grace period the pod strategy gives a delete (`CheckGracefulDelete`): the request's, else the
    /// pod's `terminationGracePeriodSeconds` (30 by default); 0 for a pod no node runs (unscheduled) or
    /// one that has finished; a negative request means 1.
    static func podGracePeriod(_ pod: JSONValue, requested: Int64?) -> Int64 {
        var period = requested ?? pod["spec"]["terminationGracePeriodSeconds"].int ?? 30
        if (pod["spec"]["nodeName"].string ?? "").isEmpty { period = 0 }
        if ["Succeeded", "Failed"].contains(pod["status"]["phase"].string ?? "") { period = 0 }
        return period < 0 ? 1 : period
    }

    /// A delete of a pod as the API server's graceful deletion handles it (`rest.BeforeDelete`): a pod
    /// with a grace period is marked and stays; a pod already marked may only have its grace period
    /// shortened. Returns the pod as it stays, or nil when the delete goes on at once (grace 0, or a
    /// deletion already at grace 0), finalizers permitting.
    /// `layout`: the stored text's, noted when it was parsed into `pod` (`JSON.parseWithLayout`).
    func deletePodGracefully(_ type: ResourceType, _ pod: JSONValue, stored: ObjectRow, layout: JSONTextLayout?,
                             requested: Int64?) throws -> JSONValue? {
        guard let at = pod["metadata"]["deletionTimestamp"].string.flatMap(Timestamp.init(rfc3339:)) else {
            let period = Self.podGracePeriod(pod, requested: requested)
            if period == 0 { return nil }
            return try setDeletion(type, pod, stored: stored, layout: layout, at: now.adding(seconds: Self.goSeconds(period)), grace: period)
        }
        guard let grace = pod["metadata"]["deletionGracePeriodSeconds"].int, grace > 0 else { return nil }
        // Only a shorter grace period changes a pending deletion.
        guard let requested, max(0, requested) < grace else { return pod }
        let shorter = max(0, requested)
        let when = at.adding(seconds: -Self.goSeconds(grace)).adding(seconds: Self.goSeconds(shorter))
        if shorter == 0 && Self.finalizers(pod).isEmpty { return nil }
        return try setDeletion(type, pod, stored: stored, layout: layout, at: when, grace: shorter)
    }
}

extension APISession {
    /// A pod deleted with grace 0 (forced, unscheduled, finished, or a pending deletion cut short) is
    /// first recorded as deleted at once, `deletionGracePeriodSeconds: 0` with the deletion timestamp of
    /// the request, and then removed: watchers see both changes (a force delete shows the pod
    /// Terminating twice). Only logged: nothing reads the pod in between. A pod already at grace 0 goes
    /// as it is. Returns the pod as removed and the logged state for `StoreTransaction.delete`.
    func recordGraceZero(_ type: ResourceType, _ pod: JSONValue) throws -> (JSONValue, (row: ObjectRow, encoded: [UInt8]?)?) {
        var obj = pod
        if let at = pod["metadata"]["deletionTimestamp"].string.flatMap(Timestamp.init(rfc3339:)) {
            guard let grace = pod["metadata"]["deletionGracePeriodSeconds"].int, grace > 0 else { return (pod, nil) }
            obj["metadata"]["deletionTimestamp"] = .string(at.adding(seconds: -Self.goSeconds(grace)).rfc3339)
        } else {
            obj["metadata"]["deletionTimestamp"] = .string(now.rfc3339)
        }
        obj["metadata"]["deletionGracePeriodSeconds"] = 0
        obj = Normalize.metadataOrder(obj)
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        let last = deletionRow(for: obj, type: type, resourceVersion: rv)
        return (obj, (last, try tx.logPassingState(last)))
    }

    /// The end of a graceful pod deletion that no finalizer holds, as a kubelet and the API server make
    /// it: the kubelet writes the stopped containers and terminal phase (`stopped`: the pod as stored,
    /// `old`, with that status), then deletes the pod with grace 0, which the API server records (the
    /// deletion timestamp moved back to the request, `deletionGracePeriodSeconds: 0`) before it removes
    /// the pod. A watch sees the three changes; nothing else reads the pod between them, so the two
    /// states are only logged (`logPassingState`) and the row is deleted once. Returns the pod as removed.
    @discardableResult
    func removeStoppedPod(_ type: ResourceType, stopped: JSONValue, old: JSONValue) throws -> JSONValue {
        let ns = old["metadata"]["namespace"].string ?? "", name = old["metadata"]["name"].string ?? ""
        guard let storedVersion = try tx.resourceVersion(resource: type.storageKey, namespace: ns, name: name) else { return old }
        writeDepth += 1
        defer { writeDepth -= 1 }
        var obj = stopped
        if obj != old {
            let rv = try tx.nextResourceVersion()
            obj["metadata"]["resourceVersion"] = .string(String(rv))
            try tx.logPassingState(deletionRow(for: obj, type: type, resourceVersion: rv))
        }
        let (gone, lastState) = try recordGraceZero(type, obj)
        obj = gone
        try tx.delete(resource: type.storageKey, namespace: ns, name: name, expectedResourceVersion: storedVersion,
                      lastState: lastState)
        try deleteDependents(of: obj["metadata"]["uid"].string ?? "")
        // The hooks (quota usage, the scheduler's node counts, controllers) knew the pod as stored: the
        // states in between were only logged, so they see that one go.
        try afterDelete(type: type, object: old)
        try terminatingObjectGone(type, obj)
        try foregroundOwnersMayGo(obj["metadata"]["ownerReferences"].array ?? [])
        return obj
    }
}
