#if canImport(Glibc)
import Glibc
#endif
import KubeStore
import KubeTestSupport
import Testing

/// Events whose lease has expired are gone for every read at once, as etcd drops a key when its lease
/// ends, while their rows are deleted a bounded amount per command; a watcher sees them go when the
/// lease ends. The recorder's spam filter is client-go's token bucket per source and object (burst 25,
/// one more every 5 minutes), kept in the store across commands.
@Suite struct EventExpiryTests {
    /// Event rows in the store, expired or not.
    private func storedEvents(_ s: TestStore) -> Int {
        guard let store = try? Store(path: s.path) else { return -1 }
        return (try? store.read { try $0.count(resource: "/events", namespace: nil) }) ?? -1
    }

    private func lines(_ text: String) -> Int { text.split(separator: "\n").count }

    @Test func expiredEventsAreHiddenAtOnceAndSweptLater() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=60").exitCode == 0)
        let made = storedEvents(s)
        #expect(made > 256, "\(made) events")
        #expect(lines(s.run("get events -o name").stdout) == made)
        s.setNow("2026-11-23T13:00:59Z")
        #expect(lines(s.run("get events -o name").stdout) == made)
        // The lease granted at 12:00:00 ends at 13:01:00: every read hides its events from then on.
        s.setNow("2026-11-23T13:01:00Z")
        #expect(s.run("get events").stderr == "No resources found in default namespace.\n")
        let left = storedEvents(s)
        #expect(left > 0 && left < made, "\(left) of \(made) rows left after one command")
        #expect(s.run("get events -A -o name").stdout == "")
        #expect(s.run("get events --field-selector involvedObject.kind=Pod").stderr == "No resources found in default namespace.\n")
        #expect(s.run("events --for deployment/web").stderr == "No events found in default namespace.\n")
        let pod = s.run("get pods -o name").stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(s.run("describe \(pod)").stdout.hasSuffix("Events:                      <none>\n"))
        // Each command deletes a few hundred rows until none is left.
        var runs = 0
        while storedEvents(s) > 0 && runs < 10 {
            _ = s.run("get pods")
            runs += 1
        }
        #expect(storedEvents(s) == 0 && runs <= 5, "\(runs) commands")
    }

    /// A client may create an event under the name of one that has expired but is still in the file.
    @Test func anExpiredEventGivesItsNameUp() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=60").exitCode == 0)
        let ev = s.writeFile("ev.yaml", """
            apiVersion: v1
            kind: Event
            metadata: {name: cm.one, namespace: default}
            involvedObject: {kind: ConfigMap, name: cm, namespace: default}
            reason: Custom
            message: first
            type: Normal
            """)
        #expect(s.run("create -f \(ev)").exitCode == 0)
        #expect(s.run("create -f \(ev)").stderr == "Error from server (AlreadyExists): error when creating \"\(ev)\": events \"cm.one\" already exists\n")
        let uid = s.run("get event cm.one -o jsonpath={.metadata.uid}").stdout
        s.setNow("2026-11-23T13:01:00Z")
        // Each command sweeps a few hundred row ids: cm.one, written last, is still in the file.
        #expect(s.run("label event cm.one a=b").stderr == "Error from server (NotFound): events \"cm.one\" not found\n")
        #expect(s.run("create -f \(ev)").stdout == "event/cm.one created\n")
        #expect(s.run("get events -o name").stdout == "event/cm.one\n")
        let again = s.run("get event cm.one -o jsonpath={.metadata.uid}").stdout
        #expect(!again.isEmpty && again != uid)
    }

    /// The kubelet's recorder remembers the events it wrote: one whose lease ran out (its row not yet
    /// swept) is written again under its name with the count and first time it had, as client-go's
    /// recorder creates it again when its patch finds nothing. A container that runs 4,000 s restarts
    /// at once (a run over 10 minutes resets the back-off) at 13:06:41, after its first events' lease
    /// ended (13:01).
    @Test func theRecorderWritesAnExpiredEventAgainWithItsCount() {
        let s = TestStore()
        #expect(s.run(args: ["run", "slow", "--image=busybox", "--", "sh", "-c", "sleep 4000; exit 1"]).exitCode == 0)
        let created = #"jsonpath={range .items[?(@.reason=="Created")]}{.metadata.name} {.count} {.firstTimestamp} {.lastTimestamp}{"\n"}{end}"#
        s.setNow("2026-11-23T12:00:30Z")
        let before = s.run(args: ["get", "events", "--field-selector", "involvedObject.name=slow", "-o", created]).stdout
        let name = before.split(separator: " ").first.map(String.init) ?? ""
        #expect(before == "\(name) 1 2026-11-23T12:00:00Z 2026-11-23T12:00:00Z\n")
        s.setNow("2026-11-23T13:30:00Z")
        #expect(s.run(args: ["get", "events", "--field-selector", "involvedObject.name=slow", "-o", created]).stdout
            == "\(name) 2 2026-11-23T12:00:00Z 2026-11-23T13:06:41Z\n")
    }

    /// A watcher on the real clock sees events go when their lease ends, with no other command run;
    /// their rows, swept later by another command, are not reported again.
    @Test func watcherSeesEventsGoWhenTheirLeaseEnds() {
        let s = TestStore()
        let out = s.directory + "/watch.out"
        let script = """
            unset KUBECTL_LOCAL_NOW
            # Written 3,648 s ago: the lease ends 12 s from now.
            KUBECTL_LOCAL_NOW=$(date -u -d '-3648 sec' +%Y-%m-%dT%H:%M:%SZ) "$KL" create configmap cm >/dev/null
            KUBECTL_LOCAL_NOW=$(date -u -d '-3648 sec' +%Y-%m-%dT%H:%M:%SZ) "$KL" run a --image=nginx >/dev/null
            "$KL" get events -w --output-watch-events -o jsonpath='{.type} {.object.reason}{"\\n"}' --request-timeout=120s >"\(out)" 2>&1 &
            w=$!
            for i in $(seq 1 600); do
                a=$(grep -c '^ADDED' "\(out)"); d=$(grep -c '^DELETED' "\(out)")
                [ "$d" -gt 0 ] && [ "$d" -ge "$a" ] && break
                sleep 0.1
            done
            "$KL" get pods >/dev/null
            "$KL" get pods >/dev/null
            sleep 1
            kill $w
            exit 0
            """
        #expect(runShell(script, store: s) == 0)
        let text = readTextFile(out) ?? ""
        let entries = text.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        let added = entries.filter { $0 == "ADDED" }.count
        #expect(added >= 4, "\(text)")
        #expect(entries == Array(repeating: "ADDED", count: added) + Array(repeating: "DELETED", count: added), "\(text)")
        #expect(storedEvents(s) == 0)
    }

    /// client-go's spam filter: 25 events from one source about one object, then one for every 5
    /// minutes since, across commands (the ReplicaSet controller's SuccessfulCreate events here: the
    /// first nine stand alone, the rest are one combined event). What it drops of an event already
    /// written still counts: the next write of that event carries it.
    @Test func spamFilterRefillsAcrossCommands() {
        let s = TestStore()
        func created() -> (events: Int, occurrences: Int) {
            let out = s.run(args: ["get", "events", "-o", #"jsonpath={range .items[?(@.reason=="SuccessfulCreate")]}{.count}{"\n"}{end}"#]).stdout
            let counts = out.split(separator: "\n").compactMap { Int($0) }
            return (counts.count, counts.reduce(0, +))
        }
        #expect(s.run("create deployment web --image=nginx --replicas=30").exitCode == 0)
        #expect(created() == (10, 25))
        // The bucket is empty: a new command gets nothing more through (5 + 2 dropped).
        #expect(s.run("scale deployment web --replicas=32").exitCode == 0)
        #expect(created() == (10, 25))
        // 299 s later still nothing (8 dropped), at 300 s one token: that write counts the 8 too.
        s.setNow("2026-11-23T12:04:59Z")
        #expect(s.run("scale deployment web --replicas=33").exitCode == 0)
        #expect(created() == (10, 25))
        s.setNow("2026-11-23T12:05:00Z")
        #expect(s.run("scale deployment web --replicas=35").exitCode == 0)
        #expect(created() == (10, 34))
        // Two hours on the bucket is full again (25 tokens, not more); the earlier events expired. The
        // aggregation restarts (its last event is over 10 minutes old): 9 new events stand alone and 16
        // go to the combined event, which the recorder still remembers (client-go's patch finds it gone
        // and creates it again with the remembered count, 26 + 16).
        s.setNow("2026-11-23T14:10:00Z")
        #expect(s.run("scale deployment web --replicas=65").exitCode == 0)
        #expect(created() == (10, 9 + 42))
        // The other sources and objects have buckets of their own: every new pod's kubelet events are there.
        #expect(lines(s.run(args: ["get", "events", "-o", #"jsonpath={range .items[?(@.reason=="Started")]}{.involvedObject.name}{"\n"}{end}"#]).stdout) == 30)
    }
}
