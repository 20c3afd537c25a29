import KubeModel
import KubeRegistry

/// The tokens controller of kube-controller-manager: a `kubernetes.io/service-account-token` Secret
/// gets its service account's uid annotation and `ca.crt`, `namespace` and a legacy (non-expiring)
/// `token`; a token Secret whose service account is missing, and the token Secrets of a deleted
/// service account, are deleted.
extension ControllerManager {
    static let tokenSecretType = "kubernetes.io/service-account-token"
    static let saNameAnnotation = "kubernetes.io/service-account.name"
    static let saUIDAnnotation = "kubernetes.io/service-account.uid"

    func syncTokenSecret(_ secret: JSONValue) throws {
        guard secret["type"].string == Self.tokenSecretType,
              let secretType = s.registry.type(group: "", plural: "secrets"),
              let saType = s.registry.type(group: "", plural: "serviceaccounts") else { return }
        let meta = secret["metadata"]
        let ns = meta["namespace"].string ?? "", name = meta["name"].string ?? ""
        let saName = meta["annotations"][Self.saNameAnnotation].string ?? ""
        let wantUID = meta["annotations"][Self.saUIDAnnotation].string ?? ""
        guard let sa = try live(saType, ns, saName), wantUID.isEmpty || wantUID == sa["metadata"]["uid"].string else {
            try s.delete(secretType, namespace: ns, name: name)
            return
        }
        var updated = secret
        let uid = sa["metadata"]["uid"].string ?? ""
        if wantUID.isEmpty { updated["metadata"]["annotations"][Self.saUIDAnnotation] = .string(uid) }
        let data = secret["data"]
        if data["ca.crt"].isNull { updated["data"]["ca.crt"] = .string(base64Encode(Array(Seed.caCertificate.utf8))) }
        if data["namespace"].isNull { updated["data"]["namespace"] = .string(base64Encode(Array(ns.utf8))) }
        if data["token"].isNull {
            let prefix = "kubernetes.io/serviceaccount/"
            let claims: JSONValue = JSONObject([
                ("iss", "kubernetes/serviceaccount"), (prefix + "namespace", .string(ns)), (prefix + "secret.name", .string(name)),
                (prefix + "service-account.name", .string(saName)), (prefix + "service-account.uid", .string(uid)),
                ("sub", .string("system:serviceaccount:\(ns):\(saName)")),
            ]).asJSON
            let token = try ServiceAccountJWT.sign(claims, keyPEM: try s.signingKeyPEM())
            updated["data"]["token"] = .string(base64Encode(Array(token.utf8)))
        }
        if updated != secret { try s.update(updated, type: secretType) }
    }

    /// A deleted service account takes its token Secrets with it.
    func serviceAccountDeleted(_ sa: JSONValue) throws {
        guard let secretType = s.registry.type(group: "", plural: "secrets") else { return }
        let ns = sa["metadata"]["namespace"].string ?? "", name = sa["metadata"]["name"].string ?? ""
        for secret in try s.tx.list(resource: secretType.storageKey, namespace: ns, fields: []).map(s.decode)
        where secret["type"].string == Self.tokenSecretType && secret["metadata"]["annotations"][Self.saNameAnnotation].string == name {
            try s.delete(secretType, namespace: ns, name: secret["metadata"]["name"].string ?? "")
        }
    }
}
