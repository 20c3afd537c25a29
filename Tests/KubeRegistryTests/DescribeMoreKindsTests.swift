import Testing
import KubeModel
@testable import KubeRegistry

@Suite struct DescribeMoreKindsTests {
    static let now = "2026-11-23T17:00:00Z"

    static let node = parse(#"""
    {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1","uid":"node-uid","creationTimestamp":"2026-11-20T10:00:00Z",
      "labels":{"kubernetes.io/hostname":"node-1","node-role.kubernetes.io/control-plane":""},
      "annotations":{"node.alpha.kubernetes.io/ttl":"0"}},
     "spec":{"podCIDR":"10.244.0.0/24","podCIDRs":["10.244.0.0/24"],
       "taints":[{"key":"node-role.kubernetes.io/control-plane","effect":"NoSchedule"}]},
     "status":{"capacity":{"cpu":"4","memory":"8148856Ki","pods":"110","ephemeral-storage":"102626232Ki","hugepages-2Mi":"0"},
       "allocatable":{"cpu":"4","memory":"8148856Ki","pods":"110","ephemeral-storage":"102626232Ki","hugepages-2Mi":"0"},
       "conditions":[{"type":"Ready","status":"True","lastHeartbeatTime":"2026-11-23T16:59:00Z","lastTransitionTime":"2026-11-20T10:01:00Z",
         "reason":"KubeletReady","message":"kubelet is posting ready status"}],
       "addresses":[{"type":"InternalIP","address":"172.18.0.2"},{"type":"Hostname","address":"node-1"}],
       "nodeInfo":{"machineID":"m1","systemUUID":"s1","bootID":"b1","kernelVersion":"6.1.0","osImage":"Debian GNU/Linux 12",
         "operatingSystem":"linux","architecture":"amd64","containerRuntimeVersion":"containerd://1.7.0",
         "kubeletVersion":"v1.32.0","kubeProxyVersion":"v1.32.0"}}}
    """#)

    static func pod(_ ns: String, _ name: String, node: String, phase: String, resources: String, created: String) -> JSONValue {
        parse(#"""
        {"metadata":{"name":"\#(name)","namespace":"\#(ns)","creationTimestamp":"\#(created)"},
         "spec":{"nodeName":"\#(node)","containers":[{"name":"c","resources":\#(resources)}]},"status":{"phase":"\#(phase)"}}
        """#)
    }

    @Test func nodeWithPodsLeaseAndAllocation() {
        let lease = parse(#"""
        {"metadata":{"name":"node-1","namespace":"kube-node-lease"},"spec":{"holderIdentity":"node-1","renewTime":"2026-11-23T16:59:50.123456Z"}}
        """#)
        let ctx = FakeDescribeContext(now: Self.now, objects: [
            "leases.coordination.k8s.io": [lease],
            "pods": [
                Self.pod("kube-system", "etcd-node-1", node: "node-1", phase: "Running",
                         resources: #"{"requests":{"cpu":"100m","memory":"100Mi"}}"#, created: "2026-11-20T10:00:00Z"),
                Self.pod("default", "web", node: "node-1", phase: "Running",
                         resources: #"{"requests":{"cpu":"250m","memory":"64Mi"},"limits":{"cpu":"500m","memory":"128Mi"}}"#,
                         created: "2026-11-23T16:55:00Z"),
                Self.pod("default", "done", node: "node-1", phase: "Succeeded", resources: "{}", created: "2026-11-23T16:00:00Z"),
                Self.pod("default", "elsewhere", node: "node-2", phase: "Running", resources: "{}", created: "2026-11-23T16:00:00Z"),
            ],
        ])
        let want = """
        Name:               node-1
        Roles:              control-plane
        Labels:             kubernetes.io/hostname=node-1
                            node-role.kubernetes.io/control-plane=
        Annotations:        node.alpha.kubernetes.io/ttl: 0
        CreationTimestamp:  Fri, 20 Nov 2026 10:00:00 +0000
        Taints:             node-role.kubernetes.io/control-plane:NoSchedule
        Unschedulable:      false
        Lease:
          HolderIdentity:  node-1
          AcquireTime:     <unset>
          RenewTime:       Mon, 23 Nov 2026 16:59:50 +0000
        Conditions:
          Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
          ----    ------  -----------------                 ------------------                ------         -------
          Ready   True    Mon, 23 Nov 2026 16:59:00 +0000   Fri, 20 Nov 2026 10:01:00 +0000   KubeletReady   kubelet is posting ready status
        Addresses:
          InternalIP:  172.18.0.2
          Hostname:    node-1
        Capacity:
          cpu:                4
          ephemeral-storage:  102626232Ki
          hugepages-2Mi:      0
          memory:             8148856Ki
          pods:               110
        Allocatable:
          cpu:                4
          ephemeral-storage:  102626232Ki
          hugepages-2Mi:      0
          memory:             8148856Ki
          pods:               110
        System Info:
          Machine ID:                 m1
          System UUID:                s1
          Boot ID:                    b1
          Kernel Version:             6.1.0
          OS Image:                   Debian GNU/Linux 12
          Operating System:           linux
          Architecture:               amd64
          Container Runtime Version:  containerd://1.7.0
          Kubelet Version:            v1.32.0
          Kube-Proxy Version:         v1.32.0
        PodCIDR:                      10.244.0.0/24
        PodCIDRs:                     10.244.0.0/24
        Non-terminated Pods:          (2 in total)
          Namespace                   Name           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
          ---------                   ----           ------------  ----------  ---------------  -------------  ---
          default                     web            250m (6%)     500m (12%)  64Mi (0%)        128Mi (1%)     5m
          kube-system                 etcd-node-1    100m (2%)     0 (0%)      100Mi (1%)       0 (0%)         3d7h
        Allocated resources:
          (Total limits may be over 100 percent, i.e., overcommitted.)
          Resource           Requests    Limits
          --------           --------    ------
          cpu                350m (8%)   500m (12%)
          memory             164Mi (2%)  128Mi (1%)
          ephemeral-storage  0 (0%)      0 (0%)
          hugepages-2Mi      0 (0%)      0 (0%)
        Events:              <none>

        """
        let got = Describers.forKind(group: "", kind: "Node")!(Self.node, ctx)
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func nodeWithoutLeaseReportsNotFound() {
        let got = describeNode(Self.node, FakeDescribeContext(now: Self.now, showEvents: false))
        #expect(got.contains("Unschedulable:      false\nLease:              Failed to get lease: leases.coordination.k8s.io \"node-1\" not found\n"))
    }

    @Test func genericDescriberForOtherKinds() {
        #expect(Describers.forKind(group: "", kind: "Event") == nil)
        #expect(Describers.forKind(group: "example.com", kind: "Widget") == nil)
        let obj = parse(#"""
        {"apiVersion":"example.com/v1","kind":"Widget",
         "metadata":{"name":"w1","namespace":"default","uid":"w-uid","creationTimestamp":"2026-11-23T16:00:00Z",
           "resourceVersion":"42","generation":1,"labels":{"app":"w"},
           "managedFields":[{"manager":"kubectl"}]},
         "spec":{"replicas":3,"ratio":0.5,"enabled":true,"tags":["a","b"],"nothing":null,
           "ports":[{"name":"http","port":80},{"name":"dns","port":53}],"podCIDR":"10.0.0.0/8"}}
        """#)
        let ctx = FakeDescribeContext(now: Self.now, events: [
            event("w-uid", type: "Warning", reason: "Failed", message: "boom", component: "widget-controller",
                  now: Self.now, firstAgo: 90, lastAgo: 90),
        ])
        let want = """
        Name:         w1
        Namespace:    default
        Labels:       app=w
        Annotations:  <none>
        API Version:  example.com/v1
        Kind:         Widget
        Metadata:
          Creation Timestamp:  2026-11-23T16:00:00Z
          Generation:          1
          Resource Version:    42
          UID:                 w-uid
        Spec:
          Enabled:   true
          Nothing:   <nil>
          Pod CIDR:  10.0.0.0/8
          Ports:
            Name:    http
            Port:    80
            Name:    dns
            Port:    53
          Ratio:     0.5
          Replicas:  3
          Tags:
            a
            b
        Events:
          Type     Reason  Age   From               Message
          ----     ------  ----  ----               -------
          Warning  Failed  90s   widget-controller  boom

        """
        let got = Describers.generic(obj, ctx)
        #expect(got == want, "\(firstDifference(got, want))")
    }
}
