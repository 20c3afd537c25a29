import KubeModel
import KubeTestSupport
import Testing

/// Field rules for NetworkPolicies, Service IP families and storage (StorageClass, PersistentVolume,
/// PersistentVolumeClaim) with v1.32's texts; StorageClass fields that cannot change, and a claim's
/// resize rules (the PersistentVolumeClaimResize admission plugin and the shrink limit).
@Suite struct NetworkStorageRuleTests {
    /// Ports (protocol, numbers, endPort), peers (one kind, ipBlock alone, CIDRs, strict except), policy types.
    @Test func networkPolicyPortsPeersAndTypes() {
        FieldRuleTests.refused("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: np
            spec:
              podSelector:
                matchLabels: {app: db}
              ingress:
              - ports:
                - {protocol: ICMP, port: 70000}
                - {port: http, endPort: 90}
                - {port: 100, endPort: 80}
                from:
                - {}
                - ipBlock: {cidr: 10.0.0.0/33}
                - ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}
                  podSelector: {}
              egress:
              - to:
                - ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}
              policyTypes: [Ingress, egress]

            """, """
            The NetworkPolicy "np" is invalid: 
            * spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"
            * spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive
            * spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric
            * spec.ingress[0].ports[2].endPort: Invalid value: 80: must be greater than or equal to `port`
            * spec.ingress[0].from[0]: Required value: must specify a peer
            * spec.ingress[0].from[1].ipBlock.cidr: Invalid value: "10.0.0.0/33": not a valid CIDR
            * spec.ingress[0].from[2].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`
            * spec.ingress[0].from[2]: Forbidden: may not specify both ipBlock and another peer
            * spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`
            * spec.policyTypes[1]: Unsupported value: "egress": supported values: "Ingress", "Egress"

            """, check: "get networkpolicies -o name")
    }

    /// clusterIP/clusterIPs agreement, families, family policy, dual-stack IPs.
    @Test func serviceClusterIPsAndFamilies() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              clusterIP: 10.96.0.50
              clusterIPs: [10.96.0.51, "fd00::1", 10.96.0.52]
              ipFamilies: [IPv4, IPv4, IPv5]
              ipFamilyPolicy: DualStack
              ports:
              - port: 80

            """, """
            The Service "s" is invalid: 
            * spec.clusterIPs: Invalid value: []string{"10.96.0.51", "fd00::1", "10.96.0.52"}: first value must match `clusterIP`
            * spec.ipFamilies[1]: Duplicate value: "IPv4"
            * spec.ipFamilies[2]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"
            * spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"
            * spec.clusterIPs: Invalid value: []string{"10.96.0.51", "fd00::1", "10.96.0.52"}: may only hold up to 2 values
            * spec.clusterIPs: Invalid value: []string{"10.96.0.51", "fd00::1", "10.96.0.52"}: may specify no more than one IP for each IP family
            * spec.clusterIPs[1]: Invalid value: "fd00::1": expected an IPv4 value as indicated by `ipFamilies[1]`

            """, check: "get services -o name --field-selector metadata.name=s")
    }

    /// Provisioner name, reclaim policy and binding mode enums.
    @Test func storageClassFields() {
        FieldRuleTests.refused("""
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            provisioner: Example.com/Bad_Provisioner!
            reclaimPolicy: Recycle
            volumeBindingMode: Later

            """, """
            The StorageClass "fast" is invalid: 
            * provisioner: Invalid value: "Example.com/Bad_Provisioner!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"
            * volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"

            """, check: "get storageclasses fast -o name --ignore-not-found")
    }

    /// Access modes, capacity, reclaim policy, one volume source, volume mode.
    @Test func persistentVolumeFields() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv1
            spec:
              accessModes: [ReadWriteOncePod, ReadWriteOnce, ReadWriteSometimes]
              capacity: {storage: 0}
              persistentVolumeReclaimPolicy: Keep
              hostPath: {path: /data}
              nfs: {server: nfs.local, path: /x}
              volumeMode: Raw

            """, """
            The PersistentVolume "pv1" is invalid: 
            * spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"
            * spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes
            * spec.capacity[storage]: Invalid value: "0": must be greater than zero
            * spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"
            * spec.nfs: Forbidden: may not specify more than 1 volume type
            * spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"

            """, check: "get pv -o name")
    }

    /// A local volume must say which node it is on.
    @Test func localVolumeNeedsNodeAffinity() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv2
            spec:
              capacity: {storage: 1Gi}
              accessModes: [ReadWriteOnce]
              local: {path: /mnt/disk}

            """, """
            The PersistentVolume "pv2" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity

            """, check: "get pv -o name")
    }

    /// A claim names its access modes and its storage request.
    @Test func claimNeedsAccessModesAndStorage() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: c
            spec:
              accessModes: []
              resources:
                requests: {}

            """, """
            The PersistentVolumeClaim "c" is invalid: 
            * spec.accessModes: Required value
            * spec.resources[storage]: Required value

            """, check: "get pvc -o name")
    }

    /// A StorageClass's parameters, provisioner, reclaim policy and binding mode cannot change; its
    /// `allowVolumeExpansion` can. Defaults: `reclaimPolicy: Delete`, `volumeBindingMode: Immediate`.
    @Test func storageClassUpdates() {
        let s = TestStore()
        let f = s.writeFile("sc.yaml", """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            provisioner: example.com/fast
            parameters: {type: ssd}

            """)
        #expect(s.run("apply -f \(f)").stdout == "storageclass.storage.k8s.io/fast created\n")
        #expect(s.run("get sc fast -o jsonpath={.reclaimPolicy}/{.volumeBindingMode}").stdout == "Delete/Immediate")
        let g = s.writeFile("sc2.yaml", """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            provisioner: example.com/slow
            parameters: {type: hdd}
            reclaimPolicy: Retain
            volumeBindingMode: WaitForFirstConsumer

            """)
        #expect(s.run("apply -f \(g)") == CLIResult(stdout: "", stderr: """
            The StorageClass "fast" is invalid: 
            * parameters: Forbidden: updates to parameters are forbidden.
            * provisioner: Forbidden: updates to provisioner are forbidden.
            * reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.
            * volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable

            """, exitCode: 1))
        #expect(s.run("get sc fast -o jsonpath={.provisioner}").stdout == "example.com/fast")
        #expect(s.run(args: ["patch", "sc", "fast", "-p", #"{"allowVolumeExpansion":true}"#]).stdout == "storageclass.storage.k8s.io/fast patched\n")
    }

    /// A bound claim grows only when its class allows expansion, and may not shrink to its capacity.
    @Test func claimResize() {
        let s = TestStore()
        let f = s.writeFile("pvc.yaml", """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: grow
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests: {storage: 2Gi}

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        // The default class binds the claim once a pod uses it.
        #expect(s.run(args: ["run", "user", "--image=nginx", #"--overrides={"spec":{"volumes":[{"name":"d","persistentVolumeClaim":{"claimName":"grow"}}]}}"#]).exitCode == 0)
        #expect(s.run("get pvc grow -o jsonpath={.status.phase}").stdout == "Bound")
        let grow = ["patch", "pvc", "grow", "-p", #"{"spec":{"resources":{"requests":{"storage":"5Gi"}}}}"#]
        #expect(s.run(args: grow) == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): persistentvolumeclaims "grow" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize

            """, exitCode: 1))
        #expect(s.run(args: ["patch", "sc", "standard", "-p", #"{"allowVolumeExpansion":true}"#]).exitCode == 0)
        #expect(s.run(args: grow).stdout == "persistentvolumeclaim/grow patched\n")
        #expect(s.run(args: ["patch", "pvc", "grow", "-p", #"{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}"#]) == CLIResult(stdout: "", stderr: """
            The PersistentVolumeClaim "grow" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity

            """, exitCode: 1))
        #expect(s.run("get pvc grow -o jsonpath={.spec.resources.requests.storage}").stdout == "5Gi")
    }

    /// A cluster IP the client chooses must be free (kube-dns has 10.96.0.10); a node port in 30000-32767 and free.
    @Test func serviceAllocation() {
        let s = TestStore()
        #expect(s.run("create service clusterip b --tcp=80 --clusterip=10.96.0.10").stderr == """
            error: failed to create ClusterIP service: Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated

            """)
        #expect(s.run("create service clusterip c --tcp=80 --clusterip=10.96.0.200").stdout == "service/c created\n")
        #expect(s.run("create service nodeport d --tcp=80 --node-port=80").stderr.hasSuffix(
            "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n"))
        #expect(s.run("create service nodeport e --tcp=80 --node-port=30080").exitCode == 0)
        #expect(s.run("create service nodeport f --tcp=80 --node-port=30080").stderr.hasSuffix(
            "spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n"))
        #expect(s.run("get services -o name").stdout == "service/c\nservice/e\nservice/kubernetes\n")
    }

    /// A chosen cluster IP must lie in kind's service range 10.96.0.0/16, without its network and
    /// broadcast addresses (the upstream scripts' 10.0.0.12 comes from their test server's 10.0.0.0/24).
    @Test func serviceClusterIPRange() {
        let s = TestStore()
        for ip in ["10.0.0.12", "10.96.0.0", "10.96.255.255", "10.97.0.1"] {
            #expect(s.run("create service clusterip b --tcp=80 --clusterip=\(ip)") == CLIResult(stdout: "", stderr: """
                error: failed to create ClusterIP service: Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"\(ip)"}: failed to allocate IP \(ip): the provided IP (\(ip)) is not in the valid range. The range of valid IPs is 10.96.0.0/16

                """, exitCode: 1))
        }
        #expect(s.run("create service clusterip b --tcp=80 --clusterip=10.96.255.254 --dry-run=server -o jsonpath={.spec.clusterIPs}").stdout
            == #"["10.96.255.254"]"#)
        #expect(s.run("get services -o name").stdout == "service/kubernetes\n")
    }

    /// A changed `clusterIP` with the stored `clusterIPs` beside it is refused once, for the new address
    /// (the server first sets `clusterIPs` from `clusterIP`).
    @Test func changedClusterIPIsRefusedOnce() {
        let s = TestStore()
        #expect(s.run("create service clusterip a --tcp=80 --clusterip=None").exitCode == 0)
        let f = s.writeFile("a.yaml", """
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            spec:
              clusterIP: 10.96.0.12
              ports: [{port: 80}]

            """)
        #expect(s.run("apply -f \(f)") == CLIResult(stdout: "", stderr: """
            Warning: resource services/a is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.
            The Service "a" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.12"}: may not change once set

            """, exitCode: 1))
        #expect(s.run("get service a -o jsonpath={.spec.clusterIPs}").stdout == #"["None"]"#)
    }
}
