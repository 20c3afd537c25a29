/// apimachinery `labels.FormatLabels`: `k=v` pairs sorted by key and joined by `,`; `<none>` when empty.
public func formatLabels(_ labels: JSONValue) -> String {
    let pairs = labels.stringMap.sorted { goStringLess($0.0, $1.0) }
    if pairs.isEmpty { return "<none>" }
    return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
}

/// `metav1.FormatLabelSelector` for a `LabelSelector` object (`matchLabels` + `matchExpressions`):
/// requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`; `<none>` when empty.
/// Unknown operators give `<error>`.
public func formatLabelSelector(_ selector: JSONValue) -> String {
    guard case .object = selector else { return "<none>" }
    var reqs: [(String, String)] = []
    for (k, v) in selector["matchLabels"].stringMap { reqs.append((k, "\(k)=\(v)")) }
    for expr in selector["matchExpressions"].array ?? [] {
        let key = expr["key"].string ?? ""
        let values = (expr["values"].array ?? []).compactMap(\.string)
        switch expr["operator"].string ?? "" {
        case "In": reqs.append((key, "\(key) in (\(values.sorted(by: goStringLess).joined(separator: ",")))"))
        case "NotIn": reqs.append((key, "\(key) notin (\(values.sorted(by: goStringLess).joined(separator: ",")))"))
        case "Exists": reqs.append((key, key))
        case "DoesNotExist": reqs.append((key, "!\(key)"))
        default: return "<error>"
        }
    }
    if reqs.isEmpty { return "<none>" }
    // labels.Selector sorts requirements by key (stable for equal keys).
    let sorted = reqs.enumerated().sorted { a, b in
        a.element.0 == b.element.0 ? a.offset < b.offset : goStringLess(a.element.0, b.element.0)
    }
    return sorted.map(\.element.1).joined(separator: ",")
}
