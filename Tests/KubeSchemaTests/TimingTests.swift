import Testing
import KubeModel
@testable import KubeSchema
#if canImport(Glibc)
import Glibc
#endif

private func nowMs() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

@Suite struct TimingTests {
    /// Hand measurement (printed): a cold index, one kind looked up and one object validated.
    /// The bound is loose (debug build, shared machine); the printed numbers are what matter.
    @Test func coldLookupAndValidate() throws {
        let tb = nowMs()
        let bytes = builtinSchemaBytes()
        let t0 = nowMs()
        let index = SchemaIndex(schemaText: bytes)
        let t1 = nowMs()
        let def = try #require(index.definition(apiVersion: "apps/v1", kind: "Deployment"))
        let t2 = nowMs()
        let o = try JSON.parse(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","labels":{"app":"x"}},
             "spec":{"replicas":2,"foo":1,"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},
             "spec":{"containers":[{"name":"c","image":"nginx","ports":[{"containerPort":80}],"resources":{"limits":{"cpu":"1"}}}]}}}}
            """#)
        let errs = strictFieldErrors(o, definition: def, index: index)
        let t3 = nowMs()
        _ = strictFieldErrors(o, definition: def, index: index)
        let t4 = nowMs()
        #expect(errs == [#"unknown field "spec.foo""#])
        print("schema timing (ms): bytes \(t0 - tb), index \(t1 - t0), lookup \(t2 - t1), first validate \(t3 - t2), warm validate \(t4 - t3)")
        #expect(t3 - tb < 200)
    }
}
