import KubeTestSupport
import Testing

/// The leases of live components as a cluster shows them when time has passed: the kubelet renews its
/// node's lease every 10 s, the controller manager and scheduler their leader leases every 2 s, the API
/// server its identity lease every 10 s; each read shows the last renewal at or before now.
@Suite struct LeaseRenewalTests {
    static func renewTimes(_ s: TestStore) -> [String] {
        s.run("get leases -A -o 'jsonpath={range .items[*]}{.metadata.name}={.spec.renewTime}{\"\\n\"}{end}'").stdout
            .split(separator: "\n").map { String($0.hasPrefix("apiserver-") ? "apiserver" + $0.drop { $0 != "=" } : $0) }
    }

    @Test func renewalsFollowTheClock() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        #expect(Self.renewTimes(s) == ["node-1=2026-11-23T12:00:00.000000Z", "apiserver=2026-11-23T12:00:00.000000Z",
                                       "kube-controller-manager=2026-11-23T12:00:00.000000Z", "kube-scheduler=2026-11-23T12:00:00.000000Z"])
        s.setNow("2026-11-23T12:00:37Z")
        #expect(Self.renewTimes(s) == ["node-1=2026-11-23T12:00:30.000000Z", "apiserver=2026-11-23T12:00:30.000000Z",
                                       "kube-controller-manager=2026-11-23T12:00:36.000000Z", "kube-scheduler=2026-11-23T12:00:36.000000Z"])
        #expect(s.run("describe node node-1").stdout.contains(
            "Lease:\n  HolderIdentity:  node-1\n  AcquireTime:     <unset>\n  RenewTime:       Mon, 23 Nov 2026 12:00:30 +0000\n"))
        #expect(s.run("describe lease kube-scheduler -n kube-system").stdout.contains(
            "  Lease Duration Seconds:  15\n  Lease Transitions:       0\n  Renew Time:              2026-11-23T12:00:36.000000Z\n"))
        // The renewer's managed-fields entry carries the time of its last write.
        #expect(s.run("get lease node-1 -n kube-node-lease -o jsonpath={.metadata.managedFields[0].manager}@{.metadata.managedFields[0].time}").stdout
            == "kubelet@2026-11-23T12:00:30Z")
        // A year idle: the same closed form, nothing replayed.
        s.setNow("2027-11-23T12:00:05Z")
        #expect(Self.renewTimes(s) == ["node-1=2027-11-23T12:00:00.000000Z", "apiserver=2027-11-23T12:00:00.000000Z",
                                       "kube-controller-manager=2027-11-23T12:00:04.000000Z", "kube-scheduler=2027-11-23T12:00:04.000000Z"])
    }

    /// Reads write nothing: the store's objects keep their resource versions however much time passes.
    @Test func readingRenewedLeasesWritesNothing() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        let before = s.run("get leases -A -o jsonpath={.items[*].metadata.resourceVersion}").stdout
        s.setNow("2026-11-23T13:00:00Z")
        #expect(s.run("get leases -A -o jsonpath={.items[*].metadata.resourceVersion}").stdout == before)
        #expect(s.run("get lease node-1 -n kube-node-lease -o jsonpath={.spec.renewTime}").stdout == "2026-11-23T13:00:00.000000Z")
    }

    /// A node whose kubelet stopped: its lease stops 40 s before the node went Unknown (the grace the
    /// lifecycle controller gives an unrenewed lease), a node registered later renews from its own start,
    /// and a leader lease someone else took is not renewed by the old leader (the edit stored the renewal
    /// the user read, 12:00:02).
    @Test func onlyLiveHoldersRenew() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        let stage = NodeLifecycleTests.kubeletStops.split(separator: "durationMilliseconds: 40000", omittingEmptySubsequences: false)
            .joined(separator: "durationMilliseconds: 100000")
        #expect(s.run("apply -f \(s.writeFile("stage.yaml", stage))").exitCode == 0)
        s.setNow("2026-11-23T12:00:03Z")
        #expect(s.run("create -f \(s.writeFile("n.yaml", "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-2\n"))").exitCode == 0)
        #expect(s.run("label node node-1 simulate=kubelet-down").exitCode == 0)
        #expect(s.run("patch lease kube-scheduler -n kube-system --type=merge -p '{\"spec\":{\"holderIdentity\":\"other\"}}'").exitCode == 0)
        s.setNow("2026-11-23T12:05:00Z")
        #expect(s.run("get node node-1 --no-headers").stdout.hasPrefix("node-1   NotReady "))
        // node-1 went Unknown at 12:01:40: its kubelet's last renewal was at 12:01:00.
        #expect(s.run("get lease node-1 -n kube-node-lease -o jsonpath={.spec.renewTime}").stdout == "2026-11-23T12:01:00.000000Z")
        #expect(s.run("get lease worker-2 -n kube-node-lease -o jsonpath={.spec.renewTime}").stdout == "2026-11-23T12:04:53.000000Z")
        #expect(s.run("get lease kube-scheduler -n kube-system -o jsonpath={.spec.holderIdentity}/{.spec.renewTime}").stdout
            == "other/2026-11-23T12:00:02.000000Z")
        #expect(s.run("get lease kube-controller-manager -n kube-system -o jsonpath={.spec.renewTime}").stdout == "2026-11-23T12:05:00.000000Z")
    }

    /// The kubelet writes its whole lease at each renewal: a holder or duration edited by hand comes back
    /// at the next renewal, not before; the edit stores what the user saw.
    @Test func kubeletRewritesItsLease() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        s.run("get leases -A")
        s.setNow("2026-11-23T12:00:15Z")
        #expect(s.run("patch lease node-1 -n kube-node-lease --type=merge -p '{\"spec\":{\"holderIdentity\":\"me\",\"leaseDurationSeconds\":5}}'").exitCode == 0)
        #expect(s.run("get lease node-1 -n kube-node-lease -o jsonpath={.spec.holderIdentity}/{.spec.leaseDurationSeconds}/{.spec.renewTime}").stdout
            == "me/5/2026-11-23T12:00:10.000000Z")
        #expect(s.run("get lease node-1 -n kube-node-lease --no-headers").stdout.split(separator: " ") == ["node-1", "me", "15s\n"])
        // The renewal at 12:00:10 is the kubelet's: the patch owns only what it changed.
        #expect(s.run("get lease node-1 -n kube-node-lease -o 'jsonpath={range .metadata.managedFields[*]}{.manager}={.fieldsV1.f:spec};{end}'").stdout
            == #"kubelet={"f:renewTime":{}};kubectl-patch={"f:holderIdentity":{},"f:leaseDurationSeconds":{}};"#)
        s.setNow("2026-11-23T12:00:20Z")
        #expect(s.run("get lease node-1 -n kube-node-lease -o jsonpath={.spec.holderIdentity}/{.spec.leaseDurationSeconds}/{.spec.renewTime}").stdout
            == "node-1/40/2026-11-23T12:00:20.000000Z")
        #expect(s.run("get lease node-1 -n kube-node-lease --no-headers").stdout == "node-1   node-1   20s\n")
    }
}
