import KubeModel
import KubeRegistry
import Testing

@testable import KubeAPI

/// A cluster in memory, with helpers to write and read objects through the API server.
final class Cluster {
    let server: APIServer
    init(now: String = "2026-11-23T12:00:00Z") throws {
        server = try APIServer.inMemory(registry: Registry.builtin, clock: Clock(now: Timestamp(rfc3339: now)!))
    }
    func type(_ group: String, _ kind: String) -> ResourceType { Registry.builtin.type(group: group, kind: kind)! }
    @discardableResult
    func create(_ yaml: JSONValue, _ group: String = "", _ kind: String, ns: String = "default") throws -> JSONValue {
        try server.write { try $0.create(yaml, type: type(group, kind), namespace: ns) }
    }
    @discardableResult
    func update(_ group: String, _ kind: String, _ name: String, ns: String = "default", _ change: (inout JSONValue) -> Void) throws -> JSONValue {
        try server.write { s in
            var o = try s.get(type(group, kind), namespace: ns, name: name)
            change(&o)
            return try s.update(o, type: type(group, kind))
        }
    }
    func delete(_ group: String, _ kind: String, _ name: String, ns: String = "default") throws {
        try server.write { _ = try $0.delete(type(group, kind), namespace: ns, name: name) }
    }
    func list(_ group: String, _ kind: String, ns: String? = "default") throws -> [JSONValue] {
        try server.read { try $0.list(type(group, kind), namespace: ns) }
    }
    func get(_ group: String, _ kind: String, _ name: String, ns: String = "default") throws -> JSONValue? {
        try server.read { try $0.find(type(group, kind), namespace: ns, name: name) }
    }
    func names(_ group: String, _ kind: String, ns: String? = "default") throws -> [String] {
        try list(group, kind, ns: ns).map { $0["metadata"]["name"].string ?? "" }
    }
    /// Pods not being deleted (a deleted pod stays Terminating until its kubelet has stopped it).
    func livePods(ns: String? = "default") throws -> [JSONValue] {
        try list("", "Pod", ns: ns).filter { $0["metadata"]["deletionTimestamp"].isNull }
    }
    func terminatingNames(ns: String? = "default") throws -> [String] {
        try list("", "Pod", ns: ns).filter { !$0["metadata"]["deletionTimestamp"].isNull }.map { $0["metadata"]["name"].string ?? "" }
    }
    /// The kubelets finish stopping every Terminating pod, as the seconds after a deletion do in a cluster.
    func settle() throws {
        let podType = type("", "Pod")
        try server.write { s in
            for pod in try s.list(podType, namespace: nil) where !pod["metadata"]["deletionTimestamp"].isNull {
                _ = try s.finishDeletion(podType, namespace: pod["metadata"]["namespace"].string ?? "", name: pod["metadata"]["name"].string ?? "",
                                         uid: pod["metadata"]["uid"].string ?? "", withinSeconds: 3600)
            }
        }
    }
    /// `settle` until no pod is Terminating (a rollout that replaces pods one at a time).
    func settleAll() throws {
        for _ in 0..<20 where try !terminatingNames(ns: nil).isEmpty { try settle() }
    }
    func events(reason: String) throws -> [String] {
        try list("", "Event").filter { $0["reason"].string == reason }.map { $0["message"].string ?? "" }
    }
}

func deployment(_ name: String, replicas: Int64 = 3, image: String = "nginx:1.27", labels: JSONValue = ["app": "web"]) -> JSONValue {
    ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)],
     "spec": ["replicas": .int(replicas), "selector": ["matchLabels": labels],
              "template": ["metadata": ["labels": labels],
                           "spec": ["containers": [["name": "nginx", "image": .string(image)]]]]]]
}

func isHash(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { "456789bcdf".contains($0) } }
func isSuffix(_ s: Substring) -> Bool { s.count == 5 && s.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) } }

@Suite struct DeploymentControllerTests {
    @Test func createsReplicaSetAndRunningPods() throws {
        let c = try Cluster()
        try c.create(deployment("web"), "apps", "Deployment")
        let rss = try c.list("apps", "ReplicaSet")
        #expect(rss.count == 1)
        let rs = rss[0]
        let rsName = rs["metadata"]["name"].string!
        #expect(rsName.hasPrefix("web-") && isHash(rsName.dropFirst(4)))
        let hash = String(rsName.dropFirst(4))
        #expect(rs["metadata"]["labels"]["pod-template-hash"].string == hash)
        #expect(rs["spec"]["selector"]["matchLabels"]["pod-template-hash"].string == hash)
        #expect(rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string == "1")
        #expect(rs["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"].string == "3")
        #expect(rs["metadata"]["annotations"]["deployment.kubernetes.io/max-replicas"].string == "4")
        #expect(rs["metadata"]["ownerReferences"][0]["kind"].string == "Deployment")
        #expect(rs["status"]["readyReplicas"].int == 3)
        let pods = try c.list("", "Pod")
        #expect(pods.count == 3)
        for p in pods {
            let n = p["metadata"]["name"].string!
            #expect(n.hasPrefix(rsName + "-") && isSuffix(n.dropFirst(rsName.count + 1)))
            #expect(p["status"]["phase"].string == "Running")
            #expect(p["spec"]["nodeName"].string == "node-1")
            #expect(p["status"]["podIP"].string?.hasPrefix("10.244.0.") == true)
            #expect(p["status"]["containerStatuses"][0]["image"].string == "docker.io/library/nginx:1.27")
            #expect(p["status"]["containerStatuses"][0]["containerID"].string?.count == "containerd://".count + 64)
            #expect(p["metadata"]["ownerReferences"][0]["name"].string == rsName)
        }
        let d = try c.get("apps", "Deployment", "web")!
        #expect(d["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string == "1")
        #expect(d["status"]["availableReplicas"].int == 3)
        #expect(d["status"]["updatedReplicas"].int == 3)
        #expect(d["status"]["observedGeneration"].int == 1)
        #expect(d["status"]["conditions"][0]["reason"].string == "MinimumReplicasAvailable")
        #expect(d["status"]["conditions"][1]["message"].string == "ReplicaSet \"\(rsName)\" has successfully progressed.")
        #expect(try c.events(reason: "ScalingReplicaSet") == ["Scaled up replica set \(rsName) from 0 to 3"])
        #expect(try c.events(reason: "Scheduled").count == 3)
    }

    @Test func hashIsStableForTheSameTemplate() throws {
        let a = try Cluster(), b = try Cluster()
        try a.create(deployment("web"), "apps", "Deployment")
        try b.create(deployment("web"), "apps", "Deployment")
        #expect(try a.names("apps", "ReplicaSet") == b.names("apps", "ReplicaSet"))
    }

    @Test func rollingUpdateRevisionsAndRollback() throws {
        let c = try Cluster()
        try c.create(deployment("web"), "apps", "Deployment")
        let first = try c.names("apps", "ReplicaSet")[0]
        try c.update("apps", "Deployment", "web") {
            $0["spec"]["template"]["spec"]["containers"] = [["name": "nginx", "image": "nginx:1.28"]]
            $0["metadata"]["annotations"]["kubernetes.io/change-cause"] = "image 1.28"
        }
        let rss = try c.list("apps", "ReplicaSet")
        #expect(rss.count == 2)
        let second = rss.first { $0["metadata"]["name"].string != first }!
        #expect(second["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string == "2")
        #expect(second["metadata"]["annotations"]["kubernetes.io/change-cause"].string == "image 1.28")
        #expect(second["spec"]["replicas"].int == 3)
        #expect(try c.get("apps", "ReplicaSet", first)!["spec"]["replicas"].int == 0)
        // The old pods are Terminating until their kubelet has stopped them.
        #expect(try c.terminatingNames().count == 3)
        try c.settle()
        let pods = try c.list("", "Pod")
        #expect(pods.count == 3)
        #expect(pods.allSatisfy { $0["spec"]["containers"][0]["image"].string == "nginx:1.28" })
        let secondName = second["metadata"]["name"].string!
        // The rolling steps of a 25%/25% strategy on 3 replicas.
        let scaling = try c.events(reason: "ScalingReplicaSet")
        #expect(Set(scaling) == [
            "Scaled up replica set \(first) from 0 to 3",
            "Scaled up replica set \(secondName) from 0 to 1", "Scaled down replica set \(first) from 3 to 2",
            "Scaled up replica set \(secondName) from 1 to 2", "Scaled down replica set \(first) from 2 to 1",
            "Scaled up replica set \(secondName) from 2 to 3", "Scaled down replica set \(first) from 1 to 0",
        ])
        // Back to the first template: the first ReplicaSet becomes revision 3 and remembers 1.
        try c.update("apps", "Deployment", "web") {
            $0["spec"]["template"]["spec"]["containers"] = [["name": "nginx", "image": "nginx:1.27"]]
        }
        let back = try c.get("apps", "ReplicaSet", first)!
        #expect(back["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string == "3")
        #expect(back["metadata"]["annotations"]["deployment.kubernetes.io/revision-history"].string == "1")
        #expect(back["spec"]["replicas"].int == 3)
        #expect(try c.get("apps", "Deployment", "web")!["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string == "3")
    }

    @Test func recreateScalesDownFirst() throws {
        let c = try Cluster()
        var d = deployment("web", replicas: 2)
        d["spec"]["strategy"] = ["type": "Recreate"]
        try c.create(d, "apps", "Deployment")
        let first = try c.names("apps", "ReplicaSet")[0]
        try c.update("apps", "Deployment", "web") { $0["spec"]["template"]["spec"]["containers"] = [["name": "nginx", "image": "nginx:1.28"]] }
        let msgs = try c.events(reason: "ScalingReplicaSet")
        #expect(msgs.contains("Scaled down replica set \(first) from 2 to 0"))
        // Recreate starts the new pods once the old ones are gone.
        #expect(try c.terminatingNames().count == 2 && c.livePods().isEmpty)
        try c.settle()
        #expect(try c.list("", "Pod").count == 2)
        #expect(try c.list("", "Pod").allSatisfy { $0["spec"]["containers"][0]["image"].string == "nginx:1.28" })
    }

    @Test func revisionHistoryLimitPrunesOldReplicaSets() throws {
        let c = try Cluster()
        var d = deployment("web", replicas: 1)
        d["spec"]["revisionHistoryLimit"] = 1
        try c.create(d, "apps", "Deployment")
        for tag in ["1.1", "1.2", "1.3"] {
            try c.update("apps", "Deployment", "web") { $0["spec"]["template"]["spec"]["containers"] = [["name": "nginx", "image": .string("nginx:" + tag)]] }
        }
        let rss = try c.list("apps", "ReplicaSet")
        #expect(rss.count == 2)
        #expect(Set(rss.compactMap { $0["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string }) == ["3", "4"])
    }

    @Test func pausedDeploymentDoesNotRollOut() throws {
        let c = try Cluster()
        try c.create(deployment("web", replicas: 1), "apps", "Deployment")
        try c.update("apps", "Deployment", "web") {
            $0["spec"]["paused"] = true
            $0["spec"]["template"]["spec"]["containers"] = [["name": "nginx", "image": "nginx:1.28"]]
        }
        #expect(try c.list("apps", "ReplicaSet").count == 1)
        let d = try c.get("apps", "Deployment", "web")!
        #expect(d["status"]["conditions"][1]["reason"].string == "DeploymentPaused")
        try c.update("apps", "Deployment", "web") { $0["spec"]["paused"] = false }
        #expect(try c.list("apps", "ReplicaSet").count == 2)
    }

    @Test func scalingToAThousandSettles() throws {
        let c = try Cluster()
        // A node runs at most 110 pods (its allocatable `pods`): 1,000 replicas need ten nodes.
        for i in 2...10 { try c.create(["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string("node-\(i)")]], "", "Node", ns: "") }
        try c.create(deployment("big", replicas: 1), "apps", "Deployment")
        try c.update("apps", "Deployment", "big") { $0["spec"]["replicas"] = 1000 }
        let d = try c.get("apps", "Deployment", "big")!
        #expect(d["status"]["readyReplicas"].int == 1000)
        let pods = try c.list("", "Pod")
        #expect(pods.count == 1000)
        // Spread by fewest pods, kube-system's included (the control plane and CoreDNS on node-1, kube-proxy everywhere).
        let perNode = Dictionary(grouping: try c.list("", "Pod", ns: nil), by: { $0["spec"]["nodeName"].string ?? "" }).values.map(\.count)
        #expect(perNode.count == 10 && perNode.max()! - perNode.min()! <= 1)
        // The spam filter lets 25 events about the ReplicaSet through, as client-go's recorder does (its
        // bucket holds across commands: the first pod's event, with the create, took one), and its
        // aggregator combines similar events from the tenth different message on: nine stand alone, the
        // 16 after them are one `(combined from similar events)` event. The 975 occurrences it dropped
        // count on that event's next write.
        let created = try c.list("", "Event").filter { $0["reason"].string == "SuccessfulCreate" }
        #expect(created.count == 9 + 1)
        let combined = created.filter { ($0["message"].string ?? "").hasPrefix("(combined from similar events): Created pod: big-") }
        #expect(combined.map { $0["count"].int } == [16])
        try c.update("apps", "Deployment", "big") { $0["spec"]["replicas"] = 2 }
        #expect(try c.livePods().count == 2)
        try c.settle()
        #expect(try c.list("", "Pod").count == 2)
    }

    @Test func deletingOwnedReplicaSetRecreatesIt() throws {
        let c = try Cluster()
        try c.create(deployment("web", replicas: 2), "apps", "Deployment")
        let rs = try c.names("apps", "ReplicaSet")[0]
        try c.delete("apps", "ReplicaSet", rs)
        #expect(try c.names("apps", "ReplicaSet") == [rs])
        #expect(try c.livePods().filter { $0["status"]["phase"].string == "Running" }.count == 2)
        try c.delete("apps", "Deployment", "web")
        #expect(try c.list("apps", "ReplicaSet").isEmpty)
        #expect(try c.livePods().isEmpty)
        try c.settle()
        #expect(try c.list("", "Pod").isEmpty)
    }
}

@Suite struct ReplicaSetControllerTests {
    func replicaSet(_ n: Int64) -> JSONValue {
        ["apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": ["name": "kubia"],
         "spec": ["replicas": .int(n), "selector": ["matchLabels": ["app": "kubia"]],
                  "template": ["metadata": ["labels": ["app": "kubia"]],
                               "spec": ["containers": [["name": "kubia", "image": "luksa/kubia"]]]]]]
    }

    @Test func relabelledPodIsReleasedAndReplaced() throws {
        let c = try Cluster()
        try c.create(replicaSet(3), "apps", "ReplicaSet")
        let pods = try c.names("", "Pod")
        #expect(pods.count == 3)
        try c.update("", "Pod", pods[0]) { $0["metadata"]["labels"]["app"] = "foo" }
        let released = try c.get("", "Pod", pods[0])!
        #expect(released["metadata"]["ownerReferences"].isNull)
        let now = try c.list("", "Pod")
        #expect(now.count == 4)
        #expect(now.filter { $0["metadata"]["labels"]["app"].string == "kubia" }.count == 3)
        #expect(try c.get("apps", "ReplicaSet", "kubia")!["status"]["replicas"].int == 3)
    }

    @Test func adoptsMatchingOrphansAndScalesDown() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "orphan", "labels": ["app": "kubia"]],
                      "spec": ["containers": [["name": "c", "image": "luksa/kubia"]]]], "", "Pod")
        try c.create(replicaSet(2), "apps", "ReplicaSet")
        #expect(try c.list("", "Pod").count == 2)
        #expect(try c.get("", "Pod", "orphan")!["metadata"]["ownerReferences"][0]["name"].string == "kubia")
        try c.update("apps", "ReplicaSet", "kubia") { $0["spec"]["replicas"] = 1 }
        #expect(try c.livePods().count == 1 && c.terminatingNames().count == 1)
        try c.settle()
        #expect(try c.list("", "Pod").count == 1)
        #expect(try c.events(reason: "SuccessfulDelete").count == 1)
    }

    @Test func replicationControllerKeepsReplicas() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "ReplicationController", "metadata": ["name": "kubia"],
                      "spec": ["replicas": 3, "selector": ["app": "kubia"],
                               "template": ["metadata": ["labels": ["app": "kubia"]],
                                            "spec": ["containers": [["name": "kubia", "image": "luksa/kubia"]]]]]],
                     "", "ReplicationController")
        let pods = try c.names("", "Pod")
        #expect(pods.count == 3)
        try c.delete("", "Pod", pods[1])
        #expect(try c.terminatingNames() == [pods[1]])
        #expect(try c.livePods().count == 3)
        try c.settle()
        #expect(try c.list("", "Pod").count == 3)
        #expect(!(try c.names("", "Pod")).contains(pods[1]))
    }
}

@Suite struct WorkloadControllerTests {
    @Test func statefulSetPodsClaimsAndRevisions() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "kubia"],
                      "spec": ["serviceName": "kubia", "replicas": 3, "selector": ["matchLabels": ["app": "kubia"]],
                               "template": ["metadata": ["labels": ["app": "kubia"]],
                                            "spec": ["containers": [["name": "kubia", "image": "luksa/kubia-pet"]]]],
                               "volumeClaimTemplates": [["metadata": ["name": "data"],
                                                         "spec": ["accessModes": ["ReadWriteOnce"],
                                                                  "resources": ["requests": ["storage": "1Mi"]]]]]]],
                     "apps", "StatefulSet")
        #expect(try c.names("", "Pod") == ["kubia-0", "kubia-1", "kubia-2"])
        #expect(try c.names("", "PersistentVolumeClaim") == ["data-kubia-0", "data-kubia-1", "data-kubia-2"])
        let pod = try c.get("", "Pod", "kubia-1")!
        let crs = try c.names("apps", "ControllerRevision")
        #expect(crs.count == 1)
        #expect(pod["metadata"]["labels"]["controller-revision-hash"].string == crs[0])
        #expect(pod["metadata"]["labels"]["statefulset.kubernetes.io/pod-name"].string == "kubia-1")
        #expect(pod["metadata"]["labels"]["apps.kubernetes.io/pod-index"].string == "1")
        #expect(pod["spec"]["hostname"].string == "kubia-1")
        #expect(pod["spec"]["volumes"][0]["persistentVolumeClaim"]["claimName"].string == "data-kubia-1")
        #expect(try c.get("", "PersistentVolumeClaim", "data-kubia-0")!["status"]["phase"].string == "Bound")
        // Scale down from the highest ordinal; claims stay.
        try c.update("apps", "StatefulSet", "kubia") { $0["spec"]["replicas"] = 1 }
        // One pod at a time: kubia-1 goes only once kubia-2 is gone.
        #expect(try c.terminatingNames() == ["kubia-2"])
        try c.settle()
        #expect(try c.terminatingNames() == ["kubia-1"])
        try c.settle()
        #expect(try c.names("", "Pod") == ["kubia-0"])
        #expect(try c.names("", "PersistentVolumeClaim").count == 3)
        // A deleted pod comes back with the same name once it is gone.
        let uid = try c.get("", "Pod", "kubia-0")!["metadata"]["uid"]
        try c.delete("", "Pod", "kubia-0")
        #expect(try c.terminatingNames() == ["kubia-0"])
        try c.settle()
        #expect(try c.names("", "Pod") == ["kubia-0"])
        #expect(try c.get("", "Pod", "kubia-0")!["metadata"]["uid"] != uid)
        let sts = try c.get("apps", "StatefulSet", "kubia")!
        #expect(sts["status"]["readyReplicas"].int == 1)
        #expect(sts["status"]["currentRevision"].string == crs[0])
    }

    @Test func daemonSetFollowsNodeLabels() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "Node", "metadata": ["name": "node-2"]], "", "Node", ns: "")
        try c.create(["apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "ssd-monitor"],
                      "spec": ["selector": ["matchLabels": ["app": "ssd-monitor"]],
                               "template": ["metadata": ["labels": ["app": "ssd-monitor"]],
                                            "spec": ["nodeSelector": ["disk": "ssd"],
                                                     "containers": [["name": "main", "image": "luksa/ssd-monitor"]]]]]],
                     "apps", "DaemonSet")
        #expect(try c.list("", "Pod").isEmpty)
        try c.update("", "Node", "node-2", ns: "") { $0["metadata"]["labels"]["disk"] = "ssd" }
        let pods = try c.list("", "Pod")
        #expect(pods.count == 1)
        #expect(pods.first?["spec"]["nodeName"].string == "node-2")
        #expect(pods.first?["status"]["podIP"].string?.hasPrefix("10.244.1.") == true)
        try c.update("", "Node", "node-2", ns: "") { _ = $0.remove(["metadata", "labels", "disk"]) }
        // The study notes: the pod goes through Terminating.
        #expect(try c.livePods().isEmpty && c.terminatingNames().count == 1)
        try c.settle()
        #expect(try c.list("", "Pod").isEmpty)
        #expect(try c.get("apps", "DaemonSet", "ssd-monitor")!["status"]["desiredNumberScheduled"].int == 0)
    }

    @Test func jobRunsCompletionsWithParallelism() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "multi"],
                      "spec": ["completions": 5, "parallelism": 2,
                               "template": ["spec": ["restartPolicy": "OnFailure",
                                                     "containers": [["name": "main", "image": "luksa/batch-job"]]]]]],
                     "batch", "Job")
        let pods = try c.list("", "Pod")
        #expect(pods.count == 5)
        #expect(pods.allSatisfy { $0["status"]["phase"].string == "Succeeded" })
        #expect(pods.allSatisfy { $0["status"]["containerStatuses"][0]["state"]["terminated"]["reason"].string == "Completed" })
        let job = try c.get("batch", "Job", "multi")!
        #expect(job["status"]["succeeded"].int == 5)
        #expect(job["status"]["conditions"].array?.map { $0["type"].string ?? "" } == ["SuccessCriteriaMet", "Complete"])
        #expect(job["status"]["completionTime"].string == "2026-11-23T12:00:00Z")
        #expect(try c.events(reason: "Completed") == ["Job completed"])
    }

    @Test func cronJobCreatesDueJobs() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "batch/v1", "kind": "CronJob", "metadata": ["name": "hello"],
                      "spec": ["schedule": "*/15 * * * *", "successfulJobsHistoryLimit": 2,
                               "jobTemplate": ["spec": ["template": ["spec": ["restartPolicy": "OnFailure",
                                                                            "containers": [["name": "c", "image": "busybox"]]]]]]]],
                     "batch", "CronJob")
        #expect(try c.list("batch", "Job").isEmpty)
        var names: [String] = []
        for minute in ["12:15", "12:31", "13:00", "13:01"] {
            let later = APIServer(store: c.server.store, registry: c.server.registry,
                                  clock: Clock(now: Timestamp(rfc3339: "2026-11-23T\(minute):00Z")!))
            try later.runClockControllers()
            names = try later.read { try $0.list(Registry.builtin.type(group: "batch", kind: "Job")!, namespace: "default") }
                .map { $0["metadata"]["name"].string ?? "" }
        }
        let t1300 = Timestamp(rfc3339: "2026-11-23T13:00:00Z")!.seconds / 60
        // 12:45 ran at its own time between 12:31 and 13:00; the history limit (2) keeps the last two.
        let t1245 = Timestamp(rfc3339: "2026-11-23T12:45:00Z")!.seconds / 60
        #expect(names == ["hello-\(t1245)", "hello-\(t1300)"])
        let cj = try c.get("batch", "CronJob", "hello")!
        #expect(cj["status"]["lastScheduleTime"].string == "2026-11-23T13:00:00Z")
        #expect(cj["status"]["lastSuccessfulTime"].string == "2026-11-23T13:00:00Z")
        #expect(cj["status"]["active"].isNull)
    }
}

@Suite struct SchedulingAndVolumeTests {
    @Test func unschedulablePodWaitsForAMatchingNode() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "gpu"],
                      "spec": ["nodeSelector": ["gpu": "true"], "containers": [["name": "c", "image": "nginx"]]]], "", "Pod")
        var pod = try c.get("", "Pod", "gpu")!
        #expect(pod["status"]["phase"].string == "Pending")
        let msg = "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."
        #expect(try c.events(reason: "FailedScheduling") == [msg])
        #expect(pod["status"]["conditions"][0]["message"].string == msg)
        try c.update("", "Node", "node-1", ns: "") { $0["metadata"]["labels"]["gpu"] = "true" }
        pod = try c.get("", "Pod", "gpu")!
        #expect(pod["status"]["phase"].string == "Running")
        #expect(pod["spec"]["nodeName"].string == "node-1")
    }

    @Test func taintsAndCordon() throws {
        let c = try Cluster()
        try c.update("", "Node", "node-1", ns: "") { $0["spec"]["taints"] = [["key": "dedicated", "value": "db", "effect": "NoSchedule"]] }
        try c.create(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
                      "spec": ["containers": [["name": "c", "image": "nginx"]]]], "", "Pod")
        #expect(try c.events(reason: "FailedScheduling") == [
            "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: db}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
        ])
        try c.update("", "Node", "node-1", ns: "") { _ = $0.remove(["spec", "taints"]); $0["spec"]["unschedulable"] = true }
        let node = try c.get("", "Node", "node-1", ns: "")!
        #expect(node["spec"]["taints"][0]["key"].string == "node.kubernetes.io/unschedulable")
        #expect(try c.get("", "Pod", "p")!["status"]["phase"].string == "Pending")
        try c.update("", "Node", "node-1", ns: "") { _ = $0.remove(["spec", "unschedulable"]) }
        #expect(try c.get("", "Pod", "p")!["status"]["phase"].string == "Running")
    }

    @Test func invalidImageWaits() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "bad"],
                      "spec": ["containers": [["name": "c", "image": "Nginx"]]]], "", "Pod")
        let pod = try c.get("", "Pod", "bad")!
        #expect(pod["status"]["containerStatuses"][0]["state"]["waiting"]["reason"].string == "InvalidImageName")
        #expect(pod["status"]["phase"].string == "Pending")
    }

    @Test func claimBindsToMatchingVolumeAndIsReleased() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "PersistentVolume", "metadata": ["name": "small"],
                      "spec": ["capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"], "storageClassName": "",
                               "hostPath": ["path": "/tmp/a"]]], "", "PersistentVolume", ns: "")
        try c.create(["apiVersion": "v1", "kind": "PersistentVolume", "metadata": ["name": "big"],
                      "spec": ["capacity": ["storage": "10Gi"], "accessModes": ["ReadWriteOnce", "ReadOnlyMany"], "storageClassName": "",
                               "hostPath": ["path": "/tmp/b"]]], "", "PersistentVolume", ns: "")
        try c.create(["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": "claim"],
                      "spec": ["resources": ["requests": ["storage": "512Mi"]], "accessModes": ["ReadWriteOnce"], "storageClassName": ""]],
                     "", "PersistentVolumeClaim")
        let pvc = try c.get("", "PersistentVolumeClaim", "claim")!
        #expect(pvc["spec"]["volumeName"].string == "small")
        #expect(pvc["status"]["phase"].string == "Bound")
        #expect(try c.get("", "PersistentVolume", "small", ns: "")!["status"]["phase"].string == "Bound")
        try c.delete("", "PersistentVolumeClaim", "claim")
        #expect(try c.get("", "PersistentVolume", "small", ns: "")!["status"]["phase"].string == "Released")
    }

    @Test func dynamicProvisioningFromDefaultClass() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": "data"],
                      "spec": ["resources": ["requests": ["storage": "1Gi"]], "accessModes": ["ReadWriteOnce"]]],
                     "", "PersistentVolumeClaim")
        var pvc = try c.get("", "PersistentVolumeClaim", "data")!
        #expect(pvc["spec"]["storageClassName"].string == "standard")
        // kind's `standard` class waits for the first pod that uses the claim.
        #expect(pvc["status"]["phase"].string == "Pending" && pvc["spec"]["volumeName"].isNull)
        #expect(try c.names("", "PersistentVolume", ns: nil).isEmpty)
        try c.create(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "user"],
                      "spec": ["containers": [["name": "app", "image": "nginx"]],
                               "volumes": [["name": "data", "persistentVolumeClaim": ["claimName": "data"]]]]],
                     "", "Pod")
        pvc = try c.get("", "PersistentVolumeClaim", "data")!
        #expect(pvc["spec"]["volumeName"].string == "pvc-" + pvc["metadata"]["uid"].string!)
        #expect(pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"].string == "node-1")
        #expect(try c.names("", "PersistentVolume", ns: nil).count == 1)
        // While the pod uses it, the claim's pvc-protection finalizer keeps it and its volume.
        try c.delete("", "PersistentVolumeClaim", "data")
        #expect(try c.get("", "PersistentVolumeClaim", "data")?["metadata"]["deletionTimestamp"].isNull == false)
        #expect(try c.names("", "PersistentVolume", ns: nil).count == 1)
    }

    @Test func serviceEndpointsFollowReadyPods() throws {
        let c = try Cluster()
        try c.create(["apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
                      "spec": ["selector": ["app": "web"], "ports": [["port": 80, "targetPort": "http"]]]], "", "Service")
        try c.create(deployment("web", replicas: 2) , "apps", "Deployment")
        var ep = try c.get("", "Endpoints", "web")!
        #expect(ep["subsets"].isNull)  // the named port does not exist on the pods
        try c.update("apps", "Deployment", "web") {
            $0["spec"]["template"]["spec"]["containers"] = [["name": "nginx", "image": "nginx:1.27", "ports": [["name": "http", "containerPort": 8080]]]]
        }
        ep = try c.get("", "Endpoints", "web")!
        #expect(ep["subsets"][0]["addresses"].array?.count == 2)
        #expect(ep["subsets"][0]["ports"][0]["port"].int == 8080)
        // (The API server's own `kubernetes` slice is there too.)
        let slices = try c.list("discovery.k8s.io", "EndpointSlice").filter { $0["metadata"]["name"].string != "kubernetes" }
        #expect(slices.count == 1)
        let sliceName = slices[0]["metadata"]["name"].string!
        #expect(sliceName.hasPrefix("web-") && isSuffix(sliceName.dropFirst(4)))
        #expect(slices[0]["metadata"]["labels"]["kubernetes.io/service-name"].string == "web")
        #expect(slices[0]["endpoints"].array?.count == 2)
        try c.update("apps", "Deployment", "web") { $0["spec"]["replicas"] = 0 }
        #expect(try c.get("", "Endpoints", "web")!["subsets"].isNull)
    }
}

@Suite struct CronAndImageTests {
    func next(_ spec: String, after: String, zone: String = "UTC") -> String? {
        let s = CronSchedule(spec)!
        let z = TimeZoneInfo(name: zone)!
        return s.nextUTC(after: Timestamp(rfc3339: after)!.seconds, zone: z).map { Timestamp(seconds: $0).rfc3339 }
    }

    @Test func schedules() {
        #expect(next("*/15 * * * *", after: "2026-11-23T12:00:00Z") == "2026-11-23T12:15:00Z")
        #expect(next("@hourly", after: "2026-11-23T12:00:00Z") == "2026-11-23T13:00:00Z")
        #expect(next("0 9 * * mon-fri", after: "2026-11-27T10:00:00Z") == "2026-11-30T09:00:00Z")  // Fri -> Mon
        #expect(next("0 0 1,15 * *", after: "2026-11-23T12:00:00Z") == "2026-12-01T00:00:00Z")
        #expect(next("30 2 * jan *", after: "2026-11-23T12:00:00Z") == "2027-01-01T02:30:00Z")
        #expect(next("0 9 * * *", after: "2026-11-23T12:00:00Z", zone: "Asia/Seoul") == "2026-11-24T00:00:00Z")
        #expect(CronSchedule("61 * * * *") == nil)
        #expect(CronSchedule("* * *") == nil)
    }

    @Test func imageReferences() throws {
        #expect(try normalizeImage("nginx").get() == "docker.io/library/nginx:latest")
        #expect(try normalizeImage("luksa/kubia:v1").get() == "docker.io/luksa/kubia:v1")
        #expect(try normalizeImage("registry.k8s.io/pause:3.9").get() == "registry.k8s.io/pause:3.9")
        guard case .failure(let e) = normalizeImage("Nginx") else { Issue.record("accepted"); return }
        #expect(e.message == "invalid reference format: repository name (library/Nginx) must be lowercase")
        guard case .failure = normalizeImage("nginx:") else { Issue.record("accepted"); return }
    }
}
