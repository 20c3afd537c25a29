import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

struct SetSelectorOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common(selector: false, kustomize: false, recursiveByDefault: true) + [
            record,
            .init(\Self.o.resourceVersion, "resource-version", usage: "Only update when the object still has this resourceVersion."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.selector(&inv, o) }
}

extension SetCommand {
    static func selector(_ inv: inout Invocation, _ o: SetOptions) throws {
        var resources = inv.args
        var selectorValue: JSONValue?
        if let last = resources.popLast() {
            let parsed: JSONValue
            do { parsed = try SelectorParser.labelSelector(last) } catch { throw CLIError.message(messageText(error)) }
            selectorValue = parsed
        }
        guard let sel = selectorValue else { throw CLIError.message("one selector is required") }
        try requireTargets(o, resources)
        let rv = o.resourceVersion
        try apply(&inv, o, resources: resources, verb: "selector updated") { obj, _ in
            guard obj["kind"].string == "Service", GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: "Service").group.isEmpty else {
                throw ChangeError(text: "error: setting a selector is only supported for Services")
            }
            if !(sel["matchExpressions"].array ?? []).isEmpty {
                throw ChangeError(text: "error: services only support equality-based selectors")
            }
            obj["spec"]["selector"] = sel["matchLabels"].isNull ? .emptyObject : sel["matchLabels"]
            if !rv.isEmpty { obj["metadata"]["resourceVersion"] = .string(rv) }
        }
    }
}
