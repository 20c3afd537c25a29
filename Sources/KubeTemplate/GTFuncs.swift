import KubeModel

/// An error returned by a template function; the executor wraps it as "error calling NAME: ...".
struct GTFuncError: Error { var message: String }

let gtFunctionNames: Set<String> = [
    "and", "or", "not", "call", "html", "index", "slice", "js", "len", "print", "printf", "println",
    "urlquery", "eq", "ne", "lt", "le", "gt", "ge", "exists", "base64decode",
]

private enum BasicKind { case invalid, bool, complex, int, float, string, uint }

private func basicKind(_ v: GV) -> BasicKind {
    switch v {
    case .bool: return .bool
    case .int, .int64: return .int
    case .uint8: return .uint
    case .float: return .float
    case .complex: return .complex
    case .string: return .string
    default: return .invalid
    }
}

private func intValue(_ v: GV) -> Int64 {
    switch v {
    case .int(let i), .int64(let i): return i
    case .uint8(let u): return Int64(u)
    default: return 0
    }
}

private let errBadComparisonType = GTFuncError(message: "invalid type for comparison")
private let errBadComparison = GTFuncError(message: "incompatible types for comparison")

private func isNilValue(_ v: GV) -> Bool {
    switch v {
    case .invalid, .nilIface: return true
    default: return false
    }
}

private func kindName(_ v: GV) -> Int {
    switch v {
    case .invalid: return 0
    case .nilIface, .iface: return 1
    case .map: return 2
    case .slice: return 3
    default: return 4
    }
}

func gtEq(_ a1: GV, _ rest: [GV]) throws -> Bool {
    let arg1 = a1.indirectInterface
    if rest.isEmpty { throw GTFuncError(message: "missing argument for comparison") }
    let k1 = basicKind(arg1)
    for a in rest {
        let arg = a.indirectInterface
        let k2 = basicKind(arg)
        var truth = false
        if k1 != k2 {
            if k1 == .int && k2 == .uint {
                truth = intValue(arg1) >= 0 && intValue(arg1) == intValue(arg)
            } else if k1 == .uint && k2 == .int {
                truth = intValue(arg) >= 0 && intValue(arg1) == intValue(arg)
            } else if arg1.isValid && arg.isValid {
                throw errBadComparison
            }
        } else {
            switch k1 {
            case .bool:
                if case .bool(let x) = arg1, case .bool(let y) = arg { truth = x == y }
            case .complex:
                if case .complex(let r1, let i1) = arg1, case .complex(let r2, let i2) = arg { truth = r1 == r2 && i1 == i2 }
            case .float:
                if case .float(let x) = arg1, case .float(let y) = arg { truth = x == y }
            case .int, .uint:
                truth = intValue(arg1) == intValue(arg)
            case .string:
                if case .string(let x) = arg1, case .string(let y) = arg { truth = x == y }
            case .invalid:
                let c1 = kindName(arg1), c2 = kindName(arg)
                if !(c1 == c2 || c1 == 0 || c2 == 0) {
                    throw GTFuncError(message: "non-comparable types \(gvFormat(arg1, "s", GoFmtFlags())): \(arg1.typeName), \(arg.typeName): \(gvFormat(arg, "v", GoFmtFlags()))")
                }
                if isNilValue(arg1) || isNilValue(arg) {
                    truth = isNilValue(arg) == isNilValue(arg1)
                } else {
                    throw GTFuncError(message: "non-comparable type \(gvFormat(arg, "s", GoFmtFlags())): \(arg.typeName)")
                }
            }
        }
        if truth { return true }
    }
    return false
}

func gtLt(_ a1: GV, _ a2: GV) throws -> Bool {
    let arg1 = a1.indirectInterface
    let k1 = basicKind(arg1)
    if k1 == .invalid { throw errBadComparisonType }
    let arg2 = a2.indirectInterface
    let k2 = basicKind(arg2)
    if k2 == .invalid { throw errBadComparisonType }
    if k1 != k2 {
        if k1 == .int && k2 == .uint { return intValue(arg1) < 0 || intValue(arg1) < intValue(arg2) }
        if k1 == .uint && k2 == .int { return intValue(arg2) >= 0 && intValue(arg1) < intValue(arg2) }
        throw errBadComparison
    }
    switch k1 {
    case .bool, .complex: throw errBadComparisonType
    case .float:
        if case .float(let x) = arg1, case .float(let y) = arg2 { return x < y }
        return false
    case .int, .uint: return intValue(arg1) < intValue(arg2)
    case .string:
        if case .string(let x) = arg1, case .string(let y) = arg2 { return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) }
        return false
    case .invalid: return false
    }
}

private func indirect(_ v: GV) -> (GV, Bool) {
    switch v {
    case .nilIface: return (v, true)
    case .iface(let x): return (x, false)
    default: return (v, false)
    }
}

private func indexArg(_ index: GV, _ cap: Int) throws -> Int {
    let x: Int64
    switch index {
    case .int(let i), .int64(let i): x = i
    case .uint8(let u): x = Int64(u)
    case .invalid: throw GTFuncError(message: "cannot index slice/array with nil")
    default: throw GTFuncError(message: "cannot index slice/array with type \(index.typeName)")
    }
    if x < 0 || x > Int64(cap) { throw GTFuncError(message: "index out of range: \(x)") }
    return Int(x)
}

func gtIndex(_ item0: GV, _ indexes: [GV]) throws -> GV {
    var item = item0.indirectInterface
    if !item.isValid { throw GTFuncError(message: "index of untyped nil") }
    for idx0 in indexes {
        let index = idx0.indirectInterface
        let (it, isNil) = indirect(item)
        if isNil { throw GTFuncError(message: "index of nil pointer") }
        item = it
        switch item {
        case .slice(let a, _):
            let x = try indexArg(index, a.count)
            if x == a.count { throw GTFuncError(message: "reflect: slice index out of range") }
            item = GV.element(a[x])
        case .string(let s):
            let bytes = Array(s.utf8)
            let x = try indexArg(index, bytes.count)
            if x == bytes.count { throw GTFuncError(message: "reflect: string index out of range") }
            item = .uint8(bytes[x])
        case .map(let o):
            let key: String
            switch index {
            case .string(let k): key = k
            case .invalid: throw GTFuncError(message: "value is nil; should be of type string")
            default: throw GTFuncError(message: "value has type \(index.typeName); should be string")
            }
            if let v = o[key] { item = GV.element(v) } else { item = .nilIface }
        default:
            throw GTFuncError(message: "can't index item of type \(item.typeName)")
        }
    }
    return item
}

func gtSlice(_ item0: GV, _ indexes: [GV]) throws -> GV {
    let item = item0.indirectInterface
    if !item.isValid { throw GTFuncError(message: "slice of untyped nil") }
    if indexes.count > 3 { throw GTFuncError(message: "too many slice indexes: \(indexes.count)") }
    var cap: Int
    var len: Int
    switch item {
    case .string(let s):
        if indexes.count == 3 { throw GTFuncError(message: "cannot 3-index slice a string") }
        cap = s.utf8.count
        len = cap
    case .slice(let a, let c):
        cap = c
        len = a.count
    default:
        throw GTFuncError(message: "can't slice item of type \(item.typeName)")
    }
    var idx = [0, len, 0]
    for (i, index) in indexes.enumerated() {
        idx[i] = try indexArg(index.indirectInterface, cap)
    }
    if idx[0] > idx[1] { throw GTFuncError(message: "invalid slice index: \(idx[0]) > \(idx[1])") }
    if indexes.count == 3 && idx[1] > idx[2] {
        throw GTFuncError(message: "invalid slice index: \(idx[1]) > \(idx[2])")
    }
    switch item {
    case .string(let s):
        let bytes = Array(s.utf8)
        return .string(String(decoding: bytes[idx[0]..<idx[1]], as: UTF8.self))
    case .slice(let a, _):
        var elems = Array(a[min(idx[0], a.count)..<min(idx[1], a.count)])
        while elems.count < idx[1] - idx[0] { elems.append(.null) }
        let newCap = (indexes.count == 3 ? idx[2] : cap) - idx[0]
        return .slice(elems, newCap)
    default:
        return .invalid
    }
}

func gtLen(_ item0: GV) throws -> GV {
    let (item, isNil) = indirect(item0)
    if isNil { throw GTFuncError(message: "len of nil pointer") }
    switch item {
    case .string(let s): return .int(Int64(s.utf8.count))
    case .map(let o): return .int(Int64(o.count))
    case .slice(let a, _): return .int(Int64(a.count))
    case .invalid: throw GTFuncError(message: "reflect: call of reflect.Value.Type on zero Value")
    default: throw GTFuncError(message: "len of type \(item.typeName)")
    }
}

/// evalArgs of html/js/urlquery: one string as is, otherwise fmt.Sprint with nils as "<no value>".
private func evalArgs(_ args: [GV]) -> String {
    if args.count == 1, case .string(let s) = args[0].asAny { return s }
    let mapped = args.map { a -> GV in
        if case .invalid = a.asAny { return .string("<no value>") }
        return a
    }
    return goSprint(mapped)
}

func gtHTMLEscape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "&#34;"
        case "'": out += "&#39;"
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\u{0}": out += "\u{FFFD}"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

func gtJSEscape(_ s: String) -> String {
    var out = ""
    let hex = Array("0123456789ABCDEF")
    for c in s.unicodeScalars {
        switch c {
        case "\\": out += "\\\\"
        case "'": out += "\\'"
        case "\"": out += "\\\""
        case "<": out += "\\u003C"
        case ">": out += "\\u003E"
        case "&": out += "\\u0026"
        case "=": out += "\\u003D"
        default:
            if c.value < 0x20 {
                out += "\\u00" + String(hex[Int(c.value >> 4)]) + String(hex[Int(c.value & 0xF)])
            } else if c.value < 0x80 {
                out.unicodeScalars.append(c)
            } else if goIsPrint(c) {
                out.unicodeScalars.append(c)
            } else {
                var h = String(c.value, radix: 16, uppercase: true)
                while h.count < 4 { h = "0" + h }
                out += "\\u" + h
            }
        }
    }
    return out
}

func gtQueryEscape(_ s: String) -> String {
    var out = ""
    let hex = Array("0123456789ABCDEF")
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(b))
        case UInt8(ascii: " "): out += "+"
        default:
            out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0xF)])
        }
    }
    return out
}

/// Go's base64.StdEncoding.DecodeString, with its error offsets.
func gtBase64Decode(_ s: String) throws -> String {
    switch GoBase64.decode(s) {
    case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .failure(let e): throw GTFuncError(message: "base64 decode failed: illegal base64 data at input byte \(e.offset)")
    }
}

func gtExists(_ item: GV, _ indices: [GV]) -> Bool {
    var v = item.asAny
    for i0 in indices {
        let index = i0.asAny
        let (x, isNil) = indirect(v)
        if isNil { return false }
        v = x
        switch v {
        case .slice(let a, _):
            let n: Int64
            switch index {
            case .int(let i), .int64(let i): n = i
            case .uint8(let u): n = Int64(u)
            default: return false
            }
            if n < 0 || n >= Int64(a.count) { return false }
            v = GV.element(a[Int(n)])
        case .string(let s):
            let n: Int64
            switch index {
            case .int(let i), .int64(let i): n = i
            case .uint8(let u): n = Int64(u)
            default: return false
            }
            let bytes = Array(s.utf8)
            if n < 0 || n >= Int64(bytes.count) { return false }
            v = .uint8(bytes[Int(n)])
        case .map(let o):
            var key = ""
            switch index {
            case .string(let k): key = k
            case .invalid: key = ""
            default: return false
            }
            if let e = o[key] { v = GV.element(e) } else { v = .nilIface }
        default:
            return false
        }
    }
    if case .nilIface = v { return false }
    return true
}

func gtCallBuiltin(_ name: String, _ argv: [GV], calleeName: String) throws -> GV {
    switch name {
    case "not": return .bool(!isTrue(argv[0].indirectInterface))
    case "eq": return .bool(try gtEq(argv[0], Array(argv.dropFirst())))
    case "ne": return .bool(!(try gtEq(argv[0], [argv[1]])))
    case "lt": return .bool(try gtLt(argv[0], argv[1]))
    case "le":
        let l = try gtLt(argv[0], argv[1])
        if l { return .bool(true) }
        return .bool(try gtEq(argv[0], [argv[1]]))
    case "gt":
        let l = try gtLt(argv[0], argv[1])
        if l { return .bool(false) }
        return .bool(!(try gtEq(argv[0], [argv[1]])))
    case "ge": return .bool(!(try gtLt(argv[0], argv[1])))
    case "index": return try gtIndex(argv[0], Array(argv.dropFirst()))
    case "slice": return try gtSlice(argv[0], Array(argv.dropFirst()))
    case "len": return try gtLen(argv[0])
    case "print": return .string(goSprint(argv))
    case "println": return .string(goSprintln(argv))
    case "printf":
        guard case .string(let f) = argv[0] else { return .string("") }
        return .string(goSprintf(f, Array(argv.dropFirst())))
    case "html": return .string(gtHTMLEscape(evalArgs(argv)))
    case "js": return .string(gtJSEscape(evalArgs(argv)))
    case "urlquery": return .string(gtQueryEscape(evalArgs(argv)))
    case "exists": return .bool(gtExists(argv[0], Array(argv.dropFirst())))
    case "base64decode":
        guard case .string(let s) = argv[0] else { return .string("") }
        return .string(try gtBase64Decode(s))
    case "call":
        let fn = argv[0].indirectInterface
        if !fn.isValid { throw GTFuncError(message: "call of nil") }
        throw GTFuncError(message: "non-function \(calleeName) of type \(fn.typeName)")
    default:
        throw GTFuncError(message: "unknown function")
    }
}
