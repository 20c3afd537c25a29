import KubeModel
import KubeRegistry

/// The API server's defaulting and the admission plugins a fresh cluster runs (ServiceAccount,
/// DefaultTolerationSeconds, Priority), applied on create and update so `get -o yaml` shows what a
/// cluster would store.
enum Defaults {
    static func apply(to obj: inout JSONValue, type: ResourceType, session: APISession) {
        switch (type.group, type.kind) {
        case ("", "Pod"): pod(&obj, session: session)
        case ("", "Namespace"): namespace(&obj)
        case ("", "Secret"): if obj["type"].isNull { obj["type"] = "Opaque" }
        case ("", "Service"): service(&obj, session: session)
        case ("", "Node"): node(&obj, session: session)
        case ("", "PersistentVolumeClaim"):
            if obj["spec"]["storageClassName"].isNull, obj["metadata"]["uid"].isNull, let name = defaultStorageClass(session) {
                obj["spec"]["storageClassName"] = .string(name)
            }
            setIfMissing(&obj, ["spec", "volumeMode"], "Filesystem")
            setIfMissing(&obj, ["status", "phase"], "Pending")
        case ("", "PersistentVolume"):
            setIfMissing(&obj, ["spec", "persistentVolumeReclaimPolicy"], "Retain")
            var pvSpec = obj["spec"]
            volumeSource(&pvSpec)
            obj["spec"] = pvSpec
            setIfMissing(&obj, ["spec", "volumeMode"], "Filesystem")
            setIfMissing(&obj, ["status", "phase"], "Available")
        case ("", "ReplicationController"):
            setIfMissing(&obj, ["spec", "replicas"], 1)
            podTemplate(&obj, ["spec", "template"])
        case ("apps", "Deployment"):
            setIfMissing(&obj, ["spec", "replicas"], 1)
            if obj["spec"]["strategy"]["type"].isNull { obj["spec"]["strategy"]["type"] = "RollingUpdate" }
            if obj["spec"]["strategy"]["type"].string == "RollingUpdate" {
                setIfMissing(&obj, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], "25%")
                setIfMissing(&obj, ["spec", "strategy", "rollingUpdate", "maxSurge"], "25%")
            }
            setIfMissing(&obj, ["spec", "revisionHistoryLimit"], 10)
            setIfMissing(&obj, ["spec", "progressDeadlineSeconds"], 600)
            podTemplate(&obj, ["spec", "template"])
        case ("autoscaling", "HorizontalPodAutoscaler"):
            setIfMissing(&obj, ["spec", "minReplicas"], 1)
            if obj["apiVersion"].string == "autoscaling/v2", (obj["spec"]["metrics"].array ?? []).isEmpty {
                obj["spec"]["metrics"] = [["resource": ["name": "cpu", "target": ["averageUtilization": 80, "type": "Utilization"]],
                                           "type": "Resource"]]
            }
            hpaBehavior(&obj)
        case ("apps", "ReplicaSet"):
            setIfMissing(&obj, ["spec", "replicas"], 1)
            podTemplate(&obj, ["spec", "template"])
        case ("apps", "StatefulSet"):
            setIfMissing(&obj, ["spec", "replicas"], 1)
            setIfMissing(&obj, ["spec", "podManagementPolicy"], "OrderedReady")
            if obj["spec"]["updateStrategy"]["type"].isNull { obj["spec"]["updateStrategy"]["type"] = "RollingUpdate" }
            if obj["spec"]["updateStrategy"]["type"].string == "RollingUpdate" {
                setIfMissing(&obj, ["spec", "updateStrategy", "rollingUpdate", "partition"], 0)
            }
            setIfMissing(&obj, ["spec", "revisionHistoryLimit"], 10)
            setIfMissing(&obj, ["spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"], "Retain")
            setIfMissing(&obj, ["spec", "persistentVolumeClaimRetentionPolicy", "whenScaled"], "Retain")
            if var claims = obj["spec"]["volumeClaimTemplates"].array {
                for i in claims.indices {
                    if claims[i]["apiVersion"].isNull { claims[i]["apiVersion"] = "v1" }
                    if claims[i]["kind"].isNull { claims[i]["kind"] = "PersistentVolumeClaim" }
                    setIfMissing(&claims[i], ["spec", "volumeMode"], "Filesystem")
                    setIfMissing(&claims[i], ["status", "phase"], "Pending")
                }
                obj["spec"]["volumeClaimTemplates"] = .array(claims)
            }
            podTemplate(&obj, ["spec", "template"])
        case ("apps", "DaemonSet"):
            if obj["spec"]["updateStrategy"]["type"].isNull { obj["spec"]["updateStrategy"]["type"] = "RollingUpdate" }
            if obj["spec"]["updateStrategy"]["type"].string == "RollingUpdate" {
                setIfMissing(&obj, ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"], 1)
                setIfMissing(&obj, ["spec", "updateStrategy", "rollingUpdate", "maxSurge"], 0)
            }
            setIfMissing(&obj, ["spec", "revisionHistoryLimit"], 10)
            podTemplate(&obj, ["spec", "template"])
        case ("", "LimitRange"): limitRange(&obj)
        case ("batch", "Job"):
            job(&obj, path: [])
        case ("rbac.authorization.k8s.io", "RoleBinding"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
            roleBinding(&obj)
        case ("", "Endpoints"): endpoints(&obj)
        case ("scheduling.k8s.io", "PriorityClass"): setIfMissing(&obj, ["preemptionPolicy"], "PreemptLowerPriority")
        case ("discovery.k8s.io", "EndpointSlice"): endpointSlice(&obj)
        case ("networking.k8s.io", "NetworkPolicy"): networkPolicy(&obj)
        case ("networking.k8s.io", "IngressClass"): ingressClass(&obj)
        case ("flowcontrol.apiserver.k8s.io", "FlowSchema"): flowSchema(&obj)
        case ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"): priorityLevel(&obj)
        case ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"), ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"):
            admissionPolicy(&obj, kind: type.kind)
        case ("apiregistration.k8s.io", "APIService"): apiService(&obj)
        case ("storage.k8s.io", "CSIDriver"): csiDriver(&obj)
        case ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"): WebhookRules.applyDefaults(&obj, mutating: false)
        case ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"): WebhookRules.applyDefaults(&obj, mutating: true)
        case ("batch", "CronJob"):
            setIfMissing(&obj, ["spec", "concurrencyPolicy"], "Allow")
            setIfMissing(&obj, ["spec", "suspend"], false)
            setIfMissing(&obj, ["spec", "successfulJobsHistoryLimit"], 3)
            setIfMissing(&obj, ["spec", "failedJobsHistoryLimit"], 1)
            if obj["spec"]["jobTemplate"]["spec"]["podFailurePolicy"].object != nil {
                var s = obj["spec"]["jobTemplate"]["spec"]
                podFailurePolicy(&s)
                obj["spec"]["jobTemplate"]["spec"] = s
            }
            podTemplate(&obj, ["spec", "jobTemplate", "spec", "template"])
        default:
            break
        }
    }

    /// The DefaultStorageClass admission plugin's choice (the class annotated as default).
    static func defaultStorageClass(_ session: APISession) -> String? {
        guard let sc = session.registry.type(group: "storage.k8s.io", kind: "StorageClass"),
            let all = try? session.list(sc, namespace: nil) else { return nil }
        return all.last { $0["metadata"]["annotations"]["storageclass.kubernetes.io/is-default-class"].string == "true" }?["metadata"]["name"].string
    }

    /// A node registered with `create -f` is Ready with a kubelet's status unless it says otherwise.
    static func node(_ obj: inout JSONValue, session: APISession) {
        guard obj["status"]["conditions"].isNull else { return }
        let name = obj["metadata"]["name"].string ?? ""
        var index = 1
        if let nodeType = session.registry.type(group: "", kind: "Node"),
            let count = try? session.tx.count(resource: nodeType.storageKey, namespace: nil) { index = count }
        let cidr = obj["spec"]["podCIDR"].string ?? "10.244.\(index).0/24"
        if obj["metadata"]["annotations"]["kwok.x-k8s.io/node"].string == "fake" {
            // A node kwok manages gets its status from its Stages (node-initialize).
            setIfMissing(&obj, ["spec", "podCIDR"], .string(cidr))
            setIfMissing(&obj, ["spec", "podCIDRs"], [.string(cidr)])
            return
        }
        let template = Seed.node(name: name, ip: "172.18.0.\(index + 2)", podCIDR: cidr, now: session.now)
        var labels = template["metadata"]["labels"].object ?? JSONObject()
        labels.removeValue(forKey: "node-role.kubernetes.io/control-plane")
        for (k, v) in obj["metadata"]["labels"].object ?? JSONObject() { labels[k] = v }
        obj["metadata"]["labels"] = .object(labels)
        for (k, v) in template["metadata"]["annotations"].object ?? JSONObject() where obj["metadata"]["annotations"][k].isNull {
            obj["metadata"]["annotations"][k] = v
        }
        setIfMissing(&obj, ["spec", "podCIDR"], .string(cidr))
        setIfMissing(&obj, ["spec", "podCIDRs"], [.string(cidr)])
        setIfMissing(&obj, ["spec", "providerID"], .string("local://\(name)"))
        // What the manifest leaves at Go's zero (decoding writes `nodeInfo` and `daemonEndpoints` with
        // empty values, as every struct that is not a pointer) does not replace the kubelet's status.
        var status = template["status"]
        for (k, v) in obj["status"].object ?? JSONObject() where !isZeroValue(v) { status[k] = v }
        obj["status"] = status
    }

    /// Whether `v` holds only Go zero values (`""`, `0`, `false`, null, empty lists and objects), at any depth.
    static func isZeroValue(_ v: JSONValue) -> Bool {
        switch v {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .int(let i): return i == 0
        case .double(let d): return d == 0
        case .bool(let b): return !b
        case .array(let a): return a.isEmpty
        case .object(let o): return o.allSatisfy { isZeroValue($0.1) }
        }
    }

    /// autoscaling/v2: a `behavior` that is set gets both directions' rules filled in (scale up: no
    /// window, Max of 4 pods or 100% per 15 s; scale down: Max of 100% per 15 s, its window left to the
    /// controller's 300 s).
    static func hpaBehavior(_ obj: inout JSONValue) {
        guard obj["apiVersion"].string == "autoscaling/v2", case .object = obj["spec"]["behavior"] else { return }
        let defaults: [(String, JSONValue)] = [
            ("scaleUp", ["stabilizationWindowSeconds": 0, "selectPolicy": "Max",
                         "policies": [["type": "Pods", "value": 4, "periodSeconds": 15], ["type": "Percent", "value": 100, "periodSeconds": 15]]]),
            ("scaleDown", ["selectPolicy": "Max", "policies": [["type": "Percent", "value": 100, "periodSeconds": 15]]]),
        ]
        for (key, rules) in defaults {
            var r = obj["spec"]["behavior"][key]
            if case .object = r {} else { r = .emptyObject }
            for field in ["stabilizationWindowSeconds", "selectPolicy", "policies"] where r[field].isNull && !rules[field].isNull {
                r[field] = rules[field]
            }
            obj["spec"]["behavior"][key] = r
        }
    }

    /// v1 defaulting of a LimitRange's `Container` items: a resource with a `max` but no `default`
    /// gets the max as its default limit; one with a `default` (then one with a `min`) but no
    /// `defaultRequest` gets it as its default request.
    static func limitRange(_ obj: inout JSONValue) {
        guard var items = obj["spec"]["limits"].array else { return }
        for i in items.indices where items[i]["type"].string == "Container" {
            func fill(_ key: String, from source: String) {
                guard let from = items[i][source].object, !from.isEmpty else { return }
                var to = items[i][key].object ?? JSONObject()
                var added = false
                for (k, v) in from where to[k] == nil {
                    to[k] = v
                    added = true
                }
                guard added else { return }
                var sorted = JSONObject()
                for k in to.keys.sorted() { sorted[k] = to[k]! }
                items[i][key] = .object(sorted)
            }
            fill("default", from: "max")
            fill("defaultRequest", from: "default")
            fill("defaultRequest", from: "min")
        }
        obj["spec"]["limits"] = .array(items)
    }

    /// Sets `path` when it is missing or null, or an empty list (the defaulters test a slice's length: an
    /// empty one decoded from `[]` is kept until the write, see `Pruning`).
    static func setIfMissing(_ obj: inout JSONValue, _ path: [String], _ value: JSONValue) {
        let v = obj.at(path)
        if v.isNull || v.array?.isEmpty == true { obj.set(path, value) }
    }

    static func namespace(_ obj: inout JSONValue) {
        let name = obj["metadata"]["name"].string ?? ""
        obj["metadata"]["labels"]["kubernetes.io/metadata.name"] = .string(name)
        if obj["spec"]["finalizers"].array?.isEmpty ?? true { obj["spec"]["finalizers"] = ["kubernetes"] }
        setIfMissing(&obj, ["status", "phase"], "Active")
    }

    static func job(_ obj: inout JSONValue, path: [String]) {
        let spec = path + ["spec"]
        if obj.at(spec + ["completions"]).isNull && obj.at(spec + ["parallelism"]).isNull {
            obj.set(spec + ["completions"], 1)
            obj.set(spec + ["parallelism"], 1)
        }
        setIfMissing(&obj, spec + ["parallelism"], 1)
        setIfMissing(&obj, spec + ["backoffLimit"], 6)
        setIfMissing(&obj, spec + ["completionMode"], "NonIndexed")
        setIfMissing(&obj, spec + ["suspend"], false)
        // With a pod failure policy a failed pod is replaced only once it has terminated.
        let replacement = obj.at(spec + ["podFailurePolicy"]).isNull ? "TerminatingOrFailed" : "Failed"
        setIfMissing(&obj, spec + ["podReplacementPolicy"], .string(replacement))
        if obj.at(spec + ["podFailurePolicy"]).object != nil {
            var s = obj.at(spec)
            podFailurePolicy(&s)
            obj.set(spec, s)
        }
        if path.isEmpty, obj.at(spec + ["manualSelector"]).bool != true, obj.at(spec + ["selector"]).isNull {
            // The job's own uid is known only after creation; APISession sets it through `jobSelector`.
        }
        podTemplate(&obj, spec + ["template"])
    }

    /// Adds the controller-uid selector and labels a Job gets from the API server.
    static func jobSelector(_ obj: inout JSONValue, uid: String) {
        guard obj["spec"]["manualSelector"].bool != true else { return }
        let name = obj["metadata"]["name"].string ?? ""
        if obj["spec"]["selector"].isNull {
            obj["spec"]["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": .string(uid)]]
        }
        var labels = obj["spec"]["template"]["metadata"]["labels"].object ?? JSONObject()
        for (k, v) in [("batch.kubernetes.io/controller-uid", uid), ("batch.kubernetes.io/job-name", name),
                       ("controller-uid", uid), ("job-name", name)] where labels[k] == nil {
            labels[k] = .string(v)
        }
        obj["spec"]["template"]["metadata"]["labels"] = .object(labels)
        // SetDefaults_Job shares the template's label map with a Job that has none, so the Job
        // shows the same labels (the generated ones included).
        if (obj["metadata"]["labels"].object ?? JSONObject()).isEmpty {
            obj["metadata"]["labels"] = .object(labels)
        }
    }

    static func podTemplate(_ obj: inout JSONValue, _ path: [String]) {
        guard obj.at(path).object != nil else { return }
        var spec = obj.at(path + ["spec"])
        podSpec(&spec)
        obj.set(path + ["spec"], spec)
    }

    static func podSpec(_ spec: inout JSONValue) {
        setIfMissing(&spec, ["restartPolicy"], "Always")
        setIfMissing(&spec, ["terminationGracePeriodSeconds"], 30)
        setIfMissing(&spec, ["dnsPolicy"], "ClusterFirst")
        setIfMissing(&spec, ["securityContext"], .emptyObject)
        setIfMissing(&spec, ["schedulerName"], "default-scheduler")
        for key in ["containers", "initContainers", "ephemeralContainers"] {
            guard var list = spec[key].array else { continue }
            for i in list.indices { container(&list[i]) }
            spec[key] = .array(list)
        }
        if var volumes = spec["volumes"].array {
            for i in volumes.indices { volume(&volumes[i]) }
            spec["volumes"] = .array(volumes)
        }
    }

    /// A volume with no source is an emptyDir; file-projecting sources get mode 0644 (420).
    static func volume(_ v: inout JSONValue) {
        guard let o = v.object else { return }
        if o.keys.allSatisfy({ $0 == "name" }) { v["emptyDir"] = .emptyObject }
        for source in ["configMap", "secret", "downwardAPI", "projected"] where v[source].object != nil {
            setIfMissing(&v, [source, "defaultMode"], 420)
        }
        volumeSource(&v)
        if v["ephemeral"]["volumeClaimTemplate"]["spec"].object != nil {
            setIfMissing(&v, ["ephemeral", "volumeClaimTemplate", "spec", "volumeMode"], "Filesystem")
        }
        // `SetDefaults_ObjectFieldSelector`: a downward API field reference is to a v1 pod.
        if var items = v["downwardAPI"]["items"].array {
            for i in items.indices where items[i]["fieldRef"].object != nil { setIfMissing(&items[i], ["fieldRef", "apiVersion"], "v1") }
            v["downwardAPI"]["items"] = .array(items)
        }
        if var sources = v["projected"]["sources"].array {
            for s in sources.indices {
                guard var items = sources[s]["downwardAPI"]["items"].array else { continue }
                for i in items.indices where items[i]["fieldRef"].object != nil { setIfMissing(&items[i], ["fieldRef", "apiVersion"], "v1") }
                sources[s]["downwardAPI"]["items"] = .array(items)
            }
            v["projected"]["sources"] = .array(sources)
        }
    }

    /// The defaults of volume sources a pod and a PersistentVolume share (SetDefaults_* of core/v1:
    /// a hostPath's empty type, iSCSI's interface, RBD's pool, user and keyring, Azure Disk's caching, kind, fsType and readOnly,
    /// ScaleIO's storage mode and fsType).
    static func volumeSource(_ v: inout JSONValue) {
        let defaults: [(String, [(String, JSONValue)])] = [
            ("iscsi", [("iscsiInterface", "default")]),
            ("rbd", [("pool", "rbd"), ("user", "admin"), ("keyring", "/etc/ceph/keyring")]),
            ("azureDisk", [("cachingMode", "ReadWrite"), ("fsType", "ext4"), ("readOnly", false), ("kind", "Shared")]),
            ("scaleIO", [("storageMode", "ThinProvisioned"), ("fsType", "xfs")]),
        ]
        if v["hostPath"].object != nil { setIfMissing(&v, ["hostPath", "type"], "") }
        for (source, fields) in defaults where v[source].object != nil {
            for (key, value) in fields where (v[source][key].string ?? "").isEmpty && v[source][key].bool == nil {
                v[source][key] = value
            }
        }
    }

    /// Probe timings default to 1 s timeout, 10 s period, 1 success, 3 failures; HTTP probes use HTTP.
    static func probe(_ p: inout JSONValue) {
        setIfMissing(&p, ["timeoutSeconds"], 1)
        setIfMissing(&p, ["periodSeconds"], 10)
        setIfMissing(&p, ["successThreshold"], 1)
        setIfMissing(&p, ["failureThreshold"], 3)
        httpGet(&p)
    }

    /// `SetDefaults_HTTPGetAction`: path `/`, scheme HTTP (probes and lifecycle hooks).
    static func httpGet(_ h: inout JSONValue) {
        guard h["httpGet"].object != nil else { return }
        if (h["httpGet"]["path"].string ?? "").isEmpty { h["httpGet"]["path"] = "/" }
        setIfMissing(&h, ["httpGet", "scheme"], "HTTP")
    }

    static func container(_ c: inout JSONValue) {
        setIfMissing(&c, ["terminationMessagePath"], "/dev/termination-log")
        setIfMissing(&c, ["terminationMessagePolicy"], "File")
        setIfMissing(&c, ["resources"], .emptyObject)
        if c["imagePullPolicy"].isNull {
            c["imagePullPolicy"] = .string(imagePullPolicy(c["image"].string ?? ""))
        }
        if var ports = c["ports"].array {
            for i in ports.indices { setIfMissing(&ports[i], ["protocol"], "TCP") }
            c["ports"] = .array(ports)
        }
        if var env = c["env"].array, env.contains(where: { $0["valueFrom"]["fieldRef"].object != nil }) {
            for i in env.indices where env[i]["valueFrom"]["fieldRef"].object != nil {
                setIfMissing(&env[i], ["valueFrom", "fieldRef", "apiVersion"], "v1")
            }
            c["env"] = .array(env)
        }
        for key in ["livenessProbe", "readinessProbe", "startupProbe"] where c[key].object != nil {
            var p = c[key]
            probe(&p)
            c[key] = p
        }
        for hook in ["postStart", "preStop"] where c["lifecycle"][hook].object != nil {
            var h = c["lifecycle"][hook]
            httpGet(&h)
            c["lifecycle"][hook] = h
        }
    }

    /// `Always` for `:latest` or untagged images, `IfNotPresent` otherwise (digests included).
    static func imagePullPolicy(_ image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let last = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = last.lastIndex(of: ":") else { return "Always" }
        return last[last.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    static func pod(_ obj: inout JSONValue, session: APISession) {
        let input = obj["spec"]
        // Mirror pods of static pods get no service account (ServiceAccount admission skips them).
        let mirror = !obj["metadata"]["annotations"]["kubernetes.io/config.mirror"].isNull
        let creating = obj["metadata"]["uid"].isNull
        var spec: JSONValue
        // What follows up to the token volume reads the spec alone: the pods of one file or template
        // (the same spec, keys in the same order) are defaulted once per session.
        if creating, let known = session.defaultedPodSpec, known.mirror == mirror, ClientSpecMemo.identical(known.input, input) {
            spec = known.output
        } else {
            spec = input
            podSpecAdmission(&spec, mirror: mirror)
            if creating { session.defaultedPodSpec = (input, mirror, spec) }
        }
        // The plugin admits creates only (an update has its uid by now).
        if !mirror, spec["automountServiceAccountToken"].bool != false, obj["metadata"]["uid"].isNull {
            mountServiceAccountToken(&spec)
        }
        obj["spec"] = spec
        if obj["status"]["phase"].isNull {
            obj["status"]["phase"] = "Pending"
            obj["status"]["qosClass"] = .string(qosClass(spec))
        }
    }

    /// `podSpec` and the admission plugins' defaults of a pod's spec: ServiceAccount (its name),
    /// DefaultTolerationSeconds (Priority: PriorityAdmission).
    static func podSpecAdmission(_ spec: inout JSONValue, mirror: Bool) {
        podSpec(&spec)
        if !mirror {
            if spec["serviceAccountName"].isNull { spec["serviceAccountName"] = spec["serviceAccount"].isNull ? "default" : spec["serviceAccount"] }
            spec["serviceAccount"] = spec["serviceAccountName"]
        }
        setIfMissing(&spec, ["enableServiceLinks"], true)
        var tolerations = spec["tolerations"].array ?? []
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        where !tolerations.contains(where: {
            ($0["key"].string == key || ($0["key"].string ?? "").isEmpty) && ["", "NoExecute"].contains($0["effect"].string ?? "")
        }) {
            tolerations.append(["effect": "NoExecute", "key": .string(key), "operator": "Exists", "tolerationSeconds": 300])
        }
        spec["tolerations"] = .array(tolerations)
    }

    /// The ServiceAccount plugin's token volume: every container without a mount at the token path
    /// mounts the pod's `kube-api-access-*` volume (made when the pod has none), as a copy made by
    /// `kubectl debug --copy-to` gets it for its added container.
    static func mountServiceAccountToken(_ spec: inout JSONValue) {
        let mountPath = "/var/run/secrets/kubernetes.io/serviceaccount"
        let existing = (spec["volumes"].array ?? []).first { ($0["name"].string ?? "").hasPrefix("kube-api-access-") }?["name"].string
        let volName = existing ?? "kube-api-access-" + randomSuffix(count: 5)
        var needed = false
        for key in ["initContainers", "containers"] {
            guard var list = spec[key].array else { continue }
            for i in list.indices where !(list[i]["volumeMounts"].array ?? []).contains(where: { $0["mountPath"].string == mountPath }) {
                list[i]["volumeMounts"] = .array((list[i]["volumeMounts"].array ?? [])
                    + [["mountPath": .string(mountPath), "name": .string(volName), "readOnly": true]])
                needed = true
            }
            spec[key] = .array(list)
        }
        guard existing == nil, needed else { return }
        spec["volumes"] = .array((spec["volumes"].array ?? []) + [[
            "name": .string(volName),
            "projected": [
                "defaultMode": 420,
                "sources": [
                    ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                    ["configMap": ["items": [["key": "ca.crt", "path": "ca.crt"]], "name": "kube-root-ca.crt"]],
                    ["downwardAPI": ["items": [["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"],
                                                "path": "namespace"]]]],
                ],
            ],
        ]])
    }

    /// The pod's QoS class from its containers' requests and limits.
    static func qosClass(_ spec: JSONValue) -> String {
        var anySet = false
        var guaranteed = true
        for c in (spec["containers"].array ?? []) + (spec["initContainers"].array ?? []) {
            let req = c["resources"]["requests"].object ?? JSONObject()
            let lim = c["resources"]["limits"].object ?? JSONObject()
            if !req.isEmpty || !lim.isEmpty { anySet = true }
            for r in ["cpu", "memory"] {
                guard let l = lim[r] else { guaranteed = false; continue }
                if let q = req[r], q != l { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }

    static func service(_ obj: inout JSONValue, session: APISession) {
        var spec = obj["spec"]
        setIfMissing(&spec, ["type"], "ClusterIP")
        setIfMissing(&spec, ["sessionAffinity"], "None")
        if spec["sessionAffinity"].string == "ClientIP", spec["sessionAffinityConfig"]["clientIP"]["timeoutSeconds"].isNull {
            spec["sessionAffinityConfig"] = ["clientIP": ["timeoutSeconds": 10800]]
        }
        let type = spec["type"].string ?? "ClusterIP"
        if type != "ExternalName" {
            setIfMissing(&spec, ["internalTrafficPolicy"], "Cluster")
            if spec["clusterIP"].isNull || spec["clusterIP"].string == "" {
                spec["clusterIP"] = .string(session.allocateClusterIP())
            }
            if spec["clusterIPs"].array?.isEmpty ?? true { spec["clusterIPs"] = [spec["clusterIP"]] }
            if spec["clusterIP"].string == "None", spec["selector"].object?.isEmpty ?? true {
                // A headless service without a selector defaults to both families (`initIPFamilyFields`).
                setIfMissing(&spec, ["ipFamilyPolicy"], "RequireDualStack")
                setIfMissing(&spec, ["ipFamilies"], ["IPv4"])
                if spec["ipFamilyPolicy"].string != "SingleStack", let families = spec["ipFamilies"].array, families.count == 1 {
                    spec["ipFamilies"] = .array(families + [families[0].string == "IPv4" ? "IPv6" : "IPv4"])
                }
            } else {
                setIfMissing(&spec, ["ipFamilies"], ["IPv4"])
                setIfMissing(&spec, ["ipFamilyPolicy"], "SingleStack")
            }
        }
        if type == "NodePort" || type == "LoadBalancer" {
            setIfMissing(&spec, ["externalTrafficPolicy"], "Cluster")
        }
        if type == "LoadBalancer" { setIfMissing(&spec, ["allocateLoadBalancerNodePorts"], true) }
        if var ports = spec["ports"].array {
            for i in ports.indices {
                setIfMissing(&ports[i], ["protocol"], "TCP")
                // An IntOrString is a struct, written even when zero: `0` and `""` are unset too.
                let target = ports[i]["targetPort"]
                if target.isNull || target.int == 0 || target.string == "" { ports[i]["targetPort"] = ports[i]["port"] }
                if (type == "NodePort" || type == "LoadBalancer") && ports[i]["nodePort"].isNull {
                    ports[i]["nodePort"] = .int(session.allocateNodePort())
                }
            }
            spec["ports"] = .array(ports)
        }
        obj["spec"] = spec
        if obj["status"].isNull { obj["status"] = ["loadBalancer": .emptyObject] }
    }
}
