// The function table: global functions (`size(x)`, `int(x)`, operators) and member functions
// (`x.size()`), each taking its receiver first. Libraries add themselves to a table.

public struct Function: @unchecked Sendable {
    public var body: ([Value]) -> Value
    /// Non-strict functions see error and unknown arguments instead of having them propagated.
    public var nonStrict = false
    /// Extra cost beyond the call itself (e.g. proportional to a string's length).
    public var cost: ([Value]) -> Int = { _ in 1 }

    public init(nonStrict: Bool = false, cost: (([Value]) -> Int)? = nil, _ body: @escaping ([Value]) -> Value) {
        self.body = body
        self.nonStrict = nonStrict
        if let cost { self.cost = cost }
    }
}

public struct FunctionTable: @unchecked Sendable {
    public var global: [String: Function] = [:]
    public var member: [String: Function] = [:]
    /// Identifiers that name types (`kubernetes.Quantity`-like names libraries add).
    public var typeValues: [String: Value] = [:]

    public init() {}

    public mutating func global(_ name: String, cost: (([Value]) -> Int)? = nil, _ body: @escaping ([Value]) -> Value) {
        global[name] = Function(cost: cost, body)
    }

    public mutating func member(_ name: String, cost: (([Value]) -> Int)? = nil, _ body: @escaping ([Value]) -> Value) {
        member[name] = Function(cost: cost, body)
    }

    /// Callable both as `name(x, ...)` and `x.name(...)`.
    public mutating func both(_ name: String, cost: (([Value]) -> Int)? = nil, _ body: @escaping ([Value]) -> Value) {
        global(name, cost: cost, body)
        member(name, cost: cost, body)
    }

    /// CEL's standard library plus the extension libraries the conformance data exercises.
    public static let standard: FunctionTable = {
        var t = FunctionTable()
        t.addOperators()
        t.addConversions()
        t.addTime()
        t.addStrings()
        t.addMath()
        t.addOptionals()
        t.addStringFormat()
        return t
    }()

    /// Everything the v1.32 API server offers to stored expressions (see CELEnvironment).
    public static let kubernetes: FunctionTable = kubernetes(version: CELEnvironment.binaryVersion)
}

/// Sizes charged as cost: roughly one unit per ten characters or elements, as Kubernetes' cost model.
func sizeCost(_ values: [Value]) -> Int {
    var n = 0
    for v in values {
        switch v {
        case .string(let s): n += s.utf8.count
        case .bytes(let b): n += b.count
        case .list(let l): n += l.count
        case .map(let m): n += m.count
        default: break
        }
    }
    return 1 + n / 10
}
