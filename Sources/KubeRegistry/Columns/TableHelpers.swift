import KubeModel

/// A kind's server-side table: column definitions and the row function producing one cell per column.
struct TablePrinter {
    var columns: [ColumnDefinition]
    var row: RowFunction
}

/// Helpers shared by the row functions (they mirror the formatting helpers of the API server's printers).
enum Fmt {
    static func name(_ o: JSONValue) -> Cell { .text(o["metadata"]["name"].string ?? "") }

    /// A string field, `""` when absent.
    static func str(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return ""
        }
    }

    /// An integer field, 0 when absent.
    static func int(_ v: JSONValue) -> Int64 { v.int ?? 0 }
    static func intCell(_ v: JSONValue) -> Cell { .text(String(int(v))) }
    static func bool(_ v: JSONValue, default d: Bool = false) -> String { (v.bool ?? d) ? "true" : "false" }

    static func count(_ v: JSONValue) -> Int {
        switch v {
        case .array(let a): return a.count
        case .object(let o): return o.count
        default: return 0
        }
    }

    /// `container names, images` joined by `,` (`layoutContainerCells`).
    static func containers(_ list: JSONValue) -> (Cell, Cell) {
        let cs = list.array ?? []
        return (.text(cs.map { str($0["name"]) }.joined(separator: ",")),
                .text(cs.map { str($0["image"]) }.joined(separator: ",")))
    }

    /// A Kubernetes quantity as the API server prints it (stored quantities are already canonical strings).
    static func quantity(_ v: JSONValue) -> String {
        switch v {
        case .null: return "0"
        default: return str(v)
        }
    }

    static func timestamp(_ v: JSONValue) -> Timestamp? {
        guard let s = v.string else { return nil }
        return Timestamp(rfc3339: s)
    }

    /// `translateTimestampSince`: `<unknown>` for a missing time.
    static func since(_ v: JSONValue) -> Cell {
        guard let t = timestamp(v) else { return .text("<unknown>") }
        return .since(t)
    }

    /// `helper.GetAccessModesAsString`: RWO, ROX, RWX, RWOP in that order, deduplicated.
    static func accessModes(_ v: JSONValue) -> String {
        let modes = (v.array ?? []).compactMap(\.string)
        var out: [String] = []
        if modes.contains("ReadWriteOnce") { out.append("RWO") }
        if modes.contains("ReadOnlyMany") { out.append("ROX") }
        if modes.contains("ReadWriteMany") { out.append("RWX") }
        if modes.contains("ReadWriteOncePod") { out.append("RWOP") }
        return out.joined(separator: ",")
    }

    /// Load-balancer ingress points: IPs (else hostnames), deduplicated and sorted, joined by `,`;
    /// cut to 13 characters + `...` when longer than 16 (the table is always built "wide" by the server,
    /// but the non-wide cut is what `kubectl get` shows, so callers choose).
    static func loadBalancer(_ status: JSONValue, wide: Bool) -> String {
        var set = Set<String>()
        for ing in status["ingress"].array ?? [] {
            if let ip = ing["ip"].string, !ip.isEmpty { set.insert(ip) } else if let h = ing["hostname"].string, !h.isEmpty { set.insert(h) }
        }
        var r = set.sorted(by: goStringLess).joined(separator: ",")
        if !wide && r.utf8.count > 16 { r = String(decoding: Array(r.utf8.prefix(13)), as: UTF8.self) + "..." }
        return r
    }

    /// `first, second, third + N more...` for lists cut at `max`; `<unset>` when empty.
    static func listWithMore(_ list: [String], count: Int, max: Int, empty: String = "<unset>") -> String {
        let shown = Array(list.prefix(max))
        let ret = shown.joined(separator: ",")
        if count > max { return "\(ret) + \(count - max) more..." }
        return ret.isEmpty ? empty : ret
    }

    /// Selector string of a LabelSelector as `labels.Selector.String()` renders it (empty selector → "").
    static func selectorString(_ sel: JSONValue) -> String {
        let s = formatLabelSelector(sel)
        return s == "<none>" ? "" : s
    }

    static func hasCondition(_ o: JSONValue, _ type: String, status: String = "True") -> Bool {
        for c in o["status"]["conditions"].array ?? [] where c["type"].string == type {
            return c["status"].string == status
        }
        return false
    }

    /// `net.JoinHostPort`.
    static func joinHostPort(_ host: String, _ port: Int64) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
