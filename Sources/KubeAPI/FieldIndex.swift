import KubeModel
import KubeRegistry
import KubeStore

/// The fields of an object the store indexes (`object_fields`), so field selectors and controllers
/// find objects without reading every one: pods by node and phase (and, counted per node, the
/// pods that occupy a node), events by the name of the object they are about (since v7; by its uid
/// from v4 to v7, dropped in v8: the name picks out an object's few events as well, and each indexed
/// field costs every event two index entries). Store schema v4 and v7 backfill exactly these; a
/// change here needs a migration that backfills the new field.
/// One exception: `#schedClass` is written from this version on without a backfill; its one user (the
/// scheduler) checks that every pending pod has it (its counts add up to the pending pods') and reads
/// every pending pod otherwise.
enum FieldIndex {
    /// A counted field: the node of a pod that is not Succeeded or Failed ("" while unscheduled).
    /// Its counts are the scheduler's pods per node; its "" entries are the pods to schedule.
    static let activeNode = "#activeNode"
    /// A counted field of pending pods (unscheduled, not terminated): their scheduling class, a hash of
    /// everything the scheduler's answer depends on besides the cluster (`schedulingClass(of:)`), with
    /// the answer they show. Pods of one class get the same answer: after a node changes, the scheduler
    /// asks one pod per class instead of every pending pod.
    static let schedulingClass = "#schedClass"

    static func fields(of obj: JSONValue, type: ResourceType) -> [IndexedField] {
        guard type.group.isEmpty else { return [] }
        switch type.plural {
        case "pods":
            let node = obj["spec"]["nodeName"].string ?? ""
            let phase = obj["status"]["phase"].string ?? ""
            var fields = [IndexedField("spec.nodeName", node), IndexedField("status.phase", phase)]
            if let active = activeNode(of: obj) {
                fields.append(IndexedField(activeNode, active))
                if active.isEmpty { fields.append(IndexedField(schedulingClass, schedulingClass(of: obj))) }
            }
            return fields
        case "events":
            return [IndexedField("involvedObject.name", obj["involvedObject"]["name"].string ?? "")]
        default:
            return []
        }
    }

    /// The store schema version whose migration backfilled `field` (an older store read as it is by a
    /// read-only user has no entries for it).
    static func schemaVersion(of field: String) -> Int32 {
        field == "involvedObject.name" ? 7 : 4
    }

    /// The node a pod occupies ("" when unscheduled), or nil once it has terminated.
    static func activeNode(of pod: JSONValue) -> String? {
        let phase = pod["status"]["phase"].string
        if phase == "Succeeded" || phase == "Failed" { return nil }
        return pod["spec"]["nodeName"].string ?? ""
    }

    /// What the scheduler's answer for a pending pod depends on besides the nodes, their pod counts and
    /// the claims it names (`ControllerManager.schedulingDecision`: scheduler name, node selector,
    /// affinity, tolerations, claims, being deleted), and the answer the pod shows (its PodScheduled
    /// message), hashed (FNV-64a). A new scheduling input must be added here.
    static func schedulingClass(of pod: JSONValue) -> String {
        let spec = pod["spec"]
        let podName = pod["metadata"]["name"].string ?? ""
        var claims = (spec["volumes"].array ?? []).compactMap { $0["persistentVolumeClaim"]["claimName"].string }
        // A generic ephemeral volume's claim is the pod's own (named after it, checked against its uid).
        for v in spec["volumes"].array ?? [] where v["ephemeral"].object != nil {
            claims.append(EphemeralVolumes.claimName(pod: podName, volume: v["name"].string ?? "") + "#" + (pod["metadata"]["uid"].string ?? ""))
        }
        let message = (pod["status"]["conditions"].array ?? []).first { $0["type"].string == "PodScheduled" }?["message"] ?? .null
        let inputs: JSONValue = [
            spec["schedulerName"], spec["nodeSelector"], spec["affinity"], spec["tolerations"],
            claims.isEmpty ? .null : .array([pod["metadata"]["namespace"]] + claims.map { .string($0) }),
            .bool(!pod["metadata"]["deletionTimestamp"].isNull), message,
        ]
        return String(fnv64a(inputs.compactJSON), radix: 16)
    }

    /// Whether the store can answer a field-selector term on `field` for `type` from the index.
    static func indexes(_ field: String, type: ResourceType) -> Bool {
        guard type.group.isEmpty else { return false }
        switch type.plural {
        case "pods": return field == "spec.nodeName" || field == "status.phase"
        case "events": return field == "involvedObject.name"
        default: return false
        }
    }
}
