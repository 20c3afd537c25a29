import KubeModel
import KubeTestSupport
import Testing

/// Objects and structs the API server quotes in its error texts come out in Go's field order: a JSON or
/// merge patch's result (sorted where json-patch decoded it, the stored encoding elsewhere) and the
/// go-cmp diff of a refused pod update (affinity and label selectors as their Go types).
@Suite struct GoOrderTextTests {
    /// `"` escaped as strconv.Quote writes it inside the error's quoted value.
    static func quoted(_ json: String) -> String {
        var out = ""
        for c in json { if c == "\"" || c == "\\" { out.append("\\") }; out.append(c) }
        return out
    }

    @Test func mergePatchOfAConfigMap() {
        let s = TestStore()
        #expect(s.run("create configmap c --from-literal=a=b").exitCode == 0)
        let uid = s.run("get cm c -o jsonpath={.metadata.uid}").stdout
        let rv = s.run("get cm c -o jsonpath={.metadata.resourceVersion}").stdout
        let time = s.run("get cm c -o jsonpath={.metadata.creationTimestamp}").stdout
        let fields = s.run("get cm c -o jsonpath={.metadata.managedFields[0].fieldsV1}").stdout
        // The stored metadata keeps ObjectMeta's and ManagedFieldsEntry's order; the top level is sorted.
        let meta = #"{"name":"c","namespace":"default","uid":"\#(uid)","resourceVersion":"\#(rv)","creationTimestamp":"\#(time)","managedFields":[{"manager":"kubectl-create","operation":"Update","apiVersion":"v1","time":"\#(time)","fieldsType":"FieldsV1","fieldsV1":\#(fields)}]}"#
        let r = s.run(args: ["patch", "cm", "c", "--type=merge", "-p", #"{"data":["x"]}"#])
        #expect(r == CLIResult(stdout: "", stderr: """
            The request is invalid: patch: Invalid value: "\(Self.quoted(#"{"apiVersion":"v1","data":["x"],"kind":"ConfigMap","metadata":"# + meta + "}"))": json: cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string

            """, exitCode: 1))
        // A JSON patch into metadata decodes it: its keys come out sorted, the managed fields entry does not.
        let j = s.run(args: ["patch", "cm", "c", "--type=json", "-p", #"[{"op":"add","path":"/metadata/labels","value":{"b":"1","a":[1]}}]"#])
        let touched = #"{"creationTimestamp":"\#(time)","labels":{"a":[1],"b":"1"},"managedFields":[{"manager":"kubectl-create","operation":"Update","apiVersion":"v1","time":"\#(time)","fieldsType":"FieldsV1","fieldsV1":\#(fields)}],"name":"c","namespace":"default","resourceVersion":"\#(rv)","uid":"\#(uid)"}"#
        #expect(j.stderr == """
            The request is invalid: patch: Invalid value: "\(Self.quoted(#"{"apiVersion":"v1","data":{"a":"b"},"kind":"ConfigMap","metadata":"# + touched + "}"))": json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type string

            """)
        #expect(s.run("get cm c -o jsonpath={.data}{.metadata.labels}").stdout == #"{"a":"b"}"#)
    }

    @Test func patchedDeploymentKeepsGoOrderOutsideThePatch() {
        let s = TestStore()
        #expect(s.run("create deployment web --image=nginx").exitCode == 0)
        let merge = s.run(args: ["patch", "deploy", "web", "--type=merge", "-p", #"{"spec":{"replicas":"x"}}"#]).stderr
        // spec was walked (sorted); strategy, template and status were not (Go order).
        for piece in [
            #"{"progressDeadlineSeconds":600,"replicas":"x","revisionHistoryLimit":10,"selector":"#,
            #""strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}}"#,
            #""template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"Always"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}}"#,
            #""status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1,"availableReplicas":1,"conditions":[{"type":"Available","status":"True","lastUpdateTime":"#,
            #""metadata":{"name":"web","namespace":"default","uid":"#,
        ] {
            #expect(merge.contains(Self.quoted(piece)), "\(piece)")
        }
        // A JSON patch walks down to the container it changes: that container and its parents are sorted.
        let json = s.run(args: ["patch", "deploy", "web", "--type=json", "-p",
                                #"[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":5}]"#]).stderr
        for piece in [
            #""strategy":{"type":"RollingUpdate","#,
            #""template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"image":5,"imagePullPolicy":"Always","name":"nginx","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}"#,
        ] {
            #expect(json.contains(Self.quoted(piece)), "\(piece)")
        }
        #expect(json.hasSuffix("\": json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string\n"))
    }

    @Test func refusedPodUpdateShowsAffinityTypes() {
        let s = TestStore()
        let f = s.writeFile("p.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: nginx}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions: [{key: zone, operator: In, values: [a]}]

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        let r = s.run(args: ["patch", "pod", "p", "--type=json", "-p",
                             #"[{"op":"replace","path":"/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/values/0","value":"b"}]"#])
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("""
              	Affinity: &core.Affinity{
              		NodeAffinity: &core.NodeAffinity{
              			RequiredDuringSchedulingIgnoredDuringExecution: &core.NodeSelector{
              				NodeSelectorTerms: []core.NodeSelectorTerm{
              					{
              						MatchExpressions: []core.NodeSelectorRequirement{
              							{
              								Key:      "zone",
              								Operator: "In",
            - 								Values:   []string{"a"},
            + 								Values:   []string{"b"},
              							},
              						},
              						MatchFields: nil,
              					},
              				},
              			},
              			PreferredDuringSchedulingIgnoredDuringExecution: nil,
              		},
              		PodAffinity:     nil,
              		PodAntiAffinity: nil,
              	},

            """))
        let t = s.run(args: ["patch", "pod", "p", "--type=json", "-p",
                             #"[{"op":"add","path":"/spec/topologySpreadConstraints","value":[{"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"DoNotSchedule","labelSelector":{"matchLabels":{"a":"b"}}}]}]"#])
        #expect(t.stderr.contains("+ \t\t\tLabelSelector:     &v1.LabelSelector{MatchLabels: map[string]string{...}},\n"))
    }
}
