import KubeModel
import KubeRegistry
import KubeSchema

/// Server-side apply (an apply patch): the configuration is merged into the live object, its applier
/// comes to own exactly the fields it sets, fields it stopped setting are removed unless another
/// manager owns them, and fields other managers own may only change with `force`.
extension APISession {
    static let lastAppliedKey = "kubectl.kubernetes.io/last-applied-configuration"

    /// Applies `input` as the session's field manager; returns the object and whether it was created.
    public func apply(_ input: JSONValue, type: ResourceType, namespace: String, force: Bool,
                      dryRun: Bool = false) throws -> (object: JSONValue, created: Bool)
    {
        try checkRequestBody(input)
        let manager = fieldManager.manager, sub = fieldManager.subresource
        let name = input["metadata"]["name"].string ?? ""
        let apiVersion = input["apiVersion"].string ?? type.apiVersion
        let typed = TypedFields(type, apiVersion: apiVersion)
        try checkApplyBody(input, type: type, namespace: namespace, apiVersion: apiVersion)
        var config = input
        if type.namespaced { config["metadata"]["namespace"] = .string(namespace) }
        if case .structure(let def, _) = TypedFields(apiVersion: apiVersion, kind: type.kind).root, def.property(named: "status") != nil {
            if sub == "status" {
                var only: JSONValue = ["apiVersion": .string(apiVersion), "kind": .string(type.kind), "metadata": config["metadata"]]
                only["status"] = config["status"]
                config = only
            } else {
                config.remove(["status"])
            }
        }
        let live = try find(type, namespace: namespace, name: name)
        var book = live.map { ManagedFieldsBook(object: $0) } ?? ManagedFieldsBook(entries: [])
        let configSet = typed.fieldSet(of: config)
        var me = book.index(manager: manager, operation: "Apply", apiVersion: apiVersion, subresource: sub)
        var merged = live.map { typed.merge($0, config) } ?? config.withoutNulls
        if let live, let i = me {
            let others = book.owned(except: i).union(configSet)
            merged = typed.removing(book.entries[i].set.difference(others), from: merged, keep: others)
            _ = live
        }
        let changes = typed.changes(from: live, to: merged)
        // An apply that changes nothing keeps the object as it is (its entry's time too).
        let noop = changes.isEmpty && me.map { book.entries[$0].set == configSet } == true
        try checkConflicts(book, except: me, changes: changes, live: live, typed: typed, force: force, manager: manager)
        try convertMerged(&merged, type: type, namespace: namespace, input: input, apiVersion: apiVersion)
        for j in book.entries.indices where j != me {
            book.entries[j].setIfChanged(book.entries[j].set.difference(changes.changed).difference(changes.removed))
        }
        if me == nil {
            book.entries.append(ManagerEntry(manager: manager, operation: "Apply", apiVersion: apiVersion, time: nil,
                                             subresource: sub, set: FieldSet(), stored: nil))
            me = book.entries.count - 1
        }
        if !noop {
            book.entries[me!].stored = nil
            book.entries[me!].set = configSet
            book.entries[me!].apiVersion = apiVersion
            book.entries[me!].time = now.rfc3339
        }
        // kubectl's own server-side apply keeps a client-side apply annotation up to date.
        if manager == "kubectl", let live, !live["metadata"]["annotations"][Self.lastAppliedKey].isNull {
            var last = config
            last.remove(["metadata", "annotations", Self.lastAppliedKey])
            merged["metadata"]["annotations"][Self.lastAppliedKey] = .string(last.compactJSON + "\n")
        }
        book.write(to: &merged)
        let outerApply = applyingManagedFieldsAt
        applyingManagedFieldsAt = writeDepth + 1
        defer { applyingManagedFieldsAt = outerApply }
        guard let live else {
            merged.remove(["metadata", "resourceVersion"])
            return (try create(merged, type: type, namespace: namespace, dryRun: dryRun), true)
        }
        merged["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"]
        return (try update(merged, type: type, dryRun: dryRun, verb: "patch", subresource: sub), false)
    }

    /// What the API server's apply refuses before it merges: an apply body that carries managed fields
    /// (400), and one that does not convert to the kind's typed value (`ApplyBodyTypes`, 500): a built-in
    /// kind's schema, or a custom resource's CRD schema.
    func checkApplyBody(_ input: JSONValue, type: ResourceType, namespace: String, apiVersion: String) throws {
        if input["metadata"].object?["managedFields"].map({ !$0.isNull }) == true {
            throw APIError.badRequest("metadata.managedFields must be nil")
        }
        let walker = ApplyBodyTypes(index: .builtin)
        guard let kind = input["kind"].string else { return }
        let failures: [ApplyBodyTypes.Failure]
        if let schema = type.openAPIV3Schema {
            failures = schema.object != nil ? walker.customErrors(input, schema: schema) : []
        } else if let def = SchemaIndex.builtin.definition(apiVersion: apiVersion, kind: kind) {
            failures = walker.errors(input, definition: def)
        } else {
            return
        }
        guard let text = ApplyBodyTypes.message(failures) else { return }
        let object = Self.applyObjectName(input, type: type, namespace: namespace, apiVersion: apiVersion)
        throw APIError(reason: .unknown, message: "failed to create typed patch object (\(object)): \(text)", code: 500)
    }

    /// The merged object's conversion to the kind's Go type (built-in kinds; `UnstructuredConversion`): what
    /// structured-merge-diff let through but Go cannot hold refuses the apply with a 500, and an int32 too
    /// large is truncated as the typed object holds it.
    func convertMerged(_ merged: inout JSONValue, type: ResourceType, namespace: String, input: JSONValue,
                       apiVersion: String) throws {
        guard type.openAPIV3Schema == nil, let kind = input["kind"].string,
              let def = SchemaIndex.builtin.definition(apiVersion: apiVersion, kind: kind),
              let error = UnstructuredConversion().convert(&merged, definition: def) else { return }
        let gvk = (apiVersion.contains("/") ? "" : "/") + "\(apiVersion), Kind=\(kind)"
        throw APIError(reason: .unknown, message: "failed to convert new object (\(Self.applyObjectName(input, type: type, namespace: namespace, apiVersion: apiVersion))) to proper version: unable to convert unstructured object to \(gvk): \(error)", code: 500)
    }

    /// `objectGVKNN` of an apply body: `<namespace>/<name>; <group>/<version>, Kind=<Kind>`.
    static func applyObjectName(_ input: JSONValue, type: ResourceType, namespace: String, apiVersion: String) -> String {
        let ns = type.namespaced ? namespace : input["metadata"]["namespace"].string ?? ""
        let group = apiVersion.contains("/") ? "" : "/"
        return "\(ns)/\(input["metadata"]["name"].string ?? ""); \(group)\(apiVersion), Kind=\(input["kind"].string ?? "")"
    }

    /// Fields other managers own that the apply changes: the API server's 409 unless forced. kubectl's
    /// own applier may take over what its client-side apply annotation shows unchanged on the object.
    func checkConflicts(_ book: ManagedFieldsBook, except me: Int?, changes: FieldChanges, live: JSONValue?,
                        typed: TypedFields, force: Bool, manager: String) throws
    {
        guard !force else { return }
        var conflicts: [(ManagerEntry, FieldSet)] = []
        for (j, e) in book.entries.enumerated() where j != me {
            let c = e.set.intersection(changes.changed)
            if !c.isEmpty { conflicts.append((e, c)) }
        }
        if manager == "kubectl", let live, let allowed = Self.unchangedSinceLastApplied(live, typed) {
            conflicts = conflicts.map { ($0.0, $0.1.difference(allowed)) }.filter { !$0.1.isEmpty }
        }
        guard !conflicts.isEmpty else { return }
        throw APIError(reason: .conflict, message: Self.conflictMessage(conflicts), code: 409)
    }

    /// The fields of the last-applied annotation whose value the object still has.
    static func unchangedSinceLastApplied(_ live: JSONValue, _ typed: TypedFields) -> FieldSet? {
        guard let text = live["metadata"]["annotations"][lastAppliedKey].string,
              let last = try? JSON.parse(text) else { return nil }
        var allowed = FieldSet()
        typed.fieldSet(of: last).members { path in
            if let a = typed.value(at: path, in: last), let b = typed.value(at: path, in: live), a == b { allowed.insert(path) }
        }
        return allowed
    }

    static func conflictMessage(_ conflicts: [(ManagerEntry, FieldSet)]) -> String {
        let paths = conflicts.flatMap { c in c.1.iterationPaths.map { (c.0, $0) } }
        if paths.count == 1 {
            return "Apply failed with 1 conflict: conflict with \(paths[0].0.conflictName): \(FieldSet.pathString(paths[0].1))"
        }
        let byManager = Dictionary(grouping: paths, by: { $0.0.identifier })
        var lines: [String] = []
        for id in byManager.keys.sorted(by: goStringLess) {
            let group = byManager[id]!
            lines.append("conflicts with \(group[0].0.conflictName):")
            lines += group.map { "- " + FieldSet.pathString($0.1) }
        }
        return "Apply failed with \(paths.count) conflicts: " + lines.joined(separator: "\n")
    }

    /// kubectl's move of client-side apply ownership to a server-side applier (after a server-side
    /// apply by `manager`): the Update entries that own the last-applied annotation are merged into the
    /// applier's Apply entry. Returns whether anything moved.
    public func upgradeClientSideApply(type: ResourceType, namespace: String, name: String, manager: String) throws -> Bool {
        guard var obj = try find(type, namespace: namespace, name: name) else { return false }
        var book = ManagedFieldsBook(object: obj)
        let annotation: [PathElement] = [.field("metadata"), .field("annotations"), .field(Self.lastAppliedKey)]
        let csa = Set(book.entries.filter { !$0.isApply && $0.subresource.isEmpty && $0.set.contains(annotation[...]) }.map(\.manager))
        guard !csa.isEmpty else { return false }
        var changed = false
        for name in csa.sorted() {
            var target = book.entries.firstIndex { $0.manager == manager && $0.isApply && $0.subresource.isEmpty }
            if target == nil {
                target = book.entries.firstIndex { $0.manager == name && !$0.isApply && $0.subresource.isEmpty }
                guard let t = target else { continue }
                book.entries[t].manager = manager
                book.entries[t].operation = "Apply"
            }
            book.entries[target!].stored = nil
            for e in book.entries where e.manager == name && !e.isApply && e.subresource.isEmpty {
                book.entries[target!].set = book.entries[target!].set.union(e.set)
            }
            book.entries.removeAll { $0.manager == name && !$0.isApply && $0.subresource.isEmpty }
            changed = true
        }
        guard changed else { return false }
        book.write(to: &obj)
        let outerApply = applyingManagedFieldsAt
        applyingManagedFieldsAt = writeDepth + 1
        defer { applyingManagedFieldsAt = outerApply }
        _ = try update(obj, type: type, verb: "patch")
        return true
    }
}

extension APISession {
    /// kubectl's guard for the client-side apply annotation after its own server-side apply: when no
    /// applier owns the annotation, `kubectl-last-applied` applies it alone (so later applies keep it).
    public func keepLastAppliedOwned(type: ResourceType, namespace: String, name: String) throws {
        guard let obj = try find(type, namespace: namespace, name: name),
              let text = obj["metadata"]["annotations"][Self.lastAppliedKey].string else { return }
        let path: [PathElement] = [.field("metadata"), .field("annotations"), .field(Self.lastAppliedKey)]
        if ManagedFieldsBook(object: obj).entries.contains(where: { $0.isApply && $0.set.contains(path[...]) }) { return }
        var only: JSONValue = ["apiVersion": obj["apiVersion"], "kind": obj["kind"], "metadata": ["name": .string(name)]]
        if type.namespaced { only["metadata"]["namespace"] = .string(namespace) }
        only["metadata"]["annotations"] = [Self.lastAppliedKey: .string(text)]
        let saved = fieldManager
        fieldManager = FieldManagerContext(manager: "kubectl-last-applied")
        defer { fieldManager = saved }
        _ = try apply(only, type: type, namespace: namespace, force: false)
    }
}
