import COpenSSL

/// X.509 through the system's libcrypto (OpenSSL 3): the cluster CA (an RSA-2048 self-signed
/// `CN=kubernetes` certificate, as kubeadm makes it) and certificates signed for approved CSRs.
/// Everything crosses the boundary as PEM text; each OpenSSL object is freed before returning.
public enum X509Signer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A CA key and certificate (PEM), valid from `now` for ten years.
    public static func makeCA(now: Int64, commonName: String = "kubernetes") throws -> (keyPEM: String, certPEM: String) {
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else { throw Failure(description: "no RSA context") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 2048) == 1,
              EVP_PKEY_keygen(ctx, &key) == 1, let key else { throw Failure(description: "RSA key generation failed") }
        defer { EVP_PKEY_free(key) }
        guard let cert = X509_new() else { throw Failure(description: "X509_new failed") }
        defer { X509_free(cert) }
        X509_set_version(cert, 2)
        try setSerial(cert)
        ASN1_TIME_set(X509_getm_notBefore(cert), time_t(now))
        ASN1_TIME_set(X509_getm_notAfter(cert), time_t(now + 10 * 365 * 86400))
        let name = X509_get_subject_name(cert)
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0)
        X509_set_issuer_name(cert, name)
        X509_set_pubkey(cert, key)
        try addExtensions(cert, issuer: cert, [(NID_key_usage, "critical,digitalSignature,keyEncipherment,keyCertSign"),
                                               (NID_basic_constraints, "critical,CA:TRUE"),
                                               (NID_subject_key_identifier, "hash")])
        guard X509_sign(cert, key, EVP_sha256()) > 0 else { throw Failure(description: "signing the CA failed") }
        return (try pem { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) }, try pem { PEM_write_bio_X509($0, cert) })
    }

    /// What a CSR's PEM holds, or why it is not one.
    public static func checkRequest(_ pem: String) -> String? {
        guard let req = readRequest(pem) else { return "PEM block type must be CERTIFICATE REQUEST" }
        defer { X509_REQ_free(req) }
        guard let pub = X509_REQ_get_pubkey(req) else { return "x509: unsupported public key" }
        defer { EVP_PKEY_free(pub) }
        return X509_REQ_verify(req, pub) == 1 ? nil : "x509: ECDSA verification failure"
    }

    /// The subject of a CSR as `CN=...,O=...` pairs.
    public static func subject(ofRequest pem: String) -> [(String, String)] {
        guard let req = readRequest(pem) else { return [] }
        defer { X509_REQ_free(req) }
        var out: [(String, String)] = []
        let name = X509_REQ_get_subject_name(req)
        for i in 0..<X509_NAME_entry_count(name) {
            guard let entry = X509_NAME_get_entry(name, i), let data = X509_NAME_ENTRY_get_data(entry) else { continue }
            let nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry))
            let field = String(cString: OBJ_nid2sn(nid))
            let bytes = UnsafeBufferPointer(start: ASN1_STRING_get0_data(data), count: Int(ASN1_STRING_length(data)))
            out.append((field, String(decoding: bytes, as: UTF8.self)))
        }
        return out
    }

    /// A certificate for the CSR, signed by the CA: the CSR's subject, public key and subject
    /// alternative names; key usages and extended key usages from the CSR's `usages`.
    public static func sign(requestPEM: String, caKeyPEM: String, caCertPEM: String, notBefore: Int64, notAfter: Int64,
                            usages: [String]) throws -> String
    {
        guard let req = readRequest(requestPEM) else { throw Failure(description: "PEM block type must be CERTIFICATE REQUEST") }
        defer { X509_REQ_free(req) }
        let caKey = try withBIO(caKeyPEM) { PEM_read_bio_PrivateKey($0, nil, nil, nil) }
        defer { EVP_PKEY_free(caKey) }
        let ca = try withBIO(caCertPEM) { PEM_read_bio_X509($0, nil, nil, nil) }
        defer { X509_free(ca) }
        guard let cert = X509_new(), let pub = X509_REQ_get_pubkey(req) else { throw Failure(description: "X509_new failed") }
        defer { X509_free(cert); EVP_PKEY_free(pub) }
        X509_set_version(cert, 2)
        try setSerial(cert)
        ASN1_TIME_set(X509_getm_notBefore(cert), time_t(notBefore))
        ASN1_TIME_set(X509_getm_notAfter(cert), time_t(notAfter))
        X509_set_subject_name(cert, X509_REQ_get_subject_name(req))
        X509_set_issuer_name(cert, X509_get_subject_name(ca))
        X509_set_pubkey(cert, pub)
        var exts: [(Int32, String)] = []
        let keyUsages = usages.compactMap { keyUsageNames[$0] }
        if !keyUsages.isEmpty { exts.append((NID_key_usage, "critical," + keyUsages.joined(separator: ","))) }
        let extended = usages.compactMap { extendedUsageNames[$0] }
        if !extended.isEmpty { exts.append((NID_ext_key_usage, extended.joined(separator: ","))) }
        exts.append((NID_basic_constraints, "critical,CA:FALSE"))
        exts.append((NID_authority_key_identifier, "keyid"))
        try addExtensions(cert, issuer: ca, exts)
        copySubjectAltNames(from: req, to: cert)
        guard X509_sign(cert, caKey, EVP_sha256()) > 0 else { throw Failure(description: "signing failed") }
        return try pem { PEM_write_bio_X509($0, cert) }
    }

    static let keyUsageNames = ["digital signature": "digitalSignature", "key encipherment": "keyEncipherment",
                                "content commitment": "nonRepudiation", "data encipherment": "dataEncipherment",
                                "key agreement": "keyAgreement", "cert sign": "keyCertSign", "crl sign": "cRLSign",
                                "encipher only": "encipherOnly", "decipher only": "decipherOnly"]
    static let extendedUsageNames = ["client auth": "clientAuth", "server auth": "serverAuth", "code signing": "codeSigning",
                                     "email protection": "emailProtection", "timestamping": "timeStamping",
                                     "ocsp signing": "OCSPSigning", "any": "anyExtendedKeyUsage"]

    // MARK: OpenSSL plumbing

    static func readRequest(_ pem: String) -> OpaquePointer? {
        try? withBIO(pem) { PEM_read_bio_X509_REQ($0, nil, nil, nil) }
    }

    static func withBIO<T>(_ text: String, _ body: (OpaquePointer) -> T?) throws -> T {
        let bytes = Array(text.utf8)
        let result: T? = bytes.withUnsafeBytes { buf in
            guard let bio = BIO_new_mem_buf(buf.baseAddress, Int32(buf.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
        guard let result else { throw Failure(description: "cannot read PEM") }
        return result
    }

    static func pem(_ write: (OpaquePointer) -> Int32) throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw Failure(description: "BIO_new failed") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw Failure(description: "PEM encoding failed") }
        var ptr: UnsafeMutablePointer<CChar>?
        let n = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &ptr)
        guard let ptr, n > 0 else { return "" }
        return ptr.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
    }

    static func setSerial(_ cert: OpaquePointer) throws {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&bytes, 16) == 1 else { throw Failure(description: "no randomness") }
        bytes[0] &= 0x7F
        guard let bn = BN_bin2bn(bytes, 16, nil) else { throw Failure(description: "BN_bin2bn failed") }
        defer { BN_free(bn) }
        BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert))
    }

    static func addExtensions(_ cert: OpaquePointer, issuer: OpaquePointer, _ exts: [(Int32, String)]) throws {
        var ctx = X509V3_CTX()
        X509V3_set_ctx(&ctx, issuer, cert, nil, nil, 0)
        for (nid, value) in exts {
            guard let ext = X509V3_EXT_conf_nid(nil, &ctx, nid, value) else { throw Failure(description: "bad extension \(value)") }
            X509_add_ext(cert, ext, -1)
            X509_EXTENSION_free(ext)
        }
    }

    static func copySubjectAltNames(from req: OpaquePointer, to cert: OpaquePointer) {
        guard let exts = X509_REQ_get_extensions(req) else { return }
        let stack = exts
        for i in 0..<OPENSSL_sk_num(stack) {
            guard let raw = OPENSSL_sk_value(stack, i) else { continue }
            let ext = OpaquePointer(raw)
            if OBJ_obj2nid(X509_EXTENSION_get_object(ext)) == NID_subject_alt_name { X509_add_ext(cert, ext, -1) }
            X509_EXTENSION_free(ext)
        }
        OPENSSL_sk_free(stack)
    }
}
