import Testing
import KubeModel
@testable import KubeSchema

/// A cold index built from the embedded schema bytes answers a lookup and a strict validation, and a
/// second validation on the warm index gives the same verdict. (No timing here: timing belongs in
/// bench/run.sh.)
@Suite struct ColdIndexTests {
    @Test func coldLookupAndValidate() throws {
        let index = SchemaIndex(schemaText: builtinSchemaBytes())
        let def = try #require(index.definition(apiVersion: "apps/v1", kind: "Deployment"))
        let o = try JSON.parse(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","labels":{"app":"x"}},
             "spec":{"replicas":2,"foo":1,"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},
             "spec":{"containers":[{"name":"c","image":"nginx","ports":[{"containerPort":80}],"resources":{"limits":{"cpu":"1"}}}]}}}}
            """#)
        let first = strictFieldErrors(o, definition: def, index: index)
        #expect(first == [#"unknown field "spec.foo""#])
        #expect(strictFieldErrors(o, definition: def, index: index) == first)
        #expect(index.definition(apiVersion: "apps/v1", kind: "NoSuchKind") == nil)
    }
}
