import KubeModel

/// kube-system as kubeadm (kind) leaves it on a one-node v1.32 cluster: the control plane's static pods
/// (their mirror pods), CoreDNS, kube-proxy, their ConfigMaps and ServiceAccounts, the system
/// PriorityClasses and the component statuses.
enum KubeSystemSeed {
    static let version = "v1.32.5"
    static let nodeIP = "172.18.0.2"

    static func objects(nodeUID: String, now: Timestamp) -> [JSONValue] {
        var out: [JSONValue] = priorityClasses() + componentStatuses()
        out += serviceAccounts()
        out += configMaps()
        out += BootstrapRBAC.objects()
        out += staticPods(nodeUID: nodeUID, now: now)
        out += coreDNS()
        out.append(kubeProxy())
        return out
    }

    static func priorityClasses() -> [JSONValue] {
        [("system-cluster-critical", 2_000_000_000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
         ("system-node-critical", 2_000_001_000, "Used for system critical pods that must not be moved from their current node.")].map { name, value, text in
            ["apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": ["name": .string(name)],
             "description": .string(text), "preemptionPolicy": "PreemptLowerPriority", "value": .int(Int64(value))]
        }
    }

    static func componentStatuses() -> [JSONValue] {
        ["controller-manager", "etcd-0", "scheduler"].map { name in
            ["apiVersion": "v1", "kind": "ComponentStatus", "metadata": ["name": .string(name)],
             "conditions": [["message": .string(name == "etcd-0" ? "{\"health\":\"true\",\"reason\":\"\"}" : "ok"), "status": "True", "type": "Healthy"]]]
        }
    }

    /// The controllers' service accounts kube-controller-manager creates, plus coredns and kube-proxy.
    static let serviceAccountNames = [
        "attachdetach-controller", "bootstrap-signer", "certificate-controller", "clusterrole-aggregation-controller",
        "coredns", "cronjob-controller", "daemon-set-controller", "deployment-controller", "disruption-controller",
        "endpoint-controller", "endpointslice-controller", "endpointslicemirroring-controller", "ephemeral-volume-controller",
        "expand-controller", "generic-garbage-collector", "horizontal-pod-autoscaler", "job-controller", "kube-proxy",
        "legacy-service-account-token-cleaner", "namespace-controller", "node-controller", "persistent-volume-binder",
        "pod-garbage-collector", "pv-protection-controller", "pvc-protection-controller", "replicaset-controller",
        "replication-controller", "resourcequota-controller", "root-ca-cert-publisher", "service-account-controller",
        "statefulset-controller", "token-cleaner", "ttl-after-finished-controller", "ttl-controller",
        "validatingadmissionpolicy-status-controller",
    ]

    static func serviceAccounts() -> [JSONValue] {
        serviceAccountNames.map { ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": .string($0), "namespace": "kube-system"]] }
    }

    static func configMap(_ name: String, _ data: [(String, String)], labels: JSONValue? = nil) -> JSONValue {
        var meta: JSONValue = ["name": .string(name), "namespace": "kube-system"]
        if let labels { meta["labels"] = labels }
        return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": JSONValue(stringMap: data)]
    }

    static let corefile = """
        .:53 {
            errors
            health {
               lameduck 5s
            }
            ready
            kubernetes cluster.local in-addr.arpa ip6.arpa {
               pods insecure
               fallthrough in-addr.arpa ip6.arpa
               ttl 30
            }
            prometheus :9153
            forward . /etc/resolv.conf {
               max_concurrent 1000
            }
            cache 30 {
               disable success cluster.local
               disable denial cluster.local
            }
            loop
            reload
            loadbalance
        }

        """

    static func configMaps() -> [JSONValue] {
        [
            configMap("coredns", [("Corefile", corefile)]),
            configMap("kube-proxy", [("config.conf", KubeSystemFiles.kubeProxyConfig), ("kubeconfig.conf", KubeSystemFiles.kubeProxyKubeconfig)],
                      labels: ["app": "kube-proxy"]),
            configMap("kubeadm-config", [("ClusterConfiguration", KubeSystemFiles.clusterConfiguration)]),
            configMap("kubelet-config", [("kubelet", KubeSystemFiles.kubeletConfiguration)]),
            configMap("extension-apiserver-authentication", KubeSystemFiles.extensionAuthentication),
        ]
    }

    static func hostPath(_ name: String, _ path: String, _ type: String) -> JSONValue {
        ["hostPath": ["path": .string(path), "type": .string(type)], "name": .string(name)]
    }

    static func mount(_ name: String, _ path: String, readOnly: Bool = false) -> JSONValue {
        readOnly ? ["mountPath": .string(path), "name": .string(name), "readOnly": true] : ["mountPath": .string(path), "name": .string(name)]
    }

    static func probe(_ path: String, port: Int64, host: String, failures: Int64, initialDelay: Int64?, period: Int64) -> JSONValue {
        var p: JSONValue = ["failureThreshold": .int(failures),
                            "httpGet": ["host": .string(host), "path": .string(path), "port": .int(port), "scheme": port == 2381 ? "HTTP" : "HTTPS"],
                            "periodSeconds": .int(period), "timeoutSeconds": 15]
        if let initialDelay { p["initialDelaySeconds"] = .int(initialDelay) }
        return p
    }

    /// A static pod's mirror: owned by the node, annotated with the manifest hash.
    static func staticPod(_ component: String, nodeUID: String, now: Timestamp, command: [String], image: String, cpu: String,
                          probePath: (String, String, Int64, String), volumes: [(String, String, String, Bool)],
                          extraAnnotations: [(String, String)], memory: String? = nil) -> JSONValue {
        let hash = String(stableHex64(component + "-" + Seed.nodeName).prefix(32))
        var ann: [(String, String)] = extraAnnotations
        ann += [("kubernetes.io/config.hash", hash), ("kubernetes.io/config.mirror", hash),
                ("kubernetes.io/config.seen", now.rfc3339.replacingAll("Z", with: ".000000000Z")),
                ("kubernetes.io/config.source", "file")]
        var requests: JSONValue = ["cpu": .string(cpu)]
        if let memory { requests["memory"] = .string(memory) }
        let (live, ready, port, host) = probePath
        var container: JSONValue = [
            "command": .array(command.map { .string($0) }), "image": .string(image), "imagePullPolicy": "IfNotPresent",
            "livenessProbe": probe(live, port: port, host: host, failures: 8, initialDelay: 10, period: 10),
            "name": .string(component),
            "resources": ["requests": requests],
            "startupProbe": probe(live, port: port, host: host, failures: 24, initialDelay: 10, period: 10),
            "volumeMounts": .array(volumes.map { mount($0.0, $0.1, readOnly: $0.3) }),
        ]
        if !ready.isEmpty { container["readinessProbe"] = probe(ready, port: port, host: host, failures: 3, initialDelay: nil, period: 1) }
        return [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": .string("\(component)-\(Seed.nodeName)"), "namespace": "kube-system",
                         "annotations": JSONValue(stringMap: ann),
                         "labels": ["component": .string(component), "tier": "control-plane"],
                         "ownerReferences": [["apiVersion": "v1", "controller": true, "kind": "Node", "name": .string(Seed.nodeName),
                                              "uid": .string(nodeUID)]]],
            "spec": ["containers": [container], "hostNetwork": true, "nodeName": .string(Seed.nodeName), "priority": 2_000_001_000,
                     "priorityClassName": "system-node-critical", "securityContext": ["seccompProfile": ["type": "RuntimeDefault"]],
                     "tolerations": [["effect": "NoExecute", "operator": "Exists"]],
                     "volumes": .array(volumes.map { hostPath($0.0, $0.1, $0.2) })],
        ]
    }
}
