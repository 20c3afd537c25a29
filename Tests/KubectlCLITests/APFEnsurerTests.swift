import KubeTestSupport
import Testing

/// The API server's priority-and-fairness bootstrap ensurer, every minute since it started (the store
/// was made at 12:00:00, so at 12:01:00, 12:02:00, ...): missing bootstrap objects come back, mandatory
/// specs are restored, suggested ones only while their autoupdate annotation says true, and objects
/// outside the bootstrap set annotated true are deleted.
@Suite struct APFEnsurerTests {
    static let plc = "prioritylevelconfiguration"

    @Test func deletedBootstrapObjectsComeBackAtTheNextMinute() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        s.run("get ns")
        s.setNow("2026-11-23T12:05:10Z")
        #expect(s.run("delete flowschema exempt").exitCode == 0)
        #expect(s.run("delete \(Self.plc) catch-all workload-low").exitCode == 0)
        #expect(s.run("get flowschema catch-all service-accounts --no-headers").stdout == """
            catch-all          catch-all      10000   ByUser   5m10s   True
            service-accounts   workload-low   9000    ByUser   5m10s   True

            """)
        s.setNow("2026-11-23T12:05:59Z")
        #expect(s.run("get flowschema exempt").stderr == "Error from server (NotFound): flowschemas.flowcontrol.apiserver.k8s.io \"exempt\" not found\n")
        s.setNow("2026-11-23T12:06:00Z")
        #expect(s.run("get flowschema exempt catch-all service-accounts --no-headers").stdout == """
            exempt             exempt         1       <none>   0s    False
            catch-all          catch-all      10000   ByUser   6m    False
            service-accounts   workload-low   9000    ByUser   6m    False

            """)
        #expect(s.run("get \(Self.plc) catch-all workload-low --no-headers").stdout == """
            catch-all      Limited   5     <none>   <none>   <none>   0s
            workload-low   Limited   100   128      6        50       0s

            """)
        // Recreated as the bootstrap object, by the ensurer, the consumer applying the status (Apply entries
        // list first).
        #expect(s.run("get flowschema exempt -o jsonpath={.metadata.annotations}/{.metadata.generation}/{.metadata.managedFields[*].manager}").stdout
            == #"{"apf.kubernetes.io/autoupdate-spec":"true"}/1/api-priority-and-fairness-config-consumer-v1 api-priority-and-fairness-config-producer-v1"#)
    }

    @Test func specsAreRestoredAsTheirAnnotationSays() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        s.run("get ns")
        s.setNow("2026-11-23T12:00:30Z")
        // A suggested schema edited with autoupdate still true: restored. One marked false: kept.
        #expect(s.run("patch flowschema probes --type=merge -p '{\"spec\":{\"matchingPrecedence\":3}}'").exitCode == 0)
        #expect(s.run("annotate flowschema global-default apf.kubernetes.io/autoupdate-spec=false --overwrite").exitCode == 0)
        #expect(s.run("patch flowschema global-default --type=merge -p '{\"spec\":{\"matchingPrecedence\":9800}}'").exitCode == 0)
        // A suggested level without the annotation after an edit (generation 2): marked false, kept.
        #expect(s.run("annotate \(Self.plc) workload-high apf.kubernetes.io/autoupdate-spec-").exitCode == 0)
        #expect(s.run("patch \(Self.plc) workload-high --type=merge -p '{\"spec\":{\"limited\":{\"nominalConcurrencyShares\":45}}}'").exitCode == 0)
        // A mandatory schema marked false: its spec cannot change (validation refuses it), and the ensurer
        // marks it true again.
        #expect(s.run("annotate flowschema catch-all apf.kubernetes.io/autoupdate-spec=false --overwrite").exitCode == 0)
        let refused = s.run("patch flowschema catch-all --type=merge -p '{\"spec\":{\"matchingPrecedence\":9999}}'")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.hasSuffix("spec of 'catch-all' must equal the fixed value\n"))
        // The exempt level's shares are the operator's; its type is not.
        #expect(s.run("patch \(Self.plc) exempt --type=merge -p '{\"spec\":{\"exempt\":{\"nominalConcurrencyShares\":7}}}'").exitCode == 0)
        let precedences = "get flowschema probes global-default catch-all -o jsonpath={.items[*].spec.matchingPrecedence}"
        #expect(s.run(precedences).stdout == "3 9800 10000")
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run(precedences).stdout == "2 9800 10000")
        #expect(s.run("get flowschema probes global-default catch-all -o 'jsonpath={.items[*].metadata.annotations.apf\\.kubernetes\\.io/autoupdate-spec}'").stdout
            == "true false true")
        #expect(s.run("get \(Self.plc) workload-high exempt -o 'jsonpath={.items[*].metadata.annotations.apf\\.kubernetes\\.io/autoupdate-spec}/{.items[*].metadata.generation}'").stdout
            == "false true/2 2")
        #expect(s.run("get \(Self.plc) workload-high exempt -o jsonpath={.items[0].spec.limited.nominalConcurrencyShares}/{.items[1].spec.exempt.nominalConcurrencyShares}").stdout
            == "45/7")
        // The ensurer's update is its own write: the spec it restored is its field set again.
        #expect(s.run("get flowschema probes -o jsonpath={.metadata.generation}/{.metadata.managedFields[-1:].manager}/{.metadata.managedFields[-1:].time}").stdout
            == "3/api-priority-and-fairness-config-producer-v1/2026-11-23T12:01:00Z")
    }

    /// An object outside the bootstrap set marked for automatic update is the ensurer's to remove; a user's
    /// own (no annotation, or false) stays.
    @Test func unwantedAutoUpdatedObjectsAreRemoved() {
        let s = TestStore(now: "2026-11-23T12:00:00Z")
        s.run("get ns")
        func level(_ name: String, _ annotation: String?) -> String {
            let meta = annotation.map { "\n  annotations: {apf.kubernetes.io/autoupdate-spec: \"\($0)\"}" } ?? ""
            return "apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata:\n  name: \(name)\(meta)\n"
                + "spec:\n  type: Limited\n  limited: {nominalConcurrencyShares: 3, limitResponse: {type: Reject}}\n---\n"
        }
        let f = s.writeFile("levels.yaml", level("old-suggested", "true") + level("mine", nil) + level("kept", "false") + level("odd", "yes"))
        s.setNow("2026-11-23T12:00:20Z")
        #expect(s.run("create -f \(f)").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        let names = s.run("get \(Self.plc) -o name").stdout
        #expect(!names.contains("/old-suggested\n"))
        #expect(names.contains("/mine\n") && names.contains("/kept\n") && names.contains("/odd\n"))
        #expect(names.split(separator: "\n").count == 11)
    }
}
