import KubeTestSupport
import Testing

/// Command sequences from the study notes, replayed end to end: what `get` shows after the
/// controllers, scheduler and kubelet settled.
@Suite struct ControllerScenarioTests {
    func podNames(_ s: TestStore, _ selector: String = "") -> [String] {
        s.run("get pods -o name \(selector)").stdout.split(separator: "\n").map { String($0.dropFirst(4)) }
    }

    @Test func deploymentShowsReplicaSetAndRunningPods() {
        let s = TestStore()
        let f = s.writeFile("deploy.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: kubia
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: kubia
              template:
                metadata:
                  labels:
                    app: kubia
                spec:
                  containers:
                  - name: nodejs
                    image: luksa/kubia:v1

            """)
        #expect(s.run("create -f \(f)").stdout == "deployment.apps/kubia created\n")
        #expect(s.run("get deploy").stdout == """
            NAME    READY   UP-TO-DATE   AVAILABLE   AGE
            kubia   3/3     3            3           0s

            """)
        let rs = s.run("get rs -o name").stdout.split(separator: "\n").map(String.init)
        #expect(rs.count == 1)
        let rsName = String(rs[0].dropFirst("replicaset.apps/".count))
        let hash = String(rsName.dropFirst("kubia-".count))
        #expect(!hash.isEmpty && hash.allSatisfy { "456789bcdf".contains($0) })
        let pad = String(repeating: " ", count: rsName.count - 1)
        #expect(s.run("get rs").stdout == "NAME\(pad)DESIRED   CURRENT   READY   AGE\n\(rsName)   3         3         3       0s\n")
        let pods = podNames(s)
        #expect(pods.count == 3)
        #expect(pods.allSatisfy { $0.hasPrefix(rsName + "-") && $0.count == rsName.count + 6 })
        let table = s.run("get pods -l app=kubia -o wide").stdout.split(separator: "\n").dropFirst()
        #expect(table.count == 3)
        #expect(table.allSatisfy { $0.contains("   1/1     Running   0          0s    10.244.0.") && $0.contains("   node-1   <none>           <none>") })
        let events = s.run("get events --field-selector involvedObject.kind=Deployment").stdout
        #expect(events.contains("Normal   ScalingReplicaSet   deployment/kubia   Scaled up replica set \(rsName) from 0 to 3"))
        // Deleting the deployment removes its ReplicaSet; its pods are Terminating until their kubelet
        // has stopped them (a second later).
        #expect(s.run("delete deploy kubia").exitCode == 0)
        #expect(s.run("get pods").stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains("   1/1     Terminating   0          0s") })
        #expect(podNames(s).count == 3)
        s.advance(seconds: 1)
        #expect(s.run("get rs,pods").stderr == "No resources found in default namespace.\n")
    }

    @Test func relabelledPodIsReplaced() {
        let s = TestStore()
        let f = s.writeFile("rc.yaml", """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: kubia
            spec:
              replicas: 3
              selector:
                app: kubia
              template:
                metadata:
                  labels:
                    app: kubia
                spec:
                  containers:
                  - name: kubia
                    image: luksa/kubia

            """)
        #expect(s.run("create -f \(f)").stdout == "replicationcontroller/kubia created\n")
        let pods = podNames(s)
        #expect(pods.count == 3)
        #expect(s.run("label pod \(pods[0]) app=foo --overwrite").stdout == "pod/\(pods[0]) labeled\n")
        #expect(podNames(s, "-l app=kubia").count == 3)
        #expect(podNames(s, "-l app=foo") == [pods[0]])
        #expect(s.run("get rc").stdout == """
            NAME    DESIRED   CURRENT   READY   AGE
            kubia   3         3         3       0s

            """)
    }

    /// A pod labelled back into a ReplicaSet that is already full is adopted and one pod goes: the label
    /// request itself succeeds (it used to fail with `pods "" not found` when the excess pod deleted was
    /// the one just labelled).
    @Test func podLabelledBackIntoAFullReplicaSet() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=3").exitCode == 0)
        let pod = podNames(s)[0]
        #expect(s.run("label pod \(pod) app=other --overwrite").stdout == "pod/\(pod) labeled\n")
        #expect(podNames(s, "-l app=web").count == 3)
        let back = s.run("label pod \(pod) app=web --overwrite")
        #expect(back.stdout == "pod/\(pod) labeled\n")
        #expect(back.stderr == "")
        #expect(back.exitCode == 0)
        // The excess pod is Terminating until its containers stop (1 s), then gone.
        #expect(s.run("get pods -l app=web").stdout.split(separator: "\n").filter { $0.contains("Terminating") }.count == 1)
        s.advance(seconds: 1)
        #expect(podNames(s, "-l app=web").count == 3)
        #expect(podNames(s, "-l app=other").isEmpty)
    }

    @Test func statefulSetWithClaims() {
        let s = TestStore()
        let f = s.writeFile("sts.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: kubia
            spec:
              serviceName: kubia
              replicas: 2
              selector:
                matchLabels:
                  app: kubia
              template:
                metadata:
                  labels:
                    app: kubia
                spec:
                  containers:
                  - name: kubia
                    image: luksa/kubia-pet
                    volumeMounts:
                    - name: data
                      mountPath: /var/data
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  resources:
                    requests:
                      storage: 1Mi
                  accessModes:
                  - ReadWriteOnce

            """)
        #expect(s.run("create -f \(f)").stdout == "statefulset.apps/kubia created\n")
        #expect(s.run("get pods").stdout == """
            NAME      READY   STATUS    RESTARTS   AGE
            kubia-0   1/1     Running   0          0s
            kubia-1   1/1     Running   0          0s

            """)
        let pvc = s.run("get pvc").stdout
        #expect(pvc.hasPrefix("NAME           STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\ndata-kubia-0   Bound    pvc-"))
        #expect(pvc.contains("\ndata-kubia-1   Bound    pvc-"))
        #expect(s.run("get sts").stdout == "NAME    READY   AGE\nkubia   2/2     0s\n")
        #expect(s.run("delete pod kubia-0").exitCode == 0)
        #expect(podNames(s) == ["kubia-0", "kubia-1"])
        #expect(s.run("delete sts kubia").exitCode == 0)
        #expect(s.run("get pvc -o name").stdout == "persistentvolumeclaim/data-kubia-0\npersistentvolumeclaim/data-kubia-1\n")
    }

    @Test func daemonSetOnLabelledNodes() {
        let s = TestStore()
        let nodes = s.writeFile("node.yaml", """
            apiVersion: v1
            kind: Node
            metadata:
              name: node-2

            """)
        #expect(s.run("create -f \(nodes)").stdout == "node/node-2 created\n")
        #expect(s.run("get nodes").stdout == """
            NAME     STATUS   ROLES           AGE   VERSION
            node-1   Ready    control-plane   0s    v1.32.5
            node-2   Ready    <none>          0s    v1.32.5

            """)
        let f = s.writeFile("ds.yaml", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: ssd-monitor
            spec:
              selector:
                matchLabels:
                  app: ssd-monitor
              template:
                metadata:
                  labels:
                    app: ssd-monitor
                spec:
                  nodeSelector:
                    disk: ssd
                  containers:
                  - name: main
                    image: luksa/ssd-monitor

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get ds").stdout == """
            NAME          DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            ssd-monitor   0         0         0       0            0           disk=ssd        0s

            """)
        #expect(s.run("label node node-2 disk=ssd").stdout == "node/node-2 labeled\n")
        let pods = podNames(s)
        #expect(pods.count == 1 && pods[0].hasPrefix("ssd-monitor-"))
        #expect(s.run("get pods -o wide").stdout.contains("   10.244.1.2   node-2   <none>           <none>\n"))
        #expect(s.run("label node node-2 disk=hdd --overwrite").exitCode == 0)
        // As the study notes show it: the pod is Terminating, then gone.
        #expect(s.run("get po").stdout == "NAME                READY   STATUS        RESTARTS   AGE\n\(pods[0])   1/1     Terminating   0          0s\n")
        s.advance(seconds: 1)
        #expect(podNames(s).isEmpty)
    }

    @Test func jobWithCompletionsAndParallelism() {
        let s = TestStore()
        let f = s.writeFile("job.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: multi-completion-batch-job
            spec:
              completions: 5
              parallelism: 2
              template:
                metadata:
                  labels:
                    app: batch-job
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: main
                    image: luksa/batch-job

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get jobs").stdout == """
            NAME                         STATUS     COMPLETIONS   DURATION   AGE
            multi-completion-batch-job   Complete   5/5           0s         0s

            """)
        let lines = s.run("get pods").stdout.split(separator: "\n").dropFirst()
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.hasPrefix("multi-completion-batch-job-") && $0.hasSuffix("   0/1     Completed   0          0s") })
    }

    @Test func cronJobOverAMovingClock() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        let f = s.writeFile("cron.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: batch-job-every-fifteen-minutes
            spec:
              schedule: "0,15,30,45 * * * *"
              jobTemplate:
                spec:
                  template:
                    metadata:
                      labels:
                        app: periodic-batch-job
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: main
                        image: luksa/batch-job

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get jobs").stderr == "No resources found in default namespace.\n")
        s.setNow("2026-11-23T12:16:00Z")
        let minutes = 1_795_435_200 / 60 + 15  // 2026-11-23T12:15:00Z
        #expect(s.run("get jobs -o name").stdout == "job.batch/batch-job-every-fifteen-minutes-\(minutes)\n")
        #expect(s.run("get cronjobs").stdout == """
            NAME                              SCHEDULE             TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            batch-job-every-fifteen-minutes   0,15,30,45 * * * *   <none>     False     0        60s             16m

            """)
        // 12:30 and 12:45 passed meanwhile: each ran at its time (three Jobs fit the history limit).
        s.setNow("2026-11-23T12:46:00Z")
        #expect(s.run("get jobs -o name").stdout == """
            job.batch/batch-job-every-fifteen-minutes-\(minutes)
            job.batch/batch-job-every-fifteen-minutes-\(minutes + 15)
            job.batch/batch-job-every-fifteen-minutes-\(minutes + 30)

            """)
    }

    @Test func nodeSelectorSchedulingWaitsForLabel() {
        let s = TestStore()
        let f = s.writeFile("gpu.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kubia-gpu
            spec:
              nodeSelector:
                gpu: "true"
              containers:
              - image: luksa/kubia
                name: kubia

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get pod kubia-gpu").stdout == "NAME        READY   STATUS    RESTARTS   AGE\nkubia-gpu   0/1     Pending   0          0s\n")
        #expect(s.run("get events --field-selector reason=FailedScheduling").stdout == """
            LAST SEEN   TYPE      REASON             OBJECT          MESSAGE
            0s          Warning   FailedScheduling   pod/kubia-gpu   0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.

            """)
        #expect(s.run("label node node-1 gpu=true").exitCode == 0)
        #expect(s.run("get pod kubia-gpu -o wide").stdout.contains("kubia-gpu   1/1     Running   0          0s    10.244.0."))
    }
}

