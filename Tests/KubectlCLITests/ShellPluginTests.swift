#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// kubectl-local as a kubectl plugin, checked with the real kubectl v1.32 (it runs `kubectl-<name>` found
/// on PATH, and asks `kubectl_complete-<name>` for completions), and the install script's layout.
@Suite struct ShellPluginTests {
    @Test(.enabled(if: ShellSupport.exists(ShellSupport.realKubectl), "the real kubectl v1.32 is not installed"))
    func kubectlRunsItAsAPlugin() {
        let s = ShellCompletionTests.store()
        let dir = ShellSupport.makeTempDir()
        defer { ShellSupport.removeTree(dir) }
        let bin = ShellSupport.binDirectory(in: dir)
        let env = ["PATH": bin + ":/usr/bin:/bin", "HOME": dir, "KUBECTL_LOCAL_STORE": s.path,
                   "KUBECTL_LOCAL_NOW": "2026-11-23T12:00:00Z"]
        let k = ShellSupport.realKubectl
        let get = ShellSupport.run([k, "local", "get", "pods", "-o", "name"], environment: env)
        #expect(get.status == 0 && get.out == "pod/web-0\npod/web-1\n", "\(get)")
        #expect(ShellSupport.run([k, "local", "get", "pods", "-n", "dev", "-o", "name"], environment: env).out == "pod/db-0\n")
        // Errors and exit codes come through.
        let missing = ShellSupport.run([k, "local", "get", "pod", "nope"], environment: env)
        #expect(missing.status == 1 && missing.err == "Error from server (NotFound): pods \"nope\" not found\n", "\(missing)")
        // kubectl lists the plugin and completes through it.
        let list = ShellSupport.run([k, "plugin", "list", "--name-only"], environment: env)
        #expect(list.out.contains("kubectl-local\n"), "\(list)")
        let top = ShellSupport.run([k, "__complete", "loc"], environment: env)
        #expect(top.out.hasPrefix("local\t"), "\(top)")
        let names = ShellSupport.run([k, "__complete", "local", "get", "pods", ""], environment: env)
        #expect(names.out == "web-0\nweb-1\n:4\n", "\(names)")
        let ns = ShellSupport.run([k, "__complete", "local", "get", "pods", "-n", "d"], environment: env)
        #expect(ns.out == "default\ndev\n:4\n", "\(ns)")
    }

    /// `Scripts/install.sh` with an already built binary: everything lands under PREFIX, the man pages
    /// are found by `man`, and the installed binary answers as a plugin.
    @Test func installScriptLayout() {
        let prefix = ShellSupport.makeTempDir()
        defer { ShellSupport.removeTree(prefix) }
        let r = ShellSupport.run(["/bin/bash", ShellSupport.repoRoot + "/Scripts/install.sh"],
                                 environment: ["PATH": "/usr/bin:/bin", "PREFIX": prefix, "KUBECTL_LOCAL_BIN": builtBinary()])
        #expect(r.status == 0, "\(r)")
        for file in ["bin/kubectl-local", "bin/kubectl_complete-local",
                     "share/bash-completion/completions/kubectl-local", "share/zsh/site-functions/_kubectl-local",
                     "share/fish/vendor_completions.d/kubectl-local.fish", "share/kubectl-local/kubectl-local.ps1",
                     "share/man/man1/kubectl-local.1", "share/man/man1/kubectl-local-get.1"]
        {
            #expect(ShellSupport.exists(prefix + "/" + file), "missing \(file)")
        }
        #expect(access(prefix + "/bin/kubectl-local", X_OK) == 0)
        #expect(readTextFile(prefix + "/share/bash-completion/completions/kubectl-local")
                == readTextFile(ShellSupport.repoRoot + "/completions/kubectl-local.bash"))
        let installedPages = directoryEntries(prefix + "/share/man/man1")
        #expect(installedPages == directoryEntries(ShellSupport.repoRoot + "/man"))
        if ShellSupport.which("man") != nil {
            let page = ShellSupport.run(["man", "-M", prefix + "/share/man", "kubectl-local-get"],
                                        environment: ["PATH": "/usr/bin:/bin", "MANWIDTH": "80", "LANG": "C.UTF-8"])
            #expect(page.status == 0 && page.out.contains("kubectl-local-get - Show one or many objects"), "\(page)")
        }
        let s = TestStore()
        let version = ShellSupport.run([prefix + "/bin/kubectl-local", "version", "--client"],
                                       environment: ["PATH": "/usr/bin:/bin", "KUBECTL_LOCAL_STORE": s.path])
        #expect(version.status == 0 && version.out.hasPrefix("Client Version: v1.32"))
    }
}
