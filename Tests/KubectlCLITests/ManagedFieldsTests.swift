import KubeTestSupport
import KubeModel
import Testing

/// `metadata.managedFields` as a v1.32 API server records them: managers per command, operations,
/// subresources, FieldsV1 sets, and what printers show.
struct ManagedFieldsTests {
    static let managers = #"{range .metadata.managedFields[*]}{.manager}/{.operation}/{.subresource}={.fieldsV1}{"\n"}{end}"#

    func entries(_ s: TestStore, _ what: String) -> [String] {
        s.run("get \(what) -o jsonpath='\(Self.managers)'").stdout.split(separator: "\n").map(String.init)
    }

    @Test func createRecordsTheCreatorWithDefaultsAndControllersTheirStatus() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx:1.27").exitCode == 0)
        let e = entries(s, "deploy web")
        #expect(e.count == 3)
        #expect(e[0] == #"kube-controller-manager/Update/={"f:metadata":{"f:annotations":{".":{},"f:deployment.kubernetes.io/revision":{}}}}"#)
        #expect(e[1].hasPrefix(#"kube-controller-manager/Update/status={"f:status":{"f:availableReplicas":{},"f:conditions":{".":{},"k:{\"type\":\"Available\"}":{".":{}"#))
        #expect(e[2] == #"kubectl-create/Update/={"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:progressDeadlineSeconds":{},"f:replicas":{},"f:revisionHistoryLimit":{},"f:selector":{},"f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:resources":{},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}}}"#)
        // A pod of the ReplicaSet: the controller created it, the kubelet owns its status; admission
        // plugins' additions (service account volume, tolerations, priority) are no one's.
        let pod = s.run("get pods -o name").stdout.split(separator: "\n").first.map(String.init) ?? ""
        let p = entries(s, pod)
        #expect(p.count == 2)
        #expect(p[0].hasPrefix(#"kube-controller-manager/Update/={"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{},"f:pod-template-hash":{}},"f:ownerReferences":{".":{},"k:{\"uid\":"#))
        #expect(p[0].hasSuffix(#""f:dnsPolicy":{},"f:enableServiceLinks":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}"#))
        #expect(p[1].hasPrefix(#"kubelet/Update/status={"f:status":{"f:conditions":{"k:{\"type\":\"ContainersReady\"}""#))
        #expect(!p.joined().contains("kube-api-access") && !p.joined().contains("tolerations"))
    }

    /// kubectl v1.32's autoscale POSTs an autoscaling/v1 object (measured: the request it sends to a
    /// stand-in server); the API server records the entry in the version the write came in, on v1's
    /// fields (scaleTargetRef is atomic there; the defaulted minReplicas and CPU target are the creator's).
    @Test func autoscaleEntryIsInTheVersionItWasWrittenIn() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        #expect(s.run("autoscale deploy web --max=3").exitCode == 0)
        let q = #"{.metadata.managedFields[?(@.manager=="kubectl-autoscale")]}"#
        let e = s.run("get hpa web -o jsonpath='\(q)'").stdout
        let entry = try? JSON.parse(e)
        #expect(entry?["apiVersion"].string == "autoscaling/v1")
        #expect(entry?["fieldsV1"].jsonString(.compactOrdered) == #"{"f:spec":{"f:maxReplicas":{},"f:minReplicas":{},"f:scaleTargetRef":{},"f:targetCPUUtilizationPercentage":{}}}"#)
    }

    @Test func eachCommandIsItsOwnManagerAndTakesWhatItChanges() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx:1.27").exitCode == 0)
        #expect(s.run("label deploy web tier=a").exitCode == 0)
        #expect(s.run("annotate deploy web note=x").exitCode == 0)
        #expect(s.run("scale deploy web --replicas=3").exitCode == 0)
        #expect(s.run("set image deploy/web nginx=nginx:1.28").exitCode == 0)
        let e = entries(s, "deploy web")
        #expect(e.contains(#"kubectl-label/Update/={"f:metadata":{"f:labels":{"f:tier":{}}}}"#))
        #expect(e.contains(#"kubectl-annotate/Update/={"f:metadata":{"f:annotations":{"f:note":{}}}}"#))
        #expect(e.contains(#"kubectl/Update/scale={"f:spec":{"f:replicas":{}}}"#))
        #expect(e.contains(#"kubectl-set/Update/={"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{"f:image":{}}}}}}}"#))
        // The creator lost what others changed since.
        let create = e.first { $0.hasPrefix("kubectl-create/") } ?? ""
        #expect(!create.contains(#""f:replicas""#) && !create.contains(#""f:image""#))
        #expect(s.run("label deploy web tier-").exitCode == 0)
        #expect(!entries(s, "deploy web").contains { $0.hasPrefix("kubectl-label/") })
    }

    @Test func fieldManagerFlagAndApplyManagers() {
        let s = TestStore()
        #expect(s.run("create configmap a --from-literal=k=v --field-manager=mine").exitCode == 0)
        #expect(entries(s, "cm a") == [#"mine/Update/={"f:data":{".":{},"f:k":{}}}"#])
        let f = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: v\n")
        #expect(s.run("apply -f \(f)").exitCode == 0)
        #expect(entries(s, "cm b") == [#"kubectl-client-side-apply/Update/={"f:data":{".":{},"f:k":{}},"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}}}}"#])
    }

    @Test func jsonAndYAMLHideThemUnlessAsked() {
        let s = TestStore()
        #expect(s.run("create configmap a --from-literal=k=v").exitCode == 0)
        #expect(!s.run("get cm a -o yaml").stdout.contains("managedFields"))
        #expect(!s.run("get cm a -o json").stdout.contains("managedFields"))
        let y = s.run("get cm a -o yaml --show-managed-fields").stdout
        #expect(y.contains("""
              managedFields:
              - apiVersion: v1
                fieldsType: FieldsV1
                fieldsV1:
                  f:data:
                    .: {}
                    f:k: {}
                manager: kubectl-create
                operation: Update
                time: "
            """))
        // JSONPath and templates see every field, as kubectl's.
        #expect(s.run("get cm a -o jsonpath={.metadata.managedFields[*].manager}").stdout == "kubectl-create")
        // Custom columns too, for one object and for a list (kubectl v1.32 against a server, 2026-12-05).
        #expect(s.run("get cm a -o custom-columns=M:.metadata.managedFields[0].manager").stdout == "M\nkubectl-create\n")
        #expect(s.run("get cm -o custom-columns=N:.metadata.name,M:.metadata.managedFields[*].manager").stdout
                .contains("a                  kubectl-create\n"))
    }
}

/// Server-side apply with field ownership, as the API server computes it.
struct ServerSideApplyTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: REPLICAS
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27

        """

    func manifest(_ s: TestStore, replicas: Int, extra: String = "") -> String {
        s.writeFile("d\(replicas)\(extra.count).yaml", Self.deployment.replacingAll("REPLICAS", with: "\(replicas)") + extra)
    }

    /// A port without a protocol is keyed as the TCP port (the schema's default), so applying the same
    /// manifest again, or over an object made by `create`, merges the port instead of adding a second.
    @Test func portsWithoutProtocolKeepOneItemAcrossApplies() {
        let s = TestStore()
        let f = s.writeFile("ds.yaml", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: ds}
            spec:
              selector: {matchLabels: {app: ds}}
              template:
                metadata: {labels: {app: ds}}
                spec:
                  containers:
                  - name: c
                    image: nginx
                    ports:
                    - {name: metrics, containerPort: 9100}

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("apply --server-side -f \(f)") == CLIResult(stdout: "daemonset.apps/ds serverside-applied\n", stderr: "", exitCode: 0))
        #expect(s.run("apply --server-side -f \(f)").exitCode == 0)
        #expect(s.run("get ds ds -o jsonpath={.spec.template.spec.containers[0].ports}").stdout
            == #"[{"containerPort":9100,"name":"metrics","protocol":"TCP"}]"#)
        let fields = s.run("get ds ds -o yaml --show-managed-fields").stdout
        #expect(fields.contains(#"k:{"containerPort":9100,"protocol":"TCP"}:"#))
    }

    @Test func conflictsWithAnotherManagerUntilForced() {
        let s = TestStore()
        #expect(s.run("apply -f \(manifest(s, replicas: 2))").exitCode == 0)
        let r = s.run("apply --server-side --field-manager=ops -f \(manifest(s, replicas: 3))")
        #expect(r.exitCode == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("""
            error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas
            Please review the fields above--they currently have other managers. Here
            are the ways you can resolve this warning:
            """))
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "2")
        let forced = s.run("apply --server-side --field-manager=ops --force-conflicts -f \(manifest(s, replicas: 3))")
        #expect(forced == CLIResult(stdout: "deployment.apps/web serverside-applied\n", stderr: "", exitCode: 0))
        #expect(s.run("get deploy web -o jsonpath={.spec.replicas}").stdout == "3")
        let owners = s.run("get deploy web -o jsonpath='{range .metadata.managedFields[*]}{.manager}/{.operation} {end}'").stdout
        #expect(owners.hasPrefix("ops/Apply "))
        // The same values co-own without conflict.
        #expect(s.run("apply --server-side --field-manager=other -f \(manifest(s, replicas: 3))").exitCode == 0)
    }

    @Test func fieldsDroppedFromTheConfigurationAreRemovedUnlessOthersOwnThem() {
        let s = TestStore()
        let a = s.writeFile("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {x: \"1\", y: \"2\"}\ndata:\n  a: \"1\"\n  b: \"2\"\n")
        let b = s.writeFile("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {x: \"1\"}\ndata:\n  a: \"1\"\n")
        #expect(s.run("apply --server-side -f \(a)").stdout == "configmap/c serverside-applied\n")
        #expect(s.run("label cm c y=3 --overwrite").exitCode == 0)
        #expect(s.run("apply --server-side -f \(b)").exitCode == 0)
        // data.b was only the applier's: gone; label y was taken over by kubectl-label: kept.
        #expect(s.run("get cm c -o jsonpath={.data}").stdout == #"{"a":"1"}"#)
        #expect(s.run("get cm c -o jsonpath={.metadata.labels}").stdout == #"{"x":"1","y":"3"}"#)
        #expect(s.run("get cm c -o jsonpath={.metadata.managedFields[0].fieldsV1}").stdout
                == #"{"f:data":{"f:a":{}},"f:metadata":{"f:labels":{"f:x":{}}}}"#)
    }

    @Test func dryRunAndStatusSubresource() {
        let s = TestStore()
        let p = s.writeFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n")
        #expect(s.run("apply --server-side --dry-run=server -f \(p)").stdout == "pod/p serverside-applied (server dry run)\n")
        #expect(s.run("get pod p").exitCode == 1)
        #expect(s.run("apply --server-side -f \(p)").exitCode == 0)
        let st = s.writeFile("st.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nstatus:\n  conditions:\n  - type: example.io/Foo\n    status: \"True\"\n")
        #expect(s.run("apply --server-side --subresource=status --field-manager=probe -f \(st)").exitCode == 0)
        #expect(s.run(#"get pod p -o 'jsonpath={.status.conditions[?(@.type=="example.io/Foo")].status}'"#).stdout == "True")
        let e = s.run("get pod p -o jsonpath='{range .metadata.managedFields[*]}{.manager}/{.operation}/{.subresource} {end}'").stdout
        #expect(e.contains("probe/Apply/status "))
    }

    @Test func diffServerSideShowsTheMergedObject() {
        let s = TestStore()
        #expect(s.run("apply --server-side -f \(manifest(s, replicas: 2))").exitCode == 0)
        let r = s.run("diff --server-side -f \(manifest(s, replicas: 4))")
        #expect(r.exitCode == 1)
        #expect(r.stdout.contains("-  replicas: 2\n+  replicas: 4\n"))
        #expect(!r.stdout.contains("managedFields"))
    }
}

/// What the API server allocates or its admission plugins add belongs to no manager.
struct AllocatedFieldsTests {
    @Test func serviceIPsAndPodPluginFieldsAreNoOnes() {
        let s = TestStore()
        #expect(s.run("run nginx --image=nginx").exitCode == 0)
        #expect(s.run("expose pod nginx --port=80 --type=NodePort").exitCode == 0)
        #expect(s.run("get svc nginx -o jsonpath={.metadata.managedFields[0].fieldsV1}").stdout
                == #"{"f:metadata":{"f:labels":{".":{},"f:run":{}}},"f:spec":{"f:externalTrafficPolicy":{},"f:internalTrafficPolicy":{},"f:ports":{".":{},"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{},"f:protocol":{},"f:targetPort":{}}},"f:selector":{},"f:sessionAffinity":{},"f:type":{}}}"#)
        let p = s.writeFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: sa\nspec:\n  serviceAccountName: default\n  tolerations:\n  - key: a\n    operator: Exists\n  containers:\n  - name: c\n    image: nginx\n")
        #expect(s.run("create -f \(p)").exitCode == 0)
        let f = s.run("get pod sa -o jsonpath={.metadata.managedFields[0].fieldsV1}").stdout
        // Set by the request: owned; added by the plugins (volumes, priority): not.
        #expect(f.contains(#""f:serviceAccountName":{}"#) && f.contains(#""f:tolerations":{}"#))
        #expect(!f.contains("volumes") && !f.contains("priority"))
    }

    @Test func reapplyingTheSameConfigurationChangesNothing() {
        let s = TestStore()
        let f = s.writeFile("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")
        #expect(s.run("apply --server-side -f \(f)").exitCode == 0)
        let rv = s.run("get cm c -o jsonpath={.metadata.resourceVersion}").stdout
        s.setNow("2026-11-23T12:05:00Z")
        #expect(s.run("apply --server-side -f \(f)").stdout == "configmap/c serverside-applied\n")
        #expect(s.run("get cm c -o jsonpath={.metadata.resourceVersion}").stdout == rv)
        #expect(s.run("get cm c -o jsonpath={.metadata.managedFields[0].time}").stdout == "2026-11-23T12:00:00Z")
    }

    /// An applier whose metadata holds only its name owns nothing under metadata: the field manager strips
    /// the name and smd's set difference drops the node it emptied (no `"f:metadata":{}`).
    @Test func aNameOnlyMetadataLeavesNoMetadataNode() {
        let s = TestStore()
        let f = s.writeFile("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")
        #expect(s.run("apply --server-side -f \(f)").exitCode == 0)
        #expect(ManagedFieldsTests().entries(s, "cm c") == [#"kubectl/Apply/={"f:data":{"f:a":{}}}"#])
        let labelled = s.writeFile("l.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l\n  labels: {x: z}\n")
        #expect(s.run("apply --server-side -f \(labelled)").exitCode == 0)
        #expect(ManagedFieldsTests().entries(s, "cm l") == [#"kubectl/Apply/={"f:metadata":{"f:labels":{"f:x":{}}}}"#])
    }
}

extension ServerSideApplyTests {
    @Test func diffServerSideReportsConflictsAsTheServerDoes() {
        let s = TestStore()
        #expect(s.run("apply -f \(manifest(s, replicas: 2))").exitCode == 0)
        let r = s.run("diff --server-side --field-manager=ops -f \(manifest(s, replicas: 5))")
        #expect(r == CLIResult(stdout: "", stderr: "Error from server (Conflict): Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas\n", exitCode: 2))
        let forced = s.run("diff --server-side --field-manager=ops --force-conflicts -f \(manifest(s, replicas: 5))")
        #expect(forced.exitCode == 1 && forced.stdout.contains("+  replicas: 5\n"))
    }
}
