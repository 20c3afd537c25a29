// Resources of the "batch" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let batchV1: [KindData] = [
        KindData("CronJob", "cronjobs", namespaced: true, shortNames: ["cj"], categories: ["all"], schema: "io.k8s.api.batch.v1.CronJob"),
        KindData("Job", "jobs", namespaced: true, categories: ["all"], schema: "io.k8s.api.batch.v1.Job"),
    ]
}
