import KubeTestSupport
import Testing

/// A node that stops being Ready: the node lifecycle controller's taints, pods marked not ready, and
/// the taint-eviction controller's evictions after the pods' tolerationSeconds (graceful: Terminating
/// while the node is unreachable).
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
        // 300 s after the taint (DefaultTolerationSeconds), the pods are evicted: Terminating for as long as
        // the node is unreachable (no kubelet confirms); their replacements cannot be scheduled.
        s.setNow("2026-11-23T12:05:39Z")
        #expect(s.run("get pods -o name").stdout == pods)
        s.setNow("2026-11-23T12:05:41Z")
        let after = s.run("get pods --no-headers").stdout.split(separator: "\n")
        #expect(after.count == 4)
        let old = pods.split(separator: "\n").map { String($0.dropFirst(4)) }
        // The unreachable kubelet never reported its containers stopped: READY stays 1/1.
        let cells = after.map { $0.split(separator: " ").map(String.init) }
        #expect(cells.filter { $0[1] == "1/1" && $0[2] == "Terminating" }.map { $0[0] } == old)
        #expect(cells.filter { $0[1] == "0/1" && $0[2] == "Pending" }.count == 2)
        // Evicted at 12:05:40 (the taint came at 12:00:40), 30 s of grace.
        #expect(s.run("get pod \(old[0]) -o jsonpath={.metadata.deletionTimestamp}/{.metadata.deletionGracePeriodSeconds}").stdout
            == "2026-11-23T12:06:10Z/30")
        s.setNow("2026-11-23T13:00:00Z")
        #expect(s.run("get pods --no-headers").stdout.split(separator: "\n").filter { $0.contains("Terminating") }.count == 2)
        // The kubelet reports again: the node loses its taints and the evicted pods are gone.
        #expect(s.run(#"patch node node-1 --subresource=status -p '{"status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status"}]}}'"#).exitCode == 0)
        #expect(s.run("get pods -o name").stdout.split(separator: "\n").count == 2)
        #expect(!s.run("get pods -o name").stdout.contains(old[0]))
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
        #expect(s.run("get pod brief").stdout == "NAME    READY   STATUS        RESTARTS   AGE\nbrief   1/1     Terminating   0          51s\n")
        s.setNow("2026-11-23T13:00:00Z")
        #expect(s.run("get pod sturdy --no-headers").stdout.contains(" Running "))
        #expect(s.run("get pod brief --no-headers").stdout.contains(" Terminating "))
    }
}
