import Testing
import Glibc
import KubeModel
import KubeTestSupport
@testable import KubeCodec

private let goldenDir = besideTest("Golden")

@Suite struct YAMLUnitTests {
    @Test(arguments: ["deployment", "configmap", "service"])
    func kubectlOutputRoundTrips(_ name: String) throws {
        let text = try #require(readTextFile(goldenDir + "/roundtrip/\(name).yaml"))
        let docs = try YAMLCodec.decodeDocuments(text, source: "\(name).yaml")
        #expect(docs.count == 1)
        #expect(YAMLCodec.encode(docs[0]) == text)
    }

    @Test func encodeDocumentsSeparatesWithDashes() {
        let out = YAMLCodec.encodeDocuments([["a": 1], ["b": [1, "x"]], [:]])
        #expect(out == "a: 1\n---\nb:\n- 1\n- x\n---\n{}\n")
    }

    @Test func scalarsAndEmptyCollections() {
        let v: JSONValue = ["s": "yes", "e": "", "n": nil, "l": [], "m": [:], "d": 1.5, "i": 1.0, "t": true, "x": 1e-6]
        #expect(YAMLCodec.encode(v) == "d: 1.5\ne: \"\"\ni: 1\nl: []\nm: {}\n\"n\": null\ns: \"yes\"\nt: true\nx: 1e-06\n")
    }

    @Test func keyOrderIsGoYAMLNatural() {
        #expect(yamlKeyLess("a9", "a10"))
        #expect(yamlKeyLess("1", "9") && yamlKeyLess("9", "10"))
        #expect(yamlKeyLess("_x", "a") && yamlKeyLess("-x", "_x"))
        #expect(yamlKeyLess("Z", "a") && yamlKeyLess("A", "Ab"))
        #expect(yamlKeyLess("b1", "b01") && yamlKeyLess("b01", "b001"))
        #expect(!yamlKeyLess("a10", "a9"))
        // Not transitive (kubectl's own output is then random): v10 < v1beta1 < v2 < v10.
        #expect(yamlKeyLess("v10", "v1beta1") && yamlKeyLess("v1beta1", "v2") && yamlKeyLess("v2", "v10"))
    }

    /// The byte-level comparison of ASCII keys orders every pair as the rune comparison does.
    @Test func asciiKeyOrderMatchesRuneOrder() {
        let keys = ["a9", "a10", "1", "9", "10", "_x", "-x", "a", "Z", "A", "Ab", "b1", "b01", "b001", "v10", "v1beta1",
                    "v2", "", "0", "00", "007", "x.y", "x-y", "apiVersion", "kind", "metadata", "ñ", "é1", "a", "a0"]
        for a in keys {
            for b in keys {
                #expect(yamlKeyLessFast(a, b) == yamlKeyLess(yamlKeyRunes(a), yamlKeyRunes(b)), "\(a) \(b)")
            }
        }
    }

    @Test(arguments: [(1e20, "1e+20"), (1234567.5, "1.2345675e+06"), (1e-6, "1e-06"), (0.0001, "0.0001"),
                      (123456.5, "123456.5"), (-1e-7, "-1e-07"), (12345678901234567890.0, "1.2345678901234567e+19")])
    func goGFormat(_ value: Double, _ expected: String) {
        #expect(goFormatG(value) == expected)
    }

    @Test func numbersPrintAsKubectlReReadsTheirJSON() {
        #expect(yamlNumberText(12345678901234567890.0) == "12345678901234567000")
        #expect(yamlNumberText(-9223372036854775808.0) == "-9.223372036854776e+18")
        #expect(yamlNumberText(3.0) == "3")
        #expect(yamlNumberText(-0.0) == "0")
    }

    @Test func singleDocumentAPI() throws {
        #expect(try YAMLCodec.decode("a: [1, y, '2']") == ["a": [1, true, "2"]])
        #expect(try YAMLCodec.decode("") == .null)
        #expect(throws: YAMLError("error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context")) {
            try YAMLCodec.decode("a: 1\nb: c: d\n")
        }
    }

    @Test func streamKeepsDocumentsBeforeTheError() {
        let r = YAMLCodec.decodeStream("a: 1\n---\nb: [\n", source: "f.yaml")
        #expect(r.documents == [["a": 1]])
        // Verified with kubectl: the line number counts within the second document.
        #expect(r.error?.description == "error parsing f.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content")
    }

    @Test func cursorHandsOutDocumentsOneAtATime() throws {
        var cursor = YAMLDocumentCursor(bytes: Array("a: 1\n---\n---\nnull\n---\nb: 2\n--- # c\nc: [\n---\nd: 4\n".utf8), source: "f.yaml")
        #expect(try cursor.next() == ["a": 1])
        #expect(try cursor.next() == ["b": 2])
        // The broken third document ends the stream: the one after it is never read.
        #expect(throws: YAMLError("error parsing f.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content")) {
            try cursor.next()
        }
        #expect(try cursor.next() == nil)
        var json = YAMLDocumentCursor(bytes: Array(" {\"a\":1} null {\"b\":2}".utf8), source: "j.json")
        #expect(try json.next() == ["a": 1])
        #expect(try json.next() == ["b": 2])
        #expect(try json.next() == nil)
    }

    @Test func bytesOverloadAndEmptyInput() throws {
        #expect(try YAMLCodec.decodeDocuments(bytes: Array("x: 1\n".utf8), source: "b") == [["x": 1]])
        #expect(try YAMLCodec.decodeDocuments(bytes: [], source: "b") == [])
        #expect(try YAMLCodec.decodeDocuments("---\n# only a comment\n---\n", source: "b") == [])
    }

    @Test func thousandObjectsRoundTrip() throws {
        var text = ""
        for i in 0..<1000 {
            text += """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web-\(i)
              labels: {app: web, tier: "\(i % 3)"}
              annotations:
                note: |
                  line one
                  line two
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx:1.25
                    ports:
                    - containerPort: 80
                    env:
                    - {name: A, value: "yes"}
                    resources: {limits: {cpu: 500m, memory: 128Mi}}
            ---

            """
        }
        let docs = try YAMLCodec.decodeDocuments(text, source: "big.yaml")
        let out = YAMLCodec.encodeDocuments(docs)
        #expect(docs.count == 1000)
        #expect(docs[999].at("metadata", "name") == "web-999")
        #expect(out.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"))
        // The round trip is stable: decoding what we wrote gives the same documents.
        #expect(try YAMLCodec.decodeDocuments(out, source: "out.yaml") == docs)
    }
}
