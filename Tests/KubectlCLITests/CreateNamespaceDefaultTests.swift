import KubeModel
import KubeTestSupport
import Testing

/// `create -f` and `replace -f` write the namespace kubectl's builder resolved into each namespaced
/// object before anything else, so `--save-config`'s annotation names it, and an unstructured object's
/// annotation keeps `"annotations":{}` (kubectl v1.32, recorded in Golden/create ns-default-*).
@Suite struct CreateNamespaceDefaultTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: c, image: nginx}]}
        """

    static let lastApplied = #"jsonpath={.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}"#

    @Test func saveConfigRecordsTheResolvedNamespace() {
        let s = TestStore()
        let file = s.writeFile("d.yaml", Self.deployment)
        #expect(s.run("create ns team-a").exitCode == 0)
        #expect(s.run("create -f \(file) --save-config -n team-a").stdout == "deployment.apps/web created\n")
        let annotation = s.run(args: ["get", "deploy", "web", "-n", "team-a", "-o", Self.lastApplied]).stdout
        #expect(annotation.hasPrefix(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"team-a"},"spec""#))
        // apply finds nothing to change: the annotation is what apply itself would have written.
        #expect(s.run("apply -f \(file) -n team-a").stdout == "deployment.apps/web unchanged\n")
    }

    @Test func typedGeneratorsLeaveEmptyAnnotationsOut() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --save-config").exitCode == 0)
        let annotation = s.run(args: ["get", "deploy", "web", "-o", Self.lastApplied]).stdout
        #expect(annotation.hasPrefix(#"{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}}"#))
    }

    /// A directory's files are named as filepath.Walk names them: filepath.Join(dir, name), cleaned.
    @Test(arguments: [("./w/sub/", "w/sub"), ("w//sub", "w/sub"), ("w/./sub/../sub", "w/sub"), (".", "."), ("./", "."),
                      ("../a/..", ".."), ("/x/../../y", "/y"), ("", "."), ("a/../..", "..")])
    func walkedPathsAreCleaned(_ input: String, _ cleaned: String) {
        #expect(goCleanPath(input) == cleaned)
    }
}
