import KubeModel
import KubeRegistry

/// The API server's handling of CertificateSigningRequests: on create the requester's identity is
/// written into the spec (`username`, `groups`, as the authenticator saw them) and any status is
/// replaced by an empty one (the registry's PrepareForCreate; v1's `status` is a struct, so JSON
/// always carries it: `status: {}`, as Restore's zero-value shaping stores it); on update the spec
/// stays as it was and only the signer may set `status.certificate` (clients change conditions, as
/// the approval subresource allows). Validation as the v1 API.
struct CSRAdmission: AdmissionStep {
    /// kubectl-local's user: a kind cluster's admin (kubeadm's admin.conf client certificate).
    static let requester = (username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"])

    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.type.group == "certificates.k8s.io", r.type.kind == "CertificateSigningRequest" else { return }
        if let old = r.old {
            r.object["spec"] = old["spec"]
            if r.fromClient { r.object["status"]["certificate"] = old["status"]["certificate"] }
            if r.object["status"]["certificate"].isNull { r.object.remove(["status", "certificate"]) }
            stampConditions(&r.object, old: old, now: s.now)
        } else {
            r.object["status"] = .object(JSONObject())
            var spec = r.object["spec"]
            spec.remove(["uid"])
            spec.remove(["extra"])
            spec["username"] = .string(Self.requester.username)
            spec["groups"] = .array(Self.requester.groups.map { .string($0) })
            r.object["spec"] = spec
        }
        let errors = r.old == nil ? Self.validate(r.object["spec"]) : Self.validateConditions(r.object)
        if !errors.isEmpty { throw r.invalid(errors.map { APIError.Cause(field: $0.field, message: $0.body) }) }
        if r.old == nil { try Self.subjectRestriction(r) }
    }

    /// The CertificateSubjectRestriction admission plugin: no client certificate for system:masters.
    static func subjectRestriction(_ r: AdmissionRequest) throws {
        let signer = "kubernetes.io/kube-apiserver-client"
        guard r.object["spec"]["signerName"].string == signer else { return }
        let pem = String(decoding: base64Decode(r.object["spec"]["request"].string ?? ""), as: UTF8.self)
        guard X509Signer.subject(ofRequest: pem).contains(where: { $0.0 == "O" && $0.1 == "system:masters" }) else { return }
        throw APIError(reason: .forbidden, message: "certificatesigningrequests.certificates.k8s.io \(strconvQuote(r.name)) is forbidden: use of \(signer) signer with system:masters group is not allowed", code: 403)
    }

    /// New conditions get `status: "True"` and their times, as the approval strategy fills them.
    func stampConditions(_ o: inout JSONValue, old: JSONValue, now: Timestamp) {
        guard var conditions = o["status"]["conditions"].array else { return }
        let before = old["status"]["conditions"].array ?? []
        for i in conditions.indices where !before.contains(conditions[i]) {
            if conditions[i]["status"].isNull { conditions[i]["status"] = "True" }
            if conditions[i]["lastUpdateTime"].isNull { conditions[i]["lastUpdateTime"] = .string(now.rfc3339) }
            if conditions[i]["lastTransitionTime"].isNull { conditions[i]["lastTransitionTime"] = .string(now.rfc3339) }
        }
        o["status"]["conditions"] = .array(conditions)
    }

    static let validUsages = ["any", "cert sign", "client auth", "code signing", "content commitment", "crl sign",
                              "data encipherment", "decipher only", "digital signature", "email protection", "encipher only",
                              "ipsec end system", "ipsec tunnel", "ipsec user", "key agreement", "key encipherment",
                              "microsoft sgc", "netscape sgc", "ocsp signing", "s/mime", "server auth", "signing", "timestamping"]

    static func validate(_ spec: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        let request = base64Decode(spec["request"].string ?? "")
        if let problem = X509Signer.checkRequest(String(decoding: request, as: UTF8.self)) {
            let rendered = spec["request"].isNull ? "[]byte(nil)"
                : "[]byte{" + request.map { "0x" + String($0, radix: 16) }.joined(separator: ", ") + "}"
            errs.append(FieldError(.invalid, field: "spec.request", value: .raw(rendered), detail: problem))
        }
        let usages = spec["usages"].array?.compactMap(\.string) ?? []
        if usages.isEmpty { errs.append(.required("spec.usages", "usages must be provided")) }
        var seen = Set<String>()
        for (i, u) in usages.enumerated() {
            if !validUsages.contains(u) {
                errs.append(.notSupported("spec.usages[\(i)]", .string(u), supported: validUsages))
            } else if !seen.insert(u).inserted {
                errs.append(FieldError(.duplicate, field: "spec.usages[\(i)]", value: .string(u)))
            }
        }
        errs += validateSignerName(spec["signerName"].string ?? "")
        if let seconds = spec["expirationSeconds"].int, seconds < 600 {
            errs.append(FieldError(.invalid, field: "spec.expirationSeconds", value: .int(Int64(seconds)),
                                   detail: "may not specify a duration less than 600 seconds (10 minutes)"))
        }
        return errs
    }

    /// The v1 rules for `spec.signerName` (domain/path; the legacy signer is refused).
    static func validateSignerName(_ name: String) -> [FieldError] {
        let field = "spec.signerName"
        if name.isEmpty { return [.required(field)] }
        if name == "kubernetes.io/legacy-unknown" {
            return [.invalid(field, name, "the legacy signerName is not allowed via this API version")]
        }
        let segments = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.count != 2 {
            return [.invalid(field, name, "must be a fully qualified domain and path of the form 'example.com/signer-name'")]
        }
        if !segments[0].contains(".") {
            return [.invalid(field, segments[0], "should be a domain with at least two segments separated by dots")]
        }
        return []
    }

    /// Approved and Denied exclude each other; a condition type appears once.
    static func validateConditions(_ o: JSONValue) -> [FieldError] {
        let conditions = o["status"]["conditions"].array ?? []
        var errs: [FieldError] = []
        var seen: [String: Int] = [:]
        for (i, c) in conditions.enumerated() {
            let t = c["type"].string ?? ""
            if seen[t] != nil {
                errs.append(FieldError(.duplicate, field: "status.conditions[\(i)].type", value: .string(t)))
            }
            seen[t] = i
            if (t == "Approved" && seen["Denied"] != nil) || (t == "Denied" && seen["Approved"] != nil) {
                errs.append(.invalid("status.conditions[\(i)].type", t, "Approved and Denied conditions are mutually exclusive"))
            }
        }
        return errs
    }
}
