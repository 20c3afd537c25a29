import KubeTestSupport
import Testing

/// autoscaling/v2 `spec.behavior`: defaults filled in by the API server, rate policies over the HPA's own
/// scale events within each policy's period, and the stabilization windows, with the controller's
/// conditions (ScaleUpLimit, ScaleDownLimit, ScaleDownStabilized).
@Suite struct HPABehaviorTests {
    func hpa(_ s: TestStore, target: Int, behavior: String) -> String {
        s.writeFile("hpa.yaml", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 5
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: \(target)}}
              behavior:
            \(behavior)

            """)
    }

    func replicas(_ s: TestStore) -> String { s.run("get deploy web -o jsonpath={.spec.replicas}").stdout }

    func condition(_ s: TestStore, _ type: String) -> String {
        s.run("get hpa web -o 'jsonpath={.status.conditions[?(@.type==\"\(type)\")].reason}'").stdout
    }

    @Test func scaleUpPolicyLimitsTheRatePerPeriod() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        #expect(s.run("set resources deployment web --requests=cpu=100m").exitCode == 0)
        let file = hpa(s, target: 50, behavior: """
                scaleUp:
                  policies:
                  - {type: Pods, value: 1, periodSeconds: 60}
            """)
        #expect(s.run("create -f \(file)").exitCode == 0)
        // The API server fills in both directions (the scale-down window stays the controller's 300 s).
        #expect(s.run("get hpa web -o jsonpath={.spec.behavior}").stdout
            == #"{"scaleDown":{"policies":[{"periodSeconds":15,"type":"Percent","value":100}],"selectPolicy":"Max"},"scaleUp":{"policies":[{"periodSeconds":60,"type":"Pods","value":1}],"selectPolicy":"Max","stabilizationWindowSeconds":0}}"#)
        s.setNow("2026-11-23T12:00:15Z")
        #expect(replicas(s) == "2")
        // 100% of requests against 50% wants 4, but one pod per 60 s: held at 2 until the period is over.
        s.setNow("2026-11-23T12:00:45Z")
        #expect(replicas(s) == "2")
        #expect(condition(s, "ScalingLimited") == "ScaleUpLimit")
        s.setNow("2026-11-23T12:01:14Z")
        #expect(replicas(s) == "2")
        s.setNow("2026-11-23T12:01:15Z")
        #expect(replicas(s) == "3")
        s.setNow("2026-11-23T12:03:20Z")
        #expect(replicas(s) == "5")
        #expect(condition(s, "ScalingLimited") == "TooManyReplicas")
        let described = s.run("describe hpa web").stdout
        #expect(described.contains("""
            Behavior:
              Scale Up:
                Stabilization Window: 0 seconds
                Select Policy: Max
                Policies:
                  - Type: Pods  Value: 1  Period: 60 seconds
              Scale Down:
                Select Policy: Max
                Policies:
                  - Type: Percent  Value: 100  Period: 15 seconds
            Deployment pods:
            """))
        #expect(described.contains("New size: 3; reason: cpu resource utilization (percentage of request) above target\n"))
    }

    @Test func scaleDownWindowThenPolicy() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=5").exitCode == 0)
        #expect(s.run("set resources deployment web --requests=cpu=100m").exitCode == 0)
        let file = hpa(s, target: 250, behavior: """
                scaleDown:
                  stabilizationWindowSeconds: 30
                  policies:
                  - {type: Pods, value: 1, periodSeconds: 30}
            """)
        #expect(s.run("create -f \(file)").exitCode == 0)
        // ceil(5 x 100/250) = 2, but the first sync's recommendation (5) holds for the 30 s window.
        s.setNow("2026-11-23T12:00:30Z")
        #expect(replicas(s) == "5")
        #expect(condition(s, "AbleToScale") == "ScaleDownStabilized")
        // Then one pod per 30 s.
        s.setNow("2026-11-23T12:00:45Z")
        #expect(replicas(s) == "4")
        #expect(condition(s, "ScalingLimited") == "ScaleDownLimit")
        s.setNow("2026-11-23T12:01:14Z")
        #expect(replicas(s) == "4")
        s.setNow("2026-11-23T12:01:15Z")
        #expect(replicas(s) == "3")
        s.setNow("2026-11-23T12:03:00Z")
        #expect(replicas(s) == "1")
        #expect(s.run("describe hpa web").stdout.contains("New size: 4; reason: All metrics below target\n"))
    }

    @Test func disabledScaleDownKeepsTheSize() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=4").exitCode == 0)
        #expect(s.run("set resources deployment web --requests=cpu=100m").exitCode == 0)
        let file = hpa(s, target: 400, behavior: """
                scaleDown:
                  selectPolicy: Disabled
            """)
        #expect(s.run("create -f \(file)").exitCode == 0)
        s.setNow("2026-11-23T12:30:00Z")
        #expect(replicas(s) == "4")
        #expect(condition(s, "ScalingLimited") == "ScaleDownLimit")
    }
}
