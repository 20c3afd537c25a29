import KubeModel

/// Levels of the prefix writer (2 spaces each).
let L0 = 0, L1 = 1, L2 = 2, L3 = 3, L4 = 4

/// The one writer a describer uses for its whole document: a `PrefixWriter` (and so one tabwriter),
/// plus an extra nesting offset for blocks written on behalf of another (kubectl's nested writer).
final class DescribeWriter {
    var pw = PrefixWriter()
    var indent = 0
    /// Unaligned mode (a prefix writer over a plain buffer, as `rollout history --revision` uses):
    /// the text as written, TABs kept.
    var raw: String?

    init() {}

    /// Writes `text` at `level`; the text carries its own TABs and newline.
    func write(_ level: Int, _ text: String) {
        if raw != nil {
            raw! += String(repeating: "  ", count: max(0, level + indent)) + escapeTerminal(text)
        } else {
            pw.write(level + indent, text)
        }
    }
    /// `WriteLine("")`-style continuation: text followed by a newline, no indentation.
    func writeLine(_ text: String) { write(0, text + "\n") }
    func flush() { if raw == nil { pw.flush() } }
    func finish() -> String { raw ?? pw.finish() }

    /// Runs `body` with the indentation offset raised by `by` levels.
    func nested(_ by: Int, _ body: () -> Void) {
        indent += by
        body()
        indent -= by
    }
}

/// Runs a describer body on a fresh writer and returns the aligned text.
func tabbed(_ body: (DescribeWriter) -> Void) -> String {
    let w = DescribeWriter()
    body(w)
    return w.finish()
}

// MARK: - Reading fields

extension JSONValue {
    /// The string, or "" (Go's zero value) when absent.
    var str: String { string ?? (int.map { String($0) }) ?? "" }
    var arr: [JSONValue] { array ?? [] }
    /// The integer, or 0 when absent.
    var i64: Int64 { int ?? 0 }
    var isTrue: Bool { bool ?? false }
    var name: String { self["metadata"]["name"].str }
    var namespace: String { self["metadata"]["namespace"].str }
    var uid: String { self["metadata"]["uid"].str }
    var labels: JSONValue { self["metadata"]["labels"] }
    var annotations: JSONValue { self["metadata"]["annotations"] }
}

/// Go `%v` of a bool: `true` / `false`.
func goBool(_ b: Bool) -> String { b ? "true" : "false" }

/// kubectl's `printBool`: `True` / `False`.
func titleBool(_ b: Bool) -> String { b ? "True" : "False" }

/// kubectl's `printBoolPtr`: `True` / `False` / `<unset>`.
func titleBoolPtr(_ v: JSONValue) -> String {
    if let b = v.bool { return titleBool(b) }
    return "<unset>"
}

/// Go's zero `time.Time` formatted as RFC1123Z.
let zeroTimeRFC1123Z = "Mon, 01 Jan 0001 00:00:00 +0000"

/// A `metav1.Time` field as describe formats it (RFC1123Z, UTC); the zero time when absent.
func rfc1123(_ v: JSONValue) -> String {
    guard let s = v.string, let t = Timestamp(rfc3339: s) else { return zeroTimeRFC1123Z }
    return t.rfc1123Z
}

func timestamp(_ v: JSONValue) -> Timestamp? {
    guard let s = v.string else { return nil }
    return Timestamp(rfc3339: s)
}

/// `translateTimestampSince`: human age, `<unknown>` for a zero time.
func age(_ v: JSONValue, _ now: Timestamp) -> String {
    translateTimestampSince(timestamp(v), now: now)
}

/// `stringOrNone`.
func orNone(_ s: String) -> String { s.isEmpty ? "<none>" : s }

/// `Kind/name` of the controller owner reference, or "".
func controllerOf(_ obj: JSONValue) -> String {
    for ref in obj["metadata"]["ownerReferences"].arr where ref["controller"].bool == true {
        return "\(ref["kind"].str)/\(ref["name"].str)"
    }
    return ""
}

func controllerUID(_ obj: JSONValue) -> String? {
    for ref in obj["metadata"]["ownerReferences"].arr where ref["controller"].bool == true {
        return ref["uid"].str
    }
    return nil
}

/// `intstr.IntOrString.String()`; `<nil>` when absent.
func intOrString(_ v: JSONValue) -> String {
    switch v {
    case .int(let i): return String(i)
    case .double(let d): return goFormatFloat(d)
    case .string(let s): return s
    default: return "<nil>"
    }
}

/// `labels.Selector.String()` of a `LabelSelector`: like `FormatLabelSelector` but "" when empty.
func selectorString(_ selector: JSONValue) -> String {
    let s = formatLabelSelector(selector)
    return s == "<none>" ? "" : s
}

/// Whether `labels` satisfy a `LabelSelector` (`matchLabels` + `matchExpressions`). A missing
/// selector matches nothing, an empty one everything.
func selectorMatches(_ selector: JSONValue, _ labels: JSONValue) -> Bool {
    guard case .object = selector else { return false }
    let map = Dictionary(labels.stringMap, uniquingKeysWith: { a, _ in a })
    for (k, v) in selector["matchLabels"].stringMap where map[k] != v { return false }
    for expr in selector["matchExpressions"].arr {
        let key = expr["key"].str
        let values = expr["values"].arr.compactMap(\.string)
        switch expr["operator"].str {
        case "In": guard let v = map[key], values.contains(v) else { return false }
        case "NotIn": if let v = map[key], values.contains(v) { return false }
        case "Exists": if map[key] == nil { return false }
        case "DoesNotExist": if map[key] != nil { return false }
        default: return false
        }
    }
    return true
}

/// Whether `labels` satisfy a plain map selector (`spec.selector` of services and RCs).
func mapSelectorMatches(_ selector: JSONValue, _ labels: JSONValue) -> Bool {
    let sel = selector.stringMap
    if sel.isEmpty { return false }
    let map = Dictionary(labels.stringMap, uniquingKeysWith: { a, _ in a })
    return sel.allSatisfy { map[$0.0] == $0.1 }
}

/// Stable sort by a Go-ordered string key.
func sortedByKey<T>(_ items: [T], _ key: (T) -> String) -> [T] {
    items.enumerated().sorted { a, b in
        let ka = key(a.element), kb = key(b.element)
        return ka == kb ? a.offset < b.offset : goStringLess(ka, kb)
    }.map(\.element)
}

/// Pods counted by phase for a controller: those matching the selector and controlled by `uid`.
func podStatusCounts(_ pods: [JSONValue], uid: String, matches: (JSONValue) -> Bool)
    -> (running: Int, waiting: Int, succeeded: Int, failed: Int)
{
    var r = 0, w = 0, s = 0, f = 0
    for pod in pods where matches(pod["metadata"]["labels"]) {
        guard let owner = controllerUID(pod), owner == uid else { continue }
        switch pod["status"]["phase"].str {
        case "Running": r += 1
        case "Pending": w += 1
        case "Succeeded": s += 1
        case "Failed": f += 1
        default: break
        }
    }
    return (r, w, s, f)
}

/// Go's `%v` of a `[]string`: `[a b c]`.
func goStringList(_ v: JSONValue) -> String {
    "[" + v.arr.map { goValue($0) }.joined(separator: " ") + "]"
}
