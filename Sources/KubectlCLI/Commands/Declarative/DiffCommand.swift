#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl diff -f`: writes the live and the would-be objects into `LIVE-*` and `MERGED-*`
/// directories and runs `diff -u -N` (or `$KUBECTL_EXTERNAL_DIFF`) on them. Exit 0: no differences,
/// 1: differences, >1: an error (the diff program's own code, or 2 for kubectl's errors).
enum DiffCommand {
    static let spec: CommandSpec = {
        var spec = CommandSpec(
            "diff",
            use: "diff -f FILENAME",
            short: "Show how objects in the store would change if the files were applied",
            group: "Advanced Commands:",
            options: DiffOptions.self)
        spec.run = { try run(&$0) }
        spec.flagErrorsAreUsageErrors = true
        return spec
    }()

    /// diff's exit codes: 0 no differences, 1 differences, >1 an error (kubectl's own errors exit 2).
    static func run(_ inv: inout Invocation) throws {
        do {
            try DiffOptions.execute(&inv)
        } catch CLIError.exit(let c) {
            throw CLIError.exit(c)
        } catch {
            let (text, code) = ErrorRenderer.render(error, commandLine: inv.commandLine)
            inv.io.err.write(text)
            throw CLIError.exit(code + 1)
        }
    }

    /// kubectl's file name of an object in the LIVE and MERGED directories (`apps.v1.Deployment.ns.name`).
    static func fileName(_ type: ResourceType, namespace: String, name: String) -> String {
        (type.group.isEmpty ? "" : type.group + ".") + "\(type.version).\(type.kind).\(namespace).\(name)"
    }

    /// Runs `diff -u -N` (or `$KUBECTL_EXTERNAL_DIFF`) on the two directories.
    static func runDiffProgram(live: String, merged: String, inv: inout Invocation) throws {
        var command = ["diff", "-u", "-N"]
        if let external = inv.environment["KUBECTL_EXTERNAL_DIFF"], !external.isEmpty {
            let words = external.split(separator: " ").map(String.init)
            command = [words[0]] + words.dropFirst().filter { arg in
                !arg.isEmpty && arg.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "=" }
            }
        }
        let run = runProgram(command + [live, merged], environment: inv.environment)
        let output = String(decoding: run.output, as: UTF8.self), status = run.end.shellStatus
        inv.io.out.write(output)
        if status == 127 && output.isEmpty {
            throw CLIError.message("failed to run \(goQuoted(command[0])): executable file not found in $PATH")
        }
        if status != 0 { throw CLIError.exit(status) }
    }

    /// The object as diff shows it: without managedFields, secret values masked.
    static func prepare(_ obj: JSONValue, show: Bool) -> JSONValue {
        var o = show ? obj : ObjectPrinter.stripManagedFields(obj)
        if o["kind"].string == "Secret" && (o["apiVersion"].string ?? "") == "v1" {
            for field in ["data", "stringData"] {
                if case .object(let m) = o[field] {
                    var masked = JSONObject()
                    for (k, _) in m { masked[k] = .string("***") }
                    o[field] = .object(masked)
                }
            }
        }
        return o
    }

    /// Go's os.MkdirTemp: the prefix and a random 32-bit number in decimal (`/tmp/LIVE-2121801080`), mode 0700.
    static func makeTempDir(_ prefix: String) throws -> String {
        guard let dir = makeTemporaryDirectory(prefix) else {
            throw CLIError.message("unable to create temporary directory for \(prefix)")
        }
        return dir
    }

    static func writeFile(_ path: String, _ text: String) throws {
        if writeWholeFile(path, text, mode: 0o600)?.call == "open" { throw CLIError.message("open \(path): cannot create file") }
    }
}
