import KubeTestSupport
import Testing

/// kube-system as a kubeadm (kind) cluster has it, in a fresh store.
@Suite struct KubeSystemTests {
    /// The API server keeps the `kubernetes` Service's Endpoints and EndpointSlice: its own address and
    /// secure port, which `get ep`, `get endpointslices` and `describe svc kubernetes` show on a cluster.
    @Test func kubernetesServiceHasTheAPIServersEndpoints() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        s.run("get svc")
        s.setNow("2026-11-23T12:05:00Z")
        #expect(s.run("get ep") == CLIResult(stdout: """
            NAME         ENDPOINTS         AGE
            kubernetes   172.18.0.2:6443   5m

            """, stderr: "", exitCode: 0))
        #expect(s.run("get endpointslices").stdout == """
            NAME         ADDRESSTYPE   PORTS   ENDPOINTS    AGE
            kubernetes   IPv4          6443    172.18.0.2   5m

            """)
        #expect(s.run("describe svc kubernetes").stdout.contains("\nEndpoints:                172.18.0.2:6443\n"))
        #expect(s.run("get ep kubernetes -o jsonpath={.metadata.labels}").stdout == #"{"endpointslice.kubernetes.io/skip-mirror":"true"}"#)
        #expect(s.run("get endpointslice kubernetes -o jsonpath={.metadata.labels}/{.endpoints}/{.ports}").stdout
            == #"{"kubernetes.io/service-name":"kubernetes"}/[{"addresses":["172.18.0.2"],"conditions":{"ready":true}}]/[{"name":"https","port":6443,"protocol":"TCP"}]"#)
        // The endpoints controller leaves a Service without a selector alone: they stay after writes.
        s.run("label svc kubernetes x=y")
        #expect(s.run("get ep kubernetes --no-headers").stdout == "kubernetes   172.18.0.2:6443   5m\n")
    }

    @Test func controlPlaneAndAddOnsRun() {
        let s = TestStore()
        let pods = s.run("get pods -n kube-system -o wide --no-headers").stdout.split(separator: "\n").map(String.init)
        let names = pods.map { String($0.prefix { $0 != " " }) }
        #expect(names.count == 7)
        for name in ["etcd-node-1", "kube-apiserver-node-1", "kube-controller-manager-node-1", "kube-scheduler-node-1"] {
            #expect(names.contains(name))
        }
        #expect(names.filter { $0.hasPrefix("coredns-") }.count == 2 && names.filter { $0.hasPrefix("kube-proxy-") }.count == 1)
        #expect(pods.allSatisfy { $0.split(separator: " ").dropFirst().prefix(2) == ["1/1", "Running"] })
        // CoreDNS takes the node's first pod addresses; host-network pods show the node's address.
        #expect(pods.filter { $0.contains(" 10.244.0.2 ") || $0.contains(" 10.244.0.3 ") }.count == 2)
        #expect(s.run("get svc kube-dns -n kube-system").stdout == """
            NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
            kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   0s

            """)
        #expect(s.run("get deploy -n kube-system").stdout == """
            NAME      READY   UP-TO-DATE   AVAILABLE   AGE
            coredns   2/2     2            2           0s

            """)
        #expect(s.run("get ds -n kube-system").stdout == """
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
            kube-proxy   1         1         1       1            1           kubernetes.io/os=linux   0s

            """)
        #expect(s.run("get pod etcd-node-1 -n kube-system -o jsonpath={.metadata.labels.component}/{.metadata.labels.tier}/{.metadata.ownerReferences[0].kind}/{.spec.priorityClassName}").stdout
            == "etcd/control-plane/Node/system-node-critical")
        #expect(s.run("get pod kube-apiserver-node-1 -n kube-system -o jsonpath={.metadata.annotations.kubeadm\\.kubernetes\\.io/kube-apiserver\\.advertise-address\\.endpoint}").exitCode == 0)
        // No start-up events, and the user's namespace stays empty.
        #expect(s.run("get events -A").stderr == "No resources found\n")
        #expect(s.run("get all").stdout == """
            NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s

            """)
    }

    /// The leases a cluster holds: each node's in kube-node-lease (a node registered later gets one from its
    /// kubelet, owned by the node and gone with it), the leader leases and the API server's identity lease.
    @Test func leasesOfNodesAndControlPlane() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        let leases = s.run("get leases -A").stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(leases.first == ["NAMESPACE", "NAME", "HOLDER", "AGE"])
        #expect(leases.dropFirst().map { $0[1] }.filter { !$0.hasPrefix("apiserver-") } == ["node-1", "kube-controller-manager", "kube-scheduler"])
        #expect(leases.dropFirst().allSatisfy { $0[1].hasPrefix("apiserver-") ? $0[2].hasPrefix($0[1] + "_") : $0[2].hasPrefix("node-1") })
        #expect(s.run("get lease node-1 -n kube-node-lease -o jsonpath={.spec.leaseDurationSeconds}/{.spec.renewTime}/{.metadata.ownerReferences[0].name}").stdout
            == "40/2026-11-23T12:00:00.000000Z/node-1")
        #expect(s.run("describe node node-1").stdout.contains("Lease:\n  HolderIdentity:  node-1\n  AcquireTime:     <unset>\n"))
        let node = s.writeFile("n.yaml", "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-2\n")
        s.setNow("2026-11-23T12:03:00Z")
        #expect(s.run("create -f \(node)").exitCode == 0)
        #expect(s.run("get lease worker-2 -n kube-node-lease --no-headers").stdout == "worker-2   worker-2   0s\n")
        #expect(s.run("delete node worker-2").exitCode == 0)
        #expect(s.run("get lease worker-2 -n kube-node-lease").stderr.contains("not found"))
    }

    @Test func clusterWideSystemObjects() {
        let s = TestStore()
        #expect(s.run("get priorityclasses").stdout == """
            NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY
            system-cluster-critical   2000000000   false            0s    PreemptLowerPriority
            system-node-critical      2000001000   false            0s    PreemptLowerPriority

            """)
        #expect(s.run("get cs -o name").stdout == "componentstatus/controller-manager\ncomponentstatus/etcd-0\ncomponentstatus/scheduler\n")
        let roles = s.run("get clusterroles -o name").stdout
        #expect(roles.split(separator: "\n").count == 66 && s.run("get clusterrolebindings -o name").stdout.split(separator: "\n").count == 52)
        for role in ["admin", "cluster-admin", "edit", "view", "system:discovery", "system:basic-user", "system:node-proxier",
                     "system:controller:deployment-controller", "system:controller:validatingadmissionpolicy-status-controller"] {
            #expect(roles.contains("clusterrole.rbac.authorization.k8s.io/\(role)\n"))
        }
        #expect(s.run("get clusterrolebinding cluster-admin -o jsonpath={.subjects[0].name}").stdout == "system:masters")
        #expect(s.run("get cm coredns -n kube-system -o jsonpath={.data.Corefile}").stdout.hasPrefix(".:53 {\n    errors\n"))
        // A user's Service never gets kube-dns's address.
        for i in 1...10 { s.run("create service clusterip s\(i) --tcp=80") }
        #expect(!s.run("get svc -o wide").stdout.contains("10.96.0.10 "))
    }
}
