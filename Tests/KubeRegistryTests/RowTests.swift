import KubeModel
import Testing
@testable import KubeRegistry

/// Cells of realistic objects, rendered at a fixed "now".
struct RowTests {
    let now = Timestamp(rfc3339: "2025-01-10T12:00:00Z")!

    func cells(_ group: String, _ kind: String, _ json: String) throws -> [String] {
        let t = try #require(Registry.builtin.type(group: group, kind: kind))
        let row = try #require(t.row)
        let columns = try #require(t.columns)
        let cells = row(try JSON.parse(json))
        #expect(cells.count == columns.count)
        return cells.map { $0.render(now: now) }
    }

    func pod(_ spec: String, _ status: String, meta: String = "") -> String {
        #"{"metadata":{"name":"p","creationTimestamp":"2025-01-08T07:00:00Z"\#(meta)},"spec":\#(spec),"status":\#(status)}"#
    }

    @Test func podColumns() {
        let t = Registry.builtin.type(group: "", kind: "Pod")!
        #expect(t.columns!.map(\.name) == ["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"])
        #expect(t.columns!.map(\.priority) == [0, 0, 0, 0, 0, 1, 1, 1, 1])
        #expect(t.columns![0].format == "name")
    }

    @Test func runningPod() throws {
        let c = try cells("", "Pod", pod(
            #"{"nodeName":"node-1","containers":[{"name":"nginx","image":"nginx"}]}"#,
            #"{"phase":"Running","podIPs":[{"ip":"10.244.0.5"}],"conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"nginx","ready":true,"restartCount":0,"state":{"running":{"startedAt":"2025-01-08T07:00:05Z"}}}]}"#))
        #expect(c == ["p", "1/1", "Running", "0", "2d5h", "10.244.0.5", "node-1", "<none>", "<none>"])
    }

    @Test func pendingPod() throws {
        let c = try cells("", "Pod", pod(#"{"containers":[{"name":"a"},{"name":"b"}]}"#, #"{"phase":"Pending"}"#))
        #expect(c == ["p", "0/2", "Pending", "0", "2d5h", "<none>", "<none>", "<none>", "<none>"])
    }

    @Test func completedPod() throws {
        let c = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#,
            #"{"phase":"Succeeded","containerStatuses":[{"name":"a","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}"#))
        #expect(c[1...3] == ["0/1", "Completed", "0"])
    }

    @Test func crashLoopWithRestarts() throws {
        let c = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#,
            #"{"phase":"Running","containerStatuses":[{"name":"a","ready":false,"restartCount":3,"state":{"waiting":{"reason":"CrashLoopBackOff"}},"lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2025-01-10T11:54:48Z"}}}]}"#))
        #expect(c[1...3] == ["0/1", "CrashLoopBackOff", "3 (5m12s ago)"])
    }

    @Test func lowestIndexContainerReasonWins() throws {
        let c = try cells("", "Pod", pod(#"{"containers":[{"name":"a"},{"name":"b"}]}"#,
            #"{"phase":"Pending","containerStatuses":[{"name":"a","restartCount":0,"state":{"waiting":{"reason":"ImagePullBackOff"}}},{"name":"b","restartCount":0,"state":{"waiting":{"reason":"ContainerCreating"}}}]}"#))
        #expect(c[2] == "ImagePullBackOff")
    }

    @Test func terminatedWithoutReason() throws {
        let c = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#,
            #"{"phase":"Failed","containerStatuses":[{"name":"a","restartCount":0,"state":{"terminated":{"exitCode":137,"signal":9}}}]}"#))
        #expect(c[2] == "Signal:9")
        let d = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#,
            #"{"phase":"Failed","containerStatuses":[{"name":"a","restartCount":0,"state":{"terminated":{"exitCode":2}}}]}"#))
        #expect(d[2] == "ExitCode:2")
    }

    @Test func initContainers() throws {
        let spec = #"{"initContainers":[{"name":"i1"},{"name":"i2"}],"containers":[{"name":"a"}]}"#
        let waiting = try cells("", "Pod", pod(spec,
            #"{"phase":"Pending","initContainerStatuses":[{"name":"i1","restartCount":0,"state":{"running":{}}},{"name":"i2","restartCount":0,"state":{"waiting":{"reason":"PodInitializing"}}}],"containerStatuses":[{"name":"a","restartCount":0,"state":{"waiting":{"reason":"PodInitializing"}}}]}"#))
        #expect(waiting[1...2] == ["0/1", "Init:0/2"])
        let second = try cells("", "Pod", pod(spec,
            #"{"phase":"Pending","initContainerStatuses":[{"name":"i1","restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},{"name":"i2","restartCount":0,"state":{"running":{}}}]}"#))
        #expect(second[2] == "Init:1/2")
        let failed = try cells("", "Pod", pod(spec,
            #"{"phase":"Pending","initContainerStatuses":[{"name":"i1","restartCount":2,"state":{"terminated":{"exitCode":1,"reason":"Error"}},"lastState":{"terminated":{"exitCode":1,"finishedAt":"2025-01-10T11:59:00Z"}}}]}"#))
        #expect(failed[2...3] == ["Init:Error", "2 (60s ago)"])
        let backoff = try cells("", "Pod", pod(spec,
            #"{"phase":"Pending","initContainerStatuses":[{"name":"i1","restartCount":0,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}"#))
        #expect(backoff[2] == "Init:CrashLoopBackOff")
    }

    @Test func sidecars() throws {
        let spec = #"{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"app"}]}"#
        let c = try cells("", "Pod", pod(spec,
            #"{"phase":"Running","conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}],"initContainerStatuses":[{"name":"proxy","ready":true,"started":true,"restartCount":1,"state":{"running":{}},"lastState":{"terminated":{"exitCode":1,"finishedAt":"2025-01-10T09:00:00Z"}}}],"containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}"#))
        #expect(c[1...3] == ["2/2", "Running", "1 (3h ago)"])
    }

    @Test func terminatingAndUnknown() throws {
        let meta = #","deletionTimestamp":"2025-01-10T11:59:00Z""#
        let c = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#,
            #"{"phase":"Running","containerStatuses":[{"name":"a","ready":true,"restartCount":0,"state":{"running":{}}}]}"#, meta: meta))
        #expect(c[2] == "Terminating")
        let lost = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#, #"{"phase":"Running","reason":"NodeLost"}"#, meta: meta))
        #expect(lost[2] == "Unknown")
        let done = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#, #"{"phase":"Succeeded"}"#, meta: meta))
        #expect(done[2] == "Succeeded")
    }

    @Test func completedWithRunningContainerAndGates() throws {
        let c = try cells("", "Pod", pod(#"{"containers":[{"name":"a"},{"name":"b"}],"readinessGates":[{"conditionType":"x/ready"},{"conditionType":"y"}]}"#,
            #"{"phase":"Running","conditions":[{"type":"x/ready","status":"True"}],"containerStatuses":[{"name":"a","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},{"name":"b","ready":true,"restartCount":0,"state":{"running":{}}}]}"#))
        #expect(c[1...2] == ["1/2", "NotReady"])
        #expect(c[8] == "1/2")
    }

    @Test func evictedAndGated() throws {
        let e = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#, #"{"phase":"Failed","reason":"Evicted"}"#))
        #expect(e[2] == "Evicted")
        let g = try cells("", "Pod", pod(#"{"containers":[{"name":"a"}]}"#,
            #"{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}"#))
        #expect(g[2] == "SchedulingGated")
    }

    @Test func deployment() throws {
        let c = try cells("apps", "Deployment", #"""
        {"metadata":{"name":"web","creationTimestamp":"2025-01-10T08:58:00Z"},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"},{"name":"side","image":"busybox"}]}}},
         "status":{"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2}}
        """#)
        #expect(c == ["web", "2/3", "3", "2", "3h2m", "nginx,side", "nginx:1.27,busybox", "app=web"])
        let fresh = try cells("apps", "Deployment", #"{"metadata":{"name":"d"},"spec":{"replicas":1,"selector":{}},"status":{}}"#)
        #expect(fresh == ["d", "0/1", "0", "0", "<unknown>", "", "", ""])
    }

    @Test func replicaSetsAndRCs() throws {
        let rs = try cells("apps", "ReplicaSet", #"{"metadata":{"name":"web-7d4b9c8f6d"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web","pod-template-hash":"7d4b9c8f6d"}},"template":{"spec":{"containers":[{"name":"n","image":"nginx"}]}}},"status":{"replicas":2,"readyReplicas":2}}"#)
        #expect(rs[1...3] == ["2", "2", "2"])
        #expect(rs[7] == "app=web,pod-template-hash=7d4b9c8f6d")
        let rc = try cells("", "ReplicationController", #"{"metadata":{"name":"r"},"spec":{"replicas":1,"selector":{"app":"r"}},"status":{"replicas":1}}"#)
        #expect(rc[1...3] == ["1", "1", "0"])
        #expect(rc[7] == "app=r")
    }

    @Test func statefulSetAndDaemonSet() throws {
        let s = try cells("apps", "StatefulSet", #"{"metadata":{"name":"db"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"pg","image":"postgres"}]}}},"status":{"readyReplicas":1}}"#)
        #expect(s == ["db", "1/3", "<unknown>", "pg", "postgres"])
        let d = try cells("apps", "DaemonSet", #"{"metadata":{"name":"agent"},"spec":{"selector":{"matchLabels":{"app":"agent"}},"template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux"},"containers":[{"name":"a","image":"agent:1"}]}}},"status":{"desiredNumberScheduled":2,"currentNumberScheduled":2,"numberReady":1,"updatedNumberScheduled":2,"numberAvailable":1}}"#)
        #expect(d == ["agent", "2", "2", "1", "2", "1", "kubernetes.io/os=linux", "<unknown>", "a", "agent:1", "app=agent"])
    }

    @Test(arguments: [
        (#"{"type":"ClusterIP","clusterIP":"10.96.0.1","clusterIPs":["10.96.0.1"],"ports":[{"port":443,"protocol":"TCP","targetPort":6443}]}"#, "{}",
         ["ClusterIP", "10.96.0.1", "<none>", "443/TCP"]),
        (#"{"type":"ClusterIP","clusterIP":"None","clusterIPs":["None"],"ports":[{"port":80,"protocol":"TCP"}],"selector":{"app":"db"}}"#, "{}",
         ["ClusterIP", "None", "<none>", "80/TCP"]),
        (#"{"type":"NodePort","clusterIPs":["10.96.50.5"],"ports":[{"port":80,"nodePort":30080,"protocol":"TCP"},{"port":53,"protocol":"UDP","nodePort":30053}],"externalIPs":["1.2.3.4"]}"#, "{}",
         ["NodePort", "10.96.50.5", "1.2.3.4", "80:30080/TCP,53:30053/UDP"]),
        (#"{"type":"LoadBalancer","clusterIPs":["10.96.7.7"],"ports":[{"port":80,"nodePort":31000,"protocol":"TCP"}]}"#, #"{"loadBalancer":{}}"#,
         ["LoadBalancer", "10.96.7.7", "<pending>", "80:31000/TCP"]),
        (#"{"type":"LoadBalancer","clusterIPs":["10.96.7.7"],"ports":[{"port":80,"nodePort":31000,"protocol":"TCP"}]}"#,
         #"{"loadBalancer":{"ingress":[{"ip":"203.0.113.9"},{"hostname":"lb.example.com"},{"ip":"203.0.113.10"}]}}"#,
         ["LoadBalancer", "10.96.7.7", "203.0.113.10,203.0.113.9,lb.example.com", "80:31000/TCP"]),
        (#"{"type":"ExternalName","externalName":"db.example.com"}"#, "{}",
         ["ExternalName", "<none>", "db.example.com", "<none>"]),
    ])
    func services(_ spec: String, _ status: String, _ expected: [String]) throws {
        let c = try cells("", "Service", #"{"metadata":{"name":"s"},"spec":\#(spec),"status":\#(status)}"#)
        #expect(Array(c[1...4]) == expected)
        #expect(c.count == 7)
    }

    @Test func serviceSelector() throws {
        let c = try cells("", "Service", #"{"metadata":{"name":"s"},"spec":{"type":"ClusterIP","clusterIPs":["10.0.0.1"],"selector":{"tier":"web","app":"a"}}}"#)
        #expect(c[6] == "app=a,tier=web")
    }

    @Test func nodes() throws {
        let c = try cells("", "Node", #"""
        {"metadata":{"name":"cp","creationTimestamp":"2024-12-29T12:00:00Z","labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/role":"master","node-role.kubernetes.io/":"x"}},
         "spec":{"unschedulable":true},
         "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
                   "addresses":[{"type":"InternalIP","address":"172.18.0.2"},{"type":"Hostname","address":"cp"}],
                   "nodeInfo":{"kubeletVersion":"v1.32.2","osImage":"Debian GNU/Linux 12 (bookworm)","kernelVersion":"6.8.0","containerRuntimeVersion":"containerd://2.0.2"}}}
        """#)
        #expect(c == ["cp", "Ready,SchedulingDisabled", "control-plane,master", "12d", "v1.32.2", "172.18.0.2", "<none>",
                      "Debian GNU/Linux 12 (bookworm)", "6.8.0", "containerd://2.0.2"])
        let n = try cells("", "Node", #"{"metadata":{"name":"w"},"status":{"conditions":[{"type":"Ready","status":"Unknown"}]}}"#)
        #expect(n[1...2] == ["NotReady", "<none>"])
        #expect(n[7...9] == ["<unknown>", "<unknown>", "<unknown>"])
        let u = try cells("", "Node", #"{"metadata":{"name":"w"},"status":{}}"#)
        #expect(u[1] == "Unknown")
    }

    @Test func jobs() throws {
        let done = try cells("batch", "Job", #"""
        {"metadata":{"name":"pi","creationTimestamp":"2025-01-10T11:00:00Z"},"spec":{"completions":1,"parallelism":1,"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"abc"}},"template":{"spec":{"containers":[{"name":"pi","image":"perl"}]}}},
         "status":{"succeeded":1,"startTime":"2025-01-10T11:00:00Z","completionTime":"2025-01-10T11:00:27Z","conditions":[{"type":"SuccessCriteriaMet","status":"True"},{"type":"Complete","status":"True"}]}}
        """#)
        #expect(done == ["pi", "Complete", "1/1", "27s", "60m", "pi", "perl", "batch.kubernetes.io/controller-uid=abc"])
        let running = try cells("batch", "Job", #"{"metadata":{"name":"w"},"spec":{"parallelism":3},"status":{"active":3,"startTime":"2025-01-10T11:55:00Z"}}"#)
        #expect(running[1...3] == ["Running", "0/1 of 3", "5m"])
        let failed = try cells("batch", "Job", #"{"metadata":{"name":"f"},"spec":{"completions":2},"status":{"failed":1,"conditions":[{"type":"Failed","status":"True"}]}}"#)
        #expect(failed[1...3] == ["Failed", "0/2", ""])
        let suspended = try cells("batch", "Job", #"{"metadata":{"name":"s"},"spec":{},"status":{"conditions":[{"type":"Suspended","status":"True"}]}}"#)
        #expect(suspended[1...2] == ["Suspended", "0/1"])
    }

    @Test func cronJobs() throws {
        let c = try cells("batch", "CronJob", #"""
        {"metadata":{"name":"hello","creationTimestamp":"2025-01-09T12:00:00Z"},"spec":{"schedule":"*/5 * * * *","suspend":false,
         "jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"hello","image":"busybox"}]}}}}},
         "status":{"active":[{"name":"hello-1"}],"lastScheduleTime":"2025-01-10T11:55:00Z"}}
        """#)
        #expect(c == ["hello", "*/5 * * * *", "<none>", "False", "1", "5m", "24h", "hello", "busybox", "<none>"])
        let n = try cells("batch", "CronJob", #"{"metadata":{"name":"n"},"spec":{"schedule":"@daily","timeZone":"Europe/Paris"}}"#)
        #expect(n[2...5] == ["Europe/Paris", "<unset>", "0", "<none>"])
    }

    @Test func persistentVolumes() throws {
        let pv = try cells("", "PersistentVolume", #"""
        {"metadata":{"name":"pv1"},"spec":{"capacity":{"storage":"10Gi"},"accessModes":["ReadWriteMany","ReadWriteOnce","ReadWriteOnce"],
         "persistentVolumeReclaimPolicy":"Retain","storageClassName":"standard","claimRef":{"namespace":"default","name":"data"},"volumeMode":"Filesystem"},
         "status":{"phase":"Bound"}}
        """#)
        #expect(pv == ["pv1", "10Gi", "RWO,RWX", "Retain", "Bound", "default/data", "standard", "<unset>", "", "<unknown>", "Filesystem"])
        let pending = try cells("", "PersistentVolumeClaim", #"{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},"storageClassName":"standard"},"status":{"phase":"Pending"}}"#)
        #expect(pending == ["data", "Pending", "", "", "", "standard", "<unset>", "<unknown>", "<unset>"])
        let bound = try cells("", "PersistentVolumeClaim", #"{"metadata":{"name":"data"},"spec":{"volumeName":"pv1","volumeMode":"Block","storageClassName":"standard"},"status":{"phase":"Bound","accessModes":["ReadWriteOncePod"],"capacity":{"storage":"10Gi"}}}"#)
        #expect(bound[1...4] == ["Bound", "pv1", "10Gi", "RWOP"])
        #expect(bound[8] == "Block")
    }

    @Test func events() throws {
        let c = try cells("", "Event", #"""
        {"metadata":{"name":"nginx.1811","namespace":"default"},"involvedObject":{"kind":"Pod","name":"nginx","fieldPath":"spec.containers{nginx}"},
         "reason":"Pulled","message":"  Successfully pulled image \"nginx\"\n","type":"Normal","count":3,
         "firstTimestamp":"2025-01-10T11:00:00Z","lastTimestamp":"2025-01-10T11:58:00Z","source":{"component":"kubelet","host":"node-1"}}
        """#)
        #expect(c == ["2m", "Normal", "Pulled", "pod/nginx", "spec.containers{nginx}", "kubelet, node-1",
                      "Successfully pulled image \"nginx\"", "60m", "3", "nginx.1811"])
        let micro = try cells("", "Event", #"{"metadata":{"name":"e"},"involvedObject":{"kind":"Node"},"eventTime":"2025-01-10T11:59:30.000000Z","reportingComponent":"sched","reportingInstance":"sched-1","type":"Warning","reason":"X","message":"m"}"#)
        #expect(micro[0] == "30s")
        #expect(micro[3] == "node")
        #expect(micro[5] == "sched, sched-1")
        #expect(micro[8] == "1")
        let series = try cells("", "Event", #"{"metadata":{"name":"e"},"involvedObject":{"kind":"Pod","name":"p"},"count":1,"firstTimestamp":"2025-01-10T10:00:00Z","series":{"count":7,"lastObservedTime":"2025-01-10T11:59:00.000000Z"}}"#)
        #expect(series[0] == "60s")
        #expect(series[8] == "7")
        let t = Registry.builtin.type(group: "", kind: "Event")!
        #expect(t.columns!.filter { $0.priority == 0 }.map(\.name) == ["Last Seen", "Type", "Reason", "Object", "Message"])
    }

    @Test func smallTables() throws {
        #expect(try cells("", "ConfigMap", #"{"metadata":{"name":"c"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}"#)[1] == "3")
        #expect(try cells("", "Secret", #"{"metadata":{"name":"s"},"type":"Opaque","data":{"a":"MQ=="}}"#)[1...2] == ["Opaque", "1"])
        #expect(try cells("", "ServiceAccount", #"{"metadata":{"name":"default"}}"#)[1] == "0")
        #expect(try cells("", "Namespace", #"{"metadata":{"name":"default"},"status":{"phase":"Active"}}"#)[1] == "Active")
        #expect(try cells("", "Endpoints", #"{"metadata":{"name":"e"},"subsets":[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"ports":[{"port":80},{"port":443}]}]}"#)[1]
            == "10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...")
        #expect(try cells("", "Endpoints", #"{"metadata":{"name":"e"}}"#)[1] == "<none>")
        #expect(try cells("networking.k8s.io", "Ingress", #"{"metadata":{"name":"i"},"spec":{"ingressClassName":"nginx","rules":[{"host":"a.com"},{"host":"b.com"},{},{"host":"d.com"},{"host":"e.com"}],"tls":[{}]},"status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}"#)[1...4]
            == ["nginx", "a.com,b.com,d.com + 2 more...", "1.2.3.4", "80, 443"])
        #expect(try cells("networking.k8s.io", "Ingress", #"{"metadata":{"name":"i"},"spec":{"rules":[{}]}}"#)[1...4] == ["<none>", "*", "", "80"])
        #expect(try cells("policy", "PodDisruptionBudget", #"{"metadata":{"name":"p"},"spec":{"minAvailable":"50%"},"status":{"disruptionsAllowed":1}}"#)[1...3] == ["50%", "N/A", "1"])
        #expect(try cells("storage.k8s.io", "StorageClass", #"{"metadata":{"name":"standard","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},"provisioner":"rancher.io/local-path","volumeBindingMode":"WaitForFirstConsumer"}"#)[0...4]
            == ["standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", "false"])
        #expect(try cells("rbac.authorization.k8s.io", "ClusterRoleBinding", #"{"metadata":{"name":"b"},"roleRef":{"kind":"ClusterRole","name":"view"},"subjects":[{"kind":"User","name":"alice"},{"kind":"Group","name":"devs"},{"kind":"ServiceAccount","name":"sa","namespace":"ns"},{"kind":"User","name":"bob"}]}"#)
            == ["b", "ClusterRole/view", "<unknown>", "alice, bob", "devs", "ns/sa"])
        #expect(try cells("autoscaling", "HorizontalPodAutoscaler", #"{"metadata":{"name":"h"},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"minReplicas":1,"maxReplicas":5,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":50}}}]},"status":{"currentReplicas":2,"currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":12}}}]}}"#)[1...5]
            == ["Deployment/web", "cpu: 12%/50%", "1", "5", "2"])
        #expect(try cells("certificates.k8s.io", "CertificateSigningRequest", #"{"metadata":{"name":"c"},"spec":{"signerName":"kubernetes.io/kube-apiserver-client","username":"alice","expirationSeconds":86400},"status":{"conditions":[{"type":"Approved","status":"True"}],"certificate":"Zm9v"}}"#)[2...5]
            == ["kubernetes.io/kube-apiserver-client", "alice", "24h", "Approved,Issued"])
        #expect(try cells("", "ResourceQuota", #"{"metadata":{"name":"q"},"status":{"hard":{"pods":"10","limits.cpu":"2","requests.cpu":"1"},"used":{"pods":"3","requests.cpu":"500m"}}}"#)[1...2]
            == ["pods: 3/10, requests.cpu: 500m/1", "limits.cpu: 0/2"])
        #expect(try cells("apps", "ControllerRevision", #"{"metadata":{"name":"r","ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet","name":"db","controller":true}]},"revision":2}"#)[1...2]
            == ["statefulset.apps/db", "2"])
        #expect(try cells("scheduling.k8s.io", "PriorityClass", #"{"metadata":{"name":"high"},"value":1000,"globalDefault":false,"preemptionPolicy":"PreemptLowerPriority"}"#)
            == ["high", "1000", "false", "<unknown>", "PreemptLowerPriority"])
    }

    @Test func kindsWithoutPrinterUseGenericTable() {
        for (g, k) in [("rbac.authorization.k8s.io", "Role"), ("rbac.authorization.k8s.io", "ClusterRole"), ("", "LimitRange"),
                       ("apiextensions.k8s.io", "CustomResourceDefinition")] {
            #expect(Registry.builtin.type(group: g, kind: k)?.columns == nil, "\(k)")
        }
    }

    @Test func fieldSelectors() throws {
        let pod = try JSON.parse(#"{"spec":{"nodeName":"n1"},"status":{"phase":"Running","podIPs":[{"ip":"10.0.0.9"}]}}"#)
        let f = Registry.builtin.type(group: "", kind: "Pod")!.fieldSelectors
        #expect(f["spec.nodeName"]?(pod) == "n1")
        #expect(f["status.phase"]?(pod) == "Running")
        #expect(f["status.podIP"]?(pod) == "10.0.0.9")
        #expect(f["spec.hostNetwork"]?(pod) == "false")
        let node = Registry.builtin.type(group: "", kind: "Node")!.fieldSelectors
        #expect(node["spec.unschedulable"]?(try JSON.parse(#"{"spec":{"unschedulable":true}}"#)) == "true")
        let ev = Registry.builtin.type(group: "", kind: "Event")!.fieldSelectors
        #expect(ev["involvedObject.name"]?(try JSON.parse(#"{"involvedObject":{"name":"x"}}"#)) == "x")
        #expect(Registry.builtin.type(group: "", kind: "Secret")!.fieldSelectors.keys.sorted() == ["type"])
    }
}
