#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `get -w` / `--watch` / `--watch-only`: the current objects, then one entry per change as the store
/// changes (other processes creating, labelling, deleting). Every write is recorded in the store's
/// change log (KubeStore, schema v5) in commit order, so the watcher reads the entries after the last
/// one it printed every 100 ms and prints each one: no change is merged or lost, across processes. An
/// object that starts or stops matching the selectors is ADDED or DELETED. A watcher that fell behind
/// the bounded log (10,000 entries) compares the current objects with what it saw instead. Runs until interrupted or until `--request-timeout` passes,
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

    static func run(_ inv: inout Invocation, format: OutputFormat, target: Target, options get: GetOptions) throws {
        let server = try inv.server()
        let deadline = try timeoutDeadline(inv)
        var printer = try EventPrinter(inv: inv, format: format, type: target.type, options: get)

        // Time passes while a watcher runs on the real clock (a frozen one, `KUBECTL_LOCAL_NOW`, stays).
        let started = monotonicNow()
        let frozen = !(inv.environment["KUBECTL_LOCAL_NOW"] ?? "").isEmpty
        let clockNow = inv.clock.now.seconds
        func now() -> Int64 { frozen ? clockNow : clockNow + Int64(monotonicNow() - started) }
        var (position, rows, expired) = try server.read { s in
            (try s.changeLogBounds().last, try select(s, target), s.expiredBelow(target.type, at: clockNow))
        }
        if let sortBy = nonEmpty(get.sortBy), case .table = format, rows.count > 0 {
            let objects = try rows.map { try JSON.parse($0.data) }
            if let order = try? ObjectSorter.order(objects, by: sortBy) { rows = order.map { rows[$0] } } else { rows = [] }
        }
        var seen: [String: ObjectRow] = [:]
        for r in rows { seen[key(r)] = r }
        if !get.watchOnly && !rows.isEmpty {
            // kubectl names a printer's failure on the objects it read first (a YAML refusal, a template
            // error); on a watched change the printer's error is the message.
            do { try printer.print(rows.map { ("ADDED", $0) }, into: &inv) } catch CLIError.message(let m) {
                throw CLIError.message("unable to output the provided object: " + m)
            }
        }

        while true {
            if let deadline, monotonicNow() >= deadline { return }
            usleep(pollMicroseconds)
            let (bounds, log, floor) = try server.read { s in
                (try s.changeLogBounds(), try s.changes(target.type, after: position, fields: target.fieldSelector?.requirements ?? []), s.expiredBelow(target.type, at: now()))
            }
            if bounds.first > position + 1 {
                // The log was trimmed past this watcher: compare the current objects with what was seen.
                let now = try server.read { s in try select(s, target) }
                for change in resync(now, seen: &seen) { try printer.print([change], into: &inv) }
                position = bounds.last
                continue
            }
            for change in log {
                position = change.seq
                if let event = try apply(change, target: target, seen: &seen) { try printer.print([event], into: &inv) }
            }
            // Events whose lease ran out go at that moment, as a watch on an API server sees them,
            // whenever their rows are swept (that later deletion is not shown again).
            if let floor, floor > (expired ?? 0) || log.contains(where: { $0.row.resourceVersion < floor }) {
                for r in seen.values.filter({ $0.resourceVersion < floor }).sorted(by: { $0.resourceVersion < $1.resourceVersion }) {
                    seen[key(r)] = nil
                    try printer.print([("DELETED", r)], into: &inv)
                }
            }
            expired = floor ?? expired
        }
    }

    /// A logged change as the watcher sees it: objects that start or stop matching the selectors are
    /// ADDED or DELETED, as a filtered watch on an API server reports them.
    static func apply(_ change: Change, target: Target, seen: inout [String: ObjectRow]) throws -> (String, ObjectRow)? {
        let r = change.row
        let k = key(r)
        let matches = try selects(r, target)
        switch change.type {
        case .deleted:
            return seen.removeValue(forKey: k).map { _ in ("DELETED", r) }
        case .added, .modified:
            if matches {
                let known = seen[k] != nil
                seen[k] = r
                return (known && change.type == .modified ? "MODIFIED" : "ADDED", r)
            }
            return seen.removeValue(forKey: k).map { _ in ("DELETED", r) }
        }
    }

    static func selects(_ r: ObjectRow, _ t: Target) throws -> Bool {
        if let ns = t.namespace, r.namespace != ns { return false }
        if let name = t.name, r.name != name { return false }
        if let sel = t.labelSelector, !sel.matches(labelMap(r.labels)) { return false }
        if let fs = t.fieldSelector {
            return try !filterByFields([r], fs, type: t.type, labelSelector: t.labelSelectorText,
                                       fieldSelectorText: t.fieldSelectorText).isEmpty
        }
        return true
    }

    /// Differences between what the watcher saw and the current objects (after the log was trimmed).
    static func resync(_ now: [ObjectRow], seen: inout [String: ObjectRow]) -> [(String, ObjectRow)] {
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
        return changes
    }

    static func key(_ r: ObjectRow) -> String { r.namespace + "/" + r.name }

    static func select(_ s: APISession, _ t: Target) throws -> [ObjectRow] {
        var rows: [ObjectRow]
        if let name = t.name, let ns = t.namespace {
            // One named object: read by its key, not by listing its type.
            do { rows = [try s.getRow(t.type, namespace: ns, name: name)] } catch let e as APIError where e.reason == .notFound { rows = [] }
        } else {
            rows = try s.rows(t.type, namespace: t.namespace, selector: t.fieldSelector?.requirements ?? [])
            if let name = t.name { rows = rows.filter { $0.name == name } }
        }
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
    /// kubectl writes watch output through one tab writer (RememberWidths), flushed after the first
    /// objects and after each change: a template's TABs line up as columns.
    var templateWriter: TabWriter = {
        var tw = TabWriter.table()
        tw.rememberWidths = true
        return tw
    }()

    init(inv: Invocation, format: OutputFormat, type: ResourceType, options get: GetOptions) throws {
        self.format = format
        self.type = type
        self.events = get.outputWatchEvents
        var wide = false
        if case .table(let w) = format { wide = w }
        tableOptions = get.tableOptions(inv, allNamespaces: get.builder.allNamespaces, multipleTypes: false, wide: wide)
        showManagedFields = get.printFlags.showManagedFields
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
            let rows = entries.map { TableRow($0.1, serverPrint: opts.serverPrint) }
            var text = TablePrinter.render(type: type, rows: rows, options: opts)
            if events { text = prependColumn(text, header: noHeaders ? nil : "EVENT", cells: entries.map(\.0)) }
            inv.io.out.write(text)
            if !tableOptions.noHeaders { headerPrinted = true }
            return
        }
        for (eventType, row) in entries {
            var object = try JSON.parse(row.data)
            if !showManagedFields && format.omitsManagedFields { object = ObjectPrinter.stripManagedFields(object) }
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
                inv.io.out.write(try OutputWriter.yaml(events ? ["object": object, "type": .string(eventType)] : object))
            case .name:
                inv.io.out.write(ObjectPrinter.name(object, type: type) + "\n")
            default:
                var text = ""
                defer { templateWriter.write(text) }
                do { try template!(events ? ["type": .string(eventType), "object": object] : object, &text) } catch {
                    templateWriter.write(text)
                    text = ""
                    inv.io.out.write(templateWriter.flush())
                    throw error
                }
            }
            printedCount += 1
        }
        if template != nil { inv.io.out.write(templateWriter.flush()) }
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
