import KubeModel
import KubeTestSupport
import Testing

/// The other branches of the rules the real-world charts meet once: a container's own restart policy,
/// hooks and probes of a plain init container, Secret type keys, a DaemonSet's surge with unavailability,
/// ResourceQuota amounts, a PriorityClass's preemption policy and a StatefulSet's claim retention policy.
@Suite struct KindRuleBranchTests {
    static let manifests = """
        apiVersion: v1
        kind: Pod
        metadata: {name: rp}
        spec:
          initContainers:
          - {name: init, image: busybox, lifecycle: {postStart: {exec: {command: [x]}}}, startupProbe: {exec: {command: [x]}}}
          containers:
          - {name: c, image: nginx, restartPolicy: Always}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: tls}
        type: kubernetes.io/tls
        data: {}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: ba}
        type: kubernetes.io/basic-auth
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: sat}
        type: kubernetes.io/service-account-token
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ds}
        spec:
          updateStrategy: {rollingUpdate: {maxSurge: 1}}
          selector: {matchLabels: {a: b}}
          template:
            metadata: {labels: {a: b}}
            spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: q}
        spec: {hard: {pods: 1500m, count/jobs.batch: "2", cpu: "-1"}}
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: pc}
        value: 10
        preemptionPolicy: Sometimes
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: st}
        spec:
          persistentVolumeClaimRetentionPolicy: {whenDeleted: Keep}
          selector: {matchLabels: {a: b}}
          template:
            metadata: {labels: {a: b}}
            spec: {containers: [{name: c, image: nginx}]}

        """

    @Test func eachDocumentIsRefusedWithItsText() {
        let s = TestStore()
        let f = s.writeFile("misc.yaml", Self.manifests)
        let r = s.run("create -f \(f)")
        #expect(r.exitCode == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == #"Error from server (Invalid): error when creating "misc.yaml": Pod "rp" is invalid: [spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers, spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always, spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always]\#nError from server (Invalid): error when creating "misc.yaml": Secret "tls" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]\#nError from server (Invalid): error when creating "misc.yaml": Secret "ba" is invalid: [data[username]: Required value, data[password]: Required value]\#nError from server (Invalid): error when creating "misc.yaml": Secret "sat" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value\#nError from server (Invalid): error when creating "misc.yaml": DaemonSet.apps "ds" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero\#nError from server (Invalid): error when creating "misc.yaml": ResourceQuota "q" is invalid: [spec.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0, spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer]\#nError from server (Invalid): error when creating "misc.yaml": PriorityClass.scheduling.k8s.io "pc" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"\#nError from server (Invalid): error when creating "misc.yaml": StatefulSet.apps "st" is invalid: spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Delete", "Retain"\#n"#.replacingAll("misc.yaml", with: f))
    }
}
