import KubeModel

/// Go's `fmt` `%v` of an unstructured value: strings as is, `<nil>`, `true`, integers, floats in
/// `%g` shortest form (`1e+06`), maps as `map[k:v ...]` (sorted keys), slices as `[a b]`.
func goValue(_ v: JSONValue) -> String {
    switch v {
    case .null: return "<nil>"
    case .bool(let b): return goBool(b)
    case .int(let i): return String(i)
    case .double(let d): return goFloatV(d)
    case .string(let s): return s
    case .array(let a): return "[" + a.map(goValue).joined(separator: " ") + "]"
    case .object(let o):
        return "map[" + o.sortedKeys.map { "\($0):\(goValue(o[$0] ?? .null))" }.joined(separator: " ") + "]"
    }
}

/// `strconv.FormatFloat(d, 'g', -1, 64)` (what `%v` prints for a float64).
func goFloatV(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // Shortest digits from Swift's description.
    var desc = abs(d).description
    var e10 = 0
    if let eIdx = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        e10 = Int(desc[desc.index(after: eIdx)...]) ?? 0
        desc = String(desc[..<eIdx])
    }
    var intPart = desc, frac = ""
    if let dot = desc.firstIndex(of: ".") {
        intPart = String(desc[..<dot])
        frac = String(desc[desc.index(after: dot)...])
    }
    var digits = intPart + frac
    var dp = intPart.count + e10  // decimal point position: value = 0.digits * 10^dp
    while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst(); dp -= 1 }
    while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
    let sign = d < 0 ? "-" : ""
    let exp = dp - 1
    if exp < -4 || exp >= 6 {
        var s = String(digits.first!)
        if digits.count > 1 { s += "." + digits.dropFirst() }
        let ae = abs(exp)
        s += (exp < 0 ? "e-" : "e+") + (ae < 10 ? "0\(ae)" : "\(ae)")
        return sign + s
    }
    if dp <= 0 { return sign + "0." + String(repeating: "0", count: -dp) + digits }
    if dp >= digits.count { return sign + digits + String(repeating: "0", count: dp - digits.count) }
    let idx = digits.index(digits.startIndex, offsetBy: dp)
    return sign + digits[..<idx] + "." + digits[idx...]
}

/// fatih/camelcase `Split`: runs of lower case, upper case, digits and other characters, with an
/// upper-case run's last letter moved to a following lower-case run (`PDFLoader` -> `PDF`, `Loader`).
func camelCaseSplit(_ src: String) -> [String] {
    var runs: [[Character]] = []
    var lastClass = 0
    for ch in src {
        let cls: Int
        if ch.isLowercase { cls = 1 } else if ch.isUppercase { cls = 2 } else if ch.isNumber { cls = 3 } else { cls = 4 }
        if cls == lastClass, !runs.isEmpty { runs[runs.count - 1].append(ch) } else { runs.append([ch]) }
        lastClass = cls
    }
    var i = 0
    while i < runs.count - 1 {
        if let f = runs[i].first, f.isUppercase, let g = runs[i + 1].first, g.isLowercase {
            let moved = runs[i].removeLast()
            runs[i + 1].insert(moved, at: 0)
        }
        i += 1
    }
    return runs.filter { !$0.isEmpty }.map { String($0) }
}

/// kubectl's `smartLabelFor`: `apiVersion` -> `API Version`, `creationTimestamp` -> `Creation Timestamp`;
/// names with characters other than letters and `-` are kept as they are.
func smartLabel(_ field: String) -> String {
    if field.contains(where: { !$0.isLetter && $0 != "-" }) { return field }
    let acronyms: Set<String> = ["API", "URL", "UID", "OSB", "GUID"]
    var out: [String] = []
    for part in camelCaseSplit(field) where part != "_" {
        if acronyms.contains(part.uppercased()) {
            out.append(part.uppercased())
        } else {
            out.append(goTitle(part))
        }
    }
    return out.joined(separator: " ")
}

/// Go's `strings.Title`: upper-cases the first letter of each word.
func goTitle(_ s: String) -> String {
    var out = ""
    var prevLetter = false
    for ch in s {
        let isLetterish = ch.isLetter || ch.isNumber || ch == "_" || ch == "'"
        if isLetterish && !prevLetter { out += ch.uppercased() } else { out.append(ch) }
        prevLetter = isLetterish
    }
    return out
}
