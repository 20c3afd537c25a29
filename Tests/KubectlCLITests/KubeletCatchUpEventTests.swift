import KubeModel
import KubeTestSupport
import Testing

/// The kubelet's other events after idle time go through its spam filter (25 events per pod, one more
/// per 5 minutes) at their times, as a crash loop's do (`CrashLoopCatchUpEventTests`): a failing
/// postStart hook's, a liveness or startup probe's kills, an image's pulls and back-off retries, a
/// readiness probe's failures. A store opened once after a while shows what one opened every few
/// seconds shows: the same counts, first and last times, describe's `(x N over M)` and ages.
@Suite struct KubeletCatchUpEventTests {
    static let start = Timestamp(rfc3339: "2026-11-23T12:00:00Z")!

    /// What a user sees of pod `p` (`spec`) at `start + seconds` (`kubeletView`), the store opened every
    /// `step` seconds from `start + from` (never in between when `step` is 0).
    func seen(_ spec: String, at seconds: Int64, from: Int64 = 0, step: Int64 = 0) -> String {
        let s = TestStore()
        #expect(s.run("create -f \(s.podFile("p", spec))").exitCode == 0)
        s.open(every: step, from: from, until: seconds, after: Self.start)
        return s.kubeletView(pod: "p")
    }

    /// A postStart hook that fails at once: each run is killed (a shell's `sleep` ignores SIGTERM: 30 s).
    static let hook = """
        containers:
        - name: app
          image: busybox
          command: [sleep, '3600']
          lifecycle: {postStart: {exec: {command: [sh, -c, 'exit 3']}}}
        """

    /// The documentation's liveness example: three failed probes (every 5 s) kill each run.
    static let liveness = """
        containers:
        - name: app
          image: busybox
          args: [/bin/sh, -c, 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
          livenessProbe:
            exec: {command: [cat, /tmp/healthy]}
            initialDelaySeconds: 5
            periodSeconds: 5
        """

    /// A startup probe on a port nothing listens on: three failures kill each run.
    static let startup = """
        terminationGracePeriodSeconds: 5
        containers:
        - name: app
          image: busybox
          command: [sh, -c, 'sleep 3600']
          startupProbe:
            tcpSocket: {port: 8080}
            periodSeconds: 10
            failureThreshold: 3
        """

    /// An image that does not exist (a misspelt official name).
    static let pull = """
        containers:
        - {name: app, image: ngnix}
        """

    /// A readiness probe failing every 5 s from +20 s on, for the rest of a long run.
    static let readiness = """
        containers:
        - name: app
          image: busybox
          command: [sh, -c, 'touch /tmp/ready; sleep 20; rm /tmp/ready; sleep 1000000']
          readinessProbe:
            exec: {command: [cat, /tmp/ready]}
            periodSeconds: 5
        """

    @Test(arguments: [("hook", hook), ("liveness", liveness), ("startup", startup), ("pull", pull), ("readiness", readiness)])
    func halfAnHourAtOnceAsCommandsEveryFiveSeconds(name: String, spec: String) {
        let replayed = seen(spec, at: 30 * 60, step: 5)
        #expect(seen(spec, at: 30 * 60) == replayed, "\(name)")
        #expect(seen(spec, at: 30 * 60, step: 290) == replayed, "\(name)")
    }

    @Test(arguments: [("hook", hook), ("liveness", liveness), ("startup", startup), ("pull", pull), ("readiness", readiness)])
    func hoursOfIdleTimeAsCommandsEveryMinute(name: String, spec: String) {
        #expect(seen(spec, at: 3 * 3600) == seen(spec, at: 3 * 3600, step: 60), "\(name)")
    }
}
