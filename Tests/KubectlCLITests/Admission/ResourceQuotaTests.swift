import KubeModel
import KubeTestSupport
import Testing

/// ResourceQuota admission and the quota controller: usage is counted on create and delete, a create
/// over the hard limit is Forbidden with the API server's text, and controllers record FailedCreate.
@Suite struct ResourceQuotaTests {
    static let cpuPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: NAME
        spec:
          containers:
          - name: c
            image: nginx
            resources:
              requests:
                cpu: 600m

        """

    @Test func countsAndRefusesOverTheLimit() {
        let s = TestStore()
        #expect(s.run("create quota q1 --hard=pods=2,requests.cpu=1").stdout == "resourcequota/q1 created\n")
        let a = s.writeFile("a.yaml", Self.cpuPod.replacingAll("NAME", with: "a"))
        let b = s.writeFile("b.yaml", Self.cpuPod.replacingAll("NAME", with: "b"))
        #expect(s.run("create -f \(a)").stdout == "pod/a created\n")
        #expect(s.run("get quota q1 -o jsonpath={.status.used}").stdout == #"{"pods":"1","requests.cpu":"600m"}"#)
        #expect(s.run("create -f \(b)") == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): error when creating "\(b)": pods "b" is forbidden: exceeded quota: q1, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1

            """, exitCode: 1))
        #expect(s.run("get pod b").exitCode == 1)
        _ = s.run("delete pod a")
        #expect(s.run("get quota q1 -o jsonpath={.status.used}").stdout == #"{"pods":"0","requests.cpu":"0"}"#)
        #expect(s.run("create -f \(b)").stdout == "pod/b created\n")
    }

    @Test func requiresRequestsForQuotedResources() {
        let s = TestStore()
        _ = s.run("create quota q1 --hard=requests.cpu=1")
        #expect(s.run("run a --image=nginx") == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): pods "a" is forbidden: failed quota: q1: must specify requests.cpu for: a

            """, exitCode: 1))
    }

    @Test func objectCounts() {
        let s = TestStore()
        _ = s.run("create quota objects --hard=count/configmaps=2")
        // kube-root-ca.crt already counts.
        #expect(s.run("get quota objects -o jsonpath={.status.used}").stdout == #"{"count/configmaps":"1"}"#)
        #expect(s.run("create cm one").stdout == "configmap/one created\n")
        #expect(s.run("create cm two").stderr == """
            error: failed to create configmap: configmaps "two" is forbidden: exceeded quota: objects, requested: count/configmaps=1, used: count/configmaps=2, limited: count/configmaps=2

            """)
    }

    @Test func controllerRecordsFailedCreate() {
        let s = TestStore()
        _ = s.run("create quota q1 --hard=pods=1")
        #expect(s.run("create deployment web --image=nginx --replicas=3").exitCode == 0)
        #expect(s.run("get pods -o name").stdout.split(separator: "\n").count == 1)
        let events = s.run("get events --field-selector reason=FailedCreate -o jsonpath={.items[*].message}").stdout
        #expect(events.hasPrefix("Error creating: pods \"web-"))
        #expect(events.contains("is forbidden: exceeded quota: q1, requested: pods=1, used: pods=1, limited: pods=1"))
    }

    /// A refused controller shows it (ReplicaFailure on the ReplicaSet and the Deployment, a DaemonSet's
    /// desired count) and tries again with back-off, so fixing the cause heals it without touching it.
    @Test func refusedControllersRetryUntilTheCauseIsFixed() {
        let s = TestStore()
        s.environment["KUBECTL_LOCAL_NOW"] = "2026-12-05T10:00:00Z"
        _ = s.run("create quota q1 --hard=cpu=1,memory=1Gi")
        #expect(s.run("create deployment web --image=nginx --replicas=2").exitCode == 0)
        let ds = s.writeFile("ds.yaml", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: a, image: busybox}]
            """)
        #expect(s.run("apply -f \(ds)").exitCode == 0)
        #expect(s.run("get pods -o name").stdout == "")
        #expect(s.run("get ds agent -o jsonpath={.status.desiredNumberScheduled}/{.status.currentNumberScheduled}").stdout == "1/0")
        #expect(s.run("get deploy web -o jsonpath={.status.conditions[2].type}/{.status.conditions[2].reason}").stdout
            == "ReplicaFailure/FailedCreate")
        #expect(s.run("get rs -o jsonpath={.items[0].status.conditions[0].message}").stdout
            .contains("is forbidden: failed quota: q1: must specify cpu for: nginx; memory for: nginx"))
        // A LimitRange gives the containers requests; the next retries succeed.
        let lr = s.writeFile("lr.yaml", "apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: Container\n    default: {cpu: 200m, memory: 128Mi}\n")
        #expect(s.run("create -f \(lr)").exitCode == 0)
        s.environment["KUBECTL_LOCAL_NOW"] = "2026-12-05T10:01:00Z"
        #expect(s.run("get pods -o name").stdout.split(separator: "\n").count == 3)
        #expect(s.run("get deploy web -o jsonpath={.status.readyReplicas}").stdout == "2")
        #expect(!s.run("get deploy web -o yaml").stdout.contains("ReplicaFailure"))
    }
}
