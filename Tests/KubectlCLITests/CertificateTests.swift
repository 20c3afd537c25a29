#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import KubeModel
import Testing

/// `certificate approve|deny` against kubectl v1.32's output (Golden/certificate, recorded by its
/// record.sh), and the API server's CertificateSigningRequest handling: the requester written into
/// the spec, validation, conditions, and the signing controller's certificates.
enum CertificateGolden {
    static let dir = besideTest("Golden/certificate")
    static var cases: [String] { goldenCaseNames(in: dir) }

    /// The store the recording served: the three requests, one approved, one denied.
    static func store() -> TestStore {
        let s = TestStore(now: "2026-12-05T12:00:00Z")
        #expect(s.run("create -f \(dir)/_files/csr.yaml").exitCode == 0)
        #expect(s.run("certificate approve approved-one").exitCode == 0)
        #expect(s.run("certificate deny denied-one").exitCode == 0)
        return s
    }
}

@Suite struct CertificateTests {
    @Test func corpusIsThere() { #expect(CertificateGolden.cases.count >= 12) }

    @Test(arguments: CertificateGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = CertificateGolden.dir + "/" + name
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let s = CertificateGolden.store()
        var words = shellWords(cmd)
        words.removeFirst()
        // Fixture paths are relative to the golden folder.
        let r = s.run(args: words.map { $0.hasPrefix("_files/") ? CertificateGolden.dir + "/" + $0 : $0 })
        #expect(ClusterGolden.maskUIDs(r.stdout) == ClusterGolden.maskUIDs(readTextFile(base + "/stdout") ?? ""), "\(name): \(cmd)")
        #expect(r.stderr == (readTextFile(base + "/stderr") ?? ""), "\(name): \(cmd)")
        #expect(r.exitCode == Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n"))!, "\(name): \(cmd)")
    }

    @Test func createFillsTheRequesterAndApprovalIssuesACertificate() throws {
        let s = CertificateGolden.store()
        #expect(s.run("get csr jane -o jsonpath={.spec.username}|{.spec.groups}").stdout
            == "kubernetes-admin|[\"kubeadm:cluster-admins\",\"system:authenticated\"]")
        #expect(s.run("get csr").stdout == """
            NAME           AGE   SIGNERNAME                            REQUESTOR          REQUESTEDDURATION   CONDITION
            approved-one   0s    kubernetes.io/kube-apiserver-client   kubernetes-admin   <none>              Approved,Issued
            denied-one     0s    example.com/custom                    kubernetes-admin   <none>              Denied
            jane           0s    kubernetes.io/kube-apiserver-client   kubernetes-admin   24h                 Pending

            """)
        #expect(s.run("certificate approve jane").stdout == "certificatesigningrequest.certificates.k8s.io/jane approved\n")
        let conditions = s.run("get csr jane -o jsonpath={.status.conditions[0]}").stdout
        #expect(conditions == "{\"lastTransitionTime\":\"2026-12-05T12:00:00Z\",\"lastUpdateTime\":\"2026-12-05T12:00:00Z\",\"message\":\"This CSR was approved by kubectl certificate approve.\",\"reason\":\"KubectlApprove\",\"status\":\"True\",\"type\":\"Approved\"}")
        let encoded = s.run("get csr jane -o jsonpath={.status.certificate}").stdout
        let pem = String(decoding: base64Decode(encoded), as: UTF8.self)
        #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----\n") && pem.hasSuffix("-----END CERTIFICATE-----\n"))
        // The certificate names the requested subject, is signed by the store's CA and lasts expirationSeconds.
        if access("/usr/bin/openssl", X_OK) == 0 {
            let cert = s.writeFile("jane.crt", pem)
            let text = shell("openssl x509 -in \(cert) -noout -subject -issuer -startdate -enddate -ext extendedKeyUsage")
            #expect(text.contains("subject=CN = jane, O = devs"))
            #expect(text.contains("issuer=CN = kubernetes"))
            #expect(text.contains("notBefore=Dec  5 11:55:00 2026 GMT"))
            #expect(text.contains("notAfter=Dec  6 12:00:00 2026 GMT"))
            #expect(text.contains("TLS Web Client Authentication"))
        }
        // A denied request, or one for a signer the store does not run, gets no certificate.
        #expect(s.run("get csr denied-one -o jsonpath={.status.certificate}").stdout.isEmpty)
    }

    /// The registry's PrepareForCreate replaces a request's status by an empty one, which v1 always
    /// serialises (`status: {}`); a status given on create is dropped; an export imported into another
    /// store (Restore's zero-value shaping) gives the same object back.
    @Test func createdRequestsShowAnEmptyStatusAsImportedOnesDo() {
        let s = CertificateGolden.store()
        #expect(s.run("get csr jane -o jsonpath={.status}").stdout == "{}")
        let withStatus = s.run("get csr jane -o yaml").stdout
            .replacingAll("name: jane", with: "name: jane2")
            .replacingAll("status: {}", with: "status:\n  certificate: Zm9v\n  conditions:\n  - type: Approved\n    status: \"True\"")
        #expect(s.run("create -f \(s.writeFile("jane2.yaml", withStatus))").exitCode == 0)
        #expect(s.run("get csr jane2 -o jsonpath={.status}").stdout == "{}")
        let yaml = s.run("get csr jane -o yaml").stdout
        #expect(yaml.contains("\nstatus: {}\n"))
        let b = TestStore(now: "2026-12-05T12:00:00Z")
        #expect(b.run("store import -f \(b.writeFile("csr.yaml", yaml))").exitCode == 0)
        #expect(b.run("get csr jane -o yaml").stdout == yaml)
    }

    @Test func invalidRequestsAreRefused() {
        let s = TestStore()
        let bad = s.writeFile("bad.yaml", """
            apiVersion: certificates.k8s.io/v1
            kind: CertificateSigningRequest
            metadata:
              name: bad
            spec:
              request: aGk=
              signerName: nodomain
              expirationSeconds: 60
              usages: [client auth, flying]
            """)
        #expect(s.run("create -f \(bad)") == CLIResult(stdout: "", stderr: """
            The CertificateSigningRequest "bad" is invalid: \n\
            * spec.request: Invalid value: []byte{0x68, 0x69}: PEM block type must be CERTIFICATE REQUEST
            * spec.usages[1]: Unsupported value: "flying": supported values: "any", "cert sign", "client auth", "code signing", "content commitment", "crl sign", "data encipherment", "decipher only", "digital signature", "email protection", "encipher only", "ipsec end system", "ipsec tunnel", "ipsec user", "key agreement", "key encipherment", "microsoft sgc", "netscape sgc", "ocsp signing", "s/mime", "server auth", "signing", "timestamping"
            * spec.signerName: Invalid value: "nodomain": must be a fully qualified domain and path of the form 'example.com/signer-name'
            * spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 600 seconds (10 minutes)

            """, exitCode: 1))
        #expect(s.run("get csr").stderr == "No resources found\n")
    }
}
