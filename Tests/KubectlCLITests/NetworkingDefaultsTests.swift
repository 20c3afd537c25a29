import KubeTestSupport
import Testing

/// networking/v1 defaulting as the API server does it (SetDefaults_NetworkPolicy, _NetworkPolicyPort,
/// _IngressClass): a policy without policy types affects ingress, and egress too when it has egress
/// rules; a rule port without a protocol is TCP; IngressClass parameters without a scope are
/// cluster-scoped. What kubectl v1.32 describes of the objects a cluster stores is in
/// Golden/networkingdefaults (see its README).
@Suite struct NetworkingDefaultsTests {
    static let dir = besideTest("Golden/networkingdefaults")

    func store() throws -> TestStore {
        let s = TestStore(now: "2026-12-06T18:00:00Z")
        let input = try #require(readTextFile(Self.dir + "/input.yaml"))
        #expect(s.run(args: ["create", "-f", "-"], stdin: input).exitCode == 0)
        return s
    }

    @Test func storedObjectsCarryTheDefaults() throws {
        let s = try store()
        #expect(s.run("get netpol np3 -o jsonpath={.spec.policyTypes}{.spec.ingress[0].ports}{.spec.egress[0].ports}").stdout
                == #"["Ingress","Egress"][{"port":80,"protocol":"TCP"},{"port":5432,"protocol":"TCP"}]"#
                + #"[{"port":53,"protocol":"UDP"},{"port":5000,"protocol":"TCP"}]"#)
        #expect(s.run("get netpol np4 -o jsonpath={.spec}").stdout == #"{"podSelector":{},"policyTypes":["Ingress"]}"#)
        #expect(s.run("get ingressclass ic -o jsonpath={.spec.parameters}").stdout == #"{"kind":"P","name":"p","scope":"Cluster"}"#)
    }

    @Test(arguments: [("netpol", "np3"), ("netpol", "np4"), ("ingressclass", "ic")])
    func describeMatchesKubectl(_ kind: String, _ name: String) throws {
        let s = try store()
        let r = s.run(args: ["describe", kind, name])
        #expect(r.exitCode == 0)
        #expect(r.stdout == readTextFile(Self.dir + "/describe-\(name).stdout"))
    }

    /// A policy that names its types keeps them, and an update that drops them gets the default again.
    @Test func explicitTypesStayAndUpdatesAreDefaulted() throws {
        let s = try store()
        #expect(s.run(args: ["patch", "netpol", "np3", "--type=merge", "-p", #"{"spec":{"policyTypes":["Egress"]}}"#]).exitCode == 0)
        #expect(s.run("get netpol np3 -o jsonpath={.spec.policyTypes}").stdout == #"["Egress"]"#)
        #expect(s.run(args: ["patch", "netpol", "np3", "--type=json", "-p", #"[{"op":"remove","path":"/spec/policyTypes"}]"#]).exitCode == 0)
        #expect(s.run("get netpol np3 -o jsonpath={.spec.policyTypes}").stdout == #"["Ingress","Egress"]"#)
    }
}
