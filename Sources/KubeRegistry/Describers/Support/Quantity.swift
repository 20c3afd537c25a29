import KubeModel

/// Describe reads resource quantities with KubeModel's `Quantity` (apimachinery `resource.Quantity`);
/// these are the spellings the describers use.
typealias DescribeQuantity = Quantity

extension Quantity {
    /// `resource.ParseQuantity`; nil when malformed.
    init?(_ text: String) {
        guard let q = try? Quantity.parse(text) else { return nil }
        self = q
    }

    /// Reads a quantity from a JSON value (a string as it is, or a bare number).
    init?(json: JSONValue) {
        switch json {
        case .string(let s): self.init(s)
        case .int, .double:
            guard let q = try? Quantity.parse(json: json) else { return nil }
            self = q
        default: return nil
        }
    }

    /// The canonical form (`Quantity.String()`).
    var string: String { description }

    /// Sum in the receiver's format, also when the receiver is zero (describe's sums as they were
    /// before the consolidation). Go's `Quantity.Add` gives a zero receiver the other's format (so
    /// kubectl prints `0 + 512Mi` as `512Mi`, here `536870912`): a describe change to make with a
    /// recorded case.
    func adding(_ other: Quantity) -> Quantity {
        if other.isZero { return self }
        if isZero { return other.withFormat(format) }
        return self + other
    }
}
