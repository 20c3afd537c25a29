#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `get -w` / `--watch` / `--watch-only`: the current objects, then one entry per change as the store
/// changes (other processes creating, labelling, deleting). The store is polled cheaply: only when
/// its store-wide resourceVersion or the count of objects of the type moved are the objects of the watched type read again and compared
/// with what was seen (new → ADDED, new resourceVersion → MODIFIED, gone or no longer selected →
/// DELETED, printed with its last state). Runs until interrupted or until `--request-timeout` passes,
/// then exits 0 without a message, as kubectl does when the server closes a watch.
enum GetWatch {
    struct Target {
        var type: ResourceType
        var namespace: String?
        var name: String?
        var labelSelector: LabelSelector?
        var fieldSelector: FieldSelector?
        var labelSelectorText: String
        var fieldSelectorText: String
    }

    /// Poll period of the store.
    static let pollMicroseconds: UInt32 = 100_000

    static func run(_ inv: inout Invocation, format: OutputFormat, target: Target) throws {
        let server = try inv.server()
        let watchOnly = inv.flags.bool("watch-only")
        let events = inv.flags.bool("output-watch-events")
        let deadline = try timeoutDeadline(inv)
        var printer = try EventPrinter(inv: inv, format: format, type: target.type, events: events)

        var (rv, rows) = try server.read { s in (try signature(s, target), try select(s, target)) }
        if let sortBy = nonEmpty(inv.flags.string("sort-by")), case .table = format, rows.count > 0 {
            let objects = try rows.map { try JSON.parse($0.data) }
            if let order = try? ObjectSorter.order(objects, by: sortBy) { rows = order.map { rows[$0] } } else { rows = [] }
        }
        var seen: [String: ObjectRow] = [:]
        for r in rows { seen[key(r)] = r }
        if !watchOnly && !rows.isEmpty {
            try printer.print(rows.map { ("ADDED", $0) }, into: &inv)
        }

        while true {
            if let deadline, monotonicNow() >= deadline { return }
            usleep(pollMicroseconds)
            let current = try server.read { s in try signature(s, target) }
            if current == rv { continue }
            rv = current
            let now = try server.read { s in try select(s, target) }
            var changes: [(String, ObjectRow)] = []
            var next: [String: ObjectRow] = [:]
            for r in now {
                let k = key(r)
                next[k] = r
                if let old = seen[k] {
                    if old.uid != r.uid {
                        changes.append(("DELETED", old))
                        changes.append(("ADDED", r))
                    } else if old.resourceVersion != r.resourceVersion {
                        changes.append(("MODIFIED", r))
                    }
                } else {
                    changes.append(("ADDED", r))
                }
            }
            changes.sort { $0.1.resourceVersion < $1.1.resourceVersion }
            for (k, old) in seen.sorted(by: { $0.value.resourceVersion < $1.value.resourceVersion }) where next[k] == nil {
                changes.append(("DELETED", old))
            }
            seen = next
            for change in changes { try printer.print([change], into: &inv) }
        }
    }

    static func key(_ r: ObjectRow) -> String { r.namespace + "/" + r.name }

    /// What changes when anything relevant changes: the store-wide resourceVersion (bumped by every
    /// create and update) and the number of stored objects of the type (deletes do not bump it).
    struct Signature: Equatable {
        var resourceVersion: Int64
        var count: Int
    }

    static func signature(_ s: APISession, _ t: Target) throws -> Signature {
        Signature(resourceVersion: try s.currentResourceVersion(),
                  count: try s.listSummaries(t.type, namespace: t.namespace).count)
    }

    static func select(_ s: APISession, _ t: Target) throws -> [ObjectRow] {
        var rows = try s.rows(t.type, namespace: t.namespace)
        if let name = t.name { rows = rows.filter { $0.name == name } }
        if let sel = t.labelSelector { rows = rows.filter { sel.matches(labelMap($0.labels)) } }
        if let fs = t.fieldSelector {
            rows = try filterByFields(rows, fs, type: t.type, labelSelector: t.labelSelectorText, fieldSelectorText: t.fieldSelectorText)
        }
        return rows
    }

    /// `--request-timeout`: `0` (no limit), whole seconds (`5`) or a Go duration (`1m30s`).
    static func timeoutDeadline(_ inv: Invocation) throws -> Double? {
        let text = inv.flags.string("request-timeout")
        var seconds: Double
        if text.isEmpty || text == "0" { return nil }
        if let n = Int(text) {
            seconds = Double(n)
        } else if let ns = inv.flags.durationNanoseconds("request-timeout") {
            seconds = Double(ns) / 1e9
        } else {
            throw CLIError.message("Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a unit (e.g. 1s | 2m | 3h)")
        }
        if seconds <= 0 { return nil }
        return monotonicNow() + seconds
    }

    static func monotonicNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Prints watch entries in the chosen format. Tables print their header once and flush after every
/// entry (so later rows get their own column widths, as kubectl's watch output does); YAML separates
/// objects with `---`; `--output-watch-events` wraps objects as `{"type": ..., "object": ...}` (an
/// EVENT column in tables).
struct EventPrinter {
    let format: OutputFormat
    let type: ResourceType
    let events: Bool
    var tableOptions: TableOptions
    var headerPrinted = false
    var printedCount = 0
    let template: TemplateOutput.Printer?
    let showManagedFields: Bool

    init(inv: Invocation, format: OutputFormat, type: ResourceType, events: Bool) throws {
        self.format = format
        self.type = type
        self.events = events
        var opts = TableOptions(now: inv.clock.now)
        if case .table(let wide) = format { opts.wide = wide }
        opts.noHeaders = inv.flags.bool("no-headers")
        opts.showLabels = inv.flags.bool("show-labels")
        opts.labelColumns = inv.flags.strings("label-columns")
        opts.withNamespace = inv.flags.bool("all-namespaces")
        opts.withKind = inv.flags.bool("show-kind")
        tableOptions = opts
        showManagedFields = inv.flags.bool("show-managed-fields")
        switch format {
        case .table, .json, .yaml, .name: template = nil
        default: template = try TemplateOutput.printer(format, inv: inv)
        }
    }

    mutating func print(_ entries: [(String, ObjectRow)], into inv: inout Invocation) throws {
        if case .table = format {
            var opts = tableOptions
            opts.now = inv.clock.now
            let noHeaders = opts.noHeaders || headerPrinted
            opts.noHeaders = noHeaders
            let rows = entries.map { e in
                TableRow(namespace: e.1.namespace, name: e.1.name, labels: e.1.labels, encodedCells: e.1.cells)
            }
            var text = TablePrinter.render(type: type, rows: rows, options: opts)
            if events { text = prependColumn(text, header: noHeaders ? nil : "EVENT", cells: entries.map(\.0)) }
            inv.io.out.write(text)
            if !tableOptions.noHeaders { headerPrinted = true }
            return
        }
        for (eventType, row) in entries {
            var object = try JSON.parse(row.data)
            if !showManagedFields { object = ObjectPrinter.stripManagedFields(object) }
            switch format {
            case .json:
                if events {
                    let wrapped = JSONValue.object(JSONObject([("type", .string(eventType)), ("object", sortedDeep(object))]))
                    inv.io.out.write(wrapped.jsonString(JSONWriteOptions(indent: 4, sortKeys: false)) + "\n")
                } else {
                    inv.io.out.write(ObjectPrinter.json(object))
                }
            case .yaml:
                if printedCount > 0 { inv.io.out.write("---\n") }
                inv.io.out.write(ObjectPrinter.yaml(events ? ["object": object, "type": .string(eventType)] : object))
            case .name:
                inv.io.out.write(ObjectPrinter.name(object, type: type) + "\n")
            default:
                var text = ""
                defer { inv.io.out.write(text) }
                try template!(events ? ["type": .string(eventType), "object": object] : object, &text)
            }
            printedCount += 1
        }
    }

    /// Adds a first column to tabwriter output (columns are aligned independently of each other).
    func prependColumn(_ text: String, header: String?, cells: [String]) -> String {
        if text.isEmpty { return text }
        var values = cells
        if let header { values.insert(header, at: 0) }
        let width = max(6, (values.map(\.count).max() ?? 0) + 3)
        var out = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (i, line) in lines.enumerated() {
            let v = i < values.count ? values[i] : ""
            out += v + String(repeating: " ", count: max(0, width - v.count)) + line + "\n"
        }
        return out
    }

    func sortedDeep(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            return .object(JSONObject(o.sortedKeys.map { ($0, sortedDeep(o[$0]!)) }))
        case .array(let a): return .array(a.map(sortedDeep))
        default: return v
        }
    }
}
