import KubeModel
import KubeRegistry
import KubeStore

/// The fields of an object the store indexes (`object_fields`), so field selectors and controllers
/// find objects without reading every one: pods by node and phase (and, counted per node, the
/// pods that occupy a node), events by the name of the object they are about (since v7; by its uid
/// from v4 to v7, dropped in v8: the name picks out an object's few events as well, and each indexed
/// field costs every event two index entries). Store schema v4 and v7 backfill exactly these; a
/// change here needs a migration that backfills the new field.
enum FieldIndex {
    /// A counted field: the node of a pod that is not Succeeded or Failed ("" while unscheduled).
    /// Its counts are the scheduler's pods per node; its "" entries are the pods to schedule.
    static let activeNode = "#activeNode"

    static func fields(of obj: JSONValue, type: ResourceType) -> [IndexedField] {
        guard type.group.isEmpty else { return [] }
        switch type.plural {
        case "pods":
            let node = obj["spec"]["nodeName"].string ?? ""
            let phase = obj["status"]["phase"].string ?? ""
            var fields = [IndexedField("spec.nodeName", node), IndexedField("status.phase", phase)]
            if let active = activeNode(of: obj) { fields.append(IndexedField(activeNode, active)) }
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
