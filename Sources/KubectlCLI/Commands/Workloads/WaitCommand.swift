import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum WaitCommand {
    static let spec = CommandSpec(
        "wait", use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
        short: "Experimental: Block until objects reach a condition, are deleted or are created",
        group: "Advanced Commands:", options: WaitOptions.self)

    enum Condition {
        case create, delete
        case condition(String, String)
        /// A parsed JSONPath (missing keys allowed) and the value to compare with (nil: any value).
        case jsonpath(JSONPath, String?)
    }

    static func parseCondition(_ text: String) throws -> Condition {
        let lower = text.lowercased()
        if lower == "delete" { return .delete }
        if lower == "create" { return .create }
        if lower.hasPrefix("condition=") {
            let rest = String(text.dropFirst("condition=".count))
            let parts = rest.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return .condition(parts[0], parts.count > 1 ? parts[1] : "true")
        }
        if text.hasPrefix("jsonpath=") {
            let (expression, value) = try jsonPathInput(String(text.dropFirst("jsonpath=".count)))
            if expression.isEmpty { throw CLIError.message("jsonpath expression cannot be empty") }
            do {
                return .jsonpath(try JSONPath(expression, allowMissingKeys: true), value)
            } catch {
                throw CLIError.message(SetCommand.messageText(error))
            }
        }
        throw CLIError.message("unrecognized condition: \(goQuoted(text))")
    }

    /// kubectl's processJSONPathInput: the input split at single `=` (a `==` stays inside a part),
    /// the expression relaxed (`.a.b` → `{.a.b}`), the value stripped of quotes.
    static func jsonPathInput(_ input: String) throws -> (String, String?) {
        var parts: [String] = [], current = ""
        var chars = Array(input)[...]
        while let c = chars.popFirst() {
            if c == "=" {
                if chars.first == "=" { current += "=="; chars = chars.dropFirst(); continue }
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        guard parts.count <= 2 else {
            throw CLIError.message("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
        }
        let expression: String
        do { expression = try relaxedJSONPathExpression(parts[0]) } catch { throw CLIError.message(SetCommand.messageText(error)) }
        if parts.count == 1 { return (expression, nil) }
        let quote: (Character) -> Bool = { $0 == "'" || $0 == "\"" }
        let value = String(parts[1].drop(while: quote).reversed().drop(while: quote).reversed())
        if value.isEmpty {
            throw CLIError.message("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
        }
        return (expression, value)
    }

    static func trimmedSpaces(_ s: String) -> String {
        String(s.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    static func conditionMet(_ condition: Condition, _ object: JSONValue) throws -> Bool {
        switch condition {
        case .create, .delete: return true
        case .condition(let type, let value):
            let conds = object["status"]["conditions"].array ?? []
            return conds.contains {
                ($0["type"].string ?? "").lowercased() == type.lowercased()
                    && ($0["status"].string ?? "").lowercased() == value.lowercased()
            }
        case .jsonpath(let path, let value):
            // kubectl: nothing found is not met yet; several values, or a map or list compared with a
            // value, are errors.
            let results = try path.findResults(object)
            guard let first = results.first, let v = first.first else { return false }
            if results.count > 1 { throw CLIError.message("given jsonpath expression matches more than one list") }
            if first.count > 1 { throw CLIError.message("given jsonpath expression matches more than one value") }
            guard let value else { return true }
            switch v.json {
            case .object, .array: throw CLIError.message("jsonpath leads to a nested object or list which is not supported")
            default: return trimmedSpaces(goFormatV(v.json)) == trimmedSpaces(value)
            }
        }
    }
}

/// wait's options: the objects named (`TYPE NAME`, `-f`, `-l`, `--all`, `-A`, `--field-selector`) are
/// read again until the condition holds or `--timeout` passes; each met condition is reported through
/// the printer (`<kind>/<name> condition met`, `-o name`, or the object).
struct WaitOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var forText = ""
    var timeout = DurationFlag()
    var timeoutNanoseconds: Int64 { timeout.nanoseconds ?? 30_000_000_000 }

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false)),
         .builder(\.builder, CommonFlags.filenames("wait for").filter { $0.name != "kustomize" }.map(SetCommand.recursiveByDefault) + [
            FlagSpec("all", .bool, usage: "Select every object of the given types in the namespace."),
            CommonFlags.allNamespaces,
            CommonFlags.fieldSelector,
            FlagSpec("local", .bool, usage: "Wait on the objects from -f only."),
            CommonFlags.selector]),
         .init(\.forText, "for", usage: "What to wait for: create, delete, condition=NAME[=value] or jsonpath='{path}'[=value]."),
         .init(\.timeout, "timeout", default: "30s", usage: "How long to wait; the store is settled, so an unmet condition stays unmet.")]
    }

    /// kubectl's order: the printer, then the condition, then the objects.
    func validate(_ inv: Invocation) throws {
        _ = try printFlags.format()
        _ = try WaitCommand.parseCondition(forText)
        if builder.args.isEmpty && builder.filenames.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
    }

    func run(_ inv: inout Invocation) throws {
        let condition = try WaitCommand.parseCondition(forText)
        let printer = try printFlags.toPrinter(inv)
        var (targets, errors) = try Workloads.collect(&inv, builder)
        var wait = ClientWait(timeoutNanoseconds: timeoutNanoseconds)
        if !builder.local { wait.server = try inv.server() }
        if case .create = condition, !errors.isEmpty || targets.isEmpty {
            // kubectl reads the objects again until all of them exist or the timeout passes.
            let created = try wait.until {
                (targets, errors) = try Workloads.collect(&inv, builder)
                return errors.isEmpty && !targets.isEmpty
            }
            if !created { throw CLIError.message("timed out waiting for the condition") }
        }
        if case .delete = condition {
            // Objects already gone satisfy --for=delete; the others are waited for.
            for t in targets {
                guard let type = t.type else { continue }
                let server = try inv.server()
                // Waiting lets the kubelets stop a Terminating pod (as time passes while kubectl waits).
                let within = max(0, timeoutNanoseconds) / 1_000_000_000
                let gone = try wait.until {
                    guard let obj = try server.read({ try $0.find(type, namespace: t.namespace, name: t.name) }) else { return true }
                    if server.store.isReadOnly { return false }
                    return try server.write { s in
                        try s.finishDeletion(type, namespace: t.namespace, name: t.name, uid: obj["metadata"]["uid"].string ?? "",
                                             withinSeconds: within)
                    }
                }
                if !gone { throw CLIError.message("timed out waiting for the condition on \(type.plural)/\(t.name)") }
                try printer.printNow(t.object, type: t.type, operation: "condition met", inv: &inv)
            }
            return
        }
        if let e = errors.first { throw e }
        if targets.isEmpty { throw CLIError.message("no matching resources found") }
        for t in targets {
            var current = t.object
            let met = try wait.until {
                if let type = t.type, !builder.local {
                    guard let fresh = try inv.server().read({ try $0.find(type, namespace: t.namespace, name: t.name) })
                    else { return false }
                    current = fresh
                }
                return try WaitCommand.conditionMet(condition, current)
            }
            if !met {
                throw CLIError.message("timed out waiting for the condition on \(t.type?.plural ?? t.kind.lowercased())/\(t.name)")
            }
            try printer.printNow(current, type: t.type, operation: "condition met", inv: &inv)
        }
    }
}
