import KubeTestSupport
import Testing

/// Object uids are random (in a cluster as here): every `8-4-4-4-12` hex uid is masked on both sides.
func maskUUIDs(_ text: String) -> String {
    var chars = Array(text)
    let shape = [8, 4, 4, 4, 12]
    func isHex(_ c: Character) -> Bool { c.isHexDigit && !c.isUppercase }
    var i = 0
    while i + 36 <= chars.count {
        var j = i, ok = true
        for (n, len) in shape.enumerated() {
            for _ in 0..<len { if j < chars.count, isHex(chars[j]) { j += 1 } else { ok = false; break } }
            if !ok { break }
            if n < 4 { if j < chars.count, chars[j] == "-" { j += 1 } else { ok = false; break } }
        }
        if ok {
            for k in i..<j { chars[k] = "x" }
            i = j
        } else {
            i += 1
        }
    }
    return String(chars)
}

/// The expose/autoscale/scale/rollout cases recorded from kubectl v1.32 under Golden/workloadverbs (see
/// its record.sh): kubectl ran against a fake API server serving the objects of a store seeded by the
/// folder's `seed` commands. Each case runs on a copy of a store seeded the same way; stdout, stderr and
/// the exit code must equal kubectl's.
enum WorkloadVerbGolden {
    static let dir = besideTest("Golden/workloadverbs")

    static var cases: [String] { goldenCaseNames(in: dir) }

    /// The seeded store, made once; every case starts from a copy of its files.
    static let seeded: TestStore = {
        let s = TestStore()
        for line in (readTextFile(dir + "/seed") ?? "").split(separator: "\n") {
            let words = line.split(separator: " ").map { $0 == "objects.yaml" ? dir + "/objects.yaml" : String($0) }
            let r = s.run(args: words)
            precondition(r.exitCode == 0, "seed \(line): \(r)")
        }
        return s
    }()
}

@Suite struct WorkloadVerbGoldenTests {
    @Test func corpusIsThere() { #expect(WorkloadVerbGolden.cases.count > 300) }

    @Test(arguments: WorkloadVerbGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = WorkloadVerbGolden.dir + "/" + name
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let seeded = WorkloadVerbGolden.seeded
        let s = TestStore()
        _ = shell("cp -a '\(seeded.directory)'/store.* '\(s.directory)'/")
        // Fixture paths are relative to the golden folder; run with absolute ones and map them back.
        let dir = WorkloadVerbGolden.dir + "/"
        var words = shellWords(cmd).map { $0.replacingAll("files/", with: dir + "files/") }
        words.removeFirst()  // kubectl
        let r = s.run(args: words)
        let out = r.stdout.replacingAll(dir, with: ""), err = r.stderr.replacingAll(dir, with: "")
        #expect(maskUUIDs(out) == maskUUIDs(readTextFile(base + "/stdout") ?? ""), "\(name): \(cmd)")
        #expect(err == readTextFile(base + "/stderr") ?? "", "\(name): \(cmd)")
        #expect("\(r.exitCode)\n" == readTextFile(base + "/exit"), "\(name): \(cmd)")
    }
}
