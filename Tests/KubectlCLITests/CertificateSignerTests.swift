import KubeModel
import KubeTestSupport
import Testing

/// The signing controller signs only what each kubernetes.io signer allows (kube-controller-manager's
/// per-signer checks); a request its signer refuses gets `Failed` (SignerValidationFailure) with the
/// signer's message and no certificate. The API server refuses system:masters client certificates.
@Suite struct CertificateSignerTests {
    static let refusals: [String: String] = [
        "kubelet-client-not-node": "subject organization is not system:nodes",
        "kubelet-client-dns": "DNS subjectAltNames are not allowed",
        "kubelet-client-usages": "usages did not match [client auth digital signature key encipherment]",
        "kubelet-serving-no-san": "DNS or IP subjectAltName is required",
        "kubelet-serving-usages": "usages did not match [digital signature key encipherment server auth]",
        "client-server-auth": "invalid usage for client certificate: server auth",
        "client-no-client-auth": "missing required usage for client certificate: client auth",
    ]

    @Test func eachSignerSignsOnlyWhatItAllows() throws {
        let s = TestStore(now: "2026-12-05T12:00:00Z")
        #expect(s.run("create -f \(CertificateGolden.dir)/_files/signers.yaml").exitCode == 0)
        let names = ["kubelet-client", "kubelet-serving"] + Self.refusals.keys.sorted()
        #expect(s.run(args: ["certificate", "approve"] + names).exitCode == 0)
        for name in ["kubelet-client", "kubelet-serving"] {
            #expect(!s.run("get csr \(name) -o jsonpath={.status.certificate}").stdout.isEmpty, "\(name)")
        }
        for (name, message) in Self.refusals {
            let csr = try JSON.parse(s.run("get csr \(name) -o json").stdout)
            #expect(csr["status"]["certificate"].isNull, "\(name)")
            let failed = (csr["status"]["conditions"].array ?? []).first { $0["type"] == "Failed" }
            #expect(failed?["reason"] == "SignerValidationFailure" && failed?["status"] == "True", "\(name)")
            #expect(failed?["message"].string == message, "\(name)")
        }
        let table = s.run("get csr kubelet-client kubelet-client-not-node").stdout
        #expect(table.contains("kubelet-client            0s    kubernetes.io/kube-apiserver-client-kubelet   kubernetes-admin   <none>              Approved,Issued"))
        #expect(table.contains("kubelet-client-not-node   0s    kubernetes.io/kube-apiserver-client-kubelet   kubernetes-admin   <none>              Approved,Failed"))
    }

    @Test func systemMastersClientCertificatesAreForbidden() {
        let s = TestStore()
        let r = s.run("create -f \(CertificateGolden.dir)/_files/masters.yaml")
        #expect(r.exitCode == 1)
        #expect(r.stderr == "Error from server (Forbidden): error when creating \"\(CertificateGolden.dir)/_files/masters.yaml\": certificatesigningrequests.certificates.k8s.io \"root\" is forbidden: use of kubernetes.io/kube-apiserver-client signer with system:masters group is not allowed\n")
        #expect(s.run("get csr root").exitCode == 1)
    }
}
