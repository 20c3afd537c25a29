import KubeModel

/// kubectl's generic describer for kinds without their own: Name, Namespace, Labels, Annotations,
/// then every other field of the object (sorted, nested, with "smart" labels), then Events.
func describeGeneric(_ obj: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(obj.name)\n")
        w.write(L0, "Namespace:\t\(obj.namespace)\n")
        printLabels(w, "Labels", obj.labels)
        printAnnotations(w, "Annotations", obj.annotations)
        printUnstructured(w, L0, obj.object ?? JSONObject(), prefix: "",
                          skip: [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"])
        writeEventsIfShown(w, obj, ctx)
    }
}

/// `printUnstructuredContent`.
func printUnstructured(_ w: DescribeWriter, _ level: Int, _ content: JSONObject, prefix: String, skip: Set<String>) {
    for field in content.sortedKeys {
        let value = content[field] ?? .null
        let path = "\(prefix).\(field)"
        if skip.contains(path) { continue }
        switch value {
        case .object(let o):
            w.write(level, "\(smartLabel(field)):\n")
            printUnstructured(w, level + 1, o, prefix: path, skip: skip)
        case .array(let items):
            w.write(level, "\(smartLabel(field)):\n")
            for child in items {
                if case .object(let o) = child {
                    printUnstructured(w, level + 1, o, prefix: path, skip: skip)
                } else {
                    w.write(level + 1, "\(goValue(child))\n")
                }
            }
        default:
            w.write(level, "\(smartLabel(field)):\t\(goValue(value))\n")
        }
    }
}
