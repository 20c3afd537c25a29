import KubeModel
import KubeTestSupport
import Testing

/// LimitRange `Pod` and `PersistentVolumeClaim` items and quota scope selectors (PriorityClass,
/// CrossNamespacePodAffinity): the API server's Forbidden texts, nothing stored.
@Suite struct AdmissionScopeTests {
    static let limits = """
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: lr
        spec:
          limits:
          - type: Pod
            max:
              cpu: "1"
          - type: PersistentVolumeClaim
            min:
              storage: 1Gi
            max:
              storage: 10Gi

        """

    static let claim = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
        spec:
          accessModes: ["ReadWriteOnce"]
          resources:
            requests:
              storage: SIZE

        """

    @Test func podItemLimitsTheSumOfContainers() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("lr.yaml", Self.limits))").exitCode == 0)
        let two = #"{"spec":{"containers":[{"name":"a","image":"nginx","resources":{"limits":{"cpu":"600m"}}},{"name":"b","image":"nginx","resources":{"limits":{"cpu":"600m"}}}]}}"#
        #expect(s.run(args: ["run", "p", "--image=nginx", "--overrides", two]) == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m

            """, exitCode: 1))
        #expect(s.run("run q --image=nginx").stderr == """
            Error from server (Forbidden): pods "q" is forbidden: maximum cpu usage per Pod is 1.  No limit is specified

            """)
        let one = #"{"spec":{"containers":[{"name":"a","image":"nginx","resources":{"limits":{"cpu":"600m"}}}]}}"#
        #expect(s.run(args: ["run", "r", "--image=nginx", "--overrides", one]).stdout == "pod/r created\n")
        #expect(s.run("get pods -o name").stdout == "pod/r\n")
    }

    @Test func claimItemBoundsTheRequest() {
        let s = TestStore()
        _ = s.run("create -f \(s.writeFile("lr.yaml", Self.limits))")
        let big = s.writeFile("big.yaml", Self.claim.replacingAll("SIZE", with: "20Gi"))
        #expect(s.run("create -f \(big)") == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): error when creating "\(big)": persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi

            """, exitCode: 1))
        let small = s.writeFile("small.yaml", Self.claim.replacingAll("SIZE", with: "500Mi"))
        #expect(s.run("apply -f \(small)").stderr == """
            Error from server (Forbidden): error when creating "\(small)": persistentvolumeclaims "data" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi

            """)
        #expect(s.run("get pvc -o name").stdout == "")
        let fine = s.writeFile("fine.yaml", Self.claim.replacingAll("SIZE", with: "5Gi"))
        #expect(s.run("apply -f \(fine)").stdout == "persistentvolumeclaim/data created\n")
    }

    static func pod(_ name: String, className: String?) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
        \(className.map { "  priorityClassName: \($0)\n" } ?? "")  containers:
          - name: c
            image: nginx

        """
    }

    @Test func priorityClassScopeSelector() {
        let s = TestStore()
        _ = s.run("create priorityclass high --value=1000")
        let quota = s.writeFile("q.yaml", """
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: high-pods
            spec:
              hard:
                pods: "1"
              scopeSelector:
                matchExpressions:
                - scopeName: PriorityClass
                  operator: In
                  values: ["high"]

            """)
        #expect(s.run("create -f \(quota)").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("a.yaml", Self.pod("a", className: "high")))").stdout == "pod/a created\n")
        let b = s.writeFile("b.yaml", Self.pod("b", className: "high"))
        #expect(s.run("create -f \(b)").stderr == """
            Error from server (Forbidden): error when creating "\(b)": pods "b" is forbidden: exceeded quota: high-pods, requested: pods=1, used: pods=1, limited: pods=1

            """)
        // A pod of another class (or none) is outside the quota's scope.
        #expect(s.run("create -f \(s.writeFile("c.yaml", Self.pod("c", className: nil)))").stdout == "pod/c created\n")
        #expect(s.run("get quota high-pods -o jsonpath={.status.used.pods}").stdout == "1")
    }

    @Test func crossNamespaceAffinityScope() {
        let s = TestStore()
        let quota = s.writeFile("q.yaml", """
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: no-cross
            spec:
              hard:
                pods: "0"
              scopeSelector:
                matchExpressions:
                - scopeName: CrossNamespacePodAffinity
                  operator: Exists

            """)
        #expect(s.run("create -f \(quota)").exitCode == 0)
        let cross = s.writeFile("x.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: x
            spec:
              affinity:
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - topologyKey: kubernetes.io/hostname
                    namespaceSelector: {}
                    labelSelector:
                      matchLabels: {app: db}
              containers:
              - name: c
                image: nginx

            """)
        #expect(s.run("create -f \(cross)").stderr == """
            Error from server (Forbidden): error when creating "\(cross)": pods "x" is forbidden: exceeded quota: no-cross, requested: pods=1, used: pods=0, limited: pods=0

            """)
        #expect(s.run("run plain --image=nginx").stdout == "pod/plain created\n")
    }
}
