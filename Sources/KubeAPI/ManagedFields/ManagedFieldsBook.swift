import KubeModel

/// One `metadata.managedFields` entry: who (manager, operation, subresource) owns which fields.
struct ManagerEntry {
    var manager: String
    var operation: String
    var apiVersion: String
    var time: String?
    var subresource: String
    var set: FieldSet
    /// The entry as stored, reused until the entry changes (the API server keeps its bytes).
    var stored: JSONValue?
    /// The position of `stored` in the managed fields it was read from.
    var source: Int?

    var isApply: Bool { operation == "Apply" }

    /// Replaces the set; a different set is encoded anew.
    mutating func setIfChanged(_ s: FieldSet) {
        if s != set { set = s; stored = nil }
    }

    /// Entries are merged per manager, operation and subresource (and API version for updates).
    func sameIdentity(manager m: String, operation op: String, apiVersion v: String, subresource sub: String) -> Bool {
        manager == m && operation == op && subresource == sub && (op == "Apply" || apiVersion == v)
    }

    var encoded: JSONValue {
        if let stored { return stored }
        var o = JSONObject()
        o["apiVersion"] = .string(apiVersion)
        o["fieldsType"] = "FieldsV1"
        o["fieldsV1"] = set.fieldsV1
        o["manager"] = .string(manager)
        o["operation"] = .string(operation)
        if !subresource.isEmpty { o["subresource"] = .string(subresource) }
        if let time { o["time"] = .string(time) }
        return .object(o)
    }

    /// The API server's identifier of the manager (its entry without time and fields, as JSON).
    var identifier: String {
        var s = "{\"manager\":\(JSONValue.string(manager).compactJSON),\"operation\":\"\(operation)\""
        if !isApply { s += ",\"apiVersion\":\(JSONValue.string(apiVersion).compactJSON)" }
        if !subresource.isEmpty { s += ",\"subresource\":\(JSONValue.string(subresource).compactJSON)" }
        return s + "}"
    }

    /// The manager as the API server names it in a conflict.
    var conflictName: String {
        var s = strconvQuote(manager)
        if !subresource.isEmpty { s += " with subresource \(strconvQuote(subresource))" }
        if !isApply { s += " using \(apiVersion)" }
        return s
    }
}

/// The managed fields of one object and the API server's bookkeeping of them.
struct ManagedFieldsBook {
    var entries: [ManagerEntry]

    init(entries: [ManagerEntry]) { self.entries = entries }

    init(object: JSONValue) {
        self.init(object: object, parse: FieldSet.init(fieldsV1:))
    }

    /// The book of `object`, each entry's fields read by `parse` (`APISession.parsedFieldSet` remembers them).
    init(object: JSONValue, parse: (JSONValue) -> FieldSet) {
        entries = (object["metadata"]["managedFields"].array ?? []).enumerated().compactMap { i, e in
            guard let m = e["manager"].string ?? Optional(""), let op = e["operation"].string else { return nil }
            return ManagerEntry(manager: m, operation: op, apiVersion: e["apiVersion"].string ?? "",
                                time: e["time"].string, subresource: e["subresource"].string ?? "",
                                set: parse(e["fieldsV1"]), stored: e, source: i)
        }
    }

    /// The fields the API server never tracks (identity and bookkeeping).
    static func strip(_ obj: inout JSONValue) {
        obj.remove(["apiVersion"])
        obj.remove(["kind"])
        // The metadata is taken out while its keys go, so it is changed in place rather than copied per key.
        guard case .object(var meta)? = obj.object?["metadata"] else { return }
        obj["metadata"] = .null
        for k in ["name", "namespace", "creationTimestamp", "selfLink", "uid", "generation", "managedFields", "resourceVersion"] {
            meta.removeValue(forKey: k)
        }
        obj["metadata"] = .object(meta)
    }

    /// Entries sorted as the API server sorts them: operation, time (seconds), manager, API version, subresource.
    var encoded: JSONValue? {
        let sorted = live
        return sorted.isEmpty ? nil : .array(sorted.map(\.encoded))
    }

    /// For each entry `encoded` writes, the position of the stored entry it writes unchanged (nil: written anew).
    var origins: [Int?] { live.map { $0.stored == nil ? nil : $0.source } }

    /// The entries `encoded` writes, in its order.
    private var live: [ManagerEntry] {
        entries.filter { !$0.set.isEmpty }.sorted { p, q in
            if p.operation != q.operation { return p.operation < q.operation }
            let pt = p.time ?? "", qt = q.time ?? ""
            if pt != qt { return pt < qt }
            if p.manager != q.manager { return goStringLess(p.manager, q.manager) }
            if p.apiVersion != q.apiVersion { return p.apiVersion < q.apiVersion }
            return p.subresource < q.subresource
        }
    }

    func write(to obj: inout JSONValue) {
        if let e = encoded { obj["metadata"]["managedFields"] = e } else { obj.remove(["metadata", "managedFields"]) }
    }

    func index(manager: String, operation: String, apiVersion: String, subresource: String) -> Int? {
        entries.firstIndex { $0.sameIdentity(manager: manager, operation: operation, apiVersion: apiVersion, subresource: subresource) }
    }

    /// An update (create, update, patch) by `manager`: it comes to own what it changed; others lose
    /// what it changed; removed fields leave every set.
    mutating func update(_ c: FieldChanges, manager: String, apiVersion: String, subresource: String, time: String) {
        let changed = c.changed
        for i in entries.indices {
            entries[i].setIfChanged(entries[i].set.difference(changed).difference(c.removed))
        }
        entries.removeAll { $0.set.isEmpty }
        guard !changed.isEmpty else { return }
        if let i = index(manager: manager, operation: "Update", apiVersion: apiVersion, subresource: subresource) {
            entries[i].set = entries[i].set.union(changed)
            entries[i].time = time
            entries[i].stored = nil
        } else {
            entries.append(ManagerEntry(manager: manager, operation: "Update", apiVersion: apiVersion, time: time,
                                        subresource: subresource, set: changed, stored: nil))
        }
    }

    /// The union of every set but the one at `except`.
    func owned(except: Int?) -> FieldSet {
        var u = FieldSet()
        for (i, e) in entries.enumerated() where i != except { u = u.union(e.set) }
        return u
    }
}
