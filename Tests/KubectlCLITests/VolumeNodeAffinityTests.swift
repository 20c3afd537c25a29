import KubeTestSupport
import Testing

/// Claims that bind where their pod goes (WaitForFirstConsumer) and volumes that pin pods to nodes: the
/// scheduler's VolumeBinding plugin and the local-path provisioner, as a user of a two-node cluster sees them.
@Suite struct VolumeNodeAffinityTests {
    func node(_ s: TestStore, _ pod: String) -> String {
        s.run("get pod \(pod) -o jsonpath={.spec.nodeName}").stdout
    }

    func lastEvent(_ s: TestStore, _ pod: String) -> String {
        let out = s.run("describe pod \(pod)").stdout
        return String(out.split(separator: "\n").last ?? "")
    }

    let secondNode = """
        apiVersion: v1
        kind: Node
        metadata:
          name: node-2
          labels: {kubernetes.io/hostname: node-2, disk: ssd}

        """

    func pod(_ name: String, claim: String, selector: String? = nil) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name)}
        spec:
          containers: [{name: app, image: nginx}]
        \(selector.map { "  nodeSelector: {\($0)}\n" } ?? "")  volumes: [{name: data, persistentVolumeClaim: {claimName: \(claim)}}]

        """
    }

    @Test func localPathClaimWaitsForItsPodThenPinsLaterPods() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: secondNode).exitCode == 0)
        #expect(s.run("create -f -", stdin: """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: local}
            provisioner: rancher.io/local-path
            reclaimPolicy: Delete
            volumeBindingMode: WaitForFirstConsumer
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec:
              storageClassName: local
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}

            """).exitCode == 0)
        #expect(s.run("get pvc data --no-headers").stdout
            == "data   Pending                     local   <unset>   0s\n")
        #expect(s.run("get pv --no-headers").stdout == "")
        #expect(s.run("describe pvc data").stdout.hasSuffix("""
              Normal  WaitForFirstConsumer  0s    persistentvolume-controller  waiting for first consumer to be created before binding

            """))

        // The first pod goes where its selector says; the claim is provisioned there.
        #expect(s.run("create -f -", stdin: pod("app1", claim: "data", selector: "disk: ssd")).exitCode == 0)
        #expect(node(s, "app1") == "node-2")
        #expect(s.run(args: ["get", "pvc", "data", "-o", #"jsonpath={.status.phase}/{.metadata.annotations.volume\.kubernetes\.io/selected-node}"#]).stdout
            == "Bound/node-2")
        let uid = s.run("get pvc data -o jsonpath={.metadata.uid}").stdout
        let pv = s.run("get pv pvc-\(uid) -o yaml").stdout
        #expect(pv.contains("""
              hostPath:
                path: /var/local-path-provisioner/pvc-\(uid)_default_data
                type: DirectoryOrCreate
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - key: kubernetes.io/hostname
                      operator: In
                      values:
                      - node-2
              persistentVolumeReclaimPolicy: Delete
              storageClassName: local
              volumeMode: Filesystem

            """), "\(pv)")
        let events = s.run(args: ["get", "events", "--field-selector", "involvedObject.name=data", "-o", #"jsonpath={range .items[*]}{.reason}{"\n"}{end}"#]).stdout
        #expect(events == "WaitForFirstConsumer\nExternalProvisioning\nProvisioning\nProvisioningSucceeded\n")
        #expect(s.run("describe pv pvc-\(uid)").stdout.contains("""
            Node Affinity:     
              Required Terms:  
                Term 0:        kubernetes.io/hostname in [node-2]

            """))

        // A later pod of the claim may only go to that node.
        #expect(s.run("create -f -", stdin: pod("app2", claim: "data")).exitCode == 0)
        #expect(node(s, "app2") == "node-2")
        #expect(s.run("create -f -", stdin: pod("app3", claim: "data", selector: "kubernetes.io/hostname: node-1")).exitCode == 0)
        #expect(node(s, "app3") == "")
        #expect(lastEvent(s, "app3") == "  Warning  FailedScheduling  0s    default-scheduler  0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't satisfy plugin(s) [VolumeBinding]. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.")
    }

    @Test func zonalVolumeConflictsUntilANodeIsInItsZone() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: secondNode).exitCode == 0)
        #expect(s.run("create -f -", stdin: """
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: zonal}
            spec:
              capacity: {storage: 1Gi}
              accessModes: [ReadWriteOnce]
              hostPath: {path: /data}
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: zonal}
            spec:
              storageClassName: ""
              volumeName: zonal
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}

            """).exitCode == 0)
        #expect(s.run("get pvc zonal -o jsonpath={.status.phase}").stdout == "Bound")
        #expect(s.run("create -f -", stdin: pod("web", claim: "zonal")).exitCode == 0)
        #expect(node(s, "web") == "")
        #expect(lastEvent(s, "web") == "  Warning  FailedScheduling  0s    default-scheduler  0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.")
        #expect(s.run("label node node-2 topology.kubernetes.io/zone=a").exitCode == 0)
        #expect(node(s, "web") == "node-2")
    }

    @Test func noProvisionerClassWaitsForAVolumeOnAFittingNode() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: secondNode).exitCode == 0)
        #expect(s.run("create -f -", stdin: """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: manual}
            provisioner: kubernetes.io/no-provisioner
            volumeBindingMode: WaitForFirstConsumer
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: disk}
            spec:
              storageClassName: manual
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}

            """).exitCode == 0)
        #expect(s.run("create -f -", stdin: pod("db", claim: "disk")).exitCode == 0)
        #expect(node(s, "db") == "")
        #expect(lastEvent(s, "db") == "  Warning  FailedScheduling  0s    default-scheduler  0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.")
        // A local volume on node-1: the scheduler gives it to the claim and the pod follows it.
        #expect(s.run("create -f -", stdin: """
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: local-1}
            spec:
              capacity: {storage: 5Gi}
              accessModes: [ReadWriteOnce]
              storageClassName: manual
              local: {path: /mnt/disks/a}
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-1]}]

            """).exitCode == 0)
        #expect(node(s, "db") == "node-1")
        #expect(s.run("get pvc disk -o jsonpath={.status.phase}/{.spec.volumeName}/{.metadata.annotations}").stdout
            == "Bound/local-1/{\"pv.kubernetes.io/bind-completed\":\"yes\",\"pv.kubernetes.io/bound-by-controller\":\"yes\"}")
    }
}
