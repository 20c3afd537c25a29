import KubeModel

/// `kubectl get resourcequotas`: NAME REQUEST LIMIT AGE (`resource: used/hard` pairs, `limits.*` in LIMIT).
enum ResourceQuotaColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Request"), ColumnDefinition("Limit"), .age],
        row: { o in
            let hard = o["status"]["hard"], used = o["status"]["used"]
            let names = (hard.object?.keys ?? []).sorted(by: goStringLess)
            var request: [String] = [], limit: [String] = []
            for r in names {
                let piece = "\(r): \(Fmt.quantity(used[r]))/\(Fmt.quantity(hard[r]))"
                let parts = r.split(separator: ".", omittingEmptySubsequences: false)
                if parts.count > 1 && parts[0] == "limits" { limit.append(piece) } else { request.append(piece) }
            }
            return [Fmt.name(o), .text(request.joined(separator: ", ")), .text(limit.joined(separator: ", ")), Cell.age(o)]
        })
}
