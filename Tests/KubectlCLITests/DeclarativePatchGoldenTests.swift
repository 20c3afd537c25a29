import KubeTestSupport
import KubeModel
import Testing

/// Replays the `kubectl patch --local` cases recorded with the real kubectl v1.32 (Golden/declarative/
/// patch/record.sh): one case per merge rule, directive and error, compared byte for byte (stdout,
/// stderr, exit code).
enum DeclarativeGolden {
    static let dir: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!]) + "/Golden/declarative"
    }()

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var args: String
        var description: String { name }
    }

    static var patchCases: [Case] {
        guard let text = readTextFile(dir + "/patch/cases.txt") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return Case(name: String(parts[0]), args: String(parts[1]))
        }
    }
}

@Test("patch --local matches kubectl", arguments: DeclarativeGolden.patchCases)
func patchLocalGolden(_ c: DeclarativeGolden.Case) throws {
    let folder = DeclarativeGolden.dir + "/patch/"
    let store = TestStore()
    let args = c.args.replacingAll("FILE:", with: folder)
    let result = store.run("patch --local " + args)
    let stdout = try #require(readTextFile(folder + c.name + ".stdout"))
    let stderr = try #require(readTextFile(folder + c.name + ".stderr"))
    let rc = try #require(readTextFile(folder + c.name + ".rc"))
    #expect(result.stdout == stdout, "stdout of \(c.name)")
    #expect(result.stderr == stderr, "stderr of \(c.name)")
    #expect("\(result.exitCode)\n" == rc, "exit code of \(c.name)")
}

@Test("cases were recorded")
func patchCasesExist() {
    #expect(DeclarativeGolden.patchCases.count >= 40)
}

extension String {
    func replacingAll(_ a: String, with b: String) -> String {
        var out = ""
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(a) {
                out += b
                i = index(i, offsetBy: a.count)
            } else {
                out.append(self[i])
                i = index(after: i)
            }
        }
        return out
    }
}
