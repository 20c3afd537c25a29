import Testing
import Glibc
import KubeModel
@testable import KubeCodec

/// Golden cases recorded from kubectl v1.32 by `Golden/record.sh`: each input under
/// `Golden/cases/` is read with `YAMLCodec`, gets the label `k=v` (as `kubectl label --local -f
/// CASE k=v` does), and must print byte-for-byte what kubectl printed with `-o json` and `-o yaml`;
/// inputs kubectl rejects must produce kubectl's error text.
private let casesDir: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast()
    return parts.joined(separator: "/") + "/Golden/cases"
}()

func readFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: buf[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func caseNames() -> [String] {
    guard let d = opendir(casesDir) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let e = readdir(d) {
        let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name.hasSuffix(".out.json") || name.hasSuffix(".out.yaml") || name.hasSuffix(".err") { continue }
        if name.hasSuffix(".yaml") || name.hasSuffix(".json") { names.append(name) }
    }
    return names.sorted()
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
        let input = try #require(readFile(casesDir + "/" + file))
        let base = casesDir + "/" + stem(file)
        let result = YAMLCodec.decodeStream(input, source: file)
        if let err = readFile(base + ".err") {
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
        #expect(json == readFile(base + ".out.json"))
        #expect(yaml == readFile(base + ".out.yaml"))
    }
}
