// Kubernetes' CEL environments by version. Every library and language feature Kubernetes offers has the
// Kubernetes minor version that introduced it (apiserver cel/environment base.go). An expression being
// written (a new CRD rule, a new policy or match condition) compiles against the server's compatibility
// version, the binary's minor minus one (1.31 for v1.32), so a feature the previous release lacks is
// refused and a rollback keeps every stored object usable. An expression already stored (the same text
// in the object being replaced) compiles against everything the binary has.

public struct CELEnvironment: Sendable {
    /// The Kubernetes minor version (1.<version>) whose features the environment holds.
    public let version: Int
    public let functions: FunctionTable
    /// Syntax and macros: optionals (1.28) and two-variable comprehensions (1.32); never `cel.bind`.
    public let features: Parser.Features

    public init(version: Int) {
        self.version = version
        functions = .kubernetes(version: version)
        var f: Parser.Features = []
        if version >= 28 { f.insert(.optionalSyntax) }
        if version >= Self.twoVariableComprehensionsVersion { f.insert(.twoVariableComprehensions) }
        features = f
    }

    /// The v1.32 binary's minor version.
    public static let binaryVersion = 32
    /// `ext.TwoVarComprehensions` (all/exists/existsOne with two variables, transformList, transformMap,
    /// transformMapEntry) arrived in 1.32.
    public static let twoVariableComprehensionsVersion = 32

    /// What a new expression compiles against: `DefaultCompatibilityVersion`, the effective version's
    /// minimum compatibility version (binary minus one).
    public static let newExpressions = CELEnvironment(version: binaryVersion - 1)
    /// What an expression already stored compiles against: every option the binary has.
    public static let storedExpressions = CELEnvironment(version: binaryVersion)

    public static func forExpression(stored: Bool) -> CELEnvironment { stored ? storedExpressions : newExpressions }
}

extension FunctionTable {
    /// The functions of Kubernetes' base environment at 1.<version>: CEL's standard library and the
    /// extended strings (version 2, which has no `reverse`) from the start, then URLs, regex and lists;
    /// authz (1.27); optionals and quantity (1.28); sets (1.29); IP and CIDR (1.30); format (1.31).
    /// Kubernetes has neither cel-go's math nor its encoders library.
    public static func kubernetes(version: Int) -> FunctionTable {
        var t = FunctionTable()
        t.addOperators()
        t.addConversions()
        t.addTime()
        t.addStrings()
        t.addStringFormat()
        t.member.removeValue(forKey: "reverse")
        t.addKubernetesLists()
        t.addKubernetesRegex()
        t.addKubernetesURLs()
        let libraries: [(Int, (inout FunctionTable) -> Void)] = [
            (27, { $0.addKubernetesAuthz() }),
            (28, { $0.addOptionals(); $0.addKubernetesQuantity() }),
            (29, { $0.addSets() }),
            (30, { $0.addKubernetesIP() }),
            (31, { $0.addFormatLibrary() }),
        ]
        for (introduced, add) in libraries where introduced <= version { add(&t) }
        return t
    }
}
