#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// `get -w` reads the store's change log: every change another process makes is delivered, in order.
@Suite struct WatchChangeLogTests {
    /// Two shells change one ConfigMap 125 times each while a third watches it: the watcher prints all
    /// 250 MODIFIED events (the label and annotation values it saw never go backwards per shell), then
    /// the DELETED one. The watcher is stopped by the script; its request timeout is only a bound, long
    /// enough for 250 writes on a loaded machine (30 s was not).
    @Test func watcherSeesEveryChangeInOrder() {
        let s = TestStore()
        #expect(s.run("create configmap c").exitCode == 0)
        let out = s.directory + "/watch.out"
        let script = """
            "$KL" get cm c -w --output-watch-events -o jsonpath='{.type} {.object.metadata.labels.a} {.object.metadata.annotations.b}{"\\n"}' --request-timeout=600s >"\(out)" 2>&1 &
            w=$!
            sleep 1
            ( for i in $(seq 1 125); do "$KL" label cm c --overwrite a=$i >/dev/null; done ) &
            ( for i in $(seq 1 125); do "$KL" annotate cm c --overwrite b=$i >/dev/null; done ) &
            wait %2 %3
            "$KL" delete cm c >/dev/null
            # Give the watcher time to catch up on a loaded machine (it stops at the DELETED event).
            for i in $(seq 1 300); do grep -q '^DELETED' "\(out)" && break; sleep 0.1; done
            kill $w
            exit 0
            """
        #expect(runShell(script, store: s) == 0)
        let lines = (readTextFile(out) ?? "").split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 252, "\(lines.count) events")
        #expect(lines.first?.first == "ADDED")
        #expect(lines.filter { $0.first == "MODIFIED" }.count == 250)
        #expect(lines.last?.first == "DELETED")
        // Each shell's values arrive in the order it wrote them.
        let a = lines.compactMap { $0.count > 1 ? Int($0[1]) : nil }
        let b = lines.compactMap { $0.count > 2 ? Int($0[2]) : nil }
        #expect(a == a.sorted() && b == b.sorted())
        #expect(Set(a).count == 125 && Set(b).count == 125)
    }

    /// Objects that start or stop matching a label selector are ADDED and DELETED for the watcher.
    @Test func selectorTransitionsAreAddedAndDeleted() {
        let s = TestStore()
        let out = s.directory + "/watch.out"
        let script = """
            "$KL" get cm -l team=a -w --watch-only --output-watch-events -o jsonpath='{.type} {.object.metadata.name}{"\\n"}' --request-timeout=30s >"\(out)" 2>&1 &
            w=$!
            sleep 1
            "$KL" create cm x >/dev/null
            "$KL" label cm x team=a >/dev/null
            "$KL" label cm x --overwrite team=b >/dev/null
            "$KL" label cm x --overwrite team=a >/dev/null
            "$KL" delete cm x >/dev/null
            sleep 1
            kill $w
            exit 0
            """
        #expect(runShell(script, store: s) == 0)
        #expect(readTextFile(out) == "ADDED x\nDELETED x\nADDED x\nDELETED x\n")
    }
}
