import Testing
import KubeModel
@testable import KubeSchema

/// `decodeReport` walks an object's keys as stored first and again in Go's byte order only when it
/// meets an error: errors must come out in Go's order whatever order the keys were written in.
@Suite struct StrictValidationOrderTests {
    private func report(_ json: String) throws -> DecodeReport {
        let o = try JSON.parse(json)
        let def = try #require(SchemaIndex.builtin.definition(apiVersion: o["apiVersion"].string ?? "", kind: o["kind"].string ?? ""))
        return decodeReport(o, definition: def, index: .builtin)
    }

    @Test func firstTypeErrorIsTheFirstInGoOrderNotInTheFile() throws {
        // replicas comes before paused in the file; Go meets paused first.
        let r = try report(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":"3","paused":"yes"}}"#)
        #expect(r.decodeError == "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool")
    }

    @Test func strictErrorsInGoOrderAcrossLevelsListsAndMaps() throws {
        let r = try report(#"""
            {"zz":1,"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i","zport":1,"aport":2}],"b":1,"a":2}}},
             "kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"d","labels":{"y":"1","x":"2"},"zeta":1,"alpha":2}}
            """#)
        #expect(r.decodeError == nil)
        #expect(r.strictErrors == [
            #"unknown field "metadata.alpha""#, #"unknown field "metadata.zeta""#,
            #"unknown field "spec.template.spec.a""#, #"unknown field "spec.template.spec.b""#,
            #"unknown field "spec.template.spec.containers[0].aport""#, #"unknown field "spec.template.spec.containers[0].zport""#,
            #"unknown field "zz""#,
        ])
    }

    @Test func aFatalErrorAfterAStoredOrderCleanPrefix() throws {
        // The bad quantity is fatal; in Go's order it is met after nothing else goes wrong.
        let r = try report(#"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p"},"spec":{"containers":[{"resources":{"requests":{"cpu":"1x"}},"name":"c","image":"i"}]}}"#)
        #expect(r.decodeError != nil)
        #expect(r.strictErrors.isEmpty)
    }

    @Test func cleanObjectsHaveAnEmptyReport() throws {
        let r = try report(#"{"spec":{"containers":[{"resources":{"requests":{"memory":"64Mi","cpu":"100m"}},"ports":[{"containerPort":80}],"image":"nginx:1.27","name":"web"}]},"metadata":{"labels":{"tier":"backend","app":"app-0"},"namespace":"ns-0","name":"pod-0"},"kind":"Pod","apiVersion":"v1"}"#)
        #expect(r == DecodeReport())
    }
}
