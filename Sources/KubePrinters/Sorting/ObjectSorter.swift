import KubeModel

/// kubectl's `--sort-by`: the first value a relaxed JSONPath finds in each object decides the order.
///
/// Numbers compare numerically (an integer and a float do not compare: kubectl exits), strings
/// byte-wise as Go compares them (`web-054` < `web-10a` < `web-1b`) unless both parse as quantities
/// (`2Gi` < `10Gi`, `9` < `10`), timestamps are strings in RFC 3339 so they sort chronologically. An object without the field sorts before the others; if
/// no object has it, the sort fails with `couldn't find any field with path "{.x}" in the list of objects`.
public enum ObjectSorter {
    /// The order of `objects` (a permutation of their indices).
    public static func order(_ objects: [JSONValue], by sortBy: String) throws -> [Int] {
        if objects.isEmpty { return [] }
        let key = try KeyReader(sortBy)
        return try order(keys: objects.map { try key.key(of: $0) }, field: key.field)
    }

    /// Reads the sort key of one object at a time (a list can then be sorted by its keys alone).
    public struct KeyReader {
        /// The JSONPath expression the keys come from (as kubectl's messages show it).
        public let field: String
        let parser: JSONPath

        /// A path that is none of kubectl's relaxed forms (`{.a`, `{.a}{.b}`, `{}`) is refused with
        /// RelaxedJSONPathExpression's error, as SortObjects refuses it.
        public init(_ sortBy: String) throws {
            field = try relaxedJSONPathExpression(sortBy)
            do { parser = try JSONPath(field, allowMissingKeys: true) } catch let e as JSONPathError {
                throw PrinterError(e.message)
            }
        }

        /// The first value the path finds in `object`, nil when none.
        public func key(of object: JSONValue) throws -> JPValue? {
            do { return try parser.findResults(object).first?.first } catch let e as JSONPathError {
                throw PrinterError(e.message)
            }
        }
    }

    /// The order of objects with these keys (nil: no value), as `order` sorts the objects themselves.
    public static func order(keys: [JPValue?], field: String) throws -> [Int] {
        if keys.isEmpty { return [] }
        if !keys.contains(where: { $0 != nil }) {
            throw PrinterError("couldn't find any field with path \(strconvQuote(field)) in the list of objects")
        }
        var sortError: PrinterError? = nil
        let perm = goSort(count: keys.count) { i, j in
            guard let a = keys[i] else { return true }
            guard let b = keys[j] else { return false }
            do { return try isLess(a, b) } catch {
                if sortError == nil {
                    sortError = PrinterError("Field \(field) in *unstructured.Unstructured is an unsortable type: \(reflectKind(a)), err: \(error)")
                }
                return false
            }
        }
        if let sortError { throw sortError }
        return perm
    }

    static func reflectKind(_ v: JPValue) -> String {
        switch v {
        case .value: return "interface"
        case .byte: return "uint8"
        case .literalInt: return "int"
        case .invalid: return "invalid"
        }
    }

    /// kubectl's `isLess` for two found values.
    public static func isLess(_ i: JPValue, _ j: JPValue) throws -> Bool {
        switch (i, j) {
        case (.byte(let a), .byte(let b)): return a < b
        case (.literalInt(let a), .literalInt(let b)): return a < b
        case (.value(let a), .value(let b)):
            if a.isNull && b.isNull { return false }
            if a.isNull { return true }
            if b.isNull { return false }
            switch (a, b) {
            case (.int(let x), .int(let y)): return x < y
            case (.double(let x), .double(let y)): return x < y
            case (.string(let x), .string(let y)):
                if let qx = try? Quantity.parse(x), let qy = try? Quantity.parse(y) { return qx.compare(qy) < 0 }
                return goStringLess(x, y)
            case (.int, _), (.double, _), (.string, _):
                throw PrinterError("unsortable interface: interface")
            default:
                throw PrinterError("unsortable type: \(goTypeNameOf(a))")
            }
        default:
            throw PrinterError("unsortable type: \(reflectKind(i))")
        }
    }

    /// The permutation Go's `sort.Sort` produces with this `less` (ties included).
    public static func goSort(count: Int, less: (Int, Int) -> Bool) -> [Int] {
        withoutActuallyEscaping(less) { GoSort.permutation(count: count, less: $0) }
    }
}
