import KubeAPI
import KubeCodec
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl apply view-last-applied` and `apply set-last-applied`: read or write the
/// last-applied-configuration annotation that client-side apply keeps.
enum LastAppliedCommands {
    static let viewSpec = CommandSpec(
        "view-last-applied", use: "view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)",
        short: "Show the configuration last applied to objects",
        flags: [
            FlagSpec("all", .bool, usage: "Show every object of the given types in the namespace."),
            FlagSpec("filename", short: "f", .stringSlice, usage: "Files naming the objects to show."),
            FlagSpec("kustomize", short: "k", .string, usage: "Kustomization directory naming the objects to show."),
            FlagSpec("output", short: "o", .string, default: "yaml", usage: "Output format: yaml or json.", completions: ["yaml", "json"]),
            FlagSpec("recursive", short: "R", .bool, usage: "Walk directories given with -f recursively."),
            CommonFlags.selector,
        ],
        run: { try view(&$0) })

    static let setSpec = CommandSpec(
        "set-last-applied", use: "set-last-applied -f FILENAME",
        short: "Record the contents of files as the last applied configuration of their objects",
        flags: [
            FlagSpec("create-annotation", .bool, usage: "Create the annotation on objects that do not have it yet."),
            CommonFlags.dryRun,
            FlagSpec("filename", short: "f", .stringSlice, usage: "Files holding the configurations to record."),
            FlagSpec("output", short: "o", .string, usage: "Output format: name, yaml or json."),
            FlagSpec("allow-missing-template-keys", .bool, default: "true", usage: "Ignore missing keys in templates."),
            FlagSpec("show-managed-fields", .bool, usage: "Keep managedFields in JSON and YAML output."),
            FlagSpec("template", .string, usage: "Template for -o go-template or jsonpath."),
        ],
        run: { try set(&$0) })

    static func view(_ inv: inout Invocation) throws {
        let output = inv.flags.string("output")
        guard output == "yaml" || output == "json" else {
            throw CLIError.message("unexpected -o output mode: \(output), the flag 'output' must be one of yaml|json")
        }
        let server = try inv.server()
        let namespace = try inv.namespace()
        var objects: [JSONValue] = []
        if !inv.flags.strings("filename").isEmpty || !inv.flags.string("kustomize").isEmpty {
            for o in try KustomizeSource.objects(&inv) {
                let type = try mapping(for: o, registry: server.registry)
                let ns = try requestNamespace(o.object, type: type, defaultNamespace: namespace, explicit: inv.namespaceExplicit)
                objects.append(try server.read { try $0.get(type, namespace: ns, name: o.object["metadata"]["name"].string ?? "") })
            }
        } else {
            if inv.args.isEmpty {
                throw CLIError.usage("You must provide one or more resources by argument or filename.")
            }
            let selection = try ResourceArgs.parse(inv.args, registry: server.registry)
            let selector = try parseLabelSelector(inv.flags.string("selector"))
            try server.read { s in
                for req in selection.requests {
                    if req.names.isEmpty {
                        guard inv.flags.bool("all") || selector != nil else {
                            throw CLIError.message("resource(s) were provided, but no name was specified")
                        }
                        objects += try s.list(req.type, namespace: namespace).filter {
                            selector?.matches(labels: $0["metadata"]["labels"]) ?? true
                        }
                    } else {
                        for name in req.names { objects.append(try s.get(req.type, namespace: namespace, name: name)) }
                    }
                }
            }
        }
        for obj in objects {
            guard let text = obj["metadata"]["annotations"][LastApplied.key].string else {
                throw CLIError.message("no last-applied-configuration annotation found on resource: \(obj["metadata"]["name"].string ?? "")")
            }
            let value = try JSON.parse(text)
            if output == "json" {
                inv.io.out.write(value.jsonString(JSONWriteOptions(indent: 2, sortKeys: false)) + (text.hasSuffix("\n") ? "\n" : ""))
            } else {
                inv.io.out.write(YAMLCodec.encode(value))
            }
        }
    }

    static func set(_ inv: inout Invocation) throws {
        if inv.flags.strings("filename").isEmpty { throw CLIError.message("must specify one of -f and -k") }
        let dryRun = try DryRun.from(inv)
        let format = try objectFormat(inv)
        let server = try inv.server()
        let namespace = try inv.namespace()
        let printer = OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags)
        for o in try KustomizeSource.objects(&inv) {
            let type = try mapping(for: o, registry: server.registry)
            let ns = try requestNamespace(o.object, type: type, defaultNamespace: namespace, explicit: inv.namespaceExplicit)
            let name = o.object["metadata"]["name"].string ?? ""
            var configured = o.object
            if type.namespaced { configured["metadata"]["namespace"] = .string(ns) }  // as the builder sets it
            let annotation = LastApplied.modified(configured).annotation
            let result: JSONValue = try server.write { s in
                var live = try s.get(type, namespace: ns, name: name)
                if live["metadata"]["annotations"][LastApplied.key].isNull && !inv.flags.bool("create-annotation") {
                    throw CLIError.message("no last-applied-configuration annotation found on resource: \(name), to create the annotation, run the command with --create-annotation")
                }
                live["metadata"]["annotations"][LastApplied.key] = .string(annotation)
                return dryRun == .client ? live : try s.update(live, type: type, dryRun: dryRun == .server, verb: "patch")
            }
            printer.print(result, type: type, operation: "configured", inv: inv)
        }
        try printer.flush(&inv)
    }
}
