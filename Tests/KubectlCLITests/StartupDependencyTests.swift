import KubeTestSupport
import Testing

/// Start-up is a feature: the tool links FoundationEssentials and the Swift runtime statically. One
/// `import Foundation` in any source file makes the release binary load full Foundation, ICU and the
/// Swift runtime dynamically (measured: `get pods` on an empty store 4.7 -> 7.7 ms of CPU, 17 -> 28 MB).
@Suite struct StartupDependencyTests {
    static let sources = besideTest("../../Sources")

    static func swiftFiles(_ dir: String) -> [String] {
        directoryEntries(dir).flatMap { name -> [String] in
            let path = dir + "/" + name
            if name.hasSuffix(".swift") { return [path] }
            return directoryEntries(path).isEmpty ? [] : swiftFiles(path)
        }
    }

    @Test func noSourceImportsFullFoundation() {
        let files = Self.swiftFiles(Self.sources)
        #expect(files.count > 400)
        let offenders = files.filter { path in
            (readTextFile(path) ?? "").split(separator: "\n").contains { line in
                let words = line.split(separator: " ")
                guard let i = words.firstIndex(of: "import"), i + 1 < words.count else { return false }
                return words[i + 1] == "Foundation"
            }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials instead (or Glibc for C maths): \(offenders)")
    }
}
