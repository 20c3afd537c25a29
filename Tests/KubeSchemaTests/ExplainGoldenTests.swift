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

/// What kubectl v1.32 printed for a case (Fixtures/explain/golden): stdout, stderr, exit code.
struct ExplainRecording {
    let stdout: String
    let stderr: String
    let exit: Int32

    init(_ c: ExplainCase) {
        stdout = readFixture("explain/golden/\(c.name).stdout")
        stderr = readFixture("explain/golden/\(c.name).stderr")
        exit = Int32(readFixture("explain/golden/\(c.name).exit").split(separator: "\n").first ?? "") ?? -1
    }

    /// The kind the recorded header names (resolution itself is checked end to end). The old template
    /// (plaintext-openapiv2) prints `KIND:     K` and `VERSION:  group/version` and no GROUP line.
    func headerKind(oldTemplate: Bool = false) -> GroupVersionKind {
        var group = "", kind = "", version = ""
        for l in stdout.split(separator: "\n").prefix(3) {
            if l.hasPrefix("GROUP:") { group = String(l.dropFirst(12)) }
            if l.hasPrefix("KIND:") { kind = String(l.dropFirst(oldTemplate ? 10 : 12)) }
            if l.hasPrefix("VERSION:") { version = String(l.dropFirst(oldTemplate ? 10 : 12)) }
        }
        if oldTemplate, let slash = version.firstIndex(of: "/") {
            group = String(version[..<slash])
            version = String(version[version.index(after: slash)...])
        }
        return GroupVersionKind(group: group, version: version, kind: kind)
    }

    /// Expects `kubectl-local explain` to end as kubectl did: exit code, stderr and structure; without
    /// errors the output ends as the golden does (the v3 template with one empty line; the old template
    /// ends a field's page with its description, `--recursive` with a field).
    func expectSameOutcome(_ r: CLIResult) {
        #expect(r.exitCode == exit)
        #expect(r.stderr == stderr)
        #expect(explainStructure(r.stdout) == explainStructure(stdout))
        if exit == 0 { #expect(r.stdout.hasSuffix("\n\n") == stdout.hasSuffix("\n\n")) }
    }
}

extension ExplainCase {
    /// The field path as the Explainer takes it (empty segments kept, as kubectl keeps them).
    var fieldPath: [String] {
        path.isEmpty ? [] : path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

@Suite struct ExplainGoldenTests {
    @Test func casesAreRecorded() {
        #expect(explainCases.count >= 40)
    }

    @Test(arguments: explainCases)
    func byteExactWithSyntheticDescriptions(_ c: ExplainCase) throws {
        let rec = ExplainRecording(c)
        // kubectl failed before printing anything (resolution, flags): checked end to end only.
        guard c.path != "-", !rec.stdout.isEmpty else { return }
        let stderr = rec.stderr.split(separator: "\n").filter { !$0.hasPrefix("Warning: ") }.map { $0 + "\n" }.joined()
        let (output, recursive) = explainFlags(c.args)
        let v2 = output == "plaintext-openapiv2"
        let gvk = rec.headerKind(oldTemplate: v2)
        let explainer = Explainer(index: .builtin, descriptions: SyntheticDescriptions())
        let r = v2 ? explainer.plaintextV2(gvk: gvk, fieldPath: c.fieldPath, recursive: recursive)
                   : explainer.plaintext(gvk: gvk, fieldPath: c.fieldPath, recursive: recursive)
        checkExplain(c, "bytes") {
            #expect(r.output == rec.stdout)
            #expect((r.error?.message).map { $0 + "\n" } ?? "" == stderr)
        }
    }

    @Test(arguments: explainCases)
    func endToEndStructure(_ c: ExplainCase) throws {
        let r = TestStore().run(args: ["explain"] + c.args.split(separator: " ").map(String.init))
        checkExplain(c, "e2e") { ExplainRecording(c).expectSameOutcome(r) }
    }
}
