// Compiling an expression as Kubernetes does: parse, check against the declared variables, and
// render problems as cel-go prints them (`ERROR: <input>:1:6: undefined field 'foo'` with the
// source line and a caret).

public struct CompiledExpression: Sendable {
    public var ast: Expr
    public var type: CELType
    public var maxCost: UInt64
    public var references: Set<String>
}

public enum CELCompiler {
    /// The compiled expression, or cel-go's issue text (without a "compilation failed: " prefix).
    public static func compile(_ source: String, variables: [String: SchemaType],
                               functions: FunctionTable = .kubernetes,
                               features: Parser.Features = .all) -> Result<CompiledExpression, CompileFailure> {
        let ast: Expr
        do {
            ast = try Parser.parse(source, features: features)
        } catch let e as CELSyntaxError {
            return .failure(CompileFailure(text: render([CheckIssue(message: e.message, offset: e.offset)], source)))
        } catch {
            return .failure(CompileFailure(text: "\(error)"))
        }
        let result = Checker(variables: variables, functions: functions).check(ast)
        if !result.issues.isEmpty { return .failure(CompileFailure(text: render(result.issues, source))) }
        return .success(CompiledExpression(ast: ast, type: result.type, maxCost: result.maxCost, references: result.references))
    }

    /// Compiled in one of Kubernetes' versioned environments (its functions and macros).
    public static func compile(_ source: String, variables: [String: SchemaType],
                               environment: CELEnvironment) -> Result<CompiledExpression, CompileFailure> {
        compile(source, variables: variables, functions: environment.functions, features: environment.features)
    }

    public struct CompileFailure: Error, Sendable { public var text: String }

    /// cel-go's `Issues.String()`.
    static func render(_ issues: [CheckIssue], _ source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        return issues.sorted { $0.offset < $1.offset }.map { issue in
            var line = 0, col = issue.offset
            while line < lines.count - 1 && col > lines[line].count { col -= lines[line].count + 1; line += 1 }
            var text = "ERROR: <input>:\(line + 1):\(col + 1): \(issue.message)"
            let src = String(String.UnicodeScalarView(lines[line]))
            text += "\n | " + src.replacingTabs()
            text += "\n | " + String(repeating: ".", count: col) + "^"
            return text
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingTabs() -> String { String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) }) }
}
