import KubeAPI
import KubeModel
import KubeRegistry

/// What `ResourceResult.infos(fetch: .names)` returns, kept small: an object listed by type is held as
/// its type's position, namespace and name, and its `ResourceInfo` (with its type's whole description)
/// is built when it is visited. A command over 100,000 listed objects (`delete pods --all -A`) holds
/// their names, not 100,000 infos.
struct NamedInfos: RandomAccessCollection {
    enum Entry {
        indirect case info(ResourceInfo)
        case listed(type: Int, namespace: String, name: String)
        case failed(Error)
    }

    var types: [ResourceType] = []
    var entries: [Entry] = []

    var startIndex: Int { 0 }
    var endIndex: Int { entries.count }

    subscript(position: Int) -> Result<ResourceInfo, Error> {
        switch entries[position] {
        case .info(let info): return .success(info)
        case .failed(let error): return .failure(error)
        case .listed(let t, let ns, let name):
            return .success(ResourceInfo(type: types[t], namespace: ns, name: name, object: nil, row: nil, source: ""))
        }
    }

    /// Whether any object named or listed is of a type `matches` picks.
    func containsType(_ matches: (ResourceType) -> Bool) -> Bool {
        entries.contains { e in
            switch e {
            case .info(let info): return info.type.map(matches) ?? false
            case .listed(let t, _, _): return matches(types[t])
            case .failed: return false
            }
        }
    }
}

extension ResourceResult {
    /// `infos(fetch: .names)` as `NamedInfos`: the same objects, errors and order; listed objects are
    /// read as their keys one at a time (the store's rows are not kept).
    func namedInfos(_ inv: inout Invocation) throws -> NamedInfos {
        var out = NamedInfos()
        if local {
            out.entries = items.compactMap { $0.info.map { .info($0) } }
            return out
        }
        let server = try inv.server()
        try server.read { s in
            for item in items {
                switch item {
                case .failed(let e): out.entries.append(.failed(e))
                case .object(let info): out.entries.append(.info(info))  // named objects are not read
                case .list(let type, let ns):
                    do {
                        out.types.append(type)
                        let t = out.types.count - 1
                        out.entries += try listedKeys(type, namespace: ns, session: s).map { .listed(type: t, namespace: $0.0, name: $0.1) }
                    } catch {
                        out.entries.append(.failed(error))
                    }
                }
            }
        }
        return out
    }

    /// The namespace and name of each object of a type the selectors pick, in key order.
    private func listedKeys(_ type: ResourceType, namespace: String?, session s: APISession) throws -> [(String, String)] {
        if fields != nil {  // field terms are checked on the objects: as `infos` reads them
            return try list(type, namespace: namespace, fetch: .names, session: s).map { ($0.namespace, $0.name) }
        }
        let indexed = storeRequirements(labels)
        var keys: [(String, String)] = []
        try s.forEachRow(type, namespace: namespace, labels: indexed ?? [], full: false) { row in
            if indexed == nil, let sel = labels, !sel.matches(labelMap(row.labels)) { return }
            keys.append((row.namespace, row.name))
        }
        return keys
    }
}
