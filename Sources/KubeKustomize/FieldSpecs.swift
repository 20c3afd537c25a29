import KubeModel

/// A kustomize field spec: a slash-separated path inside objects of a kind (and group), optionally
/// creating what is missing. Lists on the way are walked element by element (`containers[]` and
/// `containers` both do).
struct FieldSpec {
    var kind: String?
    var group: String?
    var version: String?
    var path: [String]
    /// Indexes of the path's segments written `name[]`: lists, which a missing one is never created.
    var listSegments: Set<Int> = []
    var create: Bool
    /// The path as written (`[]` and `\/` included), as kustomize prints a spec.
    var rawPath: String

    init(_ path: String, kind: String? = nil, group: String? = nil, version: String? = nil, create: Bool = false) {
        self.rawPath = path
        self.kind = kind
        self.group = group
        self.version = version
        let raw = FieldSpec.split(path)
        self.path = raw.map { $0.hasSuffix("[]") ? String($0.dropLast(2)) : $0 }
        self.listSegments = Set(raw.indices.filter { raw[$0].hasSuffix("[]") })
        self.create = create
    }

    /// Splits at `/` except where escaped as `\/`; drops a trailing `[]` of a segment.
    static func split(_ path: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var escaped = false
        for c in path {
            if escaped { cur.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "/" { out.append(cur); cur = ""; continue }
            cur.append(c)
        }
        out.append(cur)
        return out
    }

    /// Whether the spec's kind, group and version (those given) are these.
    func selects(kind k: String, apiVersion: String) -> Bool {
        let (g, v) = splitAPIVersion(apiVersion)
        if let kind, kind != k { return false }
        if let group, group != g { return false }
        if let version, version != v { return false }
        return true
    }

    func applies(to obj: JSONValue) -> Bool {
        let (group, version) = splitAPIVersion(obj["apiVersion"].string ?? "")
        if let kind, kind != (obj["kind"].string ?? "") { return false }
        if let g = self.group, g != group { return false }
        if let v = self.version, v != version { return false }
        return true
    }

    /// Calls `visit` on every value the path reaches (a `.null` one when created).
    func apply(to obj: inout JSONValue, _ visit: (inout JSONValue) throws -> Void) rethrows {
        guard applies(to: obj) else { return }
        try FieldSpec.walk(&obj, path[...], create: create, lists: listSegments, visit)
    }

    static func walk(_ v: inout JSONValue, _ path: ArraySlice<String>, create: Bool, lists: Set<Int> = [],
                     _ visit: (inout JSONValue) throws -> Void) rethrows {
        guard let seg = path.first else { try visit(&v); return }
        switch v {
        case .array(var items):
            v = .null
            for i in items.indices { try walk(&items[i], path, create: create, lists: lists, visit) }
            v = .array(items)
        case .object(var o):
            if let child = o[seg], !child.isNull {
                var c = child
                v = .null
                try walk(&c, path.dropFirst(), create: create, lists: lists, visit)
                o[seg] = c
                v = .object(o)
            } else if create && !lists.contains(path.startIndex) {
                var c: JSONValue = path.count > 1 ? .emptyObject : .null
                try walk(&c, path.dropFirst(), create: create, lists: lists, visit)
                if !c.isNull {
                    o[seg] = c
                    v = .object(o)
                }
            }
        default:
            return
        }
    }
}

func splitAPIVersion(_ apiVersion: String) -> (group: String, version: String) {
    if let slash = apiVersion.firstIndex(of: "/") {
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }
    return ("", apiVersion)
}

/// The field spec tables of kustomize v5.5's built-in transformers (facts, as data).
enum KustomizeFieldSpecs {
    /// Where `metadata.labels` and pod template labels live (`labels` with includeTemplates).
    static let templateLabels: [FieldSpec] = [
        FieldSpec("metadata/labels", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "ReplicationController", version: "v1", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "Deployment", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "ReplicaSet", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "DaemonSet", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "StatefulSet", group: "apps", create: true),
        FieldSpec("spec/volumeClaimTemplates[]/metadata/labels", kind: "StatefulSet", group: "apps", create: true),
        FieldSpec("spec/template/metadata/labels", kind: "Job", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/metadata/labels", kind: "CronJob", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/spec/template/metadata/labels", kind: "CronJob", group: "batch", create: true),
    ]

    /// commonLabels (and `labels` with includeSelectors): selectors as well as templates.
    static let commonLabels: [FieldSpec] = {
        var specs: [FieldSpec] = [
            FieldSpec("spec/selector", kind: "Service", version: "v1", create: true),
            FieldSpec("spec/selector", kind: "ReplicationController", version: "v1", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "Deployment", create: true),
        ]
        let affinity = [
            "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
        ]
        specs += affinity.map { FieldSpec($0, kind: "Deployment", group: "apps") }
        specs += [
            FieldSpec("spec/selector/matchLabels", kind: "ReplicaSet", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "DaemonSet", create: true),
            FieldSpec("spec/selector/matchLabels", kind: "StatefulSet", group: "apps", create: true),
        ]
        specs += affinity.map { FieldSpec($0, kind: "StatefulSet", group: "apps") }
        specs += [
            FieldSpec("spec/selector/matchLabels", kind: "Job", group: "batch"),
            FieldSpec("spec/jobTemplate/spec/selector/matchLabels", kind: "CronJob", group: "batch"),
            FieldSpec("spec/selector/matchLabels", kind: "PodDisruptionBudget", group: "policy"),
            FieldSpec("spec/podSelector/matchLabels", kind: "NetworkPolicy", group: "networking.k8s.io"),
            FieldSpec("spec/ingress/from/podSelector/matchLabels", kind: "NetworkPolicy", group: "networking.k8s.io"),
            FieldSpec("spec/egress/to/podSelector/matchLabels", kind: "NetworkPolicy", group: "networking.k8s.io"),
        ]
        return specs + templateLabels
    }()

    static let commonAnnotations: [FieldSpec] = [
        FieldSpec("metadata/annotations", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "ReplicationController", version: "v1", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "Deployment", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "ReplicaSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "DaemonSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "StatefulSet", create: true),
        FieldSpec("spec/template/metadata/annotations", kind: "Job", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/metadata/annotations", kind: "CronJob", group: "batch", create: true),
        FieldSpec("spec/jobTemplate/spec/template/metadata/annotations", kind: "CronJob", group: "batch", create: true),
    ]

    static let replicas: [FieldSpec] = [
        FieldSpec("spec/replicas", kind: "Deployment", create: true),
        FieldSpec("spec/replicas", kind: "StatefulSet", create: true),
        FieldSpec("spec/replicas", kind: "ReplicaSet", create: true),
        FieldSpec("spec/replicas", kind: "ReplicationController", create: true),
    ]

    /// One name reference rule: fields of referrers that hold the name of an object of this kind, group
    /// and version (each nil: any).
    struct NameReference {
        var kind: String?
        var group: String?
        var version: String?
        var specs: [FieldSpec]

        init(kind: String?, group: String? = nil, version: String? = nil, specs: [FieldSpec]) {
            self.kind = kind
            self.group = group
            self.version = version
            self.specs = specs
        }

        /// Whether an object of this kind and apiVersion is a referral of the rule.
        func selects(kind k: String, apiVersion: String) -> Bool {
            let (g, v) = splitAPIVersion(apiVersion)
            if let kind, kind != k { return false }
            if let group, group != g { return false }
            if let version, version != v { return false }
            return true
        }
    }

    /// The namespace transformer's table (the object's own metadata.namespace is set apart from it).
    static let namespace: [FieldSpec] = [
        FieldSpec("metadata/name", kind: "Namespace", create: true),
        FieldSpec("spec/service/namespace", kind: "APIService", group: "apiregistration.k8s.io", create: true),
        FieldSpec("spec/conversion/webhook/clientConfig/service/namespace", kind: "CustomResourceDefinition", group: "apiextensions.k8s.io"),
    ]

    /// The image transformer's table.
    static let images: [FieldSpec] = [
        FieldSpec("spec/containers[]/image", create: true),
        FieldSpec("spec/initContainers[]/image", create: true),
        FieldSpec("spec/template/spec/containers[]/image", create: true),
        FieldSpec("spec/template/spec/initContainers[]/image", create: true),
    ]

    static let podSpecPrefixes: [(kind: String, prefix: String)] = [
        ("Pod", "spec/"), ("PodTemplate", "template/spec/"), ("Deployment", "spec/template/spec/"),
        ("ReplicaSet", "spec/template/spec/"), ("DaemonSet", "spec/template/spec/"),
        ("StatefulSet", "spec/template/spec/"), ("Job", "spec/template/spec/"),
        ("CronJob", "spec/jobTemplate/spec/template/spec/"),
    ]

    /// `podVersion`: the version kustomize's table gives the Pod entries (ConfigMap and Secret referrers);
    /// a CronJob's projected volume source comes second there, after the volume itself.
    static func podFields(_ suffixes: [String], kinds: [(kind: String, prefix: String)] = podSpecPrefixes,
                          podVersion: String? = nil) -> [FieldSpec]
    {
        var out: [FieldSpec] = []
        for (kind, prefix) in kinds {
            var own = suffixes
            if kind == "CronJob", let i = own.firstIndex(where: { $0.hasPrefix("volumes/projected/") }) {
                own.insert(own.remove(at: i), at: min(1, own.count - 1))
            }
            for s in own { out.append(FieldSpec(prefix + s, kind: kind, version: kind == "Pod" ? podVersion : nil)) }
        }
        return out
    }

    static let workloadPrefixes: [(kind: String, prefix: String)] = [
        ("Pod", "spec/"), ("StatefulSet", "spec/template/spec/"), ("Deployment", "spec/template/spec/"),
        ("ReplicationController", "spec/template/spec/"), ("CronJob", "spec/jobTemplate/spec/template/spec/"),
        ("Job", "spec/template/spec/"), ("DaemonSet", "spec/template/spec/"),
    ]

    static let nameReferences: [NameReference] = [
        NameReference(kind: "Deployment", specs: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(kind: "ReplicationController", specs: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(kind: "ReplicaSet", specs: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(kind: "StatefulSet", specs: [FieldSpec("spec/scaleTargetRef/name", kind: "HorizontalPodAutoscaler")]),
        NameReference(kind: "ConfigMap", version: "v1", specs: podFields([
            "volumes/configMap/name", "containers/env/valueFrom/configMapKeyRef/name",
            "initContainers/env/valueFrom/configMapKeyRef/name", "containers/envFrom/configMapRef/name",
            "initContainers/envFrom/configMapRef/name", "volumes/projected/sources/configMap/name",
        ], podVersion: "v1") + [
            FieldSpec("spec/configSource/configMap", kind: "Node"),
            FieldSpec("rules/resourceNames", kind: "Role"),
            FieldSpec("rules/resourceNames", kind: "ClusterRole"),
            FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap", kind: "Ingress"),
        ]),
        NameReference(kind: "Secret", version: "v1", specs: podFields([
            "volumes/secret/secretName", "containers/env/valueFrom/secretKeyRef/name",
            "initContainers/env/valueFrom/secretKeyRef/name", "containers/envFrom/secretRef/name",
            "initContainers/envFrom/secretRef/name", "imagePullSecrets/name", "volumes/projected/sources/secret/name",
        ], podVersion: "v1") + [
            FieldSpec("spec/tls/secretName", kind: "Ingress"),
            FieldSpec("metadata/annotations/ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
            FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", kind: "Ingress"),
            FieldSpec("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret", kind: "Ingress"),
            FieldSpec("spec/tls/secretName", kind: "Ingress"),  // twice in kustomize's table
            FieldSpec("imagePullSecrets/name", kind: "ServiceAccount"),
            FieldSpec("parameters/secretName", kind: "StorageClass"),
            FieldSpec("parameters/adminSecretName", kind: "StorageClass"),
            FieldSpec("parameters/userSecretName", kind: "StorageClass"),
            FieldSpec("parameters/secretRef", kind: "StorageClass"),
            FieldSpec("rules/resourceNames", kind: "Role"),
            FieldSpec("rules/resourceNames", kind: "ClusterRole"),
            FieldSpec("spec/template/spec/containers/env/valueFrom/secretKeyRef/name", kind: "Service", group: "serving.knative.dev", version: "v1"),
            FieldSpec("spec/azureFile/secretName", kind: "PersistentVolume"),
        ]),
        NameReference(kind: "Service", version: "v1", specs: [
            FieldSpec("spec/serviceName", kind: "StatefulSet", group: "apps"),
            FieldSpec("spec/rules/http/paths/backend/serviceName", kind: "Ingress"),
            FieldSpec("spec/backend/serviceName", kind: "Ingress"),
            FieldSpec("spec/rules/http/paths/backend/service/name", kind: "Ingress"),
            FieldSpec("spec/defaultBackend/service/name", kind: "Ingress"),
            FieldSpec("spec/service/name", kind: "APIService", group: "apiregistration.k8s.io"),
            FieldSpec("webhooks/clientConfig/service", kind: "ValidatingWebhookConfiguration", group: "admissionregistration.k8s.io"),
            FieldSpec("webhooks/clientConfig/service", kind: "MutatingWebhookConfiguration", group: "admissionregistration.k8s.io"),
        ]),
        NameReference(kind: "Role", group: "rbac.authorization.k8s.io", specs: [
            FieldSpec("roleRef/name", kind: "RoleBinding", group: "rbac.authorization.k8s.io"),
        ]),
        NameReference(kind: "ClusterRole", group: "rbac.authorization.k8s.io", specs: [
            FieldSpec("roleRef/name", kind: "RoleBinding", group: "rbac.authorization.k8s.io"),
            FieldSpec("roleRef/name", kind: "ClusterRoleBinding", group: "rbac.authorization.k8s.io"),
        ]),
        NameReference(kind: "ServiceAccount", version: "v1", specs: [
            FieldSpec("subjects", kind: "RoleBinding", group: "rbac.authorization.k8s.io"),
            FieldSpec("subjects", kind: "ClusterRoleBinding", group: "rbac.authorization.k8s.io"),
        ] + podFields(["serviceAccountName"], kinds: workloadPrefixes)),
        NameReference(kind: "PersistentVolumeClaim", version: "v1", specs: podFields(["volumes/persistentVolumeClaim/claimName"], kinds: workloadPrefixes)),
        NameReference(kind: "PersistentVolume", version: "v1", specs: [
            FieldSpec("spec/volumeName", kind: "PersistentVolumeClaim"),
            FieldSpec("rules/resourceNames", kind: "ClusterRole"),
        ]),
        NameReference(kind: "StorageClass", group: "storage.k8s.io", version: "v1", specs: [
            FieldSpec("spec/storageClassName", kind: "PersistentVolume"),
            FieldSpec("spec/storageClassName", kind: "PersistentVolumeClaim"),
            FieldSpec("spec/volumeClaimTemplates/spec/storageClassName", kind: "StatefulSet"),
        ]),
        NameReference(kind: "PriorityClass", group: "scheduling.k8s.io", version: "v1", specs: podFields(["priorityClassName"], kinds: workloadPrefixes)),
        NameReference(kind: "IngressClass", group: "networking.k8s.io/v1", version: "v1", specs: [FieldSpec("spec/ingressClassName", kind: "Ingress")]),
        NameReference(kind: "ValidatingAdmissionPolicy", group: "admissionregistration.k8s.io", specs: [
            FieldSpec("spec/policyName", kind: "ValidatingAdmissionPolicyBinding", group: "admissionregistration.k8s.io"),
        ]),
    ]

    /// kustomize's legacy order: these kinds first (in this order), the `last` ones at the end,
    /// everything else between them.
    static let orderFirst = [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
        "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
        "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim",
        "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
    ]
    static let orderLast = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    static func typeOrder(_ kind: String, first: [String] = orderFirst, last: [String] = orderLast) -> Int {
        if let i = first.firstIndex(of: kind) { return i - first.count }
        if let i = last.firstIndex(of: kind) { return i + 1 }
        return 0
    }
}
