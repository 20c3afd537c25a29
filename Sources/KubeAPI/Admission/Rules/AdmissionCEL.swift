import KubeCEL
import KubeModel

/// The CEL environment admission expressions compile in (v1.32 plugin/cel `createEnvForOpts`): `object`,
/// `oldObject` (dyn), `namespaceObject` (kubernetes.Namespace), `request` (kubernetes.AdmissionRequest),
/// with `params` (dyn) when the policy has a paramKind, `authorizer` and `authorizer.requestResource`
/// when the expression may authorize, and `variables` (kubernetes.variables) when the policy composes
/// variables. `compile` applies `CompileCELExpression`'s checks: the expression compiles and its output
/// type is one of the accepted types (`must evaluate to bool but got dyn`).
enum AdmissionCEL {
    struct Options {
        var params = false
        var authorizer = true
        /// The policy's variables so far, each typed by its expression's output type; nil when the
        /// policy has none (the stateless compiler declares no `variables`).
        var variables: ObjectType?
    }

    /// Accepted output types; `any` accepts every type (a variable's expression).
    enum Returns {
        case bool, string, stringOrNull, any
        var names: [String] {
            switch self {
            case .bool: return ["bool"]
            case .string: return ["string"]
            case .stringOrNull: return ["string", "null_type"]
            case .any: return []
            }
        }
    }

    /// nil when the expression is accepted, else the error detail with the expression's output type.
    /// A `stored` expression (already in the object being replaced) compiles against everything the
    /// server has, a new one against its compatibility version (CELEnvironment).
    static func compile(_ expression: String, returns: Returns, options: Options, stored: Bool = false) -> (detail: String?, type: CELType) {
        switch CELCompiler.compile(expression, variables: declarations(options), environment: .forExpression(stored: stored)) {
        case .failure(let f):
            return ("compilation failed: " + f.text, .dyn)
        case .success(let compiled):
            let t = compiled.type
            if case .any = returns { return (nil, t) }
            if returns.names.contains(t.description) { return (nil, t) }
            // The checker types some calls dyn where cel-go knows the type: only a value read from
            // dynamic data is surely dyn.
            if t == .dyn && !RuleContext.isDataAccess(compiled.ast) { return (nil, t) }
            let names = returns.names
            let want = names.count == 1 ? names[0] : "one of [" + names.joined(separator: " ") + "]"
            return ("must evaluate to \(want) but got \(t)", t)
        }
    }

    static func declarations(_ o: Options) -> [String: SchemaType] {
        var d = base
        if o.params { d["params"] = .dyn() }
        if o.authorizer {
            d["authorizer"] = .declared(AuthzTypes.authorizer)
            d["authorizer.requestResource"] = .declared(AuthzTypes.resourceCheck)
        }
        if let v = o.variables { d["variables"] = .declared(.object(v)) }
        return d
    }

    /// A composed variable's declared type (`convertCelTypeToDeclType`): primitives, timestamps,
    /// durations, lists and maps keep their type (elements converted); anything else is dyn.
    static func variableType(_ t: CELType) -> CELType {
        switch t {
        case .bool, .bytes, .double, .duration, .int, .null, .string, .timestamp, .uint, .dyn: return t
        case .list(let e): return .list(variableType(e))
        case .map(let k, let v): return .map(variableType(k), variableType(v))
        default: return .dyn
        }
    }

    static func declaredType(_ t: CELType) -> SchemaType {
        switch t {
        case .list(let e): return .declared(t, element: [declaredType(e)])
        case .map(let k, let v): return .declared(t, element: [declaredType(k), declaredType(v)])
        default: return .declared(t)
        }
    }

    static let base: [String: SchemaType] = {
        func object(_ name: String, _ fields: [(String, SchemaType)]) -> SchemaType {
            let o = ObjectType(name: name)
            for (k, v) in fields { o.fields[k] = v }
            return .declared(.object(o))
        }
        let string = SchemaType.declared(.string)
        let strings = declaredType(.list(.string))
        let time = SchemaType.declared(.timestamp)
        let int = SchemaType.declared(.int)
        let gvk = object("kubernetes.GroupVersionKind", [("group", string), ("version", string), ("kind", string)])
        let gvr = object("kubernetes.GroupVersionResource", [("group", string), ("version", string), ("resource", string)])
        let user = object("kubernetes.UserInfo", [("username", string), ("uid", string), ("groups", strings),
                                                  ("extra", declaredType(.map(.string, .list(.string))))])
        let request = object("kubernetes.AdmissionRequest", [
            ("kind", gvk), ("resource", gvr), ("subResource", string), ("requestKind", gvk), ("requestResource", gvr),
            ("requestSubResource", string), ("name", string), ("namespace", string), ("operation", string),
            ("userInfo", user), ("dryRun", .declared(.bool)), ("options", .dyn()),
        ])
        let stringMap = declaredType(.map(.string, .string))
        let condition = object("kubernetes.NamespaceCondition", [("status", string), ("type", string), ("lastTransitionTime", time),
                                                                 ("message", string), ("reason", string)])
        // (The namespace metadata's uid field is declared as `UID`.)
        let metadata = object("kubernetes.NamespaceMetadata", [
            ("name", string), ("generateName", string), ("namespace", string), ("labels", stringMap), ("annotations", stringMap),
            ("UID", string), ("creationTimestamp", time), ("deletionGracePeriodSeconds", int), ("deletionTimestamp", time),
            ("generation", int), ("resourceVersion", string), ("finalizers", strings),
        ])
        let namespace = object("kubernetes.Namespace", [
            ("metadata", metadata),
            ("spec", object("kubernetes.NamespaceSpec", [("finalizers", strings)])),
            ("status", object("kubernetes.NamespaceStatus", [("conditions", .declared(.list(condition.type), element: [condition])),
                                                              ("phase", string)])),
        ])
        return ["object": .dyn(), "oldObject": .dyn(), "request": request, "namespaceObject": namespace]
    }()
}
