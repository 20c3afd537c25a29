import KubeModel

/// Describers by kind; `describe` falls back to a generic one for kinds without an entry.
public enum Describers {
    public static func forKind(group: String, kind: String) -> DescribeFunction? { nil }
}
