import KubeTestSupport
import Testing

/// Quantities given on the command line are stored as `resource.ParseQuantity(text).String()`
/// prints them; expected values recorded from
/// `kubectl create quota q --hard=cpu=TEXT --dry-run=client -o jsonpath={.spec.hard.cpu}` (v1.32).
@Suite struct QuantityFlagTests {
    @Test(arguments: [("99999999999999999999", "99999999999999999999"), ("1e-10", "1e-9"), ("010", "010"),
                      ("+1", "+1"), ("1e3", "1e3"), ("12345678901234567890m", "12345678901234567890m"),
                      ("1.5e3", "1500"), ("0.1Ki", "102400m"), ("2048Mi", "2Gi")])
    func createQuotaKeepsKubectlsSpelling(text: String, stored: String) {
        let r = TestStore().run(args: ["create", "quota", "q", "--hard=cpu=" + text, "--dry-run=client",
                                       "-o", "jsonpath={.spec.hard.cpu}"])
        #expect(r.stdout == stored)
        #expect(r.exitCode == 0)
    }

    @Test func badSuffixIsApimachinerysError() {
        let r = TestStore().run(args: ["create", "quota", "q", "--hard=cpu=1K", "--dry-run=client", "-o", "yaml"])
        #expect(r.stderr == "error: unable to parse quantity's suffix\n")
        #expect(r.exitCode == 1)
    }
}
