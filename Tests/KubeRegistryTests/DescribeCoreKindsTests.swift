import Testing
import KubeModel
@testable import KubeRegistry

@Suite struct DescribeCoreKindsTests {
    // MARK: Pod (reference §4.3 verified sample)

    static let podNow = "2026-11-21T13:27:44Z"
    static let pod = parse(#"""
    {"apiVersion":"v1","kind":"Pod",
     "metadata":{"name":"nginx","namespace":"default","uid":"pod-uid","labels":{"run":"nginx"},
                 "creationTimestamp":"2026-11-21T13:19:32Z"},
     "spec":{"priority":0,"serviceAccountName":"default","nodeName":"node-1",
       "containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80,"protocol":"TCP"}],
         "volumeMounts":[{"name":"kube-api-access-abcde","mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","readOnly":true}]}],
       "tolerations":[
         {"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},
         {"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],
       "volumes":[{"name":"kube-api-access-abcde","projected":{"sources":[
         {"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},
         {"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}},
         {"downwardAPI":{"items":[{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"},"path":"namespace"}]}}]}}]},
     "status":{"phase":"Running","hostIP":"172.18.0.2","podIP":"10.244.0.7","podIPs":[{"ip":"10.244.0.7"}],
       "startTime":"2026-11-21T13:19:32Z",
       "conditions":[{"type":"PodReadyToStartContainers","status":"True"},{"type":"Initialized","status":"True"},
                     {"type":"Ready","status":"True"},{"type":"ContainersReady","status":"True"},{"type":"PodScheduled","status":"True"}],
       "containerStatuses":[{"name":"nginx","containerID":"containerd://0123456789abcdef","image":"nginx:1.27",
         "imageID":"docker.io/library/nginx@sha256:abc","ready":true,"restartCount":0,
         "state":{"running":{"startedAt":"2026-11-21T13:19:37Z"}}}]}}
    """#)

    @Test func podMatchesReferenceSample() {
        let ctx = FakeDescribeContext(now: Self.podNow, events: [
            event("pod-uid", reason: "Pulled", message: "Container image \"nginx:1.27\" already present on machine\n",
                  component: "kubelet", now: Self.podNow, firstAgo: 482, lastAgo: 482),
            event("pod-uid", reason: "Scheduled", message: "Successfully assigned default/nginx to node-1",
                  component: "default-scheduler", now: Self.podNow, firstAgo: 492, lastAgo: 492),
        ])
        let want = """
        Name:             nginx
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node-1/172.18.0.2
        Start Time:       Sat, 21 Nov 2026 13:19:32 +0000
        Labels:           run=nginx
        Annotations:      <none>
        Status:           Running
        IP:               10.244.0.7
        IPs:
          IP:  10.244.0.7
        Containers:
          nginx:
            Container ID:   containerd://0123456789abcdef
            Image:          nginx:1.27
            Image ID:       docker.io/library/nginx@sha256:abc
            Port:           80/TCP
            Host Port:      0/TCP
            State:          Running
              Started:      Sat, 21 Nov 2026 13:19:37 +0000
            Ready:          True
            Restart Count:  0
            Environment:    <none>
            Mounts:
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)
        Conditions:
          Type                        Status
          PodReadyToStartContainers   True\u{20}
          Initialized                 True\u{20}
          Ready                       True\u{20}
          ContainersReady             True\u{20}
          PodScheduled                True\u{20}
        Volumes:
          kube-api-access-abcde:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            ConfigMapOptional:       <nil>
            DownwardAPI:             true
        QoS Class:                   BestEffort
        Node-Selectors:              <none>
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type    Reason     Age    From               Message
          ----    ------     ----   ----               -------
          Normal  Scheduled  8m12s  default-scheduler  Successfully assigned default/nginx to node-1
          Normal  Pulled     8m2s   kubelet            Container image "nginx:1.27" already present on machine

        """
        let got = Describers.forKind(group: "", kind: "Pod")!(Self.pod, ctx)
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func podWithoutEventsWhenShowEventsOff() {
        let ctx = FakeDescribeContext(now: Self.podNow, showEvents: false)
        let got = describePod(Self.pod, ctx)
        #expect(!got.contains("Events:"))
        #expect(got.hasSuffix("node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n"))
    }

    @Test func podControlledByAlignsWithIPBlock() {
        var pod = Self.pod
        pod["metadata"]["ownerReferences"] = parse(#"[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rich-rs","uid":"x","controller":true}]"#)
        let got = describePod(pod, FakeDescribeContext(now: Self.podNow, showEvents: false))
        #expect(got.contains("IPs:\n  IP:           10.244.0.7\nControlled By:  ReplicaSet/rich-rs\nContainers:\n"))
    }

    // MARK: Deployment (reference §4.4)

    static let deployNow = "2026-11-23T15:25:08Z"
    static let template = #"""
      {"metadata":{"labels":{"app":"web"}},
       "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}
    """#
    static func rs(_ name: String, created: String, replicas: Int, image: String = "nginx:1.27", owner: String = "dep-uid") -> JSONValue {
        var t = parse(template)
        t["metadata"]["labels"]["pod-template-hash"] = .string(String(name.dropFirst(4)))
        t["spec"]["containers"] = parse(#"[{"name":"nginx","image":"\#(image)","ports":[{"containerPort":80,"protocol":"TCP"}]}]"#)
        var rs = parse(#"""
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"\#(name)","namespace":"default","uid":"\#(name)-uid",
          "creationTimestamp":"\#(created)","labels":{"app":"web"},
          "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"\#(owner)","controller":true}]},
         "spec":{"replicas":\#(replicas),"selector":{"matchLabels":{"app":"web"}}},
         "status":{"replicas":\#(replicas)}}
        """#)
        rs["spec"]["template"] = t
        return rs
    }

    static let deployment: JSONValue = {
        var d = parse(#"""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","uid":"dep-uid","creationTimestamp":"2026-11-23T15:15:08Z",
           "labels":{"app":"web"},"annotations":{"deployment.kubernetes.io/revision":"3",
           "kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\"}\n"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
           "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}}},
         "status":{"replicas":2,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2,
           "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"},
                         {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable"}]}}
        """#)
        d["spec"]["template"] = parse(template)
        return d
    }()

    @Test func deploymentMatchesReferenceSample() {
        let ctx = FakeDescribeContext(now: Self.deployNow, objects: ["replicasets.apps": [
            Self.rs("web-7d4b9c8f6d", created: "2026-11-23T15:15:08Z", replicas: 2),
            Self.rs("web-6f7c9d8e5a", created: "2026-11-23T15:14:08Z", replicas: 0, image: "nginx:1.26"),
            Self.rs("web-5c6b8d9f7b", created: "2026-11-23T15:13:08Z", replicas: 0, image: "nginx:1.25"),
            Self.rs("web-0000000000", created: "2026-11-23T15:12:08Z", replicas: 0, owner: "someone-else"),
        ]], events: [
            event("dep-uid", reason: "ScalingReplicaSet", message: "Scaled up replica set web-7d4b9c8f6d from 0 to 2",
                  component: "deployment-controller", now: Self.deployNow, firstAgo: 600, lastAgo: 600),
        ])
        let want = """
        Name:                   web
        Namespace:              default
        CreationTimestamp:      Mon, 23 Nov 2026 15:15:08 +0000
        Labels:                 app=web
        Annotations:            deployment.kubernetes.io/revision: 3
        Selector:               app=web
        Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
        StrategyType:           RollingUpdate
        MinReadySeconds:        0
        RollingUpdateStrategy:  25% max unavailable, 25% max surge
        Pod Template:
          Labels:  app=web
          Containers:
           nginx:
            Image:         nginx:1.27
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Conditions:
          Type           Status  Reason
          ----           ------  ------
          Available      True    MinimumReplicasAvailable
          Progressing    True    NewReplicaSetAvailable
        OldReplicaSets:  web-5c6b8d9f7b (0/0 replicas created), web-6f7c9d8e5a (0/0 replicas created)
        NewReplicaSet:   web-7d4b9c8f6d (2/2 replicas created)
        Events:
          Type    Reason             Age   From                   Message
          ----    ------             ----  ----                   -------
          Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set web-7d4b9c8f6d from 0 to 2

        """
        let got = Describers.forKind(group: "apps", kind: "Deployment")!(Self.deployment, ctx)
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func deploymentWithoutReplicaSetsOmitsThoseLines() {
        let got = describeDeployment(Self.deployment, FakeDescribeContext(now: Self.deployNow))
        #expect(!got.contains("OldReplicaSets"))
        // Without the ReplicaSet lines, Events joins the (narrower) conditions alignment block.
        #expect(got.hasSuffix("  Progressing   True    NewReplicaSetAvailable\nEvents:         <none>\n"))
    }

    // MARK: ReplicaSet

    @Test func replicaSetCountsOwnedPods() {
        let rs = Self.rs("web-7d4b9c8f6d", created: "2026-11-23T15:15:08Z", replicas: 2)
        func pod(_ name: String, _ phase: String, owner: String) -> JSONValue {
            parse(#"""
            {"metadata":{"name":"\#(name)","namespace":"default","labels":{"app":"web"},
              "ownerReferences":[{"kind":"ReplicaSet","name":"x","uid":"\#(owner)","controller":true}]},
             "status":{"phase":"\#(phase)"}}
            """#)
        }
        let ctx = FakeDescribeContext(now: Self.deployNow, objects: ["pods": [
            pod("a", "Running", owner: "web-7d4b9c8f6d-uid"), pod("b", "Pending", owner: "web-7d4b9c8f6d-uid"),
            pod("c", "Running", owner: "other"),
        ]])
        let want = """
        Name:           web-7d4b9c8f6d
        Namespace:      default
        Selector:       app=web
        Labels:         app=web
        Annotations:    <none>
        Controlled By:  Deployment/web
        Replicas:       2 current / 2 desired
        Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed
        Pod Template:
          Labels:  app=web
                   pod-template-hash=7d4b9c8f6d
          Containers:
           nginx:
            Image:         nginx:1.27
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Events:            <none>

        """
        let got = Describers.forKind(group: "apps", kind: "ReplicaSet")!(rs, ctx)
        #expect(got == want, "\(firstDifference(got, want))")
    }

    // MARK: Service (reference §4.5)

    @Test func serviceMatchesReferenceSample() {
        let svc = parse(#"""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default","uid":"svc-uid","labels":{"app":"web"}},
         "spec":{"selector":{"app":"web"},"type":"ClusterIP","ipFamilyPolicy":"SingleStack","ipFamilies":["IPv4"],
           "clusterIP":"10.96.12.34","clusterIPs":["10.96.12.34"],
           "ports":[{"port":80,"protocol":"TCP","targetPort":80}],
           "sessionAffinity":"None","externalTrafficPolicy":"Cluster","internalTrafficPolicy":"Cluster"}}
        """#)
        let slice = parse(#"""
        {"metadata":{"name":"web-abc","namespace":"default","labels":{"kubernetes.io/service-name":"web"}},
         "addressType":"IPv4","ports":[{"name":"","port":80,"protocol":"TCP"}],
         "endpoints":[{"addresses":["10.244.0.5"],"conditions":{"ready":true}},{"addresses":["10.244.0.6"],"conditions":{"ready":true}},
                      {"addresses":["10.244.0.9"],"conditions":{"ready":false}}]}
        """#)
        let ctx = FakeDescribeContext(now: Self.deployNow, objects: ["endpointslices.discovery.k8s.io": [slice]])
        let want = """
        Name:                     web
        Namespace:                default
        Labels:                   app=web
        Annotations:              <none>
        Selector:                 app=web
        Type:                     ClusterIP
        IP Family Policy:         SingleStack
        IP Families:              IPv4
        IP:                       10.96.12.34
        IPs:                      10.96.12.34
        Port:                     <unset>  80/TCP
        TargetPort:               80/TCP
        Endpoints:                10.244.0.5:80,10.244.0.6:80
        Session Affinity:         None
        External Traffic Policy:  Cluster
        Internal Traffic Policy:  Cluster
        Events:                   <none>

        """
        let got = Describers.forKind(group: "", kind: "Service")!(svc, ctx)
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func endpointsListCapsAtThree() {
        var eps: [JSONValue] = []
        for i in 1...5 { eps.append(["addresses": [.string("10.0.0.\(i)")]]) }
        var slice: JSONValue = ["ports": [["name": "http", "port": 8080]]]
        slice["endpoints"] = .array(eps)
        #expect(formatEndpointSlices([slice], portName: "http") == "10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...")
        #expect(formatEndpointSlices([slice], portName: "other") == "")
        #expect(formatEndpointSlices([], portName: "http") == "<none>")
    }

    // MARK: Namespace (reference §4.7)

    @Test func namespaceMatchesReferenceSample() {
        let ns = parse(#"""
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default","labels":{"kubernetes.io/metadata.name":"default"}},
         "spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}
        """#)
        let want = """
        Name:         default
        Labels:       kubernetes.io/metadata.name=default
        Annotations:  <none>
        Status:       Active

        No resource quota.

        No LimitRange resource.

        """
        let got = Describers.forKind(group: "", kind: "Namespace")!(ns, FakeDescribeContext(now: Self.deployNow))
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func namespaceWithQuotaAndLimitRange() {
        let ns = parse(#"{"metadata":{"name":"team"},"status":{"phase":"Active"}}"#)
        let quota = parse(#"""
        {"metadata":{"name":"compute","namespace":"team"},
         "status":{"hard":{"pods":"10","requests.cpu":"2","requests.memory":"2Gi"},"used":{"pods":"1","requests.cpu":"500m","requests.memory":"512Mi"}}}
        """#)
        let lr = parse(#"""
        {"metadata":{"name":"limits","namespace":"team"},
         "spec":{"limits":[{"type":"Container","default":{"cpu":"500m"},"defaultRequest":{"cpu":"250m"},"max":{"memory":"1Gi"}}]}}
        """#)
        let ctx = FakeDescribeContext(now: Self.deployNow, objects: ["resourcequotas": [quota], "limitranges": [lr]])
        let want = """
        Name:         team
        Labels:       <none>
        Annotations:  <none>
        Status:       Active

        Resource Quotas
          Name:            compute
          Resource         Used   Hard
          --------         ---    ---
          pods             1      10
          requests.cpu     500m   2
          requests.memory  512Mi  2Gi

        Resource Limits
         Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
         ----       --------  ---  ---  ---------------  -------------  -----------------------
         Container  cpu       -    -    250m             500m           -
         Container  memory    -    1Gi  -                -              -

        """
        let got = describeNamespace(ns, ctx)
        #expect(got == want, "\(firstDifference(got, want))")
    }

    // MARK: ConfigMap / Secret (reference §4.8)

    @Test func configMapLayout() {
        let cm = parse(#"""
        {"metadata":{"name":"app-config","namespace":"default","uid":"cm-uid"},
         "data":{"b.txt":"line1\nline2","a":"1"},"binaryData":{"blob":"AAEC"}}
        """#)
        let want = """
        Name:         app-config
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>

        Data
        ====
        a:
        ----
        1

        b.txt:
        ----
        line1
        line2


        BinaryData
        ====
        blob: 3 bytes

        Events:  <none>

        """
        let got = Describers.forKind(group: "", kind: "ConfigMap")!(cm, FakeDescribeContext(now: Self.deployNow))
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func secretLayout() {
        let s = parse(#"""
        {"metadata":{"name":"s1","namespace":"default"},"type":"Opaque",
         "data":{"username":"YWRtaW4=","password":"czNjcjN0"}}
        """#)
        let want = """
        Name:         s1
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>

        Type:  Opaque

        Data
        ====
        password:  6 bytes
        username:  5 bytes

        """
        let got = Describers.forKind(group: "", kind: "Secret")!(s, FakeDescribeContext(now: Self.deployNow))
        #expect(got == want, "\(firstDifference(got, want))")
    }
}
