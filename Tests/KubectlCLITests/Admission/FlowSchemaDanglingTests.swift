import KubeModel
import KubeTestSupport
import Testing

/// The priority-and-fairness config controller's `Dangling` condition on FlowSchemas (MISSINGPL in `get
/// flowschemas`): False/Found while the named PriorityLevelConfiguration exists, True/NotFound while it does
/// not, rewritten with a new lastTransitionTime whenever status, reason or message would change, by a forced
/// apply of the status subresource as `api-priority-and-fairness-config-consumer-v1`.
@Suite struct FlowSchemaDanglingTests {
    static func schema(_ name: String, level: String, precedence: Int = 1000) -> String {
        """
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: FlowSchema
        metadata:
          name: \(name)
        spec:
          matchingPrecedence: \(precedence)
          priorityLevelConfiguration: {name: \(level)}
          rules:
          - subjects:
            - kind: Group
              group: {name: "system:authenticated"}
            nonResourceRules:
            - verbs: [get]
              nonResourceURLs: [/healthz]

        """
    }

    static func level(_ name: String) -> String {
        "apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata:\n  name: \(name)\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 5\n    limitResponse: {type: Reject}\n"
    }

    static let condition = "'{range .status.conditions[*]}{.type}/{.status}/{.reason}/{.lastTransitionTime}: {.message}{end}'"

    @Test func theConditionFollowsTheLevelsExistence() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("fs.yaml", Self.schema("web", level: "low")))").exitCode == 0)
        #expect(s.run("get flowschema web -o jsonpath=\(Self.condition)").stdout
            == #"Dangling/True/NotFound/2026-11-23T12:00:00Z: This FlowSchema references the PriorityLevelConfiguration object named "low" but there is no such object"#)
        #expect(s.run("get flowschema web").stdout == """
            NAME   PRIORITYLEVEL   MATCHINGPRECEDENCE   DISTINGUISHERMETHOD   AGE   MISSINGPL
            web    low             1000                 <none>                0s    True

            """)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("create -f \(s.writeFile("pl.yaml", Self.level("low")))").exitCode == 0)
        #expect(s.run("get flowschema web -o jsonpath=\(Self.condition)").stdout
            == #"Dangling/False/Found/2026-11-23T12:01:00Z: This FlowSchema references the PriorityLevelConfiguration object named "low" and it exists"#)
        #expect(s.run("get flowschema web").stdout.hasSuffix("60s   False\n"))
        // A spec change that keeps the level writes nothing; a label neither.
        s.setNow("2026-11-23T12:02:00Z")
        let rv = s.run("get flowschema web -o jsonpath={.metadata.resourceVersion}").stdout
        #expect(s.run("label flowschema web team=a").exitCode == 0)
        #expect(s.run("get flowschema web -o jsonpath=\(Self.condition)").stdout.contains("/2026-11-23T12:01:00Z: "))
        #expect(Int(s.run("get flowschema web -o jsonpath={.metadata.resourceVersion}").stdout)! == Int(rv)! + 1)
        s.setNow("2026-11-23T12:03:00Z")
        #expect(s.run("delete prioritylevelconfiguration low").exitCode == 0)
        #expect(s.run("get flowschema web -o jsonpath=\(Self.condition)").stdout
            == #"Dangling/True/NotFound/2026-11-23T12:03:00Z: This FlowSchema references the PriorityLevelConfiguration object named "low" but there is no such object"#)
    }

    @Test func pointingAtAnotherLevelRewritesTheMessage() {
        let s = TestStore()
        #expect(s.run("create -f \(s.writeFile("pl.yaml", Self.level("a") + "---\n" + Self.level("b")))").exitCode == 0)
        #expect(s.run("create -f \(s.writeFile("fs.yaml", Self.schema("web", level: "a")))").exitCode == 0)
        s.setNow("2026-11-23T12:04:00Z")
        #expect(s.run(#"patch flowschema web --type=merge -p '{"spec":{"priorityLevelConfiguration":{"name":"b"}}}'"#).exitCode == 0)
        #expect(s.run("get flowschema web -o jsonpath=\(Self.condition)").stdout
            == #"Dangling/False/Found/2026-11-23T12:04:00Z: This FlowSchema references the PriorityLevelConfiguration object named "b" and it exists"#)
        #expect(s.run("get flowschema web -o jsonpath={.metadata.generation}").stdout == "2")
    }

    @Test func theControllerOwnsItsConditionAsAnApplier() throws {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("fs.yaml", Self.schema("web", level: "low")))").exitCode == 0)
        let obj = try JSON.parse(s.run("get flowschema web -o json --show-managed-fields").stdout)
        let entries = obj["metadata"]["managedFields"].array ?? []
        let apf = try #require(entries.first { $0["manager"].string == "api-priority-and-fairness-config-consumer-v1" })
        #expect(apf["operation"] == "Apply" && apf["subresource"] == "status" && apf["apiVersion"] == "flowcontrol.apiserver.k8s.io/v1")
        #expect(apf["fieldsV1"].compactJSON
            == #"{"f:status":{"f:conditions":{"k:{\"type\":\"Dangling\"}":{".":{},"f:lastTransitionTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}}}}}"#)
        #expect(entries.contains { $0["manager"].string == "kubectl-client-side-apply" })
        #expect(!entries.contains { $0["manager"].string == "kube-controller-manager" })
    }

    /// The create's response is the object as written (the controller runs after it); a server dry run
    /// stores nothing and so sets nothing; a status written by hand is put back.
    @Test func responsesDryRunsAndHandWrittenStatus() {
        let s = TestStore()
        let f = s.writeFile("fs.yaml", Self.schema("web", level: "low"))
        #expect(s.run("create -f \(f) --dry-run=server -o jsonpath={.status}").stdout == "{}")
        #expect(s.run("get flowschema web").stderr
            == #"Error from server (NotFound): flowschemas.flowcontrol.apiserver.k8s.io "web" not found"# + "\n")
        #expect(s.run("create -f \(f) -o jsonpath={.status}").stdout == "{}")
        let patched = s.run(#"patch flowschema web --subresource=status --type=merge -p '{"status":{"conditions":[{"type":"Dangling","status":"False","reason":"Mine","message":"m","lastTransitionTime":"2020-01-01T00:00:00Z"}]}}'"#)
        #expect(patched.exitCode == 0, "\(patched)")
        #expect(s.run("get flowschema web -o jsonpath={.status.conditions[0].reason}").stdout == "NotFound")
    }
}
