import KubeTestSupport
import Testing

/// A pod template's labels and annotations are validated where the API server validates them
/// (ValidatePodTemplateSpec, field paths `<template>.labels` and `<template>.annotations`, without
/// `metadata`), for every kind that has a template. Before, a Deployment with a bad template label was
/// stored and its controller's ReplicaSet create failed inside the command, printing the ReplicaSet's
/// refusal; a template grown past 256 KiB of annotations by `rollout restart` was stored and its pods
/// were refused instead.
@Suite struct TemplateMetadataValidationTests {
    static let nameRule = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

    /// A workload whose `spec.template` has the given labels and annotations (a selector where the kind has one).
    static func workload(_ kind: String, _ apiVersion: String, labels: String, annotations: String = "{}") -> String {
        """
        apiVersion: \(apiVersion)
        kind: \(kind)
        metadata: {name: w}
        spec:
        \(kind == "Job" ? "" : "  selector: {matchLabels: {app: w}}\n")  template:
            metadata:
              labels: \(labels)
              annotations: \(annotations)
            spec:
              restartPolicy: \(kind == "Job" ? "Never" : "Always")
              containers: [{name: c, image: nginx}]

        """
    }

    @Test func deploymentTemplateLabelAndAnnotationKeys() {
        let s = TestStore()
        let doc = Self.workload("Deployment", "apps/v1",
                                labels: "{app: w, \"a b\": x}", annotations: "{\"c d\": vv}")
        let r = s.run("create -f -", stdin: doc)
        #expect(r == CLIResult(stdout: "", stderr: """
            The Deployment "w" is invalid: \n\
            * spec.template.labels: Invalid value: "a b": \(Self.nameRule)
            * spec.template.annotations: Invalid value: "c d": \(Self.nameRule)

            """, exitCode: 1))
        #expect(s.run("get deploy,rs,pods -o name").stdout == "")
    }

    @Test func labelValueInStatefulSetAndDaemonSet() {
        for (kind, group) in [("StatefulSet", "apps/v1"), ("DaemonSet", "apps/v1"), ("ReplicaSet", "apps/v1")] {
            let s = TestStore()
            let r = s.run("create -f -", stdin: Self.workload(kind, group, labels: "{app: w, tier: -x}"))
            #expect(r.stderr == "The \(kind) \"w\" is invalid: spec.template.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n", "\(kind)")
            #expect(r.exitCode == 1)
            #expect(s.run("get pods -o name").stdout == "", "\(kind)")
        }
    }

    @Test func jobCronJobAndPodTemplatePaths() {
        let s = TestStore()
        let job = s.run("create -f -", stdin: Self.workload("Job", "batch/v1", labels: "{\"-j\": x}"))
        // SetDefaults_Job gives a Job without labels its template's label map: the Job's labels fail first.
        #expect(job.stderr == "The Job \"w\" is invalid: \n* metadata.labels: Invalid value: \"-j\": \(Self.nameRule)\n"
            + "* spec.template.labels: Invalid value: \"-j\": \(Self.nameRule)\n")
        let cron = s.run("create -f -", stdin: """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: w}
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    metadata:
                      labels: {"-c": x}
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]
            """)
        #expect(cron.stderr == "The CronJob \"w\" is invalid: spec.jobTemplate.spec.template.labels: Invalid value: \"-c\": \(Self.nameRule)\n")
        let template = s.run("create -f -", stdin: """
            apiVersion: v1
            kind: PodTemplate
            metadata: {name: w}
            template:
              metadata:
                annotations: {"-t": x}
              spec:
                containers: [{name: c, image: busybox}]
            """)
        #expect(template.stderr == "The PodTemplate \"w\" is invalid: template.annotations: Invalid value: \"-t\": \(Self.nameRule)\n")
        #expect(s.run("get jobs,cronjobs,podtemplates,pods -o name").stdout == "")
    }

    @Test func annotationsOverTheLimitOnUpdate() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let value = String(repeating: "x", count: 262_144)
        let patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"k\":\"\(value)\"}}}}}"
        let before = s.run("get deploy web -o yaml").stdout
        let r = s.run(args: ["patch", "deploy", "web", "-p", patch])
        #expect(r.stderr == "The Deployment \"web\" is invalid: spec.template.annotations: Too long: must have at most 262144 bytes\n")
        #expect(r.exitCode == 1)
        #expect(s.run("get deploy web -o yaml").stdout == before)
    }
}
