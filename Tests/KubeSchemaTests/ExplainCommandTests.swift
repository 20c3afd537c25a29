import Testing
import KubeModel
import KubeTestSupport
@testable import KubeSchema

/// The extensions beyond kubectl: --depth, --find, --output=json|yaml.
@Suite struct ExplainCommandTests {
    @Test func depthLimitsRecursiveListing() {
        let r = TestStore().run("schema deploy --recursive --depth=2")
        #expect(r.exitCode == 0)
        let fields = r.stdout.split(separator: "\n").filter { $0.contains("\t") }
        #expect(fields.contains("  spec\t<DeploymentSpec>"))
        #expect(fields.contains("    replicas\t<integer>"))
        #expect(!fields.contains { $0.hasPrefix("      ") })
        // Without --depth the listing goes deeper.
        let all = TestStore().run("schema deploy --recursive")
        #expect(all.stdout.contains("\n        containers\t<[]Container> -required-\n"))
    }

    @Test func findListsMatchingPaths() {
        let r = TestStore().run("schema pods --find probe")
        #expect(r.exitCode == 0)
        #expect(r.stdout.hasPrefix("KIND:       Pod\nVERSION:    v1\n\nFIELDS MATCHING \"probe\":\n"))
        #expect(r.stdout.contains("  spec.containers.livenessProbe\t<Probe>\n"))
        #expect(r.stdout.contains("  spec.initContainers.startupProbe\t<Probe>\n"))
        // Descriptions match too (ServiceSpec.type mentions NodePort), and a field path narrows the search.
        let d = TestStore().run("schema svc.spec --find nodeport")
        #expect(d.stdout.contains("  spec.type\t<string>\n"))
        #expect(d.stdout.contains("  spec.ports.nodePort\t<integer>\n"))
        #expect(!d.stdout.contains("metadata"))
        let none = TestStore().run("schema cm --find zzz")
        #expect(none.exitCode == 1)
        #expect(none.stderr == "error: no field name or description contains \"zzz\"\n")
    }

    @Test func jsonOutputIsTheSubtree() throws {
        let r = TestStore().run("schema pods.spec.containers.ports --output=json")
        #expect(r.exitCode == 0)
        let v = try JSON.parse(r.stdout)
        #expect(v["kind"] == "Pod")
        #expect(v["field"] == "spec.containers.ports")
        #expect(v["type"] == "[]ContainerPort")
        let fields = v["fields"].array ?? []
        #expect(fields.map { $0["name"].string ?? "" } == ["containerPort", "hostIP", "hostPort", "name", "protocol"])
        #expect(fields.first?["required"] == .bool(true))
        #expect(fields.first?["fields"] == .null)
    }

    @Test func yamlRecursiveOutputNestsFields() throws {
        let r = TestStore().run("schema deployment.spec.strategy --output=yaml --recursive")
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("group: apps\n"))
        #expect(r.stdout.contains("  - name: maxSurge\n") || r.stdout.contains("    name: maxSurge\n"))
        #expect(r.stdout.contains("type: IntOrString"))
    }

    @Test func outputErrors() {
        let r = TestStore().run("schema pods.nope --output=json")
        #expect(r.exitCode == 1)
        #expect(r.stderr == "error: field \"nope\" does not exist\n")
        #expect(r.stdout == "")
        // kubectl v1.32 declares -o for explain (`-o, --output='plaintext'` in its help,
        // Tests/KubectlCLITests/Golden/help/kubectl-explain.txt): the shorthand means --output.
        let o = TestStore().run("schema pods.nope -o json")
        #expect(o == r)
    }
}
