import KubeTestSupport
import Testing

/// PodDisruptionBudget status from the disruption controller, and `drain` through the Eviction
/// subresource: a pod its budget protects is refused (429), retried every 5 s until --timeout.
@Suite struct DisruptionBudgetTests {
    @Test func budgetStatusFollowsPods() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx --replicas=3")
        _ = s.run("create pdb web-pdb --selector=app=web --min-available=2")
        #expect(s.run("get pdb web-pdb -o jsonpath={.status.currentHealthy}/{.status.desiredHealthy}/{.status.disruptionsAllowed}/{.status.expectedPods}").stdout == "3/2/1/3")
        #expect(s.run("get pdb web-pdb -o jsonpath={.status.conditions[0].reason}").stdout == "SufficientPods")
        _ = s.run("scale deploy web --replicas=2")
        #expect(s.run("get pdb web-pdb -o jsonpath={.status.disruptionsAllowed}:{.status.conditions[0].reason}").stdout == "0:InsufficientPods")
    }

    @Test func drainStopsAtTheBudget() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx --replicas=2")
        _ = s.run("create pdb web-pdb --selector=app=web --max-unavailable=1")
        let r = s.run("drain node-1 --timeout=1s --ignore-daemonsets --pod-selector=app=web")
        #expect(r.exitCode == 1)
        let out = r.stdout.split(separator: "\n")
        #expect(out.first == "node/node-1 cordoned")
        #expect(out.filter { $0.hasSuffix(" evicted") }.count == 1)
        let err = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("Warning: ") }
        #expect(err.count == 7)
        #expect(err[0].hasSuffix("(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget."))
        #expect(err[1].hasPrefix("There are pending pods in node \"node-1\" when an error occurred: error when evicting pods/\"web-"))
        #expect(err[1].hasSuffix("-n \"default\": global timeout reached: 1s"))
        #expect(err[3].hasPrefix("error: unable to drain node \"node-1\" due to error: error when evicting pods/"))
        #expect(err[4] == "There are pending nodes to be drained:")
        #expect(err[5] == " node-1")
        #expect(err[6].hasSuffix("global timeout reached: 1s"))
        // One pod left on the node, its replacement Pending (the node is cordoned).
        #expect(s.run("get pods --field-selector=status.phase=Running -o name").stdout.split(separator: "\n").count == 1)
    }

    /// `--disable-eviction` deletes pods directly (no budget consulted) and reports them as kubectl's
    /// drain does: no "evicting pod" lines, `pod/NAME deleted`.
    @Test func drainWithoutEvictionDeletes() {
        let s = TestStore()
        _ = s.run("create deployment web --image=nginx --replicas=2")
        _ = s.run("create pdb web-pdb --selector=app=web --max-unavailable=0")
        let r = s.run("drain node-1 --ignore-daemonsets --disable-eviction --timeout=2s")
        #expect(r.exitCode == 0)
        let out = r.stdout.split(separator: "\n").map(String.init)
        #expect(out.first == "node/node-1 cordoned")
        #expect(out.last == "node/node-1 drained")
        #expect(!out.contains { $0.hasPrefix("evicting pod") })
        #expect(out.filter { $0.hasPrefix("pod/web-") && $0.hasSuffix(" deleted") }.count == 2)
    }
}
