import KubeTestSupport
import Testing

/// Rolling updates wait for availability, as the deployment controller's rolling updater does: at most
/// `replicas + maxSurge` pods, at least `replicas - maxUnavailable` available ones, old pods removed only
/// as new ones become available (ready for `minReadySeconds`), and the clock moves a rollout on as
/// readiness probes succeed. A rollout whose new pods never become ready stops, and fails its progress
/// deadline. Expected figures are worked out from the controller's rules (README, probes), and the
/// proportional-scaling case is the Kubernetes documentation's own example.
@Suite struct RollingUpdateTests {
    let t0 = "2026-11-23T12:00:00Z"

    func deployment(_ s: TestStore, replicas: Int, strategy: String = "", minReadySeconds: Int? = nil,
                    probe: Bool = false, image: String = "nginx", extra: String = "") -> String {
        var spec = "  replicas: \(replicas)\n"
        if let minReadySeconds { spec += "  minReadySeconds: \(minReadySeconds)\n" }
        if !strategy.isEmpty { spec += "  strategy:\n    rollingUpdate: {\(strategy)}\n" }
        spec += extra
        let readiness = probe ? """
                    readinessProbe:
                      httpGet: {path: /, port: 80}
                      initialDelaySeconds: 5
                      periodSeconds: 10

            """ : ""
        return s.writeFile("web.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
            \(spec)  selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: nginx
                    image: \(image)
            \(readiness)
            """)
    }

    func at(_ s: TestStore, _ time: String) -> (deploy: String, rs: String, status: String) {
        s.setNow(time)
        let deploy = s.run("get deploy web --no-headers").stdout
        let rs = s.run("get rs '--sort-by=.metadata.annotations.deployment\\.kubernetes\\.io/revision' -o 'custom-columns=REV:.metadata.annotations.deployment\\.kubernetes\\.io/revision,DESIRED:.spec.replicas,READY:.status.readyReplicas,AVAILABLE:.status.availableReplicas'").stdout
        let r = s.run("rollout status deployment web --watch=false")
        return (deploy, rs, r.stdout + r.stderr)
    }

    /// The documentation's stuck rollout: an image that cannot be pulled, 3 replicas with the default
    /// 25%/25% (maxSurge 1, maxUnavailable 0): one new pod, the three old ones kept; after
    /// progressDeadlineSeconds without progress, Progressing False and `rollout status` fails.
    @Test func aRolloutOfAnImageThatCannotBePulledStops() {
        let s = TestStore(now: t0)
        #expect(s.run("create -f \(deployment(s, replicas: 3))").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("set image deployment/web nginx=ngnix").exitCode == 0)
        let mid = at(s, "2026-11-23T12:05:00Z")
        #expect(mid.deploy == "web   3/3   1     3     5m\n")
        #expect(mid.rs == "REV   DESIRED   READY    AVAILABLE\n1     3         3        3\n2     1         <none>   <none>\n")
        #expect(mid.status == "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n")
        #expect(s.run("get deploy web -o jsonpath={.status.replicas}/{.status.updatedReplicas}/{.status.unavailableReplicas}").stdout == "4/1/1")
        // The condition was last updated at 12:01:00; ten minutes later the deadline has not passed yet.
        #expect(at(s, "2026-11-23T12:11:00Z").status == mid.status)
        let late = at(s, "2026-11-23T12:11:01Z")
        #expect(late.status == "error: deployment \"web\" exceeded its progress deadline\n")
        #expect(s.run("rollout status deployment web").exitCode == 1)
        #expect(s.run("get deploy web -o 'jsonpath={range .status.conditions[*]}{.type} {.status} {.reason} {.lastUpdateTime} {.message}{\"\\n\"}{end}'").stdout
            == "Available True MinimumReplicasAvailable 2026-11-23T12:00:00Z Deployment has minimum availability.\n"
            + "Progressing False ProgressDeadlineExceeded 2026-11-23T12:11:01Z ReplicaSet \"web-5676594f4d\" has timed out progressing.\n")
        // Fixing the image rolls out at once (the old pods are all available).
        s.setNow("2026-11-23T12:20:00Z")
        #expect(s.run("set image deployment/web nginx=nginx:1.27").exitCode == 0)
        let fixed = at(s, "2026-11-23T12:20:00Z")
        #expect(fixed.status == "deployment \"web\" successfully rolled out\n")
        #expect(s.run("get deploy web -o jsonpath={.status.conditions[1].reason}").stdout == "NewReplicaSetAvailable")
    }

    /// maxUnavailable lets old pods go before new ones are available: 4 replicas, 25%/25% (1 and 1):
    /// one old pod removed, two new ones created, then nothing more while they are not ready.
    @Test func maxUnavailableBoundsAStuckRollout() {
        let s = TestStore(now: t0)
        #expect(s.run("create -f \(deployment(s, replicas: 4))").exitCode == 0)
        #expect(s.run("set image deployment/web nginx=ngnix").exitCode == 0)
        let r = at(s, "2026-11-23T12:03:00Z")
        #expect(r.deploy == "web   3/4   2     3     3m\n")
        #expect(r.rs == "REV   DESIRED   READY    AVAILABLE\n1     3         3        3\n2     2         <none>   <none>\n")
        #expect(r.status == "Waiting for deployment \"web\" rollout to finish: 2 out of 4 new replicas have been updated...\n")
        #expect(s.run("describe deploy web").stdout.contains("Replicas:               4 desired | 2 updated | 5 total | 3 available | 2 unavailable\n"))
    }

    /// With readiness probes the rollout moves as time passes: maxSurge 0, maxUnavailable 1, 3 replicas,
    /// pods ready 10 s after they start. One old pod goes, one new one comes, and the next step waits for
    /// the new one to be ready.
    @Test func probesMoveARolloutOnInTime() {
        let s = TestStore(now: t0)
        #expect(s.run("create -f \(deployment(s, replicas: 3, strategy: "maxSurge: 0, maxUnavailable: 1", probe: true))").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("set image deployment/web nginx=nginx:1.27").exitCode == 0)
        let a = at(s, "2026-11-23T12:01:09Z")
        #expect(a.rs == "REV   DESIRED   READY    AVAILABLE\n1     2         2        2\n2     1         <none>   <none>\n")
        #expect(a.deploy == "web   2/3   1     2     69s\n")
        #expect(a.status == "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n")
        let b = at(s, "2026-11-23T12:01:10Z")
        #expect(b.rs == "REV   DESIRED   READY   AVAILABLE\n1     1         1       1\n2     2         1       1\n")
        #expect(b.status == "Waiting for deployment \"web\" rollout to finish: 2 out of 3 new replicas have been updated...\n")
        let c = at(s, "2026-11-23T12:01:20Z")
        #expect(c.rs == "REV   DESIRED   READY    AVAILABLE\n1     0         <none>   <none>\n2     3         2        2\n")
        #expect(c.status == "Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available...\n")
        let d = at(s, "2026-11-23T12:01:30Z")
        #expect(d.status == "deployment \"web\" successfully rolled out\n")
        #expect(d.deploy == "web   3/3   3     3     90s\n")
        let events = s.run("get events --field-selector reason=ScalingReplicaSet -o 'jsonpath={range .items[*]}{.lastTimestamp} {.message}{\"\\n\"}{end}'").stdout
        let steps = events.split(separator: "\n").map { $0.replacing(#/web-[a-z0-9]+/#, with: "RS") }
        #expect(steps == [
            "2026-11-23T12:00:00Z Scaled up replica set RS from 0 to 3",
            "2026-11-23T12:01:00Z Scaled down replica set RS from 3 to 2",
            "2026-11-23T12:01:00Z Scaled up replica set RS from 0 to 1",
            "2026-11-23T12:01:10Z Scaled down replica set RS from 2 to 1",
            "2026-11-23T12:01:10Z Scaled up replica set RS from 1 to 2",
            "2026-11-23T12:01:20Z Scaled down replica set RS from 1 to 0",
            "2026-11-23T12:01:20Z Scaled up replica set RS from 2 to 3",
        ])
    }

    /// Percentages round as the controller rounds them (maxSurge up, maxUnavailable down): 5 replicas,
    /// maxSurge 50% (3), maxUnavailable 0; pods are available 10 s after they are ready.
    @Test func minReadySecondsHoldsOldPodsUntilNewOnesAreAvailable() {
        let s = TestStore(now: t0)
        #expect(s.run("create -f \(deployment(s, replicas: 5, strategy: "maxSurge: 50%, maxUnavailable: 0", minReadySeconds: 10))").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("set image deployment/web nginx=nginx:1.27").exitCode == 0)
        let a = at(s, "2026-11-23T12:01:09Z")
        #expect(a.rs == "REV   DESIRED   READY   AVAILABLE\n1     5         5       5\n2     3         3       <none>\n")
        #expect(a.deploy == "web   8/5   3     5     69s\n")
        #expect(a.status == "Waiting for deployment \"web\" rollout to finish: 3 out of 5 new replicas have been updated...\n")
        let b = at(s, "2026-11-23T12:01:10Z")
        #expect(b.rs == "REV   DESIRED   READY   AVAILABLE\n1     2         2       2\n2     5         5       3\n")
        #expect(b.status == "Waiting for deployment \"web\" rollout to finish: 2 old replicas are pending termination...\n")
        let c = at(s, "2026-11-23T12:01:20Z")
        #expect(c.rs == "REV   DESIRED   READY    AVAILABLE\n1     0         <none>   <none>\n2     5         5        5\n")
        #expect(c.status == "deployment \"web\" successfully rolled out\n")
    }

    /// The documentation's proportional scaling: 10 replicas, maxSurge 3, maxUnavailable 2, a rollout
    /// stuck at 8 old and 5 new pods; scaled to 15, the 5 more are shared 3 and 2 (11 and 7).
    @Test func scalingAStuckRolloutIsProportional() {
        let s = TestStore(now: t0)
        #expect(s.run("create -f \(deployment(s, replicas: 10, strategy: "maxSurge: 3, maxUnavailable: 2"))").exitCode == 0)
        #expect(s.run("set image deployment/web nginx=nginx:sometag-that-pulls").exitCode == 0)
        #expect(s.run("set image deployment/web nginx=ngnix").exitCode == 0)
        // Three templates: the second finished; the third is stuck at 5 beside 8 of the second.
        let stuck = at(s, "2026-11-23T12:01:00Z")
        #expect(stuck.rs == "REV   DESIRED   READY    AVAILABLE\n1     0         <none>   <none>\n2     8         8        8\n3     5         <none>   <none>\n")
        #expect(s.run("scale deployment web --replicas=15").exitCode == 0)
        let scaled = at(s, "2026-11-23T12:02:00Z")
        #expect(scaled.rs == "REV   DESIRED   READY    AVAILABLE\n1     0         <none>   <none>\n2     11        11       11\n3     7         <none>   <none>\n")
        #expect(scaled.deploy == "web   11/15   7     11    2m\n")
        #expect(s.run("get rs -o 'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/desired-replicas}/{.metadata.annotations.deployment\\.kubernetes\\.io/max-replicas} {end}'").stdout
            .split(separator: " ").filter { $0 == "15/18" }.count == 2)
    }

    /// A paused Deployment: Progressing Unknown `DeploymentPaused`, no new ReplicaSet for a changed
    /// template, no deadline; resumed, `DeploymentResumed`, then the rollout.
    @Test func pausedAndResumed() {
        let s = TestStore(now: t0)
        #expect(s.run("create -f \(deployment(s, replicas: 2))").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("rollout pause deployment/web").exitCode == 0)
        #expect(s.run("set image deployment/web nginx=ngnix").exitCode == 0)
        let conds = "'jsonpath={range .status.conditions[*]}{.type} {.status} {.reason} {.message}{\"\\n\"}{end}'"
        s.setNow("2026-11-23T12:30:00Z")
        #expect(s.run("get deploy web -o \(conds)").stdout
            == "Available True MinimumReplicasAvailable Deployment has minimum availability.\nProgressing Unknown DeploymentPaused Deployment is paused\n")
        #expect(s.run("get rs --no-headers").stdout.split(separator: "\n").count == 1)
        #expect(s.run("rollout status deployment web --watch=false").stdout
            == "Waiting for deployment \"web\" rollout to finish: 0 out of 2 new replicas have been updated...\n")
        #expect(s.run("rollout resume deployment/web").exitCode == 0)
        // Resumed at 12:30: the stuck rollout's deadline counts from then (601 s later).
        #expect(at(s, "2026-11-23T12:40:00Z").status == "Waiting for deployment \"web\" rollout to finish: 1 out of 2 new replicas have been updated...\n")
        #expect(at(s, "2026-11-23T12:40:01Z").status == "error: deployment \"web\" exceeded its progress deadline\n")
    }

    /// Recreate scales the old pods away first; the new ReplicaSet is made once they are gone.
    @Test func recreateWaitsForTheOldPods() {
        let s = TestStore(now: t0)
        let f = deployment(s, replicas: 2, extra: "  strategy: {type: Recreate}\n")
        #expect(s.run("create -f \(f)").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("set image deployment/web nginx=nginx:1.27").exitCode == 0)
        // nginx stops 1 s after SIGTERM: at 12:01:00 the old pods are Terminating and no new RS exists yet.
        #expect(s.run("get rs --no-headers -o custom-columns=D:.spec.replicas").stdout == "0\n")
        let later = at(s, "2026-11-23T12:01:05Z")
        #expect(later.rs == "REV   DESIRED   READY    AVAILABLE\n1     0         <none>   <none>\n2     2         2        2\n")
        #expect(later.status == "deployment \"web\" successfully rolled out\n")
    }
}
