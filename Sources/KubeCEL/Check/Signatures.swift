// Result types of functions for the checker: for each function, which receiver and arguments it
// accepts and what it returns. A nil result means "no matching overload" (a compile error).

enum Signatures {
    static func fits(_ t: CELType, _ kinds: String...) -> Bool {
        if t.isDyn { return true }
        let k: String
        switch t {
        case .list: k = "list"
        case .map: k = "map"
        case .opaque(let n): k = n
        case .optional: k = "optional"
        case .object: k = "object"
        default: k = t.description
        }
        return kinds.contains(k)
    }

    static func elem(_ t: CELType) -> CELType {
        switch t {
        case .list(let e): return e
        case .map(let k, _): return k
        default: return .dyn
        }
    }

    /// The result type of a member call `recv.name(args)`, nil when no overload matches.
    static func member(_ name: String, _ recv: CELType, _ args: [CELType]) -> CELType? {
        if let authz = AuthzTypes.member(name, recv, args) { return authz }
        let n = args.count
        let allStrings = args.allSatisfy { fits($0, "string") }
        switch name {
        case "contains", "startsWith", "endsWith", "matches":
            return fits(recv, "string") && n == 1 && allStrings ? .bool : nil
        case "size": return n == 0 && fits(recv, "string", "bytes", "list", "map") ? .int : nil
        case "charAt": return fits(recv, "string") && n == 1 && fits(args[0], "int") ? .string : nil
        case "indexOf", "lastIndexOf":
            if fits(recv, "list") && n == 1 { return .int }
            return fits(recv, "string") && (n == 1 || n == 2) && fits(args[0], "string") && (n == 1 || fits(args[1], "int")) ? .int : nil
        case "lowerAscii", "upperAscii", "trim": return fits(recv, "string") && n == 0 ? .string : nil
        case "replace":
            return fits(recv, "string") && (n == 2 || n == 3) && fits(args[0], "string") && fits(args[1], "string") ? .string : nil
        case "split": return fits(recv, "string") && (n == 1 || n == 2) && fits(args[0], "string") ? .list(.string) : nil
        case "substring": return fits(recv, "string") && (n == 1 || n == 2) && args.allSatisfy { fits($0, "int") } ? .string : nil
        case "join": return fits(recv, "list") && n <= 1 && allStrings ? .string : nil
        case "reverse": return fits(recv, "string", "list") && n == 0 ? recv : nil
        case "format": return fits(recv, "string") && n == 1 && fits(args[0], "list") ? .string : nil
        case "find": return fits(recv, "string") && n == 1 && allStrings ? .string : nil
        case "findAll": return fits(recv, "string") && (n == 1 || n == 2) && fits(args[0], "string") ? .list(.string) : nil
        case "isSorted": return fits(recv, "list") && n == 0 ? .bool : nil
        case "sum", "min", "max": return fits(recv, "list") && n == 0 ? elem(recv) : nil
        case "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath":
            return fits(recv, "kubernetes.URL") && n == 0 ? .string : nil
        case "getQuery": return fits(recv, "kubernetes.URL") && n == 0 ? .map(.string, .list(.string)) : nil
        case "isGreaterThan", "isLessThan":
            return fits(recv, "kubernetes.Quantity") && n == 1 && fits(args[0], "kubernetes.Quantity") ? .bool : nil
        case "compareTo": return fits(recv, "kubernetes.Quantity") && n == 1 && fits(args[0], "kubernetes.Quantity") ? .int : nil
        case "add", "sub":
            return fits(recv, "kubernetes.Quantity") && n == 1 && fits(args[0], "kubernetes.Quantity", "int") ? .opaque("kubernetes.Quantity") : nil
        case "isInteger": return fits(recv, "kubernetes.Quantity") && n == 0 ? .bool : nil
        case "asInteger": return fits(recv, "kubernetes.Quantity") && n == 0 ? .int : nil
        case "asApproximateFloat": return fits(recv, "kubernetes.Quantity") && n == 0 ? .double : nil
        case "sign": return fits(recv, "kubernetes.Quantity") && n == 0 ? .int : nil
        case "family": return fits(recv, "net.IP") && n == 0 ? .int : nil
        case "isUnspecified", "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast", "isGlobalUnicast":
            return fits(recv, "net.IP") && n == 0 ? .bool : nil
        case "containsIP": return fits(recv, "net.CIDR") && n == 1 && fits(args[0], "net.IP", "string") ? .bool : nil
        case "containsCIDR": return fits(recv, "net.CIDR") && n == 1 && fits(args[0], "net.CIDR", "string") ? .bool : nil
        case "ip": return fits(recv, "net.CIDR") && n == 0 ? .opaque("net.IP") : nil
        case "masked": return fits(recv, "net.CIDR") && n == 0 ? .opaque("net.CIDR") : nil
        case "prefixLength": return fits(recv, "net.CIDR") && n == 0 ? .int : nil
        case "validate": return fits(recv, "kubernetes.NamedFormat") && n == 1 && allStrings ? .optional(.list(.string)) : nil
        case "hasValue": return fits(recv, "optional") && n == 0 ? .bool : nil
        case "value":
            if case .optional(let t) = recv { return n == 0 ? t : nil }
            return recv.isDyn && n == 0 ? .dyn : nil
        case "or": return fits(recv, "optional") && n == 1 ? recv : nil
        case "orValue":
            if case .optional(let t) = recv { return n == 1 ? t : nil }
            return recv.isDyn ? .dyn : nil
        case "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear":
            return fits(recv, "google.protobuf.Timestamp") && n <= 1 && allStrings ? .int : nil
        case "getHours", "getMinutes", "getSeconds", "getMilliseconds":
            return fits(recv, "google.protobuf.Timestamp", "google.protobuf.Duration") && n <= 1 && allStrings ? .int : nil
        default: return .dyn
        }
    }

    /// The result type of a global call `name(args)`, nil when no overload matches.
    static func global(_ name: String, _ args: [CELType]) -> CELType? {
        let n = args.count
        let a0 = args.first ?? .dyn
        switch name {
        case "size": return n == 1 && fits(a0, "string", "bytes", "list", "map") ? .int : nil
        case "int": return n == 1 && fits(a0, "int", "uint", "double", "string", "google.protobuf.Timestamp", "google.protobuf.Duration") ? .int : nil
        case "uint": return n == 1 && fits(a0, "int", "uint", "double", "string") ? .uint : nil
        case "double": return n == 1 && fits(a0, "int", "uint", "double", "string") ? .double : nil
        case "string": return n == 1 ? .string : nil
        case "bool": return n == 1 && fits(a0, "bool", "string") ? .bool : nil
        case "bytes": return n == 1 && fits(a0, "bytes", "string") ? .bytes : nil
        case "duration": return n == 1 && fits(a0, "string", "google.protobuf.Duration") ? .duration : nil
        case "timestamp": return n == 1 && fits(a0, "string", "int", "google.protobuf.Timestamp") ? .timestamp : nil
        case "dyn": return .dyn
        case "type": return .type
        case "matches": return n == 2 && args.allSatisfy { fits($0, "string") } ? .bool : nil
        case "isURL", "isIP", "isCIDR", "isQuantity", "ip.isCanonical": return n == 1 && fits(a0, "string") ? .bool : nil
        case "url": return n == 1 && fits(a0, "string") ? .opaque("kubernetes.URL") : nil
        case "quantity": return n == 1 && fits(a0, "string") ? .opaque("kubernetes.Quantity") : nil
        case "ip": return n == 1 && fits(a0, "string") ? .opaque("net.IP") : nil
        case "cidr": return n == 1 && fits(a0, "string") ? .opaque("net.CIDR") : nil
        case "sets.contains", "sets.equivalent", "sets.intersects": return n == 2 && args.allSatisfy { fits($0, "list") } ? .bool : nil
        case "strings.quote": return n == 1 && fits(a0, "string") ? .string : nil
        case "optional.of", "optional.ofNonZeroValue": return n == 1 ? .optional(a0) : nil
        case "optional.none": return n == 0 ? .optional(.dyn) : nil
        case "format.named": return n == 1 && fits(a0, "string") ? .optional(.opaque("kubernetes.NamedFormat")) : nil
        case let f where f.hasPrefix("format."): return n == 0 ? .opaque("kubernetes.NamedFormat") : nil
        default: return .dyn
        }
    }
}
