import KubeModel

struct SetResourcesOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common(containers: true) + [
            .init(\Self.o.limits, "limits", usage: "Resource limits, as name=quantity pairs (cpu=200m,memory=512Mi)."),
            record,
            .init(\Self.o.requests, "requests", usage: "Resource requests, as name=quantity pairs."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.resources(&inv, o) }
}

extension SetCommand {
    static func parseResourceList(_ text: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { throw CLIError.message("Invalid argument syntax \(item), expected <resource>=<value>") }
            let q: String
            do { q = try Quantity.canonical(String(kv[1])) } catch { throw CLIError.message(messageText(error)) }
            out.removeAll { $0.0 == String(kv[0]) }
            out.append((String(kv[0]), q))
        }
        return out
    }

    static func resources(_ inv: inout Invocation, _ o: SetOptions) throws {
        let resources = inv.args
        try requireTargets(o, resources, readsFiles: true)
        try o.builder.rejectAllWithSelector()
        // kubectl reads the objects first (Complete): a file that does not decode is reported before
        // the flags' errors.
        var limits: [(String, String)] = [], requests: [(String, String)] = []
        let checkFlags = {
            limits = try parseResourceList(o.limits)
            requests = try parseResourceList(o.requests)
            if limits.isEmpty && requests.isEmpty {
                throw CLIError.message("you must specify an update to requests or limits (in the form of --requests/--limits)")
            }
        }
        let pattern = o.containers
        // kubectl computes every object's change first: a missing container is reported before the
        // errors of the objects (and that object is left unchanged).
        var missingErrors: [String] = []
        try apply(&inv, o, resources: resources, verb: "resource requirements updated", patchFailure: "failed to patch resources update to pod template ", earlierErrors: { missingErrors },
                  validate: { _ in try checkFlags() }) { obj, t in
            try withPodSpec(&obj, type: t.type) { spec in
                let matched = changeContainers(&spec, matching: pattern) { container in
                    var res = container["resources"].isNull ? JSONValue.emptyObject : container["resources"]
                    for (field, pairs) in [("limits", limits), ("requests", requests)] where !pairs.isEmpty {
                        var m = res[field].object ?? JSONObject()
                        for (k, v) in pairs { m[k] = .string(v) }
                        var sorted = JSONObject()
                        for k in m.sortedKeys { sorted[k] = m[k] }
                        res[field] = .object(sorted)
                    }
                    container["resources"] = .object(TypedOrder.reorder(res, ["limits", "requests", "claims"]))
                }
                if !matched { missingErrors.append("error: unable to find container named \(pattern)") }
            }
        }
    }
}
