import KubeModel

/// The one rule for simulated resource usage (there is no metrics server): a running container uses
/// what it requests; one without a request uses 1m of CPU and 4Mi of memory (other resources: none).
/// `top` prints it and the HPA controller scales on it.
public enum SimulatedUsage {
    static var idleCPU: Quantity { Quantity(milli: 1) }
    static var idleMemory: Quantity { Quantity(milli: 4 * 1024 * 1024 * 1000, format: .binarySI) }

    /// A container's usage of `resource` (`cpu`, `memory`, ...).
    public static func of(_ container: JSONValue, _ resource: String) -> Quantity {
        if let q = try? Quantity.parse(json: container["resources"]["requests"][resource]) { return q }
        switch resource {
        case "cpu": return idleCPU
        case "memory": return idleMemory
        default: return Quantity(milli: 0)
        }
    }

    /// CPU in millicores and memory in bytes, as `top` prints them.
    public static func container(_ c: JSONValue) -> (cpuMilli: Int64, memBytes: Int64) {
        (of(c, "cpu").milliValue, of(c, "memory").value)
    }
}
