import KubeTestSupport
import Testing

/// LimitRanger on pod create: container defaults with the `kubernetes.io/limit-ranger` annotation, and
/// min/max/ratio refusals with the plugin's texts.
@Suite struct LimitRangeTests {
    static let range = """
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: lr
        spec:
          limits:
          - type: Container
            default:
              cpu: 500m
              memory: 256Mi
            defaultRequest:
              cpu: 100m
            max:
              cpu: "1"
            min:
              cpu: 50m
            maxLimitRequestRatio:
              memory: "2"

        """

    static func pod(_ resources: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: c
            image: nginx
            resources:
        \(resources)

        """
    }

    @Test func defaultsAndAnnotation() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("lr.yaml", Self.range))").stdout == "limitrange/lr created\n")
        #expect(s.run("run a --image=nginx").stdout == "pod/a created\n")
        #expect(s.run(args: ["get", "pod", "a", "-o", #"jsonpath={.metadata.annotations.kubernetes\.io/limit-ranger}"#]).stdout
            == "LimitRanger plugin set: cpu, memory request for container a; cpu, memory limit for container a")
        #expect(s.run("get pod a -o jsonpath={.spec.containers[0].resources}").stdout
            == #"{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"100m","memory":"256Mi"}}"#)
        #expect(s.run("get pod a -o jsonpath={.status.qosClass}").stdout == "Burstable")
    }

    @Test func maxMinAndRatio() {
        let s = TestStore()
        _ = s.run("create -f \(s.writeFile("lr.yaml", Self.range))")
        let big = s.writeFile("big.yaml", Self.pod("      limits:\n        cpu: \"2\""))
        #expect(s.run("create -f \(big)") == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): error when creating "\(big)": pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2

            """, exitCode: 1))
        let small = s.writeFile("small.yaml", Self.pod("      requests:\n        cpu: 10m"))
        #expect(s.run("create -f \(small)").stderr.hasSuffix("pods \"p\" is forbidden: minimum cpu usage per Container is 50m, but request is 10m\n"))
        let ratio = s.writeFile("ratio.yaml", Self.pod("      requests:\n        memory: 100Mi\n      limits:\n        memory: 300Mi"))
        #expect(s.run("create -f \(ratio)").stderr.hasSuffix("pods \"p\" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 3.000000\n"))
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
    }
}
