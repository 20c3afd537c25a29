import KubeModel
import KubeTestSupport
import Testing

/// `rollout undo` and `rollout history` of daemon sets and stateful sets with several revisions, recorded
/// from kubectl v1.32 under Golden/rolloutrevisions (see its record.sh): the fake API server served the
/// seeded store's objects as the API server writes JSON, so kubectl's byte comparison of a revision's data
/// with its own encoding of the live object decides `skipped rollback` or `rolled back` as on a cluster.
enum RolloutRevisionGolden {
    static let dir = besideTest("Golden/rolloutrevisions")

    static var cases: [String] { goldenCaseNames(in: dir) }

    static let seeded: TestStore = {
        let s = TestStore()
        for line in (readTextFile(dir + "/seed") ?? "").split(separator: "\n") {
            let words = line.split(separator: " ").map { $0.hasSuffix(".yaml") ? dir + "/" + $0 : String($0) }
            let r = s.run(args: words)
            precondition(r.exitCode == 0, "seed \(line): \(r)")
        }
        return s
    }()
}

@Suite struct RolloutRevisionGoldenTests {
    @Test(arguments: RolloutRevisionGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = RolloutRevisionGolden.dir + "/" + name
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let s = TestStore()
        _ = shell("cp -a '\(RolloutRevisionGolden.seeded.directory)'/store.* '\(s.directory)'/")
        var words = shellWords(cmd)
        words.removeFirst()  // kubectl
        let r = s.run(args: words)
        #expect(maskUUIDs(r.stdout) == maskUUIDs(readTextFile(base + "/stdout") ?? ""), "\(name): \(cmd)")
        #expect(r.stderr == readTextFile(base + "/stderr") ?? "", "\(name): \(cmd)")
        #expect("\(r.exitCode)\n" == readTextFile(base + "/exit"), "\(name): \(cmd)")
    }

    /// The revision data is the controllers' encoding of the template: Go's zero values written out
    /// (`creationTimestamp: null`, `resources: {}`), empty maps and lists left out, keys sorted, and the
    /// owner's annotations copied onto the revision.
    @Test func revisionDataIsTheControllersEncoding() throws {
        let s = RolloutRevisionGolden.seeded
        let list = try JSON.parse(s.run("get controllerrevisions -o json").stdout)
        let logs = (list["items"].array ?? []).filter { $0["metadata"]["name"].string?.hasPrefix("logs-") == true }
        let current = try #require(logs.first { $0["revision"] == 3 })
        let data = current["data"]
        #expect(data["spec"]["template"].object?.keys == ["$patch", "metadata", "spec"])
        #expect(data["spec"]["template"]["metadata"] == ["creationTimestamp": .null, "labels": ["a": "2", "app": "logs", "z": "1"]])
        let spec = data["spec"]["template"]["spec"]
        #expect(spec["nodeSelector"].isNull && spec["tolerations"].isNull)
        #expect(spec["containers"][0]["env"] == [["name": "A", "value": "1"]])
        #expect(spec["containers"][0]["resources"]["limits"] == ["cpu": "2", "memory": "1536Mi"])
        #expect(current["metadata"]["annotations"] == ["kubernetes.io/change-cause": "env", "team": "infra"])
        let first = try #require(logs.first { $0["revision"] == 1 })
        #expect(first["metadata"]["annotations"] == ["team": "infra"])
        #expect(first["data"]["spec"]["template"]["spec"]["containers"][0]["env"].isNull)
        #expect(s.run("rollout history daemonset/logs").stdout == "daemonset.apps/logs \nREVISION  CHANGE-CAUSE\n1         <none>\n2         env\n3         env\n\n")
    }

    /// A rollback stores the revision's template (served with the Go encoding's `creationTimestamp: null`,
    /// as every template is), and the controller then renumbers that revision instead of writing another.
    @Test func rollbackReusesTheRevision() throws {
        let s = TestStore()
        _ = shell("cp -a '\(RolloutRevisionGolden.seeded.directory)'/store.* '\(s.directory)'/")
        #expect(s.run("rollout undo daemonset/agent --to-revision=1").stdout == "daemonset.apps/agent rolled back\n")
        let ds = stored(s, "ds agent")
        #expect(ds["spec"]["template"]["metadata"] == ["creationTimestamp": .null, "labels": ["app": "agent"]])
        #expect(ds["spec"]["template"]["spec"]["containers"][0]["image"] == "busybox")
        #expect(s.run("rollout history daemonset/agent").stdout == "daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n4         <none>\n\n")
        #expect(s.run("rollout undo daemonset/agent --to-revision=4").stdout
            == "daemonset.apps/agent skipped rollback (current template already matches revision 4)\n")
    }
}
