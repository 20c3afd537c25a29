import KubeModel
import KubeRegistry

/// What the API server answers on the raw GET paths `kubectl get --raw` reads: health checks, discovery
/// documents built from the registry, and object and list paths.
public enum RawPaths {
    // MARK: /healthz, /livez, /readyz: `ok`, or with `?verbose` one line per check
    static let postStartHooks = [
        "start-apiserver-admission-initializer", "generic-apiserver-start-informers", "priority-and-fairness-config-consumer",
        "priority-and-fairness-filter", "storage-object-count-tracker-hook", "start-apiextensions-informers",
        "start-apiextensions-controllers", "crd-informer-synced", "start-system-namespaces-controller",
        "start-cluster-authentication-info-controller", "start-kube-apiserver-identity-lease-controller",
        "start-kube-apiserver-identity-lease-garbage-collector", "start-legacy-token-tracking-controller",
        "start-service-ip-repair-controllers", "rbac/bootstrap-roles", "scheduling/bootstrap-system-priority-classes",
        "priority-and-fairness-config-producer", "bootstrap-controller", "aggregator-reload-proxy-client-cert",
        "start-kube-aggregator-informers", "apiservice-status-local-available-controller",
        "apiservice-status-remote-available-controller", "apiservice-registration-controller",
        "apiservice-discovery-controller", "kube-apiserver-autoregistration",
    ]

    static func checks(_ endpoint: String) -> [String] {
        var list = ["ping", "log", "etcd"]
        if endpoint == "readyz" { list += ["etcd-readiness", "informer-sync"] }
        list += postStartHooks.map { "poststarthook/" + $0 }
        list += ["autoregister-completion", "poststarthook/apiservice-openapi-controller", "poststarthook/apiservice-openapiv3-controller"]
        if endpoint == "readyz" { list.append("shutdown") }
        return list
    }

    public static func health(_ path: String, verbose: Bool) -> String? {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard let endpoint = parts.first, ["healthz", "livez", "readyz"].contains(endpoint) else { return nil }
        let all = checks(endpoint)
        if parts.count == 2 { return all.contains(parts[1]) ? "ok" : nil }
        if !verbose { return "ok" }
        return all.map { "[+]\($0) ok\n" }.joined() + "\(endpoint) check passed\n"
    }

    // MARK: discovery: /api, /api/v1, /apis, /apis/GROUP, /apis/GROUP/VERSION

    public static func discovery(_ path: String, registry: Registry) -> JSONValue? {
        let parts = path.split(separator: "/").map(String.init)
        switch parts.count {
        case 1 where parts[0] == "api":
            return .object(JSONObject([("kind", "APIVersions"), ("versions", ["v1"]),
                                       ("serverAddressByClientCIDRs", [["clientCIDR": "0.0.0.0/0", "serverAddress": "172.18.0.2:6443"]])]))
        case 2 where parts[0] == "api" && parts[1] == "v1":
            return resourceList(group: "", version: "v1", registry: registry)
        case 1 where parts[0] == "apis":
            let groups = registry.groups.filter { !$0.name.isEmpty }.map(groupDoc)
            return .object(JSONObject([("kind", "APIGroupList"), ("apiVersion", "v1"), ("groups", .array(groups))]))
        case 2 where parts[0] == "apis":
            guard let g = registry.groups.first(where: { $0.name == parts[1] }) else { return nil }
            var doc = JSONObject([("kind", "APIGroup"), ("apiVersion", "v1")])
            for (k, v) in groupDoc(g).object ?? JSONObject() { doc[k] = v }
            return .object(doc)
        case 3 where parts[0] == "apis":
            return resourceList(group: parts[1], version: parts[2], registry: registry)
        default:
            return nil
        }
    }

    static func groupDoc(_ g: APIGroupInfo) -> JSONValue {
        let versions = g.versions.map { v -> JSONValue in ["groupVersion": .string("\(g.name)/\(v)"), "version": .string(v)] }
        return .object(JSONObject([("name", .string(g.name)), ("versions", .array(versions)),
                                   ("preferredVersion", ["groupVersion": .string("\(g.name)/\(g.preferredVersion)"),
                                                         "version": .string(g.preferredVersion)])]))
    }

    static func resourceList(group: String, version: String, registry: Registry) -> JSONValue? {
        let types = registry.allVersions.filter { $0.group == group && $0.version == version }
        guard !types.isEmpty else { return nil }
        var resources: [JSONValue] = []
        for t in types.sorted(by: { $0.plural < $1.plural }) {
            var r = JSONObject([("name", .string(t.plural)), ("singularName", .string(t.singular)),
                                ("namespaced", .bool(t.namespaced)), ("kind", .string(t.kind)),
                                ("verbs", .array(t.verbs.map { .string($0) }))])
            if !t.shortNames.isEmpty { r["shortNames"] = .array(t.shortNames.map { .string($0) }) }
            if !t.categories.isEmpty { r["categories"] = .array(t.categories.map { .string($0) }) }
            resources.append(.object(r))
            if t.scale != nil {
                resources.append(.object(JSONObject([("name", .string(t.plural + "/scale")), ("singularName", ""),
                                                     ("namespaced", .bool(t.namespaced)), ("group", "autoscaling"),
                                                     ("version", "v1"), ("kind", "Scale"), ("verbs", ["get", "patch", "update"])])))
            }
        }
        var doc = JSONObject([("kind", "APIResourceList")])
        if !group.isEmpty { doc["apiVersion"] = "v1" }
        doc["groupVersion"] = .string(group.isEmpty ? version : "\(group)/\(version)")
        doc["resources"] = .array(resources)
        return .object(doc)
    }

    // MARK: objects and lists: /api/v1/[namespaces/NS/]PLURAL[/NAME], /apis/GROUP/VERSION/[namespaces/NS/]PLURAL[/NAME]

    /// The object or list on `path` (an unknown object is the API server's NotFound); nil for a path
    /// that names no resource. The server is opened only for such a path.
    public static func object(_ path: String, registry: Registry, server: () throws -> APIServer) throws -> JSONValue? {
        var parts = path.split(separator: "/").map(String.init)
        let group: String
        if parts.first == "api", parts.count >= 3, parts[1] == "v1" {
            group = ""
            parts.removeFirst(2)
        } else if parts.first == "apis", parts.count >= 4 {
            group = parts[1]
            parts.removeFirst(3)
        } else {
            return nil
        }
        var namespace: String?
        if parts.count >= 3, parts[0] == "namespaces" {
            namespace = parts[1]
            parts.removeFirst(2)
        }
        guard (1...2).contains(parts.count), let type = registry.type(group: group, plural: parts[0]),
              type.namespaced || namespace == nil, !(type.namespaced && namespace == nil && parts.count == 2) else { return nil }
        let server = try server()
        if parts.count == 2 {
            return try server.read { try $0.get(type, namespace: namespace ?? "", name: parts[1]) }
        }
        return try server.read { s in
            // An API server's list items carry no kind/apiVersion of their own.
            let items = try s.list(type, namespace: namespace).map { item -> JSONValue in
                var o = item
                o.remove(["kind"])
                o.remove(["apiVersion"])
                return o
            }
            return .object(JSONObject([("kind", .string(type.kind + "List")), ("apiVersion", .string(type.apiVersion)),
                                       ("metadata", ["resourceVersion": .string(String(try s.currentResourceVersion()))]),
                                       ("items", .array(items))]))
        }
    }
}
