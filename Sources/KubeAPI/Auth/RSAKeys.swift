import COpenSSL

/// RSA keys for service-account tokens (what `/etc/kubernetes/pki/sa.key` is on a kind node): a new
/// RSA-2048 key as PEM, RS256 (PKCS #1 v1.5, SHA-256) signatures, and the public key (PEM, and the
/// PKIX DER the API server's key ID hashes).
enum RSAKeys {
    static func generatePEM() throws -> String {
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else { throw X509Signer.Failure(description: "no RSA context") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 2048) == 1,
              EVP_PKEY_keygen(ctx, &key) == 1, let key else { throw X509Signer.Failure(description: "RSA key generation failed") }
        defer { EVP_PKEY_free(key) }
        return try X509Signer.pem { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) }
    }

    static func withKey<T>(_ pem: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        let key = try X509Signer.withBIO(pem) { PEM_read_bio_PrivateKey($0, nil, nil, nil) }
        defer { EVP_PKEY_free(key) }
        return try body(key)
    }

    /// The RS256 signature of `data`.
    static func signRS256(_ data: [UInt8], keyPEM: String) throws -> [UInt8] {
        try withKey(keyPEM) { key in
            guard let md = EVP_MD_CTX_new() else { throw X509Signer.Failure(description: "EVP_MD_CTX_new failed") }
            defer { EVP_MD_CTX_free(md) }
            guard EVP_DigestSignInit(md, nil, EVP_sha256(), nil, key) == 1 else { throw X509Signer.Failure(description: "sign init failed") }
            var length = 0
            guard EVP_DigestSign(md, nil, &length, data, data.count) == 1 else { throw X509Signer.Failure(description: "sign failed") }
            var signature = [UInt8](repeating: 0, count: length)
            guard EVP_DigestSign(md, &signature, &length, data, data.count) == 1 else { throw X509Signer.Failure(description: "sign failed") }
            return Array(signature.prefix(length))
        }
    }

    /// The public key as PKIX DER (`x509.MarshalPKIXPublicKey`).
    static func publicKeyDER(keyPEM: String) throws -> [UInt8] {
        try withKey(keyPEM) { key in
            let n = i2d_PUBKEY(key, nil)
            guard n > 0 else { throw X509Signer.Failure(description: "public key encoding failed") }
            var out = [UInt8](repeating: 0, count: Int(n))
            try out.withUnsafeMutableBufferPointer { buf in
                var p = buf.baseAddress
                guard i2d_PUBKEY(key, &p) == n else { throw X509Signer.Failure(description: "public key encoding failed") }
            }
            return out
        }
    }

    /// The public key as a `PUBLIC KEY` PEM block.
    static func publicKeyPEM(keyPEM: String) throws -> String {
        try withKey(keyPEM) { key in try X509Signer.pem { PEM_write_bio_PUBKEY($0, key) } }
    }
}

extension RSAKeys {
    /// The modulus and public exponent, big-endian (a JWK's `n` and `e`).
    static func publicNumbers(keyPEM: String) throws -> (n: [UInt8], e: [UInt8]) {
        try withKey(keyPEM) { key in
            func number(_ name: String) throws -> [UInt8] {
                var bn: OpaquePointer?
                guard EVP_PKEY_get_bn_param(key, name, &bn) == 1, let bn else { throw X509Signer.Failure(description: "no RSA \(name)") }
                defer { BN_free(bn) }
                var out = [UInt8](repeating: 0, count: Int((BN_num_bits(bn) + 7) / 8))
                _ = BN_bn2bin(bn, &out)
                return out
            }
            return (try number("n"), try number("e"))
        }
    }
}
