import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry
import KubeSchema

/// One object a workload verb acts on: its type (nil for a local object of an unknown kind), the
/// object as read (from the store, or from `-f` with `--local`) and the file it came from.
struct WorkTarget {
    var type: ResourceType?
    var object: JSONValue
    var source: String
    /// An item of a typed list without a kind of its own, read with `--local` (`SourcedObject`).
    var kindlessListItem = false

    var name: String { object["metadata"]["name"].string ?? "" }
    var namespace: String { object["metadata"]["namespace"].string ?? "" }
    var kind: String { object["kind"].string ?? type?.kind ?? "" }
    /// `deployment.apps/web`
    var displayName: String { ObjectPrinter.name(object, type: type) }
}

enum Workloads {

    static let localNeedsFilenameMessage = """
        you must specify resources by --filename when --local is set.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
        """

    /// Resolves what the command's builder names (`TYPE NAME...`, `TYPE/NAME...`, `-f`/`-k`, `-l`,
    /// `--all`; `resources` instead of its arguments when given) into objects. Objects that cannot be
    /// read become errors (reported after the others are done).
    static func collect(_ inv: inout Invocation, _ builder: ResourceBuilder, resources: [String]? = nil,
                        fetch: ResourceResult.Fetch = .latest) throws -> (targets: [WorkTarget], errors: [Error])
    {
        var targets: [WorkTarget] = []
        var errors: [Error] = []
        for r in try collectInOrder(&inv, builder, resources: resources, fetch: fetch) {
            switch r {
            case .success(let t): targets.append(t)
            case .failure(let e): errors.append(e)
            }
        }
        return (targets, errors)
    }

    /// `collect` with the objects and the errors in the order the builder met them.
    static func collectInOrder(_ inv: inout Invocation, _ builder: ResourceBuilder, resources: [String]? = nil,
                               fetch: ResourceResult.Fetch = .latest) throws -> [Result<WorkTarget, Error>]
    {
        var b = builder
        if let resources { b.args = resources }
        if b.local && (b.filenames.isEmpty || !b.args.isEmpty) { throw CLIError.message(localNeedsFilenameMessage) }
        return try b.resolve(&inv).infos(&inv, fetch: fetch).map { r in
            r.map { WorkTarget(type: $0.type, object: $0.object ?? .emptyObject, source: $0.source,
                               kindlessListItem: $0.kindlessListItem) }
        }
    }

    /// Writes a changed object back (unless client dry run) and returns what the server returned.
    static func store(_ changed: JSONValue, type: ResourceType, inv: inout Invocation, dryRun: DryRun) throws -> JSONValue {
        if dryRun == .client { return changed }
        let server = try inv.server()
        return try server.write { try $0.update(changed, type: type, dryRun: dryRun == .server, verb: "patch") }
    }

    /// Where the pod spec of an object sits (its registry entry's `podSpecPath`); objects of a kind the
    /// registry does not serve (a local file of an old apiVersion) are matched by kind, as kubectl's typed
    /// decoding does. Nil for kinds without a pod template.
    static func podSpecPath(_ object: JSONValue, type: ResourceType?) -> [String]? {
        if let path = type?.podSpecPath { return path }
        let kind = object["kind"].string ?? type?.kind ?? ""
        return Registry.builtin.types.first { $0.kind == kind && $0.podSpecPath != nil }?.podSpecPath
    }

    /// `Deployment/web`: how set's warnings name an object (Kind/name).
    static func kindSlashName(_ o: JSONValue) -> String { "\(o["kind"].string ?? "")/\(o["metadata"]["name"].string ?? "")" }

    /// autoscale and expose: for each named object, a new object of `kind` made by `make` (with the
    /// namespace to create it in), created unless `--dry-run=client`, and printed at once (in Go field
    /// order when not sent to the store). Both commands declare `--save-config` but v1.32 never writes
    /// the annotation. The objects that cannot be read are reported last.
    static func createForEach(_ inv: inout Invocation, builder: ResourceBuilder, printer: OperationPrinter,
                              kind: (group: String, kind: String), operation: String,
                              make: (WorkTarget, String) throws -> (JSONValue, String)) throws
    {
        printer.typedJSON = printer.dryRun == .client
        let (targets, errors) = try collect(&inv, builder, fetch: .named)
        let server = try inv.server()
        let namespace = try inv.namespace()
        guard let newType = server.registry.type(group: kind.group, kind: kind.kind) else { return }
        for t in targets {
            let (obj, objNamespace) = try make(t, namespace)
            var result = obj
            // The version the object was built in (autoscale's autoscaling/v1), else the preferred one.
            let type = server.registry.type(apiVersion: obj["apiVersion"].string ?? "", kind: kind.kind) ?? newType
            if printer.dryRun != .client {
                result = try server.write { try $0.create(obj, type: type, namespace: objNamespace, dryRun: printer.dryRun == .server) }
            }
            try printer.printNow(result, type: type, operation: operation, inv: &inv)
        }
        // The objects that could not be read are reported after the others are done.
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}

/// The typed round trip kubectl applies to objects it decoded into Go structs and encodes again
/// (`--local`, `--dry-run=client` of set/expose): Go struct field order for the workload kinds and
/// the fields without `omitempty` (`creationTimestamp: null`, `resources: {}`, `strategy: {}`, `status`).
enum TypedRoundTrip {
    static let topOrder = ["kind", "apiVersion", "metadata", "spec", "status"]

    static func normalize(_ obj: JSONValue) -> JSONValue {
        guard case .object = obj, let kind = obj["kind"].string else { return obj }
        let apiVersion = obj["apiVersion"].string ?? ""
        var group = GroupVersionKind.parse(apiVersion: apiVersion, kind: kind).group
        // extensions/v1beta1 still holds the apps kinds in kubectl's scheme, with the same struct layout.
        if group == "extensions" && ["Deployment", "DaemonSet", "ReplicaSet"].contains(kind) { group = "apps" }
        // apps/v1 and apps/v1beta2 declare the selector without omitempty; the older versions with it.
        let selectorPointer = apiVersion != "extensions/v1beta1" && apiVersion != "apps/v1beta1"
        var o = obj
        o["metadata"] = TypedOrder.meta(obj["metadata"])
        switch (group, kind) {
        case ("", "Pod"):
            o["spec"] = TypedOrder.podSpec(obj["spec"])
            o["status"] = status(obj["status"], order: podStatusOrder, required: [])
        case ("apps", "Deployment"):
            o["spec"] = workloadSpec(obj["spec"], order: order(apps + "DeploymentSpec"), required: written(apps + "DeploymentSpec"),
                                     selectorPointer: selectorPointer)
            o["status"] = status(obj["status"], order: order(apps + "DeploymentStatus"), required: written(apps + "DeploymentStatus"))
        case ("apps", "ReplicaSet"), ("", "ReplicationController"):
            // A ReplicationController's selector is a map with omitempty, not a pointer.
            let def = kind == "ReplicaSet" ? apps + "ReplicaSet" : "io.k8s.api.core.v1.ReplicationController"
            o["spec"] = workloadSpec(obj["spec"], order: order(def + "Spec"), required: written(def + "Spec"),
                                     selectorPointer: selectorPointer && kind == "ReplicaSet")
            o["status"] = status(obj["status"], order: order(def + "Status"), required: written(def + "Status"))
        case ("apps", "StatefulSet"):
            o["spec"] = workloadSpec(obj["spec"], order: order(apps + "StatefulSetSpec"), required: written(apps + "StatefulSetSpec"),
                                     selectorPointer: selectorPointer)
            if !o["spec"]["volumeClaimTemplates"].isNull { o["spec"]["volumeClaimTemplates"] = claimTemplates(o["spec"]["volumeClaimTemplates"]) }
            o["status"] = status(obj["status"], order: order(apps + "StatefulSetStatus"), required: written(apps + "StatefulSetStatus"))
        case ("apps", "DaemonSet"):
            o["spec"] = workloadSpec(obj["spec"], order: order(apps + "DaemonSetSpec"), required: written(apps + "DaemonSetSpec"),
                                     selectorPointer: selectorPointer)
            o["status"] = status(obj["status"], order: order(apps + "DaemonSetStatus"), required: written(apps + "DaemonSetStatus"))
        case ("batch", "Job"):
            o["spec"] = TypedOrder.jobSpec(obj["spec"])
            o["status"] = status(obj["status"], order: [], required: [])
        case ("batch", "CronJob"):
            o["spec"] = cronJobSpec(obj["spec"])
            o["status"] = status(obj["status"], order: [], required: [])
        case ("", "Service"):
            (o["spec"], o["status"]) = service(obj)
        case ("rbac.authorization.k8s.io", "RoleBinding"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
            if let subjects = obj["subjects"].array {
                o["subjects"] = .array(subjects.map { .object(TypedOrder.reorder($0, ["kind", "apiGroup", "name", "namespace"])) })
            }
            o["roleRef"] = .object(TypedOrder.reorder(obj["roleRef"].isNull ? .emptyObject : obj["roleRef"], ["apiGroup", "kind", "name"]))
            return goOrdered(.object(TypedOrder.reorder(o, ["kind", "apiVersion", "metadata", "subjects", "roleRef"])))
        default:
            return obj
        }
        return goOrdered(deepDefaults(.object(TypedOrder.reorder(o, topOrder))))
    }

    /// A CronJob's spec in its struct order, with its job template's metadata and spec typed too.
    static func cronJobSpec(_ original: JSONValue) -> JSONValue {
        var spec = original.object ?? JSONObject()
        var jt = original["jobTemplate"]
        if jt.isNull { jt = .emptyObject }
        jt["metadata"] = TypedOrder.meta(jt["metadata"])
        jt["spec"] = TypedOrder.jobSpec(jt["spec"])
        spec["jobTemplate"] = .object(TypedOrder.reorder(jt, ["metadata", "spec"]))
        spec = TypedOrder.reorder(.object(spec), ["schedule", "timeZone", "startingDeadlineSeconds", "concurrencyPolicy",
                                                  "suspend", "jobTemplate", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"])
        if spec["schedule"] == nil { spec.insert("schedule", .string(""), at: 0) }
        return .object(spec)
    }

    /// A Service's spec (ports with `targetPort: 0` when unset) and status (`loadBalancer: {}`).
    static func service(_ obj: JSONValue) -> (spec: JSONValue, status: JSONValue) {
        var spec = TypedOrder.reorder(obj["spec"].isNull ? .emptyObject : obj["spec"], serviceSpecOrder)
        let portOrder = GoFieldOrder.fields("io.k8s.api.core.v1.ServicePort") ?? []
        if let ports = spec["ports"]?.array {
            spec["ports"] = .array(ports.map { p in
                var q = TypedOrder.reorder(p, portOrder)
                if q["targetPort"] == nil { q["targetPort"] = .int(0) }
                return .object(TypedOrder.reorder(.object(q), portOrder))
            })
        }
        var st = obj["status"].isNull ? JSONValue.emptyObject : obj["status"]
        if st["loadBalancer"].isNull { st["loadBalancer"] = .emptyObject }
        return (.object(spec), .object(TypedOrder.reorder(st, ["loadBalancer", "conditions"])))
    }

    /// Zero values of nested structs that omitempty does not drop: `divisor: "0"` of resource field
    /// references, `targetPort: 0` of service ports.
    static func deepDefaults(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(var o):
            for (k, x) in o { o[k] = deepDefaults(x) }
            if o["resource"] != nil, o["divisor"] == nil, o.count <= 2, o["containerName"] == nil || o.count == 2 {
                if o["resource"]?.string != nil && (o.count == 1 || o["containerName"] != nil) { o["divisor"] = .string("0") }
            }
            return .object(o)
        case .array(let a): return .array(a.map(deepDefaults))
        default: return v
        }
    }

    static let apps = "io.k8s.api.apps.v1."

    /// A struct's fields in Go order (`GoFieldOrder`; the older apps versions share apps/v1's layout).
    static func order(_ definition: String) -> [String] { GoFieldOrder.fields(definition) ?? [] }

    /// The fields encoding/json writes at their zero value (`GoZeroValues`: `strategy: {}`, a StatefulSet's
    /// `serviceName: ""`, status counters without omitempty), but the template, which `workloadSpec` builds.
    static func written(_ definition: String) -> [(String, JSONValue)] {
        (GoZeroValues.zeroFields(definition) ?? []).filter { $0.name != "template" }.map { ($0.name, $0.zero) }
    }

    static let serviceSpecOrder = GoFieldOrder.fields("io.k8s.api.core.v1.ServiceSpec") ?? []
    static let podStatusOrder = GoFieldOrder.fields("io.k8s.api.core.v1.PodStatus") ?? []

    static func workloadSpec(_ spec: JSONValue, order: [String], required: [(String, JSONValue)],
                             selectorPointer: Bool = true) -> JSONValue {
        var s = TypedOrder.reorder(spec.isNull ? .emptyObject : spec, order) { k, v in
            k == "template" ? template(v) : v
        }
        if s["template"] == nil { s["template"] = template(.emptyObject) }
        // `selector` is a pointer without omitempty in the apps workload specs.
        if selectorPointer && s["selector"] == nil { s["selector"] = .null }
        for (k, v) in required where s[k] == nil { s[k] = v }
        return .object(TypedOrder.reorder(.object(s), order))
    }

    static func template(_ t: JSONValue) -> JSONValue {
        var o = t.isNull ? JSONValue.emptyObject : t
        o["metadata"] = TypedOrder.meta(o["metadata"])
        o["spec"] = TypedOrder.podSpec(o["spec"])
        return .object(TypedOrder.reorder(o, ["metadata", "spec"]))
    }

    static func status(_ st: JSONValue, order: [String], required: [(String, JSONValue)]) -> JSONValue {
        var s = TypedOrder.reorder(st.isNull ? .emptyObject : st, order)
        for (k, v) in required where s[k] == nil { s[k] = v }
        // Conditions in their struct order (a pod's with lastProbeTime, a deployment's with lastUpdateTime).
        if order.contains("conditions"), let conditions = s["conditions"]?.array {
            let conditionOrder = ["type", "status", "lastProbeTime", "lastUpdateTime", "lastTransitionTime", "reason", "message"]
            s["conditions"] = .array(conditions.map { .object(TypedOrder.reorder($0, conditionOrder)) })
        }
        return .object(TypedOrder.reorder(.object(s), order))
    }
}

/// Go `strconv.Quote`-free helpers for messages.
extension Workloads {
    /// `deployments.apps "web" not found`-style NotFound for a type and name.
    static func notFound(_ type: ResourceType, _ name: String) -> APIError { APIError.notFound(type.qualifiedPlural, name) }
}
