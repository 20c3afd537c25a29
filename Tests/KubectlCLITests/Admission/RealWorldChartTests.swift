import KubeModel
import KubeTestSupport
import Testing

/// 33 manifests written as Helm charts render them for v1.32 (`Golden/realworld/charts`: Deployments with
/// probes, affinity, topology spread, sidecars and the downward API, a StatefulSet with claim templates,
/// Services, Ingress and IngressClass, NetworkPolicies, a CRD with CEL rules and its custom resource, HPA v2,
/// PDBs, a CronJob, Indexed and pod-failure-policy Jobs, RBAC, ConfigMap, Secrets, DaemonSet, PriorityClass,
/// ResourceQuota, LimitRange, StorageClass, claim, Namespace, a restricted Pod) pass `create -f`, `apply -f`
/// and `apply --server-side -f`; each, broken in one field, is refused by all three with v1.32's text (rules
/// from apis/*/validation, apimachinery and apiextensions of v1.32), leaving the broken object unstored.
@Suite struct RealWorldChartTests {
    static let dir = besideTest("../Golden/realworld/charts/")

    static var files: [String] {
        directoryEntries(dir).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func everyChartIsAccepted() {
        #expect(Self.files.count == 33)
        for (verb, done) in [("create -f", " created"), ("apply -f", " created"), ("apply --server-side -f", " serverside-applied")] {
            let s = TestStore()
            for file in Self.files {
                let r = s.run("\(verb) \(Self.dir)\(file)")
                #expect(r.exitCode == 0 && r.stderr == "", "\(verb) \(file): \(r.stderr)")
                let lines = r.stdout.split(separator: "\n")
                #expect(!lines.isEmpty && lines.allSatisfy { $0.hasSuffix(done) }, "\(verb) \(file): \(r.stdout)")
            }
        }
    }

    /// (file, text replaced, replacement, the API server's refusal).
    static let broken: [(String, String, String, String)] = [
        (#"01-deployment-probes.yaml"#, #"containerPort: 8080"#, #"containerPort: 70000"#,
         #"The Deployment "api" is invalid: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\#n"#),
        (#"02-deployment-affinity.yaml"#, #"maxSurge: 25%"#, #"maxSurge: 0"#,
         #"The Deployment "frontend" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0\#n"#),
        (#"03-deployment-topology.yaml"#, #"whenUnsatisfiable: ScheduleAnyway"#, #"whenUnsatisfiable: Sometimes"#,
         #"The Deployment "worker" is invalid: spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"\#n"#),
        (#"04-deployment-sidecar.yaml"#, #"restartPolicy: Always"#, #"restartPolicy: OnFailure"#,
         #"The Deployment "shipper" is invalid: \#n* spec.template.spec.initContainers[1].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\#n* spec.template.spec.initContainers[1].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always\#n"#),
        (#"05-statefulset-claims.yaml"#, #"podManagementPolicy: Parallel"#, #"podManagementPolicy: Sequential"#,
         #"The StatefulSet "postgres" is invalid: spec.podManagementPolicy: Invalid value: "Sequential": must be 'OrderedReady' or 'Parallel'\#n"#),
        (#"06-service-headless.yaml"#, #"port: 5432"#, #"port: 0"#,
         #"The Service "postgres-hl" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\#n"#),
        (#"07-service-loadbalancer.yaml"#, #"externalTrafficPolicy: Local"#, #"externalTrafficPolicy: Cluster2"#,
         #"The Service "gateway" is invalid: spec.externalTrafficPolicy: Unsupported value: "Cluster2": supported values: "Cluster", "Local"\#n"#),
        (#"08-ingress-tls.yaml"#, #"- path: /healthz"#, #"- path: healthz"#,
         #"The Ingress "site" is invalid: spec.rules[1].http.paths[1].path: Invalid value: "healthz": must be an absolute path\#n"#),
        (#"09-ingressclass.yaml"#, #"controller: k8s.io/ingress-nginx"#, #"controller: nginx"#,
         #"The IngressClass "nginx" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")\#n"#),
        (#"10-networkpolicy-deny.yaml"#, #"- Egress"#, #"- Outbound"#,
         #"The NetworkPolicy "default-deny-all" is invalid: spec.policyTypes[1]: Unsupported value: "Outbound": supported values: "Ingress", "Egress"\#n"#),
        (#"11-networkpolicy-allow.yaml"#, #"endPort: 32767"#, #"endPort: 29999"#,
         #"The NetworkPolicy "api-allow" is invalid: spec.egress[0].ports[1].endPort: Invalid value: 29999: must be greater than or equal to `port`\#n"#),
        (#"12-crd-cel.yaml"#, #"scope: Namespaced"#, #"scope: Global"#,
         #"The CustomResourceDefinition "backups.ops.example.com" is invalid: spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"\#n"#),
        (#"13-cr-instance.yaml"#, #"retentionDays: 14"#, #"retentionDays: 14\#n  minRetentionDays: 30"#,
         #"The Backup "nightly" is invalid: spec: Invalid value: "object": retentionDays must be at least minRetentionDays\#n"#),
        (#"14-hpa-v2.yaml"#, #"minReplicas: 2"#, #"minReplicas: 0"#,
         #"The HorizontalPodAutoscaler "api" is invalid: spec.minReplicas: Invalid value: 0: must be greater than or equal to 1\#n"#),
        (#"15-pdb.yaml"#, #"minAvailable: 50%"#, #"minAvailable: 150%"#,
         #"The PodDisruptionBudget "api" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%\#n"#),
        (#"16-cronjob.yaml"#, #"timeZone: Europe/Berlin"#, #"timeZone: Mars/Base"#,
         #"The CronJob "cleanup" is invalid: spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base\#n"#),
        (#"17-job-indexed-success.yaml"#, #"succeededIndexes: "0,2-5""#, #"succeededIndexes: "0,2-9""#,
         #"The Job "shard-train" is invalid: \#n* spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0,2-9": error parsing succeededIndexes: too large index: "9"\#n* spec.successPolicy.rules[0].succeededCount: Invalid value: 3: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)\#n"#),
        (#"18-job-podfailurepolicy.yaml"#, #"values: [0, 1, 137]"#, #"values: [137, 1]"#,
         #"The Job "migrate-db" is invalid: spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{137, 1}: must be ordered\#n"#),
        (#"19-rbac-clusterrole.yaml"#, #"verbs: ["get"]"#, #"verbs: []"#,
         #"The ClusterRole "monitoring-reader" is invalid: rules[2].verbs: Required value: verbs must contain at least one value\#n"#),
        (#"20-rbac-role.yaml"#, #"  kind: Role\#n  name: deployer\#nsubjects"#, #"  kind: Roll\#n  name: deployer\#nsubjects"#,
         #"The RoleBinding "deployer" is invalid: roleRef.kind: Unsupported value: "Roll": supported values: "Role", "ClusterRole"\#n"#),
        (#"21-configmap.yaml"#, #"nginx.conf: |"#, #"nginx/conf: |"#,
         #"The ConfigMap "app-config" is invalid: data[nginx/conf]: Invalid value: "nginx/conf": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\#n"#),
        (#"22-secrets.yaml"#, #".dockerconfigjson: "#, #".dockercfgjson: "#,
         #"The Secret "regcred" is invalid: data[.dockerconfigjson]: Required value\#n"#),
        (#"23-daemonset.yaml"#, #"maxUnavailable: 1"#, #"maxUnavailable: 0"#,
         #"The DaemonSet "node-exporter" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0\#n"#),
        (#"24-priorityclass.yaml"#, #"value: 1000"#, #"value: 2000000000"#,
         #"The PriorityClass "batch-low" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\#n"#),
        (#"25-resourcequota.yaml"#, #"pods: "200""#, #"pods: "-1""#,
         #"The ResourceQuota "team-quota" is invalid: spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0\#n"#),
        (#"26-limitrange.yaml"#, #"type: PersistentVolumeClaim"#, #"type: Volume"#,
         #"The LimitRange "defaults" is invalid: spec.limits[1].type: Invalid value: "Volume": must be a standard limit type or fully qualified\#n"#),
        (#"27-storageclass.yaml"#, #"reclaimPolicy: Retain"#, #"reclaimPolicy: Recycle"#,
         #"The StorageClass "fast-ssd" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"\#n"#),
        (#"28-pvc.yaml"#, #"- ReadWriteOnce"#, #"- ReadWriteSometimes"#,
         #"The PersistentVolumeClaim "uploads" is invalid: spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"\#n"#),
        (#"29-namespace.yaml"#, #"name: payments"#, #"name: Payments"#,
         #"The Namespace "Payments" is invalid: metadata.name: Invalid value: "Payments": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\#n"#),
        (#"30-deployment-env.yaml"#, #"fieldPath: status.podIP"#, #"fieldPath: status.nodeIP"#,
         #"The Deployment "checkout" is invalid: spec.template.spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "status.nodeIP": error converting fieldPath: field label not supported: status.nodeIP\#n"#),
        (#"31-pod-restricted.yaml"#, #"runAsUser: 65534"#, #"runAsUser: -1"#,
         #"The Pod "toolbox" is invalid: spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive\#n"#),
        (#"32-replicaset-service-nodeport.yaml"#, #"nodePort: 30080"#, #"nodePort: 80"#,
         #"The Service "legacy" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\#n"#),
        (#"33-serviceaccount-pdb.yaml"#, #"maxUnavailable: 1"#, #"maxUnavailable: -1"#,
         #"The PodDisruptionBudget "postgres" is invalid: spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0\#n"#),
    ]

    @Test func everyBrokenChartIsRefused() {
        #expect(Self.broken.count == 33)
        for (file, old, new, refusal) in Self.broken {
            let text = readTextFile(Self.dir + file) ?? ""
            #expect(text.contains(old), "\(file)")
            for (verb, done) in [("create -f", " created"), ("apply -f", " created"), ("apply --server-side -f", " serverside-applied")] {
                let s = TestStore()
                if file.hasPrefix("13-") { _ = s.run("create -f \(Self.dir)12-crd-cel.yaml") }
                let f = s.writeFile(file, text.replacingAll(old, with: new))
                let r = s.run("\(verb) \(f)")
                #expect(r.exitCode == 1 && r.stderr == refusal, "\(verb) \(file): \(r.stderr)")
                // Other documents of the file are written; the broken one is not.
                #expect(r.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(done) }, "\(verb) \(file): \(r.stdout)")
                // "The <Kind> "<name>" is invalid: ...": that object is not stored.
                let words = refusal.split(separator: " ", maxSplits: 2)
                let kind = String(words[1]), name = String(refusal.split(separator: "\"")[1])
                #expect(s.run("get \(kind) \(name) -o name").exitCode == 1, "\(verb) \(file): \(kind) \(name) was stored")
            }
        }
    }
}
