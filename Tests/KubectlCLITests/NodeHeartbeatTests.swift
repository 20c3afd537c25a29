import KubeTestSupport
import Testing

/// Node conditions' heartbeats as a cluster shows them when time has passed: with node leases the kubelet
/// posts its status every 5 min when nothing changed; each post moves every condition's lastHeartbeatTime,
/// not its lastTransitionTime. A stopped kubelet posts nothing after it stopped.
@Suite struct NodeHeartbeatTests {
    static func beats(_ s: TestStore, _ node: String = "node-1") -> String {
        s.run("get node \(node) -o 'jsonpath={range .status.conditions[*]}{.type}={.lastHeartbeatTime}/{.lastTransitionTime} {end}'").stdout
    }

    @Test func heartbeatsFollowTheClock() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        let rv = s.run("get node node-1 -o jsonpath={.metadata.resourceVersion}").stdout
        s.setNow("2026-11-23T12:07:30Z")
        #expect(Self.beats(s) == "MemoryPressure=2026-11-23T12:05:00Z/2026-11-23T12:00:00Z DiskPressure=2026-11-23T12:05:00Z/2026-11-23T12:00:00Z "
            + "PIDPressure=2026-11-23T12:05:00Z/2026-11-23T12:00:00Z Ready=2026-11-23T12:05:00Z/2026-11-23T12:00:00Z ")
        #expect(s.run("describe node node-1").stdout.contains(
            "  Ready            True    Mon, 23 Nov 2026 12:05:00 +0000   Mon, 23 Nov 2026 12:00:00 +0000   KubeletReady "))
        #expect(s.run("get nodes -o yaml").stdout.split(separator: "\n").filter { $0.hasSuffix("lastHeartbeatTime: \"2026-11-23T12:05:00Z\"") }.count == 4)
        // A year idle: the same closed form; reads write nothing.
        s.setNow("2027-11-23T12:04:59Z")
        #expect(Self.beats(s).hasPrefix("MemoryPressure=2027-11-23T12:00:00Z/2026-11-23T12:00:00Z "))
        #expect(s.run("get node node-1 -o jsonpath={.metadata.resourceVersion}").stdout == rv)
    }

    /// The kubelet stops (node-1 Unknown at 12:06:40, its last lease renewal at 12:06:00): the last post
    /// shown is 12:05:00 however late the read; a user's edit keeps the heartbeat it read.
    @Test func aStoppedKubeletPostsNoMore() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        let stage = NodeLifecycleTests.kubeletStops.split(separator: "durationMilliseconds: 40000", omittingEmptySubsequences: false)
            .joined(separator: "durationMilliseconds: 400000")
        #expect(s.run("apply -f \(s.writeFile("stage.yaml", stage))").exitCode == 0)
        #expect(s.run("label node node-1 simulate=kubelet-down").exitCode == 0)
        s.setNow("2026-11-23T13:00:00Z")
        #expect(s.run("get node node-1 -o jsonpath={.status.conditions[3].status}/{.status.conditions[3].lastHeartbeatTime}/{.status.conditions[3].lastTransitionTime}").stdout
            == "Unknown/2026-11-23T12:05:00Z/2026-11-23T12:06:40Z")
        #expect(s.run("label node node-1 edited=yes").exitCode == 0)
        s.setNow("2026-11-23T14:00:00Z")
        #expect(s.run("get node node-1 -o jsonpath={.status.conditions[0].lastHeartbeatTime}").stdout == "2026-11-23T12:05:00Z")
    }
}
