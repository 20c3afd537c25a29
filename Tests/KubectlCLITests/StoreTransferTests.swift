#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// `kubectl-local store export|import|info|reset`: the way out to a real cluster and back.
@Suite struct StoreTransferTests {
    /// A store with something of most kinds a user makes.
    static func populated() -> TestStore {
        let s = TestStore()
        let crd = s.writeFile("crd.yaml", crdYAML(schema: """
            type: object
            properties:
              spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """))
        let widget = s.writeFile("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n  namespace: team\nspec:\n  size: 3\n")
        for line in ["create ns team", "create deployment web --image=nginx:1.27 --replicas=2", "expose deploy web --port=80 --type=NodePort",
                     "create cm app --from-literal=mode=dev -n team", "create secret generic pw --from-literal=p=x -n team",
                     "create sa bot -n team", "create role reader --verb=get --resource=pods -n team",
                     "create rolebinding bot-reads --role=reader --serviceaccount=team:bot -n team",
                     "create job once --image=busybox", "run solo --image=nginx", "create -f \(crd)", "create -f \(widget)",
                     "create cronjob tick --image=busybox --schedule='*/5 * * * *'"] {
            let r = s.run(line)
            #expect(r.exitCode == 0, "\(line): \(r.stderr)")
        }
        return s
    }

    @Test func freshStoreExportsNothing() {
        let s = TestStore()
        #expect(s.run("store export") == CLIResult(stdout: "", stderr: "", exitCode: 0))
    }

    /// Only top-level objects, without what the cluster assigned; kinds in an order apply accepts.
    @Test func exportIsApplyReady() {
        let s = Self.populated()
        let r = s.run("store export")
        #expect(r.exitCode == 0)
        let text = r.stdout
        for assigned in ["uid:", "resourceVersion:", "creationTimestamp: \"", "generation:", "managedFields", "status:",
                         "clusterIP:", "nodePort:", "nodeName:", "kube-api-access", "ownerReferences", "controller-uid",
                         "kind: ReplicaSet", "kind: Event", "kind: Node", "kind: EndpointSlice", "name: kube-root-ca.crt",
                         "namespace: kube-system", "deployment.kubernetes.io/revision", "last-applied-configuration"] {
            #expect(!text.contains(assigned), "export carries \(assigned)")
        }
        let kinds = text.split(separator: "\n").filter { $0.hasPrefix("kind: ") }.map { String($0.dropFirst(6)) }
        #expect(kinds == ["Namespace", "CustomResourceDefinition", "ServiceAccount", "Secret", "ConfigMap", "Role", "RoleBinding",
                          "Service", "Pod", "Deployment", "Job", "CronJob", "Widget"])
        #expect(text.hasPrefix("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n---\n"))
    }

    /// Export, import into a fresh store, export again: the same objects.
    @Test func roundTrip() {
        let a = Self.populated()
        let exported = a.run("store export").stdout
        let b = TestStore()
        let file = b.writeFile("all.yaml", exported)
        let r = b.run("store import -f \(file)")
        #expect(r == CLIResult(stdout: "imported 13 objects into \(b.path) (13 new, 0 replaced)\n", stderr: "", exitCode: 0))
        #expect(b.run("store export").stdout == exported)
        // Controllers ran on the imported objects: the Deployment has its pods again.
        #expect(b.run("get deploy web -o jsonpath={.status.readyReplicas}").stdout == "2")
        #expect(b.run("get widgets -n team -o name").stdout == "widget.example.com/w1\n")
        // Importing again changes nothing.
        #expect(b.run("store import -f \(file)").stdout
            == "imported 0 objects into \(b.path) (0 new, 0 replaced, 13 manifests left out: their objects exist)\n")
    }

    /// The describe goldens' objects (about 40 kinds, made in an order a real cluster would judge
    /// differently: a LoadBalancer Service before a quota forbidding it, pods before a limit range they
    /// break and a global default PriorityClass, a legacy token Secret, pre-bound volumes, user-made
    /// EndpointSlices and a Lease): exported, imported into a fresh store, every object comes back; so
    /// too through `--dir` and `import -R`.
    @Test func roundTripOfManyKinds() {
        let a = TestStore(now: "2026-11-01T00:00:00Z")
        for dir in ["describeodd/manifests", "describeodd/manifests-cr", "describe31/manifests"] {
            let r = a.run(args: ["create", "-f", besideTest("Golden/\(dir)")])
            #expect(r.exitCode == 0, "\(dir): \(r.stderr)")
        }
        let exported = a.run("store export").stdout
        let count = exported.split(separator: "\n").filter { $0.hasPrefix("kind: ") }.count
        let b = TestStore(now: "2026-11-01T00:00:00Z")
        let r = b.run("store import -f \(b.writeFile("all.yaml", exported))")
        #expect(r.stdout == "imported \(count) objects into \(b.path) (\(count) new, 0 replaced)\n" && r.exitCode == 0, "\(r.stderr)")
        #expect(b.run("store export").stdout == exported)
        // What each object is, with what the cluster assigns left out (uids, IPs, token data, generated
        // names); objects a controller owns and volumes a provisioner made are not the export's.
        let shape = "{range .items[*]}{.kind} owner={.metadata.ownerReferences[*].kind} {.metadata.namespace}/{.metadata.name}"
            + " {.metadata.labels} {.spec.priorityClassName} {.spec.containers[*].resources} {.spec.ports[*].port}"
            + " {.spec.claimRef.name} {.status.phase} {.type}\n{end}"
        func objects(_ s: TestStore, _ resource: String) -> [Substring] {
            s.run(args: ["get", resource, "-A", "-o", "jsonpath=\(shape)"]).stdout.split(separator: "\n").filter {
                $0.contains(" owner= ") && !$0.contains(" kube-system/") && !$0.contains("/kube-root-ca.crt ")
                    && !$0.hasPrefix("PersistentVolume owner= /pvc-")
            }
        }
        for resource in ["secrets", "services", "pods", "persistentvolumes", "persistentvolumeclaims", "endpointslices", "leases",
                         "resourcequotas", "limitranges", "priorityclasses", "validatingwebhookconfigurations", "widgets"] {
            let wanted = objects(a, resource)
            #expect(!wanted.isEmpty && objects(b, resource) == wanted, "\(resource)")
        }
        // The same through --dir (read back in file-name order; a 253-character name fits a file name).
        let dir = a.directory + "/out"
        #expect(a.run("store export --dir \(dir)").stdout == "exported \(count) objects to \(dir)\n")
        let c = TestStore(now: "2026-11-01T00:00:00Z")
        #expect(c.run("store import -f \(dir) -R").stdout == "imported \(count) objects into \(c.path) (\(count) new, 0 replaced)\n")
        #expect(c.run("store export").stdout == exported)
        #expect(b.run("get secret runner-legacy -n d31 -o jsonpath={.data.namespace}").stdout == "ZDMx")
        #expect(b.run("get pv pv-hostpath pv-local-block -o jsonpath={.items[*].status.phase}").stdout == "Bound Bound")
    }

    @Test func exportToDirectories() {
        let s = Self.populated()
        let dir = s.directory + "/out"
        #expect(s.run("store export --dir \(dir)").stdout == "exported 13 objects to \(dir)\n")
        for file in ["_cluster/namespaces/team.yaml", "_cluster/customresourcedefinitions.apiextensions.k8s.io/widgets.example.com.yaml",
                     "default/deployments.apps/web.yaml", "team/configmaps/app.yaml", "team/widgets.example.com/w1.yaml"] {
            #expect(access(dir + "/" + file, F_OK) == 0, "\(file)")
        }
        #expect(readTextFile(dir + "/team/configmaps/app.yaml")
            == "apiVersion: v1\ndata:\n  mode: dev\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: team\n")
    }

    /// A `kubectl get -o yaml` dump keeps its state: uids, status, owned objects.
    @Test func importOfADumpKeepsState() {
        let a = Self.populated()
        // The Job comes too: its pod, without it, has no live owner (`importOfAPartialDump...`).
        let dump = a.run("get deploy,rs,jobs,pods,svc -o yaml").stdout
        let uid = a.run("get deploy web -o jsonpath={.metadata.uid}").stdout
        let pods = a.run("get pods -o name").stdout
        let b = TestStore()
        let r = b.run("store import -f \(b.writeFile("dump.yaml", dump))")
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(b.run("get deploy web -o jsonpath={.metadata.uid}").stdout == uid)
        #expect(b.run("get deploy web -o jsonpath={.status.availableReplicas}").stdout == "2")
        #expect(b.run("get pods -o name").stdout == pods)
        #expect(b.run("get svc web -o jsonpath={.spec.clusterIP}").stdout == a.run("get svc web -o jsonpath={.spec.clusterIP}").stdout)
    }

    /// A dump of every listable resource (`kubectl get $(api-resources) -A -o yaml`), namespaces and
    /// kube-system included, goes into a fresh store: the objects keep their uids, and what the fresh
    /// store's own seed made in their place (coredns and kube-proxy pods of other owners) is collected.
    @Test func importOfAFullDump() {
        let a = Self.populated()
        #expect(a.run("create deployment still --image=nginx --replicas=0").exitCode == 0)
        #expect(a.run("rollout pause deployment still").exitCode == 0)
        let resources = a.run("api-resources --verbs=list -o name").stdout.split(separator: "\n").filter { !$0.hasPrefix("events") }
        let dump = a.run(args: ["get", resources.joined(separator: ","), "-A", "-o", "yaml"])
        #expect(dump.exitCode == 0)
        let b = TestStore()
        let r = b.run("store import -f \(b.writeFile("dump.yaml", dump.stdout))")
        #expect(r.exitCode == 0 && r.stdout.hasPrefix("imported "), "\(r.stderr)")
        for s in [a, b] { s.setNow("2026-11-23T12:01:00Z") }  // a minute on: the collected pods' grace period is over
        let shape = "jsonpath={range .items[*]}{.kind} {.metadata.namespace}/{.metadata.name} {.metadata.uid} {.metadata.annotations}\n{end}"
        for resource in ["namespaces", "serviceaccounts", "configmaps", "deployments", "replicasets", "daemonsets", "pods", "services",
                         "roles", "widgets"] {
            #expect(b.run(args: ["get", resource, "-A", "-o", shape]).stdout == a.run(args: ["get", resource, "-A", "-o", shape]).stdout,
                    "\(resource)")
        }
        // A paused Deployment's status sync leaves no `annotations: null` behind (it did, and a dump carried it).
        #expect(!a.run("get deploy still -o json").stdout.contains("\"annotations\": null"))
    }

    /// A partial dump (ReplicaSets and pods without their Deployment, DaemonSet pods of another
    /// DaemonSet uid) goes through the garbage collector's rule: an owner reference whose object is
    /// absent, or present under another uid, is dangling; an object with no live owner is deleted with
    /// what it owns, one with a live owner left loses only its dangling references.
    @Test func importOfAPartialDumpCollectsWhatHasNoLiveOwner() {
        let a = TestStore()
        let dump = a.run("get rs,pods -n kube-system -o yaml").stdout
        let b = TestStore()
        let deployUID = b.run("get deploy coredns -n kube-system -o jsonpath={.metadata.uid}").stdout
        let dsUID = b.run("get ds kube-proxy -n kube-system -o jsonpath={.metadata.uid}").stdout
        let nodeUID = b.run("get node node-1 -o jsonpath={.metadata.uid}").stdout
        let shared = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shared
              namespace: kube-system
              uid: 0b7c1d7e-0000-4000-8000-000000000001
              ownerReferences:
              - {apiVersion: apps/v1, kind: Deployment, name: coredns, uid: \(deployUID)}
              - {apiVersion: apps/v1, kind: Deployment, name: gone, uid: 0b7c1d7e-0000-4000-8000-000000000002}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: orphan
              namespace: kube-system
              uid: 0b7c1d7e-0000-4000-8000-000000000003
              ownerReferences:
              - {apiVersion: apps/v1, kind: Deployment, name: coredns, uid: 0b7c1d7e-0000-4000-8000-000000000004}

            """
        let r = b.run("store import -f \(b.writeFile("dump.yaml", dump + "---\n" + shared))")
        #expect(r.exitCode == 0, "\(r.stderr)")
        b.setNow("2026-11-23T12:01:00Z")  // a minute on: the collected pods' grace period is over
        let owners = "jsonpath={range .items[*]}{.metadata.name} {.metadata.ownerReferences[*].uid}\n{end}"
        let rs = b.run(args: ["get", "rs", "-n", "kube-system", "-o", owners]).stdout.split(separator: "\n")
        #expect(rs.count == 1 && rs.allSatisfy { $0.hasSuffix(" " + deployUID) }, "\(rs)")
        let pods = b.run(args: ["get", "pods", "-n", "kube-system", "-l", "k8s-app=kube-proxy", "-o", owners]).stdout.split(separator: "\n")
        #expect(pods.count == 1 && pods.allSatisfy { $0.hasSuffix(" " + dsUID) }, "\(pods)")
        #expect(b.run("get pods -n kube-system -l k8s-app=kube-dns -o name").stdout.split(separator: "\n").count == 2)
        let own = "jsonpath={.metadata.ownerReferences[*].uid}"
        #expect(b.run(args: ["get", "pod", "etcd-node-1", "-n", "kube-system", "-o", own]).stdout == nodeUID)
        #expect(b.run(args: ["get", "cm", "shared", "-n", "kube-system", "-o", own]).stdout == deployUID)
        #expect(b.run("get cm orphan -n kube-system") == CLIResult(
            stdout: "", stderr: "Error from server (NotFound): configmaps \"orphan\" not found\n", exitCode: 1))
    }

    @Test func importRefusesUnknownKinds() {
        let s = TestStore()
        let f = s.writeFile("x.yaml", "apiVersion: v9\nkind: Foo\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n")
        #expect(s.run("store import -f \(f)") == CLIResult(
            stdout: "imported 1 objects into \(s.path) (1 new, 0 replaced)\n",
            stderr: "error: resource mapping not found for name: \"x\" namespace: \"\" from \"\(f)\": no matches for kind \"Foo\" in version \"v9\"\n",
            exitCode: 1))
        #expect(s.run("get cm ok -o name").stdout == "configmap/ok\n")
    }

    @Test func infoAndReset() {
        let s = Self.populated()
        let info = s.run("store info").stdout
        #expect(info.hasPrefix("Store:          \(s.path)\nContext:        local\nCluster:        local\nKubeconfig:     \(s.directory)/store.kubeconfig\nSchema version: "))
        let counts = info.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(counts.contains(["deployments.apps", "2"]) && counts.contains(["widgets.example.com", "1"]))
        #expect(s.run("store reset") == CLIResult(
            stdout: "", stderr: "error: store reset deletes every object of \(s.path); run it again with --yes to go ahead\n", exitCode: 1))
        #expect(s.run("get deploy web -o name").stdout == "deployment.apps/web\n")
        #expect(s.run("store reset --yes").stdout == "store \(s.path) reset to a fresh cluster\n")
        #expect(s.run("get deploy").stderr == "No resources found in default namespace.\n")
        #expect(s.run("get nodes -o name").stdout == "node/node-1\n")
    }
}
