import KubeModel
import Testing

@testable import KubeAPI

/// A bound pod's spec is defaulted again on each update (its kubelet's status writes): specs that differ
/// only in the node's name, the volumes' names and the mounts' names get their defaults from the last
/// one's (`PodSpecNames`), which must be what `Defaults.podSpecAdmission` makes of them itself.
@Suite struct PodSpecNamesTests {
    /// A spec with something of each part the defaulting looks at, and names in each place it does not.
    static let rich: JSONValue = [
        "volumes": [
            ["name": "data"],
            ["name": "cfg", "configMap": ["name": "c"]],
            ["name": "host", "hostPath": ["path": "/x"]],
            ["name": "kube-api-access-ab12c", "projected": ["sources": [
                ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                ["downwardAPI": ["items": [["fieldRef": ["fieldPath": "metadata.namespace"], "path": "namespace"]]]],
            ]]],
        ],
        "initContainers": [["name": "init", "image": "busybox", "volumeMounts": [["name": "data", "mountPath": "/d"]]]],
        "containers": [
            ["name": "web", "image": "nginx:1.27", "ports": [["containerPort": 80]],
             "env": [["name": "POD", "valueFrom": ["fieldRef": ["fieldPath": "metadata.name"]]]],
             "livenessProbe": ["httpGet": ["port": 80]], "lifecycle": ["preStop": ["httpGet": ["port": 80, "path": ""]]],
             "volumeMounts": [["name": "cfg", "mountPath": "/c"],
                              ["name": "kube-api-access-ab12c", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "readOnly": true]]],
            ["name": "side", "image": "busybox:latest"],
        ],
        "nodeName": "node-1",
        "tolerations": [["key": "k", "operator": "Exists", "effect": "NoSchedule"]],
        "serviceAccount": "builder",
    ]

    static let minimal: JSONValue = ["containers": [["name": "c", "image": "nginx"]], "nodeName": "node-3"]

    static func defaulted(_ spec: JSONValue, mirror: Bool = false) -> JSONValue {
        var s = spec
        Defaults.podSpecAdmission(&s, mirror: mirror)
        return s
    }

    /// `spec` with its node, volumes' and mounts' names (and containers' names) replaced.
    static func renamed(_ spec: JSONValue, _ n: Int) -> JSONValue {
        var s = spec
        if s["nodeName"].string != nil { s["nodeName"] = .string("node-\(n + 7)") }
        if var volumes = s["volumes"].array {
            for i in volumes.indices { volumes[i]["name"] = .string("v\(n)-\(i)") }
            s["volumes"] = .array(volumes)
        }
        for key in ["initContainers", "containers"] {
            guard var list = s[key].array else { continue }
            for i in list.indices {
                if n % 2 == 0 { list[i]["name"] = .string("c\(n)-\(i)") }
                guard var mounts = list[i]["volumeMounts"].array else { continue }
                for j in mounts.indices { mounts[j]["name"] = .string("v\(n)-\(j)") }
                list[i]["volumeMounts"] = .array(mounts)
            }
            s[key] = .array(list)
        }
        return s
    }

    @Test(arguments: [false, true])
    func renamedSpecsGetTheirOwnDefaults(mirror: Bool) throws {
        for spec in [Self.rich, Self.minimal, Self.defaulted(Self.rich), ClientSpecMemoTests.spec] {
            let known = spec, output = Self.defaulted(spec, mirror: mirror)
            for n in 0..<4 {
                let input = Self.renamed(spec, n)
                let got = try #require(PodSpecNames.substituted(output, from: known, into: input))
                let expected = Self.defaulted(input, mirror: mirror)
                #expect(ClientSpecMemo.identical(got, expected), "\(got.jsonString(.compactOrdered))")
            }
        }
    }

    /// `value` with the item at `path` (keys and list positions) set to `new`.
    static func setting(_ value: JSONValue, _ path: [Any], _ new: JSONValue) -> JSONValue {
        guard let first = path.first else { return new }
        let rest = Array(path.dropFirst())
        if let i = first as? Int, var list = value.array {
            list[i] = setting(list[i], rest, new)
            return .array(list)
        }
        var v = value
        let key = first as! String
        v[key] = setting(value[key], rest, new)
        return v
    }

    /// Any other difference (a value, a key, the keys' order, a name that is not a string, bytes Swift's
    /// `==` takes for equal) is no match.
    @Test func otherDifferencesAreNoMatch() {
        let known = Self.rich, output = Self.defaulted(Self.rich)
        let base = Self.renamed(known, 1)
        var shorter = base
        shorter["volumes"] = .array(Array((base["volumes"].array ?? []).dropLast()))
        let edits: [JSONValue] = [
            Self.setting(base, ["containers", 0, "image"], "nginx:1.28"),
            Self.setting(base, ["volumes", 0, "emptyDir"], .emptyObject),
            Self.setting(base, ["volumes", 1, "configMap", "name"], "d"),
            Self.setting(base, ["containers", 0, "volumeMounts", 0, "mountPath"], "/e"),
            Self.setting(base, ["containers", 0, "volumeMounts", 0, "name"], 7),
            Self.setting(base, ["containers", 1, "image"], "busybox:l\u{0061}\u{0308}test"),
            Self.setting(base, ["nodeName"], 3),
            Self.setting(base, ["tolerations"], []),
            Self.setting(base, ["serviceAccount"], "other"),
            Self.setting(base, ["hostNetwork"], true),
            shorter,
            ClientSpecMemoTests.reversed(base),
        ]
        for input in edits {
            #expect(PodSpecNames.substituted(output, from: known, into: input) == nil, "\(input.jsonString(.compactOrdered))")
        }
        // A spec that differs only in canonically equivalent bytes is no match either.
        let composed = Self.setting(known, ["containers", 1, "image"], "caf\u{E9}")
        let decomposed = Self.setting(known, ["containers", 1, "image"], "cafe\u{301}")
        #expect(PodSpecNames.substituted(Self.defaulted(composed), from: composed, into: decomposed) == nil)
    }
}
