// Resources of the "certificates.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let certificatesV1: [ResourceType] = [
        .builtin(group: "certificates.k8s.io", version: "v1", kind: "CertificateSigningRequest", plural: "certificatesigningrequests", namespaced: false, shortNames: ["csr"],
                 table: CertificateSigningRequestColumns.printer,
                 describer: { describeCSR($0, $1) },
                 nameRule: .pathSegment,
                 fieldSelectors: ["spec.signerName": { Fmt.str($0["spec"]["signerName"]) }],
                 schemaName: "io.k8s.api.certificates.v1.CertificateSigningRequest"),
    ]
}
