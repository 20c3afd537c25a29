import KubeTestSupport
import Testing

/// A Deployment whose new ReplicaSet the API server refuses is still created, as on a cluster: the
/// deployment controller records `ReplicaSetCreateError` (a Warning event and Progressing False with
/// the refusal's text) and makes no ReplicaSet. Before, the controller's refusal ended the user's
/// command: `create` printed the ReplicaSet's error, exited 1 and stored nothing.
@Suite struct ReplicaSetCreateErrorTests {
    @Test func nameTooLongForTheReplicaSet() {
        let s = TestStore()
        let name = String(repeating: "a", count: 250)
        let r = s.run("create -f -", stdin: """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: \(name)}
            spec:
              selector: {matchLabels: {app: l}}
              template:
                metadata: {labels: {app: l}}
                spec: {containers: [{name: c, image: nginx}]}
            """)
        // The Deployment strategy's name warning (v1.27+) comes first: 250 characters are no DNS label.
        #expect(r == CLIResult(stdout: "deployment.apps/\(name) created\n", stderr: """
            Warning: metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must be no more than 63 characters]

            """, exitCode: 0))
        #expect(s.run("get rs,pods -l app=l -o name").stdout == "")
        let conditions = s.run(args: ["get", "deploy", name, "-o", "jsonpath={range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{\"\\n\"}{end}"])
        // The ReplicaSet's name is the Deployment's and its pod-template-hash.
        let prefix = "Progressing False ReplicaSetCreateError: Failed to create new replica set \"\(name)-"
        #expect(conditions.stdout.hasPrefix(prefix))
        let hash = String(conditions.stdout.dropFirst(prefix.count).prefix { $0 != "\"" })
        #expect(!hash.isEmpty && hash.count <= 10)
        let rsName = "\(name)-\(hash)"
        let refusal = "ReplicaSet.apps \"\(rsName)\" is invalid: metadata.name: Invalid value: \"\(rsName)\": must be no more than 253 characters"
        #expect(conditions.stdout == "Progressing False ReplicaSetCreateError: Failed to create new replica set \"\(rsName)\": \(refusal)\n")
        let events = s.run("get events --field-selector reason=ReplicaSetCreateError -o jsonpath={.items[*].type}")
        #expect(events.stdout == "Warning")
    }
}
