#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// Kubernetes' own kubectl scripts (test/cmd/testdata/apply.txtar and diff.txtar, copied with their
/// fixtures under Golden/upstream) run against a fresh store: each `kubectl` line must succeed (or
/// fail after `!`), and each `stdout`/`stderr` pattern must match (or not, after `!`) what it printed.
/// Lines that assume an API server without controllers are listed in `exceptions` with the reason.
struct UpstreamScriptTests {
    static let root = besideTest("Golden/upstream")

    /// Script lines (trimmed) that cannot hold on a store with controllers, and why.
    static let exceptions: [String: String] = [
        "kubectl create serviceaccount default -n nsb":
            "the service account controller already made `default` in the new namespace (AlreadyExists)",
        "kubectl create serviceaccount default -n nsbprune":
            "the service account controller already made `default` in the new namespace (AlreadyExists)",
        "kubectl create serviceaccount default -n multi-resource-ns":
            "the service account controller already made `default` when the first apply created the namespace",
        "kubectl delete pvc a-pvc b-pvc":
            "upstream's a-pvc, pruned, waits on the pvc-protection finalizer with no controller to remove it; here it is gone",
        "kubectl apply -f hack/testdata/service-revision2.yaml --force":
            "upstream's test server serves 10.0.0.0/24; kind's range 10.96.0.0/16 refuses 10.0.0.12 (not in the valid range)",
        "kubectl get services a -o jsonpath='{.spec.clusterIP}'":
            "service a kept its cluster IP None: the forced re-create with 10.0.0.12 was refused",
        "kubectl delete -f hack/testdata/service-revision2.yaml":
            "the delete finds service a (clusterIP None) and succeeds; kept excepted with the lines above",
        "! kubectl get pod a -n nsb":
            "upstream's test server has no nodes, so its unscheduled pod a goes at once; here pod a runs on node-1 and, pruned without --wait, is Terminating until its kubelet stops it a second later",
        "kubectl diff --prune --namespace nsb -l prune-group=true -f hack/testdata/prune/b.yaml":
            "pod a, pruned just before, is still Terminating on node-1 (see above), so diff --prune still shows it going",
        "! kubectl get pods a":
            "upstream's pod a is unscheduled (no nodes) and goes at once when pruned; here it runs on node-1 and is Terminating for the second its kubelet takes to stop it",
        "! kubectl create --raw /api/v1/namespaces -f test/fixtures/doc-yaml/admin/limitrange/valid-pod.yaml":
            "raw POSTs are refused offline (no API server to send them to); the command fails, with another message",
    ]

    /// Script lines whose exit status alone cannot hold (the checks after them still do), and why.
    static let exitStatusExceptions: [String: String] = [
        "! kubectl diff -Rf hack/testdata/diff/":
            "KUBECTL_EXTERNAL_DIFF=find exits 0 and kubectl v1.32 passes the program's status through (oracle: exit 0, the LIVE and MERGED files listed)",
    ]

    /// The image variables upstream's test/cmd scripts set (legacy-script.sh).
    static let variables = ["${IMAGE_PERL}": "registry.k8s.io/perl"]

    struct Failure: CustomStringConvertible {
        var line: Int
        var text: String
        var detail: String
        var description: String { "line \(line): \(text)\n\(detail)" }
    }

    /// Runs one script; returns the lines that did not behave.
    static func run(_ script: String) -> [Failure] {
        let store = TestStore()
        let work = store.directory + "/work"
        mkdir(work, 0o755)
        let (body, files) = split(readTextFile(root + "/" + script) ?? "")
        for (name, text) in files { _ = writeAt(work + "/" + name, text) }
        var failures: [Failure] = []
        var last = CLIResult(stdout: "", stderr: "", exitCode: 0)
        var saved: [String: String] = [:]
        // An excepted command and the checks after it are not held against the store.
        var excepted = false
        for (n, raw) in body.enumerated() {
            var line = raw.trimmedScriptLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let negate = line.hasPrefix("! ")
            if negate { line = String(line.dropFirst(2)) }
            line = line.replacingAll("$WORK", with: work).replacingAll("hack/testdata", with: root + "/hack/testdata")
                .replacingAll("test/fixtures", with: root + "/test/fixtures")
            for (name, value) in variables { line = line.replacingAll(name, with: value) }
            let words = shellWords(line)
            guard let verb = words.first else { continue }
            func fail(_ d: String) {
                if !excepted { failures.append(Failure(line: n + 1, text: raw, detail: d + "\n" + last.description)) }
            }
            if verb == "kubectl" { excepted = exceptions[raw.trimmedScriptLine] != nil }
            switch verb {
            case "kubectl":
                last = store.run(args: words)
                if negate != (last.exitCode != 0) && exitStatusExceptions[raw.trimmedScriptLine] == nil {
                    fail(negate ? "expected failure" : "expected success")
                }
            case "kube-retry":
                // kube-retry 'ARGS' 'JSONPATH' 'EXPECTED': tried again a second later, as upstream's
                // helper does, up to 10 times (a pruned pod is Terminating until its kubelet stops it).
                for attempt in 0..<10 {
                    if attempt > 0 { store.advance(seconds: 1) }
                    last = store.run(args: ["get"] + shellWords(words[1]) + ["-o", "jsonpath=" + words[2]])
                    if last.stdout == (words.count > 3 ? words[3] : "") { break }
                }
                if last.stdout != (words.count > 3 ? words[3] : "") { fail("kube-retry: got \(last.stdout)") }
            case "stdout", "stderr":
                let text = verb == "stdout" ? last.stdout : last.stderr
                let pattern = words.count > 1 ? words[1] : ""
                guard let re = try? Regex(pattern) else { fail("bad pattern \(pattern)"); continue }
                if negate == text.contains(re) { fail("\(verb) \(negate ? "matched" : "did not match") \(pattern)") }
            case "cp":
                saved[words[2]] = last.stdout
            case "cmp":
                if saved[words[1]] != saved[words[2]] { fail("cmp: \(saved[words[1]] ?? "") != \(saved[words[2]] ?? "")") }
            case "env":
                let kv = words[1].split(separator: "=", maxSplits: 1).map(String.init)
                store.environment[kv[0]] = kv.count > 1 ? kv[1] : ""
            default:
                fail("unknown verb \(verb)")
            }
        }
        return failures
    }

    /// The script's lines and its `-- name --` files.
    static func split(_ text: String) -> ([String], [(String, String)]) {
        var body: [String] = []
        var files: [(String, String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("-- ") && line.hasSuffix(" --") {
                files.append((String(line.dropFirst(3).dropLast(3)), ""))
            } else if files.isEmpty {
                body.append(line)
            } else {
                files[files.count - 1].1 += line + "\n"
            }
        }
        return (body, files)
    }

    static func writeAt(_ path: String, _ text: String) -> Bool {
        guard let f = fopen(path, "w") else { return false }
        defer { fclose(f) }
        return fputs(text, f) >= 0
    }

    @Test func applyScript() {
        let failures = Self.run("apply.txtar")
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n\n"))")
    }

    @Test func diffScript() {
        let failures = Self.run("diff.txtar")
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n\n"))")
    }

    @Test(arguments: ["create.txtar", "delete.txtar", "batch.txtar", "convert.txtar"])
    func moreScripts(_ script: String) {
        let failures = Self.run(script)
        #expect(failures.isEmpty, "\(script):\n\(failures.map(\.description).joined(separator: "\n\n"))")
    }
}

extension String {
    /// The line without surrounding spaces and tabs.
    fileprivate var trimmedScriptLine: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
