extension Int64 {
    /// `self + other`, held at `Int64.max` / `Int64.min` instead of trapping: sums of user-given
    /// quantities (a container requesting `cpu: 1e17`) must not stop the program.
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
