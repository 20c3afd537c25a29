import Testing
import Glibc
import KubeModel
import KubeTestSupport
@testable import KubeTemplate

/// Golden cases recorded from kubectl v1.32 by Golden/gotemplate/record.sh:
/// `kubectl label --local -f objects/FIXTURE app=web --overwrite -o go-template=TEMPLATE`.
struct GoTemplateGoldenCase: CustomStringConvertible, Sendable {
    var name: String
    var fixture: String
    var strict: Bool
    var template: String
    var description: String { name }
}

enum GoTemplateGolden {
    static let dir = besideTest("Golden/gotemplate")

    /// Same format as record.sh reads.
    static let cases: [GoTemplateGoldenCase] = {
        guard let text = readTextFile(dir + "/cases.txt") else { return [] }
        var result: [GoTemplateGoldenCase] = []
        var current: GoTemplateGoldenCase? = nil
        var lines: [Substring] = []
        func flush() {
            if var c = current {
                c.template = lines.joined(separator: "\n")
                result.append(c)
            }
        }
        var all = text.split(separator: "\n", omittingEmptySubsequences: false)
        if all.last == "" { all.removeLast() }
        for line in all {
            if line.hasPrefix("=== ") {
                flush()
                let parts = line.split(separator: " ").map(String.init)
                var fixture = "pod.json"
                var strict = false
                for p in parts.dropFirst(2) {
                    if p == "strict" { strict = true } else { fixture = p }
                }
                current = GoTemplateGoldenCase(name: parts[1], fixture: fixture, strict: strict, template: "")
                lines = []
            } else {
                lines.append(line)
            }
        }
        flush()
        return result
    }()

    /// stdout and stderr as kubectl prints them for one object.
    static func run(_ c: GoTemplateGoldenCase) throws -> (String, String) {
        let data = try JSON.parse(readTextFile(dir + "/objects/" + c.fixture) ?? "")
        let tmpl: GoTemplate
        do {
            tmpl = try GoTemplate.parse(c.template)
        } catch let e as GoTemplateError {
            return ("", "error: " + GoTemplatePrinter.parseErrorMessage(rawTemplate: c.template, e))
        }
        let (out, err) = GoTemplatePrinter.print(tmpl, rawTemplate: c.template, object: data,
                                                 allowMissingKeys: !c.strict)
        return (out, err.map { "error: \($0)\n" } ?? "")
    }
}

@Suite struct GoTemplateGoldenTests {
    @Test func corpusIsLarge() {
        #expect(GoTemplateGolden.cases.count >= 100)
    }

    @Test(arguments: GoTemplateGolden.cases)
    func matchesKubectl(_ c: GoTemplateGoldenCase) throws {
        let expectedOut = readTextFile(GoTemplateGolden.dir + "/expected/\(c.name).out")
        let expectedErr = readTextFile(GoTemplateGolden.dir + "/expected/\(c.name).err")
        try #require(expectedOut != nil && expectedErr != nil, "missing golden files for \(c.name)")
        let (out, err) = try GoTemplateGolden.run(c)
        #expect(out == expectedOut!, "stdout of \(c.name): template \(c.template)")
        #expect(err == expectedErr!, "stderr of \(c.name): template \(c.template)")
    }
}
