import Testing
#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
@testable import KubeSchema

private let fixturesDir = besideTest("Fixtures/")

func readFixture(_ name: String) -> String { readTextFile(fixturesDir + name) ?? "" }

@Suite struct SchemaIndexTests {
    let index = SchemaIndex.builtin

    /// The field tree derived from the embedded data must equal the one the generator derives
    /// straight from the upstream documents (`gen-schema.py --field-tree`).
    @Test func fieldTreeMatchesUpstreamFixture() throws {
        let fixture = readFixture("field-tree.txt")
        #expect(!fixture.isEmpty)
        let kinds: [(String, String, String)] = [
            ("", "v1", "Pod"), ("apps", "v1", "Deployment"), ("", "v1", "Service"), ("", "v1", "ConfigMap"),
            ("batch", "v1", "Job"), ("batch", "v1", "CronJob"), ("apps", "v1", "StatefulSet"),
            ("apps", "v1", "DaemonSet"), ("networking.k8s.io", "v1", "Ingress"), ("", "v1", "Namespace"),
            ("", "v1", "Node"), ("", "v1", "PersistentVolumeClaim"), ("", "v1", "PersistentVolume"),
        ]
        var ours: [String] = []
        for (g, v, k) in kinds {
            let lines = fieldTree(kind: GroupVersionKind(group: g, version: v, kind: k), index: index)
            #expect(!lines.isEmpty, "no tree for \(k)")
            ours += lines
        }
        let expected = fixture.split(separator: "\n").map(String.init)
        #expect(ours.count == expected.count)
        for (a, b) in zip(ours, expected) where a != b {
            Issue.record("first difference: ours \(a) upstream \(b)")
            break
        }
        #expect(expected.contains("Deployment.spec.template.spec.containers[].ports[].containerPort\tinteger(int32)\trequired"))
        #expect(expected.contains("Pod.metadata.labels\tmap[string]string"))
    }

    @Test func definitionsByNameAndKind() throws {
        let d = try #require(index.definition(group: "apps", version: "v1", kind: "Deployment"))
        #expect(d.name == "io.k8s.api.apps.v1.Deployment")
        #expect(d.gvks == [GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")])
        #expect(d.properties.map(\.name) == ["apiVersion", "kind", "metadata", "spec", "status"])
        #expect(d.property(named: "spec")?.type == .ref("io.k8s.api.apps.v1.DeploymentSpec"))
        #expect(d.description == "")

        let spec = try #require(index.definition(named: "io.k8s.api.apps.v1.DeploymentSpec"))
        #expect(spec.required == ["selector", "template"])
        #expect(spec.property(named: "replicas")?.type == .integer(format: "int32"))
        #expect(spec.property(named: "strategy")?.extensions.patchStrategy == "retainKeys")

        let pod = try #require(index.definition(named: "io.k8s.api.core.v1.PodSpec"))
        let containers = try #require(pod.property(named: "containers"))
        #expect(containers.type == .array(.ref("io.k8s.api.core.v1.Container")))
        #expect(containers.extensions.patchMergeKey == "name")
        #expect(containers.extensions.patchStrategy == "merge")
        #expect(pod.property(named: "nodeSelector")?.type == .map(.string(format: nil)))

        let svc = try #require(index.definition(named: "io.k8s.api.core.v1.ServiceSpec"))
        let ports = try #require(svc.property(named: "ports"))
        #expect(ports.extensions.listType == "map")
        #expect(ports.extensions.listMapKeys == ["port", "protocol"])
        let sp = try #require(index.definition(named: "io.k8s.api.core.v1.ServicePort"))
        #expect(sp.property(named: "targetPort")?.type == .ref("io.k8s.apimachinery.pkg.util.intstr.IntOrString"))
        #expect(index.definition(named: "io.k8s.apimachinery.pkg.util.intstr.IntOrString")?.type == .intOrString)
        #expect(index.definition(named: "io.k8s.apimachinery.pkg.api.resource.Quantity")?.type == .quantity)
        #expect(index.definition(named: "io.k8s.apimachinery.pkg.apis.meta.v1.Time")?.type == .string(format: "date-time"))
        #expect(index.definition(named: "io.k8s.apimachinery.pkg.runtime.RawExtension")?.type == .any(preserveUnknownFields: false))
        let secret = try #require(index.definition(apiVersion: "v1", kind: "Secret"))
        #expect(secret.property(named: "data")?.type == .map(.string(format: "byte")))
        #expect(index.definition(apiVersion: "v1", kind: "NoSuchKind") == nil)
        #expect(index.definition(named: "nope") == nil)
        #expect(index.definitionNames.count == 632)
    }

    @Test func servedResourcesFromPaths() throws {
        #expect(index.groupVersions.first == "v1")
        #expect(index.groupVersions.contains("apps/v1"))
        #expect(index.groupVersions.contains("networking.k8s.io/v1"))

        let deploy = try #require(index.servedResource(group: "apps", version: "v1", plural: "deployments"))
        #expect(deploy.kind == "Deployment")
        #expect(deploy.namespaced)
        #expect(deploy.verbs == ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"])
        #expect(deploy.subresources.map(\.name) == ["scale", "status"])
        #expect(deploy.subresources[0].kind == GroupVersionKind(group: "autoscaling", version: "v1", kind: "Scale"))

        let ns = try #require(index.servedResource(group: "", version: "v1", plural: "namespaces"))
        #expect(!ns.namespaced)
        #expect(ns.verbs == ["create", "delete", "get", "list", "patch", "update", "watch"])
        #expect(ns.subresources.map(\.name) == ["finalize", "status"])

        let pods = try #require(index.servedResource(group: "", version: "v1", plural: "pods"))
        #expect(pods.subresources.map(\.name).contains("log"))
        #expect(pods.subresources.first { $0.name == "exec" }?.verbs == ["create", "get"])
        #expect(pods.subresources.first { $0.name == "eviction" }?.kind?.group == "policy")

        let tokenReviews = try #require(index.servedResource(group: "authentication.k8s.io", version: "v1", plural: "tokenreviews"))
        #expect(tokenReviews.verbs == ["create"])
        #expect(index.servedResources(kind: GroupVersionKind(group: "", version: "v1", kind: "Node")).map(\.plural) == ["nodes"])
    }

    @Test func schemaTextRoundTripAndInMemoryIndex() throws {
        let text = """
            V example.com/v1
            K example.com:v1:Widget com.example.v1.Widget
            R example.com/v1 widgets example.com:v1:Widget n get,list
            S example.com/v1 widgets/status example.com:v1:Widget get
            D com.example.v1.Widget object
            g example.com:v1:Widget
            q spec
            d A widget.
            f spec @com.example.v1.WidgetSpec
            d The widget's spec.
            D com.example.v1.WidgetSpec object pu
            f size integer:int64
            f mode string
            e "fast"
            e "slow"
            """
        let idx = SchemaIndex(schemaText: text)
        let w = try #require(idx.definition(apiVersion: "example.com/v1", kind: "Widget"))
        #expect(w.required == ["spec"])
        #expect(w.description == "A widget.")
        #expect(w.properties[0].description == "The widget's spec.")
        let spec = try #require(idx.definition(named: "com.example.v1.WidgetSpec"))
        #expect(spec.extensions.preserveUnknownFields)
        #expect(spec.property(named: "mode")?.enumValues == ["fast", "slow"])
        #expect(idx.servedResources.first?.subresources.first?.name == "status")

        let mem = SchemaIndex(definitions: [w, spec])
        #expect(mem.definition(group: "example.com", version: "v1", kind: "Widget") == w)
    }
}
