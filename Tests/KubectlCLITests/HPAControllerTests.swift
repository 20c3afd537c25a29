import KubeTestSupport
import Testing

/// The HPA controller over the simulated metrics (a container uses what it requests): first sync 15 s
/// after creation, then every 15 s between commands.
@Suite struct HPAControllerTests {
    func hpaRow(_ s: TestStore) -> String {
        s.run("get hpa web --no-headers").stdout.split(separator: " ", omittingEmptySubsequences: true).dropFirst().dropLast().joined(separator: " ")
    }

    @Test func scalesUpInStepsToMaxAndReportsTargets() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        #expect(s.run("set resources deployment web --requests=cpu=100m").exitCode == 0)
        #expect(s.run("autoscale deployment web --min=1 --max=5 --cpu-percent=80").stdout
            == "horizontalpodautoscaler.autoscaling/web autoscaled\n")
        #expect(hpaRow(s) == "Deployment/web cpu: <unknown>/80% 1 5 0")
        s.setNow("2026-11-23T12:00:15Z")
        #expect(hpaRow(s) == "Deployment/web cpu: 100%/80% 1 5 1")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "2")
        s.setNow("2026-11-23T12:01:00Z")
        // 2 -> 3 -> 4 -> 5 (ceil(current x 100/80), at most the maximum); REPLICAS is the size the last sync saw.
        #expect(hpaRow(s) == "Deployment/web cpu: 100%/80% 1 5 4")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "5")
        // The next sync finds 5 replicas wanting ceil(5 x 1.25) = 7: limited by the maximum.
        s.setNow("2026-11-23T12:01:15Z")
        let described = s.run("describe hpa web").stdout
        #expect(described.contains("  resource cpu on pods  (as a percentage of request):  100% (100m) / 80%\n"))
        #expect(described.contains("  ScalingLimited  True    TooManyReplicas   the desired replica count is more than the maximum replica count\n"))
        #expect(described.contains("  Normal  SuccessfulRescale  60s   horizontal-pod-autoscaler  New size: 2; reason: cpu resource utilization (percentage of request) above target\n"))
        #expect(described.contains("  Normal  SuccessfulRescale  15s   horizontal-pod-autoscaler  New size: 5; reason: cpu resource utilization (percentage of request) above target\n"))
    }

    @Test func scaleDownWaitsForTheStabilizationWindow() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=5").exitCode == 0)
        #expect(s.run("set resources deployment web --requests=cpu=100m").exitCode == 0)
        let hpa = s.writeFile("hpa.yaml", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 10
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 250}}

            """)
        #expect(s.run("create -f \(hpa)").exitCode == 0)
        // The first sync records the current size as a recommendation: for 5 minutes the highest
        // recent recommendation (5) wins over ceil(5 x 100/250) = 2.
        s.setNow("2026-11-23T12:00:15Z")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "5")
        #expect(s.run("get hpa web -o jsonpath={.status.conditions[0].reason}").stdout == "ScaleDownStabilized")
        s.setNow("2026-11-23T12:05:15Z")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "5")
        s.setNow("2026-11-23T12:05:30Z")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "2")
        // Then ceil(2 x 0.4) = 1 once the recommendations of 2 are five minutes old.
        s.setNow("2026-11-23T12:10:00Z")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "2")
        s.setNow("2026-11-23T12:11:00Z")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "1")
        #expect(s.run("describe hpa web").stdout.contains("New size: 1; reason: All metrics below target\n"))
    }

    /// A target scaled to zero: autoscaling/v2 leaves `currentReplicas: 0` out (omitempty), v1 shows it.
    @Test func zeroCurrentReplicasIsLeftOutOfV2() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=0").exitCode == 0)
        #expect(s.run("autoscale deployment web --max=4").exitCode == 0)
        s.setNow("2026-11-23T12:00:30Z")
        #expect(s.run("get hpa web -o jsonpath={.status}").stdout.hasPrefix("{\"conditions\":"))
        #expect(!s.run("get hpa web -o yaml").stdout.contains("currentReplicas"))
        #expect(s.run("get hpa.v1.autoscaling web -o yaml").stdout.hasSuffix("status:\n  currentReplicas: 0\n  desiredReplicas: 0\n"))
    }

    @Test func podsWithoutRequestsLeaveTheTargetUnknown() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=2").exitCode == 0)
        #expect(s.run("autoscale deployment web --max=4").exitCode == 0)
        s.setNow("2026-11-23T12:00:30Z")
        #expect(hpaRow(s) == "Deployment/web cpu: <unknown>/80% 1 4 2")
        let yaml = s.run("get hpa web -o yaml").stdout
        #expect(yaml.contains("  currentMetrics:\n  - type: \"\"\n  currentReplicas: 2\n  desiredReplicas: 0\n"))
        let pod = s.run("get pods -o jsonpath={.items[0].metadata.name}").stdout
        #expect(s.run("describe hpa web").stdout.contains(
            "failed to get cpu utilization: missing request for cpu in container nginx of Pod \(pod)\n"))
    }
}
