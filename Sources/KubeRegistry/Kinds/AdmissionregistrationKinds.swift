// Resources of the "admissionregistration.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let admissionregistrationV1: [ResourceType] = [
        .builtin(group: "admissionregistration.k8s.io", version: "v1", kind: "MutatingWebhookConfiguration", plural: "mutatingwebhookconfigurations", namespaced: false, categories: ["api-extensions"],
                 table: AdmissionColumns.webhookConfiguration,
                 schemaName: "io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration"),
        .builtin(group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingAdmissionPolicy", plural: "validatingadmissionpolicies", namespaced: false, categories: ["api-extensions"],
                 table: AdmissionColumns.policy,
                 schemaName: "io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicy"),
        .builtin(group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingAdmissionPolicyBinding", plural: "validatingadmissionpolicybindings", namespaced: false, categories: ["api-extensions"],
                 table: AdmissionColumns.policyBinding,
                 schemaName: "io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBinding"),
        .builtin(group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingWebhookConfiguration", plural: "validatingwebhookconfigurations", namespaced: false, categories: ["api-extensions"],
                 table: AdmissionColumns.webhookConfiguration,
                 schemaName: "io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration"),
    ]
}
