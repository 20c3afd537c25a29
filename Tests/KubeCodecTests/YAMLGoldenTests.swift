import Testing
import Glibc
import KubeModel
import KubeTestSupport
@testable import KubeCodec

/// Golden cases recorded from kubectl v1.32 by `Golden/record.sh`: each input under
/// `Golden/cases/` is read with `YAMLCodec`, gets the label `k=v` (as `kubectl label --local -f
/// CASE k=v` does), and must print byte-for-byte what kubectl printed with `-o json` and `-o yaml`;
/// inputs kubectl rejects must produce kubectl's error text.
private let casesDir = besideTest("Golden/cases")

private func caseNames() -> [String] {
    directoryEntries(casesDir).filter { name in
        !(name.hasSuffix(".out.json") || name.hasSuffix(".out.yaml") || name.hasSuffix(".err"))
            && (name.hasSuffix(".yaml") || name.hasSuffix(".json"))
    }
}

private func stem(_ file: String) -> String {
    String(file[..<file.lastIndex(of: ".")!])
}

@Suite struct YAMLGoldenTests {
    @Test func corpusIsThere() {
        #expect(caseNames().count >= 40)
    }

    @Test(arguments: caseNames())
    func kubectlGolden(_ file: String) throws {
        let input = try #require(readTextFile(casesDir + "/" + file))
        let base = casesDir + "/" + stem(file)
        let result = YAMLCodec.decodeStream(input, source: file)
        if let err = readTextFile(base + ".err") {
            var expected = err
            if expected.hasPrefix("error: ") { expected.removeFirst(7) }
            if expected.hasSuffix("\n") { expected.removeLast() }
            if expected.hasPrefix("unable to decode") {
                // kubectl read the YAML but the document is no object (a later, CLI-level check).
                #expect(result.error == nil)
                #expect(result.documents.contains { $0.object == nil })
            } else {
                #expect(result.error?.description == expected)
            }
            return
        }
        #expect(result.error == nil)
        var json = ""
        var yaml = ""
        for var doc in result.documents {
            doc.set(["metadata", "labels", "k"], "v")
            json += doc.jsonString() + "\n"
            yaml += YAMLCodec.encode(doc)
        }
        if let dir = getenv("KUBECODEC_DUMP") {
            let d = String(cString: dir)
            for (ext, text) in [("json", json), ("yaml", yaml)] {
                if let f = fopen(d + "/" + stem(file) + "." + ext, "wb") { fputs(text, f); fclose(f) }
            }
        }
        #expect(json == readTextFile(base + ".out.json"))
        #expect(yaml == readTextFile(base + ".out.yaml"))
    }
}
