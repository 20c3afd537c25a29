import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `get --subresource`: `status` reads the object itself (a status subresource returns the whole
/// object); `scale` reads the autoscaling/v1 Scale of a scalable workload, printed with the API
/// server's Scale columns (NAME, DESIRED, AVAILABLE, AGE). Subresources are read by name only.
enum GetSubresource {
    /// Returns false when the plain `get` path prints the result (`--subresource=status`).
    static func run(_ inv: inout Invocation, _ get: GetOptions) throws -> Bool {
        let subresource = get.subresource
        let server = try inv.server()
        let selection = try ResourceArgs.parse(inv.args, registry: server.registry)
        if !get.builder.filenames.isEmpty || selection.requests.contains(where: { $0.names.isEmpty }) {
            throw CLIError.message("subresource cannot be used when bulk resources are specified")
        }
        if subresource == "status" && selection.requests.allSatisfy({ SubresourceWrite.serves("status", $0.type) }) { return false }
        let namespace = try inv.namespace()
        var scales: [JSONValue] = []
        var errors: [Error] = []
        for req in selection.requests {
            for name in req.names {
                guard subresource == "scale", req.type.scale != nil else {
                    errors.append(CLIError.api(APIError(reason: .notFound, message: "the server could not find the requested resource", code: 404)))
                    continue
                }
                do {
                    let obj = try server.read { try $0.get(req.type, namespace: namespace, name: name) }
                    scales.append(scale(of: obj, type: req.type))
                } catch { errors.append(error) }
            }
        }
        try print(scales, get, inv: &inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
        return true
    }

    /// The Scale the API server returns for a workload (a custom resource's from its CRD's paths).
    static func scale(of obj: JSONValue, type: ResourceType) -> JSONValue {
        let paths = type.scale ?? .replicas
        let meta = obj["metadata"]
        var m = JSONObject()
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] where !meta[key].isNull { m[key] = meta[key] }
        let text: String
        if type.schemaName == nil {
            text = paths.labelSelectorPath.flatMap { obj.at($0).string } ?? ""
        } else {
            let selector = obj["spec"]["selector"]
            let labels = selector["matchLabels"].isNull && obj["kind"].string == "ReplicationController" ? selector : selector["matchLabels"]
            text = labels.stringMap.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        }
        var status = JSONObject([("replicas", JSONValue.int(obj.at(paths.statusReplicasPath).int ?? 0))])
        if !text.isEmpty { status["selector"] = .string(text) }
        let spec = JSONObject([("replicas", JSONValue.int(obj.at(paths.specReplicasPath).int ?? 0))])
        return .object(JSONObject([
            ("kind", .string("Scale")), ("apiVersion", .string("autoscaling/v1")), ("metadata", .object(m)),
            ("spec", .object(spec)), ("status", .object(status)),
        ]))
    }

    static func print(_ scales: [JSONValue], _ get: GetOptions, inv: inout Invocation) throws {
        guard !scales.isEmpty else { return }
        let output = get.printFlags.output
        if output.isEmpty || output == "wide" {
            var tw = TabWriter.table()
            if !get.noHeaders { tw.writeRow(["NAME", "DESIRED", "AVAILABLE", "AGE"]) }
            for s in scales {
                tw.writeRow([s["metadata"]["name"].string ?? "", String(s["spec"]["replicas"].int ?? 0),
                             String(s["status"]["replicas"].int ?? 0),
                             translateTimestampSince(Timestamp(rfc3339: s["metadata"]["creationTimestamp"].string ?? ""), now: inv.clock.now)])
            }
            inv.io.out.write(tw.flush())
            return
        }
        guard let format = try objectFormat(inv) else { return }
        try OutputWriter.write(scales, single: scales.count == 1, format: format, inv: &inv, blocks: [])
    }
}
