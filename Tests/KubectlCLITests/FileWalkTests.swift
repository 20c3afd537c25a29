#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// `-R -f DIR` walks directories as Go's filepath.Walk does: symbolic links are not descended into,
/// so a link back to a parent cannot make the walk loop, and a link with a known extension is read
/// through (a dangling one is an error of its own; the other files are still read).
@Suite struct FileWalkTests {
    @Test func symbolicLinksAreNotDescendedInto() {
        let s = TestStore()
        mkdir(s.directory + "/tree", 0o755)
        let cm = s.writeFile("tree/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lp}\n")
        let dir = String(cm.dropLast("/cm.yaml".count))
        #expect(symlink("..", dir + "/up") == 0)
        #expect(symlink("cm.yaml", dir + "/link.yaml") == 0)
        #expect(symlink("nowhere.yaml", dir + "/broken.yaml") == 0)
        #expect(s.run("create -R -f \(dir) --dry-run=client -o name") == CLIResult(
            stdout: "configmap/lp\nconfigmap/lp\n", stderr: "error: open \(dir)/broken.yaml: no such file or directory\n", exitCode: 1))
    }
}
