import KubeModel

/// `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT SOURCE (before MESSAGE)
/// and FIRST SEEN COUNT NAME (after it).
enum EventColumns {
    static let printer = TablePrinter(
        columns: [ColumnDefinition("Last Seen"), ColumnDefinition("Type"), ColumnDefinition("Reason"),
                  ColumnDefinition("Object"), ColumnDefinition("Subobject", priority: 1),
                  ColumnDefinition("Source", priority: 1), ColumnDefinition("Message"),
                  ColumnDefinition("First Seen", priority: 1), ColumnDefinition("Count", priority: 1),
                  ColumnDefinition("Name", priority: 1, format: "name")],
        row: row)

    static let row: RowFunction = { o in
        var first = Fmt.since(o["firstTimestamp"])
        if Fmt.timestamp(o["firstTimestamp"]) == nil { first = Fmt.since(o["eventTime"]) }
        var last = Fmt.since(o["lastTimestamp"])
        if Fmt.timestamp(o["lastTimestamp"]) == nil { last = first }
        var count = Fmt.int(o["count"])
        if case .object = o["series"] {
            last = Fmt.since(o["series"]["lastObservedTime"])
            count = Fmt.int(o["series"]["count"])
        } else if count == 0 {
            count = 1
        }
        let inv = o["involvedObject"]
        let kind = Fmt.str(inv["kind"]).lowercased()
        let name = Fmt.str(inv["name"])
        let target = name.isEmpty ? kind : "\(kind)/\(name)"
        func firstNonEmpty(_ a: String, _ b: String) -> String { a.isEmpty ? b : a }
        let component = firstNonEmpty(Fmt.str(o["source"]["component"]), Fmt.str(o["reportingComponent"]))
        let host = firstNonEmpty(Fmt.str(o["source"]["host"]), Fmt.str(o["reportingInstance"]))
        let source = host.isEmpty ? component : "\(component), \(host)"
        return [last, .text(Fmt.str(o["type"])), .text(Fmt.str(o["reason"])), .text(target),
                .text(Fmt.str(inv["fieldPath"])), .text(source), .text(trimSpace(Fmt.str(o["message"]))),
                first, .text(String(count)), Fmt.name(o)]
    }

    /// Go `strings.TrimSpace` for the ASCII/Unicode whitespace that matters here.
    static func trimSpace(_ s: String) -> String { goTrimSpace(s) }
}
