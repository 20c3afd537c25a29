import KubeTestSupport
import Testing

/// A node that stops being Ready: the node lifecycle controller's taints, pods marked not ready, and
/// the taint-eviction controller's evictions after the pods' tolerationSeconds.
@Suite struct NodeLifecycleTests {
    static let kubeletStops = """
        apiVersion: kwok.x-k8s.io/v1alpha1
        kind: Stage
        metadata:
          name: kubelet-stops
        spec:
          resourceRef: {apiGroup: v1, kind: Node}
          selector:
            matchLabels: {simulate: kubelet-down}
            matchExpressions:
            - key: '.status.conditions.[] | select( .type == "Ready" ) | .status'
              operator: In
              values: ["True"]
          delay: {durationMilliseconds: 40000}
          next:
            statusTemplate: |
              conditions:
              {{ range .status.conditions }}
              - lastHeartbeatTime: {{ .lastHeartbeatTime | Quote }}
                lastTransitionTime: {{ Now | Quote }}
                message: Kubelet stopped posting node status.
                reason: NodeStatusUnknown
                status: Unknown
                type: {{ .type | Quote }}
              {{ end }}
        """

    @Test func podsAreEvictedAfterTheirTolerationSeconds() {
        let s = TestStore()
        #expect(s.run("create deploy web --image=nginx --replicas=2").exitCode == 0)
        #expect(s.run("apply -f \(s.writeFile("stage.yaml", Self.kubeletStops))").exitCode == 0)
        #expect(s.run("label node node-1 simulate=kubelet-down").exitCode == 0)
        s.setNow("2026-11-23T12:00:41Z")
        #expect(s.run("get nodes --no-headers").stdout == "node-1   NotReady   control-plane   41s   v1.32.5\n")
        let taints = s.run("get node node-1 -o jsonpath={.spec.taints[*].key}:{.spec.taints[*].effect}").stdout
        #expect(taints == "node.kubernetes.io/unreachable node.kubernetes.io/unreachable:NoExecute NoSchedule")
        let pods = s.run("get pods -o name").stdout
        #expect(pods.split(separator: "\n").count == 2)
        #expect(s.run("get events --field-selector reason=NodeNotReady,involvedObject.kind=Node -o jsonpath={.items[*].message}").stdout
            == "Node node-1 status is now: NodeNotReady")
        // 300 s after the taint (DefaultTolerationSeconds), the pods go; their replacements cannot be scheduled.
        s.setNow("2026-11-23T12:05:39Z")
        #expect(s.run("get pods -o name").stdout == pods)
        s.setNow("2026-11-23T12:05:41Z")
        let after = s.run("get pods --no-headers").stdout
        #expect(!after.contains(pods.split(separator: "\n")[0].dropFirst(4)))
        #expect(after.split(separator: "\n").allSatisfy { $0.contains("0/1   Pending") })
        let evictions = s.run("get events --field-selector reason=TaintManagerEviction -o jsonpath={.items[*].message}").stdout
        #expect(evictions.hasPrefix("Marking for deletion Pod default/web-"))
        #expect(s.run("get events --field-selector reason=FailedScheduling -o jsonpath={.items[0].message}").stdout
            == "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
    }

    @Test func aPodThatToleratesTheTaintStays() {
        let s = TestStore()
        let pod = s.writeFile("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: sturdy}
            spec:
              containers: [{name: c, image: nginx}]
              tolerations:
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}
            """)
        #expect(s.run("apply -f \(pod)").exitCode == 0)
        let brief = s.writeFile("brief.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: brief}
            spec:
              containers: [{name: c, image: nginx}]
              tolerations:
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 10}
            """)
        #expect(s.run("apply -f \(brief)").exitCode == 0)
        #expect(s.run("apply -f \(s.writeFile("stage.yaml", Self.kubeletStops))").exitCode == 0)
        #expect(s.run("label node node-1 simulate=kubelet-down").exitCode == 0)
        s.setNow("2026-11-23T12:00:45Z")
        #expect(s.run("get pods -o name").stdout == "pod/brief\npod/sturdy\n")
        s.setNow("2026-11-23T12:00:51Z")
        #expect(s.run("get pods -o name").stdout == "pod/sturdy\n")
        s.setNow("2026-11-23T13:00:00Z")
        #expect(s.run("get pods -o name").stdout == "pod/sturdy\n")
    }
}
