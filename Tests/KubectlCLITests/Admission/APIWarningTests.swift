import KubeModel
import KubeTestSupport
import Testing

/// The API server's write warnings (v1.32 GetWarningsForPod / PodTemplate / PersistentVolume /
/// PersistentVolumeClaim texts): kubectl prints each as `Warning: ...` and the write succeeds.
@Suite struct APIWarningTests {
    /// v1.32's GetWarningsForService on every write: IPs netip.ParseAddr refuses (leading zeros, which validation's
    /// sloppy parser accepts) or IPv6 not in RFC 5952 form, the same for source ranges (netip.ParsePrefix), the
    /// deprecated topology annotation, external IPs or name that the type ignores. The texts are Go's
    /// (`ParseAddr("...")` errors of Go 1.23's net/netip, `%q` quoting).
    @Test func serviceIPWarnings() {
        let s = TestStore()
        let svc = """
            apiVersion: v1
            kind: Service
            metadata:
              name: ips
              annotations: {service.kubernetes.io/topology-aware-hints: auto}
            spec:
              type: LoadBalancer
              clusterIP: 10.96.010.20
              externalIPs: ["192.168.001.5", "2001:DB8::1", "2001:db8:0:0:0:0:0:2", "::ffff:1.2.3.4", "10.1.2.3"]
              loadBalancerIP: "010.1.1.1"
              loadBalancerSourceRanges: ["10.0.0.0/8", "2001:DB8::/32", "010.0.0.0/8", "10.0.0.0/08"]
              externalName: foo.example.com
              selector: {app: a}
              ports: [{port: 80}]
            """
        let want = [
            "annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead",
            #"spec.clusterIPs[0]: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr("10.96.010.20"): IPv4 field has octet with leading zero"#,
            #"spec.externalIPs[0]: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr("192.168.001.5"): IPv4 field has octet with leading zero"#,
            #"spec.externalIPs[1]: IPv6 address "2001:DB8::1" is not in RFC 5952 canonical format ("2001:db8::1"), which may cause controller apply-loops"#,
            #"spec.externalIPs[2]: IPv6 address "2001:db8:0:0:0:0:0:2" is not in RFC 5952 canonical format ("2001:db8::2"), which may cause controller apply-loops"#,
            #"spec.loadBalancerIP: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr("010.1.1.1"): IPv4 field has octet with leading zero"#,
            #"spec.loadBalancerSourceRanges[1]: IPv6 prefix "2001:DB8::/32" is not in RFC 5952 canonical format ("2001:db8::/32"), which may cause controller apply-loops"#,
            #"spec.loadBalancerSourceRanges[2]: IP prefix was accepted, but will be invalid in a future Kubernetes release: netip.ParsePrefix("010.0.0.0/8"): ParseAddr("010.0.0.0"): IPv4 field has octet with leading zero"#,
            #"spec.loadBalancerSourceRanges[3]: IP prefix was accepted, but will be invalid in a future Kubernetes release: netip.ParsePrefix("10.0.0.0/08"): bad bits after slash: "08""#,
            #"spec.externalName is ignored when spec.type is not "ExternalName""#,
        ].map { "Warning: \($0)\n" }.joined()
        let r = s.run("create -f -", stdin: svc)
        #expect(r == CLIResult(stdout: "service/ips created\n", stderr: want, exitCode: 0))
        // Every update warns again (the strategy's WarningsOnUpdate), dry runs too.
        let l = s.run("label svc ips a=b --dry-run=server")
        #expect(l.stderr == want)
        #expect(l.stdout == "service/ips labeled (server dry run)\n")
        // ExternalName with external IPs; canonical addresses warn about nothing else.
        let en = s.run("create -f -", stdin: """
            apiVersion: v1
            kind: Service
            metadata: {name: en}
            spec: {type: ExternalName, externalName: db.example.com, externalIPs: ["10.1.2.3", "2001:db8::5"]}
            """)
        #expect(en.stderr == "Warning: spec.externalIPs is ignored when spec.type is \"ExternalName\"\n")
        #expect(s.run("create svc clusterip plain --tcp=80").stderr == "")
    }

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
