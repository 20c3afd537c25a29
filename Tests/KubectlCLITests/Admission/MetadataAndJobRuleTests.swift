import KubeModel
import KubeTestSupport
import Testing

/// ObjectMeta finalizer rules, and the Job/CronJob spec rules, with v1.32's texts (apimachinery and
/// apis/batch validation); a refused object leaves no trace.
@Suite struct MetadataAndJobRuleTests {
    @Test func finalizerNamesOfBuiltInKinds() {
        let s = TestStore()
        let f = s.writeFile("f.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: f\n  finalizers: [keep, \"Bad_Name/x\", example.com/ok, kubernetes]\n")
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The ConfigMap "f" is invalid: \n\
            * metadata.finalizers: Invalid value: "Bad_Name/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            * metadata.finalizers[0]: Invalid value: "keep": name is neither a standard finalizer name nor is it fully qualified

            """, exitCode: 1))
        #expect(s.run("get configmap f -o name --ignore-not-found").stdout == "")
    }

    @Test func noNewFinalizersWhileDeletingAndNotBothGCFinalizers() {
        let s = TestStore()
        #expect(s.run("create configmap z").exitCode == 0)
        #expect(s.run(args: ["patch", "cm", "z", "-p", #"{"metadata":{"finalizers":["example.com/a"]}}"#]).exitCode == 0)
        #expect(s.run("delete cm z").exitCode == 0)
        #expect(s.run(args: ["patch", "cm", "z", "-p", #"{"metadata":{"finalizers":["example.com/a","example.com/c","example.com/b"]}}"#]).stderr
            == "The ConfigMap \"z\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"example.com/b\", \"example.com/c\"}\n")
        #expect(s.run("create configmap y").exitCode == 0)
        #expect(s.run(args: ["patch", "cm", "y", "--type=merge", "-p", #"{"metadata":{"finalizers":["orphan","foregroundDeletion"]}}"#]).stderr
            == "The ConfigMap \"y\" is invalid: metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set\n")
    }

    @Test func jobTemplateMustNotRestartAlways() {
        let s = TestStore()
        let f = s.writeFile("j.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: busybox}]\n")
        for verb in ["create", "apply"] {
            #expect(s.run("\(verb) -f \(f)") == CLIResult(stdout: "", stderr: """
                The Job "j" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"

                """, exitCode: 1))
        }
        // kubectl's generators set Never (job) and OnFailure (cronjob).
        #expect(s.run("create job ok --image=busybox").exitCode == 0)
        #expect(s.run(args: ["create", "cronjob", "ok", "--image=busybox", "--schedule=*/5 * * * *"]).exitCode == 0)
    }

    @Test func cronJobScheduleAndJobTemplate() {
        let s = TestStore()
        func cron(_ schedule: String, _ extra: String = "") -> CLIResult {
            let f = s.writeFile("c.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: cj
                spec:
                  schedule: "\(schedule)"\(extra)
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers: [{name: c, image: busybox}]

                """)
            return s.run("create -f \(f) --dry-run=server")
        }
        #expect(cron("61 * * * *").stderr == #"The CronJob "cj" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61"# + "\n")
        #expect(cron("* * * *").stderr == #"The CronJob "cj" is invalid: spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]"# + "\n")
        #expect(cron("0 0 * * 7").stderr == #"The CronJob "cj" is invalid: spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7"# + "\n")
        #expect(cron("x * * * *").stderr == #"The CronJob "cj" is invalid: spec.schedule: Invalid value: "x * * * *": failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax"# + "\n")
        #expect(cron("@fortnightly").stderr == #"The CronJob "cj" is invalid: spec.schedule: Invalid value: "@fortnightly": unrecognized descriptor: @fortnightly"# + "\n")
        #expect(cron("5-2 * * * *").stderr == #"The CronJob "cj" is invalid: spec.schedule: Invalid value: "5-2 * * * *": beginning of range (5) beyond end of range (2): 5-2"# + "\n")
        #expect(cron("TZ=UTC 0 * * * *").stderr == #"The CronJob "cj" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"# + "\n")
        #expect(cron("0 0 * * *", "\n  timeZone: Mars/Olympus").stderr == #"The CronJob "cj" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus"# + "\n")
        for good in ["*/5 1-3,22 * JAN-MAR MON-FRI", "@hourly", "@every 1h30m", "0 0 1 1 ?", "15 3 */2 * SUN"] {
            #expect(cron(good, "\n  timeZone: Europe/Berlin").exitCode == 0, "\(good)")
        }
    }
}

/// A Deployment's rolling-update bounds (apps validation v1.32).
@Suite struct DeploymentRollingUpdateRuleTests {
    func deployment(_ s: TestStore, _ strategy: String) -> CLIResult {
        let f = s.writeFile("d.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector: {matchLabels: {app: a}}
              strategy: {rollingUpdate: \(strategy)}
              template:
                metadata: {labels: {app: a}}
                spec: {containers: [{name: c, image: nginx}]}

            """)
        return s.run("apply -f \(f) --dry-run=server")
    }

    @Test func boundsAsTheAPIServerChecksThem() {
        let s = TestStore()
        #expect(deployment(s, "{maxSurge: 0, maxUnavailable: 0}").stderr
            == "The Deployment \"d\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0\n")
        #expect(deployment(s, "{maxSurge: 0%, maxUnavailable: 0%}").stderr
            == "The Deployment \"d\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0\n")
        #expect(deployment(s, "{maxUnavailable: 150%}").stderr
            == "The Deployment \"d\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%\n")
        // maxSurge may exceed 100%; one bound of 0 is fine.
        #expect(deployment(s, "{maxSurge: 200%, maxUnavailable: 0}").stdout == "deployment.apps/d created (server dry run)\n")
    }
}

/// Owner references need a version, kind, name and uid (apimachinery's validateOwnerReference).
@Suite struct OwnerReferenceRuleTests {
    @Test func emptyPartsAreRefused() {
        let s = TestStore()
        let f = s.writeFile("o.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: o
              ownerReferences:
              - {apiVersion: "", kind: ConfigMap, name: x, uid: ""}

            """)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The ConfigMap "o" is invalid: \n\
            * metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty
            * metadata.ownerReferences.uid: Invalid value: "": uid must not be empty

            """, exitCode: 1))
    }
}
