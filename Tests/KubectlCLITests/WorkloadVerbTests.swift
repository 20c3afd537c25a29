import KubeModel
import KubeTestSupport
import Testing

let deploymentManifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels:
        app: web
    spec:
      replicas: 2
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            ports:
            - containerPort: 80

    """

/// Reads one stored object through `get -o json`.
func stored(_ s: TestStore, _ what: String) -> JSONValue {
    (try? JSON.parse(s.run("get \(what) -o json").stdout)) ?? .null
}

func withDeployment() -> TestStore {
    let s = TestStore()
    s.run("create -f \(s.writeFile("d.yaml", deploymentManifest))")
    return s
}

/// What the workload verbs print and write to the store. Status-dependent results (pods, rollout
/// status of a settled deployment) belong to the controllers and are not asserted here.
@Suite struct WorkloadVerbTests {
    // MARK: run

    @Test func runCreatesPod() {
        let s = TestStore()
        #expect(s.run("run nginx --image=nginx:1.27 --port=80 --env=A=1 --labels=app=web,tier=fe")
            == CLIResult(stdout: "pod/nginx created\n", stderr: "", exitCode: 0))
        let pod = stored(s, "pod nginx")
        #expect(pod["metadata"]["labels"] == ["app": "web", "tier": "fe"])
        #expect(pod["spec"]["containers"][0]["image"] == "nginx:1.27")
        #expect(pod["spec"]["containers"][0]["ports"][0]["containerPort"] == 80)
        #expect(pod["spec"]["containers"][0]["env"][0] == ["name": "A", "value": "1"])
        #expect(pod["spec"]["restartPolicy"] == "Always")
        #expect(s.run("run nginx --image=nginx").stderr == "Error from server (AlreadyExists): pods \"nginx\" already exists\n")
    }

    @Test func runCommandRestartAndExpose() {
        let s = TestStore()
        #expect(s.run("run job1 --image=busybox --restart=Never --command -- sh -c 'echo hi'").stdout == "pod/job1 created\n")
        let pod = stored(s, "pod job1")
        #expect(pod["spec"]["containers"][0]["command"] == ["sh", "-c", "echo hi"])
        #expect(pod["spec"]["restartPolicy"] == "Never")
        #expect(s.run("run web --image=nginx --port=8080 --expose").stdout == "service/web created\npod/web created\n")
        let svc = stored(s, "service web")
        #expect(svc["spec"]["selector"] == ["run": "web"])
        #expect(svc["spec"]["ports"][0]["port"] == 8080)
        #expect(svc["spec"]["ports"][0]["targetPort"] == 8080)
    }

    @Test func runDryRunWritesNothing() {
        let s = TestStore()
        #expect(s.run("run x --image=nginx --dry-run=client").stdout == "pod/x created (dry run)\n")
        #expect(s.run("run x --image=nginx --dry-run=server").stdout == "pod/x created (server dry run)\n")
        #expect(s.run("get pod x").exitCode == 1)
    }

    @Test func runAttachFailsClearly() {
        let s = TestStore()
        let r = s.run("run -i x --image=busybox")
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("no container runtime"))
        #expect(s.run("get pod x").exitCode == 1)
    }

    // MARK: scale

    @Test func scaleWritesReplicas() {
        let s = withDeployment()
        #expect(s.run("scale deploy/web --replicas=5") == CLIResult(stdout: "deployment.apps/web scaled\n", stderr: "", exitCode: 0))
        #expect(stored(s, "deploy web")["spec"]["replicas"] == 5)
        #expect(s.run("scale deployment web --replicas=5").stdout == "deployment.apps/web scaled\n")
        #expect(s.run("scale deploy web --replicas=1 --current-replicas=3")
            == CLIResult(stdout: "", stderr: "error: Expected replicas to be 3, was 5\n", exitCode: 1))
        #expect(stored(s, "deploy web")["spec"]["replicas"] == 5)
        // Several objects: --current-replicas is checked for each (v1.32 refuses only --resource-version).
        #expect(s.run("create deployment api --image=nginx --replicas=5").exitCode == 0)
        #expect(s.run("scale deploy web api --replicas=2 --current-replicas=5").stdout
            == "deployment.apps/web scaled\ndeployment.apps/api scaled\n")
        #expect(s.run("scale deploy web api --replicas=3 --resource-version=1").stderr
            == "error: cannot use --resource-version with multiple resources\n")
        #expect(s.run("scale deploy web --replicas=5").exitCode == 0)
        #expect(s.run("scale deploy nope --replicas=1").stderr == "error: no objects passed to scale deployments.apps \"nope\" not found\n")
        #expect(s.run("scale deploy web --replicas=0 --dry-run=client").stdout == "deployment.apps/web scaled (dry run)\n")
        #expect(stored(s, "deploy web")["spec"]["replicas"] == 5)
    }

    @Test func scaleSeveralBySelector() {
        let s = withDeployment()
        let other = deploymentManifest.replacingAll("name: web\n  labels", with: "name: api\n  labels")
        s.run("create -f \(s.writeFile("api.yaml", other))")
        #expect(s.run("scale deploy -l app=web --replicas=3").stdout == "deployment.apps/api scaled\ndeployment.apps/web scaled\n")
        #expect(s.run("scale deploy --all --replicas=4").stdout == "deployment.apps/api scaled\ndeployment.apps/web scaled\n")
        #expect(stored(s, "deploy api")["spec"]["replicas"] == 4)
        #expect(s.run("scale deploy/web deploy/api --replicas=2").stdout == "deployment.apps/web scaled\ndeployment.apps/api scaled\n")
    }

    // MARK: autoscale / expose

    @Test func autoscaleCreatesHPA() {
        let s = withDeployment()
        #expect(s.run("autoscale deploy web --min=2 --max=5 --cpu-percent=80").stdout
            == "horizontalpodautoscaler.autoscaling/web autoscaled\n")
        let hpa = stored(s, "hpa web")
        #expect(hpa["apiVersion"] == "autoscaling/v2")
        #expect(hpa["spec"]["scaleTargetRef"] == ["kind": "Deployment", "name": "web", "apiVersion": "apps/v1"])
        #expect(hpa["spec"]["minReplicas"] == 2)
        #expect(hpa["spec"]["maxReplicas"] == 5)
        #expect(hpa["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"] == 80)
        // kubectl v1.32 says `created` for a client dry run (oracle: Golden/workloadverbs/wv-autoscale-18).
        #expect(s.run("autoscale deploy web --max=3 --name=web2 --dry-run=client").stdout
            == "horizontalpodautoscaler.autoscaling/web2 created (dry run)\n")
        #expect(s.run("get hpa web2").exitCode == 1)
    }

    @Test func exposeDeployment() {
        let s = withDeployment()
        #expect(s.run("expose deployment web --port=8080 --target-port=80 --type=NodePort").stdout == "service/web exposed\n")
        let svc = stored(s, "svc web")
        #expect(svc["spec"]["selector"] == ["app": "web"])
        #expect(svc["spec"]["ports"][0]["port"] == 8080)
        #expect(svc["spec"]["ports"][0]["targetPort"] == 80)
        #expect(svc["spec"]["type"] == "NodePort")
        #expect(svc["metadata"]["labels"] == ["app": "web"])
        // The port comes from the container when --port is not given.
        #expect(s.run("expose deploy web --name=web2").stdout == "service/web2 exposed\n")
        #expect(stored(s, "svc web2")["spec"]["ports"][0]["port"] == 80)
        #expect(s.run("expose deploy web").stderr == "Error from server (AlreadyExists): services \"web\" already exists\n")
    }

    @Test func exposeErrors() {
        let s = TestStore()
        s.run("run bare --image=nginx")
        #expect(s.run("expose pod bare").stderr == "error: couldn't find port via --port flag or introspection\n")
        s.run("create -f \(s.writeFile("job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n"))")
        #expect(s.run("expose job j --port=80").stderr == "error: cannot expose a Job.batch\n")
        let yaml = s.run("expose pod bare --port=80 --dry-run=client -o yaml").stdout
        #expect(yaml.contains("  selector:\n    run: bare\n"))
        #expect(s.run("get svc bare").exitCode == 1)
    }

    // MARK: set on stored objects

    @Test func setImageOnStore() {
        let s = withDeployment()
        #expect(s.run("set image deploy/web nginx=nginx:1.28") == CLIResult(stdout: "deployment.apps/web image updated\n", stderr: "", exitCode: 0))
        #expect(stored(s, "deploy web")["spec"]["template"]["spec"]["containers"][0]["image"] == "nginx:1.28")
        #expect(stored(s, "deploy web")["metadata"]["generation"] == 2)
        // Unchanged: nothing printed.
        #expect(s.run("set image deploy/web nginx=nginx:1.28") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("set image deploy/web '*=nginx:1.29' --dry-run=client").stdout == "deployment.apps/web image updated (dry run)\n")
        #expect(stored(s, "deploy web")["spec"]["template"]["spec"]["containers"][0]["image"] == "nginx:1.28")
        #expect(s.run("set image deploy/web nope=x").stderr == "error: unable to find container named \"nope\"\n")
        #expect(s.run("set image deploy/nope a=b").stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    }

    @Test func setEnvResourcesServiceAccountOnStore() {
        let s = withDeployment()
        s.run("create -f \(s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {db.host: x, port: \"5432\"}\n"))")
        #expect(s.run("set env deploy/web A=1 B=2").stdout == "deployment.apps/web env updated\n")
        #expect(s.run("set env deploy/web A-").stdout == "deployment.apps/web env updated\n")
        #expect(s.run("set env deploy/web --list").stdout == "# Deployment web, container nginx\nB=2\n")
        #expect(s.run("set env deploy/web --from=configmap/cfg --prefix=APP_").stdout == "deployment.apps/web env updated\n")
        let env = stored(s, "deploy web")["spec"]["template"]["spec"]["containers"][0]["env"]
        #expect(env[1] == ["name": "APP_DB_HOST", "valueFrom": ["configMapKeyRef": ["name": "cfg", "key": "db.host"]]])
        #expect(s.run("set env deploy/web --list").stdout
            == "# Deployment web, container nginx\nB=2\n# APP_DB_HOST from configmap cfg, key db.host\n# APP_PORT from configmap cfg, key port\n")
        #expect(s.run("set resources deploy/web --limits=cpu=200m,memory=512Mi --requests=cpu=0.1").stdout
            == "deployment.apps/web resource requirements updated\n")
        let res = stored(s, "deploy web")["spec"]["template"]["spec"]["containers"][0]["resources"]
        #expect(res == ["limits": ["cpu": "200m", "memory": "512Mi"], "requests": ["cpu": "100m"]])
        #expect(s.run("set serviceaccount deploy web robot").stdout == "deployment.apps/web serviceaccount updated\n")
        #expect(stored(s, "deploy web")["spec"]["template"]["spec"]["serviceAccountName"] == "robot")
        s.run("expose deploy web")
        #expect(s.run("set selector svc web app=other").stdout == "service/web selector updated\n")
        #expect(stored(s, "svc web")["spec"]["selector"] == ["app": "other"])
    }

    // MARK: rollout

    @Test func rolloutPauseResumeRestart() {
        let s = withDeployment()
        #expect(s.run("rollout pause deploy/web").stdout == "deployment.apps/web paused\n")
        #expect(stored(s, "deploy web")["spec"]["paused"] == true)
        // v1.32 reports a no-op pause or resume as an error (oracle: Golden/workloadverbs/wv-rollout-pause-02, -resume-02, -restart-02).
        #expect(s.run("rollout pause deploy/web")
            == CLIResult(stdout: "", stderr: "error: deployments.apps \"web\" is already paused\n", exitCode: 1))
        #expect(s.run("rollout restart deploy/web")
            == CLIResult(stdout: "", stderr: "error: deployments.apps \"web\" can't restart paused deployment (run rollout resume first)\n", exitCode: 1))
        // kubectl looks for the previous revision before it checks for a pause (oracle: Golden/workloadverbs/wv-rollout-undo-09).
        #expect(s.run("rollout undo deploy/web").stderr == "error: no rollout history found for deployment \"web\"\n")
        #expect(s.run("rollout resume deploy/web").stdout == "deployment.apps/web resumed\n")
        #expect(s.run("rollout resume deploy/web")
            == CLIResult(stdout: "", stderr: "error: deployments.apps \"web\" is not paused\n", exitCode: 1))
        #expect(s.run("rollout restart deploy/web").stdout == "deployment.apps/web restarted\n")
        #expect(stored(s, "deploy web")["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"]
            == "2026-11-23T12:00:00Z")
    }

    @Test func rolloutErrors() {
        let s = withDeployment()
        s.run("run p --image=nginx")
        #expect(s.run("rollout history pod/p").stderr == "error: no history viewer has been implemented for \"Pod\"\n")
        #expect(s.run("rollout history deploy/nope").stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
        // Whatever the controllers did, the header line comes first.
        let h = s.run("rollout history deploy/web")
        #expect(h.stdout.hasPrefix("deployment.apps/web \n"))
    }

    /// History and undo read the ReplicaSets the deployment controller makes: each template change is
    /// a revision, the change-cause annotation travels to the current ReplicaSet, and undo renumbers
    /// the revision it brings back.
    @Test func rolloutHistoryAndUndo() {
        let s = withDeployment()
        #expect(s.run("annotate deploy web kubernetes.io/change-cause=first").exitCode == 0)
        #expect(s.run("set image deployment/web nginx=nginx:1.28").stdout == "deployment.apps/web image updated\n")
        #expect(s.run("annotate deploy web kubernetes.io/change-cause=second --overwrite").exitCode == 0)
        #expect(s.run("rollout history deployment/web").stdout == """
            deployment.apps/web \nREVISION  CHANGE-CAUSE
            1         first
            2         second


            """)
        let rev1 = s.run("rollout history deployment/web --revision=1").stdout
        #expect(rev1.hasPrefix("deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash="))
        #expect(rev1.contains("  Annotations:\tkubernetes.io/change-cause: first\n"))
        #expect(rev1.contains("    Image:\tnginx:1.27\n"))
        #expect(s.run("rollout history deployment/web --revision=7").stderr == "error: unable to find the specified revision\n")
        #expect(s.run("rollout undo deployment/web --to-revision=7").stderr == "error: unable to find specified revision 7 in history\n")
        #expect(s.run("rollout undo deployment/web --to-revision=2").stdout
            == "deployment.apps/web skipped rollback (current template already matches revision 2)\n")
        #expect(s.run("rollout undo deployment/web").stdout == "deployment.apps/web rolled back\n")
        let d = stored(s, "deploy web")
        #expect(d["spec"]["template"]["spec"]["containers"][0]["image"] == "nginx:1.27")
        #expect(d["spec"]["template"]["metadata"]["labels"] == ["app": "web"])
        #expect(d["metadata"]["annotations"]["kubernetes.io/change-cause"] == "first")
        #expect(d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "3")
        #expect(s.run("rollout history deployment/web").stdout == """
            deployment.apps/web \nREVISION  CHANGE-CAUSE
            2         second
            3         first


            """)
        #expect(s.run("rollout status deployment/web").stdout == "deployment \"web\" successfully rolled out\n")
    }

    // MARK: nodes

    @Test func cordonTaintDrain() {
        let s = TestStore()
        #expect(s.run("cordon node-1").stdout == "node/node-1 cordoned\n")
        #expect(stored(s, "node node-1")["spec"]["unschedulable"] == true)
        #expect(s.run("cordon node-1").stdout == "node/node-1 already cordoned\n")
        #expect(s.run("uncordon node-1").stdout == "node/node-1 uncordoned\n")
        #expect(stored(s, "node node-1")["spec"]["unschedulable"].isNull)
        #expect(s.run("cordon nope").stderr == "Error from server (NotFound): nodes \"nope\" not found\n")

        #expect(s.run("taint node node-1 dedicated=gpu:NoSchedule").stdout == "node/node-1 tainted\n")
        #expect(stored(s, "node node-1")["spec"]["taints"] == [["key": "dedicated", "value": "gpu", "effect": "NoSchedule"]])
        #expect(s.run("taint node node-1 dedicated=cpu:NoSchedule").stderr
            == "error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n")
        #expect(s.run("taint node node-1 dedicated=cpu:NoSchedule --overwrite").stdout == "node/node-1 modified\n")
        #expect(s.run("taint node node-1 dedicated:NoSchedule-").stdout == "node/node-1 untainted\n")
        #expect(stored(s, "node node-1")["spec"]["taints"].isNull)
        #expect(s.run("taint node node-1 dedicated-").stderr == "error: taint \"dedicated\" not found\n")
    }

    @Test func drainRefusesUnmanagedPodsWithoutForce() {
        let s = TestStore()
        // A pod without controller, already on the node (as the scheduler would have placed it).
        s.run("create -f \(s.writeFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: lonely}\nspec:\n  nodeName: node-1\n  containers: [{name: c, image: nginx}]\n"))")
        let r = s.run("drain node-1 --ignore-daemonsets")
        #expect(r.stdout == "node/node-1 cordoned\n")
        #expect(r.stderr == """
            error: unable to drain node "node-1" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/lonely, continuing command...
            There are pending nodes to be drained:
             node-1
            cannot delete cannot delete Pods that declare no controller (use --force to override): default/lonely

            """)
        #expect(r.exitCode == 1)
        let forced = s.run("drain node-1 --force --ignore-daemonsets")
        // kube-system's CoreDNS pods are evicted too (as on a one-node kind cluster); kube-proxy stays.
        #expect(forced.stdout.hasPrefix("node/node-1 already cordoned\nevicting pod default/lonely\npod/lonely evicted\n"))
        #expect(forced.stdout.hasSuffix("node/node-1 drained\n") && forced.stdout.contains("evicting pod kube-system/coredns-"))
        #expect(forced.stderr.hasPrefix("Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-"))
        #expect(forced.stderr.hasSuffix("; deleting Pods that declare no controller: default/lonely\n"))
        #expect(s.run("get pod lonely").exitCode == 1)
    }

    // MARK: wait / top

    @Test func waitAnswersFromStoredState() {
        let s = withDeployment()
        #expect(s.run("wait deploy/web --for=jsonpath={.spec.replicas}=2").stdout == "deployment.apps/web condition met\n")
        #expect(s.run("wait deploy/web --for=jsonpath={.spec.replicas}=3 --timeout=1s")
            == CLIResult(stdout: "", stderr: "error: timed out waiting for the condition on deployments/web\n", exitCode: 1))
        #expect(s.run("wait deploy/web --for=condition=Nonexistent --timeout=1s").stderr
            == "error: timed out waiting for the condition on deployments/web\n")
        #expect(s.run("wait pod/gone --for=delete").exitCode == 0)
        #expect(s.run("wait deploy/web --for=delete --timeout=1s").stderr
            == "error: timed out waiting for the condition on deployments/web\n")
    }

    @Test func topHasKubectlColumns() {
        let s = TestStore()
        let nodes = s.run("top nodes").stdout
        // kubectl ends every cell with a tab, so the last column is padded too (Golden/top/ shows it).
        #expect(nodes.hasPrefix("NAME     CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nnode-1   "))
        let pods = s.run("top pods")
        // Without running pods there is nothing to report.
        #expect(pods.stdout.isEmpty || pods.stdout.hasPrefix("NAME"))
    }
}
