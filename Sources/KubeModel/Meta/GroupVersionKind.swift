/// Group, version and kind of an object (`apps/v1`, `Deployment`).
public struct GroupVersionKind: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String
    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }
    /// `v1` for the core group, `apps/v1` otherwise.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// Same as `apiVersion` (the schema code's name for it).
    public var groupVersion: String { apiVersion }
    public var description: String { "\(apiVersion), Kind=\(kind)" }

    /// Splits an `apiVersion` string (`apps/v1` or `v1`).
    public static func parse(apiVersion: String, kind: String) -> GroupVersionKind {
        if let slash = apiVersion.firstIndex(of: "/") {
            return GroupVersionKind(group: String(apiVersion[..<slash]),
                                    version: String(apiVersion[apiVersion.index(after: slash)...]), kind: kind)
        }
        return GroupVersionKind(group: "", version: apiVersion, kind: kind)
    }
}

