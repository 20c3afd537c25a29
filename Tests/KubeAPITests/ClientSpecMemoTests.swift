import Foundation
import KubeModel
import KubeRegistry
import Testing

@testable import KubeAPI

/// A client's pods of one spec are decoded, pruned and defaulted once per session (`ClientSpecMemo`,
/// `Defaults.pod`): each pod is still stored, refused and warned about exactly as when it is created
/// alone in its own request.
@Suite struct ClientSpecMemoTests {
    static let spec: JSONValue = [
        "containers": [["name": "web", "image": "nginx:1.27", "ports": [["containerPort": 80]],
                        "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]]]],
        "restartPolicy": "Always", "hostNetwork": false,
    ]

    /// The spec with every object's keys in reverse order.
    static func reversed(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            var r = JSONObject()
            for k in o.keys.reversed() { r[k] = reversed(o[k]!) }
            return .object(r)
        case .array(let a): return .array(a.map(reversed))
        default: return v
        }
    }

    static var pods: [JSONValue] {
        func pod(_ name: String, _ metadata: JSONValue = .emptyObject, spec: JSONValue = spec) -> JSONValue {
            var m = metadata
            m["name"] = .string(name)
            return ["apiVersion": "v1", "kind": "Pod", "metadata": m, "spec": spec]
        }
        var unknown = spec
        unknown["bogus"] = 1
        var emptyList = spec
        emptyList["tolerations"] = []
        var bad = spec
        bad["containers"] = [["name": "web", "image": ""]]
        var wrongType = spec
        wrongType["containers"] = [["name": "web", "image": "nginx:1.27", "ports": [["containerPort": "eighty"]]]]
        return [
            pod("p0", ["labels": ["app": "a"]]),
            pod("p1", ["labels": ["app": "b", "tier": "x"]]),
            pod("p2", spec: reversed(spec)),
            pod("p3", ["annotations": .emptyObject, "labels": ["app": "c"]]),
            pod("p4", ["bogus": 1]),
            pod("p5", spec: unknown),
            pod("p6", spec: emptyList),
            pod("p7", spec: bad),
            pod("p8", spec: wrongType),
            pod("p9", ["labels": ["app": "d"]]),
            pod("p10", spec: reversed(spec)),
            // Texts Swift's `==` takes for equal: a valid environment variable name, then an invalid one
            // (the Kelvin sign); an image written precomposed, then decomposed (stored as written).
            pod("k1", spec: ["containers": [["name": "c", "image": "nginx", "env": [["name": "K", "value": "1"]]]]]),
            pod("k2", spec: ["containers": [["name": "c", "image": "nginx", "env": [["name": "\u{212A}", "value": "1"]]]]]),
            pod("e1", spec: ["containers": [["name": "c", "image": "caf\u{E9}"]]]),
            pod("e2", spec: ["containers": [["name": "c", "image": "cafe\u{301}"]]]),
        ]
    }

    /// The pod as stored, without what differs between any two creates (uid, token volume name, container ids).
    static func normalized(_ pod: JSONValue) -> String {
        var text = pod.jsonString(.compactOrdered)
        for pattern in [#"kube-api-access-[a-z0-9]{5}"#, #""uid":"[0-9a-f-]{36}""#, #""resourceVersion":"[0-9]+""#,
                        #"containerd://[0-9a-f]{64}"#] {
            text = text.replacingOccurrences(of: pattern, with: "X", options: .regularExpression)
        }
        return text
    }

    /// Each pod's outcome (stored object or error) and the warnings, with all pods in one session
    /// (`together`) or each in its own.
    func outcomes(together: Bool) throws -> [String] {
        let c = try Cluster()
        var warnings: [String] = []
        c.server.warningHandler = { warnings.append($0) }
        let podType = c.type("", "Pod")
        var out: [String] = []
        func createAll(_ pods: [JSONValue]) throws {
            try c.server.write { s in
                for pod in pods {
                    do {
                        try s.create(pod, type: podType, namespace: "default")
                    } catch {
                        out.append("\(pod["metadata"]["name"].string ?? ""): \(error)")
                    }
                }
            }
        }
        if together { try createAll(Self.pods) } else { for pod in Self.pods { try createAll([pod]) } }
        for pod in try c.list("", "Pod") { out.append(Self.normalized(pod)) }
        return out + warnings
    }

    @Test func podsOfOneSpecComeOutAsEachAlone() throws {
        let alone = try outcomes(together: false)
        let together = try outcomes(together: true)
        #expect(together.count == alone.count)
        // To the byte (`==` of two strings is canonical equivalence).
        for (a, b) in zip(together, alone) { #expect(Array(a.utf8) == Array(b.utf8), "\(a)") }
        // The cases above are what they claim: refused, warned about, stored in their own key order.
        #expect(alone.contains { $0.hasPrefix("p7: ") } && alone.contains { $0.hasPrefix("p8: ") })
        #expect(alone.contains { $0.contains("unknown field \"spec.bogus\"") })
        #expect(alone.contains { $0.contains(#""name":"p2""#) && $0.contains(#""hostNetwork""#) == false })
        #expect(alone.contains { $0.hasPrefix("k2: ") } && !alone.contains { $0.hasPrefix("k1: ") })
        #expect(alone.contains { $0.utf8.contains(0xCC) && $0.contains(#""name":"e2""#) })
    }

    /// Pods of one spec after the first are pruned through the memo and come out exactly as a full prune
    /// leaves them. (Its check compared the rest's pruned spec with the unpruned placeholder, which
    /// pruning gives `"containers": null`: it never matched, and every pod was pruned twice.)
    @Test func podsOfOneSpecArePrunedOnce() {
        var memo = ClientSpecMemo()
        let sameSpec = Self.pods.filter { ["p0", "p1", "p9"].contains($0["metadata"]["name"].string ?? "") }
        #expect(sameSpec.count == 3)
        for pod in sameSpec {
            var viaMemo = pod, full = pod
            let keptViaMemo = memo.prune(&viaMemo)
            let keptFull = Pruning.prune(&full, keepingEmptyCollections: true)
            #expect(keptViaMemo == keptFull)
            #expect(viaMemo.jsonString(.compactOrdered) == full.jsonString(.compactOrdered))
        }
        #expect(memo.prunedFromMemo == 2)
    }
}
