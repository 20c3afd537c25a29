import KubeModel
import KubeTestSupport
import Testing

/// `kubectl debug` against kubectl v1.32 (Golden/debug, recorded by its record.sh against the fake API
/// server serving the same pod): output, errors and exit codes, and the ephemeral container kubectl
/// sends (each field of its patch must be in the stored container); then what the store does with the
/// debugging objects (copies, node pods, the kubelet starting ephemeral containers).
enum DebugGolden {
    static let dir = besideTest("Golden/debug")
    static var cases: [String] { goldenCaseNames(in: dir) }

    static func store() -> TestStore {
        let s = TestStore(now: "2026-12-05T12:00:00Z")
        #expect(s.run("create -f \(dir)/_files/pod.yaml").exitCode == 0)
        #expect(s.run("create -f \(dir)/_files/deploy.yaml").exitCode == 0)
        return s
    }

    /// Relative `_files/` paths of the recording, made absolute.
    static func absolute(_ s: String) -> String { s.replacingAll("_files/", with: dir + "/_files/") }

    /// The ephemeral container of a recorded `pods/ephemeralcontainers` patch.
    static func patchedContainer(_ request: String) -> JSONValue? {
        let lines = request.split(separator: "\n").map(String.init)
        guard lines.count >= 2, lines[0].hasPrefix("PATCH "), let patch = try? JSON.parse(lines[1]) else { return nil }
        return patch["spec"]["ephemeralContainers"].array?.last
    }
}

/// Whether every field of `sent` is in `stored` with the same value (the server adds defaults).
private func contains(_ stored: JSONValue, _ sent: JSONValue) -> Bool {
    if case .object(let s) = sent {
        return s.allSatisfy { k, v in contains(stored[k], v) }
    }
    return stored == sent
}

extension DebugGolden {
    /// A node debugging pod's name ends in 5 random characters (`node-debugger-node-1-xxxxx`).
    static func maskNodePod(_ s: String) -> String {
        let marker = "node-debugger-node-1-"
        var out = "", i = s.startIndex
        while i < s.endIndex {
            if s[i...].hasPrefix(marker) {
                out += marker + "xxxxx"
                i = s.index(i, offsetBy: marker.count + 5, limitedBy: s.endIndex) ?? s.endIndex
            } else {
                out.append(s[i])
                i = s.index(after: i)
            }
        }
        return out
    }
}

@Suite struct DebugTests {
    @Test func corpusIsThere() { #expect(DebugGolden.cases.count >= 35) }

    @Test(arguments: DebugGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = DebugGolden.dir + "/" + name
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let s = DebugGolden.store()
        let r = s.run(args: shellWords(DebugGolden.absolute(cmd)))
        #expect(DebugGolden.maskNodePod(r.stdout) == DebugGolden.maskNodePod(readTextFile(base + "/stdout") ?? ""), "\(name): \(cmd)")
        #expect(r.stderr == DebugGolden.absolute(readTextFile(base + "/stderr") ?? ""), "\(name): \(cmd)")
        #expect(r.exitCode == Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n"))!, "\(name): \(cmd)")
        if let request = readTextFile(base + "/request"), let sent = DebugGolden.patchedContainer(request) {
            let stored = try JSON.parse(s.run("get pod web -o json").stdout)["spec"]["ephemeralContainers"].array?.last ?? .null
            #expect(contains(stored, sent), "\(name): kubectl sent \(sent.compactJSON), the store has \(stored.compactJSON)")
        }
    }

    @Test func ephemeralContainerRunsAndKeepsTheTargetName() throws {
        let s = DebugGolden.store()
        let r = s.run("debug web --image=busybox --profile=general --target=app")
        #expect(r.exitCode == 0)
        let line = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.hasPrefix("Defaulting debug container name to debugger-") && line.count == "Defaulting debug container name to debugger-xxxxx.".count)
        let pod = try JSON.parse(s.run("get pod web -o json").stdout)
        let ec = pod["spec"]["ephemeralContainers"][0]
        #expect(ec["targetContainerName"] == "app")
        #expect(ec["terminationMessagePath"] == "/dev/termination-log")
        let st = pod["status"]["ephemeralContainerStatuses"][0]
        #expect(st["name"] == ec["name"])
        #expect(!st["state"]["running"].isNull && st["ready"] == false)
        #expect(s.run("get events --field-selector involvedObject.name=web -o jsonpath={.items[*].message}").stdout
            .contains("Started container \(ec["name"].string ?? "")"))
        // The same name again is the API server's Duplicate error; nothing changes.
        let again = s.run("debug web --image=busybox -c app --profile=baseline")
        #expect(again.exitCode == 1)
        #expect(again.stderr.hasSuffix("The Pod \"web\" is invalid: spec.ephemeralContainers[1].name: Duplicate value: \"app\"\n"))
        #expect(s.run("get pod web -o jsonpath={.spec.ephemeralContainers[*].name}").stdout == ec["name"].string)
    }

    @Test func attachingIsRefusedButTheContainerStays() {
        let s = DebugGolden.store()
        let r = s.run("debug web -it --image=busybox -c dbg --profile=general")
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("error: cannot attach to container \"dbg\" of pod \"web\": kubectl-local has no container runtime"))
        #expect(s.run("get pod web -o jsonpath={.spec.ephemeralContainers[0].stdin},{.spec.ephemeralContainers[0].tty}").stdout == "true,true")
    }

    @Test func copyDropsWhatTheProfileDropsAndReplaces() throws {
        let s = DebugGolden.store()
        #expect(s.run("debug web --image=busybox --copy-to=web-copy -c dbg --profile=general --env=A=1 --replace").exitCode == 0)
        #expect(s.run("get pod web").exitCode == 1)
        let copy = try JSON.parse(s.run("get pod web-copy -o json").stdout)
        #expect(copy["metadata"]["labels"].isNull && copy["metadata"]["annotations"].isNull)
        #expect(copy["spec"]["shareProcessNamespace"] == true)
        let containers = copy["spec"]["containers"].array ?? []
        #expect(containers.map { $0["name"].string ?? "" } == ["app", "side", "dbg"])
        #expect(containers[0]["livenessProbe"].isNull && containers[0]["readinessProbe"].isNull)
        #expect(containers[2]["securityContext"]["capabilities"]["add"] == ["SYS_PTRACE"])
        #expect(containers[2]["env"] == [["name": "A", "value": "1"]])
        // The ServiceAccount plugin mounts the copied token volume in the added container too.
        #expect(containers[2]["volumeMounts"][0]["name"] == containers[0]["volumeMounts"][0]["name"])
        #expect(copy["spec"]["initContainers"].array?.count == 1)
        #expect(copy["status"]["phase"] == "Running")
    }

    @Test func copyKeepsWhatIsAskedAndChangesImagesAndCommands() throws {
        let s = DebugGolden.store()
        #expect(s.run("debug web --copy-to=c1 --container=app --keep-labels --keep-liveness --keep-init-containers=false --share-processes=false --same-node --profile=baseline -- sh").exitCode == 0)
        let c1 = try JSON.parse(s.run("get pod c1 -o json").stdout)
        #expect(c1["metadata"]["labels"] == ["app": "web"])
        #expect(c1["spec"]["shareProcessNamespace"] == false)
        #expect(c1["spec"]["initContainers"].isNull)
        #expect(c1["spec"]["nodeName"] == "node-1")
        let app = c1["spec"]["containers"][0]
        #expect(app["command"] == ["sh"] && !app["livenessProbe"].isNull && app["readinessProbe"].isNull)
        #expect(app["securityContext"].isNull)
        // --set-image alone: no profile is applied (labels stay), every image changes.
        #expect(s.run("debug web --copy-to=c2 --set-image=*=busybox:1.37,side=alpine --profile=general").exitCode == 0)
        #expect(s.run("get pod c2 -o jsonpath={.spec.containers[*].image}|{.metadata.labels.app}").stdout == "busybox:1.37 alpine|web")
    }

    @Test func nodeDebuggingPodPerProfile() throws {
        let s = DebugGolden.store()
        let r = s.run("debug node/node-1 --image=busybox --profile=sysadmin -- chroot /host")
        #expect(r.exitCode == 0)
        let words = r.stdout.split(separator: " ")
        #expect(r.stdout.hasPrefix("Creating debugging pod node-debugger-node-1-") && r.stdout.hasSuffix(" with container debugger on node node-1.\n"))
        let name = String(words[3])
        let pod = try JSON.parse(s.run("get pod \(name) -o json").stdout)
        let spec = pod["spec"]
        #expect(spec["nodeName"] == "node-1" && spec["restartPolicy"] == "Never")
        #expect(spec["hostPID"] == true && spec["hostNetwork"] == true && spec["hostIPC"] == true)
        #expect(spec["tolerations"][0] == ["operator": "Exists"])
        #expect(spec["volumes"][0] == ["hostPath": ["path": "/", "type": ""], "name": "host-root"] || spec["volumes"][0]["hostPath"]["path"] == "/")
        let c = spec["containers"][0]
        #expect(c["command"] == ["chroot", "/host"] && c["securityContext"] == ["privileged": true])
        #expect(c["volumeMounts"][0] == ["mountPath": "/host", "name": "host-root"])
        #expect(pod["status"]["podIP"] == pod["status"]["hostIP"])
        // baseline and restricted stay in the pod's own namespaces and mount nothing from the host.
        #expect(s.run("debug node/node-1 --image=busybox --profile=restricted -q -c r").stdout.isEmpty)
        let restricted = try JSON.parse(s.run("get pods -o json").stdout)["items"].array?.first { $0["spec"]["containers"][0]["name"] == "r" }
        #expect(restricted != nil && restricted?["spec"]["hostPID"] != true)
        #expect(restricted?["spec"]["containers"][0]["securityContext"]["runAsNonRoot"] == true)
    }
}
