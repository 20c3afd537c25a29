import KubeModel
import KubeRegistry

/// What the API server reads from a `apiextensions.k8s.io/v1` CustomResourceDefinition to serve its kind.
public struct CustomResourceDefinitionInfo: Sendable {
    public struct PrinterColumn: Sendable, Equatable {
        public var name: String
        /// `string`, `integer`, `number`, `boolean` or `date`.
        public var type: String
        public var jsonPath: String
        public var priority: Int
        public var format: String
    }

    public struct Version: Sendable {
        public var name: String
        public var served: Bool
        public var storage: Bool
        public var schema: JSONValue?
        /// As declared; empty means the server's default `Age` column.
        public var printerColumns: [PrinterColumn]
        /// `subresources.scale`: where the replica counts are (`.spec.replicas` → `["spec", "replicas"]`).
        public var scale: ScaleSubresource?
    }

    /// `metadata.name` (`crontabs.stable.example.com`).
    public var name: String
    public var group: String
    public var kind: String
    public var listKind: String
    public var plural: String
    public var singular: String
    public var shortNames: [String]
    public var categories: [String]
    public var namespaced: Bool
    public var versions: [Version]

    public init(_ crd: JSONValue) {
        let spec = crd["spec"]
        let names = spec["names"]
        name = crd["metadata"]["name"].string ?? ""
        group = spec["group"].string ?? ""
        kind = names["kind"].string ?? ""
        listKind = names["listKind"].string ?? (kind.isEmpty ? "" : kind + "List")
        plural = names["plural"].string ?? ""
        let s = names["singular"].string ?? ""
        singular = s.isEmpty ? kind.lowercased() : s
        shortNames = (names["shortNames"].array ?? []).compactMap(\.string)
        categories = (names["categories"].array ?? []).compactMap(\.string)
        namespaced = (spec["scope"].string ?? "Namespaced") == "Namespaced"
        versions = (spec["versions"].array ?? []).map { v in
            let columns = (v["additionalPrinterColumns"].array ?? []).map { c in
                PrinterColumn(name: c["name"].string ?? "", type: c["type"].string ?? "string",
                              jsonPath: c["jsonPath"].string ?? "", priority: Int(c["priority"].int ?? 0),
                              format: c["format"].string ?? "")
            }
            let schema = v["schema"]["openAPIV3Schema"]
            return Version(name: v["name"].string ?? "", served: v["served"].bool ?? false, storage: v["storage"].bool ?? false,
                           schema: schema.isNull ? nil : schema, printerColumns: columns,
                           scale: Self.scale(v["subresources"]["scale"]))
        }
    }

    /// A version's `subresources.scale` (its paths are simple dotted JSON paths, as validation requires).
    static func scale(_ s: JSONValue) -> ScaleSubresource? {
        guard case .object = s else { return nil }
        func path(_ v: JSONValue) -> [String]? {
            guard let p = v.string, p.hasPrefix(".") else { return nil }
            return p.dropFirst().split(separator: ".").map(String.init)
        }
        guard let spec = path(s["specReplicasPath"]), let status = path(s["statusReplicasPath"]) else { return nil }
        return ScaleSubresource(specReplicasPath: spec, statusReplicasPath: status, labelSelectorPath: path(s["labelSelectorPath"]))
    }

    /// The served versions, most preferred first (kube-aware version order, as discovery sorts them).
    public var servedVersions: [Version] {
        versions.filter(\.served).sorted { kubeVersionLess($1.name, $0.name) }
    }

    public var storageVersion: String? { versions.first(where: \.storage)?.name }

    public func version(_ name: String) -> Version? { versions.first { $0.name == name } }
}

/// Kubernetes' version priority (`CompareKubeAwareVersionStrings`): GA > beta > alpha, higher numbers
/// first; versions that do not look like Kubernetes versions sort after, alphabetically.
/// Returns whether `a` has lower priority than `b`.
public func kubeVersionLess(_ a: String, _ b: String) -> Bool {
    func parse(_ v: String) -> (major: Int, stage: Int, minor: Int)? {
        let u = Array(v.utf8)
        guard u.first == UInt8(ascii: "v") else { return nil }
        var i = 1
        var major = 0
        let start = i
        while i < u.count, u[i] >= 48, u[i] <= 57 { major = major * 10 + Int(u[i] - 48); i += 1 }
        guard i > start, u[start] != 48 else { return nil }
        if i == u.count { return (major, 2, 0) }
        let rest = String(decoding: u[i...], as: UTF8.self)
        for (prefix, stage) in [("alpha", 0), ("beta", 1)] where rest.hasPrefix(prefix) {
            let digits = rest.dropFirst(prefix.count)
            guard let minor = Int(digits), !digits.isEmpty, digits.first != "0" else { return nil }
            return (major, stage, minor)
        }
        return nil
    }
    switch (parse(a), parse(b)) {
    case (nil, nil): return a > b  // non-kube versions: alphabetical, first is higher
    case (nil, _): return true
    case (_, nil): return false
    case (let x?, let y?):
        if x.stage != y.stage {
            return x.stage < y.stage
        }
        if x.major != y.major { return x.major < y.major }
        return x.minor < y.minor
    }
}
