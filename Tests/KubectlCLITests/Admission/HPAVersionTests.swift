import KubeModel
import KubeTestSupport
import Testing

/// An autoscaling/v1 HorizontalPodAutoscaler is stored as autoscaling/v2 (the storage version): its
/// `targetCPUUtilizationPercentage` becomes the cpu Utilization metric, reads of the preferred version
/// (get, describe) show v2, and a v1 request gets the v1 form back.
@Suite struct HPAVersionTests {
    static let v1 = """
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 1
          maxReplicas: 5
          targetCPUUtilizationPercentage: 60

        """

    @Test func v1TargetIsStoredAsCPUMetric() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let f = s.writeFile("h.yaml", Self.v1)
        let created = s.run("create -f \(f) -o yaml").stdout
        #expect(created.hasPrefix("apiVersion: autoscaling/v1\n"))
        #expect(created.contains("\nspec:\n  maxReplicas: 5\n  minReplicas: 1\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  targetCPUUtilizationPercentage: 60\n"))
        #expect(s.run(args: ["get", "hpa", "web", "-o", "jsonpath={.apiVersion} {.spec.metrics}"]).stdout
            == #"autoscaling/v2 [{"resource":{"name":"cpu","target":{"averageUtilization":60,"type":"Utilization"}},"type":"Resource"}]"#)
        #expect(s.run("get hpa web -o jsonpath={.spec.targetCPUUtilizationPercentage}").stdout == "")
        #expect(s.run("get hpa").stdout == """
            NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE
            web    Deployment/web   cpu: <unknown>/60%   1         5         0          0s

            """)
        #expect(s.run("describe hpa web").stdout.contains("""
            Metrics:                                               ( current / target )
              resource cpu on pods  (as a percentage of request):  <unknown> / 60%

            """))
        // A v1 apply reads the v1 form, patches it, and stores v2 again.
        let g = s.writeFile("h2.yaml", Self.v1.replacingAll("60", with: "75"))
        #expect(s.run("apply -f \(g)").stdout == "horizontalpodautoscaler.autoscaling/web configured\n")
        #expect(s.run("get hpa web -o jsonpath={.spec.metrics[0].resource.target.averageUtilization}").stdout == "75")
    }

    /// Other metrics and the behavior travel through v1 in the `autoscaling.alpha.kubernetes.io/*`
    /// annotations and come back as v2 fields.
    @Test func v1AnnotationsCarryWhatV1CannotSay() {
        let s = TestStore()
        let f = s.writeFile("h.yaml", Self.v1.replacingAll("  name: web\nspec:", with: """
              name: web
              annotations:
                autoscaling.alpha.kubernetes.io/metrics: '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]'
            spec:
            """))
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get hpa web -o jsonpath={.metadata.annotations}").stdout == "")
        #expect(s.run("get hpa web -o jsonpath={.spec.metrics[1]}").stdout
            == #"{"resource":{"name":"memory","target":{"averageValue":"100Mi","type":"AverageValue"}},"type":"Resource"}"#)
    }
}

/// Reads through autoscaling/v1 (`hpa.v1.autoscaling`) get the v1 form in lists and streams too; the
/// table is the same for both versions (one internal object printed).
@Suite struct HPAVersionReadTests {
    @Test func v1ListsAndTablesReadTheV1Form() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("h.yaml", HPAVersionTests.v1))").exitCode == 0)
        let table = """
            NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE
            web    Deployment/web   cpu: <unknown>/60%   1         5         0          0s

            """
        #expect(s.run("get hpa").stdout == table)
        #expect(s.run("get hpa.v1.autoscaling").stdout == table)
        let yaml = s.run("get hpa.v1.autoscaling -o yaml").stdout
        #expect(yaml.contains("""
            - apiVersion: autoscaling/v1
              kind: HorizontalPodAutoscaler
            """))
        #expect(yaml.contains("""
                targetCPUUtilizationPercentage: 60
              status:
                currentReplicas: 0
                desiredReplicas: 0
            kind: List
            """))
        #expect(s.run("get hpa.v1.autoscaling web -o jsonpath={.apiVersion}/{.spec.targetCPUUtilizationPercentage}/{.status}").stdout
            == #"autoscaling/v1/60/{"currentReplicas":0,"desiredReplicas":0}"#)
        #expect(s.run("get hpa web -o jsonpath={.apiVersion}").stdout == "autoscaling/v2")
    }

    /// After the controller's first sync the v1 form carries the conditions and current metrics in its
    /// annotations, each JSON object in Go's field order.
    @Test func v1AnnotationsKeepGoFieldOrder() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("h.yaml", HPAVersionTests.v1))").exitCode == 0)
        s.setNow("2026-11-23T12:05:00Z")
        let later = s.run(args: ["get", "hpa.v1.autoscaling", "web", "-o",
                                 #"jsonpath={.metadata.annotations.autoscaling\.alpha\.kubernetes\.io/conditions}"#]).stdout
        #expect(later.hasPrefix(#"[{"type":"AbleToScale","status":"True","lastTransitionTime":"2026-11-23T12:00:15Z","reason":"SucceededGetScale","message":"#))
    }
}
