// Kubernetes' format library: `format.dns1123Label().validate(s)` returns optional.none() for a
// valid string or an optional list of the validation messages; `format.named("...")` looks a format
// up by name (optional.none() for an unknown name).

import KubeModel

struct FormatValue: OpaqueValue {
    var name: String
    var celTypeName: String { "kubernetes.NamedFormat" }
    func isEqual(to other: any OpaqueValue) -> Bool { (other as? FormatValue)?.name == name }

    static let validators: [String: @Sendable (String) -> [String]] = [
        "dns1123Label": { isDNS1123Label($0) },
        "dns1123Subdomain": { isDNS1123Subdomain($0) },
        "dns1035Label": { isDNS1035Label($0) },
        "qualifiedName": { isQualifiedName($0) },
        "labelValue": { isValidLabelValue($0) },
        "dns1123LabelPrefix": { prefixed($0, isDNS1123Label) },
        "dns1123SubdomainPrefix": { prefixed($0, isDNS1123Subdomain) },
        "dns1035LabelPrefix": { prefixed($0, isDNS1035Label) },
        "uri": { URLValue.parse($0) == nil ? ["invalid URI"] : [] },
        "uuid": { isUUID($0) ? [] : ["does not match the UUID format"] },
        "byte": { isBase64($0) ? [] : ["invalid base64"] },
        "date": { CELTime.timestamp($0) == nil || $0.count != 10 ? ["invalid date"] : [] },
        "datetime": { CELTime.timestamp($0) == nil || $0.count <= 10 ? ["invalid datetime"] : [] },
    ]

    /// Names used as generateName prefixes may end in a dash.
    static func prefixed(_ s: String, _ f: (String) -> [String]) -> [String] {
        var t = s
        if t.hasSuffix("-") { t.removeLast() }
        return f(t)
    }

    static func isUUID(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    static func isBase64(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count % 4 == 0 else { return false }
        let body = u.prefix { $0 != 61 }
        guard u.count - body.count <= 2, u[body.count...].allSatisfy({ $0 == 61 }) else { return false }
        return body.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 47 }
    }
}

extension FunctionTable {
    mutating func addFormatLibrary() {
        for name in FormatValue.validators.keys {
            global("format." + name) { _ in .opaque(FormatValue(name: name)) }
        }
        global("format.named") { a in
            guard case .string(let n) = a[0] else { return .error(.noOverload("format.named", a)) }
            return .optional(FormatValue.validators[n] == nil ? nil : .opaque(FormatValue(name: n)))
        }
        member("validate", cost: sizeCost) { a in
            guard case .opaque(let o) = a[0], let f = o as? FormatValue, case .string(let s) = a[1],
                  let check = FormatValue.validators[f.name] else { return .error(.noOverload("validate", a)) }
            let errors = check(s)
            return .optional(errors.isEmpty ? nil : .list(errors.map { .string($0) }))
        }
    }
}
