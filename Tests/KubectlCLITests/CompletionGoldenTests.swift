import KubeTestSupport
import Testing

/// `kubectl __complete ...` as kubectl v1.32 answers it, recorded against a fake API server serving a
/// default v1.32 discovery, one CRD and the objects of `fixture.yaml` (Golden/complete/record.sh),
/// replayed on a store holding the same objects: stdout, stderr and exit code must match. Flag and
/// command descriptions are our own words, so the text after a candidate's tab is not compared.
@Suite struct CompletionGoldenTests {
    static let dir = besideTest("Golden/complete")

    static let cases: [(name: String, words: [String])] = {
        (readTextFile(dir + "/cases.txt") ?? "").split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return (String(line[..<tab]), shellWords(String(line[line.index(after: tab)...])))
        }
    }()

    /// The fixture: a fresh store plus the CRD, namespace team-a, config map app-config, pods db-0,
    /// web-1, web-2 (init container `setup`, container `app`), deployment web (no replicas), widgets, and
    /// pod worker-0 in team-a.
    static func store() -> TestStore {
        let s = TestStore()
        // The recorded fake cluster serves no kube-system workloads: take the seeded ones away.
        for args in ["delete deployment coredns -n kube-system", "delete daemonset kube-proxy -n kube-system",
                     "delete pods --all -n kube-system"] {
            #expect(s.run(args).exitCode == 0)
        }
        let fixture = readTextFile(dir + "/fixture.yaml") ?? ""
        #expect(s.run("create -f -", stdin: fixture).exitCode == 0)
        for name in ["db-0", "web-1", "web-2"] {
            let pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: \(name)}
                spec:
                  initContainers: [{name: setup, image: busybox}]
                  containers: [{name: app, image: nginx}]
                """
            #expect(s.run("create -f -", stdin: pod).exitCode == 0)
        }
        #expect(s.run("create deployment web --image=nginx --replicas=0").exitCode == 0)
        let worker = "apiVersion: v1\nkind: Pod\nmetadata: {name: worker-0, namespace: team-a}\nspec: {containers: [{name: w, image: busybox}]}\n"
        #expect(s.run("create -f -", stdin: worker).exitCode == 0)
        for name in ["gizmo", "sprocket"] {
            let r = s.run("create -f -", stdin: "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: \(name)}\n")
            #expect(r.exitCode == 0, "\(r)")
        }
        return s
    }

    /// Candidates without their descriptions (the words after the tab of a flag or command: our own prose).
    static func withoutFlagUsage(_ stdout: String) -> String {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let tab = line.firstIndex(of: "\t") else { return String(line) }
            return String(line[..<tab])
        }.joined(separator: "\n")
    }

    @Test func corpusIsThere() { #expect(Self.cases.count > 250) }

    @Test func matchesKubectl() {
        let s = Self.store()
        for c in Self.cases {
            let base = Self.dir + "/golden/" + c.name
            let r = s.run(args: ["__complete"] + c.words)
            #expect(Self.withoutFlagUsage(r.stdout) == Self.withoutFlagUsage(readTextFile(base + ".stdout") ?? "?"), "\(c.name)")
            #expect(r.stderr == readTextFile(base + ".stderr"), "\(c.name)")
            #expect(String(r.exitCode) + "\n" == readTextFile(base + ".exit"), "\(c.name)")
        }
    }
}
