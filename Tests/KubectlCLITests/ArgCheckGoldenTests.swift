#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// kubectl's argument and flag checks that come before any request (extra arguments, taint and cp
/// specs, wait's jsonpath, top's selectors, `--local` with `--dry-run=server`), `plugin list`, and
/// `set subject --local`, recorded from kubectl v1.32 under Golden/argcheck (record.sh).
enum ArgCheckGolden {
    static let dir = besideTest("Golden/argcheck")
    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct ArgCheckGoldenTests {
    @Test func corpusIsThere() { #expect(ArgCheckGolden.cases.count > 40) }

    @Test(arguments: ArgCheckGolden.cases)
    func matchesKubectl(_ name: String) {
        let base = ArgCheckGolden.dir + "/" + name
        let s = TestStore()
        let got = runBinaryScript(readTextFile(base + "/cmd")!, cwd: ArgCheckGolden.dir + "/_files", store: s)
        let want = CLIResult(stdout: readTextFile(base + "/stdout") ?? "", stderr: readTextFile(base + "/stderr") ?? "",
                             exitCode: Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n")) ?? -1)
        #expect(got == want, "\(name)")
    }
}

/// The same commands against the store.
@Suite struct ArgCheckStoreTests {
    @Test func setSubjectAddsMissingSubjectsToStoredBindings() {
        let s = TestStore()
        #expect(s.run("create rolebinding rb --clusterrole=view --user=alice").exitCode == 0)
        #expect(s.run("set subject rolebinding rb --user=bob --group=g --serviceaccount=:default").stdout
            == "rolebinding.rbac.authorization.k8s.io/rb subjects updated\n")
        // Nothing new: nothing printed, nothing written.
        #expect(s.run("set subject rolebinding rb --user=bob") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("get rolebinding rb -o jsonpath={.subjects[*].name}").stdout == "alice bob g default")
        #expect(s.run("get rolebinding rb -o jsonpath={.subjects[3].namespace}").stdout == "default")
        let crb = s.run("set subject clusterrolebinding cluster-admin --serviceaccount=:x")
        #expect(crb == CLIResult(stdout: "", stderr: "error: serviceaccount must be <namespace>:<name>, namespace must be specified\n", exitCode: 1))
    }

    @Test func taintChecksTheTypeAndKeepsGoingAfterMissingNodes() {
        let s = TestStore()
        #expect(s.run("taint nodes x y a=b:NoSchedule")
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): nodes \"x\" not found\nError from server (NotFound): nodes \"y\" not found\n", exitCode: 1))
        let r = s.run("taint nodes x node-1 a=b:NoSchedule")
        #expect(r.stdout == "node/node-1 tainted\n" && r.stderr == "Error from server (NotFound): nodes \"x\" not found\n")
        #expect(s.run("taint nodes -l kubernetes.io/hostname=node-1 a=b:NoSchedule-").stdout == "node/node-1 untainted\n")
    }

    @Test func certificateWithoutSubcommandPrintsHelp() {
        let s = TestStore()
        let r = s.run("certificate x")
        #expect(r.exitCode == 0 && r.stderr.isEmpty && r.stdout.contains("Available Commands:"))
    }

    @Test func editLastAppliedStoresTheEditedConfiguration() {
        let s = TestStore()
        let file = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: blue\n")
        #expect(s.run("apply -f \(file)").exitCode == 0)
        #expect(s.run("create configmap plain").exitCode == 0)
        let ed = s.writeFile("ed.sh", "#!/bin/sh\nsed -i 's/mode: blue/mode: green/' \"$1\"\n")
        chmod(ed, 0o755)
        s.environment["KUBE_EDITOR"] = ed
        #expect(s.run("apply edit-last-applied configmap/app") == CLIResult(stdout: "configmap/app edited\n", stderr: "", exitCode: 0))
        #expect(s.run("apply view-last-applied configmap/app -o json").stdout.contains("\"mode\": \"green\""))
        // The object itself is unchanged until the next apply.
        #expect(s.run("get cm app -o jsonpath={.data.mode}").stdout == "blue")
        #expect(s.run("apply edit-last-applied configmap/plain").stderr
            == "error: no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`\n")
        s.environment["KUBE_EDITOR"] = "true"
        #expect(s.run("apply edit-last-applied configmap/app").stderr == "Edit cancelled, no changes made.\n")
    }
}
