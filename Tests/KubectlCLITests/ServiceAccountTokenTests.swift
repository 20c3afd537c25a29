#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// `create token` issues JWTs with a v1.32 API server's claims; the tokens controller fills
/// service-account token Secrets.
@Suite struct ServiceAccountTokenTests {
    /// The JSON of a base64url JWT segment.
    func segment(_ token: String, _ i: Int) -> JSONValue {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { return .null }
        let s = String(parts[i].map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        return (try? JSON.parse(String(decoding: base64Decoded(s), as: UTF8.self))) ?? .null
    }

    func base64Decoded(_ s: String) -> [UInt8] {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var bits: UInt32 = 0, n = 0
        var bytes: [UInt8] = []
        for c in s where c != "=" {
            bits = bits << 6 | UInt32(table.firstIndex(of: c)!)
            n += 6
            if n >= 8 { n -= 8; bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(n))) }
        }
        return bytes
    }

    @Test func tokenClaimsAreTheAPIServers() throws {
        let s = TestStore()
        let token = s.run("create token default").stdout
        #expect(!token.hasSuffix("\n"))
        #expect(segment(token, 0)["alg"].string == "RS256")
        let claims = segment(token, 1)
        let uid = s.run("get sa default -o jsonpath={.metadata.uid}").stdout
        #expect(claims["aud"] == ["https://kubernetes.default.svc.cluster.local"])
        #expect(claims["iss"].string == "https://kubernetes.default.svc.cluster.local")
        #expect(claims["sub"].string == "system:serviceaccount:default:default")
        #expect(claims["iat"].int == 1_795_435_200 && claims["nbf"].int == 1_795_435_200 && claims["exp"].int == 1_795_438_800)
        #expect(claims["kubernetes.io"] == ["namespace": "default", "serviceaccount": ["name": "default", "uid": .string(uid)]])
        #expect(claims["jti"].string?.count == 36)
        #expect(s.run("create token default").stdout != token)
        // Keys in go-jose's (sorted) order.
        let payload = String(decoding: Array(claims.jsonString(.compact).utf8), as: UTF8.self)
        #expect(payload.hasPrefix("{\"aud\":"))
    }

    /// DER of a length and of a TLV.
    func der(_ tag: UInt8, _ body: [UInt8]) -> [UInt8] {
        var len: [UInt8]
        if body.count < 128 { len = [UInt8(body.count)] } else {
            var n = body.count, bytes: [UInt8] = []
            while n > 0 { bytes.insert(UInt8(n & 0xFF), at: 0); n >>= 8 }
            len = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + len + body
    }

    /// A `PUBLIC KEY` PEM from a JWK's n and e (SubjectPublicKeyInfo of rsaEncryption).
    func publicKeyPEM(n: [UInt8], e: [UInt8]) -> String {
        func integer(_ b: [UInt8]) -> [UInt8] { der(0x02, (b.first ?? 0) >= 0x80 ? [0] + b : b) }
        let rsaKey = der(0x30, integer(n) + integer(e))
        let algorithm = der(0x30, [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00])
        let spki = der(0x30, algorithm + der(0x03, [0] + rsaKey))
        let b64 = base64Encode(spki)
        var lines: [String] = [], rest = Substring(b64)
        while !rest.isEmpty { lines.append(String(rest.prefix(64))); rest = rest.dropFirst(64) }
        return "-----BEGIN PUBLIC KEY-----\n" + lines.joined(separator: "\n") + "\n-----END PUBLIC KEY-----\n"
    }

    func base64URLDecoded(_ s: Substring) -> [UInt8] { base64Decoded(String(s.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })) }

    /// Tokens are RS256 with the key the issuer publishes (/openid/v1/jwks): openssl verifies them.
    @Test func tokensAreRS256SignedWithThePublishedKey() throws {
        let s = TestStore()
        let token = s.run("create token default").stdout
        let jwks = try JSON.parse(s.run("get --raw /openid/v1/jwks").stdout)
        let key = jwks["keys"][0]
        #expect(key["kty"] == "RSA" && key["alg"] == "RS256" && key["use"] == "sig" && key["e"] == "AQAB")
        #expect(segment(token, 0) == ["alg": "RS256", "kid": key["kid"]])
        let config = try JSON.parse(s.run("get --raw /.well-known/openid-configuration").stdout)
        #expect(config["issuer"] == "https://kubernetes.default.svc.cluster.local")
        #expect(config["id_token_signing_alg_values_supported"] == ["RS256"])
        // Another token of the same store: same key, another signature.
        let other = s.run("create token default --audience=vault").stdout
        #expect(segment(other, 0)["kid"] == key["kid"])
        guard access("/usr/bin/openssl", X_OK) == 0 else { return }
        let parts = token.split(separator: ".")
        let pub = s.writeFile("sa.pub", publicKeyPEM(n: base64URLDecoded(Substring(key["n"].string ?? "")),
                                                    e: base64URLDecoded(Substring(key["e"].string ?? ""))))
        let input = s.writeFile("input", parts[0] + "." + parts[1])
        let sig = s.writeBytes("sig", base64URLDecoded(parts[2]))
        #expect(shell("openssl dgst -sha256 -verify \(pub) -signature \(sig) \(input)").contains("Verified OK"))
        let tampered = s.writeFile("tampered", parts[0] + "." + parts[1] + "x")
        #expect(!shell("openssl dgst -sha256 -verify \(pub) -signature \(sig) \(tampered)").contains("Verified OK"))
    }

    @Test func boundTokensNameTheirObject() throws {
        let s = TestStore()
        #expect(s.run("run web --image=nginx").exitCode == 0)
        let token = s.run("create token default --bound-object-kind=Pod --bound-object-name=web --duration=2h --audience=vault").stdout
        let claims = segment(token, 1)
        let podUID = s.run("get pod web -o jsonpath={.metadata.uid}").stdout
        let node = s.run("get pod web -o jsonpath={.spec.nodeName}").stdout
        #expect(claims["aud"] == ["vault"])
        #expect((claims["exp"].int ?? 0) - (claims["iat"].int ?? 0) == 7200)
        #expect(claims["kubernetes.io"]["pod"] == ["name": "web", "uid": .string(podUID)])
        #expect(claims["kubernetes.io"]["node"]["name"].string == node && !node.isEmpty)
        let wrongUID = s.run("create token default --bound-object-kind=Pod --bound-object-name=web --bound-object-uid=abc")
        #expect(wrongUID.stderr.hasPrefix("error: failed to create token: Operation cannot be fulfilled on Pod \"web\": the UID in the bound object reference (abc) does not match the UID in record (\(podUID))."))
        #expect(s.run("create serviceaccount other").exitCode == 0)
        #expect(s.run("create token other --bound-object-kind=Pod --bound-object-name=web").stderr
            == "error: failed to create token: cannot bind token for serviceaccount \"other\" to pod running with serviceaccount \"default\"\n")
        let nodeToken = s.run("create token default --bound-object-kind=Node --bound-object-name=\(node)").stdout
        #expect(segment(nodeToken, 1)["kubernetes.io"]["node"]["name"].string == node)
    }

    @Test func tokenSecretsAreFilled() throws {
        let s = TestStore()
        let secret = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: default-token
              annotations:
                kubernetes.io/service-account.name: default
            type: kubernetes.io/service-account-token
            """
        #expect(s.run("apply -f -", stdin: secret).exitCode == 0)
        let uid = s.run("get sa default -o jsonpath={.metadata.uid}").stdout
        let stored = try JSON.parse(s.run("get secret default-token -o json").stdout)
        #expect(stored["metadata"]["annotations"]["kubernetes.io/service-account.uid"].string == uid)
        #expect(stored["data"]["namespace"].string == "ZGVmYXVsdA==")
        #expect((stored["data"]["ca.crt"].string ?? "").count > 100)
        #expect(segment(String(decoding: base64Decoded(stored["data"]["token"].string ?? ""), as: UTF8.self), 1)["iss"].string
            == "kubernetes/serviceaccount")
        let described = s.run("describe secret default-token").stdout
        #expect(described.contains("token:      eyJ"))
        #expect(s.run("describe sa default").stdout.contains("Tokens:              default-token\n"))
        // The service account's deletion takes the secret; a secret for a missing account is removed.
        #expect(s.run("delete sa default").exitCode == 0)
        #expect(s.run("get secret default-token").exitCode == 1)
        #expect(s.run("apply -f -", stdin: secret.replacingAll("name: default\n", with: "name: ghost\n")).exitCode == 0)
        #expect(s.run("get secrets -o name").stdout == "")
    }
}
