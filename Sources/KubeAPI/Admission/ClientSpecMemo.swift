#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeSchema

/// Decoding and pruning of a client's pods worked out once per spec: the pods of one file differ in
/// their metadata (names, namespaces, labels), and both steps read each top-level field of the object
/// by its own schema, so a spec met before gives what it gave before. The rest of the object is still
/// walked every time, with the spec swapped for `placeholder` (a one-field spec both steps leave as
/// it is); anything unusual (a decode complaint, an empty list or map kept) takes the full walk.
struct ClientSpecMemo {
    /// The last pod spec whose object decoded without an error or a strict-decoding complaint.
    var cleanSpec: JSONValue?
    /// The last pod spec pruned alone (no empty list or map kept), and its pruned form.
    var prunedInput: JSONValue?
    var prunedOutput: JSONValue = .null

    static let placeholder: JSONValue = ["restartPolicy": "Always"]
    /// `placeholder` as pruning leaves it in a pod: with the Go zero values encoding/json writes for the
    /// fields it never leaves out (`"containers": null`). Comparing with `placeholder` itself never
    /// matched, so every pod was pruned in full as well (until session 30).
    static let prunedPlaceholder: JSONValue = {
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "spec": placeholder]
        Pruning.prune(&pod, keepingEmptyCollections: true)
        return pod["spec"]
    }()
    /// Pods pruned through the remembered spec (the rest of the object walked alone).
    private(set) var prunedFromMemo = 0

    /// The object with its spec swapped for `placeholder`, or nil when its spec is not an object.
    static func withPlaceholder(_ obj: JSONValue) -> JSONValue? {
        guard case .object(var o) = obj, case .object? = o["spec"] else { return nil }
        o["spec"] = placeholder
        return .object(o)
    }

    static func isPod(_ r: AdmissionRequest) -> Bool {
        r.groupKind == ("", "Pod") && r.object["apiVersion"].string == "v1" && r.object["kind"].string == "Pod"
    }

    /// Equal to the byte, with every object's keys in the same order (pruning keeps the order it is
    /// given): strings and keys by their UTF-8 bytes, not by Swift's `==` (which takes canonically
    /// equivalent texts for equal: `"\u{212A}" == "K"`, a valid environment variable name and an invalid
    /// one), numbers by their bits (`-0.0 == 0.0`). What the memos give for one spec they give only for
    /// the same bytes.
    /// Lists and objects held in the same storage (a memo's output shared by the pods it served) are
    /// the same without a walk.
    static func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            if sameStorage(x.keys, y.keys) && sameStorage(x.values, y.values) { return true }
            for i in x.values.indices where !sameBytes(x.keys[i], y.keys[i]) || !identical(x.values[i], y.values[i]) { return false }
            return true
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            if sameStorage(x, y) { return true }
            for i in x.indices where !identical(x[i], y[i]) { return false }
            return true
        case (.string(let x), .string(let y)):
            return sameBytes(x, y)
        case (.double(let x), .double(let y)):
            return x.bitPattern == y.bitPattern
        default:
            return a == b
        }
    }

    /// Whether two arrays are one buffer (so the same elements).
    @inline(__always)
    static func sameStorage<T>(_ a: [T], _ b: [T]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
    }

    /// Whether two strings are the same UTF-8 bytes: unequal by `==` (which compares ASCII and NFC
    /// texts byte by byte) is unequal; equal by `==` is the same bytes when the lengths agree and the
    /// bytes do.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        // Native and small strings hold their UTF-8 contiguously: one length check and one memcmp.
        if let same = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }), let same { return same }
        guard a == b else { return false }
        return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    static func clean(_ report: DecodeReport) -> Bool { report.decodeError == nil && report.strictErrors.isEmpty }

    /// `decodeReport` of a client's pod.
    mutating func decodeReport(_ object: JSONValue, definition def: SchemaDefinition) -> DecodeReport {
        let spec = object["spec"]
        if let known = cleanSpec, Self.identical(known, spec), let rest = Self.withPlaceholder(object) {
            let report = KubeSchema.decodeReport(rest, definition: def, index: .builtin)
            if Self.clean(report) { return report }
        }
        let report = KubeSchema.decodeReport(object, definition: def, index: .builtin)
        if Self.clean(report), case .object = spec { cleanSpec = spec }
        return report
    }

    /// `Pruning.prune(_:keepingEmptyCollections: true)` of a client's pod.
    mutating func prune(_ object: inout JSONValue) -> Bool {
        let spec = object["spec"]
        if let known = prunedInput, Self.identical(known, spec), var rest = Self.withPlaceholder(object),
           !Pruning.prune(&rest, keepingEmptyCollections: true), case .object(var o) = rest, o["spec"] == Self.prunedPlaceholder {
            o["spec"] = prunedOutput
            object = .object(o)
            prunedFromMemo += 1
            return false
        }
        let kept = Pruning.prune(&object, keepingEmptyCollections: true)
        // Remembered when pruning the spec alone keeps nothing empty either.
        if !kept, case .object = spec, case .object = object["spec"] {
            prunedInput = spec
            prunedOutput = object["spec"]
        }
        return kept
    }
}
