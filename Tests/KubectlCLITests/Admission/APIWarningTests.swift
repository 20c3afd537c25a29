import KubeModel
import KubeTestSupport
import Testing

/// The API server's write warnings (v1.32 GetWarningsForPod / PodTemplate / PersistentVolume /
/// PersistentVolumeClaim texts): kubectl prints each as `Warning: ...` and the write succeeds.
@Suite struct APIWarningTests {
    @Test func podWarningsOnCreateOnly() {
        let s = TestStore()
        let f = s.writeFile("w.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: w
              annotations:
                scheduler.alpha.kubernetes.io/critical-pod: ""
            spec:
              nodeSelector:
                beta.kubernetes.io/arch: amd64
              terminationGracePeriodSeconds: -5
              imagePullSecrets:
              - name: a
              - name: a
              containers:
              - name: c
                image: nginx
                env:
                - name: A
                  value: "1"
                - name: A
                  value: "$(A)-2"
                - name: A
                  value: "3"
                resources:
                  requests:
                    memory: 1.5
                ports:
                - containerPort: 80
                  hostIP: 10.0.0.1
              volumes:
              - name: g
                gitRepo:
                  repository: https://example.com/x.git
              - name: e
                ephemeral:
                  volumeClaimTemplate:
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources:
                        requests:
                          storage: 100m

            """)
        let r = s.run("create -f \(f)")
        #expect(r == CLIResult(stdout: "pod/w created\n", stderr: """
            Warning: spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead
            Warning: metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead
            Warning: spec.volumes[0].gitRepo: deprecated in v1.11
            Warning: spec.volumes[1].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]: fractional byte value "100m" is invalid, must be an integer
            Warning: spec.imagePullSecrets[1].name: duplicate name "a"
            Warning: spec.containers[0].resources.requests[memory]: fractional byte value "1500m" is invalid, must be an integer
            Warning: spec.containers[0].env[2]: hides previous definition of "A", which may be dropped when using apply
            Warning: spec.containers[0].ports[0]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:TCP HostIP:10.0.0.1}
            Warning: spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1

            """, exitCode: 0))
        // Pod updates are not warned about (the server skips them).
        #expect(s.run("label pod w x=y") == CLIResult(stdout: "pod/w labeled\n", stderr: "", exitCode: 0))
    }

    @Test func templateWarnsWhenItsSpecChanges() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector:
                matchLabels: {app: d}
              template:
                metadata:
                  labels: {app: d}
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions:
                          - {key: failure-domain.beta.kubernetes.io/zone, operator: Exists}
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 1
                        podAffinityTerm: {topologyKey: kubernetes.io/hostname}
                  containers:
                  - name: c
                    image: nginx

            """)
        let warnings = """
            Warning: spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead
            Warning: spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod

            """
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "deployment.apps/d created\n", stderr: warnings, exitCode: 0))
        // Metadata only: the generation stays, no warning; a spec change warns again (the scale
        // subresource updates the Deployment through its own strategy, which warns as well).
        #expect(s.run("label deploy d x=y").stderr == "")
        #expect(s.run("scale deploy d --replicas=2").stderr == warnings)
        #expect(s.run(args: ["patch", "deploy", "d", "-p", #"{"spec":{"replicas":3}}"#]).stderr == warnings)
    }

    @Test func volumesAndClaims() {
        let s = TestStore()
        let f = s.writeFile("pv.yaml", """
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv-a
            spec:
              capacity: {storage: 1Mi}
              accessModes: [ReadWriteOnce]
              persistentVolumeReclaimPolicy: Recycle
              rbd:
                monitors: [10.0.0.1]
                image: foo
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: c
              annotations:
                volume.beta.kubernetes.io/storage-class: standard
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1.5

            """)
        #expect(s.run("apply -f \(f)") == CLIResult(stdout: "persistentvolume/pv-a created\npersistentvolumeclaim/c created\n", stderr: """
            Warning: spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.
            Warning: spec.rbd: deprecated in v1.28, non-functional in v1.31+
            Warning: metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" attribute instead
            Warning: spec.resources.requests[storage]: fractional byte value "1500m" is invalid, must be an integer

            """, exitCode: 0))
    }
}
