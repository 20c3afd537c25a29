import KubeModel

extension LabelSelector {
    /// The requirements of this selector as the store's label index evaluates them, or nil when one
    /// of them (`gt`, `lt`) has to be filtered in memory. `matchesNothing` is the caller's to check.
    public var storeRequirements: [KubeStore.LabelRequirement]? {
        var out: [KubeStore.LabelRequirement] = []
        for r in requirements {
            switch r.op {
            case .equals, .doubleEquals: out.append(.equals(r.key, r.values.first ?? ""))
            case .notEquals: out.append(.notEquals(r.key, r.values.first ?? ""))
            case .in: out.append(.in(r.key, r.values))
            case .notIn: out.append(.notIn(r.key, r.values))
            case .exists: out.append(.exists(r.key))
            case .doesNotExist: out.append(.doesNotExist(r.key))
            case .greaterThan, .lessThan: return nil
            }
        }
        return out
    }
}
