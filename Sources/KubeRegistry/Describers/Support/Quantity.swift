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

    /// `Quantity.Add` as kubectl sums requests: the receiver's format, except that a zero receiver
    /// takes the other's (so `0` + `512Mi` prints `512Mi`).
    func adding(_ other: Quantity) -> Quantity { self + other }
}
