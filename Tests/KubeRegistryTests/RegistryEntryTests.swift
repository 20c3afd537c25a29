import KubeModel
import KubeRegistry
import Testing

/// What one registry entry carries beyond names: rules the API layer and the commands read from it.
@Suite struct RegistryEntryTests {
    static func object(spec: JSONValue, status: JSONValue = .null, generation: Int64? = nil) -> JSONValue {
        var o: JSONValue = ["apiVersion": "v1", "kind": "X", "metadata": ["name": "x"], "spec": spec]
        if !status.isNull { o["status"] = status }
        if let generation { o["metadata"]["generation"] = .int(generation) }
        return o
    }

    @Test func specGenerationMovesWithTheSpecOnly() {
        let rule = Registry.builtin.type(group: "apps", kind: "Deployment")!.generation
        #expect(rule == .spec)
        var created = Self.object(spec: ["replicas": 1])
        rule.apply(to: &created, old: nil)
        #expect(created["metadata"]["generation"] == .int(1))
        var scaled = Self.object(spec: ["replicas": 2], generation: 1)
        rule.apply(to: &scaled, old: created)
        #expect(scaled["metadata"]["generation"] == .int(2))
        var statusOnly = Self.object(spec: ["replicas": 2], status: ["replicas": 2], generation: 2)
        rule.apply(to: &statusOnly, old: scaled)
        #expect(statusOnly["metadata"]["generation"] == .int(2))
    }

    @Test func customResourcesCountEveryChangeButMetadataAndStatus() {
        let rule = GenerationRule.allButMetadataAndStatus
        let old = Self.object(spec: ["size": 1], generation: 4)
        var other = old
        other["data"] = "new top-level field"
        rule.apply(to: &other, old: old)
        #expect(other["metadata"]["generation"] == .int(5))
        var labelled = old
        labelled["metadata"]["labels"] = ["a": "b"]
        labelled["status"] = ["ready": true]
        rule.apply(to: &labelled, old: old)
        #expect(labelled["metadata"]["generation"] == .int(4))
    }

    @Test func kindsWithoutGenerationGetNone() {
        let rule = Registry.builtin.type(group: "", kind: "ConfigMap")!.generation
        #expect(rule == .none)
        var cm: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"]]
        rule.apply(to: &cm, old: nil)
        #expect(cm["metadata"]["generation"].isNull)
    }

    /// Every table's row function gives one cell per column, even for an empty object, so an entry added
    /// with a table cannot print ragged rows.
    @Test func rowsHaveOneCellPerColumn() {
        for t in Registry.builtin.allVersions {
            guard let columns = t.columns, let row = t.row else {
                #expect(t.columns == nil && t.row == nil, "\(t.qualifiedPlural): columns and row come together")
                continue
            }
            let empty: JSONValue = ["apiVersion": .string(t.apiVersion), "kind": .string(t.kind), "metadata": ["name": "x"]]
            #expect(row(empty).count == columns.count, "\(t.qualifiedPlural)")
        }
    }

    @Test func workloadEntriesNameTheirPodSpecAndScale() {
        let deploy = Registry.builtin.type(group: "apps", kind: "Deployment")!
        #expect(deploy.podSpecPath == ["spec", "template", "spec"] && deploy.scale == .replicas)
        let cronJob = Registry.builtin.type(group: "batch", kind: "CronJob")!
        #expect(cronJob.podSpecPath == ["spec", "jobTemplate", "spec", "template", "spec"] && cronJob.scale == nil)
        #expect(Registry.builtin.type(group: "", kind: "Pod")!.podSpecPath == ["spec"])
        #expect(Registry.builtin.type(group: "apps", kind: "DaemonSet")!.scale == nil)
    }
}
