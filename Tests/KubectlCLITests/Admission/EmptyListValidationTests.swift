import KubeModel
import KubeTestSupport
import Testing

/// An empty list or map is not a missing one to the API server: decoding `policies: []` gives a Go slice
/// that is empty but not nil, defaulting leaves it (a missing list is defaulted) and validation refuses
/// it; only encoding the stored object leaves it out (`omitempty`). So the empty lists reach defaulting
/// and validation as sent, on every write path, and are gone from what is stored, served and owned
/// (managed fields). Refusals as kubectl v1.32 prints them are in Golden/emptylists (see its README).
@Suite struct EmptyListValidationTests {
    static let dir = besideTest("../Golden/emptylists")

    static func golden(_ name: String) -> String { readTextFile(dir + "/" + name) ?? "<missing \(name)>" }

    static let hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: h2}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
          behavior:
            scaleDown: {policies: null, stabilizationWindowSeconds: null}
            scaleUp: {selectPolicy: null}

        """

    @Test func emptyPoliciesAreRefusedAsKubectlPrintsIt() throws {
        let s = TestStore()
        let f = s.writeFile("hpa-empty-policies.yaml", Self.golden("hpa-empty-policies.yaml"))
        for verb in ["create", "apply"] {
            for validate in ["--validate=false", "--validate=strict"] {
                let r = s.run(args: [verb, validate, "-f", f])
                #expect(r.stdout == Self.golden("\(verb).stdout"), "\(verb) \(validate)")
                #expect(r.stderr == Self.golden("\(verb).stderr"), "\(verb) \(validate)")
                #expect("\(r.exitCode)\n" == Self.golden("\(verb).exit"), "\(verb) \(validate)")
            }
        }
        #expect(s.run("create --dry-run=server -f \(f)").exitCode == 1)
        #expect(s.run("apply --server-side -f \(f)").stderr.contains("spec.behavior.scaleDown.policies: Required value: must specify at least one Policy"))
        // No trace of the refused writes.
        #expect(s.run("get hpa -o name").stdout == "")
    }

    @Test func missingOrNullPoliciesAreDefaultedAndNullsNotStored() throws {
        let s = TestStore()
        #expect(s.run(args: ["create", "-f", "-"], stdin: Self.hpa).exitCode == 0)
        // scaleDown's window has no default: its null is left out (the rules' fields are pointers and a slice).
        #expect(s.run("get hpa h2 -o jsonpath={.spec.behavior}").stdout
                == #"{"scaleDown":{"policies":[{"periodSeconds":15,"type":"Percent","value":100}],"selectPolicy":"Max"},"#
                + #""scaleUp":{"policies":[{"periodSeconds":15,"type":"Pods","value":4},{"periodSeconds":15,"type":"Percent","value":100}],"#
                + #""selectPolicy":"Max","stabilizationWindowSeconds":0}}"#)
        let before = s.run("get hpa h2 -o json").stdout
        // A patch that empties a list that has a default is refused, and changes nothing.
        let r = s.run(args: ["patch", "hpa", "h2", "--type=merge", "-p", #"{"spec":{"behavior":{"scaleUp":{"policies":[]}}}}"#])
        #expect(r.stdout == Self.golden("patch.stdout"))
        #expect(r.stderr == Self.golden("patch.stderr"))
        #expect("\(r.exitCode)\n" == Self.golden("patch.exit"))
        let json = s.run(args: ["patch", "hpa", "h2", "--type=json", "-p", #"[{"op":"replace","path":"/spec/behavior/scaleDown/policies","value":[]}]"#])
        #expect(json.exitCode == 1)
        #expect(json.stderr.contains("spec.behavior.scaleDown.policies: Required value: must specify at least one Policy"))
        #expect(s.run("get hpa h2 -o json").stdout == before)
        // A null in a patch removes the list: the default comes back.
        #expect(s.run(args: ["patch", "hpa", "h2", "--type=merge", "-p", #"{"spec":{"behavior":{"scaleUp":{"policies":null}}}}"#]).exitCode == 0)
        #expect(s.run("get hpa h2 -o jsonpath={.spec.behavior.scaleUp.policies[*].type}").stdout == "Pods Percent")
    }

    /// Defaulting that tests a list's length treats `[]` as missing; what it leaves empty is not stored.
    @Test func emptyListsReachDefaultingAndLeaveTheStore() throws {
        let s = TestStore()
        let r = s.run(args: ["create", "-f", "-"], stdin: """
            apiVersion: v1
            kind: Namespace
            metadata: {name: n1}
            spec: {finalizers: []}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: s1}
            spec: {ports: [{port: 80}], ipFamilies: [], clusterIPs: [], externalIPs: [], selector: {}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: np}
            spec: {podSelector: {}, policyTypes: [], ingress: []}

            """)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(s.run("get ns n1 -o jsonpath={.spec}").stdout == #"{"finalizers":["kubernetes"]}"#)
        #expect(s.run("get svc s1 -o jsonpath={.spec.clusterIPs}{.spec.ipFamilies}{.spec.externalIPs}{.spec.selector}").stdout
                == #"["10.96.0.2"]["IPv4"]"#)
        #expect(s.run("get netpol np -o jsonpath={.spec}").stdout == #"{"podSelector":{},"policyTypes":["Ingress"]}"#)
    }

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: NAME, labels: {}, annotations: {}}
        spec:
          selector: {matchLabels: {app: d}, matchExpressions: []}
          template:
            metadata: {labels: {app: d}}
            spec:
              volumes: []
              nodeSelector: {}
              tolerations: []
              containers: [{name: c, image: nginx, env: [], args: [], ports: []}]

        """

    /// The stored object, the served one (`--dry-run=server`) and the managed fields are the same as for the
    /// manifest without the empty lists and maps.
    @Test func storedServedAndOwnedAsWithoutThem() throws {
        let s = TestStore()
        var bare = Self.deployment.replacing("NAME", with: "bare")
        for cut in [", labels: {}, annotations: {}", ", matchExpressions: []", "      volumes: []\n", "      nodeSelector: {}\n",
                    "      tolerations: []\n", ", env: [], args: [], ports: []"] {
            bare = bare.replacing(cut, with: "")
        }
        #expect(!bare.contains("[]") && !bare.contains(": {}\n"))
        #expect(s.run(args: ["apply", "-f", "-"], stdin: bare).exitCode == 0)
        #expect(s.run(args: ["apply", "-f", "-"], stdin: Self.deployment.replacing("NAME", with: "empty")).exitCode == 0)
        func shape(_ name: String, _ extra: String = "") -> String {
            s.run("get deploy \(name) -o jsonpath={.spec}{.metadata.managedFields[*].fieldsV1}\(extra)").stdout
        }
        #expect(shape("empty") == shape("bare"))
        #expect(!shape("empty").contains("f:volumes") && !shape("empty").contains("f:env"))
        let served = s.run(args: ["create", "--dry-run=server", "-o", "json", "-f", "-"],
                           stdin: Self.deployment.replacing("NAME", with: "dry"))
        #expect(served.exitCode == 0)
        #expect(!served.stdout.contains("[]") && !served.stdout.contains("\"volumes\"") && !served.stdout.contains("\"nodeSelector\""))
        #expect(s.run("get deploy dry").exitCode == 1)
    }

    /// The update rules compare as apiequality.Semantic.DeepEqual does: an empty list equals a missing one,
    /// so re-applying a manifest that writes them changes no immutable field.
    @Test func updateRulesTakeEmptyListsForMissing() throws {
        let s = TestStore()
        let manifest = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: nginx, env: [], args: []}]
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  nodeSelector: {}
                  containers: [{name: c, image: busybox, args: []}]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              selector: {matchLabels: {app: db}, matchExpressions: []}
              volumeClaimTemplates: []
              template:
                metadata: {labels: {app: db}}
                spec: {containers: [{name: c, image: nginx}]}

            """
        #expect(s.run(args: ["apply", "-f", "-"], stdin: manifest).exitCode == 0)
        let rv = s.run("get pod p -o jsonpath={.metadata.resourceVersion}").stdout
        let again = s.run(args: ["apply", "-f", "-"], stdin: manifest)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("Forbidden") && !again.stderr.contains("immutable"))
        // Nothing the pod's update wrote changed it.
        #expect(s.run("get pod p -o jsonpath={.metadata.resourceVersion}").stdout == rv)
        #expect(s.run("get pod p -o jsonpath={.spec.containers[0]}").stdout.contains("\"env\"") == false)
    }
}
