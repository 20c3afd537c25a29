import KubeModel
import KubeRegistry

/// TokenReview: the API server authenticates the token as a bearer token of a request would be. Tokens
/// this store signed (`create token`, the tokens controller's Secrets) are checked as v1.32's service
/// account authenticator checks them: the signature (RS256 with the store's key: PKCS #1 v1.5 signs
/// deterministically, so the signature is recomputed), the audiences against the review's (or the API
/// server's), the time claims (one minute of leeway), and that the service account and the object the
/// token is bound to still exist with the uid of the claims. Any other token is not one of this cluster's.
extension APISession {
    static let invalidBearerToken = "invalid bearer token"

    func tokenReviewStatus(_ spec: JSONValue) throws -> JSONObject {
        let requested = (spec["audiences"].array ?? []).compactMap(\.string)
        switch try authenticateToken(spec["token"].string ?? "", requested: requested.isEmpty ? [ServiceAccountJWT.issuer] : requested) {
        case .success(let user, let audiences):
            return JSONObject([("authenticated", true), ("user", user), ("audiences", .array(audiences.map { .string($0) }))])
        case .failure(let message):
            // The bearer token authenticator's error, with the service account authenticator's reason after it.
            let error = message.map { "[\(Self.invalidBearerToken), \($0)]" } ?? Self.invalidBearerToken
            return JSONObject([("user", .emptyObject), ("error", .string(error))])
        }
    }

    enum TokenAuthentication {
        case success(JSONValue, [String])
        /// Not authenticated: the service account authenticator's reason, or nil for a token it does not know.
        case failure(String?)
    }

    func authenticateToken(_ token: String, requested: [String]) throws -> TokenAuthentication {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let claims = try? JSON.parse(bytes: base64Decode(parts[1])), claims.object != nil else {
            return .failure(nil)
        }
        let issuer = claims["iss"].string ?? ""
        let legacy = issuer == "kubernetes/serviceaccount"
        guard legacy || issuer == ServiceAccountJWT.issuer else { return .failure(nil) }
        let pem = try signingKeyPEM()
        let expected = ServiceAccountJWT.base64URL(try RSAKeys.signRS256(Array((parts[0] + "." + parts[1]).utf8), keyPEM: pem))
        guard expected == parts[2] else { return .failure("go-jose/go-jose: error in cryptographic primitive") }
        // A token without audiences (a legacy token) is for the API server.
        var tokenAudiences: [String]
        switch claims["aud"] {
        case .string(let s): tokenAudiences = [s]
        default: tokenAudiences = (claims["aud"].array ?? []).compactMap(\.string)
        }
        if tokenAudiences.isEmpty { tokenAudiences = [ServiceAccountJWT.issuer] }
        let audiences = tokenAudiences.filter(requested.contains)
        if audiences.isEmpty {
            let q: ([String]) -> String = { "[" + $0.map(strconvQuote).joined(separator: " ") + "]" }
            return .failure("token audiences \(q(tokenAudiences)) is invalid for the target audiences \(q(requested))")
        }
        let now = self.now.seconds, leeway: Int64 = 60
        if let exp = claims["exp"].int, now > exp + leeway { return .failure("service account token has expired") }
        if let nbf = claims["nbf"].int, now + leeway < nbf { return .failure("service account token is not valid yet") }
        if let iat = claims["iat"].int, now + leeway < iat { return .failure("service account token is issued in the future") }

        let kube = claims["kubernetes.io"]
        let prefix = "kubernetes.io/serviceaccount/"
        let namespace = legacy ? claims[prefix + "namespace"].string ?? "" : kube["namespace"].string ?? ""
        let saName = legacy ? claims[prefix + "service-account.name"].string ?? "" : kube["serviceaccount"]["name"].string ?? ""
        let saUID = legacy ? claims[prefix + "service-account.uid"].string ?? "" : kube["serviceaccount"]["uid"].string ?? ""
        if legacy {
            // The legacy authenticator looks up the token's Secret first.
            let secretName = claims[prefix + "secret.name"].string ?? ""
            guard let secretType = registry.type(group: "", plural: "secrets"),
                  let secret = try find(secretType, namespace: namespace, name: secretName) else {
                return .failure("service account token has been invalidated")
            }
            if base64Decode(secret["data"]["token"].string ?? "") != Array(token.utf8) {
                return .failure("service account token does not match server's copy")
            }
        }
        guard let saType = registry.type(group: "", plural: "serviceaccounts") else { return .failure(nil) }
        guard let sa = try find(saType, namespace: namespace, name: saName) else {
            return .failure("serviceaccounts \(strconvQuote(saName)) not found")
        }
        let uid = sa["metadata"]["uid"].string ?? ""
        if uid != saUID { return .failure("service account UID (\(uid)) does not match claim (\(saUID))") }
        var extra = JSONObject()
        if !legacy {
            for (kind, plural) in [("pod", "pods"), ("secret", "secrets"), ("node", "nodes")] {
                let ref = kube[kind]
                guard ref.object != nil, let type = registry.type(group: "", plural: plural) else { continue }
                let name = ref["name"].string ?? "", want = ref["uid"].string ?? ""
                // A pod-bound token names the pod's node; only the bound object itself is checked.
                if kind == "node" && kube["pod"].object != nil {
                    extra["authentication.kubernetes.io/node-name"] = [.string(name)]
                    if !want.isEmpty { extra["authentication.kubernetes.io/node-uid"] = [.string(want)] }
                    continue
                }
                guard let object = try find(type, namespace: kind == "node" ? "" : namespace, name: name) else {
                    return .failure("\(plural) \(strconvQuote(name)) not found")
                }
                let have = object["metadata"]["uid"].string ?? ""
                if have != want { return .failure("\(kind) UID (\(have)) does not match claim (\(want))") }
                if kind == "pod" || kind == "node" {
                    extra["authentication.kubernetes.io/\(kind)-name"] = [.string(name)]
                    extra["authentication.kubernetes.io/\(kind)-uid"] = [.string(want)]
                }
            }
            if let jti = claims["jti"].string, !jti.isEmpty { extra["authentication.kubernetes.io/credential-id"] = [.string("JTI=" + jti)] }
        }
        var user = JSONObject([("username", .string("system:serviceaccount:\(namespace):\(saName)")), ("uid", .string(uid)),
                               ("groups", ["system:serviceaccounts", .string("system:serviceaccounts:\(namespace)"), "system:authenticated"])])
        if !extra.isEmpty { user["extra"] = .object(extra) }
        return .success(.object(user), audiences)
    }
}
