import KubeModel

/// `kubectl get nodes`: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.
enum NodeColumns {
    static func status(_ o: JSONValue) -> String {
        var status: [String] = []
        var ready: JSONValue?
        for c in o["status"]["conditions"].array ?? [] where c["type"].string == "Ready" { ready = c }
        if let c = ready { status.append(c["status"].string == "True" ? "Ready" : "NotReady") }
        if status.isEmpty { status.append("Unknown") }
        if o["spec"]["unschedulable"].bool == true { status.append("SchedulingDisabled") }
        return status.joined(separator: ",")
    }

    static func roles(_ o: JSONValue) -> String {
        var roles = Set<String>()
        let prefix = "node-role.kubernetes.io/"
        for (k, v) in o["metadata"]["labels"].stringMap {
            if k.hasPrefix(prefix) {
                let role = String(k.dropFirst(prefix.count))
                if !role.isEmpty { roles.insert(role) }
            } else if k == "kubernetes.io/role" && !v.isEmpty {
                roles.insert(v)
            }
        }
        let s = roles.sorted(by: goStringLess).joined(separator: ",")
        return s.isEmpty ? "<none>" : s
    }

    static func address(_ o: JSONValue, _ type: String) -> String {
        for a in o["status"]["addresses"].array ?? [] where a["type"].string == type { return Fmt.str(a["address"]) }
        return "<none>"
    }

    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Status"), ColumnDefinition("Roles"), .age, ColumnDefinition("Version"),
                  ColumnDefinition("Internal-IP", priority: 1), ColumnDefinition("External-IP", priority: 1),
                  ColumnDefinition("OS-Image", priority: 1), ColumnDefinition("Kernel-Version", priority: 1),
                  ColumnDefinition("Container-Runtime", priority: 1)],
        row: { o in
            let info = o["status"]["nodeInfo"]
            func orUnknown(_ v: JSONValue) -> Cell { let s = Fmt.str(v); return .text(s.isEmpty ? "<unknown>" : s) }
            return [Fmt.name(o), .text(status(o)), .text(roles(o)), Cell.age(o), .text(Fmt.str(info["kubeletVersion"])),
                    .text(address(o, "InternalIP")), .text(address(o, "ExternalIP")), orUnknown(info["osImage"]),
                    orUnknown(info["kernelVersion"]), orUnknown(info["containerRuntimeVersion"])]
        })
}
