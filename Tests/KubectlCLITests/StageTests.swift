import KubeTestSupport
import Testing

/// kwok Stages through the CLI: the Stage API is served, kwok-managed nodes and their pods follow the
/// default stages, a user's stage takes over, and delays play out on the clock between commands.
@Suite struct StageTests {
    static let kwokNode = """
        apiVersion: v1
        kind: Node
        metadata:
          name: kwok-node-0
          annotations:
            kwok.x-k8s.io/node: fake
          labels:
            type: kwok
        spec:
          taints:
          - effect: NoSchedule
            key: kwok.x-k8s.io/node
            value: fake
        """

    static let kwokPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: fake
        spec:
          nodeSelector:
            type: kwok
          tolerations:
          - key: kwok.x-k8s.io/node
            operator: Exists
            effect: NoSchedule
          containers:
          - name: c
            image: not-a-real-image
        """

    @Test func theStageAPIIsInstalledByTheFirstStage() {
        let s = TestStore()
        // As on a kind cluster: no such resource type until kwok's CRD is there.
        #expect(s.run("get stages").stderr == "error: the server doesn't have a resource type \"stages\"\n")
        #expect(s.run("get crd").stderr == "No resources found\n")
        let f = s.writeFile("stage.yaml", """
            apiVersion: kwok.x-k8s.io/v1alpha1
            kind: Stage
            metadata:
              name: slow
            spec:
              resourceRef: {apiGroup: v1, kind: Pod}
              selector: {matchLabels: {app: slow}}
              next: {event: {type: Normal, reason: Slow, message: slow start}}
            """)
        #expect(s.run("apply -f \(f)").stdout == "stage.kwok.x-k8s.io/slow created\n")
        #expect(s.run("get stage slow -o jsonpath={.spec.selector.matchLabels.app}").stdout == "slow")
        #expect(s.run("get crd -o name").stdout == "customresourcedefinition.apiextensions.k8s.io/stages.kwok.x-k8s.io\n")
        let r = s.run("api-resources --api-group=kwok.x-k8s.io --no-headers")
        #expect(r.stdout == "stages         kwok.x-k8s.io/v1alpha1   false   Stage\n", "\(r.stderr)")
    }

    @Test func aKwokNodeAndItsPodFollowTheDefaultStages() {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("node.yaml", Self.kwokNode))").exitCode == 0)
        #expect(s.run("get node kwok-node-0 -o jsonpath={.status.nodeInfo.kubeletVersion}/{.status.phase}").stdout == "kwok-v0.7.0/Running")
        #expect(s.run("apply -f \(s.writeFile("pod.yaml", Self.kwokPod))").exitCode == 0)
        // The image does not exist, but no kubelet pulls on a kwok node: the pod is Running at once.
        let row = s.run("get pod fake --no-headers -o wide").stdout
        #expect(row.hasPrefix("fake   1/1   Running   0     0s    10.244.1.2   kwok-node-0"))
    }

    @Test func aChaosStageTurnsANodeNotReadyAfterItsDelay() throws {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("node.yaml", Self.kwokNode))").exitCode == 0)
        let stage = try #require(readTextFile(KwokFixtures.root + "/node/chaos/node-not-ready.yaml"))
        #expect(s.run("apply -f \(s.writeFile("stage.yaml", stage))").stdout == "stage.kwok.x-k8s.io/node-not-ready created\n")
        #expect(s.run("label node kwok-node-0 node-not-ready.stage.kwok.x-k8s.io=true").exitCode == 0)
        // The stage waits 1 to 2 seconds.
        #expect(s.run("get node kwok-node-0 --no-headers").stdout.contains(" Ready "))
        s.setNow("2026-11-23T12:00:03Z")
        #expect(s.run("get node kwok-node-0 --no-headers").stdout.contains(" NotReady "))
        let ready = s.run("get node kwok-node-0 -o 'jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}'").stdout
        #expect(ready == "nodeFailed")
    }

    @Test func aUserStageReplacesTheDefaultOfTheSameName() {
        let s = TestStore()
        let f = s.writeFile("stage.yaml", """
            apiVersion: kwok.x-k8s.io/v1alpha1
            kind: Stage
            metadata:
              name: pod-ready
            spec:
              resourceRef: {apiGroup: v1, kind: Pod}
              selector:
                matchExpressions:
                - {key: .status.phase, operator: In, values: [Pending]}
                - {key: .status.podIP, operator: DoesNotExist}
              delay: {durationMilliseconds: 30000}
              next:
                event: {type: Normal, reason: Started, message: slow container started}
                statusTemplate: |
                  phase: Running
                  podIP: 10.9.9.9
                  podIPs:
                  - ip: 10.9.9.9
            """)
        #expect(s.run("apply -f \(f)").exitCode == 0)
        #expect(s.run("apply -f \(s.writeFile("node.yaml", Self.kwokNode))").exitCode == 0)
        #expect(s.run("apply -f \(s.writeFile("pod.yaml", Self.kwokPod))").exitCode == 0)
        #expect(s.run("get pod fake -o jsonpath={.status.phase}").stdout == "Pending")
        s.setNow("2026-11-23T12:00:29Z")
        #expect(s.run("get pod fake -o jsonpath={.status.phase}").stdout == "Pending")
        s.setNow("2026-11-23T12:00:31Z")
        #expect(s.run("get pod fake -o jsonpath={.status.phase}/{.status.podIP}").stdout == "Running/10.9.9.9")
        let events = s.run("get events --field-selector reason=Started -o jsonpath={.items[*].message}").stdout
        #expect(events == "slow container started")
    }

    @Test func aStageCanDeleteWhatItSelects() {
        let s = TestStore()
        let f = s.writeFile("stage.yaml", """
            apiVersion: kwok.x-k8s.io/v1alpha1
            kind: Stage
            metadata:
              name: expire
            spec:
              resourceRef: {apiGroup: v1, kind: ConfigMap}
              selector:
                matchAnnotations: {expire: "yes"}
              delay:
                durationMilliseconds: 60000
                durationFrom: {expressionFrom: '.metadata.annotations["expire-at"]'}
              next: {delete: true}
            """)
        #expect(s.run("apply -f \(f)").exitCode == 0)
        #expect(s.run("create configmap a").exitCode == 0)
        #expect(s.run("annotate configmap a expire=yes").exitCode == 0)
        #expect(s.run("create configmap b").exitCode == 0)
        #expect(s.run("annotate configmap b expire=yes expire-at=2026-11-23T12:00:10Z").exitCode == 0)
        s.setNow("2026-11-23T12:00:11Z")
        #expect(s.run("get configmap -o name").stdout == "configmap/a\nconfigmap/kube-root-ca.crt\n")
        s.setNow("2026-11-23T12:01:01Z")
        #expect(s.run("get configmap -o name").stdout == "configmap/kube-root-ca.crt\n")
    }
}

enum KwokFixtures {
    static let root = besideTest("../KubeAPITests/Fixtures/kwok-stages")
}
