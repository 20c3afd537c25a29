import KubeModel

/// An error of an output printer, with the exact text kubectl prints after `error: `.
public struct PrinterError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// cli-runtime's `JSONPathPrinter` (`-o jsonpath=`, `jsonpath-file=`, `jsonpath-as-json=`).
///
/// One printer is made per command and reused for every object it prints, as kubectl does.
public final class JSONPathPrinter {
    public let rawTemplate: String
    let path: JSONPath

    /// Parses the template; the error reads `error parsing jsonpath TEMPLATE, REASON`.
    public init(template: String, allowMissingKeys: Bool = true, asJSON: Bool = false) throws {
        rawTemplate = template
        do {
            path = try JSONPath(template, allowMissingKeys: allowMissingKeys, outputJSON: asJSON)
        } catch let e as JSONPathError {
            throw PrinterError("error parsing jsonpath \(template), \(e.message)\n")
        }
    }

    /// The objects are typed Go objects in kubectl (create's generators, `set`, `run --dry-run=client`):
    /// its printer encodes them to JSON and decodes that into `interface{}`, so every number reaches the
    /// template as a float64 (`1e+06`, and `[?(@.port==80)]` compares a float with an int: an error).
    public var typedObjects = false

    /// The text for one object (or one `List`); nothing is printed when evaluation fails.
    public func print(_ object: JSONValue) throws -> String {
        let object = typedObjects ? JSONPathPrinter.floatNumbers(object) : object
        do {
            return try path.execute(object)
        } catch let e as JSONPathError {
            var buf = "Error executing template: \(e.message). Printing more information for debugging the template:\n"
            buf += "\ttemplate was:\n\t\t\(rawTemplate)\n"
            buf += "\tobject given to jsonpath engine was:\n\t\t\(goFormatSharpV(object))\n\n"
            throw PrinterError("error executing jsonpath \(strconvQuote(rawTemplate)): \(buf)\n")
        }
    }

    /// `v` with every integer a float, as encoding/json decodes numbers into `interface{}`.
    static func floatNumbers(_ v: JSONValue) -> JSONValue {
        switch v {
        case .int(let i): return .double(Double(i))
        case .array(let a): return .array(a.map(floatNumbers))
        case .object(var o):
            for (k, x) in o { o[k] = floatNumbers(x) }
            return .object(o)
        default: return v
        }
    }

    /// The text for a `List` whose items come one at a time from `items` (see `JSONPath.executeStreaming`).
    /// Throws `JSONPathNotStreamable` when the template needs the whole list or fails on it: `print`
    /// of the whole list then gives kubectl's output or error.
    public func printStreaming(header: JSONValue, items: ((JSONValue) throws -> Void) throws -> Void,
                               emit: @escaping (String) -> Void) throws
    {
        do {
            try path.executeStreaming(header: header, items: items, emit: emit)
        } catch is JSONPathError {
            throw JSONPathNotStreamable()
        }
    }
}
