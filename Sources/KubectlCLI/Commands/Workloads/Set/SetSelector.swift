import KubeModel

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
            do { parsed = try LabelSelector.parseToObject(last) } catch { throw CLIError.message(messageText(error)) }
            selectorValue = parsed
        }
        guard let sel = selectorValue else { throw CLIError.message("one selector is required") }
        try requireTargets(o, resources)
        let rv = o.resourceVersion
        try apply(&inv, o, resources: resources, verb: "selector updated", patchFailure: nil, readErrorsLast: true, printsUnchanged: true) { obj, _ in
            // Errors of the visitor: one reads `error: ...`, several are printed bare (an aggregate).
            guard obj["kind"].string == "Service", GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: "Service").group.isEmpty else {
                throw ChangeError(text: "setting a selector is only supported for Services")
            }
            if let expressions = sel["matchExpressions"].array, !expressions.isEmpty {
                // Go's %v of the requirements: [{key Operator [v1 v2]} ...]
                let text = expressions.map { e in
                    "{\(e["key"].string ?? "") \(e["operator"].string ?? "") [\((e["values"].array ?? []).compactMap(\.string).joined(separator: " "))]}"
                }.joined(separator: " ")
                throw ChangeError(text: "match expression [\(text)] not supported on this object")
            }
            obj["spec"]["selector"] = sel["matchLabels"].isNull ? .emptyObject : sel["matchLabels"]
            if !rv.isEmpty { obj["metadata"]["resourceVersion"] = .string(rv) }
        }
    }
}
