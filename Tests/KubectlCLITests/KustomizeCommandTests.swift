import KubeTestSupport
import Testing

/// `create|get|delete -k DIR` on the store: the rendered objects are handled like `-f` objects.
@Suite struct KustomizeCommandTests {
    static func fixture(_ name: String) -> String { KustomizeGolden.dir + "/cases/" + name }

    /// The upstream create.txtar flow on hack/testdata/kustomize (copied as cases/upstream-kustomize).
    @Test func createGetDeleteUpstreamFixture() {
        let s = TestStore()
        let dir = Self.fixture("upstream-kustomize")
        let created = s.run(args: ["create", "-k", dir])
        #expect(created.exitCode == 0)
        #expect(created.stdout == """
            configmap/test-the-map created
            service/test-the-service created
            deployment.apps/test-the-deployment created

            """)
        #expect(s.run("get configmap test-the-map -o name").stdout == "configmap/test-the-map\n")
        #expect(s.run("get deployment test-the-deployment -o name").stdout == "deployment.apps/test-the-deployment\n")
        let svc = s.run("get service test-the-service -o yaml").stdout
        #expect(svc.contains("name: test-the-service"))
        // The prefixed config map name reached the deployment's env references.
        let dep = s.run("get deployment test-the-deployment -o yaml").stdout
        #expect(dep.contains("name: test-the-map"))
        #expect(!dep.contains("name: the-map"))

        let got = s.run(args: ["get", "-k", dir, "-o", "name"])
        #expect(got.stdout == "configmap/test-the-map\nservice/test-the-service\ndeployment.apps/test-the-deployment\n")

        let again = s.run(args: ["create", "-k", dir])
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("configmaps \"test-the-map\" already exists"))

        let deleted = s.run(args: ["delete", "--kustomize", dir])
        #expect(deleted.exitCode == 0)
        #expect(deleted.stdout == """
            configmap "test-the-map" deleted
            service "test-the-service" deleted
            deployment.apps "test-the-deployment" deleted

            """)
        #expect(s.run("get configmap test-the-map").exitCode == 1)
    }

    @Test func generatedNamesCarryTheHashIntoTheStore() {
        let s = TestStore()
        let dir = Self.fixture("gen-references")
        let r = s.run(args: ["create", "-k", dir])
        #expect(r.exitCode == 0, "\(r)")
        #expect(r.stdout.contains("namespace/apps created\n"))
        #expect(r.stdout.contains("configmap/p-settings-s-md9b6k94g2 created\n"))
        #expect(r.stdout.contains("secret/p-creds-s-d7bdm5ch62 created\n"))
        #expect(s.run("get configmap p-settings-s-md9b6k94g2 -n apps -o name").stdout == "configmap/p-settings-s-md9b6k94g2\n")
        let env = s.run("get deployment p-web-s -n apps -o yaml").stdout
        #expect(env.contains("name: p-settings-s-md9b6k94g2"))
        // The Namespace comes first in kustomize's order; deleting it takes its objects along.
        let deleted = s.run(args: ["delete", "-k", dir])
        #expect(deleted.stdout.hasPrefix("namespace \"apps\" deleted\n"))
        #expect(deleted.stdout.contains("clusterrole.rbac.authorization.k8s.io \"p-cluster-reader-s\" deleted\n"))
        #expect(s.run("get configmap p-settings-s-md9b6k94g2 -n apps").exitCode == 1)
    }

    @Test func dryRunAndOutputWithKustomize() {
        let s = TestStore()
        let r = s.run(args: ["create", "-k", Self.fixture("cm-literals"), "--dry-run=client", "-o", "name"])
        #expect(r.stdout == "configmap/app-config-5c6tc99dg2\nconfigmap/second-h29d89cmmt\n")
        #expect(s.run("get configmaps -o name").stdout.contains("app-config") == false)
    }

    @Test func kustomizeErrorsSurfaceThroughCreate() {
        let s = TestStore()
        let missing = s.run(args: ["create", "-k", Self.fixture("err-unknown-field")])
        #expect(missing.exitCode == 1)
        #expect(missing.stderr == "error: invalid Kustomization: json: unknown field \"nameprefixx\"\n")
        let both = s.run(args: ["create", "-k", Self.fixture("basic"), "-f", "x.yaml"])
        #expect(both.stderr == "error: only one of -f or -k can be specified\n")
    }

    @Test func deprecationWarningsGoToStderr() {
        let s = TestStore()
        let r = s.run(args: ["create", "-k", Self.fixture("patches-sm-legacy"), "--dry-run=client"])
        #expect(r.exitCode == 0)
        #expect(r.stderr.hasPrefix("# Warning: 'patchesStrategicMerge' is deprecated."))
    }
}

@Suite struct KustomizeApplyTests {
    @Test func applyAndDiffTakeAKustomization() {
        let s = TestStore()
        let path = KustomizeCommandTests.fixture("upstream-kustomize")
        #expect(s.run("apply -k \(path)").stdout == "configmap/test-the-map created\nservice/test-the-service created\ndeployment.apps/test-the-deployment created\n")
        #expect(s.run("diff -k \(path)").exitCode == 0)
        #expect(s.run("apply -k \(path)").stdout == "configmap/test-the-map unchanged\nservice/test-the-service unchanged\ndeployment.apps/test-the-deployment unchanged\n")
    }
}
