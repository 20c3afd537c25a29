import KubeModel

/// A template error with Go's text: `template: output:1: unclosed action` (parse) or
/// `template: output:1:7: executing "output" at <.foo>: map has no entry for key "foo"` (execution).
/// An execution error keeps what the template had written before it failed, since kubectl prints that.
public struct GoTemplateError: Error, Equatable, CustomStringConvertible {
    public enum Phase: Sendable, Equatable { case parse, execute }
    public var phase: Phase
    public var message: String
    public var partialOutput: String
    public var description: String { message }
}

/// Go's text/template as kubectl's `-o go-template` uses it: template name "output", the functions
/// of text/template plus kubectl's `exists` and `base64decode`, data as kubectl's unstructured JSON
/// (objects `map[string]interface {}`, arrays `[]interface {}`, integers `int64`, other numbers `float64`).
public struct GoTemplate: @unchecked Sendable {
    public let name: String
    public let text: String
    let templates: [String: GTNode]
    let bytes: [UInt8]
    let functions: [String: GoTemplateFunction]

    /// Parses `text`; `functions` adds functions beside text/template's builtins (a builtin keeps its name).
    public static func parse(_ text: String, name: String = "output",
                             functions: [String: GoTemplateFunction] = [:]) throws -> GoTemplate {
        var lexer = GTLexer(text)
        lexer.run()
        let names = gtFunctionNames.union(functions.keys)
        let parser = GTParser(items: lexer.items, parseName: name, treeName: name, treeSet: [:], funcs: names)
        do {
            _ = try parser.parse()
        } catch let e as GTParseError {
            throw GoTemplateError(phase: .parse, message: e.message, partialOutput: "")
        }
        let extra = functions.filter { !gtFunctionNames.contains($0.key) }
        return GoTemplate(name: name, text: text, templates: parser.treeSet, bytes: lexer.input, functions: extra)
    }

    public func execute(_ data: JSONValue, allowMissingKeys: Bool = true) throws -> String {
        try execute(data, allowMissingKeys: allowMissingKeys, limits: GTLimits())
    }

    func execute(_ data: JSONValue, allowMissingKeys: Bool, limits: GTLimits) throws -> String {
        let state = GTState(templates: templates, text: bytes, parseName: name, name: name,
                            missingKeyError: !allowMissingKeys, limits: limits)
        try run(state, GV.concrete(data))
        return String(decoding: state.out, as: UTF8.self)
    }

    /// Walks the template with `dot` as `.` and `$`; an execution error keeps the output so far.
    func run(_ state: GTState, _ dot: GV) throws {
        state.functions = functions
        state.vars = [("$", dot)]
        do {
            guard let root = templates[name] else {
                throw state.errorf("\(strconvQuote(name)) is an incomplete or empty template")
            }
            try state.walk(dot, root)
        } catch let e as GTExecError {
            throw GoTemplateError(phase: .execute, message: e.message,
                                  partialOutput: String(decoding: state.out, as: UTF8.self))
        }
    }
}

/// A function added to a template: its arguments arrive as JSON values (`nil` for Go's nil or a missing
/// value), its result is what the template sees (`.null` is nil); a thrown `GoTemplateFunctionError`
/// fails the execution as `error calling NAME: MESSAGE`.
public struct GoTemplateFunction: @unchecked Sendable {
    public var call: ([JSONValue]) throws -> JSONValue
    public init(_ call: @escaping ([JSONValue]) throws -> JSONValue) { self.call = call }
}

public struct GoTemplateFunctionError: Error {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// What kubectl's go-template printer does with a template and one object.
public enum GoTemplatePrinter {
    /// The message kubectl fails with when the template does not parse (to be printed after "error: ").
    public static func parseErrorMessage(rawTemplate: String, _ error: GoTemplateError) -> String {
        "error parsing template \(rawTemplate), \(error.message)\n"
    }

    /// Executes the template on an object. `output` is what goes to stdout (on failure: the partial
    /// output followed by kubectl's debugging dump); `error` is the message kubectl then fails with
    /// (to be printed after "error: "), nil on success. `typed`: kubectl holds a typed Go object (a
    /// client-built object, an event list), whose "raw data" JSON keeps the struct's field order;
    /// otherwise it is an unstructured map, marshalled with its keys sorted.
    public static func print(_ template: GoTemplate, rawTemplate: String, object: JSONValue,
                             allowMissingKeys: Bool = true, typed: Bool = false) -> (output: String, error: String?) {
        do {
            return (try template.execute(object, allowMissingKeys: allowMissingKeys), nil)
        } catch let e as GoTemplateError {
            var out = e.partialOutput
            out += "Error executing template: \(e.message). Printing more information for debugging the template:\n"
            out += "\ttemplate was:\n\t\t\(rawTemplate)\n"
            out += "\traw data was:\n\t\t\(object.jsonString(typed ? .compactOrdered : .compact))\n"
            out += "\tobject given to template engine was:\n\t\t\(gvFormat(GV.concrete(object), "v", GoFmtFlags()))\n\n"
            return (out, "error executing template \(strconvQuote(rawTemplate)): \(e.message)")
        } catch {
            return ("", "\(error)")
        }
    }
}
