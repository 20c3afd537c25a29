import KubeTestSupport
import Testing

/// The CRD fixtures (Golden/crd), located from this file.
private func crdFixture(_ name: String) -> String {
    besideTest("Golden/crd/" + name)
}

private let cronTab = """
    apiVersion: stable.example.com/v1
    kind: CronTab
    metadata:
      name: my-new-cron-object
    spec:
      cronSpec: "* * * * */5"
      image: my-awesome-cron-image
      replicas: 2
      weight: 1.5
      suspend: false

    """

private let otherCronTab = """
    apiVersion: stable.example.com/v1
    kind: CronTab
    metadata:
      name: second
    spec:
      cronSpec: "0 * * * *"

    """

/// A store with the CronTab CRD created.
private func cronTabStore() -> TestStore {
    let s = TestStore()
    let r = s.run("create -f \(crdFixture("crontab-crd.yaml"))")
    #expect(r == CLIResult(stdout: "customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n",
                           stderr: "", exitCode: 0))
    return s
}

@Suite struct CRDTests {
    @Test func crdIsEstablishedWithAcceptedNames() {
        let s = cronTabStore()
        #expect(s.run("get crd").stdout == """
            NAME                          CREATED AT
            crontabs.stable.example.com   2026-11-23T12:00:00Z

            """)
        let established = s.run(#"get crd crontabs.stable.example.com -o 'jsonpath={.status.conditions[?(@.type=="Established")].status}'"#)
        #expect(established.stdout == "True")
        let names = s.run(#"get crd crontabs.stable.example.com -o jsonpath={.status.conditions[*].type}/{.status.acceptedNames.kind}/{.status.acceptedNames.listKind}/{.status.storedVersions}"#)
        #expect(names.stdout == #"NamesAccepted Established/CronTab/CronTabList/["v1"]"#)
        #expect(s.run("get crd crontabs.stable.example.com -o jsonpath={.spec.conversion.strategy}").stdout == "None")
        // Discovery: the kind is served, preferred version first.
        let resources = s.run("api-resources --api-group=stable.example.com")
        #expect(resources.stdout == """
            NAME       SHORTNAMES   APIVERSION              NAMESPACED   KIND
            crontabs   ct           stable.example.com/v1   true         CronTab

            """)
        #expect(s.run("api-versions").stdout.contains("stable.example.com/v1\nstable.example.com/v1beta1\n"))
    }

    @Test func customResourceTablesUsePrinterColumns() {
        let s = cronTabStore()
        #expect(s.run("get ct").stdout == "")
        #expect(s.run("get ct").stderr == "No resources found in default namespace.\n")
        let f = s.writeFile("ct.yaml", cronTab)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "crontab.stable.example.com/my-new-cron-object created\n", stderr: "", exitCode: 0))
        s.run("create -f \(s.writeFile("ct2.yaml", otherCronTab))")
        s.setNow("2026-11-23T12:05:00Z")
        // priority 0 columns only; NAME first; the declared Age (type date) as a duration; a missing value is empty.
        #expect(s.run("get crontabs").stdout == """
            NAME                 SPEC          REPLICAS   AGE
            my-new-cron-object   * * * * */5   2          5m
            second               0 * * * *                5m

            """)
        #expect(s.run("get ct -o wide").stdout == """
            NAME                 SPEC          REPLICAS   IMAGE                   WEIGHT   SUSPENDED   AGE
            my-new-cron-object   * * * * */5   2          my-awesome-cron-image   1.5      false       5m
            second               0 * * * *                                                             5m

            """)
        #expect(s.run("get crontab.stable.example.com second -o name").stdout == "crontab.stable.example.com/second\n")
        // Category "all" includes it, with the kind prefix.
        let all = s.run("get all").stdout
        #expect(all.contains("""
            NAME                                            SPEC          REPLICAS   AGE
            crontab.stable.example.com/my-new-cron-object   * * * * */5   2          5m
            """))
        // Cells are computed at write time with the preferred version's columns; other versions show those.
        #expect(s.run("get crontabs.v1beta1.stable.example.com second").stdout == """
            NAME     SPEC        REPLICAS   AGE
            second   0 * * * *              5m

            """)
    }

    @Test func labelDescribeAndYAML() {
        let s = cronTabStore()
        s.run("create -f \(s.writeFile("ct.yaml", cronTab))")
        #expect(s.run("label ct my-new-cron-object tier=batch").stdout == "crontab.stable.example.com/my-new-cron-object labeled\n")
        #expect(s.run("get ct -l tier=batch -o name").stdout == "crontab.stable.example.com/my-new-cron-object\n")
        let y = s.run("get ct my-new-cron-object -o yaml").stdout
        #expect(y.hasPrefix("apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  creationTimestamp: \"2026-11-23T12:00:00Z\"\n  generation: 1\n  labels:\n    tier: batch\n"))
        #expect(y.hasSuffix("spec:\n  cronSpec: '* * * * */5'\n  image: my-awesome-cron-image\n  replicas: 2\n  suspend: false\n  weight: 1.5\n"))
        let d = s.run("describe ct my-new-cron-object").stdout
        #expect(d.hasPrefix("""
            Name:         my-new-cron-object
            Namespace:    default
            Labels:       tier=batch
            Annotations:  <none>
            API Version:  stable.example.com/v1
            Kind:         CronTab
            Metadata:
              Creation Timestamp:  2026-11-23T12:00:00Z
              Generation:          1

            """))
        #expect(d.hasSuffix("""
            Spec:
              Cron Spec:  * * * * */5
              Image:      my-awesome-cron-image
              Replicas:   2
              Suspend:    false
              Weight:     1.5
            Events:       <none>

            """))
    }

    @Test func schemaValidationAndPruning() {
        let s = cronTabStore()
        let unknown = s.writeFile("unknown.yaml", cronTab.replacingOnce("  replicas: 2\n", "  replicas: 2\n  zeta: 1\n  alpha: x\n"))
        let r = s.run("create -f \(unknown)")
        #expect(r.exitCode == 1)
        #expect(r.stderr == "Error from server (BadRequest): error when creating \"\(unknown)\": CronTab in version \"v1\" cannot be handled as a CronTab: strict decoding error: unknown field \"spec.alpha\", unknown field \"spec.zeta\"\n")
        // Without strict validation the unknown fields are pruned, not stored.
        #expect(s.run("create -f \(unknown) --validate=false").exitCode == 0)
        #expect(s.run("get ct my-new-cron-object -o jsonpath={.spec.zeta}{.spec.alpha}{.spec.replicas}").stdout == "2")
        let warn = s.run("create -f \(unknown) --validate=warn")
        #expect(warn.stderr.hasPrefix("Warning: unknown field \"spec.alpha\"\nWarning: unknown field \"spec.zeta\"\n"))

        let wrongType = s.writeFile("bad.yaml", otherCronTab.replacingOnce("  cronSpec: \"0 * * * *\"\n", "  cronSpec: \"0 * * * *\"\n  replicas: two\n"))
        let t = s.run("create -f \(wrongType)")
        #expect(t == CLIResult(stdout: "", stderr: "The CronTab \"second\" is invalid: spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"\n", exitCode: 1))
        let missing = s.writeFile("missing.yaml", otherCronTab.replacingOnce("  cronSpec: \"0 * * * *\"\n", "  image: x\n"))
        #expect(s.run("create -f \(missing)").stderr == "The CronTab \"second\" is invalid: spec.cronSpec: Required value\n")
        let low = s.writeFile("low.yaml", otherCronTab.replacingOnce("  cronSpec: \"0 * * * *\"\n", "  cronSpec: x\n  replicas: 0\n"))
        #expect(s.run("create -f \(low)").stderr == "The CronTab \"second\" is invalid: spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1\n")
        let mode = s.writeFile("mode.yaml", otherCronTab.replacingOnce("  cronSpec: \"0 * * * *\"\n", "  cronSpec: x\n  mode: Medium\n"))
        #expect(s.run("create -f \(mode)").stderr == "The CronTab \"second\" is invalid: spec.mode: Unsupported value: \"Medium\": supported values: \"Fast\", \"Slow\"\n")
        #expect(s.run("get ct -o name").stdout == "crontab.stable.example.com/my-new-cron-object\n")
    }

    @Test func explainReadsTheCRDSchema() {
        let s = cronTabStore()
        let e = s.run("explain ct.spec")
        #expect(e.exitCode == 0)
        #expect(e.stdout == """
            GROUP:      stable.example.com
            KIND:       CronTab
            VERSION:    v1

            FIELD: spec <Object>


            DESCRIPTION:
                What to run and when.
                
            FIELDS:
              cronSpec\t<string> -required-
                The schedule in cron format.

              image\t<string>
                <no description>

              mode\t<string>
              enum: Fast, Slow
                <no description>

              replicas\t<integer>
                <no description>

              suspend\t<boolean>
                <no description>

              weight\t<number>
                <no description>



            """)
        let top = s.run("explain crontabs").stdout
        #expect(top.contains("DESCRIPTION:\n    A CronTab runs a command on a schedule.\n"))
        #expect(top.contains("  metadata\t<ObjectMeta>\n"))
        #expect(s.run("explain ct.spec.nope").stderr == "error: field \"nope\" does not exist\n")
        #expect(s.run("explain ct --recursive").stdout.contains("  spec\t<Object>\n    cronSpec\t<string> -required-\n"))
    }

    @Test func deletingTheCRDDeletesItsObjectsAndKind() {
        let s = cronTabStore()
        s.run("create -f \(s.writeFile("ct.yaml", cronTab))")
        #expect(s.run("delete crd crontabs.stable.example.com").stdout == "customresourcedefinition.apiextensions.k8s.io \"crontabs.stable.example.com\" deleted\n")
        #expect(s.run("get ct") == CLIResult(stdout: "", stderr: "error: the server doesn't have a resource type \"ct\"\n", exitCode: 1))
        #expect(s.run("explain crontabs").stderr == "the server doesn't have a resource type \"crontabs\"\n")
        // Recreated, the kind is back and empty.
        s.run("create -f \(crdFixture("crontab-crd.yaml"))")
        #expect(s.run("get ct").stderr == "No resources found in default namespace.\n")
    }

    @Test func upstreamSchemalessResource() {
        let s = TestStore()
        #expect(s.run("create -f \(crdFixture("resources-crd.yaml"))").exitCode == 0)
        let r = s.run("create -f \(crdFixture("resource.yaml"))")
        #expect(r == CLIResult(stdout: "kind.mygroup.example.com/myobj created\n", stderr: "", exitCode: 0))
        #expect(s.run("get resource/myobj -o jsonpath={.spec.key}").stdout == "value")
        #expect(s.run("get resources").stdout == "NAME    AGE\nmyobj   0s\n")
        #expect(s.run("delete customresourcedefinition resources.mygroup.example.com").exitCode == 0)
        #expect(s.run("get resource/myobj").exitCode == 1)
    }

    @Test func crdValidation() {
        let s = TestStore()
        let f = s.writeFile("crd.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {plural: gadgets, kind: Gadget}
              versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]

            """)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: "", stderr: "The CustomResourceDefinition \"widgets.example.com\" is invalid: metadata.name: Invalid value: \"widgets.example.com\": must be spec.names.plural+\".\"+spec.group\n", exitCode: 1))
    }
}

@Suite struct CRDImportTests {
    @Test func importedV3DocumentReplacesTheEmbeddedSchemaForItsKinds() {
        let s = TestStore()
        let doc = crdFixture("apps-v1-openapi-v3.json")
        #expect(s.run("schema --import \(doc)") == CLIResult(stdout: "imported OpenAPI v3 document \(doc): 1 kind in apps/v1\n", stderr: "", exitCode: 0))
        #expect(s.run("explain deploy.spec").stdout == """
            GROUP:      apps
            KIND:       Deployment
            VERSION:    v1

            FIELD: spec <DeploymentSpec>


            DESCRIPTION:
                IMPORTED spec text.
                IMPORTED spec type text.
                
            FIELDS:
              paused\t<boolean>
                IMPORTED paused text.

              replicas\t<integer>
                IMPORTED replicas text.

              selector\t<LabelSelector> -required-
                IMPORTED selector text.



            """)
        // Kinds the document does not define keep the embedded schema.
        #expect(!s.run("explain sts.spec").stdout.contains("IMPORTED"))
        #expect(s.run("schema --remove-imports").stdout == "removed 1 imported OpenAPI document\n")
        #expect(!s.run("explain deploy.spec").stdout.contains("IMPORTED"))
        #expect(s.run("explain deploy.spec").stdout.contains("  template\t<PodTemplateSpec> -required-\n"))
    }

    @Test func importedV2Document() {
        let s = TestStore()
        let doc = crdFixture("core-v1-swagger.json")
        #expect(s.run("schema --import \(doc)").stdout == "imported OpenAPI v2 document \(doc): 1 kind in v1\n")
        let e = s.run("explain cm")
        #expect(e.stdout.contains("DESCRIPTION:\n    SWAGGER configmap text.\n"))
        #expect(e.stdout.contains("  data\t<map[string]string>\n    SWAGGER data text.\n"))
        #expect(e.stdout.contains("  metadata\t<ObjectMeta>\n    SWAGGER metadata text.\n"))
        #expect(!e.stdout.contains("binaryData"))
    }

    @Test func importErrors() {
        let s = TestStore()
        let bad = s.writeFile("bad.json", "{\"openapi\": \"3.0.0\"}")
        #expect(s.run("schema --import \(bad)") == CLIResult(stdout: "", stderr: "error: \(bad): not an OpenAPI document: neither \"components.schemas\" (v3) nor \"definitions\" (v2) found\n", exitCode: 1))
        #expect(s.run("schema --import \(s.directory)/missing.json").stderr == "error: cannot read \(s.directory)/missing.json: No such file or directory\n")
    }
}

extension String {
    fileprivate func replacingOnce(_ target: String, _ replacement: String) -> String {
        replacing(target, with: replacement, maxReplacements: 1)
    }
}
