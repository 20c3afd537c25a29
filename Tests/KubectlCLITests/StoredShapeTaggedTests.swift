import KubeModel
import KubeTestSupport
import Testing

/// The built-in kinds kubectl cannot round-trip offline are stored as their types.go json tags say a v1.32 API
/// server stores them: Golden/storedshape/tagged.yaml writes zero values of every sort into a Namespace, a
/// ServiceAccount, PersistentVolumes, an Ingress and IngressClass, a NetworkPolicy, HorizontalPodAutoscalers (v1
/// and v2), a PodDisruptionBudget, a StorageClass, Endpoints and an EndpointSlice, a Lease, a ResourceQuota, a
/// LimitRange, a PriorityClass, a RuntimeClass, a CSIDriver, both Events, a webhook configuration, a
/// CustomResourceDefinition, a FlowSchema, PriorityLevelConfigurations, a ValidatingAdmissionPolicy and its binding
/// and an APIService (the defaults that fill their written zeros included); tagged-expected.jsonl (record-tagged.py, which runs no binary: it applies
/// encoding/json's rules to the tags' marks) lists for each object the zero-valued fields that must be gone, those
/// that must stay with their value and the structs Go always writes.
@Suite struct StoredShapeTaggedTests {
    static let dir = StoredShapeGoldenTests.dir

    static func value(_ v: JSONValue, at path: [JSONValue]) -> JSONValue? {
        var cur = v
        for p in path {
            if let k = p.string { guard let next = cur.object?[k] else { return nil }; cur = next; continue }
            guard let i = p.int.map(Int.init), let a = cur.array, i < a.count else { return nil }
            cur = a[i]
        }
        return cur
    }

    @Test func zeroValuesOfTheTaggedKindsAreStoredAsTheTagsSay() throws {
        let lines = (readTextFile(Self.dir + "/tagged-expected.jsonl") ?? "").split(separator: "\n").map(String.init)
        #expect(lines.count >= 20)
        let s = TestStore()
        let created = s.run(args: ["create", "-f", Self.dir + "/tagged.yaml"])
        #expect(created.exitCode == 0, "\(created)")
        var assertions = 0
        for line in lines {
            let want = try JSON.parse(line)
            let what = (want["get"].array ?? []).compactMap(\.string)
            let got = s.run(args: ["get"] + what + ["-o", "json"])
            #expect(got.exitCode == 0, "\(what): \(got)")
            let obj = try JSON.parse(got.stdout)
            for path in want["absent"].array ?? [] {
                assertions += 1
                #expect(Self.value(obj, at: path.array ?? []) == nil, "\(what) \(path.jsonString(.compact)) kept: \(obj.jsonString(.compact))")
            }
            for pair in want["present"].array ?? [] {
                assertions += 1
                let path = pair[0].array ?? []
                #expect(Self.value(obj, at: path) == pair[1], "\(what) \(pair[0].jsonString(.compact)) is not \(pair[1].jsonString(.compact)): \(obj.jsonString(.compact))")
            }
            for path in want["exists"].array ?? [] {
                assertions += 1
                #expect(Self.value(obj, at: path.array ?? [])?.object != nil, "\(what) \(path.jsonString(.compact)) missing: \(obj.jsonString(.compact))")
            }
        }
        #expect(assertions >= 80)
    }
}
