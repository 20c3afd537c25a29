#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel

/// Flag groups several commands share (kubectl's PrintFlags, FilenameOptions, ...).
enum CommonFlags {
    static let outputFormats = ["json", "yaml", "name", "go-template", "go-template-file", "template", "templatefile",
                                "jsonpath", "jsonpath-as-json", "jsonpath-file"]

    static func output(tables: Bool) -> [FlagSpec] {
        [
            FlagSpec("output", short: "o", .string,
                     usage: tables ? "Output format: json, yaml, name, wide, custom-columns=..., jsonpath=..., go-template=..."
                        : "Output format: json, yaml, name, jsonpath=..., go-template=...",
                     completions: tables ? ["wide", "custom-columns="] + outputFormats : outputFormats),
            FlagSpec("allow-missing-template-keys", .bool, default: "true",
                     usage: "Ignore missing fields in templates (go-template and jsonpath output only)."),
            FlagSpec("show-managed-fields", .bool, usage: "Keep metadata.managedFields in JSON and YAML output."),
            FlagSpec("template", .string, usage: "Template for -o go-template or jsonpath, when not given after '='."),
        ]
    }

    static func filenames(_ purpose: String) -> [FlagSpec] {
        [
            FlagSpec("filename", short: "f", .stringSlice, usage: "Files, directories or - (stdin) holding the objects to \(purpose)."),
            FlagSpec("recursive", short: "R", .bool, usage: "Walk the directories given with -f recursively."),
            FlagSpec("kustomize", short: "k", .string, usage: "Kustomization directory to \(purpose)."),
        ]
    }

    /// The printing and dry-run flags of the commands that generate objects (`create <kind>`, `run`).
    static let generatorPrinting: [FlagSpec] = [
        FlagSpec("allow-missing-template-keys", .bool, default: "true", usage: "Ignore template errors for missing keys."),
        FlagSpec("dry-run", .string, default: "none", usage: "Only print the object: none, server or client.",
                 noOptDefault: "unchanged", completions: ["none", "server", "client"]),
        FlagSpec("output", short: "o", .string, usage: "Output format (json, yaml, name, go-template, jsonpath, ...)."),
        FlagSpec("show-managed-fields", .bool, usage: "Keep managedFields when printing JSON or YAML."),
        FlagSpec("template", .string, usage: "Template for -o go-template or jsonpath."),
    ]

    static let dryRun = FlagSpec("dry-run", .string, default: "none",
                                 usage: "Only show what would happen: \"none\", \"client\" or \"server\".",
                                 noOptDefault: "unchanged", completions: ["none", "client", "server"])

    static let selector = FlagSpec("selector", short: "l", .string,
                                   usage: "Label selector (e.g. -l key1=value1,key2=value2); supports '=', '==', '!=', 'in', 'notin'.")
    static let fieldSelector = FlagSpec("field-selector", .string,
                                        usage: "Field selector (e.g. --field-selector metadata.name=x); supports '=', '==', '!='.")
    static let allNamespaces = FlagSpec("all-namespaces", short: "A", .bool,
                                        usage: "Act on objects in every namespace, ignoring -n.")
    static let chunkSize = FlagSpec("chunk-size", .int, default: "500",
                                    usage: "Fetch large lists in pages of this size. No effect offline: lists stream from the store.")
    static let validate = FlagSpec("validate", .string, default: "strict",
                                   usage: "Field validation: strict (reject unknown fields), warn, or ignore.",
                                   noOptDefault: "strict", completions: ["strict", "warn", "ignore"])
    /// `--record`, deprecated in kubectl (a notice on stderr when given).
    static let record = FlagSpec("record", .bool, usage: "Record the command line in the kubernetes.io/change-cause annotation (deprecated).",
                                 hidden: true, deprecated: "--record will be removed in the future")
    static let fieldManager = { (d: String) in FlagSpec("field-manager", .string, default: d, usage: "Name recorded in metadata.managedFields as the manager of the fields written.") }
}

enum DryRun: String {
    case none, client, server

    /// kubectl's `GetDryRunStrategy`: bare `--dry-run` means client, and Go's boolean spellings
    /// (`true`, `0`, `F`...) client or none, each with a deprecation warning; empty means none unless
    /// given as `--dry-run=` (a command without the flag reads it empty), which is refused.
    static func parse(_ v: String, _ inv: Invocation) throws -> DryRun {
        if let b = goBool(v) {
            let to = b ? "client" : "none"
            inv.io.err.write(klogHeader("W", file: b ? "helpers.go:716" : "helpers.go:719", now: inv.clock.now)
                + "--dry-run=\(v) is deprecated (boolean value) and can be replaced with --dry-run=\(to).\n")
            return b ? .client : .none
        }
        switch v {
        case "" where !(inv.flags.declares("dry-run") && inv.flags.isSet("dry-run")): return .none
        case "none": return .none
        case "client": return .client
        case "server":
            if inv.flags.declares("local") && inv.flags.bool("local") {
                throw CLIError.message("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
            }
            return .server
        case "unchanged":
            inv.io.err.write(klogHeader("W", file: "helpers.go:702", now: inv.clock.now) + "--dry-run is deprecated and can be replaced with --dry-run=client.\n")
            return .client
        default:
            throw CLIError.message("Invalid dry-run value (\(v)). Must be \"none\", \"server\", or \"client\".")
        }
    }

    /// Go's `strconv.ParseBool`.
    private static func goBool(_ v: String) -> Bool? {
        switch v {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default: return nil
        }
    }

    /// Suffix of success lines: ` (dry run)` / ` (server dry run)`.
    var suffix: String {
        switch self {
        case .none: return ""
        case .client: return " (dry run)"
        case .server: return " (server dry run)"
        }
    }
}

/// A klog line header as kubectl writes warnings: `W1123 19:32:52.168417   16586 helpers.go:702] `.
func klogHeader(_ severity: String, file: String, now: Timestamp) -> String {
    let c = now.rfc3339  // 2026-11-23T19:32:52Z
    let b = Array(c)
    let mmdd = String(b[5...6]) + String(b[8...9])
    let time = String(b[11...18])
    let pid = String(getpid())
    let padded = String(repeating: " ", count: max(0, 7 - pid.count)) + pid
    return "\(severity)\(mmdd) \(time).000000 \(padded) \(file)] "
}

extension PropagationPolicy {
    /// `--cascade` (kubectl's GetCascadingStrategy): background (also `true`), foreground or orphan (also `false`).
    static func cascade(_ text: String) throws -> PropagationPolicy {
        switch text {
        case "background", "true": return .background
        case "foreground": return .foreground
        case "orphan", "false": return .orphan
        case let v: throw CLIError.message("invalid cascade value (\(v)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
    }
}

/// `--raw URI` (create, replace, delete): a request sent as is to the API server, which does not exist
/// offline; the path is still checked as kubectl checks it.
enum RawRequest {
    static var unavailable: CLIError { .message("--raw is not available offline: kubectl-local has no API server to send raw requests to") }

    /// Go's url.ParseRequestURI: an absolute URI (`scheme:...`) or an absolute path.
    static func validatePath(_ raw: String) throws {
        if raw.hasPrefix("/") { return }
        if let colon = raw.firstIndex(of: ":"), let first = raw.first, first.isLetter,
           raw[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
            return
        }
        throw CLIError.message("--raw must be a valid URL path: parse \(goQuoted(raw)): invalid URI for request")
    }
}
