import KubeModel
import KubeTestSupport
import Testing

/// Mutating admission plugins beyond defaults: Priority (PriorityClass lookup), the storage
/// protection finalizers, and the Job's immutable pod template.
@Suite struct AdmissionPluginTests {
    static func pod(_ name: String, priorityClass: String? = nil, extra: String = "") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
        \(priorityClass.map { "  priorityClassName: \($0)\n" } ?? "")\(extra)  containers:
          - name: c
            image: nginx

        """
    }

    @Test func priorityFromTheClass() {
        let s = TestStore()
        #expect(s.run("create priorityclass high --value=1000 --preemption-policy=Never").exitCode == 0)
        let f = s.writeFile("p.yaml", Self.pod("p", priorityClass: "high"))
        #expect(s.run("apply -f \(f)").stdout == "pod/p created\n")
        #expect(s.run("get pod p -o jsonpath={.spec.priority}/{.spec.preemptionPolicy}").stdout == "1000/Never")
        let plain = s.writeFile("q.yaml", Self.pod("q"))
        #expect(s.run("create -f \(plain)").exitCode == 0)
        #expect(s.run("get pod q -o jsonpath={.spec.priority}/{.spec.preemptionPolicy}/{.spec.priorityClassName}").stdout
            == "0/PreemptLowerPriority/")
        // The built-in classes resolve too.
        let critical = s.writeFile("c.yaml", Self.pod("c", priorityClass: "system-cluster-critical"))
        #expect(s.run("create -f \(critical)").exitCode == 0)
        #expect(s.run("get pod c -o jsonpath={.spec.priority}").stdout == "2000000000")
    }

    @Test func missingClassIsForbidden() {
        let s = TestStore()
        let f = s.writeFile("p.yaml", Self.pod("p", priorityClass: "nope"))
        for verb in ["create", "apply"] {
            #expect(s.run("\(verb) -f \(f)") == CLIResult(stdout: "", stderr: """
                Error from server (Forbidden): error when creating "\(f)": pods "p" is forbidden: no PriorityClass with name nope was found

                """, exitCode: 1))
        }
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
        // A controller's pod is refused the same way and the owner records it.
        _ = s.run("create deployment web --image=nginx")
        _ = s.run(args: ["patch", "deploy", "web", "-p", #"{"spec":{"template":{"spec":{"priorityClassName":"nope"}}}}"#])
        let events = s.run("get events --field-selector reason=FailedCreate -o jsonpath={.items[*].message}").stdout
        #expect(events.contains("is forbidden: no PriorityClass with name nope was found"))
    }

    @Test func givenPriorityMustAgree() {
        let s = TestStore()
        let f = s.writeFile("p.yaml", Self.pod("p", extra: "  priority: 7\n"))
        #expect(s.run("create -f \(f)").stderr == """
            Error from server (Forbidden): error when creating "\(f)": pods "p" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name

            """)
    }

    @Test func globalDefaultClass() {
        let s = TestStore()
        #expect(s.run("create priorityclass normal --value=50 --global-default").exitCode == 0)
        #expect(s.run("create priorityclass other --value=60 --global-default") == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is marked as default. Only one default can exist

            """, exitCode: 1))
        _ = s.run("run p --image=nginx")
        #expect(s.run("get pod p -o jsonpath={.spec.priorityClassName}/{.spec.priority}").stdout == "normal/50")
        // An update keeps the priority the pod was admitted with.
        _ = s.run("label pod p x=y")
        #expect(s.run("get pod p -o jsonpath={.spec.priority}").stdout == "50")
    }

    @Test func storageProtectionFinalizers() {
        let s = TestStore()
        let f = s.writeFile("pvc.yaml", """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              accessModes: ["ReadWriteOnce"]
              storageClassName: ""
              resources:
                requests:
                  storage: 1Gi
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: vol
            spec:
              capacity:
                storage: 5Gi
              accessModes: ["ReadWriteOnce"]
              hostPath:
                path: /tmp/vol

            """)
        #expect(s.run("apply -f \(f)").exitCode == 0)
        #expect(s.run("get pvc data -o jsonpath={.metadata.finalizers}").stdout == #"["kubernetes.io/pvc-protection"]"#)
        #expect(s.run("get pv vol -o jsonpath={.metadata.finalizers}").stdout == #"["kubernetes.io/pv-protection"]"#)
        // A claim created by a StatefulSet gets it as well.
        _ = s.run("create -f \(RealWorldManifestTests.dir)batch.yaml")
        #expect(s.run("get pvc data-db-0 -o jsonpath={.metadata.finalizers}").stdout == #"["kubernetes.io/pvc-protection"]"#)
    }

    @Test func jobTemplateIsImmutable() {
        let s = TestStore()
        _ = s.run("create job j --image=busybox")
        let r = s.run(args: ["patch", "job", "j", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"j","image":"busybox:1.36"}]}}}}"#])
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("The Job \"j\" is invalid: spec.template: Invalid value: core.PodTemplateSpec{"))
        #expect(r.stderr.hasSuffix("}: field is immutable\n"))
        #expect(s.run("get job j -o jsonpath={.spec.template.spec.containers[0].image}").stdout == "busybox")
        // Labels and annotations of the Job itself stay mutable.
        #expect(s.run("label job j team=a").stdout == "job.batch/j labeled\n")
    }

    @Test func suspendedJobSchedulingDirectivesMayChange() {
        let s = TestStore()
        let f = s.writeFile("job.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: later
            spec:
              suspend: true
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: c
                    image: busybox

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        let patch = #"{"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}"#
        #expect(s.run(args: ["patch", "job", "later", "-p", patch]).stdout == "job.batch/later patched\n")
        let image = #"{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:1.36"}]}}}}"#
        #expect(s.run(args: ["patch", "job", "later", "-p", image]).exitCode == 1)
    }
}
