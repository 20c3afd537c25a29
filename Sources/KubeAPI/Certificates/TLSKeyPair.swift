import COpenSSL
import KubeModel

/// What Go's `tls.X509KeyPair` refuses, in its order and words: no usable PEM block in either input,
/// a first certificate that is not DER x509, a key that is none of PKCS#1, PKCS#8 or SEC 1, and a key
/// that is not the certificate's. `kubectl create secret tls` runs it on the two files before it builds
/// the Secret; nil when the pair is accepted.
public enum TLSKeyPair {
    public static func refusal(certPEM: [UInt8], keyPEM: [UInt8]) -> String? {
        var certs: [[UInt8]] = [], skipped: [String] = []
        for b in GoPEM.blocks(certPEM) {
            if b.type == "CERTIFICATE" { certs.append(b.bytes) } else { skipped.append(b.type) }
        }
        guard let certDER = certs.first else {
            if skipped.isEmpty { return "tls: failed to find any PEM data in certificate input" }
            if skipped.count == 1, skipped[0].hasSuffix("PRIVATE KEY") {
                return "tls: failed to find certificate PEM data in certificate input, but did find a private key; "
                    + "PEM inputs may have been switched"
            }
            return "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks "
                + "of the following types: [\(skipped.joined(separator: " "))]"
        }
        skipped = []
        var keyDER: [UInt8]?
        for b in GoPEM.blocks(keyPEM) {
            if b.type == "PRIVATE KEY" || b.type.hasSuffix(" PRIVATE KEY") { keyDER = b.bytes; break }
            skipped.append(b.type)
        }
        guard let keyDER else {
            if skipped.isEmpty { return "tls: failed to find any PEM data in key input" }
            if skipped == ["CERTIFICATE"] { return "tls: found a certificate rather than a key in the PEM for the private key" }
            return "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM "
                + "blocks of the following types: [\(skipped.joined(separator: " "))]"
        }
        return compare(certDER: certDER, keyDER: keyDER)
    }

    private static let knownTypes: Set<Int32> = [EVP_PKEY_RSA, EVP_PKEY_EC, EVP_PKEY_ED25519]

    private static func compare(certDER: [UInt8], keyDER: [UInt8]) -> String? {
        certDER.withUnsafeBufferPointer { cbuf -> String? in
            var p: UnsafePointer<UInt8>? = cbuf.baseAddress
            guard let cert = d2i_X509(nil, &p, cbuf.count) else { return "x509: malformed certificate" }
            defer { X509_free(cert) }
            if let p, let base = cbuf.baseAddress, p - base != cbuf.count { return "x509: trailing data" }
            return keyDER.withUnsafeBufferPointer { kbuf -> String? in
                var q: UnsafePointer<UInt8>? = kbuf.baseAddress
                guard let key = d2i_AutoPrivateKey(nil, &q, kbuf.count) else { return "tls: failed to parse private key" }
                defer { EVP_PKEY_free(key) }
                guard knownTypes.contains(EVP_PKEY_get_base_id(key)) else { return "tls: failed to parse private key" }
                guard let pub = X509_get0_pubkey(cert), knownTypes.contains(EVP_PKEY_get_base_id(pub)) else {
                    return "tls: unknown public key algorithm"
                }
                if EVP_PKEY_get_base_id(pub) != EVP_PKEY_get_base_id(key) {
                    return "tls: private key type does not match public key type"
                }
                return EVP_PKEY_eq(pub, key) == 1 ? nil : "tls: private key does not match public key"
            }
        }
    }
}
