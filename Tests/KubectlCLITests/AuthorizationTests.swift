import KubeTestSupport
import Testing

/// Requests made `--as` someone are authorised by RBAC in the API layer, with the API server's
/// Forbidden texts; the default identity (kubeadm's admin) may do everything, including impersonate.
@Suite struct AuthorizationTests {
    func store() -> TestStore {
        let s = TestStore()
        for line in ["create namespace dev", "create deployment web --image=nginx -n dev",
                     "create rolebinding jane-view -n dev --clusterrole=view --user=jane"] {
            #expect(s.run(line).exitCode == 0, "\(line)")
        }
        return s
    }

    func forbidden(_ s: TestStore, _ cmd: String, _ message: String) {
        let r = s.run(cmd)
        #expect(r.stderr == "Error from server (Forbidden): \(message)\n", "\(cmd)")
        #expect(r.exitCode == 1, "\(cmd)")
    }

    @Test func deniedRequestsCarryTheServersMessage() {
        let s = store()
        forbidden(s, "get pods --as jane", #"pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default""#)
        forbidden(s, "get nodes --as jane", #"nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope"#)
        forbidden(s, "get secrets -n dev --as jane",
                  #"secrets is forbidden: User "jane" cannot list resource "secrets" in API group "" in the namespace "dev""#)
        let r = s.run("create configmap c -n dev --from-literal=a=b --as jane")
        #expect(r.stderr == #"error: failed to create configmap: configmaps is forbidden: User "jane" cannot create resource "configmaps" in API group "" in the namespace "dev""# + "\n")
        forbidden(s, "delete deployment web -n dev --as jane",
                  #"deployments.apps "web" is forbidden: User "jane" cannot delete resource "deployments" in API group "apps" in the namespace "dev""#)
        forbidden(s, "scale deployment web --replicas=3 -n dev --as jane",
                  #"deployments.apps "web" is forbidden: User "jane" cannot patch resource "deployments/scale" in API group "apps" in the namespace "dev""#)
        forbidden(s, "label deployment web a=b -n dev --as jane",
                  #"deployments.apps "web" is forbidden: User "jane" cannot patch resource "deployments" in API group "apps" in the namespace "dev""#)
        forbidden(s, "get deployments -A --as jane",
                  #"deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" at the cluster scope"#)
        // Nothing was written by the denied requests.
        #expect(s.run("get deployment web -n dev -o jsonpath={.spec.replicas}").stdout == "1")
        #expect(s.run("get configmap c -n dev").exitCode == 1)
    }

    @Test func allowedRequestsGoThrough() {
        let s = store()
        #expect(s.run("get deployments -n dev --as jane").exitCode == 0)
        #expect(s.run("get deployment web -n dev -o name --as jane").stdout == "deployment.apps/web\n")
        #expect(s.run("create rolebinding devs-edit -n dev --clusterrole=edit --group=devs").exitCode == 0)
        #expect(s.run("scale deployment web --replicas=2 -n dev --as jane --as-group devs").stdout == "deployment.apps/web scaled\n")
        #expect(s.run("get deployment web -n dev -o jsonpath={.spec.replicas}").stdout == "2")
        let sa = "--as=system:serviceaccount:dev:builder"
        #expect(s.run("get pods -n dev \(sa)").exitCode == 1)
        #expect(s.run("create rolebinding builder -n dev --clusterrole=edit --serviceaccount=dev:builder").exitCode == 0)
        #expect(s.run("get pods -n dev \(sa)").exitCode == 0)
    }

    /// A rule with resourceNames allows those names only, whichever name a command asks about first
    /// (the authorizer answers once for every name when a rule allows them all).
    @Test func resourceNamesAllowOnlyTheirNames() {
        let s = store()
        for cm in ["a", "b", "c", "d"] { #expect(s.run("create configmap \(cm) -n dev").exitCode == 0) }
        #expect(s.run("create role cm-deleter -n dev --verb=delete --resource=configmaps --resource-name=a --resource-name=c").exitCode == 0)
        #expect(s.run("create rolebinding cm-deleter -n dev --role=cm-deleter --user=jane").exitCode == 0)
        for (names, deleted, refused) in [("b a", "a", "b"), ("c d", "c", "d")] {
            let r = s.run("delete configmap \(names) -n dev --as jane")
            #expect(r.stdout == "configmap \"\(deleted)\" deleted\n", "\(names)")
            #expect(r.stderr == #"Error from server (Forbidden): configmaps ""# + refused
                + #"" is forbidden: User "jane" cannot delete resource "configmaps" in API group "" in the namespace "dev""# + "\n", "\(names)")
            #expect(r.exitCode == 1)
        }
        #expect(s.run("get configmaps -n dev -o name").stdout == "configmap/b\nconfigmap/d\nconfigmap/kube-root-ca.crt\n")
        // A rule without names (edit) then allows every name.
        #expect(s.run("create rolebinding jane-edit -n dev --clusterrole=edit --user=jane").exitCode == 0)
        #expect(s.run("delete configmap b d -n dev --as jane").stdout == "configmap \"b\" deleted\nconfigmap \"d\" deleted\n")
    }

    @Test func aggregatedRolesFollowTheirSources() {
        let s = store()
        #expect(s.run("auth can-i list secrets -n dev --as jane").stdout == "no\n")
        let role = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: secret-viewer
              labels:
                rbac.authorization.k8s.io/aggregate-to-view: "true"
            rules:
            - apiGroups: [""]
              resources: [secrets]
              verbs: [get, list]
            """
        #expect(s.run("apply -f -", stdin: role).exitCode == 0)
        #expect(s.run("auth can-i list secrets -n dev --as jane").stdout == "yes\n")
        // edit and admin aggregate view, so they carry the rule too.
        #expect(s.run("get clusterrole admin -o yaml").stdout.contains("  - secrets\n  verbs:\n  - get\n  - list\n"))
        #expect(s.run("delete clusterrole secret-viewer").exitCode == 0)
        #expect(s.run("auth can-i list secrets -n dev --as jane").stdout == "no\n")
        #expect(!s.run("get clusterrole edit -o yaml").stdout.contains("  - secrets\n  verbs:\n  - get\n  - list\n"))
    }

    @Test func controlPlaneUsersHaveTheirBootstrapRoles() {
        let s = TestStore()
        #expect(s.run("auth can-i create pods --subresource=binding --as system:kube-scheduler").stdout == "yes\n")
        #expect(s.run("auth can-i list secrets -A --as system:kube-controller-manager").stdout == "yes\n")
        #expect(s.run("auth can-i delete secrets -A --as system:kube-scheduler").stdout == "no\n")
        #expect(s.run("get clusterrole system:certificates.k8s.io:kubelet-serving-approver -o jsonpath={.rules[0].resourceNames[0]}").stdout
            == "kubernetes.io/kubelet-serving")
    }

    @Test func impersonationNeedsPermission() {
        let s = store()
        #expect(s.run("delete clusterrolebinding kubeadm:cluster-admins").exitCode == 0)
        let r = s.run("get pods --as jane")
        #expect(r.stderr == "Error from server (Forbidden): users \"jane\" is forbidden: User \"kubernetes-admin\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope\n")
        #expect(s.run("get pods").stderr == "Error from server (Forbidden): pods is forbidden: User \"kubernetes-admin\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n")
    }

    /// kubectl's client refuses groups or a uid without a user before sending anything (checked against
    /// kubectl v1.32: `error: requesting uid, groups or user-extra for <kubeconfig user> without
    /// impersonating a user`, exit 1; the default kubeconfig's user is `local`).
    @Test func groupsWithoutAUserAreRefusedByTheClient() {
        let s = store()
        for flags in ["--as-group devs", "--as-uid 7", "--as-group a --as-group b --as-uid 1"] {
            let r = s.run("get pods -n dev \(flags)")
            #expect(r.stderr == "error: requesting uid, groups or user-extra for local without impersonating a user\n", "\(flags)")
            #expect(r.exitCode == 1 && r.stdout.isEmpty, "\(flags)")
        }
    }

    /// A non-resource rule ending in `*` covers every path starting with what is left once all its
    /// trailing stars are trimmed (RBAC's NonResourceURLMatches); a denial names the bindings whose role
    /// is missing; answers follow a role created or deleted later.
    @Test func nonResourceStarsAndMissingRoles() {
        let s = store()
        // kubectl's create clusterrole refuses `**`; the API server takes it.
        let role = s.writeFile("logs.yaml", """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: logs}
            rules: [{verbs: [get], nonResourceURLs: ["/logs**"]}]
            """)
        #expect(s.run("create -f \(role)").exitCode == 0)
        #expect(s.run("create clusterrolebinding jane-logs --clusterrole=logs --user=jane").exitCode == 0)
        #expect(s.run("auth can-i get /logs/kubelet.log --as jane").stdout == "yes\n")
        #expect(s.run("auth can-i get /logs --as jane").stdout == "yes\n")
        #expect(s.run("auth can-i get /log --as jane").stdout == "no\n")
        #expect(s.run("delete clusterrole logs").exitCode == 0)
        let r = s.run("auth can-i get /logs --as jane")
        #expect(r.stdout == "no - RBAC: clusterrole.rbac.authorization.k8s.io \"logs\" not found\n" && r.exitCode == 1)
        #expect(s.run("create clusterrole logs --verb=get --non-resource-url=/logs/*").exitCode == 0)
        #expect(s.run("auth can-i get /logs/x --as jane").stdout == "yes\n")
        // kubeadm's admin asks nothing on anyone's behalf, and may create every review.
        #expect(s.run("auth can-i create selfsubjectrulesreviews.authorization.k8s.io").stdout == "yes\n")
    }

    /// A kubelet's identity is answered first by the node authorizer (kind runs Node,RBAC): objects
    /// related to the node through a pod bound to it, its own Node and Lease, the system:node role's
    /// fixed rules for the rest; a denial's Forbidden carries the authorizers' reasons after a colon.
    @Test func nodeIdentitiesGoThroughTheNodeAuthorizer() {
        let s = store()
        let node = "--as system:node:node-1 --as-group system:nodes"
        for line in ["create secret generic mounted --from-literal=a=b", "create secret generic other --from-literal=a=b"] {
            #expect(s.run(line).exitCode == 0, "\(line)")
        }
        let overrides = #"{"spec":{"volumes":[{"name":"v","secret":{"secretName":"mounted"}}]}}"#
        #expect(s.run(args: ["run", "p", "--image=nginx", "--overrides=" + overrides]).exitCode == 0)
        #expect(s.run("get secret mounted -o name \(node)").stdout == "secret/mounted\n")
        #expect(s.run("get secret other \(node)").stderr == "Error from server (Forbidden): secrets \"other\" is forbidden: User \"system:node:node-1\" cannot get resource \"secrets\" in API group \"\" in the namespace \"default\": no relationship found between node 'node-1' and this object\n")
        #expect(s.run("get nodes \(node)").stderr == "Error from server (Forbidden): nodes is forbidden: User \"system:node:node-1\" cannot list resource \"nodes\" in API group \"\" at the cluster scope: node 'node-1' cannot read all nodes, only its own Node object\n")
        #expect(s.run("get node node-1 -o name \(node)").stdout == "node/node-1\n")
        func canI(_ args: String) -> String { s.run("auth can-i \(args) \(node)").stdout }
        #expect(canI("get pods/p") == "yes\n")
        #expect(canI("list pods") == "no - can only list/watch pods with spec.nodeName field selector\n")
        #expect(canI("list secrets") == "no - No Object name found\n")
        #expect(canI("create serviceaccounts/default --subresource=token") == "yes\n")
        #expect(canI("create serviceaccounts/builder --subresource=token") == "no - no relationship found between node 'node-1' and this object\n")
        #expect(canI("update leases.coordination.k8s.io/node-1 -n kube-node-lease") == "yes\n")
        #expect(canI("update leases.coordination.k8s.io/node-2 -n kube-node-lease") == "no - can only access node lease with the same name as the requesting node\n")
        #expect(canI("list services -A") == "yes\n")
        #expect(canI("delete services -A") == "no\n")
        // RBAC's reason joins the node authorizer's on a new line.
        #expect(s.run("create clusterrolebinding ghost --clusterrole=nothing --group=system:nodes").exitCode == 0)
        #expect(canI("get secrets/other") == "no - no relationship found between node 'node-1' and this object\nRBAC: clusterrole.rbac.authorization.k8s.io \"nothing\" not found\n")
        // Not a node without the group.
        #expect(s.run("auth can-i get secrets/mounted --as system:node:node-1").stdout == "no\n")
    }

    /// A persistent volume bound to a claim of a pod on the node links the volume's secrets to the node
    /// (the node graph's secret -> PV edges): of a CSI volume only the references the kubelet uses (node
    /// stage, publish, expand), never the controller's (publish, expand); CSI, Cinder and StorageOS
    /// references name their namespace, ISCSI/RBD/CephFS ones without one mean the claim's.
    @Test func volumeSecretsFollowTheKubeletsReferences() {
        let s = store()
        let node = "--as system:node:node-1 --as-group system:nodes"
        let pvs = """
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-csi}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          storageClassName: ""
          claimRef: {namespace: default, name: c-csi}
          csi:
            driver: csi.example.com
            volumeHandle: h-1
            controllerPublishSecretRef: {name: ctl-pub, namespace: default}
            controllerExpandSecretRef: {name: ctl-exp, namespace: default}
            nodeStageSecretRef: {name: node-stage, namespace: default}
            nodePublishSecretRef: {name: node-pub, namespace: default}
            nodeExpandSecretRef: {name: node-exp, namespace: other-ns}
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-iscsi}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          storageClassName: ""
          claimRef: {namespace: default, name: c-iscsi}
          iscsi: {targetPortal: "10.0.2.15:3260", iqn: "iqn.2001-04.com.example:a", lun: 0, secretRef: {name: chap}}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: c-csi}
        spec: {storageClassName: "", volumeName: pv-csi, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: c-iscsi}
        spec: {storageClassName: "", volumeName: pv-iscsi, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: user}
        spec:
          nodeName: node-1
          containers: [{name: c, image: busybox}]
          volumes: [{name: a, persistentVolumeClaim: {claimName: c-csi}}, {name: b, persistentVolumeClaim: {claimName: c-iscsi}}]
        """
        let created = s.run(args: ["create", "-f", "-"], stdin: pvs)
        #expect(created.exitCode == 0, "\(created.stderr)")
        func canI(_ args: String) -> String { s.run("auth can-i \(args) \(node)").stdout }
        for name in ["node-stage", "node-pub", "chap"] { #expect(canI("get secrets/\(name)") == "yes\n", "\(name)") }
        #expect(canI("get secrets/node-exp -n other-ns") == "yes\n")
        for name in ["ctl-pub", "ctl-exp", "node-exp"] {
            #expect(canI("get secrets/\(name)") == "no - no relationship found between node 'node-1' and this object\n", "\(name)")
        }
    }

    /// A list or watch carries its field selector to the authorizers (AuthorizeWithSelectors, on in
    /// v1.32): a kubelet may list and watch the pods whose spec.nodeName is its own node, and a term
    /// `metadata.name=X` names the request (nodes: its own only; RBAC: a rule's resourceNames).
    @Test func fieldSelectorsReachTheAuthorizers() {
        let s = store()
        let node = "--as system:node:node-1 --as-group system:nodes"
        #expect(s.run("run p --image=nginx").exitCode == 0)
        #expect(s.run("get pod p -o jsonpath={.spec.nodeName}").stdout == "node-1")
        var r = s.run("get pods --field-selector spec.nodeName=node-1 -o name \(node)")
        #expect(r.stdout == "pod/p\n" && r.stderr.isEmpty && r.exitCode == 0)
        #expect(s.run("get pods -A --field-selector=spec.nodeName==node-1,status.phase!=Failed -o name \(node)").stdout.contains("pod/p\n"))
        r = s.run("get pods -w --field-selector spec.nodeName=node-1 --request-timeout=300ms -o name \(node)")
        #expect(r.stdout == "pod/p\n" && r.stderr.isEmpty && r.exitCode == 0)
        let refusal = "Error from server (Forbidden): pods is forbidden: User \"system:node:node-1\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\": can only list/watch pods with spec.nodeName field selector\n"
        for selector in ["spec.nodeName=node-2", "spec.nodeName!=node-1", "status.phase=Running"] {
            r = s.run("get pods --field-selector \(selector) \(node)")
            #expect(r.stderr == refusal && r.stdout.isEmpty && r.exitCode == 1, "\(selector)")
        }
        #expect(s.run("get nodes --field-selector metadata.name=node-1 -o name \(node)").stdout == "node/node-1\n")
        r = s.run("get nodes --field-selector metadata.name=node-2 \(node)")
        #expect(r.stderr == "Error from server (Forbidden): nodes \"node-2\" is forbidden: User \"system:node:node-1\" cannot list resource \"nodes\" in API group \"\" at the cluster scope: node 'node-1' cannot read 'node-2', only its own Node object\n" && r.exitCode == 1)
        // RBAC: a list naming one object by metadata.name is what a rule's resourceNames allow.
        #expect(s.run("create role one-pod --verb=list --resource=pods --resource-name=p").exitCode == 0)
        #expect(s.run("create rolebinding jane-one-pod --role=one-pod --user=jane").exitCode == 0)
        #expect(s.run("get pods --field-selector metadata.name=p -o name --as jane").stdout == "pod/p\n")
        r = s.run("get pods --field-selector metadata.name=q --as jane")
        #expect(r.stderr == "Error from server (Forbidden): pods \"q\" is forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n" && r.exitCode == 1)
        r = s.run("get pods --as jane")
        #expect(r.stderr == "Error from server (Forbidden): pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n" && r.exitCode == 1)
    }
}
