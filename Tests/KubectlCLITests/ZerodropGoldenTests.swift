import KubeModel
import KubeTestSupport
import Testing

/// Golden/zerodrop: kubectl v1.32 printed each case's refusal from the 422 Status in its `response.json`
/// (see record.sh); kubectl-local must print the same for the same command, and store nothing.
enum ZerodropGolden {
    static let dir = besideTest("Golden/zerodrop")

    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct ZerodropGoldenTests {
    @Test func corpusIsThere() { #expect(ZerodropGolden.cases.count >= 10) }

    @Test(arguments: ZerodropGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = ZerodropGolden.dir + "/" + name
        let s = TestStore()
        for line in (readTextFile(base + "/setup") ?? "").split(separator: "\n") {
            let r = s.run(String(line).replacingAll("_files/", with: ZerodropGolden.dir + "/_files/"))
            #expect(r.exitCode == 0, "\(name) setup: \(line): \(r.stderr)")
        }
        let before = s.run("get endpoints,endpointslices,controllerrevisions,flowschemas,prioritylevelconfigurations,validatingwebhookconfigurations,mutatingwebhookconfigurations,validatingadmissionpolicies,validatingadmissionpolicybindings -A -o name").stdout
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let r = s.run(args: shellWords(cmd).map { $0.replacingAll("_files/", with: ZerodropGolden.dir + "/_files/") })
        #expect(r.stdout == (readTextFile(base + "/stdout") ?? ""), "\(name): \(cmd)")
        #expect(r.stderr.replacingAll(ZerodropGolden.dir + "/", with: "") == (readTextFile(base + "/stderr") ?? ""), "\(name): \(cmd)")
        #expect(r.exitCode == Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n"))!, "\(name): \(cmd)")
        let after = s.run("get endpoints,endpointslices,controllerrevisions,flowschemas,prioritylevelconfigurations,validatingwebhookconfigurations,mutatingwebhookconfigurations,validatingadmissionpolicies,validatingadmissionpolicybindings -A -o name").stdout
        #expect(after == before, "\(name): the refused write left a trace")
    }
}
