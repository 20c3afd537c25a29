import KubeModel
import KubeRegistry

/// The API server's ObjectMeta validation: the kind's name rule, label keys and values, annotation
/// keys and size. Messages are apimachinery's.
enum Validation {
    static func objectMeta(_ obj: JSONValue, type: ResourceType, old: JSONValue? = nil) -> [APIError.Cause] {
        var causes: [APIError.Cause] = []
        let meta = obj["metadata"]
        let name = meta["name"].string ?? ""
        if !name.isEmpty {
            for msg in nameErrors(name, rule: type.nameRule) {
                causes.append(.init(field: "metadata.name", message: "Invalid value: \(strconvQuote(name)): \(msg)"))
            }
        }
        causes += labels(meta["labels"], field: "metadata.labels")
        causes += annotations(meta["annotations"], field: "metadata.annotations")
        causes += ownerReferences(meta["ownerReferences"].array ?? [])
        causes += finalizers(meta["finalizers"].array ?? [], old: old, builtin: Registry.builtin.type(storageKey: type.storageKey) != nil)
        return causes
    }

    /// `ValidateLabels`: each key a qualified name, each value a label value.
    static func labels(_ labels: JSONValue, field: String) -> [APIError.Cause] {
        var causes: [APIError.Cause] = []
        for (k, v) in labels.stringMap {
            for msg in isQualifiedName(k) {
                causes.append(.init(field: field, message: "Invalid value: \(strconvQuote(k)): \(msg)"))
            }
            for msg in isValidLabelValue(v) {
                causes.append(.init(field: field, message: "Invalid value: \(strconvQuote(v)): \(msg)"))
            }
        }
        return causes
    }

    /// `ValidateAnnotations`: each key (lowercased) a qualified name, keys and values together at most
    /// 256 KiB.
    static func annotations(_ annotations: JSONValue, field: String) -> [APIError.Cause] {
        var causes: [APIError.Cause] = []
        var total = 0
        for (k, v) in annotations.stringMap {
            for msg in isQualifiedName(k.lowercased()) {
                causes.append(.init(field: field, message: "Invalid value: \(strconvQuote(k)): \(msg)"))
            }
            total += k.utf8.count + v.utf8.count
        }
        if total > 262144 {
            causes.append(.init(field: field, message: "Too long: must have at most 262144 bytes"))
        }
        return causes
    }

    /// `ValidateOwnerReferences`: a version (from apiVersion), kind, name and uid in every reference, and
    /// at most one reference with `controller: true`.
    static func ownerReferences(_ refs: [JSONValue]) -> [APIError.Cause] {
        var causes: [APIError.Cause] = []
        var firstController: String?
        for ref in refs {
            let apiVersion = ref["apiVersion"].string ?? ""
            let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
            let version = parts.count == 1 ? String(parts[0]) : (parts.count == 2 ? String(parts[1]) : "")
            let checks: [(String, String, Bool, String)] = [
                ("apiVersion", apiVersion, version.isEmpty, "version must not be empty"),
                ("kind", ref["kind"].string ?? "", (ref["kind"].string ?? "").isEmpty, "kind must not be empty"),
                ("name", ref["name"].string ?? "", (ref["name"].string ?? "").isEmpty, "name must not be empty"),
                ("uid", ref["uid"].string ?? "", (ref["uid"].string ?? "").isEmpty, "uid must not be empty"),
            ]
            for (key, value, bad, message) in checks where bad {
                causes.append(.init(field: "metadata.ownerReferences.\(key)", message: "Invalid value: \(strconvQuote(value)): \(message)"))
            }
            guard ref["controller"].bool == true else { continue }
            let current = (ref["kind"].string ?? "") + "/" + (ref["name"].string ?? "")
            if let first = firstController {
                causes.append(.init(field: "metadata.ownerReferences", message: "Invalid value: \(ownerReferencesLiteral(refs)): "
                    + "Only one reference can have Controller set to true. Found \"true\" in references for \(first) and \(current)"))
            } else {
                firstController = current
            }
        }
        return causes
    }

    /// `%#v` of a `[]v1.OwnerReference` (the server prints its pointers' heap addresses).
    static func ownerReferencesLiteral(_ refs: [JSONValue]) -> String {
        func pointer(_ v: JSONValue) -> String { "(*bool)(\(v.isNull ? "nil" : SecurityContextRules.pointer))" }
        let items = refs.map { r in
            "v1.OwnerReference{APIVersion:\(strconvQuote(r["apiVersion"].string ?? "")), Kind:\(strconvQuote(r["kind"].string ?? "")), "
                + "Name:\(strconvQuote(r["name"].string ?? "")), UID:\(strconvQuote(r["uid"].string ?? "")), "
                + "Controller:\(pointer(r["controller"])), BlockOwnerDeletion:\(pointer(r["blockOwnerDeletion"]))}"
        }
        return "[]v1.OwnerReference{" + items.joined(separator: ", ") + "}"
    }

    /// `ValidateFinalizers` (qualified names; not both `orphan` and `foregroundDeletion`), on update
    /// `ValidateNoNewFinalizers` while the object is being deleted, and for built-in kinds core's
    /// `validateKubeFinalizerName` (a name without '/' must be a standard one).
    static func finalizers(_ list: [JSONValue], old: JSONValue?, builtin: Bool) -> [APIError.Cause] {
        let names = list.compactMap(\.string)
        var causes: [APIError.Cause] = []
        for name in names {
            for msg in isQualifiedName(name) {
                causes.append(.init(field: "metadata.finalizers", message: "Invalid value: \(strconvQuote(name)): \(msg)"))
            }
        }
        if names.contains("orphan") && names.contains("foregroundDeletion") {
            let value = "[]string{" + names.map(strconvQuote).joined(separator: ", ") + "}"
            causes.append(.init(field: "metadata.finalizers",
                                message: "Invalid value: \(value): finalizer orphan and foregroundDeletion cannot be both set"))
        }
        if let old, !old["metadata"]["deletionTimestamp"].isNull {
            let before = Set((old["metadata"]["finalizers"].array ?? []).compactMap(\.string))
            let extra = Set(names).subtracting(before).sorted(by: goStringLess)
            if !extra.isEmpty {
                let value = "[]string{" + extra.map(strconvQuote).joined(separator: ", ") + "}"
                causes.append(.init(field: "metadata.finalizers",
                                    message: "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers \(value)"))
            }
        }
        guard builtin else { return causes }
        for (i, name) in names.enumerated() where !name.contains("/") && !["kubernetes", "orphan", "foregroundDeletion"].contains(name) {
            causes.append(.init(field: "metadata.finalizers[\(i)]",
                                message: "Invalid value: \(strconvQuote(name)): name is neither a standard finalizer name nor is it fully qualified"))
        }
        return causes
    }

    static func nameErrors(_ name: String, rule: NameRule) -> [String] {
        switch rule {
        case .dns1123Subdomain: return isDNS1123Subdomain(name)
        case .dns1123Label: return isDNS1123Label(name)
        case .dns1035Label: return isDNS1035Label(name)
        case .pathSegment: return isValidPathSegmentName(name)
        }
    }
}

