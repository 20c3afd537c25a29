import KubeModel
import Testing
@testable import KubeRegistry

struct ResolutionTests {
    let registry = Registry.builtin

    @Test(arguments: [
        ("pods", "", "v1", "pods"), ("pod", "", "v1", "pods"), ("po", "", "v1", "pods"), ("Pod", "", "v1", "pods"),
        ("PODS", "", "v1", "pods"),
        ("deployments", "apps", "v1", "deployments"), ("deploy", "apps", "v1", "deployments"),
        ("Deployment", "apps", "v1", "deployments"), ("deployments.apps", "apps", "v1", "deployments"),
        ("deployment.apps", "apps", "v1", "deployments"), ("deploy.apps", "apps", "v1", "deployments"),
        ("deployments.v1.apps", "apps", "v1", "deployments"), ("Deployment.v1.apps", "apps", "v1", "deployments"),
        ("svc", "", "v1", "services"), ("services", "", "v1", "services"),
        ("ing", "networking.k8s.io", "v1", "ingresses"), ("ingresses.networking.k8s.io", "networking.k8s.io", "v1", "ingresses"),
        ("ingresses.v1.networking.k8s.io", "networking.k8s.io", "v1", "ingresses"),
        ("hpa", "autoscaling", "v2", "horizontalpodautoscalers"),
        ("horizontalpodautoscalers.v1.autoscaling", "autoscaling", "v1", "horizontalpodautoscalers"),
        ("cj", "batch", "v1", "cronjobs"), ("jobs", "batch", "v1", "jobs"), ("sts", "apps", "v1", "statefulsets"),
        ("ds", "apps", "v1", "daemonsets"), ("rs", "apps", "v1", "replicasets"), ("rc", "", "v1", "replicationcontrollers"),
        ("cm", "", "v1", "configmaps"), ("ns", "", "v1", "namespaces"), ("no", "", "v1", "nodes"),
        ("pv", "", "v1", "persistentvolumes"), ("pvc", "", "v1", "persistentvolumeclaims"),
        ("ep", "", "v1", "endpoints"), ("endpoints", "", "v1", "endpoints"), ("limits", "", "v1", "limitranges"),
        ("quota", "", "v1", "resourcequotas"), ("sa", "", "v1", "serviceaccounts"), ("cs", "", "v1", "componentstatuses"),
        ("netpol", "networking.k8s.io", "v1", "networkpolicies"), ("pdb", "policy", "v1", "poddisruptionbudgets"),
        ("sc", "storage.k8s.io", "v1", "storageclasses"), ("pc", "scheduling.k8s.io", "v1", "priorityclasses"),
        ("csr", "certificates.k8s.io", "v1", "certificatesigningrequests"),
        ("crd", "apiextensions.k8s.io", "v1", "customresourcedefinitions"),
        ("crds", "apiextensions.k8s.io", "v1", "customresourcedefinitions"),
        ("events", "", "v1", "events"), ("event", "", "v1", "events"),
        ("events.events.k8s.io", "events.k8s.io", "v1", "events"), ("ev.events.k8s.io", "events.k8s.io", "v1", "events"),
        ("clusterrolebindings", "rbac.authorization.k8s.io", "v1", "clusterrolebindings"),
        ("leases", "coordination.k8s.io", "v1", "leases"), ("endpointslices", "discovery.k8s.io", "v1", "endpointslices"),
    ])
    func resolves(_ text: String, _ group: String, _ version: String, _ plural: String) throws {
        let r = try registry.resolve(text)
        #expect(r.type.group == group)
        #expect(r.type.version == version)
        #expect(r.type.plural == plural)
        #expect(r.warnings.isEmpty)
    }

    @Test func ambiguousShortNameWarns() throws {
        let r = try registry.resolve("ev")
        #expect(r.type.group == "")
        #expect(r.type.plural == "events")
        #expect(r.warnings == ["short name \"ev\" could also match lower priority resource events.events.k8s.io"])
    }

    @Test func hpaShortNameAcrossVersionsDoesNotWarn() throws {
        #expect(try registry.resolve("hpa").warnings.isEmpty)
    }

    // Short names are compared as written (kubectl v1.32: `get PO`, `explain HPA` are unknown types).
    @Test(arguments: [("foo", "foo"), ("pods.foo", "pods"), ("deploy.v1.foo", "deploy"), ("", ""), ("PO", "PO"),
                      ("Deploy", "Deploy"), ("HPA", "HPA")])
    func unknown(_ text: String, _ named: String) {
        #expect(throws: UnknownResourceTypeError(resource: named)) { try registry.resolve(text) }
        do {
            _ = try registry.resolve(text)
        } catch {
            #expect("\(error)" == "the server doesn't have a resource type \"\(named)\"")
        }
    }

    @Test func groupMismatchIsUnknown() {
        #expect(throws: UnknownResourceTypeError.self) { try registry.resolve("deployments.batch") }
        #expect(throws: UnknownResourceTypeError.self) { try registry.resolve("deployments.v2.apps") }
    }

    @Test func allCategoryInDiscoveryOrder() {
        #expect(registry.types(inCategory: "all").map(\.qualifiedPlural) == [
            "pods", "replicationcontrollers", "services", "daemonsets.apps", "deployments.apps", "replicasets.apps",
            "statefulsets.apps", "horizontalpodautoscalers.autoscaling", "cronjobs.batch", "jobs.batch",
        ])
        #expect(registry.isCategory("all"))
        #expect(registry.types(inCategory: "api-extensions").map(\.plural).contains("customresourcedefinitions"))
    }

    @Test func apiVersions() {
        #expect(registry.apiVersions == [
            "admissionregistration.k8s.io/v1", "apiextensions.k8s.io/v1", "apiregistration.k8s.io/v1", "apps/v1",
            "authentication.k8s.io/v1", "authorization.k8s.io/v1", "autoscaling/v1", "autoscaling/v2", "batch/v1",
            "certificates.k8s.io/v1", "coordination.k8s.io/v1", "discovery.k8s.io/v1", "events.k8s.io/v1",
            "flowcontrol.apiserver.k8s.io/v1", "networking.k8s.io/v1", "node.k8s.io/v1", "policy/v1",
            "rbac.authorization.k8s.io/v1", "scheduling.k8s.io/v1", "storage.k8s.io/v1", "v1",
        ])
    }

    @Test func apiResourcesOrder() {
        let rows = registry.apiResources
        // Core first, sorted by name; then groups by name.
        #expect(rows.prefix(4).map(\.plural) == ["bindings", "componentstatuses", "configmaps", "endpoints"])
        #expect(rows.filter { $0.group == "apps" }.map(\.plural) ==
            ["controllerrevisions", "daemonsets", "deployments", "replicasets", "statefulsets"])
        let groups = rows.map(\.group)
        var seen: [String] = []
        for g in groups where seen.last != g { seen.append(g) }
        #expect(seen == seen.sorted(by: goStringLess))
        #expect(Set(seen).count == seen.count)
        // One row per resource: HPA only in its preferred version.
        #expect(rows.filter { $0.plural == "horizontalpodautoscalers" }.map(\.version) == ["v2"])
        #expect(rows.first { $0.plural == "namespaces" }?.verbs == ["create", "delete", "get", "list", "patch", "update", "watch"])
        #expect(rows.first { $0.plural == "tokenreviews" }?.verbs == ["create"])
        #expect(rows.count == 58)
        #expect(registry.apiResources(sortBy: "kind").first?.kind == "APIService")
    }

    @Test func lookups() {
        #expect(registry.type(apiVersion: "apps/v1", kind: "Deployment")?.plural == "deployments")
        #expect(registry.type(apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler")?.version == "v1")
        #expect(registry.type(apiVersion: "apps/v1beta1", kind: "Deployment") == nil)
        #expect(registry.type(for: GroupVersionKind(group: "", version: "v1", kind: "Pod"))?.plural == "pods")
        #expect(registry.type(storageKey: "apps/deployments")?.kind == "Deployment")
        #expect(registry.type(storageKey: "/pods")?.kind == "Pod")
        #expect(registry.type(group: "batch", kind: "CronJob")?.plural == "cronjobs")
    }

    @Test func schemaNamesAndScopes() {
        let d = registry.type(group: "apps", kind: "Deployment")
        #expect(d?.schemaName == "io.k8s.api.apps.v1.Deployment")
        #expect(d?.namespaced == true)
        #expect(registry.type(group: "", kind: "Node")?.namespaced == false)
        #expect(registry.type(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition")?.schemaName ==
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition")
        for t in registry.types where !["Binding"].contains(t.kind) {
            #expect(t.schemaName != nil, "\(t.kind)")
        }
    }

    @Test func nameRules() {
        #expect(registry.type(group: "", kind: "Service")?.nameRule == .dns1035Label)
        #expect(registry.type(group: "", kind: "Namespace")?.nameRule == .dns1123Label)
        #expect(registry.type(group: "rbac.authorization.k8s.io", kind: "Role")?.nameRule == .pathSegment)
        #expect(registry.type(group: "", kind: "Pod")?.nameRule == .dns1123Subdomain)
    }

    @Test func customResources() throws {
        var r = registry
        r.add(ResourceType(group: "example.com", version: "v1", kind: "Widget", plural: "widgets", shortNames: ["wd", "po"],
                           namespaced: true, categories: ["all"]))
        #expect(try r.resolve("widgets").type.kind == "Widget")
        #expect(try r.resolve("wd").type.kind == "Widget")
        #expect(try r.resolve("widget.example.com").type.kind == "Widget")
        // A built-in keeps its short name; the custom one is reported as lower priority.
        let po = try r.resolve("po")
        #expect(po.type.kind == "Pod")
        #expect(po.warnings == ["short name \"po\" could also match lower priority resource widgets.example.com"])
        #expect(r.types(inCategory: "all").last?.plural == "widgets")
        #expect(r.apiVersions.contains("example.com/v1"))
        r.remove(group: "example.com", plural: "widgets")
        #expect(throws: UnknownResourceTypeError.self) { try r.resolve("widgets") }
        #expect(!r.apiVersions.contains("example.com/v1"))
    }
}
