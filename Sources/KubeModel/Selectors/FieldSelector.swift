// Field selectors with apimachinery `pkg/fields` semantics (v1.32): `ParseSelector` (terms split on
// unescaped commas and sorted, operators `!=`, `==`, `=`, values unescaped with `\`), matching, and
// the canonical `String()` form.

/// One field selector term.
public struct FieldRequirement: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable {
        case equals = "="
        case notEquals = "!="
    }
    public var field: String
    public var op: Operator
    /// The unescaped value.
    public var value: String

    public init(field: String, op: Operator, value: String) {
        self.field = field
        self.op = op
        self.value = value
    }

    /// A missing field reads as "" (Go's `Fields.Get`).
    public func matches(_ get: (String) -> String?) -> Bool {
        let v = get(field) ?? ""
        return op == .equals ? v == value : v != value
    }

    /// `field=value` / `field!=value` with the value escaped (`fields.EscapeValue`).
    public var description: String { field + op.rawValue + FieldSelector.escapeValue(value) }
}

public struct FieldSelector: Sendable, Equatable, CustomStringConvertible {
    /// In Go's order: the terms sorted as raw strings before parsing.
    public var requirements: [FieldRequirement]

    public static let everything = FieldSelector(requirements: [])

    public init(requirements: [FieldRequirement]) { self.requirements = requirements }

    /// `fields.OneTermEqualSelector`.
    public init(field: String, equals value: String) {
        self.requirements = [FieldRequirement(field: field, op: .equals, value: value)]
    }

    /// `fields.ParseSelector`. Errors (exact Go texts):
    /// `invalid selector: 'SEL'; can't understand 'TERM'`,
    /// `invalid field selector: invalid escape sequence: \x`,
    /// `invalid field selector: unescaped character in value: 61` (the rune's number, as Go's %v prints it).
    public static func parse(_ selector: String) throws -> FieldSelector {
        var parts = splitTerms(selector)
        parts.sort(by: goStringLess)
        var reqs: [FieldRequirement] = []
        for part in parts where !part.isEmpty {
            guard let (lhs, op, rhs) = splitTerm(part) else {
                throw SelectorError("invalid selector: '\(selector)'; can't understand '\(part)'")
            }
            let value = try unescapeValue(rhs)
            reqs.append(FieldRequirement(field: lhs, op: op == "!=" ? .notEquals : .equals, value: value))
        }
        return FieldSelector(requirements: reqs)
    }

    public var isEmpty: Bool { requirements.isEmpty }

    /// `get` supplies the value of a field for the object being tested (nil when it has none).
    public func matches(_ get: (String) -> String?) -> Bool {
        requirements.allSatisfy { $0.matches(get) }
    }

    /// `RequiresExactMatch`: the value an `=` term requires for `field`.
    public func requiresExactMatch(_ field: String) -> String? {
        requirements.first { $0.field == field && $0.op == .equals }?.value
    }

    /// Applies a field-label conversion (`Transform`), e.g. the server's per-kind check of supported
    /// fields; the closure throws to reject a field.
    public func transformed(_ fn: (String, String) throws -> (String, String)) rethrows -> FieldSelector {
        FieldSelector(requirements: try requirements.map { r in
            let (f, v) = try fn(r.field, r.value)
            return FieldRequirement(field: f, op: r.op, value: v)
        })
    }

    public var description: String { requirements.map(\.description).joined(separator: ",") }

    // MARK: escaping

    /// `fields.EscapeValue`: `\` → `\\`, `,` → `\,`, `=` → `\=`.
    public static func escapeValue(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if c == "\\" || c == "," || c == "=" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// `fields.UnescapeValue`.
    public static func unescapeValue(_ s: String) throws -> String {
        if !s.unicodeScalars.contains(where: { $0 == "\\" || $0 == "," || $0 == "=" }) { return s }
        var out = ""
        var inSlash = false
        for c in s.unicodeScalars {
            if inSlash {
                switch c {
                case "\\", ",", "=": out.unicodeScalars.append(c)
                default:
                    var seq = "\\"
                    seq.unicodeScalars.append(c)
                    throw SelectorError("invalid field selector: invalid escape sequence: \(seq)")
                }
                inSlash = false
                continue
            }
            switch c {
            case "\\": inSlash = true
            case ",", "=": throw SelectorError("invalid field selector: unescaped character in value: \(c.value)")
            default: out.unicodeScalars.append(c)
            }
        }
        if inSlash { throw SelectorError("invalid field selector: invalid escape sequence: \\") }
        return out
    }

    /// Splits on commas that are not escaped by a backslash (the backslash stays in the term).
    static func splitTerms(_ s: String) -> [String] {
        if s.isEmpty { return [] }
        var terms: [String] = []
        var current = ""
        var inSlash = false
        for c in s.unicodeScalars {
            if inSlash {
                inSlash = false
            } else if c == "\\" {
                inSlash = true
            } else if c == "," {
                terms.append(current)
                current = ""
                continue
            }
            current.unicodeScalars.append(c)
        }
        terms.append(current)
        return terms
    }

    /// The first `!=`, `==` or `=` (checked in that order at each position) splits the term.
    static func splitTerm(_ term: String) -> (String, String, String)? {
        let b = Array(term.utf8)
        for i in b.indices {
            for op in ["!=", "==", "="] {
                let ob = Array(op.utf8)
                if i + ob.count <= b.count && Array(b[i..<(i + ob.count)]) == ob {
                    return (String(decoding: b[..<i], as: UTF8.self), op,
                            String(decoding: b[(i + ob.count)...], as: UTF8.self))
                }
            }
        }
        return nil
    }
}

// MARK: - server-side selector errors

/// The error a kind's field-label conversion gives for an unsupported field. Core kinds with their own
/// conversion (pods, nodes, events, secrets, namespaces, ...) say `field label not supported: <label>`;
/// kinds using the default conversion say `"<label>" is not a known field selector: only "metadata.name", "metadata.namespace"`.
public func fieldLabelNotSupportedMessage(_ label: String, defaultConversion: Bool = false) -> String {
    if defaultConversion {
        return "\(strconvQuote(label)) is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
    }
    return "field label not supported: \(label)"
}

/// kubectl's rewrite of a 400/404 list error (cli-runtime `Selector.Visit`): with a selector,
/// `Unable to find "<gvr>" that match label selector "<l>", field selector "<f>": <msg>`; without,
/// `Unable to list "<gvr>": <msg>`. `gvr` is `schema.GroupVersionResource.String()`, e.g.
/// `/v1, Resource=pods` or `apps/v1, Resource=deployments`. The caller prints it after
/// `Error from server (BadRequest): `.
public func selectorListErrorMessage(group: String, version: String, resource: String,
                                     labelSelector: String, fieldSelector: String, serverMessage: String) -> String {
    let gvr = strconvQuote("\(group)/\(version), Resource=\(resource)")
    if labelSelector.isEmpty && fieldSelector.isEmpty {
        return "Unable to list \(gvr): \(serverMessage)"
    }
    return "Unable to find \(gvr) that match label selector \(strconvQuote(labelSelector)), field selector \(strconvQuote(fieldSelector)): \(serverMessage)"
}
