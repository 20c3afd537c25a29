import KubeTestSupport
import Testing

/// What the store's indexes and the streaming list path answer: the same bytes as the general path,
/// field selectors from the field index, and a scheduler that re-plans pending pods only when room
/// appears.
@Suite struct ScaleIndexTests {
    static let objects = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: b-multi
          labels: {set: x}
        data:
          script: |
            line one

            line three
          plain: value
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a-first
          namespace: kube-public
        data:
          k: "<&>"
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {app: web}
        spec:
          containers:
          - name: c
            image: nginx:1.27

        """

    /// `--sort-by .metadata.name` takes the general path (all objects, then sorted); without it the
    /// list streams in key order. Within one namespace both orders agree, so the bytes must too.
    @Test func streamedListsPrintWhatTheGeneralPathPrints() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("o.yaml", Self.objects))").exitCode == 0)
        for args in ["get cm -o yaml", "get cm -o json", "get pods -o yaml", "get cm -l set=x -o json",
                     "get cm --show-labels", "get cm -o wide", "get pods -L app", "get cm --no-headers"] {
            let streamed = s.run(args)
            let general = s.run(args + " --sort-by .metadata.name")
            #expect(streamed.exitCode == 0)
            #expect(streamed == general, "\(args)")
        }
        let all = s.run("get cm -A -o name").stdout
        // Namespace by namespace, in name order (kube-public's cluster-info and kube-system's add-on ConfigMaps as kubeadm leaves them).
        #expect(all == "configmap/b-multi\nconfigmap/kube-root-ca.crt\nconfigmap/kube-root-ca.crt\nconfigmap/a-first\nconfigmap/cluster-info\nconfigmap/kube-root-ca.crt\n"
                + "configmap/coredns\nconfigmap/extension-apiserver-authentication\nconfigmap/kube-proxy\nconfigmap/kube-root-ca.crt\nconfigmap/kubeadm-config\nconfigmap/kubelet-config\n")
        #expect(s.run("get cm -o yaml").stdout.contains("""
            - apiVersion: v1
              data:
                plain: value
                script: |
                  line one

                  line three
            """))
        // Nothing to list: the empty List, and the table's message.
        #expect(s.run("get cm -l set=none -o json").stdout == """
            {
                "apiVersion": "v1",
                "items": [],
                "kind": "List",
                "metadata": {
                    "resourceVersion": ""
                }
            }

            """)
        #expect(s.run("get cm -l set=none") == CLIResult(stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0))
        #expect(s.run("get nodes -l none=none").stderr == "No resources found\n")
    }

    @Test func fieldSelectorsAnsweredFromTheIndex() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("o.yaml", Self.objects))").exitCode == 0)
        #expect(s.run("get pods -A --field-selector spec.nodeName=node-1,metadata.namespace=default -o name").stdout == "pod/web\n")
        #expect(s.run("get pods -A --field-selector spec.nodeName=node-1 -o name").stdout.contains("pod/etcd-node-1\n"))
        #expect(s.run("get pods -A --field-selector spec.nodeName=node-2 -o name").stdout == "")
        #expect(s.run("get pods --field-selector status.phase=Running -o name").stdout == "pod/web\n")
        #expect(s.run("get pods --field-selector status.phase!=Running").stderr == "No resources found in default namespace.\n")
        #expect(s.run("get cm -A --field-selector metadata.namespace=kube-public,metadata.name!=kube-root-ca.crt -o name").stdout
                == "configmap/a-first\nconfigmap/cluster-info\n")
        let bad = s.run("get pods --field-selector spec.bogus=x")
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("field label not supported: spec.bogus"))
        // describe finds the pod's events by its uid, and the node's pods by node name.
        #expect(s.run("describe pod web").stdout.contains("Successfully assigned default/web to node-1"))
        #expect(s.run("describe node node-1").stdout.contains("default                     web"))
    }

    static func node(_ name: String, pods: Int) -> String {
        """
        apiVersion: v1
        kind: Node
        metadata:
          name: \(name)
        status:
          allocatable: {pods: "\(pods)"}
          capacity: {pods: "\(pods)"}
          conditions:
          - {type: Ready, status: "True"}

        """
    }

    static func pod(_ name: String) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
    }

    /// A full node: pods wait; a pod write that frees nothing leaves them alone; a delete that frees a
    /// slot gives it to the oldest pending pod.
    @Test func pendingPodsTakeAFreedSlotOldestFirst() {
        let s = TestStore()
        #expect(s.run("delete node node-1").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("n.yaml", Self.node("small", pods: 2)))").exitCode == 0)
        for name in ["p-4", "p-3", "p-2", "p-1"] {
            #expect(s.run("create -f \(s.writeFile(name + ".yaml", Self.pod(name)))").exitCode == 0)
        }
        func phases() -> String {
            s.run("get pods -o custom-columns=N:.metadata.name,P:.status.phase,NODE:.spec.nodeName --no-headers").stdout
        }
        #expect(phases() == """
            p-1   Pending   <none>
            p-2   Pending   <none>
            p-3   Running   small
            p-4   Running   small

            """)
        let failed = s.run("get events --field-selector reason=FailedScheduling -o name").stdout
        #expect(s.run("label pod p-3 touched=yes").exitCode == 0)
        #expect(s.run("get events --field-selector reason=FailedScheduling -o name").stdout == failed)
        #expect(s.run("describe pod p-1").stdout.contains("0/1 nodes are available: 1 Too many pods."))
        // p-2 was created before p-1: it is first in the queue.
        #expect(s.run("delete pod p-4").exitCode == 0)
        #expect(phases() == """
            p-1   Pending   <none>
            p-2   Running   small
            p-3   Running   small

            """)
        // A new node: every pending pod is looked at again.
        #expect(s.run("create -f \(s.writeFile("n2.yaml", Self.node("big", pods: 10)))").exitCode == 0)
        #expect(phases() == """
            p-1   Running   big
            p-2   Running   small
            p-3   Running   small

            """)
    }

    /// `create -f` shares transactions between objects but keeps each one's outcome its own.
    @Test func createManyKeepsEachObjectsOutcome() {
        let s = TestStore()
        var docs: [String] = []
        for i in 0..<600 {
            docs.append(i == 300 ? "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n"
                        : "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-\(i)\n")
        }
        docs.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-5\n")
        let r = s.run("create -f \(s.writeFile("many.yaml", docs.joined(separator: "---\n")))")
        #expect(r.exitCode == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 599)
        #expect(lines.first == "configmap/cm-0 created" && lines.last == "configmap/cm-599 created")
        #expect(r.stderr.contains("ConfigMap \"Bad_Name\" is invalid"))
        #expect(r.stderr.contains("configmaps \"cm-5\" already exists"))
        #expect(s.run("get cm --no-headers").stdout.split(separator: "\n").count == 600)  // + kube-root-ca.crt
        #expect(s.run("delete cm --all").stdout.split(separator: "\n").count == 600)
        #expect(s.run("get cm").stderr == "No resources found in default namespace.\n")
    }
}
