import KubeModel

/// Which name rule the API server's validation applies to each built-in kind.
enum NameRules {
    static func rule(group: String, kind: String) -> NameRule {
        switch (group, kind) {
        case ("", "Service"): return .dns1035Label
        case ("", "Namespace"): return .dns1123Label
        case ("rbac.authorization.k8s.io", _): return .pathSegment
        case ("flowcontrol.apiserver.k8s.io", _): return .pathSegment
        case ("certificates.k8s.io", "CertificateSigningRequest"): return .pathSegment
        case ("apiregistration.k8s.io", "APIService"): return .pathSegment
        default: return .dns1123Subdomain
        }
    }
}

/// Field selectors the API server supports per kind, beyond `metadata.name` and `metadata.namespace`,
/// with how each reads its value from an object.
enum FieldSelectors {
    typealias Getter = @Sendable (JSONValue) -> String

    static func fields(group: String, kind: String) -> [String: Getter] {
        switch (group, kind) {
        case ("", "Pod"):
            return [
                "spec.nodeName": { Fmt.str($0["spec"]["nodeName"]) },
                "spec.restartPolicy": { Fmt.str($0["spec"]["restartPolicy"]) },
                "spec.schedulerName": { Fmt.str($0["spec"]["schedulerName"]) },
                "spec.serviceAccountName": { Fmt.str($0["spec"]["serviceAccountName"]) },
                "spec.hostNetwork": { Fmt.bool($0["spec"]["hostNetwork"]) },
                "status.phase": { Fmt.str($0["status"]["phase"]) },
                "status.podIP": { Fmt.str($0["status"]["podIPs"][0]["ip"]) },
                "status.nominatedNodeName": { Fmt.str($0["status"]["nominatedNodeName"]) },
            ]
        case ("", "Event"):
            return [
                "involvedObject.kind": { Fmt.str($0["involvedObject"]["kind"]) },
                "involvedObject.namespace": { Fmt.str($0["involvedObject"]["namespace"]) },
                "involvedObject.name": { Fmt.str($0["involvedObject"]["name"]) },
                "involvedObject.uid": { Fmt.str($0["involvedObject"]["uid"]) },
                "involvedObject.apiVersion": { Fmt.str($0["involvedObject"]["apiVersion"]) },
                "involvedObject.resourceVersion": { Fmt.str($0["involvedObject"]["resourceVersion"]) },
                "involvedObject.fieldPath": { Fmt.str($0["involvedObject"]["fieldPath"]) },
                "reason": { Fmt.str($0["reason"]) },
                "reportingComponent": { Fmt.str($0["reportingComponent"]) },
                "source": { o in
                    let c = Fmt.str(o["source"]["component"])
                    return c.isEmpty ? Fmt.str(o["reportingComponent"]) : c
                },
                "type": { Fmt.str($0["type"]) },
            ]
        case ("", "Secret"):
            return ["type": { Fmt.str($0["type"]) }]
        case ("", "Node"):
            return ["spec.unschedulable": { Fmt.bool($0["spec"]["unschedulable"]) }]
        case ("", "Namespace"):
            return ["status.phase": { Fmt.str($0["status"]["phase"]) }]
        case ("", "ReplicationController"), ("apps", "ReplicaSet"):
            return ["status.replicas": { String(Fmt.int($0["status"]["replicas"])) }]
        case ("batch", "Job"):
            return ["status.successful": { String(Fmt.int($0["status"]["succeeded"])) }]
        case ("certificates.k8s.io", "CertificateSigningRequest"):
            return ["spec.signerName": { Fmt.str($0["spec"]["signerName"]) }]
        default:
            return [:]
        }
    }
}
