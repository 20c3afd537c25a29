import KubeModel
import KubePrinters

/// `kubectl version`: the client is kubectl v1.32.5-compatible; the local store answers as the server,
/// a kind node of the same release (kindest/node:v1.32.5). Both report v1.32.5's release build info so
/// tools that parse it see the values kubectl and a kind cluster give.
enum VersionCommand {
    static let gitVersion = "v1.32.5"

    static let spec = CommandSpec(
        "version", use: "version [flags]", short: "Show the versions of kubectl-local and of the store's API",
        group: "Other Commands:", options: VersionOptions.self)

    static func info() -> JSONValue {
        JSONObject([
            ("major", "1"), ("minor", "32"), ("gitVersion", .string(gitVersion)),
            ("gitCommit", "9894294ef13a5b32803e3ca2c0d620a088cc84d1"), ("gitTreeState", "clean"),
            ("buildDate", "2025-05-15T09:12:10Z"), ("goVersion", "go1.23.8"), ("compiler", "gc"), ("platform", "linux/amd64"),
        ]).asValue
    }
}

struct VersionOptions: FlagOptions {
    var client = false
    var output = ""
    static var flags: [OptionFlag<Self>] {
        [.init(\.client, "client", usage: "Print the client version only."),
         .init(\.output, "output", short: "o", usage: "Output format: yaml or json.", completions: ["yaml", "json"])]
    }

    func run(_ inv: inout Invocation) throws {
        if !inv.args.isEmpty { throw CLIError.message("extra arguments: [\(inv.args.joined(separator: " "))]") }
        let gitVersion = VersionCommand.gitVersion, info = VersionCommand.info
        var doc = JSONObject([("clientVersion", info()), ("kustomizeVersion", "v5.5.0")])
        if !client { doc["serverVersion"] = info() }
        switch output {
        case "":
            inv.io.out.write("Client Version: \(gitVersion)\nKustomize Version: v5.5.0\n")
            if !client { inv.io.out.write("Server Version: \(gitVersion)\n") }
        case "json":
            inv.io.out.write(JSONValue.object(doc).jsonString(JSONWriteOptions(indent: 2, sortKeys: false)) + "\n")
        case "yaml":
            inv.io.out.write(ObjectPrinter.yaml(.object(doc)) + "\n")
        default:
            throw CLIError.message("--output must be 'yaml' or 'json'")
        }
    }
}

extension JSONObject {
    var asValue: JSONValue { .object(self) }
}
