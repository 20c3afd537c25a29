#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import KubeModel
import Testing

/// Every fixture under Golden/kustomize/cases, built with `kubectl kustomize` on our side and compared
/// with what kubectl v1.32 (kustomize v5.5) printed (record.sh): stdout, stderr and exit code.
enum KustomizeGolden {
    static let dir = besideTest("Golden/kustomize")

    static var cases: [String] {
        guard let d = opendir(dir + "/cases") else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        return names.sorted()
    }

    static func expected(_ name: String, _ ext: String) -> String {
        (readTextFile("\(dir)/expected/\(name).\(ext)") ?? "<missing \(name).\(ext)>")
            .replacingAll("$ROOT", with: dir)
    }
}

@Suite struct KustomizeGoldenTests {
    @Test func corpusIsThere() { #expect(KustomizeGolden.cases.count >= 30) }

    @Test(arguments: KustomizeGolden.cases)
    func matchesKubectl(_ name: String) {
        let s = TestStore()
        let r = s.run(args: ["kustomize", KustomizeGolden.dir + "/cases/" + name])
        #expect(r.stdout == KustomizeGolden.expected(name, "out"))
        #expect(r.stderr == KustomizeGolden.expected(name, "err"))
        #expect("\(r.exitCode)\n" == KustomizeGolden.expected(name, "code"))
    }

    @Test func outputFlagWritesTheFile() {
        let s = TestStore()
        let out = s.directory + "/built.yaml"
        let r = s.run(args: ["kustomize", KustomizeGolden.dir + "/cases/cm-literals", "-o", out])
        #expect(r.exitCode == 0)
        #expect(r.stdout == "")
        #expect(readTextFile(out) == KustomizeGolden.expected("cm-literals", "out"))
        unlink(out)
    }

    @Test func pathErrors() {
        let s = TestStore()
        #expect(s.run("kustomize /nonexistent-kz").stderr
            == "error: must build at directory: not a valid directory: evalsymlink failure on '/nonexistent-kz' : lstat /nonexistent-kz: no such file or directory\n")
        let file = KustomizeGolden.dir + "/cases/basic/kustomization.yaml"
        #expect(s.run(args: ["kustomize", file]).stderr == "error: must build at directory: '\(file)': file is not directory\n")
        #expect(s.run("kustomize a b").stderr == "error: specify one path to kustomization.yaml\n")
    }
}

/// Golden/kustomize/panic: inputs on which kubectl v1.32's kustomize panics (an images name that is not a
/// Go regexp, met by an image; annotations given as a list of odd length, or with a list or map as a key). record.sh keeps stderr up to `goroutine 1 [running]:` (the dump after
/// it holds run-dependent addresses); kubectl-local prints exactly that, exit 2.
@Suite struct KustomizePanicGoldenTests {
    static let dir = besideTest("Golden/kustomize/panic")

    @Test(arguments: ["regex-paren", "regex-after-good-entry", "regex-no-image", "nested-repeat",
                      "ann-list-odd-1", "ann-list-odd-3", "ann-list-seq-key", "ann-list-map-key"])
    func matchesKubectl(_ name: String) {
        let s = TestStore()
        let r = s.run(args: ["kustomize", Self.dir + "/cases/" + name])
        #expect(r.stdout == readTextFile("\(Self.dir)/expected/\(name).out"))
        #expect(r.stderr == readTextFile("\(Self.dir)/expected/\(name).err"))
        #expect("\(r.exitCode)\n" == readTextFile("\(Self.dir)/expected/\(name).code"))
    }
}
