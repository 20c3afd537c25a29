// apimachinery pkg/util/validation (v1.32) name and label checks. Each function returns the list of
// problems worded exactly as apimachinery words them; an empty list means valid. Matching is done by
// hand (no regex engine) and works on UTF-8 bytes, like Go's `len` and byte-oriented classes.

public let dns1123LabelMaxLength = 63
public let dns1123SubdomainMaxLength = 253
public let dns1035LabelMaxLength = 63
public let labelValueMaxLength = 63
public let qualifiedNameMaxLength = 63
/// `TotalAnnotationSizeLimitB`: 256 KiB over all keys and values.
public let totalAnnotationSizeLimitBytes = 256 * 1024

let qualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
let qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
let labelValueFmt = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?"
let labelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
let dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
let dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
let dns1123SubdomainFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
let dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
let dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?"
let dns1035LabelErrMsg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"

/// `validation.MaxLenError`.
public func maxLenError(_ length: Int) -> String { "must be no more than \(length) characters" }
/// `validation.EmptyError`.
public func emptyError() -> String { "must be non-empty" }
/// `validation.RegexError` (note the double space apimachinery produces between examples).
public func regexError(_ msg: String, _ fmt: String, _ examples: String...) -> String {
    if examples.isEmpty { return msg + " (regex used for validation is '" + fmt + "')" }
    var m = msg + " (e.g. "
    for (i, e) in examples.enumerated() {
        if i > 0 { m += " or " }
        m += "'" + e + "', "
    }
    return m + "regex used for validation is '" + fmt + "')"
}

// MARK: - byte classes

@inline(__always) private func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) }
@inline(__always) private func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
@inline(__always) private func isAlnum(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
}

/// first ∈ `first`, last ∈ `edge`, every byte in between ∈ `middle`; a single byte must be in both.
private func matchesEdged(_ b: ArraySlice<UInt8>, first: (UInt8) -> Bool, last: (UInt8) -> Bool, middle: (UInt8) -> Bool) -> Bool {
    guard let f = b.first, let l = b.last, first(f), last(l) else { return false }
    if b.count <= 2 { return true }
    return b.dropFirst().dropLast().allSatisfy(middle)
}

/// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
private func matchesDNS1123Label(_ b: ArraySlice<UInt8>) -> Bool {
    matchesEdged(b, first: isLowerAlnum, last: isLowerAlnum, middle: { isLowerAlnum($0) || $0 == 0x2D })
}

/// `^label(\.label)*$`
private func matchesDNS1123Subdomain(_ b: ArraySlice<UInt8>) -> Bool {
    b.split(separator: 0x2E, omittingEmptySubsequences: false).allSatisfy(matchesDNS1123Label)
}

/// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`
private func matchesQualifiedName(_ b: ArraySlice<UInt8>) -> Bool {
    matchesEdged(b, first: isAlnum, last: isAlnum, middle: { isAlnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E })
}

// MARK: - public checks

/// `IsDNS1123Label`: names of namespaces and similar.
public func isDNS1123Label(_ value: String) -> [String] {
    let b = ArraySlice(value.utf8)
    var errs: [String] = []
    if b.count > dns1123LabelMaxLength { errs.append(maxLenError(dns1123LabelMaxLength)) }
    if !matchesDNS1123Label(b) {
        if matchesDNS1123Subdomain(b) {
            errs.append("must not contain dots")
        } else {
            errs.append(regexError(dns1123LabelErrMsg, dns1123LabelFmt, "my-name", "123-abc"))
        }
    }
    return errs
}

/// `IsDNS1123Subdomain`: names of most kinds.
public func isDNS1123Subdomain(_ value: String) -> [String] {
    let b = ArraySlice(value.utf8)
    var errs: [String] = []
    if b.count > dns1123SubdomainMaxLength { errs.append(maxLenError(dns1123SubdomainMaxLength)) }
    if !matchesDNS1123Subdomain(b) {
        errs.append(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, "example.com"))
    }
    return errs
}

/// `IsDNS1035Label`: service names.
public func isDNS1035Label(_ value: String) -> [String] {
    let b = ArraySlice(value.utf8)
    var errs: [String] = []
    if b.count > dns1035LabelMaxLength { errs.append(maxLenError(dns1035LabelMaxLength)) }
    if !matchesEdged(b, first: isLower, last: isLowerAlnum, middle: { isLowerAlnum($0) || $0 == 0x2D }) {
        errs.append(regexError(dns1035LabelErrMsg, dns1035LabelFmt, "my-name", "abc-123"))
    }
    return errs
}

/// `IsQualifiedName`: label and annotation keys (`[prefix/]name`).
public func isQualifiedName(_ value: String) -> [String] {
    var errs: [String] = []
    let parts = value.split(separator: "/", omittingEmptySubsequences: false)
    let name: Substring
    switch parts.count {
    case 1:
        name = parts[0]
    case 2:
        let prefix = parts[0]
        name = parts[1]
        if prefix.isEmpty {
            errs.append("prefix part " + emptyError())
        } else {
            errs += isDNS1123Subdomain(String(prefix)).map { "prefix part " + $0 }
        }
    default:
        return ["a qualified name " + regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
    }
    let nb = ArraySlice(name.utf8)
    if nb.isEmpty {
        errs.append("name part " + emptyError())
    } else if nb.count > qualifiedNameMaxLength {
        errs.append("name part " + maxLenError(qualifiedNameMaxLength))
    }
    if !matchesQualifiedName(nb) {
        errs.append("name part " + regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc"))
    }
    return errs
}

/// `IsValidLabelValue`.
public func isValidLabelValue(_ value: String) -> [String] {
    let b = ArraySlice(value.utf8)
    var errs: [String] = []
    if b.count > labelValueMaxLength { errs.append(maxLenError(labelValueMaxLength)) }
    if !b.isEmpty && !matchesQualifiedName(b) {
        errs.append(regexError(labelValueErrMsg, labelValueFmt, "MyValue", "my_value", "12345"))
    }
    return errs
}

/// `path.IsValidPathSegmentName`: every object name must pass this as well.
public func isValidPathSegmentName(_ name: String) -> [String] {
    for illegal in [".", ".."] where name == illegal {
        return ["may not be '\(illegal)'"]
    }
    return isValidPathSegmentPrefix(name)
}

/// `path.IsValidPathSegmentPrefix` (used for generateName).
public func isValidPathSegmentPrefix(_ name: String) -> [String] {
    var errs: [String] = []
    for illegal in ["/", "%"] where name.contains(illegal) {
        errs.append("may not contain '\(illegal)'")
    }
    return errs
}

// MARK: - object-level helpers

/// Name rules for object kinds (`ValidateNameFunc`s).
public enum NameRule: Sendable {
    case dns1123Subdomain
    case dns1123Label
    case dns1035Label
    /// Only the path-segment rules (kinds without a DNS rule).
    case pathSegment

    /// The messages for `name`. With `prefix` (a generateName) a trailing '-' is masked like
    /// apimachinery's `maskTrailingDash`, which (upstream quirk) drops the last two bytes and appends "a".
    public func validate(_ name: String, prefix: Bool = false) -> [String] {
        var n = name
        if prefix && n.utf8.count > 1 && n.hasSuffix("-") {
            n = String(decoding: n.utf8.dropLast(2), as: UTF8.self) + "a"
        }
        switch self {
        case .dns1123Subdomain: return isDNS1123Subdomain(n)
        case .dns1123Label: return isDNS1123Label(n)
        case .dns1035Label: return isDNS1035Label(n)
        case .pathSegment: return prefix ? isValidPathSegmentPrefix(n) : isValidPathSegmentName(n)
        }
    }
}

/// `ValidateLabels` for `metadata.labels` (or another path): key errors then value errors, per pair
/// in the order given.
public func validateLabels(_ labels: [(String, String)], path: String = "metadata.labels") -> [FieldError] {
    var errs: [FieldError] = []
    for (k, v) in labels {
        errs += isQualifiedName(k).map { FieldError.invalid(path, k, $0) }
        errs += isValidLabelValue(v).map { FieldError.invalid(path, v, $0) }
    }
    return errs
}

/// `ValidateAnnotations`: keys are qualified names (checked lower-cased), and the total size of keys
/// and values may not exceed 256 KiB (`metadata.annotations: Too long: must have at most 262144 bytes`).
public func validateAnnotations(_ annotations: [(String, String)], path: String = "metadata.annotations") -> [FieldError] {
    var errs: [FieldError] = []
    var total = 0
    for (k, v) in annotations {
        errs += isQualifiedName(k.lowercased()).map { FieldError.invalid(path, k, $0) }
        total += k.utf8.count + v.utf8.count
    }
    if total > totalAnnotationSizeLimitBytes {
        errs.append(.tooLong(path, maxLength: totalAnnotationSizeLimitBytes))
    }
    return errs
}

/// `validation.IsConfigMapKey`: keys of ConfigMaps, Secrets and `--from-literal`/`--from-file`.
public func isConfigMapKey(_ value: String) -> [String] {
    var errs: [String] = []
    let b = Array(value.utf8)
    if b.count > dns1123SubdomainMaxLength { errs.append(maxLenError(dns1123SubdomainMaxLength)) }
    let ok: (UInt8) -> Bool = {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F
    }
    if b.isEmpty || !b.allSatisfy(ok) {
        errs.append(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                               "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name"))
    }
    return errs + chDirPrefixErrors(value)
}

/// `validation.IsEnvVarName`: `[-._a-zA-Z][-._a-zA-Z0-9]*`, not `.`, `..` or `..`-prefixed.
public func isEnvVarName(_ value: String) -> [String] {
    let b = Array(value.utf8)
    let ok: (UInt8) -> Bool = {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F
    }
    var errs: [String] = []
    if b.isEmpty || (b[0] >= 0x30 && b[0] <= 0x39) || !b.allSatisfy(ok) {
        errs.append(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
                               "[-._a-zA-Z][-._a-zA-Z0-9]*", "my.env-name", "MY_ENV.NAME", "MyEnvName1"))
    }
    return errs + chDirPrefixErrors(value)
}

/// `hasChDirPrefix`: `.`, `..` and names starting with `..` are refused.
func chDirPrefixErrors(_ value: String) -> [String] {
    if value == "." { return ["must not be '.'"] }
    if value == ".." { return ["must not be '..'"] }
    if value.hasPrefix("..") { return ["must not start with '..'"] }
    return []
}

/// `validation.IsValidPortName`: container and service port names.
public func isValidPortName(_ port: String) -> [String] {
    var errs: [String] = []
    let b = Array(port.utf8)
    if b.count > 15 { errs.append(maxLenError(15)) }
    let lowerOrDigit: (UInt8) -> Bool = { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    if b.isEmpty || !b.allSatisfy(lowerOrDigit) {
        errs.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
    }
    if !b.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { errs.append("must contain at least one letter (a-z)") }
    if port.contains("--") { errs.append("must not contain consecutive hyphens") }
    if b.first == 0x2D || b.last == 0x2D { errs.append("must not begin or end with a hyphen") }
    return errs
}
