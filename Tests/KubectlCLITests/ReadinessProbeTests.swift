import KubeTestSupport
import Testing

/// Readiness probes as the kubelet reports them: not ready until the first success at or after the
/// initial delay, not ready again after `failureThreshold` failures, `Unhealthy` events per failed
/// probe; Services and ReplicaSets/Deployments count only ready pods (available ones after
/// `minReadySeconds`). What a probe finds follows the documented rule (README, probes).
@Suite struct ReadinessProbeTests {
    let t0 = "2026-11-23T12:00:"

    @Test func aFileProbeFollowsTheScript() {
        let s = TestStore()
        let f = s.podFile("p", """
            containers:
            - name: app
              image: busybox
              command: [sh, -c, 'sleep 20; touch /tmp/ready; sleep 100; rm -f /tmp/ready; sleep 36000']
              readinessProbe:
                exec: {command: [cat, /tmp/ready]}
                periodSeconds: 5
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout == "p     0/1   Running   0     0s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.conditions[2].reason}: {.status.conditions[2].message} {.status.containerStatuses[0].started}'").stdout
            == "ContainersNotReady: containers with unready status: [app] true")
        // Probes at +0 ... +20 find no file (+20 sees it as it was just before); +25 finds it.
        #expect(s.pods(at: t0 + "24Z") == "p     0/1   Running   0     24s\n")
        #expect(s.events("Unhealthy")
            == "5|2026-11-23T12:00:00Z|2026-11-23T12:00:20Z|spec.containers{app}|Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n")
        #expect(s.pods(at: t0 + "25Z") == "p     1/1   Running   0     25s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.conditions[2].status} {.status.conditions[2].lastTransitionTime}'").stdout
            == "True 2026-11-23T12:00:25Z")
        // Removed at +120s: failures at +125, +130, +135; the third makes it not ready.
        #expect(s.pods(at: "2026-11-23T12:02:14Z") == "p     1/1   Running   0     2m14s\n")
        #expect(s.pods(at: "2026-11-23T12:02:15Z") == "p     0/1   Running   0     2m15s\n")
        #expect(s.events("Unhealthy").hasPrefix("8|2026-11-23T12:00:00Z|2026-11-23T12:02:15Z|"))
        // Failing for an hour more (720 probes): each meets the kubelet's spam filter at its time; once its
        // 25 events are spent, one passes per 5 minutes, carrying the ones dropped since: the last at
        // 13:00:00 with 701, the 27 after it wait for the next token.
        #expect(s.pods(at: "2026-11-23T13:02:15Z") == "p     0/1   Running   0     62m\n")
        #expect(s.events("Unhealthy").hasPrefix("701|2026-11-23T12:00:00Z|2026-11-23T13:00:00Z|"))
    }

    /// The Deployment counts ready pods, and available ones once ready for `minReadySeconds`; the
    /// Service's endpoints list a pod once it is ready.
    @Test func aDeploymentIsAvailableAfterItsPodsAreReady() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              minReadySeconds: 15
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                    readinessProbe:
                      httpGet: {path: /, port: 80}
                      initialDelaySeconds: 5
                      periodSeconds: 10
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        func deploy(_ at: String) -> String {
            s.setNow(t0 + at)
            return s.run("get deploy web --no-headers").stdout
        }
        func endpoints() -> String {
            s.run("get endpoints web -o 'jsonpath={.subsets[*].addresses[*].ip}/{.subsets[*].notReadyAddresses[*].ip}'").stdout
        }
        #expect(deploy("09Z") == "web   0/2   2     0     9s\n")
        #expect(endpoints() == "/10.244.0.4 10.244.0.5")
        #expect(s.run("rollout status deployment web --watch=false").stdout
            == "Waiting for deployment \"web\" rollout to finish: 0 of 2 updated replicas are available...\n")
        // The first probe at or after the 5 s delay is at +10s.
        #expect(deploy("10Z") == "web   2/2   2     0     10s\n")
        #expect(endpoints() == "10.244.0.4 10.244.0.5/")
        #expect(deploy("24Z") == "web   2/2   2     0     24s\n")
        #expect(deploy("25Z") == "web   2/2   2     2     25s\n")
        #expect(s.run("rollout status deployment web --watch=false").stdout == "deployment \"web\" successfully rolled out\n")
    }

    /// The documented rule for httpGet, tcpSocket and grpc probes: refused by a container whose
    /// command serves nothing; an undeclared port name errors (never ready, never failing).
    @Test func networkProbesFollowTheDocumentedRule() {
        let s = TestStore()
        let f = s.podFile("p", """
            containers:
            - name: sleeper
              image: busybox
              command: [sh, -c, 'sleep 3600']
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
            - name: grpc
              image: busybox
              command: [sleep, '3600']
              readinessProbe:
                grpc: {port: 9090}
                timeoutSeconds: 2
            - name: named
              image: nginx
              ports: [{name: web, containerPort: 80}]
              readinessProbe:
                tcpSocket: {port: http}
            - name: server
              image: nginx
              ports: [{name: web, containerPort: 80}]
              readinessProbe:
                tcpSocket: {port: web}
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.pods(at: t0 + "30Z") == "p     1/4   Running   0     30s\n")
        let unhealthy = s.run("get events --field-selector reason=Unhealthy -o 'jsonpath={range .items[*]}{.count} {.involvedObject.fieldPath} {.message}{\"\\n\"}{end}'").stdout
        // Each failure meets the kubelet's spam filter: the four containers' 16 start events and the first
        // three rounds of probes spend its 25; the fourth round (+30 s) waits in the counts.
        #expect(unhealthy.split(separator: "\n").sorted() == [
            "3 spec.containers{grpc} Readiness probe failed: timeout: failed to connect service \"10.244.0.4:9090\" within 2s: context deadline exceeded",
            "3 spec.containers{named} Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing \"http\": invalid syntax",
            "3 spec.containers{sleeper} Readiness probe failed: Get \"http://10.244.0.4:8080/healthz\": dial tcp 10.244.0.4:8080: connect: connection refused",
        ])
        #expect(s.run("get pod p -o 'jsonpath={.status.conditions[2].message}'").stdout
            == "containers with unready status: [sleeper grpc named]")
    }

    /// A readiness probe failing for a year is counted, not replayed.
    @Test func aYearOfFailedProbesIsOneEvent() {
        let s = TestStore()
        let f = s.podFile("p", """
            containers:
            - name: app
              image: busybox
              command: [sh, -c, 'sleep 1e9']
              readinessProbe:
                tcpSocket: {port: 80}
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.pods(at: "2027-11-23T12:00:00Z") == "p     0/1   Running   0     365d\n")
        // Every 10 s for 365 days, and the probe at the start.
        #expect(s.run("get events --field-selector reason=Unhealthy -o jsonpath={.items[0].count}").stdout == "3153601")
    }
}
