import Testing
import KubeModel
import KubeTestSupport
@testable import KubeSchema

// Goldens recorded from kubectl v1.32 (Fixtures/explain/record.sh) against a fake API server that
// serves the v1.32 OpenAPI documents with SYNTHETIC descriptions (no upstream prose is committed).
// Each case is checked twice:
//  1. byte for byte: the Explainer, given the same synthetic descriptions, must print exactly what
//     kubectl printed (layout, wrapping, types, order, required marks, errors);
//  2. end to end: `kubectl-local explain ARGS` (our resolution, flags and errors, our descriptions)
//     must give the same exit code and stderr, and the same structure (every line but description text).

/// The fake server's description text (fake_apiserver.py `synth_description`), same algorithm.
struct SyntheticDescriptions: SchemaDescriptions {
    static let words = ["pod", "field", "value", "the", "of", "a", "container", "when", "set", "is", "default", "node"]

    static func text(_ key: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in key.utf8 {
            h ^= UInt32(b)
            h = h &* 0x0100_0193
        }
        if h % 17 == 0 { return "" }
        let n = 1 + Int(h % 37)
        var state = h
        var out = ""
        for i in 0..<n {
            state = state &* 1_103_515_245 &+ 12345
            let w = (state >> 4) % 61 == 0 ? String(repeating: "x", count: 80) : words[Int((state >> 16) % 12)]
            if i > 0 { out += (state >> 8) % 13 == 0 ? "\n" : " " }
            out += w
        }
        return out
    }

    func description(definition: String) -> String { Self.text(definition) }
    func description(definition: String, field: String) -> String { Self.text(definition + "." + field) }
}

/// Cases where kubectl-local still differs, by case name: `name<TAB>check<TAB>reason`, where check is
/// `bytes` (the Explainer's output) or `e2e` (the command's exit code, stderr or structure).
let explainKnownDifferences: [String: String] = {
    var out: [String: String] = [:]
    for line in readFixture("explain/known-differences.txt").split(separator: "\n") where !line.hasPrefix("#") {
        let f = line.split(separator: "\t", maxSplits: 2).map(String.init)
        if f.count == 3 { out[f[0] + "/" + f[1]] = f[2] }
    }
    return out
}()

/// Runs `body`'s expectations, as a known issue when the case is listed in known-differences.txt.
func checkExplain(_ c: ExplainCase, _ check: String, _ body: () -> Void) {
    if let why = explainKnownDifferences[c.name + "/" + check] {
        withKnownIssue("\(why)") { body() }
    } else {
        body()
    }
}

struct ExplainCase: CustomStringConvertible, Sendable {
    var name: String
    var args: String
    var path: String
    var description: String { name }
}

// cases.txt is written by hand; sweep-cases.txt by gen_sweep.py (the oracle sweep).
let explainCases: [ExplainCase] = (readFixture("explain/cases.txt") + readFixture("explain/sweep-cases.txt"))
    .split(separator: "\n").compactMap { line in
    guard !line.hasPrefix("#") else { return nil }
    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard f.count == 3 else { return nil }
    return ExplainCase(name: f[0], args: f[1], path: f[2])
}

/// The lines of explain output that are structure: headers, FIELD/ENUM/DESCRIPTION/FIELDS labels,
/// field lines (`name<TAB><type>`), enum lines. Description text and blank lines are left out.
func explainStructure(_ s: String) -> [String] {
    s.split(separator: "\n", omittingEmptySubsequences: true).compactMap { l -> String? in
        let t = l.drop { $0 == " " }
        if l.contains("\t") || t.hasPrefix("enum: ") { return String(l) }
        for p in ["GROUP:", "KIND:", "VERSION:", "FIELD:", "ENUM:", "DESCRIPTION:", "FIELDS:"] where l.hasPrefix(p) {
            return String(l)
        }
        return nil
    }
}

/// The case's `--output` and `--recursive` as kubectl reads them (the last one wins; the value of
/// `--recursive=` as Go's strconv.ParseBool reads it).
func explainFlags(_ args: String) -> (output: String, recursive: Bool) {
    var output = "plaintext", recursive = false
    let words = args.split(separator: " ").map(String.init)
    for (i, w) in words.enumerated() {
        if w == "-o" || w == "--output", i + 1 < words.count { output = words[i + 1] }
        if w.hasPrefix("--output=") { output = String(w.dropFirst(9)) }
        if w.hasPrefix("-o"), w.count > 2, !w.hasPrefix("-o=") { output = String(w.dropFirst(2)) }
        if w.hasPrefix("-o=") { output = String(w.dropFirst(3)) }
        if w == "--recursive" { recursive = true }
        if w.hasPrefix("--recursive=") { recursive = ["1", "t", "T", "TRUE", "true", "True"].contains(String(w.dropFirst(12))) }
    }
    return (output, recursive)
}

@Suite struct ExplainGoldenTests {
    @Test func casesAreRecorded() {
        #expect(explainCases.count >= 40)
    }

    @Test(arguments: explainCases)
    func byteExactWithSyntheticDescriptions(_ c: ExplainCase) throws {
        let stdout = readFixture("explain/golden/\(c.name).stdout")
        // kubectl failed before printing anything (resolution, flags): checked end to end only.
        guard c.path != "-", !stdout.isEmpty else { return }
        let stderr = readFixture("explain/golden/\(c.name).stderr").split(separator: "\n")
            .filter { !$0.hasPrefix("Warning: ") }.map { $0 + "\n" }.joined()
        // The kind comes from the recorded header (resolution is checked end to end below).
        // The old template (plaintext-openapiv2) prints `KIND:     K` and `VERSION:  group/version`.
        let (output, recursive) = explainFlags(c.args)
        let v2 = output == "plaintext-openapiv2"
        var group = "", kind = "", version = ""
        for l in stdout.split(separator: "\n").prefix(3) {
            if l.hasPrefix("GROUP:") { group = String(l.dropFirst(12)) }
            if l.hasPrefix("KIND:") { kind = String(l.dropFirst(v2 ? 10 : 12)) }
            if l.hasPrefix("VERSION:") { version = String(l.dropFirst(v2 ? 10 : 12)) }
        }
        if v2, let slash = version.firstIndex(of: "/") {
            group = String(version[..<slash])
            version = String(version[version.index(after: slash)...])
        }
        let gvk = GroupVersionKind(group: group, version: version, kind: kind)
        let explainer = Explainer(index: .builtin, descriptions: SyntheticDescriptions())
        let path = c.path.isEmpty ? [] : c.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let r = v2 ? explainer.plaintextV2(gvk: gvk, fieldPath: path, recursive: recursive)
                   : explainer.plaintext(gvk: gvk, fieldPath: path, recursive: recursive)
        checkExplain(c, "bytes") {
            #expect(r.output == stdout)
            #expect((r.error?.message).map { $0 + "\n" } ?? "" == stderr)
        }
    }

    @Test(arguments: explainCases)
    func endToEndStructure(_ c: ExplainCase) throws {
        let stdout = readFixture("explain/golden/\(c.name).stdout")
        let stderr = readFixture("explain/golden/\(c.name).stderr")
        let exit = Int32(readFixture("explain/golden/\(c.name).exit").split(separator: "\n").first ?? "") ?? -1
        let r = TestStore().run(args: ["explain"] + c.args.split(separator: " ").map(String.init))
        checkExplain(c, "e2e") {
            #expect(r.exitCode == exit)
            #expect(r.stderr == stderr)
            #expect(explainStructure(r.stdout) == explainStructure(stdout))
            // Without errors, the output ends like kubectl's: one empty line (the v3 template), or as the
            // golden does (the old template ends a field's page with its description, --recursive with a field).
            if exit == 0 { #expect(r.stdout.hasSuffix("\n\n") == stdout.hasSuffix("\n\n")) }
        }
    }
}
