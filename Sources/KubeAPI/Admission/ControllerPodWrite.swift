import KubeModel
import KubeRegistry

/// A controller's write of a pod that changes only what the scheduler and the kubelet write: the pod's
/// `status` and, when the pod had none, `spec.nodeName` (its binding). Its metadata and the rest of its
/// spec are the stored ones, byte for byte. For such a write the admission chain does nothing but record
/// the managed fields, so `AdmissionChain.admit` is not run:
/// - decoding, pruning, dropping disabled fields, warnings and the claim resize check are for clients;
///   LimitRanger, StorageProtection and ResourceQuota admit a pod's create only; the custom resource,
///   Service, Namespace and CSR steps are for other kinds;
/// - PriorityAdmission puts back the stored `priority` and `preemptionPolicy`: the ones the pod has;
/// - defaulting (`DecodeDefaults`, `Defaults.pod`) reads the spec, the mirror annotation and
///   `status.phase`: the stored spec is one it already left as it is (the stored pod was admitted, and
///   every admitted pod spec is such a spec), `nodeName` is read by none of it, and a missing phase is
///   defaulted here as `Defaults.pod` does;
/// - validation (`SpecValidation.validate`: the spec's required fields and its containers; metadata by
///   `Validation.objectMeta`) judges what the stored pod passed; status is not validated.
/// In debug builds every such write also runs the whole chain and checks that it gives the same object.
enum ControllerPodWrite {
    /// Whether `request` (an update of a pod by a controller) changes only status and the binding.
    static func changesOnlyStatus(_ request: AdmissionRequest, session: APISession) -> Bool {
        // (The client's subresource, `scale` or `ephemeralcontainers`, changes only client steps.)
        guard !request.fromClient, request.operation == .update, case .object = request.body,
              request.type.group.isEmpty, request.type.kind == "Pod", let old = request.old else { return false }
        let obj = request.object
        guard ClientSpecMemo.identical(obj["metadata"], old["metadata"]),
              ClientSpecMemo.identical(obj["apiVersion"], old["apiVersion"]),
              ClientSpecMemo.identical(obj["kind"], old["kind"]),
              let spec = obj["spec"].object, let oldSpec = old["spec"].object
        else { return false }
        let topKeys = obj.object?.keys ?? []
        guard topKeys.allSatisfy({ ["apiVersion", "kind", "metadata", "spec", "status"].contains($0) }),
              (old.object?.keys ?? []).allSatisfy({ ["apiVersion", "kind", "metadata", "spec", "status"].contains($0) })
        else { return false }
        return sameSpecBinding(spec, oldSpec)
    }

    /// The same spec, key by key in the same order, but for a `nodeName` the stored spec lacked (or
    /// had empty) and the new one sets; or the same spec outright.
    static func sameSpecBinding(_ spec: JSONObject, _ old: JSONObject) -> Bool {
        if spec.count == old.count, ClientSpecMemo.identical(.object(spec), .object(old)) { return true }
        let oldNode = old["nodeName"]
        guard oldNode == nil || oldNode?.string == "", let node = spec["nodeName"]?.string, !node.isEmpty else { return false }
        var a = spec.keys.indices.filter { spec.keys[$0] != "nodeName" }.makeIterator()
        var b = old.keys.indices.filter { old.keys[$0] != "nodeName" }.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return true
            case (let i?, let j?):
                guard ClientSpecMemo.sameBytes(spec.keys[i], old.keys[j]),
                      ClientSpecMemo.identical(spec.values[i], old.values[j]) else { return false }
            default: return false
            }
        }
    }

    /// The admission of such a write: `Defaults.pod`'s status default and the managed fields (of the
    /// object as defaulting left it: as it came).
    static func admit(_ request: inout AdmissionRequest, _ session: APISession) {
        let requested = request.object
        if request.object["status"]["phase"].isNull {
            request.object["status"]["phase"] = "Pending"
            request.object["status"]["qosClass"] = .string(Defaults.qosClass(request.object["spec"]))
        }
        session.recordManagedFields(&request.object, old: request.old, type: request.type, fromClient: false,
                                    requested: requested, statusWrite: true)
    }

    /// Debug builds: the whole chain (but the managed fields, which `admit` records as the chain does)
    /// gives what `admit` gives, and the metadata checks find nothing. A difference is recorded in the
    /// tests' `ControllerPodWrite.checks` when they set it, and stops the program otherwise.
    static func check(_ request: AdmissionRequest, _ session: APISession) {
        var problems: [String] = []
        var full = request
        let causes = Validation.objectMeta(full.object, type: full.type, old: full.old)
        if !causes.isEmpty { problems.append("metadata causes: \(causes)") }
        do {
            try AdmissionChain.run(AdmissionChain.defaulting, &full, session)
            if !ClientSpecMemo.identical(full.object, request.object) {
                problems.append("defaulting: " + full.object.jsonString(.compactOrdered))
            }
            try AdmissionChain.run(AdmissionChain.mutating, &full, session)
            try AdmissionChain.run(AdmissionChain.validation, &full, session)
            try AdmissionChain.run(AdmissionChain.validating, &full, session)
        } catch {
            problems.append("refused: \(error)")
        }
        var fast = request.object
        if fast["status"]["phase"].isNull {
            fast["status"]["phase"] = "Pending"
            fast["status"]["qosClass"] = .string(Defaults.qosClass(fast["spec"]))
        }
        if full.emptyCollectionsKept || !ClientSpecMemo.identical(full.object, fast) {
            problems.append("admitted: " + full.object.jsonString(.compactOrdered) + "\nfast: " + fast.jsonString(.compactOrdered))
        }
        if let checks { checks.record(problems) } else { assert(problems.isEmpty, "ControllerPodWrite: \(problems)") }
    }

    /// Set by tests: each status write is counted, and what the whole chain gives differently is kept.
    @TaskLocal static var checks: ControllerPodWriteChecks?
}

/// Tests' record of `ControllerPodWrite.check`.
final class ControllerPodWriteChecks: @unchecked Sendable {
    private(set) var writes = 0
    private(set) var problems: [String] = []

    func record(_ found: [String]) {
        writes += 1
        problems += found
    }
}
