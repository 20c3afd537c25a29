import KubeModel
import KubeRegistry

/// The API server's priority-and-fairness config controller as it shows in the store: every FlowSchema's
/// `Dangling` condition says whether the PriorityLevelConfiguration it names exists (False, `Found`) or not
/// (True, `NotFound`). The controller rewrites the condition whenever its status, reason or message would
/// change (a schema created or pointed elsewhere, its level created or deleted), with a new
/// lastTransitionTime, by a forced server-side apply of the status subresource as its own field manager.
extension ControllerManager {
    static let apfConsumer = "api-priority-and-fairness-config-consumer-v1"
    static let apfGroup = "flowcontrol.apiserver.k8s.io"

    /// The FlowSchema `name` gets the condition its priority level's existence calls for.
    func syncFlowSchemaDangling(name: String) throws {
        guard let fsType = s.registry.type(group: Self.apfGroup, kind: "FlowSchema"),
              let plType = s.registry.type(group: Self.apfGroup, kind: "PriorityLevelConfiguration"),
              let fs = try s.find(fsType, namespace: "", name: name) else { return }
        let level = fs["spec"]["priorityLevelConfiguration"]["name"].string ?? ""
        let found = try s.tx.resourceVersion(resource: plType.storageKey, namespace: "", name: level) != nil
        let quoted = strconvQuote(level)
        let want: (status: String, reason: String, message: String) = found
            ? ("False", "Found", "This FlowSchema references the PriorityLevelConfiguration object named \(quoted) and it exists")
            : ("True", "NotFound", "This FlowSchema references the PriorityLevelConfiguration object named \(quoted) but there is no such object")
        let current = (fs["status"]["conditions"].array ?? []).first { $0["type"].string == "Dangling" }
        if let current, current["status"].string == want.status, current["reason"].string == want.reason,
           current["message"].string == want.message { return }
        let condition: JSONValue = ["type": "Dangling", "status": .string(want.status),
                                    "lastTransitionTime": .string(now.rfc3339),
                                    "reason": .string(want.reason), "message": .string(want.message)]
        let config: JSONValue = ["apiVersion": .string(fsType.apiVersion), "kind": "FlowSchema",
                                 "metadata": ["name": .string(name)], "status": ["conditions": [condition]]]
        let saved = s.fieldManager
        s.fieldManager = FieldManagerContext(manager: Self.apfConsumer, subresource: "status")
        defer { s.fieldManager = saved }
        do {
            _ = try s.apply(config, type: fsType, namespace: "", force: true)
        } catch let e as APIError where e.reason == .notFound {
            // Deleted meanwhile: nothing to say about it.
        }
    }

    /// A priority level appeared or went: the schemas that name it look again.
    func syncFlowSchemasNaming(level: String) throws {
        guard let fsType = s.registry.type(group: Self.apfGroup, kind: "FlowSchema") else { return }
        for row in try s.tx.list(resource: fsType.storageKey, namespace: nil) {
            let fs = try s.decode(row)
            if fs["spec"]["priorityLevelConfiguration"]["name"].string == level {
                try syncFlowSchemaDangling(name: fs["metadata"]["name"].string ?? "")
            }
        }
    }
}
