import KubeModel

struct SetServiceAccountOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] { common(selector: false) + [record] }
    func run(_ inv: inout Invocation) throws { try SetCommand.serviceAccount(&inv, o) }
}

extension SetCommand {
    static func serviceAccount(_ inv: inout Invocation, _ o: SetOptions) throws {
        var resources = inv.args
        guard let sa = resources.popLast() else { throw CLIError.message("serviceaccount is required") }
        if o.local {
            // kubectl reads only the files with --local: resource arguments are ignored.
            if o.builder.filenames.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
            resources = []
        }
        try requireTargets(o, resources)
        try apply(&inv, o, resources: resources, verb: "serviceaccount updated", patchFailure: "failed to patch ServiceAccountName ", printsUnchanged: true) { obj, t in
            try withPodSpec(&obj, type: t.type) { spec in
                spec["serviceAccountName"] = .string(sa)
                spec = TypedOrder.podSpec(spec)
            }
        }
    }
}
