import KubeModel

extension Quantity {
    /// `resource.ParseQuantity` + `String()`: the canonical form of a quantity given on the command line
    /// (`1000m` → `1`, `2000` → `2k`, `2048Mi` → `2Gi`, `0.5` → `500m`), or apimachinery's error.
    static func canonical(_ text: String) throws -> String {
        do { return try Quantity.parse(text).description } catch let e as QuantityError {
            throw CLIError.message(e.message)
        }
    }
}
