import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum WaitCommand {
    static let spec = CommandSpec(
        "wait", use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|delete|condition=available|jsonpath='{}'[=value]]",
        short: "Experimental: Block until objects reach a condition, are deleted or are created",
        flags: CommonFlags.output(tables: false)
            + CommonFlags.filenames("wait for").filter { $0.name != "kustomize" }.map(SetCommand.recursiveByDefault) + [
            FlagSpec("all", .bool, usage: "Select every object of the given types in the namespace."),
            CommonFlags.allNamespaces,
            CommonFlags.fieldSelector,
            FlagSpec("for", .string, usage: "What to wait for: create, delete, condition=NAME[=value] or jsonpath='{path}'[=value]."),
            FlagSpec("local", .bool, usage: "Wait on the objects from -f only."),
            CommonFlags.selector,
            FlagSpec("timeout", .duration, default: "30s", usage: "How long to wait; the store is settled, so an unmet condition stays unmet."),
        ],
        group: "Advanced Commands:", options: WaitOptions.self)

    enum Condition {
        case create, delete
        case condition(String, String)
        case jsonpath(String, String?)
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
        if lower.hasPrefix("jsonpath=") {
            let rest = String(text.dropFirst("jsonpath=".count))
            guard let close = rest.lastIndex(of: "}") else {
                // A path without braces is relaxed as kubectl's get does (`.status.phase`), or refused with its text.
                let parts = rest.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let relaxed: String
                do { relaxed = try relaxedJSONPathExpression(parts[0]) } catch { throw CLIError.message("\(error)") }
                if relaxed.isEmpty { throw CLIError.message("unrecognized condition: \(goQuoted(text))") }
                return .jsonpath(String(relaxed.dropFirst().dropLast()), parts.count > 1 ? parts[1] : nil)
            }
            var path = String(rest[...close])
            if path.hasPrefix("{") { path = String(path.dropFirst().dropLast()) }
            let after = rest[rest.index(after: close)...]
            if after.isEmpty { return .jsonpath(path, nil) }
            guard after.hasPrefix("=") else { throw CLIError.message("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3") }
            return .jsonpath(path, String(after.dropFirst()))
        }
        throw CLIError.message("unrecognized condition: \(goQuoted(text))")
    }

    /// A dotted path with optional `[n]` indexes (`.status.conditions[0].type`).
    static func evaluate(_ path: String, _ obj: JSONValue) -> JSONValue? {
        var cur = obj
        for comp in path.split(separator: ".", omittingEmptySubsequences: true) {
            var name = Substring(comp)
            var indexes: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
                guard let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) else { return nil }
                indexes.insert(i, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty {
                guard case .object(let o) = cur, let next = o[String(name)] else { return nil }
                cur = next
            }
            for i in indexes {
                guard let a = cur.array, i >= 0, i < a.count else { return nil }
                cur = a[i]
            }
        }
        return cur
    }

    static func scalarText(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return goFormatFloat(d)
        case .null: return ""
        default: return v.compactJSON
        }
    }

    static func conditionMet(_ condition: Condition, _ object: JSONValue) -> Bool {
        switch condition {
        case .create, .delete: return true
        case .condition(let type, let value):
            let conds = object["status"]["conditions"].array ?? []
            return conds.contains {
                ($0["type"].string ?? "").lowercased() == type.lowercased()
                    && ($0["status"].string ?? "").lowercased() == value.lowercased()
            }
        case .jsonpath(let path, let value):
            guard let v = evaluate(path, object) else { return false }
            return value.map { scalarText(v) == $0 } ?? true
        }
    }
}

/// wait's options: the objects named (`TYPE NAME`, `-f`, `-l`, `--all`, `-A`, `--field-selector`) are
/// read again until the condition holds or `--timeout` passes; each met condition is reported through
/// the printer (`<kind>/<name> condition met`, `-o name`, or the object).
struct WaitOptions: CommandOptions {
    var builder: ResourceBuilder
    var printFlags: PrintFlags
    var forText: String
    var timeoutNanoseconds: Int64

    init(_ inv: inout Invocation) throws {
        let f = inv.flags
        builder = ResourceBuilder.from(inv)
        printFlags = PrintFlags(f)
        forText = f.string("for")
        timeoutNanoseconds = f.durationNanoseconds("timeout") ?? 30_000_000_000
    }

    func validate(_ inv: Invocation) throws {
        _ = try WaitCommand.parseCondition(forText)
        if builder.args.isEmpty && builder.filenames.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
    }

    func run(_ inv: inout Invocation) throws {
        let condition = try WaitCommand.parseCondition(forText)
        let printer = try printFlags.toPrinter(inv)
        let (targets, errors) = try Workloads.collect(&inv, resources: builder.args, local: builder.local, all: builder.selectAll,
                                                     selector: builder.labelSelector, fieldSelector: builder.fieldSelector,
                                                     allNamespaces: builder.allNamespaces)
        var wait = ClientWait(timeoutNanoseconds: timeoutNanoseconds)
        if !builder.local { wait.server = try inv.server() }
        if case .delete = condition {
            // Objects already gone satisfy --for=delete; the others are waited for.
            for t in targets {
                guard let type = t.type else { continue }
                let server = try inv.server()
                let gone = try wait.until {
                    try server.read { try $0.find(type, namespace: t.namespace, name: t.name) } == nil
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
                return WaitCommand.conditionMet(condition, current)
            }
            if !met {
                throw CLIError.message("timed out waiting for the condition on \(t.type?.plural ?? t.kind.lowercased())/\(t.name)")
            }
            try printer.printNow(current, type: t.type, operation: "condition met", inv: &inv)
        }
    }
}
