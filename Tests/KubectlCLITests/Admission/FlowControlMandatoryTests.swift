import KubeModel
import KubeTestSupport
import Testing

/// The mandatory priority-and-fairness objects (`exempt` and `catch-all`, FlowSchemas and priority levels):
/// their spec must stay the fixed one on every create and update (only the `exempt` level's `spec.exempt`
/// may change); metadata may change. A refusal leaves the stored object as it was.
@Suite struct FlowControlMandatoryTests {
    static let catchAllSpec = """
        flowcontrol.FlowSchemaSpec{PriorityLevelConfiguration:flowcontrol.PriorityLevelConfigurationReference{Name:"catch-all"}, \
        MatchingPrecedence:9000, DistinguisherMethod:(*flowcontrol.FlowDistinguisherMethod)(0xc000000000), \
        Rules:[]flowcontrol.PolicyRulesWithSubjects{flowcontrol.PolicyRulesWithSubjects{Subjects:[]flowcontrol.Subject{\
        flowcontrol.Subject{Kind:"Group", User:(*flowcontrol.UserSubject)(nil), Group:(*flowcontrol.GroupSubject)(0xc000000000), ServiceAccount:(*flowcontrol.ServiceAccountSubject)(nil)}, \
        flowcontrol.Subject{Kind:"Group", User:(*flowcontrol.UserSubject)(nil), Group:(*flowcontrol.GroupSubject)(0xc000000000), ServiceAccount:(*flowcontrol.ServiceAccountSubject)(nil)}}, \
        ResourceRules:[]flowcontrol.ResourcePolicyRule{flowcontrol.ResourcePolicyRule{Verbs:[]string{"*"}, APIGroups:[]string{"*"}, Resources:[]string{"*"}, ClusterScope:true, Namespaces:[]string{"*"}}}, \
        NonResourceRules:[]flowcontrol.NonResourcePolicyRule{flowcontrol.NonResourcePolicyRule{Verbs:[]string{"*"}, NonResourceURLs:[]string{"*"}}}}}}
        """

    @Test func theCatchAllSchemaKeepsItsSpec() {
        let s = TestStore()
        let before = s.run("get flowschema catch-all -o yaml").stdout
        let refused = s.run("patch flowschema catch-all --type=merge -p '{\"spec\":{\"matchingPrecedence\":9000}}'")
        #expect(refused.exitCode == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "The FlowSchema \"catch-all\" is invalid: spec: Invalid value: \(Self.catchAllSpec): spec of 'catch-all' must equal the fixed value\n")
        #expect(s.run("get flowschema catch-all -o yaml").stdout == before)
        // Metadata is not the spec.
        #expect(s.run("label flowschema catch-all team=platform").stdout == "flowschema.flowcontrol.apiserver.k8s.io/catch-all labeled\n")
        // An equal spec written another way (an empty list for a missing one, clusterScope false left out) is the same.
        #expect(s.run("patch flowschema catch-all --type=json -p '[{\"op\":\"add\",\"path\":\"/spec/rules/0/resourceRules/0/clusterScope\",\"value\":true}]'").exitCode == 0)
    }

    @Test func theExemptSchemaIsRefusedAnyOtherRule() {
        let s = TestStore()
        let refused = s.run("patch flowschema exempt --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/rules/0/subjects/0/group/name\",\"value\":\"admins\"}]'")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.hasPrefix("The FlowSchema \"exempt\" is invalid: spec: Invalid value: flowcontrol.FlowSchemaSpec{PriorityLevelConfiguration:flowcontrol.PriorityLevelConfigurationReference{Name:\"exempt\"}, MatchingPrecedence:1, DistinguisherMethod:(*flowcontrol.FlowDistinguisherMethod)(nil), "))
        #expect(refused.stderr.hasSuffix("}}}}: spec of 'exempt' must equal the fixed value\n"))
        #expect(s.run("get flowschema exempt -o jsonpath={.spec.rules[0].subjects[0].group.name}").stdout == "system:masters")
    }

    @Test func aDeletedMandatorySchemaCanOnlyComeBackAsItWas() {
        let s = TestStore()
        let saved = s.writeFile("catch-all.json", s.run("get flowschema catch-all -o json").stdout)
        #expect(s.run("delete flowschema catch-all").exitCode == 0)
        let other = s.writeFile("other.yaml", """
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata: {name: catch-all}
            spec:
              priorityLevelConfiguration: {name: global-default}
              rules:
              - subjects: [{kind: Group, group: {name: "system:authenticated"}}]
                nonResourceRules: [{verbs: ["*"], nonResourceURLs: ["*"]}]

            """)
        let refused = s.run("create -f \(other)")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.hasPrefix("The FlowSchema \"catch-all\" is invalid: spec: Invalid value: flowcontrol.FlowSchemaSpec{PriorityLevelConfiguration:flowcontrol.PriorityLevelConfigurationReference{Name:\"global-default\"}, MatchingPrecedence:1000, DistinguisherMethod:(*flowcontrol.FlowDistinguisherMethod)(nil), "))
        #expect(s.run("get flowschema catch-all").stderr == "Error from server (NotFound): flowschemas.flowcontrol.apiserver.k8s.io \"catch-all\" not found\n")
        #expect(s.run("create -f \(saved)").stdout == "flowschema.flowcontrol.apiserver.k8s.io/catch-all created\n")
    }

    @Test func theExemptLevelMayChangeOnlyItsExemptSettings() {
        let s = TestStore()
        #expect(s.run("patch prioritylevelconfiguration exempt --type=merge -p '{\"spec\":{\"exempt\":{\"nominalConcurrencyShares\":10,\"lendablePercent\":20}}}'").stdout
            == "prioritylevelconfiguration.flowcontrol.apiserver.k8s.io/exempt patched\n")
        #expect(s.run("get prioritylevelconfiguration exempt -o jsonpath={.spec.exempt}").stdout == #"{"lendablePercent":20,"nominalConcurrencyShares":10}"#)
        let refused = s.run("patch prioritylevelconfiguration exempt --type=merge -p '{\"spec\":{\"type\":\"Limited\",\"exempt\":null,\"limited\":{\"nominalConcurrencyShares\":5,\"limitResponse\":{\"type\":\"Reject\"}}}}'")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr == """
            The PriorityLevelConfiguration "exempt" is invalid: \n\
            * spec.type: Invalid value: "Limited": type must be 'Exempt' if and only if name is 'exempt'
            * spec: Invalid value: flowcontrol.PriorityLevelConfigurationSpec{Type:"Limited", Limited:(*flowcontrol.LimitedPriorityLevelConfiguration)(0xc000000000), Exempt:(*flowcontrol.ExemptPriorityLevelConfiguration)(nil)}: spec of 'exempt' except the 'spec.exempt' field must equal the fixed value

            """)
        #expect(s.run("get prioritylevelconfiguration exempt -o jsonpath={.spec.type}").stdout == "Exempt")
    }

    @Test func theCatchAllLevelKeepsItsSpec() {
        let s = TestStore()
        let refused = s.run("patch prioritylevelconfiguration catch-all --type=merge -p '{\"spec\":{\"limited\":{\"lendablePercent\":10}}}'")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr == "The PriorityLevelConfiguration \"catch-all\" is invalid: spec: Invalid value: flowcontrol.PriorityLevelConfigurationSpec{Type:\"Limited\", Limited:(*flowcontrol.LimitedPriorityLevelConfiguration)(0xc000000000), Exempt:(*flowcontrol.ExemptPriorityLevelConfiguration)(nil)}: spec of 'catch-all' must equal the fixed value\n")
        // A borrowing limit set to zero is not a missing one.
        #expect(s.run("patch prioritylevelconfiguration catch-all --type=merge -p '{\"spec\":{\"limited\":{\"borrowingLimitPercent\":0}}}'").exitCode == 1)
        #expect(s.run("get prioritylevelconfiguration catch-all -o jsonpath={.spec.limited}").stdout
            == #"{"lendablePercent":0,"limitResponse":{"type":"Reject"},"nominalConcurrencyShares":5}"#)
        // Other levels are the user's.
        #expect(s.run("patch prioritylevelconfiguration workload-low --type=merge -p '{\"spec\":{\"limited\":{\"lendablePercent\":10}}}'").exitCode == 0)
    }
}
