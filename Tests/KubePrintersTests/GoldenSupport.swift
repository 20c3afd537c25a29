#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport

/// Folder of the recorded kubectl outputs, found from this file's path.
let goldenRoot = besideTest("Golden")

/// One recorded case of `Golden/jsonpath/cases.txt`.
struct JSONPathCase: CustomStringConvertible {
    var id: String
    var fixture: String
    var format: String
    var strict: Bool
    var template: String
    var expected: CLIResult

    var description: String { "case \(id) [\(format)\(strict ? ", strict" : "")] \(fixture): \(template)" }

    var args: [String] {
        var a = ["label", "--local", "-f", goldenRoot + "/jsonpath/" + fixture, "x=y", "--overwrite", "-o", format + "=" + template]
        if strict { a.append("--allow-missing-template-keys=false") }
        return a
    }

    /// The cases of `cases.txt` (outputs in `out/`) or of another case file `NAME-cases.txt` (outputs
    /// in `out-NAME/`, exit codes in `NAME-exit-codes.txt`).
    static func all(_ file: String = "cases.txt") -> [JSONPathCase] {
        let dir = goldenRoot + "/jsonpath"
        let stem = file == "cases.txt" ? "" : String(file.dropLast("-cases.txt".count))
        let outDir = stem.isEmpty ? "out" : "out-" + stem
        let codesFile = stem.isEmpty ? "exit-codes.txt" : stem + "-exit-codes.txt"
        guard let text = readTextFile(dir + "/" + file), let codes = readTextFile(dir + "/" + codesFile) else { return [] }
        var exit: [String: Int32] = [:]
        for line in codes.split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count == 2 { exit[String(f[0])] = Int32(f[1]) }
        }
        var cases: [JSONPathCase] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let f = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4 else { continue }
            var id = String(i + 1)
            while id.count < 3 { id = "0" + id }
            let expected = CLIResult(stdout: readTextFile("\(dir)/\(outDir)/\(id).out") ?? "",
                                     stderr: readTextFile("\(dir)/\(outDir)/\(id).err") ?? "", exitCode: exit[id] ?? -1)
            cases.append(JSONPathCase(id: id, fixture: f[0], format: f[1], strict: f[2] == "strict", template: f[3],
                                      expected: expected))
        }
        return cases
    }
}
