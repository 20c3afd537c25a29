import Glibc
import Testing
import KubeModel
import KubeTestSupport
@testable import KubeTemplate

/// A bounded, seeded fuzz loop over the go-template parser and executor: whatever the input, the
/// result is output or an error in Go's shape, never a crash or a hang. Inputs that produced a new
/// kind of outcome can be saved (GOTEMPLATE_FUZZ_SAVE=DIR) and are kept in Golden/gotemplate/fuzz-corpus.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

enum GoTemplateFuzz {
    static let tokens: [String] = [
        "{{", "}}", "{{- ", " -}}", "(", ")", "|", " ", "\n", "$", "$x", "$y", ":=", "=", ",", ".", ".a", ".metadata",
        ".name", ".spec.words", "range", "end", "else", "if", "with", "define", "template", "block", "break",
        "continue", "nil", "true", "\"", "\"s\"", "`", "'", "'a'", "'\\n'", "printf", "print", "println", "index",
        "slice", "len", "eq", "ne", "lt", "and", "or", "not", "html", "js", "urlquery", "call", "exists",
        "base64decode", "0", "1", "-1", "1.5", "0x1F", "1e9", "99999999999999999999", "1+2i", "%d", "%s", "%v",
        "%*d", "%[2]s", "%.999f", "/*", "*/", "{{/* c */}}", "\\", "é", "\u{0}", "\"b\"", "{{template \"t\" .}}",
        "{{define \"t\"}}", "{{end}}", "{{range .spec.words}}", "{{if .}}", "{{else}}", "{{.}}", "((((", "))))",
    ]

    static func mutate(_ s: String, _ rng: inout SplitMix64, corpus: [String]) -> String {
        var chars = Array(s.unicodeScalars)
        let ops = 1 + rng.below(4)
        for _ in 0..<ops {
            switch rng.below(6) {
            case 0, 1:  // insert a token
                let t = Array(tokens[rng.below(tokens.count)].unicodeScalars)
                chars.insert(contentsOf: t, at: rng.below(chars.count + 1))
            case 2:  // delete a span
                if !chars.isEmpty {
                    let a = rng.below(chars.count)
                    let b = min(chars.count, a + 1 + rng.below(8))
                    chars.removeSubrange(a..<b)
                }
            case 3:  // duplicate a span
                if !chars.isEmpty {
                    let a = rng.below(chars.count)
                    let b = min(chars.count, a + 1 + rng.below(16))
                    chars.insert(contentsOf: chars[a..<b], at: rng.below(chars.count + 1))
                }
            case 4:  // splice another corpus entry
                let other = Array(corpus[rng.below(corpus.count)].unicodeScalars)
                chars.insert(contentsOf: other, at: rng.below(chars.count + 1))
            default:  // replace one character with a random printable one
                if !chars.isEmpty {
                    chars[rng.below(chars.count)] = Unicode.Scalar(UInt8(32 + rng.below(95)))
                }
            }
        }
        if chars.count > 2000 { chars = Array(chars.prefix(2000)) }
        var out = ""
        out.unicodeScalars.append(contentsOf: chars)
        return out
    }

    static let limits = GTLimits(maxTemplateDepth: 50, maxSteps: 100_000, maxOutputBytes: 1 << 20)

    /// Runs one input; returns a short signature of the outcome (for corpus selection), or a problem.
    static func check(_ input: String, data: JSONValue) -> (signature: String, problem: String?) {
        let t: GoTemplate
        do {
            t = try GoTemplate.parse(input)
        } catch let e as GoTemplateError {
            guard e.phase == .parse, e.message.hasPrefix("template: output:") else {
                return ("", "bad parse error \(e.message)")
            }
            return ("parse:" + signature(e.message), nil)
        } catch {
            return ("", "unexpected error type \(error)")
        }
        do {
            _ = try t.execute(data, allowMissingKeys: true, limits: limits)
            _ = try? t.execute(data, allowMissingKeys: false, limits: limits)
            return ("ok", nil)
        } catch let e as GoTemplateError {
            guard e.phase == .execute, e.message.hasPrefix("template: ") else {
                return ("", "bad exec error \(e.message)")
            }
            return ("exec:" + signature(e.message), nil)
        } catch {
            return ("", "unexpected error type \(error)")
        }
    }

    /// The error text without positions, quoted parts and numbers.
    static func signature(_ msg: String) -> String {
        var s = Substring(msg)
        if let r = s.firstRange(of: ">: ") {
            s = s[r.upperBound...]
        } else if let r = s.firstRange(of: "output:"), let c = s[r.upperBound...].firstIndex(of: " ") {
            s = s[c...]
        }
        var out = ""
        var inQuote = false
        for c in s {
            if c == "\"" { inQuote.toggle(); continue }
            if inQuote || c.isNumber { continue }
            out.append(c)
        }
        return String(out.prefix(24))
    }

    static func corpusFiles() -> [(String, String)] {
        let dir = GoTemplateGolden.dir + "/fuzz-corpus"
        return directoryEntries(dir).filter { $0.hasSuffix(".tmpl") }.compactMap { n in readTextFile(dir + "/" + n).map { (n, $0) } }
    }

    static var data: JSONValue {
        (try? JSON.parse(readTextFile(GoTemplateGolden.dir + "/objects/pod.json") ?? "")) ?? .null
    }
}

@Suite struct GoTemplateFuzzTests {
    @Test func seededFuzzLoopNeverCrashes() throws {
        let data = GoTemplateFuzz.data
        var seeds = GoTemplateGolden.cases.map(\.template)
        seeds += GoTemplateFuzz.corpusFiles().map(\.1)
        try #require(!seeds.isEmpty)
        var rng = SplitMix64(state: 0x5EED_0001)
        var seen: Set<String> = []
        let saveDir = getenv("GOTEMPLATE_FUZZ_SAVE").map { String(cString: $0) }
        var saved = 0
        var problems: [String] = []
        let iterations = Int(getenv("GOTEMPLATE_FUZZ_ITERATIONS").map { String(cString: $0) } ?? "") ?? 3000
        for i in 0..<iterations {
            var input = seeds[rng.below(seeds.count)]
            input = GoTemplateFuzz.mutate(input, &rng, corpus: seeds)
            let (sig, problem) = GoTemplateFuzz.check(input, data: data)
            if let p = problem { problems.append("\(p) for input \(strconvQuote(input))") }
            if !seen.contains(sig) {
                seen.insert(sig)
                if let dir = saveDir, let f = fopen("\(dir)/fuzz-\(String(i, radix: 10)).tmpl", "wb") {
                    fputs(input, f)
                    fclose(f)
                    saved += 1
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        // The loop reaches many distinct outcomes, not only one kind of error.
        #expect(seen.count > 40)
    }

    @Test func regressionCorpus() throws {
        let data = GoTemplateFuzz.data
        let files = GoTemplateFuzz.corpusFiles()
        #expect(files.count >= 20)
        var mismatches: [String] = []
        for (name, input) in files {
            let (_, problem) = GoTemplateFuzz.check(input, data: data)
            #expect(problem == nil, "\(name): \(problem ?? "")")
            // Where kubectl's answer was recorded (record-fuzz.sh), the engine must give the same bytes.
            let base = GoTemplateGolden.dir + "/fuzz-corpus/" + name.dropLast(".tmpl".count)
            if let out = readTextFile(base + ".out"), let err = readTextFile(base + ".err") {
                let c = GoTemplateGoldenCase(name: name, fixture: "pod.json", strict: false, template: input)
                let (o, e) = try GoTemplateGolden.run(c)
                if o != out || e != err { mismatches.append(name) }
            }
        }
        #expect(mismatches.isEmpty, "differs from kubectl: \(mismatches)")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let parens = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(throws: GoTemplateError.self) { try GoTemplate.parse("{{" + parens + "}}") }
        let ifs = String(repeating: "{{if 1}}", count: 3000) + String(repeating: "{{end}}", count: 3000)
        #expect(throws: GoTemplateError.self) { try GoTemplate.parse(ifs) }
    }

    @Test func unboundedRecursionStops() throws {
        let t = try GoTemplate.parse(#"{{define "a"}}x{{template "a" .}}{{end}}{{template "a" .}}"#)
        let e = try #require(throws: GoTemplateError.self) { try t.execute(.emptyObject) }
        #expect(e.message.contains("exceeded maximum template depth"))
        #expect(e.partialOutput.hasPrefix("xxxx"))
        // Exponential fan-out is cut by the step budget.
        let fan = try GoTemplate.parse(#"{{define "a"}}{{template "a"}}{{template "a"}}{{end}}{{template "a"}}"#)
        #expect(throws: GoTemplateError.self) { try fan.execute(.emptyObject) }
    }
}
