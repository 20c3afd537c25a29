// The parsed form of a CEL expression. Operators are calls with CEL's internal function names
// (`_+_`, `_&&_`, `_?_:_`, `@in`, `_[_]`, `!_`, `-_`); macros are expanded into comprehensions.

public final class Expr: @unchecked Sendable {
    public let id: Int
    public let offset: Int
    public let kind: Kind

    public indirect enum Kind {
        case literal(Value)
        case ident(String)
        /// `operand.field`; `testOnly` for `has(operand.field)`; `optional` for `operand.?field`.
        case select(operand: Expr, field: String, testOnly: Bool, optional: Bool)
        case call(target: Expr?, function: String, args: [Expr])
        case list(elements: [Expr], optionalIndices: Set<Int>)
        case map(entries: [MapEntry])
        case message(type: String, fields: [FieldInit])
        case comprehension(Comprehension)
    }

    public struct MapEntry { public var key: Expr; public var value: Expr; public var optional: Bool }
    public struct FieldInit { public var field: String; public var value: Expr; public var optional: Bool }

    public struct Comprehension {
        public var iterVar: String
        public var iterVar2: String?
        public var iterRange: Expr
        public var accuVar: String
        public var accuInit: Expr
        public var loopCondition: Expr
        public var loopStep: Expr
        public var result: Expr
    }

    init(id: Int, offset: Int, _ kind: Kind) {
        self.id = id
        self.offset = offset
        self.kind = kind
    }
}

public enum Operators {
    public static let conditional = "_?_:_"
    public static let logicalAnd = "_&&_"
    public static let logicalOr = "_||_"
    public static let logicalNot = "!_"
    public static let negate = "-_"
    public static let index = "_[_]"
    public static let optIndex = "_[?_]"
    public static let optSelect = "_?._"
    public static let `in` = "@in"
    public static let notStrictlyFalse = "@not_strictly_false"
    public static let binary: [String: String] = [
        "==": "_==_", "!=": "_!=_", "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_",
        "+": "_+_", "-": "_-_", "*": "_*_", "/": "_/_", "%": "_%_", "in": "@in",
    ]
}
