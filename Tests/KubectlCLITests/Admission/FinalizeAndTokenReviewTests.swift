import KubeModel
import KubeTestSupport
import Testing

/// The namespace `finalize` subresource (`kubectl replace --raw /api/v1/namespaces/NS/finalize -f ns.json`, the
/// usual way out of a namespace stuck Terminating) and TokenReview authentication of the tokens `create token`
/// issues, as v1.32's registries answer them.
@Suite struct FinalizeAndTokenReviewTests {
    static func stuckNamespace(_ s: TestStore) {
        let ns = s.writeFile("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: stuck}\nspec: {finalizers: [kubernetes, example.com/hold]}\n")
        #expect(s.run("create -f \(ns)").exitCode == 0)
        #expect(s.run("delete ns stuck --wait=false").exitCode == 0)
        #expect(s.run("get ns stuck -o jsonpath={.status.phase}").stdout == "Terminating")
    }

    /// The namespace as `get -o json` shows it, with `spec.finalizers` replaced.
    static func edited(_ s: TestStore, _ finalizers: String, name: String = "stuck") -> String {
        var ns = try! JSON.parse(s.run("get ns \(name) -o json").stdout)
        ns["spec"]["finalizers"] = try! JSON.parse(finalizers)
        return s.writeFile("edited.json", ns.jsonString(.compact))
    }

    @Test func finalizeWithNoFinalizersLeftDeletesTheTerminatingNamespace() throws {
        let s = TestStore()
        Self.stuckNamespace(s)
        let stored = try JSON.parse(s.run("get ns stuck -o json").stdout)
        let r = s.run("replace --raw /api/v1/namespaces/stuck/finalize -f \(Self.edited(s, "[]"))")
        #expect(r.exitCode == 0 && r.stderr == "", "\(r)")
        // The answer is the namespace as it was stored, written as the API server writes it (kind first).
        #expect(r.stdout.hasPrefix(#"{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"stuck","uid":"#) && r.stdout.hasSuffix("}\n"))
        let answer = try JSON.parse(r.stdout)
        #expect(answer["spec"] == stored["spec"] && answer["metadata"]["uid"] == stored["metadata"]["uid"])
        #expect(s.run("get ns stuck") == CLIResult(stdout: "", stderr: "Error from server (NotFound): namespaces \"stuck\" not found\n", exitCode: 1))
    }

    @Test func finalizeKeepsTheStatusAndUpdatesALiveNamespace() throws {
        let s = TestStore()
        #expect(s.run("create ns live").exitCode == 0)
        var ns = try JSON.parse(s.run("get ns live -o json").stdout)
        ns["spec"]["finalizers"] = ["example.com/x"]
        ns["metadata"]["labels"]["team"] = "a"
        ns["status"] = ["phase": "Terminating"]
        let f = s.writeFile("live.json", ns.jsonString(.compact))
        let r = s.run("replace --raw /api/v1/namespaces/live/finalize -f \(f)")
        #expect(r.exitCode == 0, "\(r)")
        #expect(s.run("get ns live -o jsonpath={.spec.finalizers},{.status.phase},{.metadata.labels.team}").stdout == #"["example.com/x"],Active,a"#)
        // The same body again carries a stale resourceVersion.
        #expect(s.run("replace --raw /api/v1/namespaces/live/finalize -f \(f)") == CLIResult(stdout: "", stderr: """
            Error from server (Conflict): Operation cannot be fulfilled on namespaces "live": the object has been modified; please apply your changes to the latest version and try again

            """, exitCode: 1))
    }

    @Test func finalizeRefusalsLeaveTheNamespaceAsItWas() {
        let s = TestStore()
        Self.stuckNamespace(s)
        let before = s.run("get ns stuck -o yaml").stdout
        #expect(s.run("replace --raw /api/v1/namespaces/stuck/finalize -f \(Self.edited(s, #"["bad", "a/b/c"]"#))") == CLIResult(stdout: "", stderr: """
            The Namespace "stuck" is invalid: 
            * spec.finalizers[0]: Invalid value: "bad": name is neither a standard finalizer name nor is it fully qualified
            * spec.finalizers[1]: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')

            """, exitCode: 1))
        #expect(s.run("replace --raw /api/v1/namespaces/other/finalize -f \(Self.edited(s, "[]"))") == CLIResult(stdout: "", stderr: """
            Error from server (BadRequest): the name of the object (stuck) does not match the name on the URL (other)

            """, exitCode: 1))
        let yaml = s.writeFile("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: stuck}\n")
        #expect(s.run("replace --raw /api/v1/namespaces/stuck/finalize -f \(yaml)") == CLIResult(stdout: "", stderr: """
            Error from server (BadRequest): the object provided is unrecognized (must be of type Namespace): couldn't get version/kind; json parse error: invalid character 'a' looking for beginning of value (61706956657273696f6e3a2076310a6b696e643a204e616d657370616365 ...)

            """, exitCode: 1))
        #expect(s.run("get ns stuck -o yaml").stdout == before)
    }

    static func review(_ s: TestStore, token: String, audiences: String = "") throws -> JSONValue {
        let f = s.writeFile("tr.yaml", "apiVersion: authentication.k8s.io/v1\nkind: TokenReview\nspec:\n  token: \(token)\n\(audiences)")
        let r = s.run("create -f \(f) -o json")
        #expect(r.exitCode == 0, "\(r)")
        return try JSON.parse(r.stdout)["status"]
    }

    static func claims(_ token: String) throws -> JSONValue {
        try JSON.parse(bytes: base64Decode(String(token.split(separator: ".")[1])))
    }

    @Test func tokenReviewAuthenticatesTheTokensCreateTokenIssues() throws {
        let s = TestStore()
        let token = s.run("create token default").stdout.trimmingCharacters(in: "\n")
        let uid = s.run("get sa default -o jsonpath={.metadata.uid}").stdout
        let jti = try Self.claims(token)["jti"].string ?? ""
        let status = try Self.review(s, token: token)
        #expect(status == [
            "authenticated": true,
            "audiences": ["https://kubernetes.default.svc.cluster.local"],
            "user": ["username": "system:serviceaccount:default:default", "uid": .string(uid),
                     "groups": ["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"],
                     "extra": ["authentication.kubernetes.io/credential-id": [.string("JTI=" + jti)]]],
        ] as JSONValue)
        // The review's audiences must meet the token's.
        let other = try Self.review(s, token: token, audiences: "  audiences: [foo]\n")
        #expect(other == ["user": .emptyObject, "error": #"[invalid bearer token, token audiences ["https://kubernetes.default.svc.cluster.local"] is invalid for the target audiences ["foo"]]"#])
        // Not a token of this cluster.
        #expect(try Self.review(s, token: "garbage") == ["user": .emptyObject, "error": "invalid bearer token"])
        // Past its expiry (an hour, and a minute of leeway).
        #expect(s.run("get tokenreviews").exitCode == 1, "reviews are answered, never stored")
        s.setNow("2030-01-01T00:00:00Z")
        #expect(try Self.review(s, token: token) == ["user": .emptyObject, "error": "[invalid bearer token, service account token has expired]"])
    }

    @Test func tokenReviewOfAPodBoundTokenNamesThePodAndNode() throws {
        let s = TestStore()
        #expect(s.run("create sa robot").exitCode == 0)
        let pod = s.writeFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  serviceAccountName: robot\n  containers: [{name: c, image: nginx}]\n")
        #expect(s.run("create -f \(pod)").exitCode == 0)
        let token = s.run("create token robot --audience foo --bound-object-kind Pod --bound-object-name p").stdout.trimmingCharacters(in: "\n")
        let status = try Self.review(s, token: token, audiences: "  audiences: [foo, bar]\n")
        #expect(status["authenticated"] == true && status["audiences"] == ["foo"])
        let extra = status["user"]["extra"]
        #expect(extra["authentication.kubernetes.io/pod-name"] == ["p"])
        #expect(extra["authentication.kubernetes.io/pod-uid"] == [.string(s.run("get pod p -o jsonpath={.metadata.uid}").stdout)])
        #expect(extra["authentication.kubernetes.io/node-name"] == [.string(s.run("get pod p -o jsonpath={.spec.nodeName}").stdout)])
        // The bound pod, then the service account, must still be there.
        #expect(s.run("delete pod p --now").exitCode == 0)
        #expect(try Self.review(s, token: token, audiences: "  audiences: [foo]\n") == ["user": .emptyObject, "error": #"[invalid bearer token, pods "p" not found]"#])
        #expect(s.run("delete sa robot").exitCode == 0)
        #expect(try Self.review(s, token: token, audiences: "  audiences: [foo]\n") == ["user": .emptyObject, "error": #"[invalid bearer token, serviceaccounts "robot" not found]"#])
    }
}
