import KubeModel

struct SetImageOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] { common() + [record] }
    func run(_ inv: inout Invocation) throws { try SetCommand.image(&inv, o) }
}

extension SetCommand {
    static func image(_ inv: inout Invocation, _ o: SetOptions) throws {
        let (resources, pairs) = try split(inv.args, noun: "image")
        // cmdutil.ParsePairs (no removal): every pair without a `=` is listed in one error.
        var images: [(String, String)] = []
        var invalid: [String] = []
        for p in pairs {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else { invalid.append(p); continue }
            let name = String(p[..<eq]), value = String(p[p.index(after: eq)...])
            images.removeAll { $0.0 == name }
            images.append((name, value))
        }
        if !invalid.isEmpty { throw CLIError.message("invalid image format: \(invalid.joined(separator: ", "))") }
        try requireTargets(o, resources, readsFiles: true)
        // SetImageOptions.Validate: every failed check is reported, one per line when more than one.
        var invalidArgs: [Error] = []
        do { try o.builder.rejectAllWithSelector() } catch { invalidArgs.append(error) }
        if images.isEmpty {
            invalidArgs.append(CLIError.message("at least one image update is required"))
        } else if images.count > 1 && images.contains(where: { $0.0 == "*" }) {
            invalidArgs.append(CLIError.message("all containers are already specified by *, but saw more than one container_name=container_image pairs"))
        }
        if !invalidArgs.isEmpty { throw CLIError.aggregate(invalidArgs) }
        var missingErrors: [String] = []
        try apply(&inv, o, resources: resources, verb: "image updated", patchFailure: "failed to patch image update to pod template: ", earlierErrors: { missingErrors }) { obj, t in
            var missing: [String] = []
            try withPodSpec(&obj, type: t.type) { spec in
                for (name, image) in images {
                    var found = false
                    for key in ["initContainers", "containers", "ephemeralContainers"] {
                        guard var list = spec[key].array else { continue }
                        for i in list.indices where name == "*" || list[i]["name"].string == name {
                            list[i]["image"] = .string(image)
                            found = true
                        }
                        spec[key] = .array(list)
                    }
                    if !found { missing.append(name) }
                }
            }
            // kubectl reports a missing container but still applies the other changes.
            for name in missing { missingErrors.append("error: unable to find container named \(goQuoted(name))") }
        }
    }
}
