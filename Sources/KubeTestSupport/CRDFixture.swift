/// The YAML of a CustomResourceDefinition with one version, `v1`, served and stored, whose
/// `openAPIV3Schema` is `schema` (written from column 0; it is indented under the key here). The
/// name is `plural.group`; `singular` is left out when nil (the API server then uses the kind in
/// lower case).
public func crdYAML(group: String = "example.com", kind: String = "Widget", plural: String = "widgets",
                    singular: String? = "widget", scope: String = "Namespaced", schema: String) -> String
{
    let names = "{kind: \(kind), plural: \(plural)" + (singular.map { ", singular: \($0)" } ?? "") + "}"
    let indented = schema.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: \(plural).\(group)
        spec:
          group: \(group)
          names: \(names)
          scope: \(scope)
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
        \(indented)

        """
}
