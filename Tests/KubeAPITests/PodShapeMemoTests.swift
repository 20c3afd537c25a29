import KubeModel
import KubeRegistry
import KubeTestSupport
import Testing

@testable import KubeAPI

/// The managed fields of controllers' pod updates come from a memo per pod shape (`PodShapeMemo`);
/// every use of it here is checked against the full computation, over generated pod shapes run
/// through the scheduler, the kubelets and the workload controllers.
@Suite struct PodShapeMemoTests {
    /// Strings of random length and letters, so keys of pods of one shape sort differently.
    func word(_ r: inout FuzzRandom) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var s = String(letters[r.below(letters.count)])
        for _ in 0..<r.below(7) { s.append(r.pick(Array("abcdefghijklmnopqrstuvwxyz0123456789-"))) }
        return s + String(letters[r.below(letters.count)])
    }

    /// `n` distinct words.
    func words(_ n: Int, _ r: inout FuzzRandom) -> [String] {
        var out: [String] = []
        while out.count < n { let w = word(&r); if !out.contains(w) { out.append(w) } }
        return out
    }

    /// A pod spec whose structure comes from `shape` and whose names and values from `values`.
    func podSpec(shape: UInt64, values: UInt64) -> JSONValue {
        var s = FuzzRandom(seed: shape), v = FuzzRandom(seed: values)
        let nContainers = 1 + s.below(3), nInit = s.below(3), nVolumes = s.below(3)
        let names = words(nContainers + nInit, &v)
        let volumeNames = words(nVolumes, &v)
        var volumes: [JSONValue] = []
        for (i, name) in volumeNames.enumerated() {
            switch (s.below(4), i) {
            case (0, _): volumes.append(["name": .string(name), "emptyDir": .emptyObject])
            case (1, _): volumes.append(["name": .string(name), "configMap": ["name": .string(word(&v))]])
            case (2, _): volumes.append(["name": .string(name), "emptyDir": ["medium": "Memory", "sizeLimit": "64Mi"]])
            default: volumes.append(["name": .string(name), "downwardAPI": ["items": [["path": .string(word(&v)),
                                                                                      "fieldRef": ["fieldPath": "metadata.name"]]]]])
            }
        }
        var usedPorts: Set<Int64> = []
        func container(_ name: String, sidecar: Bool) -> JSONValue {
            var c: JSONValue = ["name": .string(name), "image": .string(s.pick(["nginx", "nginx:1.27", "busybox", "registry.k8s.io/pause:3.10"]))]
            if sidecar { c["restartPolicy"] = "Always" }
            var ports: [JSONValue] = []
            for _ in 0..<s.below(3) {
                var port = Int64(80 + s.below(40))
                while usedPorts.contains(port) { port += 1 }
                usedPorts.insert(port)
                var p: JSONValue = ["containerPort": .int(port)]
                if s.below(2) == 0 { p["name"] = .string(String(String(word(&v).map { $0 == "-" ? "x" : $0 }).prefix(15))) }
                switch s.below(3) {
                case 0: p["protocol"] = "TCP"
                case 1: p["protocol"] = "UDP"
                default: break
                }
                if s.below(4) == 0 { p["hostPort"] = .int(port + 8000) }
                ports.append(p)
            }
            if !ports.isEmpty { c["ports"] = .array(ports) }
            let nEnv = s.below(3)
            if nEnv > 0 { c["env"] = .array(words(nEnv, &v).map { ["name": .string(String($0.uppercased().map { $0 == "-" ? "_" : $0 })), "value": .string(word(&v))] }) }
            if s.below(2) == 0 { c["resources"] = ["requests": ["cpu": "10m", "memory": "16Mi"]] }
            if !volumeNames.isEmpty && s.below(2) == 0 {
                c["volumeMounts"] = [["name": .string(volumeNames[0]), "mountPath": .string("/" + word(&v))]]
            }
            if s.below(3) == 0 { c["command"] = ["sh", "-c", .string(word(&v))] }
            return c
        }
        var spec: JSONValue = ["containers": .array(names.prefix(nContainers).map { container($0, sidecar: false) })]
        if nInit > 0 {
            spec["initContainers"] = .array(names.suffix(nInit).enumerated().map { container($0.element, sidecar: $0.offset == 0 && s.below(2) == 0) })
        }
        if !volumes.isEmpty { spec["volumes"] = .array(volumes) }
        if s.below(4) == 0 { spec["hostname"] = .string(word(&v)) }
        if s.below(4) == 0 { spec["terminationGracePeriodSeconds"] = .int(Int64(s.below(5))) }
        return spec
    }

    @Test func memoMatchesTheFullComputationOverGeneratedShapes() throws {
        let check = PodShapeCheck()
        try APISession.$podShapeCheck.withValue(check) {
            let c = try Cluster()
            for i in 2...3 {
                try c.create(["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string("node-\(i)")]], "", "Node", ns: "")
            }
            for shape in UInt64(1)...12 {
                // Bare pods of one shape with their own names and values, in one write (as `create -f`).
                try c.server.write { s in
                    for k in UInt64(0)..<4 {
                        try s.create(["apiVersion": "v1", "kind": "Pod",
                                      "metadata": ["name": .string("p\(shape)-\(k)"), "labels": ["shape": .string("s\(shape)")]],
                                      "spec": podSpec(shape: shape, values: shape &* 1000 &+ k)], type: c.type("", "Pod"), namespace: "default")
                    }
                }
                let labels: JSONValue = ["app": .string("w\(shape)")]
                let template: JSONValue = ["metadata": ["labels": labels], "spec": podSpec(shape: shape, values: shape &* 7919)]
                switch shape % 4 {
                case 0:
                    try c.create(["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string("d\(shape)")],
                                  "spec": ["replicas": 4, "selector": ["matchLabels": labels], "template": template]], "apps", "Deployment")
                case 1:
                    var t = template
                    t["spec"]["restartPolicy"] = "Never"
                    try c.create(["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": .string("j\(shape)")],
                                  "spec": ["parallelism": 3, "completions": 3, "template": t]], "batch", "Job")
                case 2:
                    try c.create(["apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": .string("s\(shape)")],
                                  "spec": ["replicas": 3, "serviceName": "x", "selector": ["matchLabels": labels], "template": template]],
                                 "apps", "StatefulSet")
                default:
                    try c.create(["apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": .string("ds\(shape)")],
                                  "spec": ["selector": ["matchLabels": labels], "template": template]], "apps", "DaemonSet")
                }
            }
            // Deletions: the kubelets' status updates of stopping pods.
            for pod in try c.list("", "Pod").filter({ ($0["metadata"]["name"].string ?? "").hasSuffix("-1") }) {
                try c.delete("", "Pod", pod["metadata"]["name"].string!)
            }
            try c.settleAll()
        }
        #expect(check.mismatches.isEmpty, "\(check.mismatches.prefix(3))")
        // The memo was used, for most pods of a shape after the first.
        #expect(check.hits >= 50, "\(check.hits) uses, \(check.misses) misses, \(check.unmemoizable) not memoizable")
    }

    /// The fingerprint's tokens are the ones a `[String: Int]` gives, ASCII strings through the hashed
    /// table and the rest through the dictionary once one is met (Swift's string equality: U+212A
    /// KELVIN SIGN is "K", "e" and a combining acute accent is "é"), before and after the table grows.
    @Test(arguments: [0, 5, 40, 300])
    func tokensAreTheDictionarysTokens(asciiFirst: Int) {
        var r = FuzzRandom(seed: 12)
        let ascii = words(400, &r).flatMap { [$0, "kube-api-access-" + $0] }
        let other = ["\u{212A}", "K", "é", "e\u{301}", "\u{212B}", "\u{C5}", "A\u{30A}", "日本", "K"]
        var sequence = Array(ascii.prefix(asciiFirst)) + ["K", "x"]
        var shuffled = ascii
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, r.below(i + 1)) }
        sequence += other + shuffled + other + ascii.prefix(asciiFirst)
        var tokens = PodShapeTokens(), strings: [String] = [], reference: [String: Int] = [:]
        // Lookups in the table alone (no string that is not ASCII added yet).
        for s in sequence.prefix(asciiFirst + 2) {
            let expected: Int
            if let known = reference[s] { expected = known } else { expected = reference.count; reference[s] = expected }
            #expect(tokens.token(adding: s, to: &strings) == expected, "\(s)")
        }
        for s in other + ["y", "kube-api-access-"] { #expect(tokens.token(s, in: strings) == reference[s], "\(s)") }
        for s in sequence.dropFirst(asciiFirst + 2) {
            let expected: Int
            if let known = reference[s] { expected = known } else { expected = reference.count; reference[s] = expected }
            #expect(tokens.token(adding: s, to: &strings) == expected, "\(s)")
        }
        #expect(strings.count == reference.count)
        for (s, t) in reference { #expect(tokens.token(s, in: strings) == t && strings[t] == s, "\(s)") }
    }

    /// A controller's change of every container (new entries with several list keys of the pod's
    /// own strings in one level, whose order differs from pod to pod).
    @Test func memoSortsThePodsOwnKeys() throws {
        let check = PodShapeCheck()
        try APISession.$podShapeCheck.withValue(check) {
            let c = try Cluster()
            let podType = c.type("", "Pod")
            for shape in UInt64(20)...31 {
                try c.server.write { s in
                    for k in UInt64(0)..<6 {
                        var spec = podSpec(shape: shape, values: shape &* 1000 &+ k)
                        spec["containers"] = .array((spec["containers"].array ?? []).enumerated().map { i, ctr in
                            var ctr = ctr
                            ctr["name"] = .string("c\((k * 7 + UInt64(i) * 3) % 5)" + (ctr["name"].string ?? ""))
                            return ctr
                        })
                        try s.create(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string("q\(shape)-\(k)")], "spec": spec],
                                     type: podType, namespace: "default")
                    }
                }
            }
            try c.server.write { s in
                for pod in try s.list(podType, namespace: "default") {
                    var new = pod
                    new["spec"]["containers"] = .array((pod["spec"]["containers"].array ?? []).map { ctr in
                        var ctr = ctr
                        ctr["image"] = "busybox:1.36"
                        ctr["env"] = .array((ctr["env"].array ?? []) + [["name": .string("X_" + (ctr["name"].string ?? "").uppercased()), "value": "1"]])
                        return ctr
                    })
                    new["metadata"]["labels"] = ["changed": .string(pod["metadata"]["name"].string ?? "")]
                    s.recordManagedFields(&new, old: pod, type: podType, fromClient: false, requested: new)
                }
            }
        }
        #expect(check.mismatches.isEmpty, "\(check.mismatches.prefix(3))")
        #expect(check.hits >= 30, "\(check.hits) uses, \(check.misses) misses, \(check.unmemoizable) not memoizable")
    }
}
