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

    /// `ValidateDeploymentStrategy`'s default case: the bad value is the whole internal strategy (`%#v`),
    /// its rollingUpdate a pointer; every write path refuses it and stores nothing.
    @Test func unknownTypeIsRefusedWithTheStrategyDump() {
        let s = TestStore()
        let dump = #"apps.DeploymentStrategy{Type:"rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}"#
        let want = "The Deployment \"web\" is invalid: spec.strategy: Unsupported value: \(dump): supported values: \"Recreate\", \"RollingUpdate\"\n"
        for verb in ["create -f -", "apply -f -", "apply --server-side -f -", "create --dry-run=server -f -"] {
            let r = s.run(verb, stdin: Self.manifest("{type: rolling}"))
            #expect(r.exitCode == 1, "\(verb)")
            #expect(r.stderr == want, "\(verb)")
        }
        let withRolling = s.run("create -f -", stdin: Self.manifest("{type: Rolling, rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}"))
        #expect(withRolling.stderr == "The Deployment \"web\" is invalid: spec.strategy: Unsupported value: "
            + #"apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(0xc000000000)}: supported values: "Recreate", "RollingUpdate""#
            + "\n")
        #expect(s.run("get deploy").stderr == "No resources found in default namespace.\n")
        #expect(s.run("apply -f -", stdin: Self.manifest("{}")).exitCode == 0)
        let patched = s.run(#"patch deploy web --type=merge -p '{"spec":{"strategy":{"type":"Canary","rollingUpdate":null}}}'"#)
        #expect(patched.stderr == "The Deployment \"web\" is invalid: spec.strategy: Unsupported value: "
            + #"apps.DeploymentStrategy{Type:"Canary", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate""#
            + "\n")
        #expect(s.run("get deploy web -o jsonpath={.spec.strategy.type}").stdout == "RollingUpdate")
    }

    @Test func clientSideApplyClearsIt() {
        let s = TestStore()
        #expect(s.run("apply -f -", stdin: Self.manifest("{}")).exitCode == 0)
        #expect(s.run("apply -f -", stdin: Self.manifest("{type: Recreate}")).exitCode == 0)
        #expect(s.run("get deploy web -o jsonpath={.spec.strategy}").stdout == #"{"type":"Recreate"}"#)
    }
}
