// Resources of the "certificates.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let certificatesV1: [KindData] = [
        KindData("CertificateSigningRequest", "certificatesigningrequests", namespaced: false, shortNames: ["csr"], schema: "io.k8s.api.certificates.v1.CertificateSigningRequest"),
    ]
}
