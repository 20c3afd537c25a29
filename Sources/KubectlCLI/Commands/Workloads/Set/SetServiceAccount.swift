import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

struct SetServiceAccountOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] { common(selector: false) + [record] }
    func run(_ inv: inout Invocation) throws { try SetCommand.serviceAccount(&inv, o) }
}

extension SetCommand {
    static func serviceAccount(_ inv: inout Invocation, _ o: SetOptions) throws {
        var resources = inv.args
        guard let sa = resources.popLast() else { throw CLIError.message("serviceaccount is required") }
        try requireTargets(o, resources)
        try apply(&inv, o, resources: resources, verb: "serviceaccount updated") { obj, t in
            try withPodSpec(&obj, type: t.type) { spec in
                spec["serviceAccountName"] = .string(sa)
                spec = TypedOrder.podSpec(spec)
            }
        }
    }
}
