import KubeModel

/// A served API group: its name and versions, preferred first.
public struct APIGroupInfo: Sendable, Equatable {
    public var name: String
    public var versions: [String]
    public var preferredVersion: String { versions.first ?? "" }
    public init(name: String, versions: [String]) {
        self.name = name
        self.versions = versions
    }
}

/// What `resolve` found: the resource type and any warnings kubectl prints as `Warning: <text>` on stderr.
public struct Resolution: Sendable {
    public var type: ResourceType
    public var warnings: [String]
}

/// `the server doesn't have a resource type "foo"`.
public struct UnknownResourceTypeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The resource part of the argument (`pods` for `pods.foo`).
    public var resource: String
    public var message: String { "the server doesn't have a resource type \"\(resource)\"" }
    public var description: String { message }
}

/// The resource types an API server serves, in discovery order, and kubectl's type resolution over them.
public struct Registry: Sendable {
    /// Served groups in discovery order (core first, then by group priority).
    public private(set) var groups: [APIGroupInfo]
    /// Every served (group, version, resource), in discovery order: groups in order, versions preferred
    /// first, resources of one version sorted by plural name.
    public private(set) var allVersions: [ResourceType]

    public init(groups: [APIGroupInfo], types: [ResourceType]) {
        self.groups = []
        self.allVersions = []
        for g in groups { addGroupVersions(g) }
        for t in types { add(t, sort: false) }
        sortTypes()
    }

    /// The built-in kinds of a default v1.32 API server.
    public static let builtin: Registry = {
        var groups: [APIGroupInfo] = []
        var types: [ResourceType] = []
        for (group, versions) in BuiltinKinds.groups {
            groups.append(APIGroupInfo(name: group, versions: versions.map(\.version)))
            for (version, kinds) in versions {
                precondition(kinds.allSatisfy { $0.group == group && $0.version == version })
                types.append(contentsOf: kinds)
            }
        }
        return Registry(groups: groups, types: types)
    }()

    // MARK: Adding custom resources

    private mutating func addGroupVersions(_ g: APIGroupInfo) {
        if let i = groups.firstIndex(where: { $0.name == g.name }) {
            for v in g.versions where !groups[i].versions.contains(v) { groups[i].versions.append(v) }
        } else {
            groups.append(g)
        }
    }

    /// Adds (or replaces) a resource type, e.g. for a custom resource definition. A new group goes after
    /// the built-in ones; a new version of a known group is added as a non-preferred version unless
    /// `preferred` is set.
    public mutating func add(_ type: ResourceType, preferred: Bool = false) { add(type, preferred: preferred, sort: true) }

    private mutating func add(_ type: ResourceType, preferred: Bool = false, sort: Bool) {
        if let i = groups.firstIndex(where: { $0.name == type.group }) {
            if !groups[i].versions.contains(type.version) {
                if preferred { groups[i].versions.insert(type.version, at: 0) } else { groups[i].versions.append(type.version) }
            } else if preferred, let j = groups[i].versions.firstIndex(of: type.version) {
                groups[i].versions.remove(at: j)
                groups[i].versions.insert(type.version, at: 0)
            }
        } else {
            groups.append(APIGroupInfo(name: type.group, versions: [type.version]))
        }
        allVersions.removeAll { $0.group == type.group && $0.version == type.version && $0.plural == type.plural }
        allVersions.append(type)
        if sort { sortTypes() }
    }

    /// Removes every version of a resource (`group`, `plural`); drops groups left empty.
    public mutating func remove(group: String, plural: String) {
        allVersions.removeAll { $0.group == group && $0.plural == plural }
        for i in groups.indices.reversed() {
            let g = groups[i]
            groups[i].versions = g.versions.filter { v in allVersions.contains { $0.group == g.name && $0.version == v } }
            if groups[i].versions.isEmpty { groups.remove(at: i) }
        }
        sortTypes()
    }

    private mutating func sortTypes() {
        var groupIndex: [String: Int] = [:]
        for (i, g) in groups.enumerated() { groupIndex[g.name] = i }
        func versionIndex(_ t: ResourceType) -> Int {
            guard let gi = groupIndex[t.group] else { return Int.max }
            return groups[gi].versions.firstIndex(of: t.version) ?? Int.max
        }
        allVersions = allVersions.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            let gx = groupIndex[x.group] ?? Int.max, gy = groupIndex[y.group] ?? Int.max
            if gx != gy { return gx < gy }
            let vx = versionIndex(x), vy = versionIndex(y)
            if vx != vy { return vx < vy }
            if x.plural != y.plural { return goStringLess(x.plural, y.plural) }
            return a.offset < b.offset
        }.map(\.element)
        var seen = Set<String>()
        types = allVersions.filter { seen.insert($0.storageKey).inserted }
        byStorageKey = [:]
        byGroupKind = [:]
        for (i, t) in types.enumerated() {
            if byStorageKey[t.storageKey] == nil { byStorageKey[t.storageKey] = i }
            if byGroupKind[t.group + "/" + t.kind] == nil { byGroupKind[t.group + "/" + t.kind] = i }
        }
    }

    /// Positions in `types` by store key and by `group/kind` (the first type that has it), kept with
    /// `types`: the API server looks types up for every object it writes.
    private var byStorageKey: [String: Int] = [:]
    private var byGroupKind: [String: Int] = [:]

    // MARK: Listing

    /// One entry per (group, resource): the group's preferred version, or the most preferred version
    /// that serves it (discovery's "server preferred resources"). In discovery order.
    public private(set) var types: [ResourceType] = []

    /// Resource types whose discovery categories contain `category` (e.g. `all`), in discovery order.
    public func types(inCategory category: String) -> [ResourceType] {
        types.filter { $0.categories.contains(category) }
    }

    /// Whether `name` is a category some resource declares (`all`, `api-extensions`).
    public func isCategory(_ name: String) -> Bool {
        types.contains { $0.categories.contains(name) }
    }

    /// Rows of `kubectl api-resources`: the preferred resources, sorted as kubectl sorts them by default
    /// (by group name, then resource name, then group/version).
    public var apiResources: [ResourceType] {
        apiResources(sortBy: nil)
    }

    /// `--sort-by=name|kind` orders by that field instead of the group; ties by resource name, then group/version.
    public func apiResources(sortBy: String?) -> [ResourceType] {
        func key(_ t: ResourceType) -> String {
            switch sortBy {
            case "name": return t.plural
            case "kind": return t.kind
            default: return t.group
            }
        }
        // kubectl's sort is stable over discovery order: one resource name in two groups keeps the
        // groups' order (the core group first, then /apis order).
        var rank: [String: Int] = [:]
        for (i, g) in groups.enumerated() where rank[g.name] == nil { rank[g.name] = g.name.isEmpty ? -1 : i }
        return types.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka != kb { return goStringLess(ka, kb) }
            if a.plural == b.plural {
                let ra = rank[a.group] ?? Int.max, rb = rank[b.group] ?? Int.max
                return ra != rb ? ra < rb : goStringLess(a.apiVersion, b.apiVersion)
            }
            return goStringLess(a.plural, b.plural)
        }
    }

    /// Lines of `kubectl api-versions`: every served group/version, sorted.
    public var apiVersions: [String] {
        var out: [String] = []
        for g in groups {
            for v in g.versions { out.append(g.name.isEmpty ? v : "\(g.name)/\(v)") }
        }
        return out.sorted(by: goStringLess)
    }

    // MARK: Lookup

    public func type(for gvk: GroupVersionKind) -> ResourceType? {
        allVersions.first { $0.group == gvk.group && $0.version == gvk.version && $0.kind == gvk.kind }
            ?? onDemand.first { $0.group == gvk.group && $0.version == gvk.version && $0.kind == gvk.kind }
    }

    /// Kinds the server installs (as a CRD) the first time an object of theirs is written: known by
    /// apiVersion and kind only, absent from discovery until then.
    public private(set) var onDemand: [ResourceType] = []

    public mutating func addOnDemand(_ t: ResourceType) {
        if type(for: GroupVersionKind(group: t.group, version: t.version, kind: t.kind)) == nil { onDemand.append(t) }
    }

    /// The type of an object's `apiVersion` + `kind`.
    public func type(apiVersion: String, kind: String) -> ResourceType? {
        type(for: GroupVersionKind.parse(apiVersion: apiVersion, kind: kind))
    }

    /// The preferred version of a kind in a group (`apps`, `Deployment`).
    public func type(group: String, kind: String) -> ResourceType? {
        byGroupKind[group + "/" + kind].map { types[$0] }
    }

    /// The preferred version of a resource (`apps`, `deployments`).
    public func type(group: String, plural: String) -> ResourceType? {
        types.first { $0.group == group && $0.plural == plural }
    }

    /// By store key (`apps/deployments`, `/pods`).
    public func type(storageKey: String) -> ResourceType? {
        byStorageKey[storageKey].map { types[$0] }
    }

    // MARK: Resolution

    /// Resolves a resource argument as kubectl does (RESTMapper behind the shortcut expander):
    /// plural, singular or Kind case-insensitively, a short name as written, optionally qualified as
    /// `name.group` or `name.version.group`.
    public func resolve(_ text: String) throws -> Resolution {
        let dotted = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        // `resource.version.group` first.
        if dotted.count == 3, let r = match(resource: dotted[0], group: dotted[2], version: dotted[1]) {
            return r
        }
        // Then `resource.group` (the group is everything after the first dot).
        let (resource, group) = Self.splitGroup(text)
        if let r = match(resource: resource, group: group, version: nil) { return r }
        // Then `Kind.version.group` / `Kind.group` matched on the Kind itself.
        if dotted.count == 3, let t = allVersions.first(where: {
            $0.kind == dotted[0] && $0.version == dotted[1] && $0.group == dotted[2]
        }) {
            return Resolution(type: t, warnings: [])
        }
        if let t = types.first(where: { $0.kind == resource && $0.group == group }) {
            return Resolution(type: t, warnings: [])
        }
        throw UnknownResourceTypeError(resource: resource)
    }

    /// A resource and a group taken literally (kubectl's RESTMapper.ResourceFor on a partial
    /// group/resource, as `create role --resource` uses it): `deployments` in `v1.apps` is no match.
    public func resolve(resource: String, group: String) -> ResourceType? {
        match(resource: resource, group: group, version: nil)?.type
    }

    /// `pods.foo` → (`pods`, `foo`); `pods` → (`pods`, ``).
    static func splitGroup(_ text: String) -> (String, String) {
        if let dot = text.firstIndex(of: ".") {
            return (String(text[..<dot]), String(text[text.index(after: dot)...]))
        }
        return (text, "")
    }

    private func match(resource rawResource: String, group: String, version: String?) -> Resolution? {
        let resource = rawResource.lowercased()
        guard !resource.isEmpty else { return nil }
        func inScope(_ t: ResourceType) -> Bool {
            (group.isEmpty || t.group == group) && (version == nil || t.version == version)
        }
        // Exact plural or singular beats short names.
        let candidates = version == nil ? types : allVersions
        if let t = candidates.first(where: {
            inScope($0) && ($0.plural == resource || $0.singular == resource)
        }) {
            return Resolution(type: t, warnings: [])
        }
        // Short names: the first (highest-priority) match wins; other resources declaring it are warned about.
        // kubectl's shortcut expander compares them as written (`HPA` is no short name).
        var found: ResourceType?
        var warnings: [String] = []
        var warned = Set<String>()
        for t in allVersions where (group.isEmpty || t.group == group) && t.shortNames.contains(rawResource) {
            if let f = found {
                if f.group == t.group && f.plural == t.plural { continue }
                if warned.insert(t.qualifiedPlural).inserted {
                    warnings.append("short name \"\(resource)\" could also match lower priority resource \(t.qualifiedPlural)")
                }
                continue
            }
            found = t
        }
        guard let f = found else { return nil }
        if let v = version {
            guard let t = allVersions.first(where: { $0.group == f.group && $0.plural == f.plural && $0.version == v }) else {
                return nil
            }
            return Resolution(type: t, warnings: warnings)
        }
        let preferred = types.first { $0.group == f.group && $0.plural == f.plural } ?? f
        return Resolution(type: preferred, warnings: warnings)
    }
}
