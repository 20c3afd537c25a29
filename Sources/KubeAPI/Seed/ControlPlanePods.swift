import KubeModel

/// The four static control-plane pods, CoreDNS and kube-proxy, as kubeadm writes them.
extension KubeSystemSeed {
    static func staticPods(nodeUID: String, now: Timestamp) -> [JSONValue] {
        let ip = nodeIP, v = version
        let caVolumes: [(String, String, String, Bool)] = [
            ("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate", true),
            ("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate", true),
        ]
        let shareVolumes: [(String, String, String, Bool)] = [
            ("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", "DirectoryOrCreate", true),
            ("usr-share-ca-certificates", "/usr/share/ca-certificates", "DirectoryOrCreate", true),
        ]
        let etcd = staticPod("etcd", nodeUID: nodeUID, now: now, command: [
            "etcd", "--advertise-client-urls=https://\(ip):2379", "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
            "--client-cert-auth=true", "--data-dir=/var/lib/etcd", "--experimental-initial-corrupt-check=true",
            "--experimental-watch-progress-notify-interval=5s", "--initial-advertise-peer-urls=https://\(ip):2380",
            "--initial-cluster=\(Seed.nodeName)=https://\(ip):2380", "--key-file=/etc/kubernetes/pki/etcd/server.key",
            "--listen-client-urls=https://127.0.0.1:2379,https://\(ip):2379", "--listen-metrics-urls=http://127.0.0.1:2381",
            "--listen-peer-urls=https://\(ip):2380", "--name=\(Seed.nodeName)", "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
            "--peer-client-cert-auth=true", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
            "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000",
            "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
        ], image: "registry.k8s.io/etcd:3.5.16-0", cpu: "100m", probePath: ("/livez", "/readyz", 2381, "127.0.0.1"),
            volumes: [("etcd-data", "/var/lib/etcd", "DirectoryOrCreate", false), ("etcd-certs", "/etc/kubernetes/pki/etcd", "DirectoryOrCreate", false)],
            extraAnnotations: [("kubeadm.kubernetes.io/etcd.advertise-client-urls", "https://\(ip):2379")], memory: "100Mi")
        let apiserver = staticPod("kube-apiserver", nodeUID: nodeUID, now: now, command: [
            "kube-apiserver", "--advertise-address=\(ip)", "--allow-privileged=true", "--authorization-mode=Node,RBAC",
            "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--enable-admission-plugins=NodeRestriction",
            "--enable-bootstrap-token-auth=true", "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
            "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt", "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
            "--etcd-servers=https://127.0.0.1:2379", "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
            "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key", "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
            "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt", "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key",
            "--requestheader-allowed-names=front-proxy-client", "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
            "--requestheader-extra-headers-prefix=X-Remote-Extra-", "--requestheader-group-headers=X-Remote-Group",
            "--requestheader-username-headers=X-Remote-User", "--runtime-config=", "--secure-port=6443",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local", "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
            "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key", "--service-cluster-ip-range=10.96.0.0/16",
            "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt", "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
        ], image: "registry.k8s.io/kube-apiserver:\(v)", cpu: "250m", probePath: ("/livez", "/readyz", 6443, ip),
            volumes: caVolumes + [("k8s-certs", "/etc/kubernetes/pki", "DirectoryOrCreate", true)] + shareVolumes,
            extraAnnotations: [("kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint", "\(ip):6443")])
        let controllerManager = staticPod("kube-controller-manager", nodeUID: nodeUID, now: now, command: [
            "kube-controller-manager", "--allocate-node-cidrs=true", "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
            "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf", "--bind-address=127.0.0.1",
            "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--cluster-cidr=10.244.0.0/16", "--cluster-name=kind",
            "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt", "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
            "--controllers=*,bootstrapsigner,tokencleaner", "--enable-hostpath-provisioner=true",
            "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true",
            "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt", "--root-ca-file=/etc/kubernetes/pki/ca.crt",
            "--service-account-private-key-file=/etc/kubernetes/pki/sa.key", "--service-cluster-ip-range=10.96.0.0/16",
            "--use-service-account-credentials=true",
        ], image: "registry.k8s.io/kube-controller-manager:\(v)", cpu: "200m", probePath: ("/healthz", "", 10257, "127.0.0.1"),
            volumes: caVolumes + [("flexvolume-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", "DirectoryOrCreate", false),
                                  ("k8s-certs", "/etc/kubernetes/pki", "DirectoryOrCreate", true),
                                  ("kubeconfig", "/etc/kubernetes/controller-manager.conf", "FileOrCreate", true)] + shareVolumes,
            extraAnnotations: [])
        let scheduler = staticPod("kube-scheduler", nodeUID: nodeUID, now: now, command: [
            "kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
            "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1",
            "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true",
        ], image: "registry.k8s.io/kube-scheduler:\(v)", cpu: "100m", probePath: ("/healthz", "", 10259, "127.0.0.1"),
            volumes: [("kubeconfig", "/etc/kubernetes/scheduler.conf", "FileOrCreate", true)], extraAnnotations: [])
        return [etcd, apiserver, controllerManager, scheduler]
    }

    static func coreDNS() -> [JSONValue] {
        let labels: JSONValue = ["k8s-app": "kube-dns"]
        let container: JSONValue = [
            "args": ["-conf", "/etc/coredns/Corefile"], "image": "registry.k8s.io/coredns/coredns:v1.11.3",
            "imagePullPolicy": "IfNotPresent",
            "livenessProbe": ["failureThreshold": 5, "httpGet": ["path": "/health", "port": 8080, "scheme": "HTTP"],
                              "initialDelaySeconds": 60, "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 5],
            "name": "coredns",
            "ports": [["containerPort": 53, "name": "dns", "protocol": "UDP"], ["containerPort": 53, "name": "dns-tcp", "protocol": "TCP"],
                      ["containerPort": 9153, "name": "metrics", "protocol": "TCP"]],
            "readinessProbe": ["failureThreshold": 3, "httpGet": ["path": "/ready", "port": 8181, "scheme": "HTTP"],
                               "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1],
            "resources": ["limits": ["memory": "170Mi"], "requests": ["cpu": "100m", "memory": "70Mi"]],
            "securityContext": ["allowPrivilegeEscalation": false, "capabilities": ["add": ["NET_BIND_SERVICE"], "drop": ["ALL"]],
                                "readOnlyRootFilesystem": true],
            "volumeMounts": [["mountPath": "/etc/coredns", "name": "config-volume", "readOnly": true]],
        ]
        let affinity: JSONValue = ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [[
            "podAffinityTerm": ["labelSelector": ["matchExpressions": [["key": "k8s-app", "operator": "In", "values": ["kube-dns"]]]],
                                "topologyKey": "kubernetes.io/hostname"],
            "weight": 100]]]]
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": "coredns", "namespace": "kube-system", "labels": labels],
            "spec": [
                "replicas": 2, "selector": ["matchLabels": labels],
                "strategy": ["rollingUpdate": ["maxSurge": "25%", "maxUnavailable": 1], "type": "RollingUpdate"],
                "template": ["metadata": ["labels": labels], "spec": [
                    "affinity": affinity, "containers": [container], "dnsPolicy": "Default",
                    "nodeSelector": ["kubernetes.io/os": "linux"], "priority": 2_000_000_000,
                    "priorityClassName": "system-cluster-critical", "serviceAccountName": "coredns",
                    "tolerations": [["key": "CriticalAddonsOnly", "operator": "Exists"],
                                    ["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]],
                    "volumes": [["configMap": ["defaultMode": 420, "items": [["key": "Corefile", "path": "Corefile"]], "name": "coredns"],
                                 "name": "config-volume"]],
                ]],
            ],
        ]
        let service: JSONValue = [
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["name": "kube-dns", "namespace": "kube-system",
                         "annotations": ["prometheus.io/port": "9153", "prometheus.io/scrape": "true"],
                         "labels": ["k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"]],
            "spec": ["clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"],
                     "ports": [["name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53],
                               ["name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53],
                               ["name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153]],
                     "selector": labels],
        ]
        return [service, deployment]
    }

    static func kubeProxy() -> JSONValue {
        let labels: JSONValue = ["k8s-app": "kube-proxy"]
        let container: JSONValue = [
            "command": ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
            "env": [["name": "NODE_NAME", "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "spec.nodeName"]]]],
            "image": .string("registry.k8s.io/kube-proxy:\(version)"), "imagePullPolicy": "IfNotPresent", "name": "kube-proxy",
            "securityContext": ["privileged": true],
            "volumeMounts": [["mountPath": "/var/lib/kube-proxy", "name": "kube-proxy"], ["mountPath": "/run/xtables.lock", "name": "xtables-lock"],
                             ["mountPath": "/lib/modules", "name": "lib-modules", "readOnly": true]],
        ]
        return [
            "apiVersion": "apps/v1", "kind": "DaemonSet",
            "metadata": ["name": "kube-proxy", "namespace": "kube-system", "labels": labels],
            "spec": [
                "selector": ["matchLabels": labels],
                "template": ["metadata": ["labels": labels], "spec": [
                    "containers": [container], "hostNetwork": true, "nodeSelector": ["kubernetes.io/os": "linux"],
                    "priority": 2_000_001_000, "priorityClassName": "system-node-critical", "serviceAccountName": "kube-proxy",
                    "tolerations": [["operator": "Exists"]],
                    "volumes": [["configMap": ["defaultMode": 420, "name": "kube-proxy"], "name": "kube-proxy"],
                                hostPath("xtables-lock", "/run/xtables.lock", "FileOrCreate"), hostPath("lib-modules", "/lib/modules", "")],
                ]],
                "updateStrategy": ["rollingUpdate": ["maxSurge": 0, "maxUnavailable": 1], "type": "RollingUpdate"],
            ],
        ]
    }
}
