import KubeModel
import KubeTestSupport
import Testing

/// What a sweep of public example manifests (kubernetes/website and kubernetes/examples, written for recent
/// Kubernetes) found refused or accepted differently from v1.32, as small manifests of the same shape. Every
/// write path gives one verdict: `create -f`, `apply -f`, `apply --server-side -f`, `create --dry-run=server -f`.
@Suite struct RealWorldSweepTests {
    static let paths: [(verb: String, done: String)] = [
        ("create -f", "created"), ("apply -f", "created"), ("apply --server-side -f", "serverside-applied"),
        ("create --dry-run=server -f", "created (server dry run)"),
    ]

    /// Each path refuses `manifest` with `stderr` (exit 1) and stores nothing `check` lists.
    static func refusedEverywhere(_ manifest: String, _ stderr: String, check: String) {
        for (verb, _) in paths {
            let s = TestStore()
            let f = s.writeFile("m.yaml", manifest)
            let r = s.run("\(verb) \(f)")
            #expect(r.exitCode == 1 && r.stdout == "" && r.stderr == stderr, "\(verb): \(r.stdout)\(r.stderr)")
            #expect(s.run(check).stdout == "", "\(verb) stored it")
        }
    }

    static func service(_ spec: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
        \(spec)  ports:
          - port: 80

        """
    }

    /// kind's cluster serves IPv4 only: `initIPFamilyFields` refuses an IPv6 family (the website's
    /// dual-stack examples ask for one), a dual-stack requirement and an IPv6 cluster IP before allocating.
    @Test func dualStackRequestsAreRefusedOnASingleStackCluster() {
        Self.refusedEverywhere(Self.service("  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv6]\n  type: LoadBalancer\n  selector: {app: web}\n"),
            "The Service \"web\" is invalid: spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster\n",
            check: "get services -o name --field-selector metadata.name=web")
        Self.refusedEverywhere(Self.service("  ipFamilyPolicy: RequireDualStack\n  selector: {app: web}\n"),
            "The Service \"web\" is invalid: spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": this cluster is not configured for dual-stack services\n",
            check: "get services -o name --field-selector metadata.name=web")
        Self.refusedEverywhere(Self.service("  clusterIP: fd00::10\n  selector: {app: web}\n"),
            "The Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"fd00::10\"}: IPv6 is not configured on this cluster\n",
            check: "get services -o name --field-selector metadata.name=web")
        Self.refusedEverywhere(Self.service("  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv4, IPv6]\n  selector: {app: web}\n"),
            "The Service \"web\" is invalid: spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified\n",
            check: "get services -o name --field-selector metadata.name=web")
    }

    /// PreferDualStack with one IPv4 family is accepted (one family is given); a headless service without a
    /// selector may name both families and defaults to them, with RequireDualStack.
    @Test func preferredDualStackAndSelectorlessHeadlessAreAccepted() {
        for (verb, done) in Self.paths {
            let s = TestStore()
            let f = s.writeFile("m.yaml", Self.service("  ipFamilyPolicy: PreferDualStack\n  selector: {app: web}\n"))
            let r = s.run("\(verb) \(f)")
            #expect(r.exitCode == 0 && r.stderr == "" && r.stdout == "service/web \(done)\n", "\(verb): \(r.stderr)")
        }
        let s = TestStore()
        let f = s.writeFile("m.yaml", Self.service("  clusterIP: None\n"))
        #expect(s.run("apply -f \(f)").exitCode == 0)
        let r = s.run(#"get service web -o jsonpath={.spec.ipFamilyPolicy}/{.spec.ipFamilies}/{.spec.clusterIPs}"#)
        #expect(r.stdout == #"RequireDualStack/["IPv4","IPv6"]/["None"]"#, "\(r.stderr)")
        let g = s.writeFile("g.yaml", Self.service("  clusterIP: None\n  ipFamilyPolicy: SingleStack\n").replacingAll("name: web", with: "name: one"))
        #expect(s.run("create -f \(g)").exitCode == 0)
        #expect(s.run(#"get service one -o jsonpath={.spec.ipFamilyPolicy}/{.spec.ipFamilies}"#).stdout == #"SingleStack/["IPv4"]"#)
    }

    /// kubectl apply refuses a generated name before sending anything, client-side and server-side alike;
    /// server-side apply without any name fails in the client (no PATCH URL without a name).
    @Test func applyRefusesGeneratedAndMissingNames() {
        let generated = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: job-\ndata:\n  a: b\n"
        for verb in ["apply -f", "apply --server-side -f", "apply --dry-run=server -f", "apply --server-side --dry-run=server -f"] {
            let s = TestStore()
            let r = s.run("\(verb) \(s.writeFile("g.yaml", generated))")
            #expect(r.exitCode == 1 && r.stdout == "" && r.stderr == "error: from job-: cannot use generate name with apply\n", "\(verb): \(r.stderr)")
            #expect(s.run("get configmaps -o name").stdout == "configmap/kube-root-ca.crt\n", "\(verb)")
        }
        let s = TestStore()
        let nameless = s.writeFile("n.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n")
        let r = s.run("apply --server-side -f \(nameless)")
        #expect(r.exitCode == 1 && r.stdout == "" && r.stderr == "error: resource name may not be empty\n", "\(r.stderr)")
        // `create` takes a generated name.
        let c = s.run("create -f \(s.writeFile("g.yaml", generated)) -o name")
        #expect(c.exitCode == 0 && c.stdout.hasPrefix("configmap/job-"), "\(c.stderr)")
    }

    /// Fields of features whose gate is off by default in v1.32 (the website's pod-level resources, resize
    /// policy, user namespace and trust bundle examples use them) are accepted and dropped, as the pod
    /// strategy's dropDisabledFields does, on every path and in pod templates; procMount becomes Default.
    @Test func fieldsOfDisabledFeaturesAreDropped() {
        let spec = """
              hostUsers: false
              resources:
                limits: {cpu: "1"}
              securityContext:
                supplementalGroupsPolicy: Strict
                seLinuxChangePolicy: Recursive
                runAsUser: 1000
              resourceClaims:
              - name: gpu
                resourceClaimName: gpu-claim
              containers:
              - name: c
                image: nginx
                resizePolicy:
                - resourceName: cpu
                  restartPolicy: NotRequired
                resources:
                  claims:
                  - name: gpu
                  requests: {cpu: 100m}
                securityContext:
                  procMount: Unmasked
              volumes:
              - name: roots
                projected:
                  sources:
                  - clusterTrustBundle:
                      name: example
                      path: roots.pem
                  - configMap:
                      name: extra
            """
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: gated\nspec:\n" + spec
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gated
            spec:
              selector:
                matchLabels: {app: gated}
              template:
                metadata:
                  labels: {app: gated}
                spec:

            """ + spec.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        for (manifest, resource, at) in [(pod, "pod", "{.spec}"), (deployment, "deployment", "{.spec.template.spec}")] {
            for (verb, done) in Self.paths where !verb.contains("dry-run") {
                let s = TestStore()
                let r = s.run("\(verb) \(s.writeFile("m.yaml", manifest))")
                #expect(r.exitCode == 0 && r.stderr == "" && r.stdout == "\(resource == "pod" ? "pod" : "deployment.apps")/gated \(done)\n", "\(verb): \(r.stderr)")
                let j = s.run("get \(resource) gated -o jsonpath=\(at)").stdout
                for gone in ["hostUsers", "supplementalGroupsPolicy", "seLinuxChangePolicy", "resourceClaims", "claims", "resizePolicy",
                             "clusterTrustBundle", "Unmasked", #""limits":{"cpu":"1"}"#] {
                    #expect(!j.contains(gone), "\(verb) \(resource) kept \(gone): \(j)")
                }
                #expect(j.contains(#""procMount":"Default""#) && j.contains(#""sources":[{},{"configMap":{"name":"extra"}}]"#)
                        && j.contains(#""runAsUser":1000"#) && j.contains(#""requests":{"cpu":"100m"}"#), "\(verb) \(resource): \(j)")
            }
        }
    }

    /// A claim's `volumeAttributesClassName` (the website's VolumeAttributesClass example) and a cross-namespace
    /// `dataSourceRef.namespace` are dropped on create (their gates are off in v1.32); so is a volume's class.
    @Test func volumeAttributesClassNamesAreDropped() {
        let claim = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: gold
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests: {storage: 2Gi}
              volumeAttributesClassName: gold
              dataSourceRef:
                kind: PersistentVolumeClaim
                name: source
                namespace: other

            """
        let volume = """
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: gold-pv
            spec:
              capacity: {storage: 1Gi}
              accessModes: [ReadWriteOnce]
              hostPath: {path: /data}
              volumeAttributesClassName: gold

            """
        for (verb, _) in Self.paths where !verb.contains("dry-run") {
            let s = TestStore()
            #expect(s.run("\(verb) \(s.writeFile("c.yaml", claim))").exitCode == 0, "\(verb)")
            #expect(s.run("\(verb) \(s.writeFile("v.yaml", volume))").exitCode == 0, "\(verb)")
            let c = s.run("get pvc gold -o jsonpath={.spec}").stdout, v = s.run("get pv gold-pv -o jsonpath={.spec}").stdout
            #expect(!c.contains("volumeAttributesClassName") && !c.contains("other") && c.contains(#""dataSource":{"apiGroup":null,"kind":"PersistentVolumeClaim","name":"source"}"#)
                    && c.contains(#""dataSourceRef":{"apiGroup":null,"kind":"PersistentVolumeClaim","name":"source"}"#),
                    "\(verb): \(c)")
            #expect(!v.contains("volumeAttributesClassName") && v.contains("/data"), "\(verb): \(v)")
            // A restore from a snapshot (the website's restore-pvc example) gains the matching dataSourceRef.
            let restore = claim.replacingAll("name: gold", with: "name: restore")
                .replacingAll("dataSourceRef:\n    kind: PersistentVolumeClaim\n    name: source\n    namespace: other",
                              with: "dataSource:\n    apiGroup: snapshot.storage.k8s.io\n    kind: VolumeSnapshot\n    name: snap")
            #expect(s.run("\(verb) \(s.writeFile("r.yaml", restore))").exitCode == 0, "\(verb)")
            let r = s.run("get pvc restore -o jsonpath={.spec.dataSourceRef}").stdout
            #expect(r == #"{"apiGroup":"snapshot.storage.k8s.io","kind":"VolumeSnapshot","name":"snap"}"#, "\(verb): \(r)")
        }
    }

    /// A StatefulSet's claim templates and a pod's ephemeral claim template keep `volumeAttributesClassName`
    /// (only the claim strategy drops it, and the template validation skips it with the gate off), but the
    /// claim the StatefulSet controller makes from the template loses it; `rollingUpdate.maxUnavailable`
    /// (MaxUnavailableStatefulSet, alpha) is dropped. Claim templates warn about fractional storage on create
    /// and, under the Go field's name `Spec`, on every update; the status subresource warns about nothing.
    @Test func statefulSetTemplatesKeepTheClassTheirClaimsDoNot() {
        let sts = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              replicas: 1
              selector: {matchLabels: {app: db}}
              updateStrategy:
                type: RollingUpdate
                rollingUpdate: {maxUnavailable: 2}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - {name: c, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  volumeAttributesClassName: Bad_Name
                  resources: {requests: {storage: 1500m}}

            """
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: eph}
            spec:
              containers: [{name: c, image: nginx}]
              volumes:
              - name: scratch
                ephemeral:
                  volumeClaimTemplate:
                    spec:
                      accessModes: [ReadWriteOnce]
                      volumeAttributesClassName: Bad_Name
                      resources: {requests: {storage: 1Gi}}

            """
        let warning = "spec.volumeClaimTemplates[0]%@.resources.requests[storage]: fractional byte value \"1500m\" is invalid, must be an integer"
        for (verb, done) in Self.paths where !verb.contains("dry-run") {
            let s = TestStore()
            let created = s.run("\(verb) \(s.writeFile("s.yaml", sts))")
            #expect(created.stdout == "statefulset.apps/db \(done)\n", "\(verb): \(created)")
            #expect(created.stderr == "Warning: " + warning.replacingAll("%@", with: "") + "\n", "\(verb): \(created)")
            #expect(s.run("get sts db -o jsonpath={.spec.updateStrategy.rollingUpdate}").stdout == #"{"partition":0}"#, "\(verb)")
            #expect(s.run("get sts db -o jsonpath={.spec.volumeClaimTemplates[0].spec.volumeAttributesClassName}").stdout == "Bad_Name")
            #expect(s.run("get pvc data-db-0 -o jsonpath={.spec.volumeAttributesClassName}").stdout == "", "\(verb)")
            #expect(s.run("\(verb) \(s.writeFile("p.yaml", pod))").exitCode == 0, "\(verb)")
            #expect(s.run("get pod eph -o jsonpath={.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeAttributesClassName}").stdout == "Bad_Name")
            let labelled = s.run("label sts db tier=db")
            #expect(labelled.stderr == "Warning: " + warning.replacingAll("%@", with: ".Spec") + "\n", "\(verb): \(labelled)")
            let status = s.run(#"patch sts db --subresource=status --type=merge -p '{"status":{"replicas":1}}'"#)
            #expect(status.exitCode == 0 && status.stderr == "", "\(verb): \(status)")
        }
    }

    /// The website's FlowSchema examples: the flow control strategies set generation 1 on create and count
    /// spec changes only.
    @Test func flowControlObjectsCountTheirSpecGenerations() {
        let s = TestStore()
        let schema = """
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata:
              name: health-for-strangers
            spec:
              matchingPrecedence: 1000
              priorityLevelConfiguration: {name: exempt}
              rules:
              - nonResourceRules:
                - nonResourceURLs: [/healthz, /livez, /readyz]
                  verbs: ["*"]
                subjects:
                - kind: Group
                  group: {name: "system:unauthenticated"}

            """
        let level = "apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata:\n  name: low\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 5\n    limitResponse: {type: Reject}\n"
        #expect(s.run("apply -f \(s.writeFile("fs.yaml", schema))").exitCode == 0)
        #expect(s.run("apply -f \(s.writeFile("pl.yaml", level))").exitCode == 0)
        let gens = "get flowschema/health-for-strangers prioritylevelconfiguration/low -o jsonpath={.items[*].metadata.generation}"
        #expect(s.run(gens).stdout == "1 1")
        #expect(s.run("label flowschema health-for-strangers team=a").exitCode == 0)
        #expect(s.run("apply -f \(s.writeFile("fs.yaml", schema.replacingAll("1000", with: "2000")))").exitCode == 0)
        #expect(s.run("apply -f \(s.writeFile("pl.yaml", level.replacingAll("Shares: 5", with: "Shares: 7")))").exitCode == 0)
        #expect(s.run(gens).stdout == "2 2", "\(s.run(gens))")
    }
}
