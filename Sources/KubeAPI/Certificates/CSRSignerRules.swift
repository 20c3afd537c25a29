import COpenSSL
import KubeModel

/// What each kubernetes.io signer of kube-controller-manager accepts (v1.32 `signer.go` and the
/// certificates API helpers): a request it refuses gets a `Failed` condition (reason
/// `SignerValidationFailure`) with the signer's message instead of a certificate.
enum CSRSignerRules {
    /// The names a request asks for, as Go's x509 parser sorts its subject alternative names.
    struct AltNames {
        var dns = 0, ip = 0, email = 0, uri = 0
    }

    /// Why the signer refuses the request, or nil when it signs it.
    static func refusal(signer: String, requestPEM: String, usages: [String]) -> String? {
        let subject = X509Signer.subject(ofRequest: requestPEM)
        let organizations = subject.filter { $0.0 == "O" }.map(\.1)
        let commonName = subject.last { $0.0 == "CN" }?.1 ?? ""
        let alt = altNames(ofRequest: requestPEM)
        let set = Set(usages)
        switch signer {
        case "kubernetes.io/kube-apiserver-client":
            var hasClientAuth = false
            for u in usages {
                switch u {
                case "digital signature", "key encipherment": break
                case "client auth": hasClientAuth = true
                default: return "invalid usage for client certificate: \(u)"
                }
            }
            return hasClientAuth ? nil : "missing required usage for client certificate: client auth"
        case "kubernetes.io/kube-apiserver-client-kubelet":
            if organizations != ["system:nodes"] { return "subject organization is not system:nodes" }
            if alt.dns > 0 { return "DNS subjectAltNames are not allowed" }
            if alt.email > 0 { return "Email subjectAltNames are not allowed" }
            if alt.ip > 0 { return "IP subjectAltNames are not allowed" }
            if alt.uri > 0 { return "URI subjectAltNames are not allowed" }
            if !commonName.hasPrefix("system:node:") { return "subject common name does not begin with system:node:" }
            if set != ["digital signature", "key encipherment", "client auth"] && set != ["digital signature", "client auth"] {
                return "usages did not match [client auth digital signature key encipherment]"
            }
            return nil
        case "kubernetes.io/kubelet-serving":
            if organizations != ["system:nodes"] { return "subject organization is not system:nodes" }
            if alt.dns == 0 && alt.ip == 0 { return "DNS or IP subjectAltName is required" }
            if alt.email > 0 { return "Email subjectAltNames are not allowed" }
            if alt.uri > 0 { return "URI subjectAltNames are not allowed" }
            if set != ["digital signature", "key encipherment", "server auth"] && set != ["digital signature", "server auth"] {
                return "usages did not match [digital signature key encipherment server auth]"
            }
            if !commonName.hasPrefix("system:node:") { return "subject common name does not begin with system:node:" }
            return nil
        default:
            // kubernetes.io/legacy-unknown: no restrictions, for compatibility.
            return nil
        }
    }

    /// How many DNS, IP, email and URI names the request's subjectAltName extension holds.
    static func altNames(ofRequest pem: String) -> AltNames {
        var out = AltNames()
        guard let req = X509Signer.readRequest(pem) else { return out }
        defer { X509_REQ_free(req) }
        guard let exts = X509_REQ_get_extensions(req) else { return out }
        defer { OPENSSL_sk_pop_free(exts) { X509_EXTENSION_free(OpaquePointer($0)) } }
        for i in 0..<OPENSSL_sk_num(exts) {
            guard let raw = OPENSSL_sk_value(exts, i) else { continue }
            let ext = OpaquePointer(raw)
            guard OBJ_obj2nid(X509_EXTENSION_get_object(ext)) == NID_subject_alt_name,
                  let names = X509V3_EXT_d2i(ext) else { continue }
            let stack = OpaquePointer(names)
            for j in 0..<OPENSSL_sk_num(stack) {
                guard let gn = OPENSSL_sk_value(stack, j) else { continue }
                switch gn.assumingMemoryBound(to: GENERAL_NAME.self).pointee.type {
                case GEN_DNS: out.dns += 1
                case GEN_IPADD: out.ip += 1
                case GEN_EMAIL: out.email += 1
                case GEN_URI: out.uri += 1
                default: break
                }
            }
            GENERAL_NAMES_free(stack)
        }
        return out
    }
}
