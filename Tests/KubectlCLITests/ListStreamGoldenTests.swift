import KubeTestSupport
import Testing

/// `get TYPE -o jsonpath|go-template` and `--sort-by` over a list, as kubectl v1.32 prints them (goldens
/// under Golden/liststream, recorded by its record.sh from the same pods): templates over `.items` that
/// stream item by item, ones that need the whole list, client-go's early stop of `[*]` on an empty list,
/// nested ranges, `{{break}}`/`{{continue}}`, empty lists, sorting by keys read from every object.
@Suite struct ListStreamGoldenTests {
    static let dir = besideTest("Golden/liststream")

    /// The arguments of one line of cases.txt: words before " -o ", then the output spec as one word.
    static func arguments(_ line: String) -> [String] {
        let chars = Array(line), marker = Array(" -o ")
        guard let at = (0...max(0, chars.count - marker.count)).first(where: { Array(chars[$0..<min(chars.count, $0 + marker.count)]) == marker })
        else { return line.split(separator: " ").map(String.init) }
        return String(chars[..<at]).split(separator: " ").map(String.init) + ["-o", String(chars[(at + marker.count)...])]
    }

    @Test func listOutputsMatchKubectl() throws {
        let s = TestStore()
        let manifest = try #require(readTextFile("\(Self.dir)/pods.yaml"))
        #expect(s.run("create -f -", stdin: manifest).exitCode == 0)
        let cases = try #require(readTextFile("\(Self.dir)/cases.txt")).split(separator: "\n").map(String.init)
        #expect(cases.count == 27)
        for (i, line) in cases.enumerated() {
            let golden = readTextFile("\(Self.dir)/" + (i < 9 ? "0" : "") + "\(i + 1).txt")
            let got = s.run(args: ["get"] + Self.arguments(line))
            #expect(got.exitCode == 0 && got.stderr.isEmpty, "case \(i + 1): \(line)\n\(got.stderr)")
            #expect(got.stdout == golden, "case \(i + 1): \(line)")
        }
    }
}
