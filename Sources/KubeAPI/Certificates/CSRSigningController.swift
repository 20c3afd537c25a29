import KubeModel
import KubeRegistry

/// kube-controller-manager's CSR signing controller for the `kubernetes.io/kube-apiserver-client`,
/// `kube-apiserver-client-kubelet`, `kubelet-serving` and `legacy-unknown` signers: an approved (not
/// denied, not failed) request the signer accepts (`CSRSignerRules`; else it is marked Failed) gets one, signed by the store's cluster CA, valid from
/// five minutes before now (the signer's backdate) for `expirationSeconds` (default and maximum one
/// year, never past the CA). Other signers' requests are left for a signer the store does not have.
extension ControllerManager {
    static let signers: Set<String> = ["kubernetes.io/kube-apiserver-client", "kubernetes.io/kube-apiserver-client-kubelet",
                                       "kubernetes.io/kubelet-serving", "kubernetes.io/legacy-unknown"]

    func syncCSR(name: String) throws {
        guard let type = s.registry.type(group: "certificates.k8s.io", plural: "certificatesigningrequests"),
              let csr = try live(type, "", name) else { return }
        let types = Set((csr["status"]["conditions"].array ?? []).compactMap { $0["type"].string })
        guard types.contains("Approved"), !types.contains("Denied"), !types.contains("Failed"),
              (csr["status"]["certificate"].string ?? "").isEmpty,
              Self.signers.contains(csr["spec"]["signerName"].string ?? "") else { return }
        let requestPEM = String(decoding: base64Decode(csr["spec"]["request"].string ?? ""), as: UTF8.self)
        let usages = csr["spec"]["usages"].array?.compactMap(\.string) ?? []
        if let refusal = CSRSignerRules.refusal(signer: csr["spec"]["signerName"].string ?? "", requestPEM: requestPEM, usages: usages) {
            var failed = csr
            let condition = JSONObject([("type", "Failed"), ("status", "True"), ("reason", "SignerValidationFailure"),
                                        ("message", .string(refusal)), ("lastUpdateTime", .string(self.now.rfc3339))])
            failed["status"]["conditions"] = .array((csr["status"]["conditions"].array ?? []) + [.object(condition)])
            _ = try save(failed, csr, type)
            return
        }
        let ca = try ClusterCA.load(s)
        let now = self.now.seconds
        let requested = csr["spec"]["expirationSeconds"].int.map { Int64($0) } ?? Int64(ClusterCA.maxDuration)
        let notAfter = min(now + min(requested, Int64(ClusterCA.maxDuration)), ca.notAfter)
        let pem = try X509Signer.sign(requestPEM: requestPEM,
                                      caKeyPEM: ca.keyPEM, caCertPEM: ca.certPEM, notBefore: now - 300, notAfter: notAfter,
                                      usages: usages)
        var signed = csr
        signed["status"]["certificate"] = .string(base64Encode(Array(pem.utf8)))
        _ = try save(signed, csr, type)
    }
}

/// The store's cluster CA (what /etc/kubernetes/pki/ca.{crt,key} are on a kind node), made on first
/// use and kept in the store's configuration table.
enum ClusterCA {
    static let maxDuration = 365 * 86400
    static let keyKey = "cluster.ca.key", certKey = "cluster.ca.crt", expiryKey = "cluster.ca.notAfter"

    static func load(_ s: APISession) throws -> (keyPEM: String, certPEM: String, notAfter: Int64) {
        if let key = try s.tx.config(keyKey), let cert = try s.tx.config(certKey), let until = try s.tx.config(expiryKey).flatMap({ Int64($0) }) {
            return (key, cert, until)
        }
        let made = try X509Signer.makeCA(now: s.now.seconds)
        let until = s.now.seconds + 10 * 365 * 86400
        try s.tx.setConfig(keyKey, made.keyPEM)
        try s.tx.setConfig(certKey, made.certPEM)
        try s.tx.setConfig(expiryKey, String(until))
        return (made.keyPEM, made.certPEM, until)
    }
}
