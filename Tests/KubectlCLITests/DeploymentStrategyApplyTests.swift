import KubeTestSupport
import Testing

/// Deployment `spec.strategy` is a union (type + rollingUpdate). The API server forbids rollingUpdate with
/// Recreate; client-side apply clears it (the field's retainKeys patch strategy), server-side apply
/// leaves the defaulted rollingUpdate in place (it has no owner), so switching to Recreate needs
/// `rollingUpdate: null`, as on a v1.32 cluster.
@Suite struct DeploymentStrategyApplyTests {
    static func manifest(_ strategy: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          strategy: \(strategy)
          template:
            metadata:
              labels: {app: web}
            spec:
              containers: [{name: nginx, image: nginx}]
        """
    }

    @Test func recreateWithRollingUpdateIsForbidden() {
        let s = TestStore()
        let r = s.run("create -f -", stdin: Self.manifest("{type: Recreate, rollingUpdate: {maxSurge: 1}}"))
        #expect(r.exitCode == 1)
        #expect(r.stderr == "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'\n")
    }

    @Test func serverSideApplyKeepsTheDefaultedRollingUpdate() {
        let s = TestStore()
        #expect(s.run("apply --server-side -f -", stdin: Self.manifest("{}")).exitCode == 0)
        let r = s.run("apply --server-side -f -", stdin: Self.manifest("{type: Recreate}"))
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasSuffix("spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'\n"))
        #expect(s.run("apply --server-side -f -", stdin: Self.manifest("{type: Recreate, rollingUpdate: null}")).exitCode == 0)
        #expect(s.run("get deploy web -o jsonpath={.spec.strategy}").stdout == #"{"type":"Recreate"}"#)
    }

    @Test func clientSideApplyClearsIt() {
        let s = TestStore()
        #expect(s.run("apply -f -", stdin: Self.manifest("{}")).exitCode == 0)
        #expect(s.run("apply -f -", stdin: Self.manifest("{type: Recreate}")).exitCode == 0)
        #expect(s.run("get deploy web -o jsonpath={.spec.strategy}").stdout == #"{"type":"Recreate"}"#)
    }
}
