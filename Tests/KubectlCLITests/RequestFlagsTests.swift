#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// The flags every write request carries: `--field-manager` names the manager in managedFields (each
/// command's own default otherwise), `--subresource` the part written, `--validate` the field
/// validation. kubectl sends them as the request's fieldManager / fieldValidation and its path.
struct RequestFlagsTests {
    static let managers = #"{range .metadata.managedFields[*]}{.manager}/{.operation}/{.subresource}{"\n"}{end}"#

    func managers(_ s: TestStore, _ what: String) -> [String] {
        s.run("get \(what) -o jsonpath='\(Self.managers)'").stdout.split(separator: "\n").map(String.init)
    }

    func editor(_ s: TestStore, _ script: String) {
        let p = s.writeFile("ed.sh", "#!/bin/sh\n" + script + "\n")
        chmod(p, 0o755)
        s.environment["KUBE_EDITOR"] = p
    }

    /// Each writing command with --field-manager records that name, with the operation its request is.
    @Test func fieldManagerOfEveryWritingCommand() {
        let s = TestStore()
        let cm = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: f\ndata:\n  k: v\n")
        let cases: [(command: String, object: String, manager: String)] = [
            ("create -f \(cm) --field-manager=m-create", "cm f", "m-create/Update/"),
            ("run p --image=nginx --field-manager=m-run", "pod p", "m-run/Update/"),
            ("create deployment web --image=nginx --field-manager=m-gen", "deploy web", "m-gen/Update/"),
            ("patch cm f -p '{\"data\":{\"x\":\"y\"}}' --field-manager=m-patch", "cm f", "m-patch/Update/"),
            ("label cm f a=b --field-manager=m-label", "cm f", "m-label/Update/"),
            ("annotate cm f a=b --field-manager=m-annotate", "cm f", "m-annotate/Update/"),
            ("set env deploy/web A=1 --field-manager=m-set", "deploy web", "m-set/Update/"),
            ("rollout restart deploy/web --field-manager=m-rollout", "deploy web", "m-rollout/Update/"),
            ("expose deploy web --port=80 --field-manager=m-expose", "svc web", "m-expose/Update/"),
            ("autoscale deploy web --max=3 --field-manager=m-hpa", "hpa web", "m-hpa/Update/"),
        ]
        for c in cases {
            let r = s.run(c.command)
            #expect(r.exitCode == 0, "\(c.command): \(r.stderr)")
            #expect(managers(s, c.object).contains(c.manager), "\(c.command): \(managers(s, c.object))")
        }
        let node = s.run("get nodes -o jsonpath={.items[0].metadata.name}").stdout
        #expect(s.run("taint nodes \(node) k=v:NoSchedule --field-manager=m-taint").exitCode == 0)
        #expect(managers(s, "node \(node)").contains("m-taint/Update/"))
        editor(s, "sed -i 's/k: v/k: edited/' \"$1\"")
        #expect(s.run("edit cm f --field-manager=m-edit").exitCode == 0)
        #expect(managers(s, "cm f").contains("m-edit/Update/"))
        #expect(s.run("replace -f \(cm) --field-manager=m-replace").exitCode == 0)
        #expect(managers(s, "cm f").contains("m-replace/Update/"))
    }

    /// Without the flag each command is its own default manager (kubectl's names).
    @Test func defaultManagers() {
        let s = TestStore()
        #expect(s.run("run p --image=nginx").exitCode == 0)
        #expect(managers(s, "pod p").contains("kubectl-run/Update/"))
        #expect(s.run("patch pod p -p '{\"metadata\":{\"labels\":{\"a\":\"b\"}}}'").exitCode == 0)
        #expect(managers(s, "pod p").contains("kubectl-patch/Update/"))
        editor(s, "sed -i 's/a: b/a: c/' \"$1\"")
        #expect(s.run("edit pod p").exitCode == 0)
        #expect(managers(s, "pod p").contains("kubectl-edit/Update/"))
    }

    /// `edit --subresource=status` saves the status only (a spec change is dropped, as the API server's
    /// status strategy drops it); the write is the status subresource's.
    @Test func editStatusSubresource() {
        let s = TestStore()
        #expect(s.run("create service clusterip svc --tcp=80:80").exitCode == 0)
        editor(s, "sed -i 's/loadBalancer: {}/loadBalancer:\\n    ingress:\\n    - ip: 10.9.9.9/; s/port: 80$/port: 81/' \"$1\"")
        let r = s.run("edit svc svc --subresource=status --field-manager=probe")
        #expect(r.stdout == "service/svc edited\n", "\(r.stderr)")
        #expect(s.run("get svc svc -o jsonpath={.status.loadBalancer.ingress[0].ip}").stdout == "10.9.9.9")
        #expect(s.run("get svc svc -o jsonpath={.spec.ports[0].port}").stdout == "80")
        #expect(managers(s, "svc svc").contains("probe/Update/status"))
    }

    /// `edit --subresource=scale` edits the workload's autoscaling/v1 Scale; a kind without the
    /// subresource, or an unknown subresource, is not found.
    @Test func editScaleSubresourceAndUnknownOnes() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx --replicas=1").exitCode == 0)
        editor(s, "grep -q 'kind: Scale' \"$1\" && sed -i '0,/replicas: 1/s//replicas: 3/' \"$1\"")
        let r = s.run("edit deploy web --subresource=scale")
        #expect(r.stdout == "scale.autoscaling/web edited\n", "\(r.stderr)")
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "3")
        #expect(managers(s, "deploy web").contains("kubectl-edit/Update/scale"))
        #expect(s.run("create configmap c").exitCode == 0)
        let notFound = CLIResult(stdout: "", stderr: "Error from server (NotFound): the server could not find the requested resource\n", exitCode: 1)
        #expect(s.run("edit cm c --subresource=scale") == notFound)
        #expect(s.run("edit deploy web --subresource=bogus") == notFound)
    }

    /// `edit --validate`: an unknown field fails with strict (the default), warns with warn, is dropped
    /// with ignore; a value that is no mode is refused first (kubectl v1.32's text).
    @Test func editValidate() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        editor(s, "grep -q bogus \"$1\" || sed -i 's/^spec:/spec:\\n  bogus: 1/' \"$1\"")
        let strict = s.run("edit deploy web")
        #expect(strict.exitCode == 1 && strict.stderr.hasPrefix("error: deployments.apps \"web\" is invalid\n"), "\(strict)")
        let warn = s.run("edit deploy web --validate=warn")
        #expect(warn.exitCode == 0 && warn.stderr.contains("Warning: unknown field \"spec.bogus\""), "\(warn)")
        let ignore = s.run("edit deploy web --validate=ignore")
        #expect(ignore.exitCode == 0 && ignore.stderr.isEmpty, "\(ignore)")
        #expect(s.run("edit deploy web --validate=bogus") == CLIResult(
            stdout: "", stderr: "error: invalid - validate option \"bogus\"; must be one of: strict (or true), warn, ignore (or false)\n", exitCode: 1))
    }
}
