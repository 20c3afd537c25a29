import KubeModel

/// A value met while evaluating a template, with the distinctions kubectl's reflection-based engine
/// makes visible: a JSON `null` held in a map or list prints `null`, while an absent value (a range
/// over nothing, a `null` range item) prints `<no value>`; the bytes of a string (`{.name.*}`) are
/// `uint8` numbers; integer literals in a template are Go `int`s.
public enum JPValue: Equatable, Sendable {
    case invalid
    case value(JSONValue)
    case byte(UInt8)
    case literalInt(Int)

    /// Go `reflect.Value.Interface()` then `reflect.ValueOf`: a nil interface becomes invalid.
    var reboxed: JPValue {
        if case .value(.null) = self { return .invalid }
        return self
    }

    /// The value as JSON (for `jsonpath-as-json` and compact JSON of maps and lists).
    public var json: JSONValue {
        switch self {
        case .invalid: return .null
        case .value(let v): return v
        case .byte(let b): return .int(Int64(b))
        case .literalInt(let i): return .int(Int64(i))
        }
    }

    /// Go type name, as in `map[string]interface {} is not array or slice`.
    var goTypeName: String {
        switch self {
        case .invalid: return "<nil>"
        case .byte: return "uint8"
        case .literalInt: return "int"
        case .value(let v): return goTypeNameOf(v)
        }
    }
}

func goTypeNameOf(_ v: JSONValue) -> String {
    switch v {
    case .null: return "interface {}"
    case .bool: return "bool"
    case .int: return "int64"
    case .double: return "float64"
    case .string: return "string"
    case .array: return "[]interface {}"
    case .object: return "map[string]interface {}"
    }
}

/// client-go's `JSONPath`: parse once, then find results for data and print them as kubectl does.
///
/// Range evaluation keeps client-go's bookkeeping (a begin/in/end counter and the node that ended the
/// innermost range), which decides what templates with unbalanced `{range}`/`{end}` print. Like
/// client-go's, it is kept from one object to the next: after a `{range}`, the next object starts at the
/// node after it (kubectl prints `not in range, nothing to end` for a second object when one printer
/// prints several; a printer per object starts afresh).
public final class JSONPath {
    let nodes: [JPNode]
    /// client-go's `parser.Root.Nodes` is re-sliced during ranges; this is the start of that slice.
    var rootStart = 0
    var beginRange = 0
    var inRange = 0
    var endRange = 0
    var lastEndNode: Int? = nil

    public var allowMissingKeys: Bool
    public var outputJSON: Bool

    public init(_ template: String, allowMissingKeys: Bool = false, outputJSON: Bool = false) throws {
        nodes = try JPParser.parse(template)
        self.allowMissingKeys = allowMissingKeys
        self.outputJSON = outputJSON
    }

    /// Results of every top-level node (and of every range iteration), in order.
    public func findResults(_ data: JSONValue) throws -> [[JPValue]] {
        budget = JSONPath.workLimit
        return try findResults(JPValue.value(data).reboxed)
    }

    /// Evaluates and prints: results of one node joined with a space, groups concatenated.
    public func execute(_ data: JSONValue) throws -> String {
        let groups = try findResults(data)
        var out = ""
        for g in groups { out += printResults(g) }
        return out
    }

    func findResults(_ data: JPValue) throws -> [[JPValue]] {
        let base = rootStart
        let count = nodes.count - base
        let cur = [data]
        var full: [[JPValue]] = []
        var i = 0
        while i < count {
            let results = try walk(cur, nodes[base + i])
            if endRange > 0 && endRange <= inRange {
                endRange -= 1
                lastEndNode = base + i
                break
            }
            if beginRange > 0 {
                beginRange -= 1
                inRange += 1
                if !results.isEmpty {
                    for v in results {
                        rootStart = base + i + 1
                        full += try findResults(v.reboxed)
                    }
                } else {
                    rootStart = base + i + 1
                    _ = try findResults(JPValue.invalid)
                }
                inRange -= 1
                var k = i + 1
                while k < count {
                    if base + k == lastEndNode {
                        i = k
                        break
                    }
                    k += 1
                }
                i += 1
                continue
            }
            full.append(results)
            i += 1
        }
        return full
    }

    /// One group: with JSON output a single indented array; otherwise each result as text (maps
    /// and lists as compact JSON) separated by single spaces.
    public func printResults(_ results: [JPValue]) -> String {
        if outputJSON {
            return JSONValue.array(results.map(\.json)).jsonString(JSONWriteOptions(indent: 4, sortKeys: true)) + "\n"
        }
        var out = ""
        for (i, r) in results.enumerated() {
            out += JSONPath.text(r)
            if i != results.count - 1 { out += " " }
        }
        return out
    }

    static func text(_ r: JPValue) -> String {
        switch r {
        case .invalid: return "<no value>"
        case .byte(let b): return String(b)
        case .literalInt(let i): return String(i)
        case .value(let v):
            switch v {
            case .object, .array: return v.jsonString(.compact)
            case .null: return "null"
            default: return goFormatV(v)
            }
        }
    }

    // MARK: evaluation

    /// Work left for one evaluation. kubectl has no such limit, so a template whose evaluation grows
    /// exponentially (nested unclosed `{range}`s, chains of `..`) would run forever; here it fails.
    var budget = 0
    static let workLimit = 2_000_000

    func charge(_ n: Int) throws {
        budget -= n + 1
        if budget < 0 { throw JSONPathError("template is too expensive to evaluate") }
    }

    func walk(_ value: [JPValue], _ node: JPNode) throws -> [JPValue] {
        let out = try walkNode(value, node)
        try charge(out.count)
        return out
    }

    private func walkNode(_ value: [JPValue], _ node: JPNode) throws -> [JPValue] {
        switch node {
        case .list(let list): return try evalList(value, list)
        case .text(let t): return [.value(.string(t))]
        case .field(let name): return try evalField(value, name)
        case .array(let params): return try evalArray(value, params)
        case .filter(let l, let r, let op): return try evalFilter(value, l, r, op)
        case .int(let i): return value.map { _ in .literalInt(i) }
        case .float(let d): return value.map { _ in .value(.double(d)) }
        case .bool(let b): return value.map { _ in .value(.bool(b)) }
        case .wildcard: return evalWildcard(value)
        case .recursive: return try evalRecursive(value)
        case .union(let lists):
            var result: [JPValue] = []
            for l in lists { result += try evalList(value, l) }
            return result
        case .identifier(let name): return try evalIdentifier(value, name)
        }
    }

    private func evalList(_ value: [JPValue], _ list: [JPNode]) throws -> [JPValue] {
        var cur = value
        for n in list { cur = try walk(cur, n) }
        return cur
    }

    /// client-go's evalList as an existence filter sees it: the steps stop at the first error, and
    /// the values are what the failing step hands back with its error (its input for an index,
    /// slice, union or unknown identifier; nothing for a missing field or a stray `end`). So
    /// `[?(@.ports[5])]`, `[?(@.name[0])]` and `[?(@.name in x)]` keep every item.
    private func evalListKeepingPartial(_ value: [JPValue], _ list: [JPNode]) throws -> [JPValue] {
        var cur = value
        for n in list {
            do {
                cur = try walk(cur, n)
            } catch {
                if budget < 0 { throw error }
                return JSONPath.valuesOnError(cur, n)
            }
        }
        return cur
    }

    private static func valuesOnError(_ input: [JPValue], _ node: JPNode) -> [JPValue] {
        switch node {
        case .array, .union, .filter: return input
        case .identifier(let name): return name == "end" ? [] : input
        default: return []
        }
    }

    private func evalIdentifier(_ input: [JPValue], _ name: String) throws -> [JPValue] {
        switch name {
        case "range":
            beginRange += 1
            return input
        case "end":
            if inRange > 0 {
                endRange += 1
                return []
            }
            throw JSONPathError("not in range, nothing to end")
        default:
            throw JSONPathError("unrecognized identifier \(name)")
        }
    }

    /// `template.Indirect`: nil interfaces are skipped by most steps.
    private static func isNil(_ v: JPValue) -> Bool { v == .value(.null) }

    private func evalField(_ input: [JPValue], _ name: String) throws -> [JPValue] {
        if input.isEmpty { return [] }
        var results: [JPValue] = []
        for v in input {
            if case .value(.object(let o)) = v, let found = o[name] { results.append(.value(found)) }
        }
        if results.isEmpty && !allowMissingKeys { throw JSONPathError("\(name) is not found") }
        return results
    }

    func evalArray(_ input: [JPValue], _ nodeParams: [SliceParam]) throws -> [JPValue] {
        var stopped = false
        return try evalArray(input, nodeParams, stopped: &stopped)
    }

    /// `stopped` reports client-go's early return: an empty slice of one value ends the whole step,
    /// so the values after it (in a streamed list: the later items too) give nothing.
    func evalArray(_ input: [JPValue], _ nodeParams: [SliceParam], stopped: inout Bool) throws -> [JPValue] {
        var result: [JPValue] = []
        for v in input {
            if JSONPath.isNil(v) { continue }
            guard case .value(.array(let items)) = v else {
                if case .invalid = v { throw JSONPathError("reflect: call of reflect.Value.Type on zero Value") }
                throw JSONPathError("\(v.goTypeName) is not array or slice")
            }
            var p = nodeParams
            let len = items.count
            if !p[0].known { p[0].value = 0 }
            if p[0].value < 0 { p[0].value = p[0].value &+ len }
            if !p[1].known { p[1].value = len }
            if p[1].value < 0 || (p[1].value == 0 && p[1].derived) { p[1].value = p[1].value &+ len }
            if p[1].value != p[0].value {
                if p[0].value >= len || p[0].value < 0 {
                    throw JSONPathError("array index out of bounds: index \(p[0].value), length \(len)")
                }
                if p[1].value > len || p[1].value < 0 {
                    throw JSONPathError("array index out of bounds: index \(p[1].value &- 1), length \(len)")
                }
                if p[0].value > p[1].value {
                    throw JSONPathError("starting index \(p[0].value) is greater than ending index \(p[1].value)")
                }
            } else {
                stopped = true
                return result
            }
            var step = 1
            if p[2].known {
                if p[2].value <= 0 { throw JSONPathError("step must be > 0") }
                step = p[2].value
            }
            var i = p[0].value
            while i < p[1].value {
                result.append(.value(items[i]))
                let (n, o) = i.addingReportingOverflow(step)
                if o { break }
                i = n
            }
        }
        return result
    }

    /// Children of a value for `*` and `..`: map values (in key order), list items, string bytes.
    private static func children(_ v: JPValue) -> [JPValue] {
        guard case .value(let j) = v else { return [] }
        switch j {
        case .object(let o): return o.sortedKeys.map { .value(o[$0]!) }
        case .array(let a): return a.map { .value($0) }
        case .string(let s): return s.utf8.map { .byte($0) }
        default: return []
        }
    }

    private func evalWildcard(_ input: [JPValue]) -> [JPValue] {
        var results: [JPValue] = []
        for v in input where !JSONPath.isNil(v) { results += JSONPath.children(v) }
        return results
    }

    private func evalRecursive(_ input: [JPValue]) throws -> [JPValue] {
        var result: [JPValue] = []
        for v in input where !JSONPath.isNil(v) {
            let kids = JSONPath.children(v)
            try charge(kids.count)
            if !kids.isEmpty {
                result.append(v)
                result += try evalRecursive(kids)
            }
        }
        return result
    }

    private func evalFilter(_ input: [JPValue], _ left: [JPNode], _ right: [JPNode], _ op: String) throws -> [JPValue] {
        var results: [JPValue] = []
        for v in input {
            guard case .value(.array(let items)) = v else {
                let shown: String
                switch v {
                case .invalid: shown = "<invalid reflect.Value>"
                case .value(.null): shown = "<nil>"
                default: shown = goFormatV(v.json)
                }
                throw JSONPathError("\(shown) is not array or slice and cannot be filtered")
            }
            for item in items {
                let temp: [JPValue] = [.value(item)]
                if op == "exists" {
                    if try !evalListKeepingPartial(temp, left).isEmpty { results.append(.value(item)) }
                    continue
                }
                let lefts = try evalList(temp, left)
                if lefts.isEmpty { continue }
                if lefts.count > 1 { throw JSONPathError("can only compare one element at a time") }
                let rights = try evalList(temp, right)
                if rights.isEmpty { continue }
                if rights.count > 1 { throw JSONPathError("can only compare one element at a time") }
                let l = lefts[0], r = rights[0]
                let pass: Bool
                switch op {
                case "<": pass = try GoCompare.less(l, r)
                case ">": pass = try !GoCompare.lessOrEqual(l, r)
                case "==": pass = try GoCompare.equal(l, r)
                case "!=": pass = try !GoCompare.equal(l, r)
                case "<=": pass = try GoCompare.lessOrEqual(l, r)
                case ">=": pass = try !GoCompare.less(l, r)
                default: throw JSONPathError("unrecognized filter operator \(op)")
                }
                if pass { results.append(.value(item)) }
            }
        }
        return results
    }
}

/// The comparison functions of Go's text/template (client-go's fork) as filters use them.
enum GoCompare {
    enum Kind { case bool, int, uint, float, string }

    static func kind(_ v: JPValue) throws -> Kind {
        switch v {
        case .byte: return .uint
        case .literalInt: return .int
        case .invalid: throw JSONPathError("invalid type for comparison")
        case .value(let j):
            switch j {
            case .bool: return .bool
            case .int: return .int
            case .double: return .float
            case .string: return .string
            default: throw JSONPathError("invalid type for comparison")
            }
        }
    }

    static func intValue(_ v: JPValue) -> Int64 {
        switch v {
        case .byte(let b): return Int64(b)
        case .literalInt(let i): return Int64(i)
        case .value(let j): return j.int ?? 0
        case .invalid: return 0
        }
    }

    static func equal(_ a: JPValue, _ b: JPValue) throws -> Bool {
        let k1 = try kind(a), k2 = try kind(b)
        if k1 != k2 {
            if (k1 == .int && k2 == .uint) || (k1 == .uint && k2 == .int) { return intValue(a) == intValue(b) }
            throw JSONPathError("incompatible types for comparison")
        }
        switch k1 {
        case .bool: return a.json.bool == b.json.bool
        case .float: return a.json.double == b.json.double
        case .int, .uint: return intValue(a) == intValue(b)
        case .string: return a.json.string == b.json.string
        }
    }

    static func less(_ a: JPValue, _ b: JPValue) throws -> Bool {
        let k1 = try kind(a), k2 = try kind(b)
        if k1 != k2 {
            if (k1 == .int && k2 == .uint) || (k1 == .uint && k2 == .int) { return intValue(a) < intValue(b) }
            throw JSONPathError("incompatible types for comparison")
        }
        switch k1 {
        case .bool: throw JSONPathError("invalid type for comparison")
        case .float: return a.json.double! < b.json.double!
        case .int, .uint: return intValue(a) < intValue(b)
        case .string: return Array(a.json.string!.utf8).lexicographicallyPrecedes(Array(b.json.string!.utf8))
        }
    }

    static func lessOrEqual(_ a: JPValue, _ b: JPValue) throws -> Bool {
        if try less(a, b) { return true }
        return try equal(a, b)
    }
}
