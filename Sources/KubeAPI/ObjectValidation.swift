import KubeModel
import KubeRegistry

/// The API server's ObjectMeta validation: the kind's name rule, label keys and values, annotation
/// keys and size. Messages are apimachinery's.
enum Validation {
    static func objectMeta(_ obj: JSONValue, type: ResourceType) -> [APIError.Cause] {
        var causes: [APIError.Cause] = []
        let meta = obj["metadata"]
        let name = meta["name"].string ?? ""
        if !name.isEmpty {
            for msg in nameErrors(name, rule: type.nameRule) {
                causes.append(.init(field: "metadata.name", message: "Invalid value: \(strconvQuote(name)): \(msg)"))
            }
        }
        for (k, v) in meta["labels"].stringMap {
            for msg in isQualifiedName(k) {
                causes.append(.init(field: "metadata.labels", message: "Invalid value: \(strconvQuote(k)): \(msg)"))
            }
            for msg in isValidLabelValue(v) {
                causes.append(.init(field: "metadata.labels", message: "Invalid value: \(strconvQuote(v)): \(msg)"))
            }
        }
        var total = 0
        for (k, v) in meta["annotations"].stringMap {
            for msg in isQualifiedName(k.lowercased()) {
                causes.append(.init(field: "metadata.annotations", message: "Invalid value: \(strconvQuote(k)): \(msg)"))
            }
            total += k.utf8.count + v.utf8.count
        }
        if total > 262144 {
            causes.append(.init(field: "metadata.annotations", message: "Too long: must have at most 262144 bytes"))
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

