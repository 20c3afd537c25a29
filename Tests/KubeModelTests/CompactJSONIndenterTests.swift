import Testing
@testable import KubeModel

/// The re-indenter prints a stored (compact, writer-made) object exactly as parsing it and writing it
/// with kubectl's options would.
@Suite struct CompactJSONIndenterTests {
    static let samples: [String] = [
        #"{"b":1,"a":{"z":true,"y":null},"c":[1.5,"x<y & é \"q\" \\ \n"],"e":[],"f":{},"g":[[],[{}],{"k":[1,2]}]}"#,
        #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","managedFields":[{"manager":"m","fieldsV1":{"f:spec":{"k:{\"name\":\"web\"}":{".":{}},"k:{\"name\":\"a\"}":{}}}}],"labels":{"z":"1","a/b":"2","a":"3"}},"spec":{"n":-12,"d":1e+21,"f":0.000001}}"#,
        #"{"metadata":{"managedFields":[]}}"#,
        #"{"items":[{"metadata":{"managedFields":[1]}}],"metadata":{}}"#,
        #"{"ab":1,"a":2,"a\u003c":3,"a\"":4,"":5}"#,
    ]

    @Test(arguments: samples, [true, false])
    func matchesParseThenWrite(text: String, drop: Bool) throws {
        let value = try JSON.parse(text)
        var expectedValue = value
        if drop { expectedValue.remove(["metadata", "managedFields"]) }
        let stored = value.jsonString(.compactOrdered)
        var expected: [UInt8] = []
        expectedValue.writeJSON(into: &expected, options: .kubectl, level: 2)
        var indenter = CompactJSONIndenter()
        var out: [UInt8] = []
        var copy = stored
        let ok = copy.withUTF8 { indenter.write($0, into: &out, level: 2, dropManagedFields: drop) }
        #expect(ok)
        #expect(String(decoding: out, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test(arguments: ["", "{", #"{"a":1"#, #"{"a" :1}"#, "{\"a\":[1,]}", #"[1] "#, #"{"a":tru e}"#])
    func refusesWhatTheWriterDoesNotMake(text: String) {
        var indenter = CompactJSONIndenter()
        var out: [UInt8] = []
        var copy = text
        #expect(!copy.withUTF8 { indenter.write($0, into: &out, level: 0, dropManagedFields: false) })
    }
}
