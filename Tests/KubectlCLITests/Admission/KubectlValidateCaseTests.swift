import KubeModel
import KubeTestSupport
import Testing

/// The testcases of kubernetes-sigs/kubectl-validate (Golden/kubectl-validate, see SOURCE.md there)
/// through `create -f` and `apply -f`: each gives the verdict and texts a v1.32 API server gives
/// (`<case>.expected`, `<case>.apply.expected` where apply prints otherwise), and a refused object
/// leaves no trace.
@Suite struct KubectlValidateCaseTests {
    static let dir = besideTest("../Golden/kubectl-validate/")

    static var cases: [String] {
        directoryEntries(dir).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("crd_") }.map { String($0.dropLast(5)) }
    }

    /// A fresh store with what the case needs (its CRD, its namespace).
    static func store(for name: String) -> TestStore {
        let s = TestStore()
        let setup: String? = switch name {
        case "error_cel_basic", "error_cel_basic_multiple", "error_x_list_map_default": "create -f \(dir)crd_cel_basic.yaml"
        case "jobset", "multiple_resources": "create -f \(dir)crd_jobset.yaml"
        case "rbac_role": "create namespace kyverno"
        default: nil
        }
        if let setup { #expect(s.run(setup).exitCode == 0, "\(name): \(setup)") }
        return s
    }

    static func rendered(_ r: CLIResult) -> String {
        "exit: \(r.exitCode)\n--- stdout\n\(r.stdout)--- stderr\n\(r.stderr.replacingAll(dir, with: ""))"
    }

    @Test func everyCaseThroughCreateAndApply() {
        #expect(Self.cases.count >= 35)
        for name in Self.cases {
            for verb in ["create", "apply"] {
                let expected = (verb == "apply" ? readTextFile("\(Self.dir)\(name).apply.expected") : nil)
                    ?? readTextFile("\(Self.dir)\(name).expected")
                let s = Self.store(for: name)
                let r = s.run("\(verb) -f \(Self.dir)\(name).yaml")
                #expect(Self.rendered(r) == expected, "\(verb) \(name)")
            }
        }
    }

    /// Refused documents leave nothing behind; the accepted ones of the same file are stored.
    @Test func refusedObjectsLeaveNoTrace() {
        let checks: [(String, String, String)] = [
            ("configmap_multi", "get cm successful failure -o name", "configmap/successful\n"),
            ("list_configmaps_invalid", "get cm -o name", "configmap/cm-one\nconfigmap/cm-two\nconfigmap/kube-root-ca.crt\n"),
            ("list_nested_invalid", "get cm -o name", "configmap/kube-root-ca.crt\n"),
            ("error_cel_basic", "get celbasics -o name", ""),
            ("error_x_list_map_default", "get celbasics -o name", ""),
            ("no_image", "get pods -o name", ""),
            ("error_multiple_resources_one_invalid", "get pods -o name", "pod/nginx-pod\n"),
            ("error_rbac_clusterrole_invalid_name", "get clusterroles -o name -l nothing=here", ""),
        ]
        for (name, command, listed) in checks {
            for verb in ["create", "apply"] {
                let s = Self.store(for: name)
                _ = s.run("\(verb) -f \(Self.dir)\(name).yaml")
                #expect(s.run(command).stdout == listed, "\(verb) \(name): \(command)")
            }
        }
    }

    /// The CEL rules of the CRD case also hold on update, and a valid object passes.
    @Test func celBasicAcceptsValidAndRefusesBadUpdate() {
        let s = Self.store(for: "error_cel_basic")
        let good = s.writeFile("good.yaml", "apiVersion: stable.example.com/v1\nkind: CELBasic\nmetadata:\n  name: my-basic\nvalue: 3\nother_value: 9\n")
        #expect(s.run("apply -f \(good)").stdout == "celbasic.stable.example.com/my-basic created\n")
        let r = s.run(args: ["patch", "celbasic", "my-basic", "--type=merge", "-p", #"{"other_value":10}"#])
        #expect(r.stderr == "The CELBasic \"my-basic\" is invalid: <nil>: Invalid value: \"object\": Other must be a multiple of value\n")
        #expect(s.run("get celbasic my-basic -o jsonpath={.other_value}").stdout == "9")
    }
}

/// Manifests written for recent Kubernetes (probes, affinity, topology spread, sidecars, Ingress,
/// NetworkPolicy, HPA v2, CronJob with a pod failure policy, indexed Job, StatefulSet with claim
/// templates, RBAC) are accepted by `create -f` and by `apply -f`, and applying them again changes
/// nothing that a cluster would not report as configured.
@Suite struct RealWorldManifestTests {
    static let dir = besideTest("../Golden/realworld/")

    @Test func acceptedByCreateAndApply() {
        for verb in ["create", "apply"] {
            let s = TestStore()
            for file in ["web", "batch", "rbac"] {
                let r = s.run("\(verb) -f \(Self.dir)\(file).yaml")
                #expect(r.exitCode == 0, "\(verb) \(file): \(r.stderr)")
                #expect(r.stderr == "", "\(verb) \(file)")
                let lines = r.stdout.split(separator: "\n")
                #expect(!lines.isEmpty && lines.allSatisfy { $0.hasSuffix(" created") }, "\(verb) \(file)")
            }
        }
    }

    @Test func reapplyIsUnchangedExceptAtomicListsWithDefaults() {
        let s = TestStore()
        for file in ["web", "batch", "rbac"] { _ = s.run("apply -f \(Self.dir)\(file).yaml") }
        let web = s.run("apply -f \(Self.dir)web.yaml")
        // The server defaults a downward API `fieldRef.apiVersion` to v1, also inside a projected
        // volume's `sources` (an atomic list), and a NetworkPolicy port's protocol to TCP inside the
        // atomic `ingress` list: the Deployment and the NetworkPolicy are reported configured (kubectl's
        // three-way patch replaces an atomic list that differs from the live one), the rest unchanged.
        let configured = ["deployment.apps/web configured", "networkpolicy.networking.k8s.io/web configured"]
        #expect(web.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(" unchanged") || configured.contains(String($0)) })
        for line in configured { #expect(web.stdout.contains(line + "\n"), "\(web.stdout)") }
        let rbac = s.run("apply -f \(Self.dir)rbac.yaml")
        #expect(rbac.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(" unchanged") }, "\(rbac.stdout)")
        // Server defaults inside atomic lists (a claim template's volumeMode, a pod failure policy's
        // condition status) make the three-way patch replace the list: a cluster reports these as configured.
        let batch = s.run("apply -f \(Self.dir)batch.yaml")
        #expect(batch.stdout.contains("statefulset.apps/db configured\n"))
        #expect(batch.stdout.contains("cronjob.batch/report configured\n"))
        #expect(batch.stdout.contains("job.batch/indexed unchanged\n"))
    }

    @Test func defaultsTheServerFillsIn() {
        let s = TestStore()
        for file in ["batch", "rbac"] { _ = s.run("create -f \(Self.dir)\(file).yaml") }
        #expect(s.run("get cronjob report -o jsonpath={.spec.jobTemplate.spec.podFailurePolicy.rules[1].onPodConditions[0].status}").stdout == "True")
        #expect(s.run("get rolebinding deployer -o jsonpath={.roleRef.apiGroup}/{.subjects[0].apiGroup}/{.subjects[1].apiGroup}").stdout
            == "rbac.authorization.k8s.io//rbac.authorization.k8s.io")
        let noGroup = s.writeFile("rb.yaml", """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: plain
            subjects:
            - kind: User
              name: jane
            roleRef:
              kind: ClusterRole
              name: view

            """)
        #expect(s.run("create -f \(noGroup)").stdout == "rolebinding.rbac.authorization.k8s.io/plain created\n")
        #expect(s.run("get rolebinding plain -o jsonpath={.roleRef.apiGroup}/{.subjects[0].apiGroup}").stdout
            == "rbac.authorization.k8s.io/rbac.authorization.k8s.io")
    }

    /// v1.32 validation does not require a StatefulSet's serviceName (the OpenAPI document lists it).
    @Test func statefulSetWithoutServiceName() {
        let s = TestStore()
        let f = s.writeFile("sts.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: nosvc
            spec:
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                  - name: c
                    image: nginx

            """)
        #expect(s.run("apply -f \(f)") == CLIResult(stdout: "statefulset.apps/nosvc created\n", stderr: "", exitCode: 0))
    }
}
