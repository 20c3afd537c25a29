import Testing
import KubeModel
@testable import KubeSchema

private func obj(_ json: String) -> JSONValue {
    do { return try JSON.parse(json) } catch { Issue.record("bad test JSON: \(error)"); return .null }
}

private func message(_ json: String, _ v: FieldValidation = .strict) -> String? {
    decodeErrorMessage(obj(json), index: .builtin, fieldValidation: v)
}

private let validDeployment = #"""
{"apiVersion":"apps/v1","kind":"Deployment",
 "metadata":{"name":"web","namespace":"default","labels":{"app":"web","any.key/with-slash":"x"},
             "annotations":{"deployment.kubernetes.io/revision":"1"},"creationTimestamp":"2026-11-23T17:19:42Z"},
 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
   "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},
   "template":{"metadata":{"labels":{"app":"web"}},
     "spec":{"containers":[{"name":"nginx","image":"nginx:1.14.2","ports":[{"containerPort":80,"protocol":"TCP"}],
        "resources":{"limits":{"cpu":"500m","memory":"128Mi"},"requests":{"cpu":0.25,"memory":"64M"}},
        "livenessProbe":{"httpGet":{"path":"/","port":"http"},"periodSeconds":10},
        "env":[{"name":"A","value":"1"},{"name":"B","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}]}],
       "nodeSelector":{"kubernetes.io/os":"linux"},"terminationGracePeriodSeconds":30,"hostNetwork":false}}},
 "status":{}}
"""#

@Suite struct StrictValidationTests {
    @Test func validManifestsHaveNoErrors() {
        let manifests = [
            validDeployment,
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"busybox","command":["sh","-c","sleep 1"]}],"restartPolicy":"Never"}}"#,
            #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":8080},{"name":"h","port":443,"targetPort":"https"}],"type":"ClusterIP"}}"#,
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a.properties":"x=1","b":""},"binaryData":{"bin":"AAEC"}}"#,
            #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"type":"Opaque","data":{"password":"cGFzc3dvcmQ=","k":"YQ=="},"stringData":{"x":"y"}}"#,
            #"{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"c"},"spec":{"schedule":"*/1 * * * *","jobTemplate":{"spec":{"backoffLimit":2,"template":{"spec":{"containers":[{"name":"c","image":"busybox"}],"restartPolicy":"OnFailure"}}}}}}"#,
            #"{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i"},"spec":{"rules":[{"host":"a.example.com","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"s","port":{"number":80}}}}]}}]}}"#,
            #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n","labels":null},"spec":{"finalizers":["kubernetes"]}}"#,
            #"{"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"r"},"revision":1,"data":{"anything":{"goes":[1,"two",{"three":3}]}}}"#,
        ]
        for m in manifests {
            #expect(message(m) == nil, "\(m)")
            let o = obj(m)
            let def = SchemaIndex.builtin.definition(apiVersion: o["apiVersion"].string!, kind: o["kind"].string!)!
            #expect(strictFieldErrors(o, definition: def, index: .builtin) == [])
        }
    }

    /// hack/testdata/invalid-deployment-unknown-and-duplicate-fields.yaml as kubectl sends it: the YAML is
    /// converted to JSON client-side, so the duplicate `replicas` is already gone (the last value wins)
    /// and only the unknown fields reach the server, in sorted key order.
    @Test func upstreamInvalidDeployment() {
        let m = #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"invalid-nginx-deployment","labels":{"app":"nginx"}},
             "spec":{"replicas":4,"foo":"bar","baz":"baq","selector":{"matchLabels":{"app":"nginx"}},
               "template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.14.2","ports":[{"containerPort":80}]}]}}}}
            """#
        #expect(message(m) == #"Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.baz", unknown field "spec.foo""#)
        #expect(message(m, .warn) == nil)
        #expect(message(m, .ignore) == nil)
        #expect(fieldValidationWarnings(obj(m)) == [#"unknown field "spec.baz""#, #"unknown field "spec.foo""#])
    }

    @Test func nestedUnknownFieldsInListsAndMetadata() {
        let m = #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x","app":"web"},"zzz":1,
             "spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"spec":{"containers":[
               {"name":"a","image":"i"},
               {"name":"b","image":"i","port":80,"ports":[{"containerPort":1,"hostport":2}]}]}}}}
            """#
        #expect(message(m) == #"Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.app", unknown field "spec.template.spec.containers[1].port", unknown field "spec.template.spec.containers[1].ports[0].hostport", unknown field "zzz""#)
        let svc = #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"nodeport":30000}]}}"#
        #expect(message(svc) == #"Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].nodeport""#)
        let ing = #"{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i"},"spec":{"tls":[{"secretNmae":"x"}]}}"#
        #expect(message(ing) == #"Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "spec.tls[0].secretNmae""#)
        // Field names are case-sensitive.
        let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"Containers":[]}}"#
        #expect(message(pod) == #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.Containers""#)
    }

    @Test func mapsAcceptAnyKey() {
        let m = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"weird key":"v","a.b/c":"d"},"annotations":{"x":"{\"json\":true}"}},"data":{"spec.foo":"1","unknown":"2"}}"#
        #expect(message(m) == nil)
        // ...but map values of struct type are still checked, with the key in the path.
        let pv = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i","resources":{"limits":{"cpu":"1"}}}],"overhead":{"cpu":"1"}}}"#
        #expect(message(pv) == nil)
    }

    @Test func intOrStringAcceptsBoth() {
        for port in ["8080", #""http""#] {
            let m = #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"targetPort":"# + port + "}]}}"
            #expect(message(m) == nil)
        }
        let bad = #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"targetPort":true}]}}"#
        #expect(message(bad) == #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32"#)
        let frac = #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"targetPort":1.5}]}}"#
        #expect(message(frac) == #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.targetPort of type int32"#)
    }

    @Test func preserveUnknownFieldsAndEmbeddedResources() throws {
        let spec = SchemaDefinition(name: "com.example.v1.WidgetSpec", properties: [
            SchemaProperty(name: "size", type: .integer(format: "int64")),
            SchemaProperty(name: "config", type: .any(preserveUnknownFields: true)),
            SchemaProperty(name: "nested", type: .inline(SchemaDefinition(name: "", properties: [
                SchemaProperty(name: "keep", type: .string(format: nil)),
            ], extensions: { var e = SchemaExtensions(); e.preserveUnknownFields = true; return e }()))),
            SchemaProperty(name: "strict", type: .inline(SchemaDefinition(name: "", properties: [
                SchemaProperty(name: "keep", type: .string(format: nil)),
            ]))),
            SchemaProperty(name: "template", type: .inline(SchemaDefinition(name: "", properties: [
                SchemaProperty(name: "spec", type: .any(preserveUnknownFields: true)),
            ], extensions: { var e = SchemaExtensions(); e.embeddedResource = true; return e }()))),
        ])
        let widget = SchemaDefinition(name: "com.example.v1.Widget", properties: [
            SchemaProperty(name: "apiVersion", type: .string(format: nil)),
            SchemaProperty(name: "kind", type: .string(format: nil)),
            SchemaProperty(name: "metadata", type: .ref("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")),
            SchemaProperty(name: "spec", type: .ref(spec.name)),
        ], gvks: [GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")])
        let meta = try #require(SchemaIndex.builtin.definition(named: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"))
        let idx = SchemaIndex(definitions: [widget, spec, meta])
        let o = obj(#"""
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},
             "spec":{"size":1,"config":{"a":{"b":[1,{"c":true}]}},"nested":{"keep":"x","extra":{"y":1}},
                     "strict":{"keep":"x","extra":1},
                     "template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"whatever":1},"other":1}}}
            """#)
        #expect(strictFieldErrors(o, definition: widget, index: idx) == [
            #"unknown field "spec.strict.extra""#, #"unknown field "spec.template.other""#,
        ])
        #expect(decodeErrorMessage(o, index: idx) == #"Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.strict.extra", unknown field "spec.template.other""#)
    }

    @Test func typeErrorsAsEncodingJSONReportsThem() {
        func deploy(_ spec: String) -> String {
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":"# + spec + "}"
        }
        let prefix = #"Deployment in version "v1" cannot be handled as a Deployment: "#
        #expect(message(deploy(#"{"replicas":"3"}"#)) == prefix + "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32")
        #expect(message(deploy(#"{"replicas":1.5}"#)) == prefix + "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32")
        #expect(message(deploy(#"{"replicas":3000000000}"#)) == prefix + "json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32")
        #expect(message(deploy(#"{"replicas":2.0}"#)) == nil)
        #expect(message(deploy(#"{"paused":"yes"}"#)) == prefix + "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool")
        #expect(message(deploy(#""oops""#)) == prefix + "json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec")
        #expect(message(deploy(#"{"template":{"spec":{"containers":{"name":"c"}}}}"#)) == prefix + "json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container")
        #expect(message(deploy(#"{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":"80"}]}]}}}"#)) == prefix + "json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32")
        #expect(message(deploy(#"{"template":{"spec":{"containers":[{"name":5}]}}}"#)) == prefix + "json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.name of type string")
        // Named string types print their Go name (k8s.io/api's Protocol, PullPolicy, DeploymentStrategyType, ...).
        #expect(message(deploy(#"{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"protocol":5}]}]}}}"#)) == prefix + "json: cannot unmarshal number into Go struct field ContainerPort.spec.template.spec.containers.ports.protocol of type v1.Protocol")
        #expect(message(deploy(#"{"template":{"spec":{"containers":[{"name":"c","imagePullPolicy":true}]}}}"#)) == prefix + "json: cannot unmarshal bool into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy")
        #expect(message(deploy(#"{"strategy":{"type":3}}"#)) == prefix + "json: cannot unmarshal number into Go struct field DeploymentStrategy.spec.strategy.type of type v1.DeploymentStrategyType")
        #expect(message(deploy(#"{"selector":{"matchExpressions":[{"key":"a","operator":1}]}}"#)) == prefix + "json: cannot unmarshal number into Go struct field LabelSelectorRequirement.spec.selector.matchExpressions.operator of type v1.LabelSelectorOperator")
        #expect(message(deploy(#"{"template":{"spec":{"restartPolicy":"Always","dnsPolicy":null}}}"#)) == nil)
        // The first type error wins over later ones and over strict errors.
        #expect(message(deploy(#"{"foo":1,"paused":1,"replicas":"x"}"#)) == prefix + "json: cannot unmarshal number into Go struct field DeploymentSpec.spec.paused of type bool")
        // Map values: the path has struct field names only.
        let labels = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"a":5}}}"#
        #expect(message(labels) == #"ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"#)
        let labelsList = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":["a"]}}"#
        #expect(message(labelsList) == #"ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string"#)
    }

    /// Lists of named string types: a wrong item names the element type, a wrong list `[]T`.
    @Test func listsOfNamedStringTypes() {
        let pvc = { (modes: String) in #"{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"c"},"spec":{"accessModes":"# + modes + "}}" }
        let prefix = #"PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: json: cannot unmarshal "#
        #expect(message(pvc(#"["ReadWriteOnce",5]"#)) == prefix + "number into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type v1.PersistentVolumeAccessMode")
        #expect(message(pvc(#""ReadWriteOnce""#)) == prefix + "string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode")
        #expect(message(pvc(#"["ReadWriteOnce",null]"#)) == nil)
        let caps = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","securityContext":{"capabilities":{"drop":[{"x":1}]}}}]}}"#
        #expect(message(caps) == #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field Capabilities.spec.containers.securityContext.capabilities.drop of type v1.Capability"#)
        let np = #"{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"n"},"spec":{"policyTypes":{"a":1}}}"#
        #expect(message(np) == #"NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal object into Go struct field NetworkPolicySpec.spec.policyTypes of type []v1.PolicyType"#)
        let svc = #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ipFamilies":[4],"internalTrafficPolicy":true}}"#
        // (Keys arrive sorted, as kubectl's YAML-to-JSON conversion writes them: the first error wins.)
        #expect(message(svc) == #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServiceSpec.spec.internalTrafficPolicy of type v1.ServiceInternalTrafficPolicy"#)
        #expect(message(svc.replacingAll("true", with: #""Local""#)) == #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.ipFamilies of type v1.IPFamily"#)
        let job = #"{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"podFailurePolicy":{"rules":[{"action":1}]}}}"#
        #expect(message(job) == #"Job in version "v1" cannot be handled as a Job: json: cannot unmarshal number into Go struct field PodFailurePolicyRule.spec.podFailurePolicy.rules.action of type v1.PodFailurePolicyAction"#)
    }

    @Test func customDecoders() {
        let secret = #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":"notbase64!"}}"#
        #expect(message(secret) == #"Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 9"#)
        let secretNum = #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":5}}"#
        #expect(message(secretNum) == #"Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8"#)
        let qty = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"lots"}}}]}}"#
        #expect(message(qty) == #"Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"#)
        let suffix = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","resources":{"limits":{"memory":"1Gk"}}}]}}"#
        #expect(message(suffix) == #"Pod in version "v1" cannot be handled as a Pod: unable to parse quantity's suffix"#)
        let time = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","creationTimestamp":"yesterday"}}"#
        #expect(message(time) == #"Pod in version "v1" cannot be handled as a Pod: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006""#)
        let timeNum = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","creationTimestamp":5}}"#
        #expect(message(timeNum) == #"Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string"#)
    }

    @Test func goHelpers() {
        #expect(goBase64Error("cGFzc3dvcmQ=") == nil)
        #expect(goBase64Error("") == nil)
        #expect(goBase64Error("abc") == 0)
        #expect(goBase64Error("ab=c") == 2)
        #expect(goBase64Error("YQ==YQ==") == 4)
        #expect(goBase64Error("Y\nQ==") == nil)
        #expect(parseQuantityError("100m") == nil)
        #expect(parseQuantityError("1.5Gi") == nil)
        #expect(parseQuantityError("1e3") == nil)
        #expect(parseQuantityError("-0.5") == nil)
        #expect(parseQuantityError("1.2.3") == quantityFormatError)
        #expect(parseQuantityError("") == quantityFormatError)
        #expect(parseQuantityError("5Kb") == quantityFormatError)
        #expect(parseQuantityError("5Kk") == "unable to parse quantity's suffix")
        #expect(goParseRFC3339Error("2026-11-23T17:19:42Z", layout: "2006-01-02T15:04:05Z07:00") == nil)
        #expect(goParseRFC3339Error("2026-11-23T17:19:42.123+01:00", layout: "2006-01-02T15:04:05Z07:00") == nil)
        #expect(goParseRFC3339Error("2026-13-23T17:19:42Z", layout: "2006-01-02T15:04:05Z07:00") == #"parsing time "2026-13-23T17:19:42Z": month out of range"#)
        #expect(goParseRFC3339Error("2026-02-30T17:19:42Z", layout: "2006-01-02T15:04:05Z07:00") == #"parsing time "2026-02-30T17:19:42Z": day out of range"#)
        #expect(goParseRFC3339Error("2026-11-23 17:19:42Z", layout: "2006-01-02T15:04:05Z07:00") == #"parsing time "2026-11-23 17:19:42Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 17:19:42Z" as "T""#)
        #expect(goParseRFC3339Error("2026-11-23T17:19:42Zx", layout: "2006-01-02T15:04:05Z07:00") == #"parsing time "2026-11-23T17:19:42Zx": extra text: "x""#)
        #expect(strconvQuote("a\"b\\\n\u{1}é") == #""a\"b\\\n\x01é""#)
    }
}
