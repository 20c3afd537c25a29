// Resources of the "admissionregistration.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let admissionregistrationV1: [KindData] = [
        KindData("MutatingWebhookConfiguration", "mutatingwebhookconfigurations", namespaced: false, categories: ["api-extensions"], schema: "io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration"),
        KindData("ValidatingAdmissionPolicy", "validatingadmissionpolicies", namespaced: false, categories: ["api-extensions"], schema: "io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicy"),
        KindData("ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings", namespaced: false, categories: ["api-extensions"], schema: "io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBinding"),
        KindData("ValidatingWebhookConfiguration", "validatingwebhookconfigurations", namespaced: false, categories: ["api-extensions"], schema: "io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration"),
    ]
}
