import KubeModel

/// The cluster roles and bindings of the bootstrap policy and kubeadm.
extension BootstrapRBAC {
    static func clusterRoles() -> [JSONValue] {
        let view = aggregateToView
        let edit = view + aggregateToEdit
        let admin = edit + aggregateToAdmin
        let events = rule(["", "events.k8s.io"], ["events"], ["create", "patch", "update"])
        return [
            clusterRole("admin", admin, aggregatedFrom: "admin"),
            clusterRole("cluster-admin", [rule(["*"], ["*"], ["*"]), urls(["*"], ["*"])]),
            clusterRole("edit", edit, labels: ["kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-admin": "true"],
                        aggregatedFrom: "edit"),
            clusterRole("kubeadm:get-nodes", [rule([""], ["nodes"], ["get"])], labels: nil, bootstrap: false),
            clusterRole("system:aggregate-to-admin", aggregateToAdmin,
                        labels: ["kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-admin": "true"]),
            clusterRole("system:aggregate-to-edit", aggregateToEdit,
                        labels: ["kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-edit": "true"]),
            clusterRole("system:aggregate-to-view", aggregateToView,
                        labels: ["kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-view": "true"]),
            clusterRole("system:auth-delegator", [rule(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
                                                  rule(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"])]),
            clusterRole("system:basic-user", [rule(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]),
                                              rule(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"])]),
            clusterRole("system:certificates.k8s.io:certificatesigningrequests:nodeclient",
                        [rule(["certificates.k8s.io"], ["certificatesigningrequests/nodeclient"], ["create"])]),
            clusterRole("system:certificates.k8s.io:certificatesigningrequests:selfnodeclient",
                        [rule(["certificates.k8s.io"], ["certificatesigningrequests/selfnodeclient"], ["create"])]),
            clusterRole("system:coredns", [rule([""], ["endpoints", "services", "pods", "namespaces"], ["list", "watch"]),
                                           rule(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])], labels: nil, bootstrap: false),
            clusterRole("system:discovery", [urls(["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*",
                                                   "/readyz", "/version", "/version/"])]),
            clusterRole("system:kube-dns", [rule([""], ["endpoints", "services"], ["list", "watch"])]),
            clusterRole("system:monitoring", [urls(["/healthz", "/healthz/*", "/livez", "/livez/*", "/metrics", "/metrics/slis",
                                                    "/readyz", "/readyz/*"])]),
            clusterRole("system:node-bootstrapper", [rule(["certificates.k8s.io"], ["certificatesigningrequests"], ["create", "get", "list", "watch"])]),
            clusterRole("system:node-proxier", [rule([""], ["endpoints", "services"], ["list", "watch"]),
                                                rule([""], ["nodes"], ["get", "list", "watch"]), events,
                                                rule(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])]),
            clusterRole("system:persistent-volume-provisioner", [
                rule([""], ["persistentvolumes"], ["create", "delete", "get", "list", "watch"]),
                rule([""], ["persistentvolumeclaims"], ["get", "list", "update", "watch"]),
                rule(["storage.k8s.io"], ["storageclasses"], read),
                rule([""], ["events"], ["create", "list", "patch", "update", "watch"])]),
            clusterRole("system:public-info-viewer", [urls(["/healthz", "/livez", "/readyz", "/version", "/version/"])]),
            clusterRole("system:service-account-issuer-discovery", [urls(["/.well-known/openid-configuration", "/.well-known/openid-configuration/",
                                                                          "/openid/v1/jwks", "/openid/v1/jwks/"])]),
            clusterRole("system:volume-scheduler", [rule([""], ["persistentvolumes"], ["get", "list", "patch", "update", "watch"]),
                                                    rule(["storage.k8s.io"], ["storageclasses"], read),
                                                    rule([""], ["persistentvolumeclaims"], ["get", "list", "patch", "update", "watch"])]),
            clusterRole("view", view, labels: ["kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-edit": "true"],
                        aggregatedFrom: "view"),
        ]
    }

    static func clusterRoleBindings() -> [JSONValue] {
        let authenticated = subject("Group", "system:authenticated")
        let nodeToken = subject("Group", "system:bootstrappers:kubeadm:default-node-token")
        return [
            binding("cluster-admin", role: "cluster-admin", [subject("Group", "system:masters")]),
            binding("kubeadm:cluster-admins", role: "cluster-admin", [subject("Group", "kubeadm:cluster-admins")], bootstrap: false),
            binding("kubeadm:get-nodes", role: "kubeadm:get-nodes", [nodeToken], bootstrap: false),
            binding("kubeadm:kubelet-bootstrap", role: "system:node-bootstrapper", [nodeToken], bootstrap: false),
            binding("kubeadm:node-autoapprove-bootstrap", role: "system:certificates.k8s.io:certificatesigningrequests:nodeclient",
                    [nodeToken], bootstrap: false),
            binding("kubeadm:node-autoapprove-certificate-rotation", role: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient",
                    [subject("Group", "system:nodes")], bootstrap: false),
            binding("kubeadm:node-proxier", role: "system:node-proxier", [subject("ServiceAccount", "kube-proxy", namespace: "kube-system")],
                    bootstrap: false),
            binding("system:basic-user", role: "system:basic-user", [authenticated]),
            binding("system:coredns", role: "system:coredns", [subject("ServiceAccount", "coredns", namespace: "kube-system")], bootstrap: false),
            binding("system:discovery", role: "system:discovery", [authenticated]),
            binding("system:kube-dns", role: "system:kube-dns", [subject("ServiceAccount", "kube-dns", namespace: "kube-system")]),
            binding("system:monitoring", role: "system:monitoring", [subject("Group", "system:monitoring")]),
            binding("system:node-proxier", role: "system:node-proxier", [subject("User", "system:kube-proxy")]),
            binding("system:public-info-viewer", role: "system:public-info-viewer",
                    [authenticated, subject("Group", "system:unauthenticated")]),
            binding("system:service-account-issuer-discovery", role: "system:service-account-issuer-discovery",
                    [subject("Group", "system:serviceaccounts")]),
            binding("system:volume-scheduler", role: "system:volume-scheduler", [subject("User", "system:kube-scheduler")]),
        ]
    }
}

/// Roles and bindings inside kube-system and kube-public.
enum NamespacedRBAC {
    static func role(_ name: String, _ ns: String, _ rules: [JSONValue], bootstrap: Bool = true) -> JSONValue {
        var meta: JSONValue = ["name": .string(name), "namespace": .string(ns)]
        if bootstrap {
            meta["annotations"] = BootstrapRBAC.autoupdate
            meta["labels"] = BootstrapRBAC.bootstrapLabels
        }
        return ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": meta, "rules": .array(rules)]
    }

    static func objects() -> [JSONValue] {
        typealias R = BootstrapRBAC
        let sys = "kube-system"
        let events = R.rule(["", "events.k8s.io"], ["events"], ["create", "patch", "update"])
        let roles = [
            role("extension-apiserver-authentication-reader", sys,
                 [R.rule([""], ["configmaps"], R.read, names: ["extension-apiserver-authentication"])]),
            role("kube-proxy", sys, [R.rule([""], ["configmaps"], ["get"], names: ["kube-proxy"])], bootstrap: false),
            role("kubeadm:kubelet-config", sys, [R.rule([""], ["configmaps"], ["get"], names: ["kubelet-config"])], bootstrap: false),
            role("kubeadm:nodes-kubeadm-config", sys, [R.rule([""], ["configmaps"], ["get"], names: ["kubeadm-config"])], bootstrap: false),
            role("system::leader-locking-kube-controller-manager", sys,
                 [R.rule([""], ["configmaps"], ["watch"]), R.rule([""], ["configmaps"], ["get", "update"], names: ["kube-controller-manager"])]),
            role("system::leader-locking-kube-scheduler", sys,
                 [R.rule([""], ["configmaps"], ["watch"]), R.rule([""], ["configmaps"], ["get", "update"], names: ["kube-scheduler"])]),
            role("system:controller:bootstrap-signer", sys, [R.rule([""], ["secrets"], R.read)]),
            role("system:controller:cloud-provider", sys, [R.rule([""], ["configmaps"], ["create", "get", "list", "watch"])]),
            role("system:controller:token-cleaner", sys, [R.rule([""], ["secrets"], ["delete", "get", "list", "watch"]), events]),
            role("kubeadm:bootstrap-signer-clusterinfo", "kube-public", [R.rule([""], ["configmaps"], ["get"], names: ["cluster-info"])],
                 bootstrap: false),
            role("system:controller:bootstrap-signer", "kube-public",
                 [R.rule([""], ["configmaps"], R.read), R.rule([""], ["configmaps"], ["update"], names: ["cluster-info"]), events]),
        ]
        let nodeToken = R.subject("Group", "system:bootstrappers:kubeadm:default-node-token")
        func sa(_ name: String) -> JSONValue { R.subject("ServiceAccount", name, namespace: sys) }
        let bindings = [
            R.binding("kube-proxy", role: "kube-proxy", [R.subject("Group", "system:bootstrappers:kubeadm:default-node-token")],
                      namespace: sys, bootstrap: false, roleKind: "Role"),
            R.binding("kubeadm:kubelet-config", role: "kubeadm:kubelet-config", [R.subject("Group", "system:nodes"), nodeToken],
                      namespace: sys, bootstrap: false, roleKind: "Role"),
            R.binding("kubeadm:nodes-kubeadm-config", role: "kubeadm:nodes-kubeadm-config", [nodeToken, R.subject("Group", "system:nodes")],
                      namespace: sys, bootstrap: false, roleKind: "Role"),
            R.binding("system::extension-apiserver-authentication-reader", role: "extension-apiserver-authentication-reader",
                      [R.subject("User", "system:kube-controller-manager"), R.subject("User", "system:kube-scheduler")],
                      namespace: sys, roleKind: "Role"),
            R.binding("system::leader-locking-kube-controller-manager", role: "system::leader-locking-kube-controller-manager",
                      [R.subject("User", "system:kube-controller-manager"), sa("kube-controller-manager")], namespace: sys, roleKind: "Role"),
            R.binding("system::leader-locking-kube-scheduler", role: "system::leader-locking-kube-scheduler",
                      [R.subject("User", "system:kube-scheduler"), sa("kube-scheduler")], namespace: sys, roleKind: "Role"),
            R.binding("system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", [sa("bootstrap-signer")],
                      namespace: sys, roleKind: "Role"),
            R.binding("system:controller:cloud-provider", role: "system:controller:cloud-provider", [sa("cloud-provider")],
                      namespace: sys, roleKind: "Role"),
            R.binding("system:controller:token-cleaner", role: "system:controller:token-cleaner", [sa("token-cleaner")],
                      namespace: sys, roleKind: "Role"),
            R.binding("kubeadm:bootstrap-signer-clusterinfo", role: "kubeadm:bootstrap-signer-clusterinfo",
                      [R.subject("User", "system:anonymous")], namespace: "kube-public", bootstrap: false, roleKind: "Role"),
            R.binding("system:controller:bootstrap-signer", role: "system:controller:bootstrap-signer", [sa("bootstrap-signer")],
                      namespace: "kube-public", roleKind: "Role"),
        ]
        return roles + bindings
    }
}
