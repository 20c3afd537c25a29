import KubeModel
import KubeTestSupport
import Testing

/// v1.32's validation of ResourceQuota (hard resource names and amounts, scopes, scope selectors, scopes
/// immutable) and LimitRange (types, resource names, min/default/max consistency, ratios) through every
/// write path, and what a patch that removes `apiVersion` or `kind` from a built-in object does.
@Suite struct QuotaLimitRangeRuleTests {
    /// The same refusal from `create -f`, `apply -f`, `apply --server-side -f` and, against `valid`
    /// stored first, `replace -f`; nothing of the refused object is stored.
    static func refusedEverywhere(_ yaml: String, valid: String, _ stderr: String, kind: String, onUpdate: String = "") {
        let s = TestStore()
        let bad = s.writeFile("bad.yaml", yaml)
        for verb in ["create -f", "apply -f", "apply --server-side -f"] {
            #expect(s.run("\(verb) \(bad)") == CLIResult(stdout: "", stderr: stderr, exitCode: 1), "\(verb)")
            #expect(s.run("get \(kind) -o name").stdout == "", "\(verb)")
        }
        let good = s.writeFile("good.yaml", valid)
        #expect(s.run("create -f \(good)").exitCode == 0)
        let before = s.run("get \(kind) -o yaml").stdout
        #expect(s.run("replace -f \(bad)") == CLIResult(stdout: "", stderr: stderr + onUpdate, exitCode: 1), "replace")
        #expect(s.run("apply -f \(bad)").exitCode == 1, "apply over a stored object")
        #expect(s.run("get \(kind) -o yaml").stdout == before)
    }

    static let quota = """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: q
        spec:
          hard:
            pods: "1.5"
            cpu: "1"
            foo: "2"
            limits.pods: 3
          scopes: [BestEffort, NotBestEffort, Bogus]
          scopeSelector:
            matchExpressions:
            - {scopeName: Terminating, operator: In, values: [a]}
            - {scopeName: PriorityClass, operator: Exists, values: [x]}
            - {scopeName: PriorityClass, operator: Foo}
            - {scopeName: PriorityClass, operator: In}
            - {scopeName: Other, operator: Exists}

        """

    static let validQuota = "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    pods: \"4\"\n"

    @Test func resourceQuotaRules() {
        let literal = #"[]core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Bogus"}"#
        Self.refusedEverywhere(Self.quota, valid: Self.validQuota, """
            The ResourceQuota "q" is invalid: 
            * spec.hard[foo]: Invalid value: foo: must be a standard resource type or fully qualified
            * spec.hard[foo]: Invalid value: foo: must be a standard resource for quota
            * spec.hard[limits.pods]: Invalid value: limits.pods: must be a standard resource type or fully qualified
            * spec.hard[limits.pods]: Invalid value: limits.pods: must be a standard resource for quota
            * spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:15, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}: must be an integer
            * spec.scopes: Invalid value: \(literal): unsupported scope applied to resource
            * spec.scopes: Invalid value: \(literal): unsupported scope
            * spec.scopes: Invalid value: \(literal): conflicting scopes
            * spec.scopeSelector.matchExpressions.operator: Invalid value: "In": must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity
            * spec.scopeSelector.matchExpressions.values: Invalid value: []string{"x"}: must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector
            * spec.scopeSelector.matchExpressions.operator: Invalid value: "Foo": not a valid selector operator
            * spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector
            * spec.scopeSelector.matchExpressions.scopeName: Invalid value: "Other": unsupported scope

            """, kind: "resourcequota", onUpdate: "* spec.scopes: Invalid value: \(literal): field is immutable\n")
    }

    /// A selector scope that does not apply to a hard resource prints the whole selector; conflicting
    /// selector scopes print the quota's `scopes` (nil here).
    @Test func scopeSelectorAppliedToResourceAndConflicts() {
        Self.refusedEverywhere("""
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: q
            spec:
              hard:
                services: "2"
                pods: "3"
              scopeSelector:
                matchExpressions:
                - {scopeName: BestEffort, operator: Exists}
                - {scopeName: NotBestEffort, operator: Exists}

            """, valid: Self.validQuota, """
            The ResourceQuota "q" is invalid: 
            * spec.scopeSelector.matchExpressions: Invalid value: core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{core.ScopedResourceSelectorRequirement{ScopeName:"BestEffort", Operator:"Exists", Values:[]string(nil)}, core.ScopedResourceSelectorRequirement{ScopeName:"NotBestEffort", Operator:"Exists", Values:[]string(nil)}}}: unsupported scope applied to resource
            * spec.scopeSelector.matchExpressions: Invalid value: core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{core.ScopedResourceSelectorRequirement{ScopeName:"BestEffort", Operator:"Exists", Values:[]string(nil)}, core.ScopedResourceSelectorRequirement{ScopeName:"NotBestEffort", Operator:"Exists", Values:[]string(nil)}}}: unsupported scope applied to resource
            * spec.scopeSelector.matchExpressions: Invalid value: []core.ResourceQuotaScope(nil): conflicting scopes

            """, kind: "resourcequota")
    }

    @Test func quotaScopesAreImmutableAndValidOnesAreAccepted() {
        let s = TestStore()
        let f = s.writeFile("q.yaml", """
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: q
            spec:
              hard: {pods: "4", requests.cpu: "2", count/deployments.apps: "3", nvidia.com/gpu: "2"}
              scopes: [NotTerminating]
              scopeSelector:
                matchExpressions:
                - {scopeName: PriorityClass, operator: In, values: [high]}
                - {scopeName: CrossNamespacePodAffinity, operator: Exists}

            """)
        #expect(s.run("create -f \(f)").stdout == "resourcequota/q created\n")
        let r = s.run(args: ["patch", "quota", "q", "--type=merge", "-p", #"{"spec":{"scopes":["Terminating"]}}"#])
        #expect(r == CLIResult(stdout: "", stderr: """
            The ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating"}: field is immutable

            """, exitCode: 1))
        #expect(s.run("get quota q -o jsonpath={.spec.scopes}").stdout == #"["NotTerminating"]"#)
        let extended = s.run(args: ["patch", "quota", "q", "--type=merge", "-p", #"{"spec":{"hard":{"nvidia.com/gpu":"500m"}}}"#])
        #expect(extended.stderr == """
            The ResourceQuota "q" is invalid: spec.hard[nvidia.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: must be an integer

            """)
    }

    static let limitRange = """
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: lr
        spec:
          limits:
          - type: Container
            min: {cpu: 200m, memory: 1Gi}
            max: {cpu: 100m, memory: 2Gi}
            default: {cpu: 150m, memory: 3Gi}
            defaultRequest: {cpu: 0.5, memory: 512Mi}
            maxLimitRequestRatio: {cpu: 500m, memory: "4"}
          - type: Pod
            default: {cpu: 1}
            max: {gpu: 1}
          - type: Container
          - type: PersistentVolumeClaim
            max: {cpu: 1}
          - type: Container
            default: {example.com/foo: 2}
            defaultRequest: {example.com/foo: 1}

        """

    @Test func limitRangeRules() {
        func q(_ value: Int64, _ scale: Int, _ s: String, _ format: String = "DecimalSI") -> String {
            "resource.Quantity{i:resource.int64Amount{value:\(value), scale:\(scale)}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"\(s)\", Format:\"\(format)\"}"
        }
        Self.refusedEverywhere(Self.limitRange, valid: """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: lr
            spec:
              limits:
              - {type: Container, min: {cpu: 100m}, max: {cpu: "2"}, default: {cpu: 500m}, defaultRequest: {cpu: 200m}, maxLimitRequestRatio: {cpu: "4"}}
              - {type: PersistentVolumeClaim, max: {storage: 10Gi}}

            """, """
            The LimitRange "lr" is invalid: 
            * spec.limits[0].min[cpu]: Invalid value: \(q(200, -3, "200m")): min value 200m is greater than max value 100m
            * spec.limits[0].defaultRequest[cpu]: Invalid value: \(q(5, -1, "500m")): default request value 500m is greater than max value 100m
            * spec.limits[0].defaultRequest[cpu]: Invalid value: \(q(5, -1, "500m")): default request value 500m is greater than default limit value 150m
            * spec.limits[0].default[cpu]: Invalid value: \(q(200, -3, "200m")): min value 200m is greater than default value 150m
            * spec.limits[0].default[cpu]: Invalid value: \(q(100, -3, "100m")): default value 150m is greater than max value 100m
            * spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: \(q(500, -3, "500m")): ratio 500m is less than 1
            * spec.limits[0].defaultRequest[memory]: Invalid value: \(q(536870912, 0, "512Mi", "BinarySI")): min value 1Gi is greater than default request value 512Mi
            * spec.limits[0].default[memory]: Invalid value: \(q(2147483648, 0, "2Gi", "BinarySI")): default value 3Gi is greater than max value 2Gi
            * spec.limits[0].maxLimitRequestRatio[memory]: Invalid value: \(q(4, 0, "4")): ratio 4 is greater than max/min = 2.000000
            * spec.limits[1].max[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified
            * spec.limits[1].max[gpu]: Invalid value: gpu: must be a standard resource for containers
            * spec.limits[1].default: Forbidden: may not be specified when `type` is 'Pod'
            * spec.limits[2].type: Duplicate value: "Container"
            * spec.limits[3].limits: Required value: either minimum or maximum storage value is required, but neither was provided
            * spec.limits[4].type: Duplicate value: "Container"
            * spec.limits[4].defaultRequest[example.com/foo]: Invalid value: \(q(1, 0, "1")): default value 2 must equal to defaultRequest value 1 in example.com/foo

            """, kind: "limitrange")
    }

    @Test func limitRangePatchIsRefusedAndNothingChanges() {
        let s = TestStore()
        let f = s.writeFile("lr.yaml", "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: lr\nspec:\n  limits:\n  - {type: Container, max: {cpu: \"1\"}}\n")
        #expect(s.run("create -f \(f)").exitCode == 0)
        let r = s.run(args: ["patch", "limits", "lr", "--type=json", "-p", #"[{"op":"add","path":"/spec/limits/0/min","value":{"cpu":"2"}}]"#])
        // The stored item was defaulted on create (default and defaultRequest from max): the new min
        // is also above both.
        #expect(r == CLIResult(stdout: "", stderr: """
            The LimitRange "lr" is invalid: \n\
            * spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: min value 2 is greater than max value 1
            * spec.limits[0].defaultRequest[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}: min value 2 is greater than default request value 1
            * spec.limits[0].default[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: min value 2 is greater than default value 1

            """, exitCode: 1))
        #expect(s.run("get limits lr -o jsonpath={.spec.limits[0]}").stdout
            == #"{"default":{"cpu":"1"},"defaultRequest":{"cpu":"1"},"max":{"cpu":"1"},"type":"Container"}"#)
    }

    /// A `resource.Quantity` prints as ParseQuantity left it: the int64 amount and scale of the text, and the
    /// text itself cached only when it was canonical (`1Gi` is, `8Gi` is not: 8 is a multiple of 8).
    @Test func quantityDumpsFollowParseQuantity() {
        let s = TestStore()
        let f = s.writeFile("pv.yaml", "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec:\n  capacity: {storage: 1Gi, foo: \"8Gi\"}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /tmp}\n")
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: """
            The PersistentVolume "pv1" is invalid: spec.capacity: Unsupported value: core.ResourceList{"foo":resource.Quantity{i:resource.int64Amount{value:8589934592, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"BinarySI"}, "storage":resource.Quantity{i:resource.int64Amount{value:1073741824, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1Gi", Format:"BinarySI"}}: supported values: "storage"

            """, exitCode: 1))
        #expect(s.run("get pv -o name").stdout == "")
    }

    /// Without apiVersion the patched JSON is decoded into the internal type, whose fields have no JSON
    /// names: every top-level field but `kind` is unknown, and the empty name fails the name check. A
    /// strategic merge patch (decoded into the versioned type) and a missing kind change nothing.
    @Test func removingAPIVersionFromABuiltInObject() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        #expect(s.run("create configmap cfg --from-literal=a=1").exitCode == 0)
        let live = s.run("get deploy web -o json").stdout
        let refused = CLIResult(stdout: "", stderr: """
            Warning: unknown field "metadata"
            Warning: unknown field "spec"
            Warning: unknown field "status"
            Error from server (BadRequest): the name of the object () does not match the name on the URL (web)

            """, exitCode: 1)
        #expect(s.run(args: ["patch", "deploy", "web", "--type=json", "-p", #"[{"op":"remove","path":"/apiVersion"}]"#]) == refused)
        #expect(s.run(args: ["patch", "deploy", "web", "--type=merge", "-p", #"{"apiVersion":null}"#]) == refused)
        #expect(s.run(args: ["patch", "cm", "cfg", "--type=merge", "-p", #"{"apiVersion":null,"kind":null}"#]) == CLIResult(stdout: "", stderr: """
            Warning: unknown field "data"
            Warning: unknown field "metadata"
            Error from server (BadRequest): the name of the object () does not match the name on the URL (cfg)

            """, exitCode: 1))
        for patch in [#"{"apiVersion":null}"#, #"{"kind":null}"#] {
            #expect(s.run(args: ["patch", "deploy", "web", "-p", patch]).stdout == "deployment.apps/web patched (no change)\n")
        }
        #expect(s.run("get deploy web -o json").stdout == live)
    }
}
