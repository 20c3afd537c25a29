#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl events`: the core/v1 events of a namespace (or all), oldest first, as kubectl's own
/// event table (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE) or in any object format; `--for TYPE/NAME`
/// keeps one object's events, `--types` some event types, `-w` keeps printing new ones.
enum EventsCommand {
    static let spec = CommandSpec(
        "events",
        use: "events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]",
        short: "Show the events the store recorded",
        long: "Prints recorded events, oldest first, in a compact table. Pick a namespace, every namespace,\nor only the events about one object.",
        example: """
            # Events of the current namespace
            kubectl events

            # Events of every namespace
            kubectl events -A

            # The events of one pod (add --watch to keep printing new ones)
            kubectl events --for pod/web-0

            # Events as YAML
            kubectl events -o yaml

            # Warnings only
            kubectl events --types=Warning
            """,
        group: "Troubleshooting and Debugging Commands:",
        options: EventsOptions.self)
}

struct EventsOptions: FlagOptions {
    var namespace = ""
    var allNamespaces = false
    var watch = false
    var noHeaders = false
    var types: [String] = []
    var forText = ""
    var forKind: String?
    var forName: String?
    /// The group/version `--for` resolved to: kubectl's field selector also names involvedObject.apiVersion.
    var forAPIVersion: String?
    var format: OutputFormat?
    var printFlags = PrintFlags()
    /// Accepted, no effect offline (README, help): lists are read from the store.
    var chunkSize = 500

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false)),
         .init(\.allNamespaces, CommonFlags.allNamespaces),
         .init(\.chunkSize, "chunk-size", default: "500", usage: "Fetch large lists in pages of this size. No effect offline: lists are read from the store."),
         .init(\.forText, "for", usage: "Only the events about this object (TYPE/NAME)."),
         .init(\.noHeaders, "no-headers", usage: "Leave out the header row of the table."),
         .init(\.types, "types", usage: "Only events of these types (Normal, Warning)."),
         .init(\.watch, "watch", short: "w", usage: "After the list, keep printing events as they are recorded.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        // kubectl keeps the distinct types, sorted.
        types = Array(Set(types)).sorted()
        namespace = try inv.namespace()
        if !forText.isEmpty {
            guard forText.contains("/") else { throw CLIError.message("--for must be in resource/name form") }
            let parts = forText.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                throw CLIError.message("arguments in resource/name form may not have more than one slash")
            }
            let resource = parts[0].lowercased()
            if resource.isEmpty || resource.hasPrefix(".") {
                // The REST mapper's refusal of an empty resource (the group after the first dot).
                throw CLIError.message("a resource must be present, got: \(resource.dropFirst())/, Resource=")
            }
            let type: ResourceType
            do { type = try inv.registry.resolve(parts[0]).type } catch is UnknownResourceTypeError {
                // kubectl lowercases the argument and names the group (everything after the first dot).
                let dot = resource.firstIndex(of: ".")
                let name = String(resource[..<(dot ?? resource.endIndex)])
                let group = dot.map { String(resource[resource.index(after: $0)...]) } ?? ""
                throw CLIError.raw("the server doesn't have a resource type \(strconvQuote(name))"
                                   + (group.isEmpty ? "" : " in group \(strconvQuote(group))"))
            }
            // An empty name filters nothing (kubectl adds the field selector only for a name).
            if !parts[1].isEmpty {
                forKind = type.kind
                forName = parts[1]
                forAPIVersion = type.apiVersion
            }
        }
        if !printFlags.output.isEmpty { format = try printFlags.format() }
    }

    func validate(_ inv: Invocation) throws {
        for t in types where t.lowercased() != "normal" && t.lowercased() != "warning" {
            throw CLIError.message("valid --types are Normal or Warning")
        }
    }

    func run(_ inv: inout Invocation) throws {
        if watch { return try EventsWatch.run(&inv, self) }
        let server = try inv.server()
        guard let type = Self.eventType(inv) else { return }
        var events = try server.read { s in
            try candidates(s, type, namespace: allNamespaces ? nil : namespace)
        }.filter(selects)
        if events.isEmpty {
            inv.io.err.write(allNamespaces ? "No events found.\n" : "No events found in \(namespace) namespace.\n")
            return
        }
        events = Self.sortedByTime(events)
        guard let format else {
            var table = EventTable(noHeaders: noHeaders, allNamespaces: allNamespaces)
            inv.io.out.write(table.render(events, now: inv.clock.now))
            return
        }
        let items = events.map { TypedEvent.shape(printFlags.showManagedFields ? $0 : ObjectPrinter.stripManagedFields($0)) }
        let list = JSONValue.object(JSONObject([("kind", "EventList"), ("apiVersion", "v1"), ("metadata", .emptyObject),
                                                ("items", .array(items))]))
        try Self.printObject(list, items: items, format: format, inv: &inv)
    }

    static func printObject(_ object: JSONValue, items: [JSONValue], format: OutputFormat, inv: inout Invocation) throws {
        switch format {
        case .json: inv.io.out.write(ObjectPrinter.json(object, sortKeys: false))
        // kubectl events ignores its printer's error: a list the YAML printer refuses prints nothing.
        case .yaml: inv.io.out.write((try? OutputWriter.yaml(object)) ?? "")
        case .name: break  // kubectl's name printer finds no kinds in its typed event list: it prints nothing
        default:
            // kubectl events writes through its tab writer and ignores the printer's error: a template
            // that fails leaves its partial output (a go-template also its debugging dump) and exit 0.
            let printer = try TemplateOutput.printer(format, inv: inv, typed: true)
            var out = ""
            _ = try? printer(object, &out)
            var tw = TabWriter.table()
            tw.write(out)
            inv.io.out.write(tw.flush())
        }
    }

    /// The events `selects` looks at: with `--for`, those the store's index finds by the object's name.
    func candidates(_ s: APISession, _ type: ResourceType, namespace: String?) throws -> [JSONValue] {
        if let forName, s.indexesField("involvedObject.name", of: type) {
            return try s.list(type, namespace: namespace, fieldValues: [("involvedObject.name", forName)])
        }
        return try s.rows(type, namespace: namespace).map { try JSON.parse($0.data) }
    }

    static func eventType(_ inv: Invocation) -> ResourceType? { inv.registry.type(group: "", plural: "events") }

    /// `--for` and `--types`.
    func selects(_ e: JSONValue) -> Bool {
        if let forKind, e["involvedObject"]["kind"].string != forKind || e["involvedObject"]["name"].string != forName
            || (e["involvedObject"]["apiVersion"].string ?? "") != (forAPIVersion ?? "") {
            return false
        }
        if !types.isEmpty {
            let t = (e["type"].string ?? "").lowercased()
            return types.contains { $0.lowercased() == t }
        }
        return true
    }

    /// kubectl's order: by the series' last observation, else lastTimestamp, else eventTime, with Go's
    /// `sort.Sort` (not stable: events of the same second end where its pdqsort leaves them, from the
    /// API server's list order).
    static func sortedByTime(_ events: [JSONValue]) -> [JSONValue] {
        let keys = events.map { EventTable.seconds(eventTime($0)) ?? -Double.greatestFiniteMagnitude }
        return ObjectSorter.goSort(count: events.count) { keys[$0] < keys[$1] }.map { events[$0] }
    }

    static func eventTime(_ e: JSONValue) -> String? {
        if let t = e["series"]["lastObservedTime"].string { return t }
        if let t = e["lastTimestamp"].string, !t.isEmpty { return t }
        return e["eventTime"].string
    }
}

/// kubectl events' own table (not the server's Event columns): `(xN over M)` intervals, the
/// namespace first with `-A`.
struct EventTable {
    var noHeaders: Bool
    var allNamespaces: Bool
    var headerPrinted = false
    /// One writer for the whole run: kubectl's remembers column widths across flushes.
    var tw = TabWriter.table()

    init(noHeaders: Bool, allNamespaces: Bool) {
        self.noHeaders = noHeaders
        self.allNamespaces = allNamespaces
        tw.rememberWidths = true
    }

    mutating func render(_ events: [JSONValue], now: Timestamp) -> String {
        if !noHeaders && !headerPrinted {
            tw.writeRow((allNamespaces ? ["NAMESPACE"] : []) + ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
            headerPrinted = true
        }
        for e in events {
            // kubectl v1.32 prints the cells as they are: a line break in a message ends the row's alignment.
            let object = (e["involvedObject"]["kind"].string ?? "") + "/" + (e["involvedObject"]["name"].string ?? "")
            tw.writeRow((allNamespaces ? [e["metadata"]["namespace"].string ?? ""] : [])
                + [Self.interval(e, now: now), e["type"].string ?? "", e["reason"].string ?? "", object,
                   goTrimSpace(e["message"].string ?? "")])
        }
        return tw.flush()
    }

    /// `5m`, or `2m (x3 over 10m)` for repeated events.
    static func interval(_ e: JSONValue, now: Timestamp) -> String {
        var first = since(e["eventTime"].string, now: now)
        if e["eventTime"].string == nil { first = since(e["firstTimestamp"].string, now: now) }
        if let last = e["series"]["lastObservedTime"].string {
            return "\(since(last, now: now)) (x\(e["series"]["count"].int ?? 0) over \(first))"
        }
        if let count = e["count"].int, count > 1 {
            return "\(since(e["lastTimestamp"].string, now: now)) (x\(count) over \(first))"
        }
        return first
    }

    static func since(_ time: String?, now: Timestamp) -> String {
        guard let time, let t = seconds(time) else { return "<unknown>" }
        return humanDuration(seconds: Int64((Double(now.seconds) - t).rounded(.towardZero)))
    }

    /// Seconds since the epoch, with the fraction of a MicroTime.
    static func seconds(_ time: String?) -> Double? {
        guard let time, let ts = Timestamp(rfc3339: time) else { return nil }
        var fraction = 0.0
        if let dot = time.firstIndex(of: "."), let end = time.firstIndex(of: "Z") ?? time.lastIndex(where: { $0 == "+" || $0 == "-" }),
           dot < end, let f = Double("0" + time[dot..<end])
        {
            fraction = f
        }
        return Double(ts.seconds) + fraction
    }
}

/// `events -w`: the matching events in the store's order, then each event recorded or updated
/// afterwards (read from the store's change log, as `get -w` does); deletions are not shown. Each
/// entry is flushed alone, so rows after the first align on their own, as kubectl's watch prints.
enum EventsWatch {
    static func run(_ inv: inout Invocation, _ o: EventsOptions) throws {
        let server = try inv.server()
        guard let type = EventsOptions.eventType(inv) else { return }
        let deadline = try GetWatch.timeoutDeadline(inv)
        let namespace = o.allNamespaces ? nil : o.namespace
        var (position, initial) = try server.read { s in
            (try s.changeLogBounds().last, try o.candidates(s, type, namespace: namespace))
        }
        var table = EventTable(noHeaders: o.noHeaders, allNamespaces: o.allNamespaces)
        var printed = 0
        func emit(_ e: JSONValue, _ inv: inout Invocation) throws {
            guard o.selects(e) else { return }
            if let format = o.format {
                let item = TypedEvent.shape(o.printFlags.showManagedFields ? e : ObjectPrinter.stripManagedFields(e))
                if case .yaml = format, printed > 0 { inv.io.out.write("---\n") }
                try EventsOptions.printObject(item, items: [item], format: format, inv: &inv)
            } else {
                inv.io.out.write(table.render([e], now: inv.clock.now))
            }
            printed += 1
        }
        for e in initial { try emit(e, &inv) }
        initial = []
        while true {
            if let deadline, GetWatch.monotonicNow() >= deadline { return }
            usleep(GetWatch.pollMicroseconds)
            let log = try server.read { s in try s.changes(type, after: position) }
            for change in log {
                position = change.seq
                if change.type == .deleted { continue }
                if let ns = namespace, change.row.namespace != ns { continue }
                try emit(try JSON.parse(change.row.data), &inv)
            }
        }
    }
}

/// An Event as kubectl's typed client prints it: Go struct field order, and the fields without
/// `omitempty` always present (`eventTime: null`, `reportingComponent: ""`, ...).
enum TypedEvent {
    static func shape(_ e: JSONValue) -> JSONValue {
        var out = JSONObject([("kind", "Event"), ("apiVersion", "v1")])
        out["metadata"] = metadata(e["metadata"])
        out["involvedObject"] = ordered(e["involvedObject"], ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"])
        copy(e, into: &out, ["reason", "message"])
        out["source"] = ordered(e["source"], ["component", "host"])
        out["firstTimestamp"] = e["firstTimestamp"].isNull ? JSONValue.null : e["firstTimestamp"]
        out["lastTimestamp"] = e["lastTimestamp"].isNull ? JSONValue.null : e["lastTimestamp"]
        copy(e, into: &out, ["count", "type"])
        out["eventTime"] = e["eventTime"].isNull ? JSONValue.null : e["eventTime"]
        if !e["series"].isNull { out["series"] = ordered(e["series"], ["count", "lastObservedTime"]) }
        copy(e, into: &out, ["action"])
        if !e["related"].isNull {
            out["related"] = ordered(e["related"], ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"])
        }
        out["reportingComponent"] = .string(e["reportingComponent"].string ?? "")
        out["reportingInstance"] = .string(e["reportingInstance"].string ?? "")
        return .object(out)
    }

    static let metadataOrder = TypedOrder.objectMeta

    static func metadata(_ m: JSONValue) -> JSONValue { ordered(m, metadataOrder) }

    /// The keys in `order` first (absent ones left out), then any others as they were.
    static func ordered(_ v: JSONValue, _ order: [String]) -> JSONValue {
        guard let obj = v.object else { return .emptyObject }
        var out = JSONObject()
        for k in order { if let x = obj[k] { out[k] = x } }
        for k in obj.keys where !order.contains(k) { out[k] = obj[k] }
        return .object(out)
    }

    static func copy(_ from: JSONValue, into out: inout JSONObject, _ keys: [String]) {
        for k in keys where !from[k].isNull { out[k] = from[k] }
    }
}
