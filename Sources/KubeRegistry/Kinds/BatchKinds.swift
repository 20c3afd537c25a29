// Resources of the "batch" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let batchV1: [ResourceType] = [
        .builtin(group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", namespaced: true, shortNames: ["cj"], categories: ["all"],
                 table: CronJobColumns.printer,
                 describer: { describeCronJob($0, $1) },
                 podSpecPath: ["spec", "jobTemplate", "spec", "template", "spec"],
                 generation: .spec,
                 schemaName: "io.k8s.api.batch.v1.CronJob"),
        .builtin(group: "batch", version: "v1", kind: "Job", plural: "jobs", namespaced: true, categories: ["all"],
                 table: JobColumns.printer,
                 describer: { describeJob($0, $1) },
                 fieldSelectors: ["status.successful": { String(Fmt.int($0["status"]["succeeded"])) }],
                 podSpecPath: ResourceType.templatePodSpec,
                 generation: .spec,
                 schemaName: "io.k8s.api.batch.v1.Job"),
    ]
}
