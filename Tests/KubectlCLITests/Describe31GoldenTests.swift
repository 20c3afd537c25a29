import KubeTestSupport
import Testing

/// `describe` of the session-31 audit objects, recorded from kubectl v1.32 under Golden/describe31 (see
/// its record.sh; manifests/ and cases.txt were written before either binary ran): HPAs with every
/// metric type, a missing, a zero and an over-max target; PDBs without a selector or with 100%; quotas
/// by storage class and scope selector; limit ranges; NetworkPolicies with egress only, no rules, empty
/// peers, port ranges and IPv6 blocks; Ingresses and IngressClasses; EndpointSlices (IPv6, FQDN, empty);
/// webhook configurations (none, selectors, match conditions); storage classes; PVs of in-tree plugins
/// (RBD, CephFS, FC, FlexVolume, Azure File, iSCSI, CSI, hostPath) and a dangling claim; claims in use;
/// CronJobs; ClusterRoles whose rules kubectl compacts, aggregated ones; bindings; service accounts.
/// Replayed as DescribeOddGoldenTests replays its folder, with the same masks.
@Suite struct Describe31GoldenTests {
    static let dir = besideTest("Golden/describe31")

    @Test func corpusIsThere() {
        #expect(DescribeOddGolden.cases(in: Self.dir).count >= 70)
    }

    @Test func matchesKubectl() {
        DescribeOddGolden.replay(Self.dir, manifests: ["manifests"], unordered: [])
    }
}
