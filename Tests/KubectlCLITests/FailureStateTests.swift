import KubeTestSupport
import Testing

/// Pods that cannot start, as the kubelet and scheduler report them, and how fixing the cause heals them.
@Suite struct FailureStateTests {
    func statusLine(_ s: TestStore, _ pod: String) -> String {
        let lines = s.run("get pod \(pod) --no-headers").stdout.split(separator: " ", omittingEmptySubsequences: true)
        return lines.count > 2 ? "\(lines[1]) \(lines[2])" : ""
    }

    @Test func misspelledImageFailsToPullThenBacksOffAndSetImageHeals() {
        let s = TestStore()
        #expect(s.run("run x --image=ngnix").stdout == "pod/x created\n")
        #expect(statusLine(s, "x") == "0/1 ErrImagePull")
        let pullError = "failed to pull and unpack image \"docker.io/library/ngnix:latest\": failed to resolve reference \"docker.io/library/ngnix:latest\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        #expect(s.run("get pod x -o jsonpath={.status.containerStatuses[0].state.waiting.message}").stdout == pullError)
        // The failed sync is retried 10 s later: a second pull (the image's back-off of 10 s is over), that
        // fails too and is shown until the retry at 20 s, which finds the image in its 20 s back-off.
        s.setNow("2026-11-23T12:00:05Z")
        #expect(statusLine(s, "x") == "0/1 ErrImagePull")
        s.setNow("2026-11-23T12:00:19Z")
        #expect(statusLine(s, "x") == "0/1 ErrImagePull")
        s.setNow("2026-11-23T12:00:20Z")
        #expect(statusLine(s, "x") == "0/1 ImagePullBackOff")
        #expect(s.run("get pod x -o jsonpath={.status.containerStatuses[0].state.waiting.message}").stdout
            == "Back-off pulling image \"ngnix\": ErrImagePull: " + pullError)
        // Attempts at 0 s, 10 s, 30 s and 70 s (back-off 10 s doubling), three events each; every 10 s
        // retry within a back-off records BackOff and ImagePullBackOff: 20 s; 40, 50, 60 s; 80 ... 120 s
        // (this command's time). Each meets the kubelet's spam filter at its time: 25 pass (the 25th is
        // BackOff at 100 s), the rest wait in its count for a later token (ImagePullBackOff at 100 s,
        // both at 110 and 120 s), as a kubelet retrying every 10 s records them.
        s.setNow("2026-11-23T12:02:00Z")
        let events = s.run("describe pod x").stdout
        #expect(events.contains("  Normal   Pulling    50s (x4 over 2m)    kubelet            Pulling image \"ngnix\"\n"), "\(events)")
        #expect(events.contains("  Warning  Failed     50s (x4 over 2m)    kubelet            Error: ErrImagePull\n"))
        #expect(events.contains("  Normal   BackOff    20s (x7 over 100s)  kubelet            Back-off pulling image \"ngnix\"\n"))
        #expect(events.contains("  Warning  Failed     30s (x6 over 100s)  kubelet            Error: ImagePullBackOff\n"))
        #expect(s.run("get events --no-headers").stdout.split(separator: "\n").count == 6)
        #expect(s.run("set image pod/x x=nginx").exitCode == 0)
        #expect(statusLine(s, "x") == "1/1 Running")
        // Names under a registry host or a user repository are assumed to exist; a store setting can say otherwise.
        #expect(s.run("run a --image=luksa/kubia").exitCode == 0)
        #expect(s.run("run b --image=registry.k8s.io/pause:3.10").exitCode == 0)
        #expect(statusLine(s, "a") == "1/1 Running" && statusLine(s, "b") == "1/1 Running")
    }

    /// A year idle, the pulls are counted as the kubelet makes them: at 0, 10, 30, 70, 150, 310 s (back-off
    /// 10 s doubling), then every 300 s (the cap; an entry updated every 300 s never expires): 6 + 105,118
    /// pulls, the last at +31,535,710 s, 290 s before the command. Retries within the back-offs: 1 + 3 + 7
    /// + 15, 29 per 300 s window (105,118 of them), 29 in the current one: 3,048,477. Through the spam
    /// filter one event passes per 5 minutes, the first after the token: a retry's BackOff, which carries
    /// every retry since; the pulls' events, and ImagePullBackOff (second at each retry), last passed more
    /// than an hour ago and are gone.
    @Test func aYearIdleBadImageCountsItsPullsAtTheCap() {
        let s = TestStore()
        #expect(s.run("run x --image=ngnix").exitCode == 0)
        s.setNow("2027-11-23T12:00:00Z")
        #expect(s.run("get pod x --no-headers").stdout == "x     0/1   ImagePullBackOff   0     365d\n")
        let counts = s.run("get events -o 'jsonpath={range .items[*]}{.reason}/{.message}|{.count}|{.lastTimestamp}{\"\\n\"}{end}'").stdout
        #expect(counts == "BackOff/Back-off pulling image \"ngnix\"|3048477|2027-11-23T12:00:00Z\n",
                "\(counts)")
        // The next pull comes at the cap: 10 s later.
        s.setNow("2027-11-23T12:00:10Z")
        #expect(s.run("get pod x --no-headers").stdout == "x     0/1   ErrImagePull   0     365d\n")
    }

    @Test func configMapVolumeWaitsInContainerCreatingUntilTheConfigMapExists() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: configmap-pod
            spec:
              containers:
              - name: test
                image: busybox
                volumeMounts:
                - name: config-vol
                  mountPath: /etc/config
              volumes:
              - name: config-vol
                configMap:
                  name: log-config
                  items:
                  - key: log_level
                    path: log_level
              - name: optional
                secret:
                  secretName: absent
                  optional: true

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(statusLine(s, "configmap-pod") == "0/1 ContainerCreating")
        #expect(s.run("describe pod configmap-pod").stdout.hasSuffix("""
              Warning  FailedMount  0s    kubelet            MountVolume.SetUp failed for volume "config-vol" : configmap "log-config" not found

            """))
        #expect(s.run("get pod configmap-pod -o jsonpath={.status.podIP}|{.status.phase}|{.status.conditions[0].status}").stdout == "|Pending|False")
        s.setNow("2026-11-23T12:00:30Z")
        #expect(s.run("create configmap log-config --from-literal=other=1").exitCode == 0)
        #expect(s.run("describe pod configmap-pod").stdout.contains(
            "MountVolume.SetUp failed for volume \"config-vol\" : configmap references non-existent config key: log_level"))
        #expect(statusLine(s, "configmap-pod") == "0/1 ContainerCreating")
        #expect(s.run("create configmap log-config --from-literal=log_level=debug --dry-run=client -o yaml").exitCode == 0)
        let fixed = s.writeFile("cm.yaml", s.run("create configmap log-config --from-literal=log_level=debug --dry-run=client -o yaml").stdout)
        #expect(s.run("replace -f \(fixed)").exitCode == 0)
        #expect(statusLine(s, "configmap-pod") == "1/1 Running")
    }

    @Test func missingEnvReferenceIsCreateContainerConfigError() {
        let s = TestStore()
        let f = s.writeFile("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: envpod
            spec:
              containers:
              - name: app
                image: nginx:1.27
                env:
                - name: PW
                  valueFrom:
                    secretKeyRef: {name: db, key: password}
                - name: OPT
                  valueFrom:
                    configMapKeyRef: {name: nope, key: x, optional: true}

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(statusLine(s, "envpod") == "0/1 CreateContainerConfigError")
        #expect(s.run("describe pod envpod").stdout.hasSuffix("""
              Normal   Pulled     0s    kubelet            Container image "nginx:1.27" already present on machine
              Warning  Failed     0s    kubelet            Error: secret "db" not found

            """))
        #expect(s.run("create secret generic db --from-literal=user=u").exitCode == 0)
        #expect(s.run("get pod envpod -o jsonpath={.status.containerStatuses[0].state.waiting.message}").stdout
            == "couldn't find key password in Secret default/db")
        #expect(s.run("delete secret db").exitCode == 0)
        #expect(s.run("create secret generic db --from-literal=password=p").exitCode == 0)
        #expect(statusLine(s, "envpod") == "1/1 Running")
    }

    @Test func initContainersWaitForTheirServicesInOrder() {
        let s = TestStore()
        let f = s.writeFile("myapp.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: myapp-pod
              labels:
                app: myapp
            spec:
              containers:
              - name: myapp-container
                image: busybox:1.28
                command: ['sh', '-c', 'echo The app is running! && sleep 3600']
              initContainers:
              - name: init-myservice
                image: busybox:1.28
                command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
              - name: init-mydb
                image: busybox:1.28
                command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]

            """)
        #expect(s.run("apply -f \(f)").exitCode == 0)
        #expect(s.run("get -f \(f)").stdout == """
            NAME        READY   STATUS     RESTARTS   AGE
            myapp-pod   0/1     Init:0/2   0          0s

            """)
        #expect(s.run("get pod myapp-pod -o jsonpath={.status.conditions[1].message}").stdout
            == "containers with incomplete status: [init-myservice init-mydb]")
        #expect(s.run("create service clusterip myservice --tcp=80:9376").exitCode == 0)
        #expect(statusLine(s, "myapp-pod") == "0/1 Init:1/2")
        #expect(s.run("create service clusterip mydb --tcp=80:9377").exitCode == 0)
        #expect(statusLine(s, "myapp-pod") == "1/1 Running")
    }

    @Test func claimsKeepPodsPendingWithTheSchedulersReason() {
        let s = TestStore()
        let f = s.writeFile("pods.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: pvcpod}
            spec:
              containers: [{name: app, image: nginx}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: fast}
            spec:
              storageClassName: fast
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: fastpod}
            spec:
              containers: [{name: app, image: nginx}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: fast}}]

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(statusLine(s, "pvcpod") == "0/1 Pending" && statusLine(s, "fastpod") == "0/1 Pending")
        #expect(s.run("describe pod pvcpod").stdout.hasSuffix(
            "default-scheduler  0/1 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\n"))
        #expect(s.run("describe pod fastpod").stdout.hasSuffix(
            "default-scheduler  0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\n"))
        #expect(s.run("create -f -", stdin: "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"name\":\"data\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}").exitCode == 0)
        #expect(statusLine(s, "pvcpod") == "1/1 Running")
        // A WaitForFirstConsumer class binds when a pod uses the claim.
        let wffc = s.writeFile("wffc.yaml", """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: fast}
            provisioner: rancher.io/local-path
            volumeBindingMode: WaitForFirstConsumer

            """)
        #expect(s.run("create -f \(wffc)").exitCode == 0)
        #expect(statusLine(s, "fastpod") == "1/1 Running")
        #expect(s.run("get pvc fast -o jsonpath={.status.phase}").stdout == "Bound")
        #expect(s.run("get pvc fast -o yaml").stdout.contains("    volume.kubernetes.io/selected-node: node-1\n"))
    }
}
