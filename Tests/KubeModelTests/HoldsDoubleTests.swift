import Testing
@testable import KubeModel

/// `JSONValue.holdsDouble`: whether a floating-point number occurs anywhere in a value (`APISession.remember`
/// keeps only objects without one, whose stored text reads back as the same value).
@Suite struct HoldsDoubleTests {
    @Test func findsADoubleAtAnyDepthAndNothingElse() throws {
        #expect(JSONValue.double(1).holdsDouble)
        for v: JSONValue in [.null, .bool(true), .int(1), .string("1.5"), .array([]), .emptyObject] { #expect(!v.holdsDouble) }
        let pod = try JSON.parse(#"{"metadata":{"name":"p","labels":{"a":"b"}},"spec":{"containers":[{"name":"c","ports":[{"containerPort":80}]}],"priority":0},"status":{"conditions":[{"type":"Ready","status":"True"}]}}"#)
        #expect(!pod.holdsDouble)
        // A double in the last place of each container level is found.
        var inArray = pod
        inArray["spec"]["containers"] = [["name": "c", "ports": [["containerPort": 80], ["x": .double(0.5)]]]]
        #expect(inArray.holdsDouble)
        var inObject = pod
        inObject["status"]["conditions"] = [["type": "Ready", "status": "True", "score": .double(2.0)]]
        #expect(inObject.holdsDouble)
        var nested: JSONValue = .double(3.25)
        for i in 0..<50 { nested = i % 2 == 0 ? .array([.int(1), nested]) : ["k": .string("v"), "n": nested] }
        #expect(nested.holdsDouble)
        #expect(try !JSON.parse("[[[[1,2,{\"a\":[3,{\"b\":null}]}]]]]").holdsDouble)
        #expect(try JSON.parse("[[[[1,2,{\"a\":[3,{\"b\":1.5}]}]]]]").holdsDouble)
    }
}
