import KubeModel

/// Describers shared beyond one kind's entry; each kind's own describer is its registry entry's
/// `describer`, and `describe` falls back to `generic` for kinds without one.
public enum Describers {
    /// The describer kubectl v1.32 registers for a built-in group and kind; nil when it uses the generic one.
    public static func forKind(group: String, kind: String) -> DescribeFunction? {
        Registry.builtin.type(group: group, kind: kind)?.describer
    }

    /// Why kubectl's describer refuses this object (its error text without `error: `), nil when it
    /// describes it: a CertificateSigningRequest whose request does not parse.
    public static func failure(_ obj: JSONValue) -> String? {
        guard obj["kind"].string == "CertificateSigningRequest" else { return nil }
        return csrDescribeFailure(obj)
    }

    /// kubectl's generic describer (`GenericDescriberFor`): metadata, every field, events.
    public static let generic: DescribeFunction = { obj, ctx in describeGeneric(obj, ctx) }

    /// `DescribePodTemplate` written through a prefix writer without a tabwriter (TABs kept), as
    /// `kubectl rollout history --revision=N` and `rollout undo --dry-run` print a template.
    public static func podTemplateUnaligned(_ template: JSONValue) -> String {
        let w = DescribeWriter()
        w.raw = ""
        describePodTemplate(w, template)
        return w.finish()
    }
}
