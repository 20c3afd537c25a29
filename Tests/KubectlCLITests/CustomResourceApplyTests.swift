import KubeModel
import KubeTestSupport
import Testing

/// Server-side apply of custom resources follows the CRD schema's `x-kubernetes-list-type`,
/// `x-kubernetes-list-map-keys` and `x-kubernetes-map-type`: map lists are owned item by item (by
/// key), sets value by value, atomic lists and maps as a whole.
@Suite struct CustomResourceApplyTests {
    static let crd = crdYAML(schema: """
        type: object
        properties:
          spec:
            type: object
            properties:
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    port: {type: integer}
              tags:
                type: array
                x-kubernetes-list-type: set
                items: {type: string}
              plain:
                type: array
                items: {type: string}
              selector:
                type: object
                x-kubernetes-map-type: atomic
                additionalProperties: {type: string}
        """)

    func store() -> TestStore {
        let s = TestStore()
        #expect(s.run("apply -f -", stdin: Self.crd).exitCode == 0)
        return s
    }

    func apply(_ s: TestStore, _ manager: String, _ spec: String, force: Bool = false) -> CLIResult {
        let doc = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: " + spec + "\n"
        return s.run("apply --server-side --field-manager=\(manager)\(force ? " --force-conflicts" : "") -f -", stdin: doc)
    }

    @Test func listItemsAreOwnedByKeyAndSetsByValue() throws {
        let s = store()
        #expect(apply(s, "alice", "{ports: [{name: http, port: 80}], tags: [a], plain: [x], selector: {app: w}}").exitCode == 0)
        #expect(apply(s, "bob", "{ports: [{name: metrics, port: 9090}], tags: [b]}").exitCode == 0)
        #expect(s.run("get widget w -o jsonpath={.spec}").stdout
            == #"{"plain":["x"],"ports":[{"name":"http","port":80},{"name":"metrics","port":9090}],"selector":{"app":"w"},"tags":["a","b"]}"#)
        let obj = try JSON.parse(s.run("get widget w -o json --show-managed-fields").stdout)
        let entries = obj["metadata"]["managedFields"].array ?? []
        let alice = entries.first { $0["manager"] == "alice" }?["fieldsV1"]["f:spec"] ?? .null
        let bob = entries.first { $0["manager"] == "bob" }?["fieldsV1"]["f:spec"] ?? .null
        #expect(alice["f:ports"] == [#"k:{"name":"http"}"#: [".": .emptyObject, "f:name": .emptyObject, "f:port": .emptyObject]])
        #expect(alice["f:tags"] == [#"v:"a""#: .emptyObject])
        #expect(alice["f:plain"] == .emptyObject && alice["f:selector"] == .emptyObject)
        #expect(bob["f:ports"] == [#"k:{"name":"metrics"}"#: [".": .emptyObject, "f:name": .emptyObject, "f:port": .emptyObject]])
        // Another value for an item alice owns is a conflict on that item's field only.
        let conflict = apply(s, "bob", "{ports: [{name: http, port: 8080}]}")
        #expect(conflict.exitCode == 1)
        #expect(conflict.stderr.hasPrefix("error: Apply failed with 1 conflict: conflict with \"alice\": .spec.ports[name=\"http\"].port\n"))
        // Bob stops applying his item and tag: they go, alice's stay.
        #expect(apply(s, "bob", "{tags: []}").exitCode == 0)
        #expect(s.run("get widget w -o jsonpath={.spec.ports[*].name}|{.spec.tags}").stdout == "http|[\"a\"]")
    }

    @Test func atomicListsAndMapsAreReplacedWhole() {
        let s = store()
        #expect(apply(s, "alice", "{plain: [x, q], selector: {app: w, tier: web}}").exitCode == 0)
        let r = apply(s, "bob", "{plain: [z], selector: {app: other}}")
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("conflicts with \"alice\":\n- .spec.plain\n- .spec.selector\n"))
        #expect(apply(s, "bob", "{plain: [z], selector: {app: other}}", force: true).exitCode == 0)
        #expect(s.run("get widget w -o jsonpath={.spec}").stdout == #"{"plain":["z"],"selector":{"app":"other"}}"#)
    }
}
