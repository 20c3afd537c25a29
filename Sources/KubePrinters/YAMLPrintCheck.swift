import KubeModel

/// kubectl's YAML printer writes an object as JSON (`json.Marshal`) and reads that text back with
/// go-yaml before it writes YAML. JSON leaves some characters raw that go-yaml's reader refuses, so
/// for those objects kubectl prints an error instead of the object; this finds that error.
extension ObjectPrinter {
    /// The error kubectl's `-o yaml` gives for `value`, or nil when it prints it:
    /// - `yaml: control characters are not allowed` for U+007F, U+0080-U+009F except NEL (U+0085),
    ///   U+FFFE or U+FFFF anywhere in a key or a string;
    /// - `yaml: line N: did not find expected ',' or '}'` for a key holding a NEL (a line break to
    ///   YAML 1.1, so the key is no longer a simple key); N counts the NELs of the JSON text so far.
    public static func yamlPrintError(_ value: JSONValue) -> String? {
        var lines = 0
        return yamlPrintError(value, nelLines: &lines)
    }

    /// kubectl's YAML printing (the `-o yaml` printer, sigs.k8s.io/yaml's Marshal and JSONToYAML): the
    /// YAML of `value`, or the error go-yaml gives instead (`yamlPrintError`). Every YAML output of an
    /// object or document goes through here.
    public static func checkedYAML(_ value: JSONValue) throws(PrinterError) -> String {
        if let e = yamlPrintError(value) { throw PrinterError(e) }
        return yaml(value)
    }

    /// `yamlPrintError` of one part of a larger text (the items of a list, in order): `nelLines` counts
    /// the NELs met so far.
    public static func yamlPrintError(_ value: JSONValue, nelLines: inout Int) -> String? {
        if hasRefusedCharacter(value) { return "yaml: control characters are not allowed" }
        var walker = NELWalker(lines: nelLines)
        defer { nelLines = walker.lines }
        if let line = walker.firstKeyWithNEL(value) { return "yaml: line \(line): did not find expected ',' or '}'" }
        return nil
    }

    static func hasRefusedCharacter(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let s): return isRefused(s)
        case .array(let a): return a.contains(where: hasRefusedCharacter)
        case .object(let o):
            for (k, v) in o where isRefused(k) || hasRefusedCharacter(v) { return true }
            return false
        default: return false
        }
    }

    /// go-yaml's reader allows TAB, LF, CR, U+0020-007E, NEL, U+00A0-D7FF, U+E000-FFFD and above.
    static func isRefused(_ s: String) -> Bool {
        for u in s.utf8 where u >= 0x7F {
            // Only strings with such bytes need the scalar walk.
            return s.unicodeScalars.contains { c in
                let v = c.value
                return v == 0x7F || (v >= 0x80 && v <= 0x9F && v != 0x85) || v == 0xFFFE || v == 0xFFFF
            }
        }
        return false
    }

    /// Walks the value in json.Marshal's order (map keys sorted), counting NELs as line breaks.
    private struct NELWalker {
        var lines = 0

        mutating func firstKeyWithNEL(_ value: JSONValue) -> Int? {
            switch value {
            case .string(let s):
                lines += nelCount(s)
            case .array(let a):
                for v in a { if let l = firstKeyWithNEL(v) { return l } }
            case .object(let o):
                for k in o.sortedKeys {
                    let n = nelCount(k)
                    lines += n
                    if n > 0 { return lines }
                    if let l = firstKeyWithNEL(o[k]!) { return l }
                }
            default:
                break
            }
            return nil
        }

        func nelCount(_ s: String) -> Int {
            guard s.utf8.contains(0xC2) else { return 0 }
            return s.unicodeScalars.reduce(0) { $0 + ($1 == "\u{85}" ? 1 : 0) }
        }
    }
}
