import KubeModel
import KubeRegistry

/// Service-account tokens as the API server issues them: JWTs signed RS256 with the store's own RSA
/// key (kept in the store's configuration, made on first use; the key ID is the base64url SHA-256 of
/// the public key's PKIX DER, as the API server computes it), with a v1.32 server's claims.
enum ServiceAccountJWT {
    static let issuer = "https://kubernetes.default.svc.cluster.local"
    static let keyConfig = "serviceaccount.signing-key.rsa"
    /// Where a kind cluster's API server says its keys are (its advertise address).
    static let jwksURI = "https://172.18.0.2:6443/openid/v1/jwks"

    /// `header.payload.signature`, base64url without padding; `claims` are serialised with sorted keys
    /// as go-jose does.
    static func sign(_ claims: JSONValue, keyPEM: String) throws -> String {
        let kid = base64URL(SHA256.digest(try RSAKeys.publicKeyDER(keyPEM: keyPEM)))
        let header: JSONValue = JSONObject([("alg", "RS256"), ("kid", .string(kid))]).asJSON
        let input = base64URL(Array(header.jsonString(.compactOrdered).utf8)) + "." + base64URL(Array(claims.jsonString(.compact).utf8))
        return input + "." + base64URL(try RSAKeys.signRS256(Array(input.utf8), keyPEM: keyPEM))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        var s = base64Encode(bytes)
        while s.hasSuffix("=") { s.removeLast() }
        return String(s.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }
}

extension JSONObject {
    var asJSON: JSONValue { .object(self) }
}

extension APISession {
    /// The store's token signing key (RSA, PEM), made the first time a token is signed.
    func signingKeyPEM() throws -> String {
        if let pem = try tx.config(ServiceAccountJWT.keyConfig), !pem.isEmpty { return pem }
        let pem = try RSAKeys.generatePEM()
        try tx.setConfig(ServiceAccountJWT.keyConfig, pem)
        return pem
    }

    /// The service-account issuer's discovery documents (ServiceAccountIssuerDiscovery):
    /// `/.well-known/openid-configuration` and `/openid/v1/jwks` (the public half of the signing key).
    public func serviceAccountIssuerDocument(_ path: String) throws -> JSONValue? {
        switch path {
        case "/.well-known/openid-configuration":
            return JSONObject([("issuer", .string(ServiceAccountJWT.issuer)),
                               ("jwks_uri", .string(ServiceAccountJWT.jwksURI)),
                               ("response_types_supported", ["id_token"]), ("subject_types_supported", ["public"]),
                               ("id_token_signing_alg_values_supported", ["RS256"])]).asJSON
        case "/openid/v1/jwks":
            let pem = try signingKeyPEM()
            let (n, e) = try RSAKeys.publicNumbers(keyPEM: pem)
            let kid = ServiceAccountJWT.base64URL(SHA256.digest(try RSAKeys.publicKeyDER(keyPEM: pem)))
            let key = JSONObject([("use", "sig"), ("kty", "RSA"), ("kid", .string(kid)), ("alg", "RS256"),
                                  ("n", .string(ServiceAccountJWT.base64URL(n))), ("e", .string(ServiceAccountJWT.base64URL(e)))])
            return JSONObject([("keys", .array([.object(key)]))]).asJSON
        default:
            return nil
        }
    }

    /// `POST /api/v1/namespaces/NS/serviceaccounts/NAME/token`: a TokenRequest (`spec` as the client
    /// sent it) answered with the token in its status.
    public func createToken(serviceAccount name: String, namespace: String, spec: JSONValue) throws -> JSONValue {
        guard let saType = registry.type(group: "", plural: "serviceaccounts") else { throw APIError.notFound("serviceaccounts", name) }
        try authorize("create", saType, namespace: namespace, name: name, subresource: "token")
        // A TokenRequest is a create: NamespaceLifecycle admission sees it before the service account is read.
        try requireNamespace(namespace, creating: saType, name: name)
        auth.internalDepth += 1
        defer { auth.internalDepth -= 1 }
        let seconds = spec["expirationSeconds"].int ?? 3600
        var causes: [APIError.Cause] = []
        if seconds < 600 {
            causes.append(.init(field: "spec.expirationSeconds", message: "Invalid value: \(seconds): may not specify a duration less than 10 minutes"))
        }
        if seconds > 1 << 32 {
            causes.append(.init(field: "spec.expirationSeconds", message: "Invalid value: \(seconds): may not specify a duration larger than 2^32 seconds"))
        }
        if !causes.isEmpty { throw APIError.invalid(kind: "TokenRequest", name: name, causes: causes, group: "authentication.k8s.io") }
        let sa = try get(saType, namespace: namespace, name: name)
        let bound = try boundObjectClaims(spec["boundObjectRef"], serviceAccount: name, namespace: namespace)
        var audiences = (spec["audiences"].array ?? []).compactMap(\.string)
        if audiences.isEmpty { audiences = [ServiceAccountJWT.issuer] }
        let issued = now.seconds
        var kube = JSONObject([("namespace", .string(namespace)),
                               ("serviceaccount", ["name": .string(name), "uid": sa["metadata"]["uid"]])])
        for (k, v) in bound { kube[k] = v }
        let claims: JSONValue = JSONObject([
            ("aud", .array(audiences.map { .string($0) })), ("exp", .int(issued + seconds)), ("iat", .int(issued)),
            ("iss", .string(ServiceAccountJWT.issuer)), ("jti", .string(uuidV4())), ("kubernetes.io", .object(kube)),
            ("nbf", .int(issued)), ("sub", .string("system:serviceaccount:\(namespace):\(name)")),
        ]).asJSON
        let token = try ServiceAccountJWT.sign(claims, keyPEM: try signingKeyPEM())
        var outSpec = JSONObject([("audiences", .array(audiences.map { .string($0) })), ("expirationSeconds", .int(seconds))])
        outSpec["boundObjectRef"] = spec["boundObjectRef"].isNull ? .null : spec["boundObjectRef"]
        return JSONObject([
            ("kind", "TokenRequest"), ("apiVersion", "authentication.k8s.io/v1"),
            ("metadata", JSONObject([("name", .string(name)), ("namespace", .string(namespace)), ("creationTimestamp", .null)]).asJSON),
            ("spec", .object(outSpec)),
            ("status", JSONObject([("token", .string(token)),
                                   ("expirationTimestamp", .string(Timestamp(seconds: issued + seconds).rfc3339))]).asJSON),
        ]).asJSON
    }

    /// The `kubernetes.io` claims of the object a token is bound to (a pod also names its node), after
    /// the API server's checks: the object exists, a pod runs as the service account, the uid matches.
    private func boundObjectClaims(_ ref: JSONValue, serviceAccount: String, namespace: String) throws -> [(String, JSONValue)] {
        guard !ref.isNull else { return [] }
        let kind = ref["kind"].string ?? "", name = ref["name"].string ?? ""
        let plural = ["Pod": "pods", "Secret": "secrets", "Node": "nodes"][kind]
        guard let plural, (ref["apiVersion"].string ?? "v1") == "v1", let type = registry.type(group: "", plural: plural) else {
            throw APIError.badRequest("cannot bind token to object of type \(ref["apiVersion"].string ?? ""), Kind=\(kind)")
        }
        let object = try get(type, namespace: namespace, name: name)
        let uid = object["metadata"]["uid"].string ?? ""
        if kind == "Pod" {
            let podSA = object["spec"]["serviceAccountName"].string ?? ""
            if podSA != serviceAccount {
                throw APIError.badRequest("cannot bind token for serviceaccount \(strconvQuote(serviceAccount)) to pod running with serviceaccount \(strconvQuote(podSA))")
            }
        }
        if let want = ref["uid"].string, !want.isEmpty, want != uid {
            throw APIError.conflict(kind, name, "the UID in the bound object reference (\(want)) does not match the UID in record (\(uid)). The object might have been deleted and then recreated")
        }
        var claims: [(String, JSONValue)] = [(kind.lowercased(), ["name": .string(name), "uid": .string(uid)])]
        if kind == "Pod", let node = object["spec"]["nodeName"].string, !node.isEmpty,
           let nodeType = registry.type(group: "", plural: "nodes")
        {
            let nodeUID = try find(nodeType, namespace: "", name: node)?["metadata"]["uid"] ?? .null
            claims.append(("node", nodeUID.isNull ? ["name": .string(node)] : ["name": .string(node), "uid": nodeUID]))
        }
        return claims
    }
}
