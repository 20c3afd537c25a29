import KubeModel
import KubeTestSupport
import Testing

/// v1.32's order for a write: mutating admission (NamespaceLifecycle refuses a missing namespace there)
/// comes before the kind's validation, and each kind's ValidateX starts with ValidateObjectMeta, so the
/// metadata's causes lead the spec's in one Invalid error (create and update alike). LimitRanger's min and
/// max are its Validate half: a validating plugin, judged after the kind's validation.
@Suite struct MetadataWithSpecTests {
    static let badLabelValue = strconvQuote("-bad")
    static let labelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
        + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
        + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    static let subdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
        + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    /// A pod with a bad name, a bad label value and an out-of-range port: all three, metadata first.
    @Test func podMetadataAndSpecCausesComeTogether() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: Bad_Name
              labels: {x: "-bad"}
            spec:
              containers:
              - name: c
                image: nginx
                ports:
                - containerPort: 70000
            """, """
            The Pod "Bad_Name" is invalid: 
            * metadata.name: Invalid value: "Bad_Name": \(Self.subdomainMessage)
            * metadata.labels: Invalid value: \(Self.badLabelValue): \(Self.labelValueMessage)
            * spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive

            """, check: "get pods -A -o name")
    }

    /// No name: the Required cause, then the labels', then the spec's.
    @Test func missingNameIsOneCauseAmongOthers() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              labels: {x: "-bad"}
            spec:
              containers:
              - name: c
            """, """
            The Pod "" is invalid: 
            * metadata.name: Required value: name or generateName is required
            * metadata.labels: Invalid value: \(Self.badLabelValue): \(Self.labelValueMessage)
            * spec.containers[0].image: Required value

            """, check: "get pods -A -o name", verbs: ["create"])
    }

    /// A ConfigMap's bad label and bad data key in one error.
    @Test func configMapLabelAndKeyCausesComeTogether() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
              labels: {x: "-bad"}
            data:
              "bad key": v
            """, """
            The ConfigMap "cm" is invalid: 
            * metadata.labels: Invalid value: \(Self.badLabelValue): \(Self.labelValueMessage)
            * data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')

            """, check: "get configmaps -A -o name")
    }

    /// A missing namespace is found by admission, before any validation: a bad name there is not reported.
    @Test func missingNamespaceComesBeforeAnInvalidName() {
        let s = TestStore()
        #expect(s.run("run Bad_Name --image=nginx -n nowhere")
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): namespaces \"nowhere\" not found\n", exitCode: 1))
        let f = s.writeFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n  namespace: nowhere\n")
        #expect(s.run("create -f \(f)")
            == CLIResult(stdout: "", stderr: "Error from server (NotFound): error when creating \"\(f)\": namespaces \"nowhere\" not found\n", exitCode: 1))
        #expect(s.run("get configmaps,pods -A -o name --field-selector metadata.namespace=nowhere").stdout == "")
    }

    /// On update (replace) the metadata's causes lead the spec's too, and the stored object stays.
    @Test func replaceReportsMetadataAndSpecTogether() {
        let s = TestStore()
        #expect(s.run("create deployment d --image=nginx").exitCode == 0)
        let before = s.run("get deployment d -o yaml").stdout
        // The Deployment's own label (the first `app: d`, under metadata) and its replicas.
        var lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let i = lines.firstIndex(of: "    app: d") { lines[i] = "    app: \"-bad\"" }
        if let i = lines.firstIndex(of: "  replicas: 1") { lines[i] = "  replicas: -1" }
        let changed = lines.joined(separator: "\n")
        #expect(changed != before)
        let f = s.writeFile("d.yaml", changed)
        #expect(s.run("replace -f \(f)") == CLIResult(stdout: "", stderr: """
            The Deployment "d" is invalid: 
            * metadata.labels: Invalid value: \(Self.badLabelValue): \(Self.labelValueMessage)
            * spec.replicas: Invalid value: -1: must be greater than or equal to 0

            """, exitCode: 1))
        #expect(s.run("get deployment d -o yaml").stdout == before)
    }

    /// A pod over a LimitRange's max with an invalid port is Invalid (validation first); with a valid port
    /// it is Forbidden by LimitRanger's validating half.
    @Test func limitRangeMaxComesAfterTheKindsValidation() {
        let s = TestStore()
        let lr = s.writeFile("lr.yaml", "apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: Container\n    max: {cpu: \"1\"}\n")
        #expect(s.run("create -f \(lr)").exitCode == 0)
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: pp}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources: {limits: {cpu: \"2\"}}\n"
        let badPort = s.writeFile("bad.yaml", pod + "    ports: [{containerPort: 70000}]\n")
        #expect(s.run("create -f \(badPort)") == CLIResult(stdout: "", stderr: """
            The Pod "pp" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive

            """, exitCode: 1))
        let overMax = s.writeFile("over.yaml", pod)
        #expect(s.run("create -f \(overMax)") == CLIResult(stdout: "", stderr: """
            Error from server (Forbidden): error when creating "\(overMax)": pods "pp" is forbidden: maximum cpu usage per Container is 1, but limit is 2

            """, exitCode: 1))
        #expect(s.run("get pods -o name").stdout == "")
    }
}
