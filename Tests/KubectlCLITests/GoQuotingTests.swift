import KubeModel
import KubeTestSupport
import Testing

/// kubectl quotes user input in its messages with Go's `%q` (`strconv.Quote`): control characters as
/// `\xNN` or `\r`, other non-printable runes as `\uNNNN`. Expected texts recorded from kubectl v1.32.
@Suite struct GoQuotingTests {
    @Test func outputFormatErrorQuotesLikeGo() {
        let r = TestStore().run(args: ["create", "deployment", "x", "--image=y", "--dry-run=client",
                                       "-o", "a\u{1}b\rc\u{a0}"])
        #expect(r.stderr == "error: unable to match a printer suitable for the output format \"a\\x01b\\rc\\u00a0\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n")
        #expect(r.exitCode == 1)
    }

    @Test func missingFileIsQuotedLikeGo() {
        let r = TestStore().run(args: ["create", "-f", "no\u{1}fi\u{7f}le\u{a0}", "--dry-run=client", "-o", "yaml"])
        #expect(r.stderr == "error: the path \"no\\x01fi\\x7fle\\u00a0\" does not exist\n")
        #expect(r.exitCode == 1)
    }

    /// The API server's NotFound, AlreadyExists, Conflict and Invalid texts format the name with `%q`
    /// (apimachinery's errors.NewNotFound etc.).
    @Test func apiErrorsQuoteTheNameLikeGo() {
        let s = TestStore()
        let r = s.run(args: ["get", "pod", "a\tb\u{2028}"])
        #expect(r.stderr == "Error from server (NotFound): pods \"a\\tb\\u2028\" not found\n")
        #expect(r.exitCode == 1)
        let c = s.run(args: ["create", "configmap", "a\tb"])
        #expect(c.stderr.hasPrefix("error: failed to create configmap: ConfigMap \"a\\tb\" is invalid: metadata.name: Invalid value: \"a\\tb\": "))
        #expect(c.exitCode == 1)
    }

    @Test func runesQuoteLikeStrconvQuoteRune() {
        #expect(strconvQuoteRune("x") == "'x'")
        #expect(strconvQuoteRune("'") == "'\\''")
        #expect(strconvQuoteRune("\"") == "'\"'")
        #expect(strconvQuoteRune("\n") == "'\\n'")
        #expect(strconvQuoteRune("\u{1}") == "'\\x01'")
        #expect(strconvQuoteRune("\u{a0}") == "'\\u00a0'")
        #expect(strconvQuoteRune("\u{1F600}") == "'\u{1F600}'")
    }
}
