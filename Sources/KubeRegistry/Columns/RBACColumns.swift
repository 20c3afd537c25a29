import KubeModel

/// `kubectl get rolebindings|clusterrolebindings`: NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS.
/// (Roles and cluster roles have no printer: NAME, CREATED AT.)
enum RBACColumns {
    static let binding = TablePrinter(
        columns: [.name, ColumnDefinition("Role"), .age, ColumnDefinition("Users", priority: 1),
                  ColumnDefinition("Groups", priority: 1), ColumnDefinition("ServiceAccounts", priority: 1)],
        row: { o in
            let ref = "\(Fmt.str(o["roleRef"]["kind"]))/\(Fmt.str(o["roleRef"]["name"]))"
            var users: [String] = [], groups: [String] = [], sas: [String] = []
            for s in o["subjects"].array ?? [] {
                switch s["kind"].string ?? "" {
                case "ServiceAccount": sas.append("\(Fmt.str(s["namespace"]))/\(Fmt.str(s["name"]))")
                case "User": users.append(Fmt.str(s["name"]))
                case "Group": groups.append(Fmt.str(s["name"]))
                default: break
                }
            }
            return [Fmt.name(o), .text(ref), Cell.age(o), .text(users.joined(separator: ", ")),
                    .text(groups.joined(separator: ", ")), .text(sas.joined(separator: ", "))]
        })
}

/// `kubectl get csr`: NAME AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION.
enum CertificateSigningRequestColumns {
    static func condition(_ o: JSONValue) -> String {
        var approved = false, denied = false, failed = false
        for c in o["status"]["conditions"].array ?? [] {
            switch c["type"].string ?? "" {
            case "Approved": approved = true
            case "Denied": denied = true
            case "Failed": failed = true
            default: break
            }
        }
        var s = denied ? "Denied" : (approved ? "Approved" : "Pending")
        if failed { s += ",Failed" }
        if !Fmt.str(o["status"]["certificate"]).isEmpty { s += ",Issued" }
        return s
    }

    static let printer = TablePrinter(
        columns: [.name, .age, ColumnDefinition("SignerName"), ColumnDefinition("Requestor"),
                  ColumnDefinition("RequestedDuration"), ColumnDefinition("Condition")],
        row: { o in
            let spec = o["spec"]
            let signer = Fmt.str(spec["signerName"])
            let duration = spec["expirationSeconds"].int.map { humanDuration(seconds: $0) } ?? "<none>"
            return [Fmt.name(o), Cell.age(o), .text(signer.isEmpty ? "<none>" : signer), .text(Fmt.str(spec["username"])),
                    .text(duration), .text(condition(o))]
        })
}

/// `kubectl get apiservices` (kube-aggregator's table): NAME SERVICE AVAILABLE AGE.
enum APIServiceColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Service"), ColumnDefinition("Available"), .age],
        row: { o in
            var service = "Local"
            let svc = o["spec"]["service"]
            if case .object = svc { service = "\(Fmt.str(svc["namespace"]))/\(Fmt.str(svc["name"]))" }
            var available = "Unknown"
            for c in o["status"]["conditions"].array ?? [] where c["type"].string == "Available" {
                available = Fmt.str(c["status"])
                if available != "True", let r = c["reason"].string, !r.isEmpty { available += " (\(r))" }
                break
            }
            return [Fmt.name(o), .text(service), .text(available), Cell.age(o)]
        })
}
