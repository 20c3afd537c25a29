import KubeModel

/// The `-o` value, checked the way kubectl's printer-flag chain checks it.
public enum OutputFormat: Equatable, Sendable {
    case table(wide: Bool)
    case yaml
    case json
    case name
    case jsonpath(String)
    case jsonpathFile(String)
    case jsonpathAsJSON(String)
    case customColumns(String)
    case customColumnsFile(String)
    case goTemplate(String)
    case goTemplateFile(String)

    /// Whether the printer leaves out `metadata.managedFields` unless `--show-managed-fields` (kubectl's
    /// JSON and YAML printers do; templates and JSONPath see every field).
    public var omitsManagedFields: Bool { self == .json || self == .yaml }

    /// jsonpath, go-template and custom-columns: printers built from a template.
    public var isTemplate: Bool {
        switch self {
        case .jsonpath, .jsonpathFile, .jsonpathAsJSON, .goTemplate, .goTemplateFile, .customColumns, .customColumnsFile: return true
        default: return false
        }
    }

    /// Formats `get` accepts, in the order kubectl lists them in its error.
    public static let getFormats = ["custom-columns", "custom-columns-file", "go-template", "go-template-file", "json",
                                    "jsonpath", "jsonpath-as-json", "jsonpath-file", "name", "template",
                                    "templatefile", "wide", "yaml"]
    /// Formats of commands without tables (`create`, `label`, ...).
    public static let objectFormats = ["go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json",
                                       "jsonpath-file", "name", "template", "templatefile", "yaml"]

    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `-o`; `template` is the `--template` flag value for `go-template`/`jsonpath` without `=`.
    public static func parse(_ raw: String, template: String = "", allowTables: Bool) throws -> OutputFormat {
        var name = raw
        var arg: String? = nil
        if let eq = raw.firstIndex(of: "=") {
            name = String(raw[..<eq])
            arg = String(raw[raw.index(after: eq)...])
        }
        let allowed = allowTables ? getFormats : objectFormats
        func unmatched() -> Error {
            Error(description: "unable to match a printer suitable for the output format \(strconvQuote(raw)), allowed formats are: \(allowed.joined(separator: ","))")
        }
        func templateArg() throws -> String {
            let t = arg ?? template
            if t.isEmpty { throw Error(description: "template format specified but no template given") }
            return t
        }
        // With `--template` given, kubectl's template printers do not split `-o FORMAT=VALUE`: no format matches.
        if arg != nil && !template.isEmpty { throw unmatched() }
        // `-o=` (pflag hands the shorthand "=") names no format.
        if name.isEmpty && arg != nil { throw unmatched() }
        // kubectl lowercases json, yaml and name only: the template formats match as written.
        let templateNames = ["jsonpath", "jsonpath-file", "jsonpath-as-json", "go-template", "template", "go-template-file", "templatefile"]
        if templateNames.contains(name.lowercased()) && !templateNames.contains(name) { throw unmatched() }
        switch name.lowercased() {
        case "": return .table(wide: false)
        case "wide" where allowTables && arg == nil: return .table(wide: true)
        case "yaml" where arg == nil: return .yaml
        case "json" where arg == nil: return .json
        case "name" where arg == nil: return .name
        case "jsonpath": return .jsonpath(try templateArg())
        case "jsonpath-file": return .jsonpathFile(try templateArg())
        case "jsonpath-as-json": return .jsonpathAsJSON(try templateArg())
        case "go-template", "template": return .goTemplate(try templateArg())
        case "go-template-file", "templatefile": return .goTemplateFile(try templateArg())
        case "custom-columns" where allowTables:
            guard let a = arg, !a.isEmpty else {
                throw Error(description: "custom-columns format specified but no custom columns given")
            }
            return .customColumns(a)
        case "custom-columns-file" where allowTables:
            guard let a = arg, !a.isEmpty else {
                throw Error(description: "custom-columns format specified but no custom columns given")
            }
            return .customColumnsFile(a)
        default: throw unmatched()
        }
    }

    public var isHumanReadable: Bool { if case .table = self { return true }; return false }
}
