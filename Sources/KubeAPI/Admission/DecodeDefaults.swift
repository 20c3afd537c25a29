import KubeModel

/// Defaults and conversions that decoding a v1 body applies and `Defaults` did not: a
/// ReplicationController's selector and labels from its template, a Secret's `stringData` merged into
/// `data`, and a gRPC probe's `service: ""`.
struct DecodeDefaults: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        switch r.groupKind {
        case ("", "ReplicationController"): Self.replicationController(&r.object)
        case ("", "Secret"): Self.secretStringData(&r.object)
        case ("", "Pod"): Self.requestsFromLimits(&r.object)
        case ("autoscaling", "HorizontalPodAutoscaler"):
            // Stored as autoscaling/v2, the storage version.
            if r.object["apiVersion"].string == "autoscaling/v1" { r.object = HPAConversion.toV2(r.object) }
        case ("storage.k8s.io", "StorageClass"):
            // `SetDefaults_StorageClass`.
            if r.object["reclaimPolicy"].isNull { r.object["reclaimPolicy"] = "Delete" }
            if r.object["volumeBindingMode"].isNull { r.object["volumeBindingMode"] = "Immediate" }
        default: break
        }
        Self.grpcProbes(&r.object, path: r.type.podSpecPath)
    }

    /// `SetDefaults_ReplicationController`: an empty selector and empty labels take the template's labels.
    static func replicationController(_ obj: inout JSONValue) {
        guard let labels = obj["spec"]["template"]["metadata"]["labels"].object, !labels.isEmpty else { return }
        if obj["spec"]["selector"].object?.isEmpty ?? true { obj["spec"]["selector"] = .object(labels) }
        if obj["metadata"]["labels"].object?.isEmpty ?? true { obj["metadata"]["labels"] = .object(labels) }
    }

    /// v1 → internal conversion: each `stringData` entry overwrites `data` (base64), `stringData` is dropped.
    static func secretStringData(_ obj: inout JSONValue) {
        guard let strings = obj["stringData"].object else { return }
        obj.remove(["stringData"])
        guard !strings.isEmpty else { return }
        var data = obj["data"].object ?? JSONObject()
        for (k, v) in strings { data[k] = .string(base64Encode(Array((v.string ?? "").utf8))) }
        obj["data"] = .object(data)
    }

    /// `SetDefaults_Pod`: a container with limits but no request for a resource requests its limit.
    static func requestsFromLimits(_ pod: inout JSONValue) {
        for key in ["initContainers", "containers"] {
            guard var list = pod["spec"][key].array else { continue }
            var changed = false
            for i in list.indices {
                guard let limits = list[i]["resources"]["limits"].object else { continue }
                for (k, v) in limits where list[i]["resources"]["requests"][k].isNull {
                    list[i]["resources"]["requests"][k] = v
                    changed = true
                }
            }
            if changed { pod["spec"][key] = .array(list) }
        }
    }

    /// A gRPC probe's `service` defaults to "".
    static func grpcProbes(_ obj: inout JSONValue, path: [String]?) {
        guard let path else { return }
        var spec = obj.at(path)
        guard spec.object != nil else { return }
        var changed = false
        for key in ["initContainers", "containers"] {
            guard var list = spec[key].array else { continue }
            for i in list.indices {
                for probe in ["livenessProbe", "readinessProbe", "startupProbe"]
                where list[i][probe]["grpc"].object != nil && list[i][probe]["grpc"]["service"].isNull {
                    list[i][probe]["grpc"]["service"] = ""
                    changed = true
                }
            }
            spec[key] = .array(list)
        }
        if changed { obj.set(path, spec) }
    }
}
