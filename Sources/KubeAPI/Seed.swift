import KubeModel
import KubeRegistry

/// What a fresh cluster has: the four system namespaces (each with its `default` ServiceAccount and
/// `kube-root-ca.crt` ConfigMap), one Ready node and the `kubernetes` Service.
enum Seed {
    static let nodeName = "node-1"

    /// The cluster CA every namespace's `kube-root-ca.crt` carries (a self-signed placeholder: no TLS
    /// happens locally).
    static let caCertificate = """
        -----BEGIN CERTIFICATE-----
        MIIBdjCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrdWJlY3Rs
        LWxvY2FsLXNlcnZlci1jYTAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAwMDBa
        MCMxITAfBgNVBAMMGGt1YmVjdGwtbG9jYWwtc2VydmVyLWNhMFkwEwYHKoZIzj0C
        AQYIKoZIzj0DAQcDQgAEa2t1YmVjdGwtbG9jYWwgaXMgYSBwbGFjZWhvbGRlciBD
        QSBmb3Igb2ZmbGluZSB1c2Ugb25seSBubyBUTFMgaGFwcGVucw==
        -----END CERTIFICATE-----

        """

    static func freshCluster(into s: APISession) throws {
        // The components that make these objects on a kind cluster are their field managers.
        let saved = s.fieldManager
        defer { s.fieldManager = saved }
        s.fieldManager = FieldManagerContext(manager: "kube-apiserver")
        for ns in ["default", "kube-node-lease", "kube-public", "kube-system"] {
            try s.createIfPossible(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]])
        }
        s.fieldManager.manager = "kubelet"
        try s.createIfPossible(node(name: nodeName, ip: "172.18.0.2", podCIDR: "10.244.0.0/24", now: s.now))
        s.fieldManager.manager = "kubectl-create"
        try s.createIfPossible([
            "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
            "metadata": ["name": "standard",
                         "annotations": ["storageclass.kubernetes.io/is-default-class": "true"]],
            "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer",
        ])
        s.fieldManager.manager = "kube-apiserver"
        try kubernetesService(into: s)
        try installKubeSystem(into: s)
    }

    /// The `kubernetes` Service in `default` that the API server maintains (ClusterIP 10.96.0.1).
    static func kubernetesService(into s: APISession) throws {
        try s.createIfPossible([
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["name": "kubernetes", "namespace": "default",
                         "labels": ["component": "apiserver", "provider": "kubernetes"]],
            "spec": ["clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"],
                     "ports": [["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]]],
        ])
    }

    /// The `kubernetes` Service's Endpoints and EndpointSlice, which the API server writes itself (its
    /// endpoint reconciler: the Endpoints labelled so the mirroring controller leaves them alone, the
    /// slice named after the service): the API server's address and secure port, ready.
    static func apiServerEndpoints() -> [JSONValue] {
        let port: JSONValue = ["name": "https", "port": 6443, "protocol": "TCP"]
        return [
            ["apiVersion": "v1", "kind": "Endpoints",
             "metadata": ["name": "kubernetes", "namespace": "default",
                          "labels": ["endpointslice.kubernetes.io/skip-mirror": "true"]],
             "subsets": [["addresses": [["ip": "172.18.0.2"]], "ports": [port]]]],
            ["apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
             "metadata": ["name": "kubernetes", "namespace": "default",
                          "labels": ["kubernetes.io/service-name": "kubernetes"]],
             "addressType": "IPv4",
             "endpoints": [["addresses": ["172.18.0.2"], "conditions": ["ready": true]]],
             "ports": [port]],
        ]
    }

    /// A Ready node as a kubelet would register it.
    static func node(name: String, ip: String, podCIDR: String, now: Timestamp) -> JSONValue {
        let t = JSONValue.string(now.rfc3339)
        func cond(_ type: String, _ status: String, _ reason: String, _ message: String) -> JSONValue {
            ["type": .string(type), "status": .string(status), "lastHeartbeatTime": t, "lastTransitionTime": t,
             "reason": .string(reason), "message": .string(message)]
        }
        let capacity: JSONValue = ["cpu": "4", "ephemeral-storage": "102625208Ki", "hugepages-1Gi": "0",
                                   "hugepages-2Mi": "0", "memory": "16374584Ki", "pods": "110"]
        return [
            "apiVersion": "v1", "kind": "Node",
            "metadata": [
                "name": .string(name),
                "labels": ["beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
                           "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": .string(name),
                           "kubernetes.io/os": "linux", "node-role.kubernetes.io/control-plane": ""],
                "annotations": ["node.alpha.kubernetes.io/ttl": "0",
                                "volumes.kubernetes.io/controller-managed-attach-detach": "true"],
            ],
            "spec": ["podCIDR": .string(podCIDR), "podCIDRs": [.string(podCIDR)], "providerID": .string("local://\(name)")],
            "status": [
                "addresses": [["address": .string(ip), "type": "InternalIP"], ["address": .string(name), "type": "Hostname"]],
                "allocatable": capacity,
                "capacity": capacity,
                "conditions": [
                    cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                    cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                    cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                    cond("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
                ],
                "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
                "nodeInfo": [
                    "architecture": "amd64", "bootID": "5d3c3a52-0f5e-4a8e-9d7c-1b2a3c4d5e6f",
                    "containerRuntimeVersion": "containerd://1.7.24", "kernelVersion": "6.1.0-local",
                    "kubeProxyVersion": "v1.32.5", "kubeletVersion": "v1.32.5",
                    "machineID": "8f4b2c1d9e7a4b3c8d2e1f0a9b8c7d6e", "operatingSystem": "linux",
                    "osImage": "Debian GNU/Linux 12 (bookworm)", "systemUUID": "8f4b2c1d-9e7a-4b3c-8d2e-1f0a9b8c7d6e",
                ],
            ],
        ]
    }
}

extension APISession {
    /// Creates a seed object from its apiVersion/kind, skipping kinds the registry lacks and objects
    /// that exist (a namespace `store import` replaced keeps its default ServiceAccount).
    func createIfPossible(_ obj: JSONValue) throws {
        let gvk = GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "")
        guard let type = registry.type(group: gvk.group, kind: gvk.kind) else { return }
        let ns = obj["metadata"]["namespace"].string ?? ""
        if try tx.get(resource: type.storageKey, namespace: ns, name: obj["metadata"]["name"].string ?? "") != nil { return }
        try create(obj, type: type, namespace: ns)
    }

    /// Sequential ClusterIPs from 10.96.0.0/12 (10.96.0.1 is the `kubernetes` service).
    func allocateClusterIP() -> String {
        var next = (Int((try? tx.config("alloc.clusterIP")) ?? nil ?? "") ?? 1) + 1
        if next % 256 == 0 || next % 256 == 255 { next += next % 256 == 0 ? 1 : 2 }
        if next == 10 { next = 11 }  // 10.96.0.10 is kube-dns
        try? tx.setConfig("alloc.clusterIP", String(next))
        return "10.\(96 + next / 65536).\(next / 256 % 256).\(next % 256)"
    }

    /// Sequential NodePorts from 30000-32767, skipping ports in use.
    func allocateNodePort() -> Int64 {
        let cur = Int64((try? tx.config("alloc.nodePort")) ?? nil ?? "") ?? 29999
        var next = cur + 1
        if next > 32767 { next = 30000 }
        try? tx.setConfig("alloc.nodePort", String(next))
        return next
    }
}
