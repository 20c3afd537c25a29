import KubeModel
import KubeRegistry
import Testing

@testable import KubeAPI

/// The scheduler's and kubelet's writes of a pod (its status and binding) skip the admission chain
/// (`ControllerPodWrite`). Debug builds run the whole chain beside each such write; here every
/// difference is recorded, over pods whose create changed their spec in every way admission does
/// (LimitRange defaults, a default PriorityClass, requests from limits, a gRPC probe's service,
/// the token volume, mirror pods, sidecars, pods bound by their client, controllers' pods), and the
/// managed fields their memo gives are checked against the field manager's full computation.
@Suite struct ControllerPodWriteTests {
    func pod(_ name: String, _ spec: JSONValue, annotations: JSONValue? = nil) -> JSONValue {
        var meta: JSONValue = ["name": .string(name)]
        if let annotations { meta["annotations"] = annotations }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec]
    }

    @Test func statusWritesAdmitAsTheWholeChainDoes() throws {
        let checks = ControllerPodWriteChecks(), fields = PodShapeCheck()
        let c = try Cluster()
        try ControllerPodWrite.$checks.withValue(checks) { try APISession.$podShapeCheck.withValue(fields) {
            try c.create(["apiVersion": "v1", "kind": "Node", "metadata": ["name": "worker-a"],
                          "status": ["allocatable": ["cpu": "8", "memory": "16Gi", "pods": "110"],
                                     "capacity": ["cpu": "8", "memory": "16Gi", "pods": "110"]]], "", "Node", ns: "")
            try c.create(["apiVersion": "v1", "kind": "LimitRange", "metadata": ["name": "lr"],
                          "spec": ["limits": [["type": "Container", "default": ["cpu": "500m"], "defaultRequest": ["memory": "100Mi"],
                                               "max": ["memory": "1Gi"]]]]], "", "LimitRange")
            try c.create(["apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": ["name": "base"],
                          "value": 7, "globalDefault": true], "scheduling.k8s.io", "PriorityClass", ns: "")
            let web: JSONValue = ["name": "web", "image": "nginx:1.27"]
            var limited = web
            limited["resources"] = ["limits": ["cpu": "1", "memory": "200Mi"]]
            var probed = web
            probed["readinessProbe"] = ["grpc": ["port": 9000]]
            let specs: [(String, JSONValue, JSONValue?)] = [
                ("plain", ["containers": [web]], nil),
                ("limits-only", ["containers": [limited]], nil),
                ("grpc", ["containers": [probed]], nil),
                ("no-token", ["containers": [web], "automountServiceAccountToken": false], nil),
                ("host-net", ["containers": [web], "hostNetwork": true], nil),
                ("bound", ["containers": [web], "nodeName": "worker-a"], nil),
                ("mirror", ["containers": [web]], ["kubernetes.io/config.mirror": "x"]),
                ("sidecar", ["initContainers": [["name": "side", "image": "busybox", "restartPolicy": "Always"],
                                                ["name": "init", "image": "busybox", "command": ["true"]]],
                             "containers": [web]], nil),
                ("failing", ["containers": [["name": "c", "image": "busybox", "command": ["sh", "-c", "exit 1"]]],
                             "restartPolicy": "Never"], nil),
                ("bad-image", ["containers": [["name": "c", "image": "Nginx:Latest"]]], nil),
            ]
            try c.server.write { s in
                for (name, spec, annotations) in specs {
                    try s.create(pod(name, spec, annotations: annotations), type: c.type("", "Pod"), namespace: "default")
                }
            }
            try c.create(deployment("d", replicas: 3), "apps", "Deployment")
            // Deleting pods: their kubelet's status writes while they stop.
            try c.delete("", "Pod", "plain")
            try c.delete("", "Pod", "sidecar")
            try c.settleAll()
        } }
        #expect(checks.problems.isEmpty, "\(checks.problems.prefix(3))")
        // Each pod's first status write (binding included) at least, the Deployment's three too.
        #expect(checks.writes >= 13, "\(checks.writes) status writes")
        // The managed fields of those writes, from the memo of their status (`PodShapeFingerprint.statusWrite`),
        // are what the field manager computes in full.
        #expect(fields.mismatches.isEmpty, "\(fields.mismatches.prefix(3))")
        // (The pods here are of many shapes; the Deployment's second and third pods at least use the memo.)
        #expect(fields.hits >= 2, "\(fields.hits) uses, \(fields.misses) misses, \(fields.unmemoizable) not memoizable")
        let pods = try c.list("", "Pod")
        #expect(pods.count == 11)
        for p in pods where p["metadata"]["name"].string != "bad-image" && p["metadata"]["name"].string != "failing" {
            #expect(p["status"]["phase"].string == "Running", "\(p["metadata"]["name"])")
            #expect(p["spec"]["priority"].int == 7)
        }
        // The LimitRange's defaults stayed as the create set them.
        let limits = try #require(try c.get("", "Pod", "limits-only"))
        #expect(limits["spec"]["containers"][0]["resources"].compactJSON
                == #"{"limits":{"cpu":"1","memory":"200Mi"},"requests":{"cpu":"1","memory":"200Mi"}}"#)
    }
}
