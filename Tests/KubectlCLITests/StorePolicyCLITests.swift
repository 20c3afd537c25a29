#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// The store as other users and damaged files meet it, through the built binary.
@Suite struct StorePolicyCLITests {
    /// A user who may read the store but not write it can `get` and `describe`; a write says why it
    /// fails, in words. (Needs root to act as `nobody`; elsewhere it checks nothing and says so.)
    @Test func readOnlyUserCanGetButNotWrite() {
        let s = TestStore()
        // Made by another process (as a user's shell would), then shared read-only with its -wal/-shm.
        #expect(runBinaryScript("kubectl create configmap shared-cm", cwd: "/", store: s).exitCode == 0)
        guard getuid() == 0, access("/usr/bin/setpriv", X_OK) == 0 else {
            Issue.record("skipped: needs root and setpriv to act as another user")
            return
        }
        chmod(s.directory, 0o755)
        for suffix in ["", "-wal", "-shm"] { chmod(s.path + suffix, 0o644) }
        let asNobody = "setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp"
        let get = runBinaryScript("\(asNobody) \"$KL\" get cm shared-cm -o name", cwd: "/", store: s)
        #expect(get == CLIResult(stdout: "configmap/shared-cm\n", stderr: "", exitCode: 0))
        let write = runBinaryScript("\(asNobody) \"$KL\" create configmap nope", cwd: "/", store: s)
        #expect(write == CLIResult(stdout: "", stderr: "error: the store is read-only for this user: permission denied\n", exitCode: 1))
        // Other users cannot read a store this user created (0600 in a 0700 directory).
        let fresh = s.directory + "/private/store.db"
        #expect(runBinaryScript("umask 000; \"$KL\" --store \(fresh) create configmap secret-ish", cwd: "/", store: s).exitCode == 0)
        let spy = runBinaryScript("\(asNobody) \"$KL\" --store \(fresh) get cm", cwd: "/", store: s)
        #expect(spy.exitCode == 1 && spy.stdout.isEmpty)
        _ = runShell("rm -rf '\(s.directory)/private'", store: s)
    }

    @Test func specialStoreNamesAreRefusedInWords() {
        let s = TestStore()
        let r = runBinaryScript("\"$KL\" --store :memory: create configmap x; \"$KL\" --store file:x.db get ns; ls", cwd: s.directory, store: s)
        #expect(r.stderr == """
            error: cannot open store :memory:: a store must be a file path (in-memory and URI names are not supported)
            error: cannot open store file:x.db: a store must be a file path (in-memory and URI names are not supported)

            """)
        #expect(!r.stdout.contains("file:"))
    }

    /// A damaged store answers with words, never SQL text, and exit 1.
    @Test func damagedStoreErrorsAreWords() {
        let s = TestStore()
        // Overwrite the middle of the file (past the header) with garbage.
        let r = runBinaryScript("""
            kubectl create configmap a >/dev/null
            # The schema page after the file header, and the WAL (whose valid frames would win) too.
            yes | head -c 3996 | dd of="$KUBECTL_LOCAL_STORE" bs=1 seek=100 conv=notrunc 2>/dev/null
            [ -f "$KUBECTL_LOCAL_STORE-wal" ] && yes | head -c 8192 | dd of="$KUBECTL_LOCAL_STORE-wal" conv=notrunc 2>/dev/null
            "$KL" get cm; "$KL" create configmap b
            """, cwd: s.directory, store: s)
        let damaged = "error: cannot open store \(s.path): the store file is damaged\n"
        #expect(r == CLIResult(stdout: "", stderr: damaged + damaged, exitCode: 1))
        for word in ["SELECT", "UPDATE", "INSERT", "PRAGMA", "CREATE TABLE", "(in:"] {
            #expect(!r.stderr.contains(word), "\(r.stderr)")
        }
    }
}
