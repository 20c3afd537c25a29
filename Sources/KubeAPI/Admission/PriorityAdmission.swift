import KubeModel
import KubeRegistry

/// The Priority admission plugin. On pod create: `spec.priority` and `spec.preemptionPolicy` from the
/// pod's PriorityClass (or the cluster's `globalDefault` class, or 0 and PreemptLowerPriority), a
/// class that does not exist or a priority that disagrees with it is Forbidden; on update the pod
/// keeps what it had. PriorityClasses: one `globalDefault` at most.
struct PriorityAdmission: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        switch (r.type.group, r.type.kind) {
        case ("", "Pod"): try pod(&r, s)
        case ("scheduling.k8s.io", "PriorityClass"): try priorityClass(r, s)
        default: return
        }
    }

    func pod(_ r: inout AdmissionRequest, _ s: APISession) throws {
        if r.operation == .update {
            for key in ["priority", "preemptionPolicy"] {
                if let old = r.old?["spec"][key], !old.isNull { r.object["spec"][key] = old } else { r.object.remove(["spec", key]) }
            }
            return
        }
        var priority: Int64 = 0
        var policy: String? = "PreemptLowerPriority"
        let className = r.object["spec"]["priorityClassName"].string ?? ""
        if className.isEmpty {
            if let pc = try Self.classes(s).first(where: { $0["globalDefault"].bool == true }) {
                r.object["spec"]["priorityClassName"] = pc["metadata"]["name"]
                priority = pc["value"].int ?? 0
                policy = pc["preemptionPolicy"].string
            }
        } else {
            guard let type = Self.classType(s), let pc = try s.find(type, namespace: "", name: className) else {
                throw forbidden(r, "no PriorityClass with name \(className) was found")
            }
            priority = pc["value"].int ?? 0
            policy = pc["preemptionPolicy"].string
        }
        if let given = r.object["spec"]["priority"].int, given != priority {
            throw forbidden(r, "the integer value of priority (\(given)) must not be provided in pod spec; priority admission controller computed \(priority) from the given PriorityClass name")
        }
        r.object["spec"]["priority"] = .int(priority)
        if let policy {
            if let given = r.object["spec"]["preemptionPolicy"].string, given != policy {
                throw forbidden(r, "the string value of PreemptionPolicy (\(given)) must not be provided in pod spec; priority admission controller computed \(policy) from the given PriorityClass name")
            }
            r.object["spec"]["preemptionPolicy"] = .string(policy)
        }
    }

    func priorityClass(_ r: AdmissionRequest, _ s: APISession) throws {
        guard r.object["globalDefault"].bool == true, r.old?["globalDefault"].bool != true else { return }
        if let other = try Self.classes(s).first(where: { $0["globalDefault"].bool == true && $0["metadata"]["name"] != r.object["metadata"]["name"] }) {
            throw forbidden(r, "PriorityClass \(other["metadata"]["name"].string ?? "") is marked as default. Only one default can exist")
        }
    }

    func forbidden(_ r: AdmissionRequest, _ detail: String) -> APIError {
        APIError(reason: .forbidden, message: "\(r.type.qualifiedPlural) \(strconvQuote(r.name)) is forbidden: \(detail)", code: 403)
    }

    static func classType(_ s: APISession) -> ResourceType? { s.registry.type(group: "scheduling.k8s.io", kind: "PriorityClass") }

    /// The PriorityClasses, read once per transaction (every pod created asks; a PriorityClass write
    /// or a rolled-back savepoint forgets them).
    static func classes(_ s: APISession) throws -> [JSONValue] {
        guard let type = classType(s) else { return [] }
        try s.authorize("list", type, namespace: nil)
        if let known = s.priorityClasses { return known }
        let classes = try s.list(type, namespace: nil)
        s.priorityClasses = classes
        return classes
    }
}

/// The StorageObjectInUseProtection admission plugin: every new claim gets the
/// `kubernetes.io/pvc-protection` finalizer, every new volume `kubernetes.io/pv-protection`.
/// (The store deletes objects at once; the finalizers are recorded as a cluster shows them.)
struct StorageProtection: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.operation == .create, r.type.group.isEmpty else { return }
        let finalizer: String
        switch r.type.kind {
        case "PersistentVolumeClaim": finalizer = "kubernetes.io/pvc-protection"
        case "PersistentVolume": finalizer = "kubernetes.io/pv-protection"
        default: return
        }
        var list = r.object["metadata"]["finalizers"].array ?? []
        guard !list.contains(.string(finalizer)) else { return }
        list.append(.string(finalizer))
        r.object["metadata"]["finalizers"] = .array(list)
    }
}
