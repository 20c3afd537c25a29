import KubeModel
import KubeRegistry

// What the apiextensions API server does on writes: a CustomResourceDefinition is defaulted,
// validated and given its status (names accepted, established); a custom resource is pruned and
// validated against its version's schema; deleting a CRD deletes its objects.

extension APISession {
    static let crdGroup = "apiextensions.k8s.io"

    func isCRD(_ type: ResourceType) -> Bool { type.group == Self.crdGroup && type.kind == "CustomResourceDefinition" }

    /// Whether `type` is served from a CustomResourceDefinition (not a built-in kind).
    func isCustomResource(_ type: ResourceType) -> Bool {
        if type.openAPIV3Schema != nil { return true }
        return Registry.builtin.type(storageKey: type.storageKey) == nil
    }

    /// Called by create/update before the object is defaulted and stored (`old` is the stored object on update).
    func admitCustomResources(_ obj: inout JSONValue, type: ResourceType, old: JSONValue?) throws {
        if isCRD(type) {
            try admitCRD(&obj, old: old)
        } else if isCustomResource(type) {
            try admitCustomResource(&obj, type: type, old: old)
        }
    }

    func admitCustomResource(_ obj: inout JSONValue, type: ResourceType, old: JSONValue?) throws {
        if let schema = type.openAPIV3Schema {
            obj = CustomResourceSchema.pruned(obj, schema: schema)
            obj = CRDDefaults.apply(obj, schema: schema)
        }
    }

    func admitCRD(_ obj: inout JSONValue, old: JSONValue?) throws {
        var spec = obj["spec"]
        let kind = spec["names"]["kind"].string ?? ""
        if (spec["names"]["singular"].string ?? "").isEmpty, !kind.isEmpty { spec["names"]["singular"] = .string(kind.lowercased()) }
        if (spec["names"]["listKind"].string ?? "").isEmpty, !kind.isEmpty { spec["names"]["listKind"] = .string(kind + "List") }
        if spec["conversion"].isNull { spec["conversion"] = ["strategy": "None"] }
        obj["spec"] = spec
        let info = CustomResourceDefinitionInfo(obj)
        let name = info.name
        var causes: [APIError.Cause] = []
        if info.group.isEmpty {
            causes.append(.init(field: "spec.group", message: "Required value"))
        } else if !info.group.contains(".") {
            causes.append(.init(field: "spec.group", message: "Invalid value: \(strconvQuote(info.group)): should be a domain with at least one dot"))
        }
        if info.plural.isEmpty { causes.append(.init(field: "spec.names.plural", message: "Required value")) }
        if kind.isEmpty { causes.append(.init(field: "spec.names.kind", message: "Required value")) }
        if !info.plural.isEmpty && !info.group.isEmpty && name != info.plural + "." + info.group {
            causes.insert(.init(field: "metadata.name", message: "Invalid value: \(strconvQuote(name)): must be spec.names.plural+\".\"+spec.group"), at: 0)
        }
        let scope = spec["scope"].string ?? ""
        if scope != "Namespaced" && scope != "Cluster" {
            causes.append(scope.isEmpty ? .init(field: "spec.scope", message: "Required value")
                : .init(field: "spec.scope", message: "Unsupported value: \(strconvQuote(scope)): supported values: \"Cluster\", \"Namespaced\""))
        }
        if info.versions.isEmpty {
            causes.append(.init(field: "spec.versions", message: "Invalid value: \"null\": must have exactly one version marked as storage version"))
        } else if info.versions.filter(\.storage).count != 1 {
            causes.append(.init(field: "spec.versions", message: "Invalid value: \(info.versions.filter(\.storage).count): must have exactly one version marked as storage version"))
        }
        causes += CRDSchemaValidation.validate(spec: spec, old: old?["spec"])
        if let old { causes += CRDSchemaValidation.immutableFields(spec: spec, old: old) }
        if !causes.isEmpty { throw APIError.invalid(kind: "CustomResourceDefinition", name: name, causes: causes) }

        // Status: the names are accepted and the kind is served at once (there is no conflict to wait for).
        let names = spec["names"]
        var accepted = JSONObject()
        for key in ["categories", "kind", "listKind", "plural", "shortNames", "singular"] where !names[key].isNull {
            accepted.appendUnchecked(key, names[key])
        }
        let oldConditions = old?["status"]["conditions"].array ?? []
        func condition(_ type: String, _ reason: String, _ message: String) -> JSONValue {
            let since = oldConditions.first { $0["type"].string == type && $0["status"].string == "True" }?["lastTransitionTime"]
            return ["lastTransitionTime": since ?? .string(now.rfc3339), "message": .string(message), "reason": .string(reason),
                    "status": "True", "type": .string(type)]
        }
        var stored = (old?["status"]["storedVersions"].array ?? []).compactMap(\.string)
        if let s = info.storageVersion, !stored.contains(s) { stored.append(s) }
        obj["status"] = [
            "acceptedNames": .object(accepted),
            "conditions": [
                condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
            ],
            "storedVersions": .array(stored.map { .string($0) }),
        ]
    }

    /// After a CRD is deleted: its objects go too.
    func customResourceDefinitionDeleted(_ crd: JSONValue) throws {
        let info = CustomResourceDefinitionInfo(crd)
        let key = info.group + "/" + info.plural
        let type = registry.type(storageKey: key)
            ?? ResourceType(group: info.group, version: info.storageVersion ?? "v1", kind: info.kind, plural: info.plural,
                            namespaced: info.namespaced)
        for row in try tx.listSummaries(resource: key, namespace: nil) {
            if try tx.get(resource: key, namespace: row.namespace, name: row.name) == nil { continue }
            try delete(type, namespace: row.namespace, name: row.name, propagation: .background)
        }
    }
}
