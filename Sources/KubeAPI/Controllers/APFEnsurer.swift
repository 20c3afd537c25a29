import KubeModel
import KubeRegistry
import KubeStore

/// The API server's priority-and-fairness bootstrap ensurer (its `priority-and-fairness-config-producer`
/// post-start hook): at start and then every minute it recreates any bootstrap FlowSchema or
/// PriorityLevelConfiguration that is missing, puts back the spec of the mandatory ones (`exempt`,
/// `catch-all`; the exempt level may keep its own shares and lendable percent) and of the suggested ones
/// whose `apf.kubernetes.io/autoupdate-spec` annotation is true (missing or unreadable: true while the
/// object is at generation 1), writes the annotation when it does not say what was decided, and deletes
/// the objects outside the bootstrap set annotated true. Order: suggested levels, suggested schemas,
/// mandatory levels, mandatory schemas, then removals (schemas, levels). Its writes are made as
/// `api-priority-and-fairness-config-producer-v1`.
/// The store runs it at the first minute tick (counted from the API server's start, the `default`
/// namespace's creation) after someone else changed a schema or level: a tick with nothing changed
/// since would find nothing to do, so no tick is kept while nothing changes.
extension ControllerManager {
    static let apfEnsureTimer = "apfensure"
    static let apfEnsurePeriod: Int64 = 60

    /// The suggested objects in the order the ensurer walks them.
    static let suggestedLevels = ["system", "node-high", "leader-election", "workload-high", "workload-low", "global-default"]
    static let suggestedSchemas = ["system-nodes", "system-node-high", "probes", "system-leader-election", "workload-leader-election",
                                   "endpoint-controller", "kube-controller-manager", "kube-scheduler",
                                   "kube-system-service-accounts", "service-accounts", "global-default"]
    static let mandatoryNames = ["exempt", "catch-all"]

    /// A FlowSchema or priority level was written or deleted: unless the ensurer or the config consumer
    /// did it (or the seed), the ensurer's next tick is due.
    func apfConfigurationChanged() throws {
        let manager = s.fieldManager.manager
        guard !muteEvents, manager != FlowControlBootstrap.manager, manager != Self.apfConsumer,
              let fsType = s.registry.type(group: Self.apfGroup, kind: "FlowSchema") else { return }
        let id = Timers.objectID(Self.apfEnsureTimer, fsType.storageKey, "", "")
        if try Timers.scheduled(s.tx, id: id) != nil { return }
        let start = try apiServerStart()
        let elapsed = now.seconds - start
        let ticks = elapsed >= 0 ? elapsed / Self.apfEnsurePeriod + 1 : 0
        try Timers.set(s.tx, id: id, due: start + ticks * Self.apfEnsurePeriod)
    }

    /// When the API server started: when it made the `default` namespace.
    func apiServerStart() throws -> Int64 {
        let created = try s.find(nsType, namespace: "", name: "default")?["metadata"]["creationTimestamp"].string
        return created.flatMap(Timestamp.init(rfc3339:))?.seconds ?? now.seconds
    }

    func ensureAPFConfiguration() throws {
        guard let fsType = s.registry.type(group: Self.apfGroup, kind: "FlowSchema"),
              let plType = s.registry.type(group: Self.apfGroup, kind: "PriorityLevelConfiguration") else { return }
        let saved = (s.fieldManager, s.componentClient)
        s.fieldManager = FieldManagerContext(manager: FlowControlBootstrap.manager)
        s.componentClient = true
        defer { (s.fieldManager, s.componentClient) = saved }
        var levels: [String: JSONValue] = [:], schemas: [String: JSONValue] = [:]
        for pl in FlowControlBootstrap.priorityLevels() { levels[pl["metadata"]["name"].string ?? ""] = pl }
        for fs in FlowControlBootstrap.flowSchemas(now: now) { schemas[fs["metadata"]["name"].string ?? ""] = fs }
        for name in Self.suggestedLevels { try ensureBootstrap(levels[name], type: plType, mandatory: false) }
        for name in Self.suggestedSchemas { try ensureBootstrap(schemas[name], type: fsType, mandatory: false) }
        for name in Self.mandatoryNames { try ensureBootstrap(levels[name], type: plType, mandatory: true) }
        for name in Self.mandatoryNames { try ensureBootstrap(schemas[name], type: fsType, mandatory: true) }
        try removeUnwantedAPF(fsType, wanted: Set(schemas.keys))
        try removeUnwantedAPF(plType, wanted: Set(levels.keys))
    }

    /// Creates the bootstrap object when missing, or revises it as its strategy says.
    private func ensureBootstrap(_ bootstrap: JSONValue?, type: ResourceType, mandatory: Bool) throws {
        guard var boot = bootstrap, let name = boot["metadata"]["name"].string else { return }
        boot.remove(["status"])
        guard let current = try s.find(type, namespace: "", name: name) else {
            _ = try s.create(boot, type: type, namespace: "")
            return
        }
        let annotation = current["metadata"]["annotations"][FlowControlBootstrap.autoUpdate].string
        let said = annotation.flatMap(goParseBool)
        let autoUpdateSpec = mandatory || (said ?? (current["metadata"]["generation"].int == 1))
        let updateAnnotation = said != autoUpdateSpec
        let specChanged = autoUpdateSpec && !Self.specEqualish(expected: boot, actual: current, type: type)
        guard updateAnnotation || specChanged else { return }
        var revised = current
        if specChanged { revised["spec"] = boot["spec"] }
        if updateAnnotation { revised["metadata"]["annotations"][FlowControlBootstrap.autoUpdate] = .string(autoUpdateSpec ? "true" : "false") }
        do { _ = try s.update(revised, type: type) } catch let e as APIError where e.reason == .conflict || e.reason == .notFound {
            // Changed or deleted meanwhile: the next tick looks again.
        }
    }

    /// Whether the stored spec is the bootstrap one (the exempt level's shares and lendable percent are
    /// the operator's to set).
    static func specEqualish(expected: JSONValue, actual: JSONValue, type: ResourceType) -> Bool {
        var want = expected["spec"]
        if type.kind == "PriorityLevelConfiguration", expected["metadata"]["name"].string == "exempt" {
            let exempt = actual["spec"]["exempt"]
            guard case .object = exempt else { return false }
            want["exempt"]["nominalConcurrencyShares"] = exempt["nominalConcurrencyShares"]
            want["exempt"]["lendablePercent"] = exempt["lendablePercent"]
            if exempt["nominalConcurrencyShares"].isNull { want["exempt"].remove(["nominalConcurrencyShares"]) }
            if exempt["lendablePercent"].isNull { want["exempt"].remove(["lendablePercent"]) }
        }
        return want == actual["spec"]
    }

    /// Deletes the objects of `type` outside the bootstrap set whose autoupdate annotation is true.
    private func removeUnwantedAPF(_ type: ResourceType, wanted: Set<String>) throws {
        var unwanted: [String] = []
        for row in try s.tx.list(resource: type.storageKey, namespace: nil) where !wanted.contains(row.name) {
            let obj = try s.decode(row)
            if obj["metadata"]["annotations"][FlowControlBootstrap.autoUpdate].string.flatMap(goParseBool) == true { unwanted.append(row.name) }
        }
        for name in unwanted {
            do { _ = try s.delete(type, namespace: "", name: name) } catch let e as APIError where e.reason == .notFound {}
        }
    }
}

/// Go's `strconv.ParseBool`: 1, t, T, TRUE, true, True and their false forms; nil for anything else.
func goParseBool(_ text: String) -> Bool? {
    switch text {
    case "1", "t", "T", "TRUE", "true", "True": return true
    case "0", "f", "F", "FALSE", "false", "False": return false
    default: return nil
    }
}
