import KubeTestSupport
import Testing

/// `auth reconcile` against stored RBAC objects (kubectl's reconciliation; the create and dry-run
/// outputs are golden cases under Golden/auth recorded from kubectl v1.32).
@Suite struct ReconcileTests {
    static let role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: pod-reader
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get", "list"]
        """

    @Test func missingRulesAreAddedExtraOnesKept() {
        let s = TestStore()
        #expect(s.run("create clusterrole pod-reader --verb=get,delete --resource=pods").exitCode == 0)
        let r = s.run("auth reconcile -f -", stdin: Self.role)
        #expect(r.stdout == "clusterrole.rbac.authorization.k8s.io/pod-reader reconciled\n")
        #expect(r.stderr == "\treconciliation required update\n\tmissing rules added:\n"
            + "\t\t{Verbs:[list] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}\n"
            + "\textra rules found:\n\t\t{Verbs:[delete] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}\n")
        #expect(s.run("auth can-i delete pods --as jane").stdout == "no\n")
        #expect(s.run("create clusterrolebinding jane --clusterrole=pod-reader --user=jane").exitCode == 0)
        #expect(s.run("auth can-i list pods --as jane").stdout == "yes\n")
        #expect(s.run("auth can-i delete pods --as jane").stdout == "yes\n")
        // Now nothing is missing: no reconciliation lines.
        let again = s.run("auth reconcile -f -", stdin: Self.role)
        #expect(again.stdout == "clusterrole.rbac.authorization.k8s.io/pod-reader reconciled\n")
        #expect(again.stderr == "")
        let strict = s.run("auth reconcile -f - --remove-extra-permissions", stdin: Self.role)
        #expect(strict.stderr == "\treconciliation required update\n\textra rules found:\n"
            + "\t\t{Verbs:[delete] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}\n")
        #expect(s.run("auth can-i delete pods --as jane").stdout == "no\n")
    }

    @Test func bindingsGainSubjectsAndRecreateOnNewRoles() {
        let s = TestStore()
        #expect(s.run("create namespace dev").exitCode == 0)
        #expect(s.run("create rolebinding readers -n dev --clusterrole=view --user=bob").exitCode == 0)
        let binding = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: readers
              namespace: dev
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: view
            subjects:
            - apiGroup: rbac.authorization.k8s.io
              kind: User
              name: jane
            """
        let r = s.run("auth reconcile -f -", stdin: binding)
        #expect(r.stdout == "rolebinding.rbac.authorization.k8s.io/readers reconciled\n")
        #expect(r.stderr == "\treconciliation required update\n\tmissing subjects added:\n"
            + "\t\t{Kind:User APIGroup:rbac.authorization.k8s.io Name:jane Namespace:}\n"
            + "\textra subjects found:\n\t\t{Kind:User APIGroup:rbac.authorization.k8s.io Name:bob Namespace:}\n")
        #expect(s.run("auth can-i list pods -n dev --as bob").stdout == "yes\n")
        #expect(s.run("auth reconcile -f - --remove-extra-subjects", stdin: binding).exitCode == 0)
        #expect(s.run("auth can-i list pods -n dev --as bob").stdout == "no\n")
        let edit = s.run("auth reconcile -f -", stdin: binding.replacingAll("name: view", with: "name: edit"))
        #expect(edit.stderr == "\treconciliation required recreate\n")
        #expect(s.run("auth can-i create pods -n dev --as jane").stdout == "yes\n")
    }

    @Test func missingNamespaceIsCreatedAndOptedOutObjectsKept() {
        let s = TestStore()
        let role = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: cm-reader
              namespace: fresh
            rules:
            - apiGroups: [""]
              resources: ["configmaps"]
              verbs: ["get"]
            """
        #expect(s.run("auth reconcile -f -", stdin: role).stdout == "role.rbac.authorization.k8s.io/cm-reader reconciled\n")
        #expect(s.run("get namespace fresh -o name").stdout == "namespace/fresh\n")
        #expect(s.run("annotate role cm-reader -n fresh rbac.authorization.kubernetes.io/autoupdate=false").exitCode == 0)
        let r = s.run("auth reconcile -f -", stdin: role.replacingAll("[\"get\"]", with: "[\"get\", \"list\"]"))
        #expect(r.stderr == "\treconciliation required update, but object opted out (rbac.authorization.kubernetes.io/autoupdate: false)\n"
            + "\tmissing rules added:\n\t\t{Verbs:[list] APIGroups:[] Resources:[configmaps] ResourceNames:[] NonResourceURLs:[]}\n")
        #expect(!s.run("get role cm-reader -n fresh -o yaml").stdout.contains("- list"))
    }
}
