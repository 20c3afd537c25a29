import Testing
import KubeModel
@testable import KubeSchema

@Suite struct ExplainCRDTests {
    static let schema = try! JSON.parse(#"""
        {"type":"object","description":"A cron tab.","properties":{
          "spec":{"type":"object","description":"What to run.","required":["image"],"properties":{
            "image":{"type":"string","description":"The image."},
            "mode":{"type":"string","enum":["","Fast","Slow","Auto","Off"],"description":"Speed."},
            "replicas":{"type":"integer","format":"int32"},
            "labels":{"type":"object","additionalProperties":{"type":"string"}},
            "ports":{"type":"array","items":{"type":"object","description":"One port.","properties":{"port":{"type":"integer"}}}}}},
          "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
        """#)

    let index = SchemaIndex.customResource(group: "stable.example.com", version: "v1", kind: "CronTab", plural: "crontabs",
                                           namespaced: true, openAPIV3Schema: Self.schema)

    @Test func explainsWithTheCRDsOwnDescriptions() {
        let e = Explainer(index: index)
        let gvk = GroupVersionKind(group: "stable.example.com", version: "v1", kind: "CronTab")
        let r = e.plaintext(gvk: gvk, fieldPath: ["spec"])
        #expect(r.error == nil)
        #expect(r.output == """
            GROUP:      stable.example.com
            KIND:       CronTab
            VERSION:    v1

            FIELD: spec <Object>


            DESCRIPTION:
                What to run.
                
            FIELDS:
              image\t<string> -required-
                The image.

              labels\t<map[string]string>
                <no description>

              mode\t<string>
              enum: "", Fast, Slow, Auto, ....
                Speed.

              ports\t<[]Object>
                <no description>

              replicas\t<integer>
                <no description>



            """)
        let m = e.plaintext(gvk: gvk, fieldPath: ["spec", "mode"])
        #expect(m.output.contains("FIELD: mode <string>\nENUM:\n    \"\"\n    Fast\n    Slow\n    Auto\n    Off\n\nDESCRIPTION:\n    Speed.\n"))
        let p = e.plaintext(gvk: gvk, fieldPath: ["spec", "ports"])
        #expect(p.output.contains("DESCRIPTION:\n    <no description>") == false)
        #expect(p.output.contains("DESCRIPTION:\n    One port.\n    \nFIELDS:\n  port\t<integer>\n"))
        #expect(e.plaintext(gvk: gvk, fieldPath: ["status"]).output.contains("FIELD: status <Object>\n"))
    }
}
