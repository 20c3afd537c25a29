import KubeTestSupport
import Testing

/// A node's lease deleted while its kubelet runs comes back at the kubelet's next renewal (every 10 s
/// from its last one): a fresh lease (new uid, created and renewed at that tick, holder the node, 40 s,
/// owned by the node, written by the kubelet). Nothing comes back for a node that is gone or whose
/// kubelet has stopped.
@Suite struct NodeLeaseRecreateTests {
    static let lease = "get lease node-1 -n kube-node-lease"
    static let fields = "-o 'jsonpath={.metadata.uid}|{.metadata.creationTimestamp}|{.spec.renewTime}|{.spec.holderIdentity}|"
        + "{.spec.leaseDurationSeconds}|{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}/{.metadata.ownerReferences[0].uid}|"
        + "{.metadata.managedFields[0].manager}/{.metadata.managedFields[0].operation}/{.metadata.managedFields[0].time}'"

    @Test func theKubeletCreatesItAgainAtItsNextRenewal() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        let node = s.run("get node node-1 -o jsonpath={.metadata.uid}").stdout
        let before = s.run("\(Self.lease) \(Self.fields)").stdout.split(separator: "|").map(String.init)
        #expect(before.count == 7)
        #expect(before.dropFirst(3).joined(separator: "|") == "node-1|40|Node/node-1/\(node)|kubelet/Update/2026-11-23T12:00:00Z")
        s.setNow("2026-11-23T12:00:05Z")
        #expect(s.run("delete lease node-1 -n kube-node-lease").stdout == "lease.coordination.k8s.io \"node-1\" deleted\n")
        s.setNow("2026-11-23T12:00:09Z")
        let absent = s.run(Self.lease)
        #expect(absent.exitCode == 1)
        #expect(absent.stderr == "Error from server (NotFound): leases.coordination.k8s.io \"node-1\" not found\n")
        s.setNow("2026-11-23T12:00:10Z")
        let after = s.run("\(Self.lease) \(Self.fields)").stdout.split(separator: "|").map(String.init)
        #expect(after.count == 7)
        #expect(after.first != before.first)
        #expect(after.dropFirst().joined(separator: "|")
            == "2026-11-23T12:00:10Z|2026-11-23T12:00:10.000000Z|node-1|40|Node/node-1/\(node)|kubelet/Update/2026-11-23T12:00:10Z")
        // Renewed from there on, as before.
        s.setNow("2026-11-23T12:00:27Z")
        #expect(s.run("\(Self.lease) -o jsonpath={.spec.renewTime}").stdout == "2026-11-23T12:00:20.000000Z")
        #expect(s.run("describe node node-1").stdout.contains("RenewTime:       Mon, 23 Nov 2026 12:00:20 +0000\n"))
    }

    /// The renewal's phase is the lease's: deleted a minute after its last stored renewal (12:00:00), at
    /// 12:01:35 the lease shows 12:01:30, so the kubelet is back at 12:01:40; a lease created by hand
    /// before the next tick is not made again (same uid and creation time).
    @Test func theNextTickCountsFromTheLastRenewal() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        #expect(s.run("get leases -A").exitCode == 0)
        s.setNow("2026-11-23T12:01:35Z")
        #expect(s.run("delete lease node-1 -n kube-node-lease").exitCode == 0)
        s.setNow("2026-11-23T12:01:39Z")
        #expect(s.run(Self.lease).exitCode == 1)
        s.setNow("2026-11-23T12:01:40Z")
        #expect(s.run("\(Self.lease) -o jsonpath={.metadata.creationTimestamp}").stdout == "2026-11-23T12:01:40Z")
        // Deleted and made again by a user before the tick: the kubelet only renews it.
        s.setNow("2026-11-23T12:01:42Z")
        #expect(s.run("delete lease node-1 -n kube-node-lease").exitCode == 0)
        let mine = s.writeFile("l.yaml", """
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata: {name: node-1, namespace: kube-node-lease}
            spec: {holderIdentity: me, leaseDurationSeconds: 7, renewTime: "2026-11-23T12:01:44.000000Z"}

            """)
        s.setNow("2026-11-23T12:01:45Z")
        #expect(s.run("create -f \(mine)").exitCode == 0)
        let uid = s.run("\(Self.lease) -o jsonpath={.metadata.uid}").stdout
        s.setNow("2026-11-23T12:01:55Z")
        #expect(s.run("\(Self.lease) -o jsonpath={.metadata.uid}|{.metadata.creationTimestamp}").stdout == "\(uid)|2026-11-23T12:01:45Z")
    }

    /// A node that is gone takes its lease with it (the owner reference) and no kubelet brings it back;
    /// deleted first and the node after, before the tick, the same.
    @Test func noLeaseComesBackForADeletedNode() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        #expect(s.run("create -f \(s.writeFile("n.yaml", "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-2\n"))").exitCode == 0)
        #expect(s.run("get lease worker-2 -n kube-node-lease -o jsonpath={.metadata.name}").stdout == "worker-2")
        s.setNow("2026-11-23T12:00:05Z")
        #expect(s.run("delete lease worker-2 -n kube-node-lease").exitCode == 0)
        #expect(s.run("delete node worker-2").exitCode == 0)
        s.setNow("2026-11-23T12:00:06Z")
        #expect(s.run("delete node node-1").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("get leases -n kube-node-lease").stderr == "No resources found in kube-node-lease namespace.\n")
    }

    /// A kubelet that stopped (its node went Unknown) renews nothing, so it makes nothing either.
    @Test func aStoppedKubeletMakesNoLease() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        #expect(s.run("apply -f \(s.writeFile("stage.yaml", NodeLifecycleTests.kubeletStops))").exitCode == 0)
        #expect(s.run("label node node-1 simulate=kubelet-down").exitCode == 0)
        s.setNow("2026-11-23T12:02:00Z")
        #expect(s.run("get node node-1 --no-headers").stdout.hasPrefix("node-1   NotReady "))
        #expect(s.run("delete lease node-1 -n kube-node-lease").exitCode == 0)
        s.setNow("2026-11-23T12:05:00Z")
        #expect(s.run(Self.lease).exitCode == 1)
    }
}
