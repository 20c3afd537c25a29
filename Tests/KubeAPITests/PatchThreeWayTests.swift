import KubeModel
import Testing
@testable import KubeAPI

/// The three-way patch client-side apply sends (last applied, live, new) and its application.
struct PatchThreeWayTests {
    let schema = PatchSchema.forObject(apiVersion: "apps/v1", kind: "Deployment")

    func json(_ s: String) -> JSONValue { try! JSON.parse(s) }

    func container(_ name: String, _ image: String) -> String { "{\"name\":\"\(name)\",\"image\":\"\(image)\"}" }

    func deployment(_ containers: [String], replicas: Int = 1, extra: String = "") -> JSONValue {
        json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"w\"\(extra)},\"spec\":{\"replicas\":\(replicas),\"template\":{\"spec\":{\"containers\":[\(containers.joined(separator: ","))]}}}}")
    }

    @Test func unchangedConfigurationGivesEmptyPatch() throws {
        let cfg = deployment([container("a", "x")])
        var live = cfg
        live["spec"]["template"]["spec"]["containers"] = json("[{\"name\":\"a\",\"image\":\"x\",\"imagePullPolicy\":\"Always\"}]")
        live["status"] = json("{\"replicas\":1}")
        let p = try ThreeWayMerge.patch(original: cfg, modified: cfg, current: live, schema: schema)
        #expect(p == .emptyObject)
    }

    @Test func removedMapIsDeleted() throws {
        let last = deployment([container("a", "x")], extra: ",\"labels\":{\"mine\":\"1\"}")
        let new = deployment([container("a", "x")])
        var live = last
        live["metadata"]["labels"]["theirs"] = "2"
        let p = try ThreeWayMerge.patch(original: last, modified: new, current: live, schema: schema)
        #expect(p == json("{\"metadata\":{\"labels\":null}}"))
        let applied = try StrategicMerge.apply(live, patch: p, schema: schema)
        #expect(applied["metadata"]["labels"].isNull)
    }

    @Test func removedLabelOnlyRemovesThatLabel() throws {
        let last = deployment([container("a", "x")], extra: ",\"labels\":{\"mine\":\"1\",\"gone\":\"x\"}")
        let new = deployment([container("a", "x")], extra: ",\"labels\":{\"mine\":\"1\"}")
        var live = last
        live["metadata"]["labels"]["theirs"] = "2"
        let p = try ThreeWayMerge.patch(original: last, modified: new, current: live, schema: schema)
        #expect(p == json("{\"metadata\":{\"labels\":{\"gone\":null}}}"))
        let applied = try StrategicMerge.apply(live, patch: p, schema: schema)
        #expect(applied["metadata"]["labels"] == json("{\"mine\":\"1\",\"theirs\":\"2\"}"))
    }

    @Test func removedContainerGetsDeleteDirectiveAndOrder() throws {
        let last = deployment([container("a", "x"), container("b", "y")])
        let new = deployment([container("a", "x2")])
        let p = try ThreeWayMerge.patch(original: last, modified: new, current: last, schema: schema)
        let spec = p["spec"]["template"]["spec"]
        #expect(spec["$setElementOrder/containers"] == json("[{\"name\":\"a\"}]"))
        #expect(spec["containers"] == json("[{\"image\":\"x2\",\"name\":\"a\"},{\"$patch\":\"delete\",\"name\":\"b\"}]"))
        let applied = try StrategicMerge.apply(last, patch: p, schema: schema)
        #expect(applied["spec"]["template"]["spec"]["containers"] == json("[{\"name\":\"a\",\"image\":\"x2\"}]"))
    }

    @Test func containerAddedByOthersSurvives() throws {
        let last = deployment([container("a", "x")])
        let live = deployment([container("a", "x"), container("sidecar", "s")])
        let new = deployment([container("a", "x")], replicas: 3)
        let p = try ThreeWayMerge.patch(original: last, modified: new, current: live, schema: schema)
        #expect(p["spec"]["replicas"] == 3)
        #expect(p["spec"]["template"]["spec"]["containers"].isNull)
        let applied = try StrategicMerge.apply(live, patch: p, schema: schema)
        #expect(applied["spec"]["template"]["spec"]["containers"] == live["spec"]["template"]["spec"]["containers"])
    }

    @Test func strategyTypeChangeUsesRetainKeys() throws {
        let last = json("{\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\"}}}")
        let live = json("{\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":\"25%\"}}}}")
        let new = json("{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}")
        let p = try ThreeWayMerge.patch(original: last, modified: new, current: live, schema: schema)
        #expect(p == json("{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}"))
        let applied = try StrategicMerge.apply(live, patch: p, schema: schema)
        #expect(applied == new)
    }

    @Test func primitiveListDeletionUsesParallelList() throws {
        let pod = PatchSchema.forObject(apiVersion: "v1", kind: "Pod")
        let last = json("{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}")
        let new = json("{\"metadata\":{\"finalizers\":[\"b\"]}}")
        let live = json("{\"metadata\":{\"finalizers\":[\"a\",\"b\",\"c\"]}}")
        let p = try ThreeWayMerge.patch(original: last, modified: new, current: live, schema: pod)
        #expect(p["metadata"]["$deleteFromPrimitiveList/finalizers"] == json("[\"a\"]"))
        let applied = try StrategicMerge.apply(live, patch: p, schema: pod)
        #expect(applied["metadata"]["finalizers"] == json("[\"b\",\"c\"]"))
    }

    @Test func goValueFormatting() {
        #expect(goValueString(json("{\"b\":[1,\"x\"],\"a\":null}")) == "map[a:<nil> b:[1 x]]")
    }
}
