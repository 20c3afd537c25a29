import KubeAPI
import KubeModel
import KubeRegistry
import KubeSchema

/// One object a command acts on (cli-runtime's resource.Info): its type (nil for a `--local` object of
/// a kind the registry does not know), namespace and name, the object when it has been read (from the
/// store, or from `-f` with `--local`), the stored row when a table needs it, and the file it came from.
struct ResourceInfo {
    var type: ResourceType?
    var namespace: String
    var name: String
    var object: JSONValue?
    var row: ObjectRow?
    /// The file (`x.yaml`, `STDIN`, the kustomization directory); "" for objects named by arguments.
    var source: String
    /// See `SourcedObject.kindlessListItem` (set for `--local` objects only).
    var kindlessListItem = false

    /// The object with its namespace in `metadata.namespace` when its type is namespaced (cli-runtime sets
    /// it on every object read from a file).
    var objectInNamespace: JSONValue {
        var o = object ?? .emptyObject
        if type?.namespaced == true { o["metadata"]["namespace"] = .string(namespace) }
        // kubectl's builder (FilterNamespace) clears a cluster-scoped object's namespace.
        if type?.namespaced == false, o["metadata"]["namespace"] != .null { o.remove(["metadata", "namespace"]) }
        return o
    }

    /// The object, decoding the row when only the row was read.
    func decoded() throws -> JSONValue {
        if let object { return object }
        if let row, !row.data.isEmpty { return try JSON.parse(row.data) }
        return .emptyObject
    }
}

/// Every way of naming objects (kubectl's resource.Builder): `-f FILE|DIR|-` with `-R`, `-k DIR`,
/// `TYPE NAME...`, `TYPE/NAME...`, `TYPE1,TYPE2`, categories (`all`), `-l`, `--field-selector`, `--all`,
/// `-A`. `resolve` checks the combination (builder errors end the command); `visit` then reads the
/// objects one by one, each failure an error of its own (kubectl's ContinueOnError).
struct ResourceBuilder {
    var filenames: [String] = []
    var recursive = false
    var kustomize = ""
    var args: [String] = []
    var labelSelector = ""
    var fieldSelector = ""
    var selectAll = false
    var allNamespaces = false
    /// `--local`: the objects of `-f` as they are; nothing is read from the store.
    var local = false
    /// A type without names needs `-l`, `--field-selector` or `--all` (`resource(s) were provided,
    /// but no name was specified`); `get`, `describe` and the rollout verbs list the whole type instead.
    var requireNames = true
    /// An object of `-f` whose namespace differs from an explicit `-n` is an error of its own
    /// (cli-runtime's RequireNamespace); false leaves the object's namespace as it is.
    var enforceNamespace = true
    /// `--all` is a selector of everything (cli-runtime's SelectAllParam, which only `delete` uses): with
    /// names it is refused as `-l` is. Otherwise `--all` only lets a type without names stand for all of
    /// its objects (ResourceTypeOrNameArgs' allowEmptySelector) and names given beside it are used.
    var allIsSelector = false
    /// `--validate` (create, apply, replace): each document's apiVersion and kind are checked as it is read.
    var validateDocuments = false
    /// A document that cannot be read ends reading, but the objects before it are still handled and the
    /// read error comes last (kubectl's streaming visitor, as `create -f` shows it); false: the read
    /// error ends the command before any object is handled.
    var keepObjectsBeforeBrokenDocument = false
    /// Documents are decoded into kubectl's typed structs (`SchemeDecoder`), as a builder made
    /// `WithScheme` does (the set commands), instead of as unstructured objects.
    var decodeTyped = false

    /// The builder of a command whose flags are the usual ones (`-f`, `-R`, `-k`, `-l`, `--field-selector`,
    /// `--all`, `-A`, `--local`): each read when the command declares it.
    static func from(_ inv: Invocation, args: [String]? = nil) -> ResourceBuilder {
        let f = inv.flags
        var b = ResourceBuilder()
        b.args = args ?? inv.args
        if f.declares("filename") { b.filenames = f.strings("filename") }
        if f.declares("recursive") { b.recursive = f.bool("recursive") }
        if f.declares("kustomize") { b.kustomize = f.string("kustomize") }
        if f.declares("selector") { b.labelSelector = f.string("selector") }
        if f.declares("field-selector") { b.fieldSelector = f.string("field-selector") }
        if f.declares("all") { b.selectAll = f.bool("all") }
        if f.declares("all-namespaces") { b.allNamespaces = f.bool("all-namespaces") }
        if f.declares("local") { b.local = f.bool("local") }
        if f.declares("validate") {
            let mode = try? ValidationMode.from(inv)
            b.validateDocuments = mode != .ignore
            inv.request.validation = mode
        }
        return b
    }

    var hasFiles: Bool { !filenames.isEmpty || !kustomize.isEmpty }
    var isEmpty: Bool { args.isEmpty && !hasFiles }

    /// kubectl's checks of what names the objects: `--all` with `-l`, and commands that take files only.
    func rejectAllWithSelector() throws {
        if selectAll && !labelSelector.isEmpty { throw CLIError.message("cannot set --all and --selector at the same time") }
    }
    func requireFiles() throws {
        if !hasFiles { throw CLIError.message("must specify one of -f and -k") }
    }

    /// Resolves names, types and files into what to visit, or throws the builder's error.
    func resolve(_ inv: inout Invocation) throws -> ResourceResult {
        let labels = try hasFiles ? parseFileLabelSelector(labelSelector) : parseLabelSelector(labelSelector)
        let fields = try parseFieldSelector(fieldSelector)
        var result = ResourceResult(labelSelectorText: labelSelector, fieldSelectorText: fieldSelector,
                                    labels: labels, fields: fields, local: local)
        if local {
            let (objects, readError) = try readFiles(&inv)
            if let readError, !keepObjectsBeforeBrokenDocument { throw readError }
            let explicit = localNamespaceEnforced(inv)
            for o in objects {
                if explicit, let e = Self.localNamespaceError(o, namespace: inv.flags.string("namespace")) {
                    result.items.append(.failed(e))
                } else {
                    result.items.append(.object(Self.localInfo(o)))
                }
            }
            if let readError { result.items.append(.failed(readError)) }
            return result
        }
        if hasFiles && !args.isEmpty {
            throw CLIError.message("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
        }
        let server = try inv.server()
        let namespace = try inv.namespace()
        result.namespace = namespace
        result.allNamespaces = allNamespaces
        if hasFiles {
            try resolveFiles(&inv, registry: server.registry, namespace: namespace, into: &result)
        } else {
            let selection = try ResourceArgs.parse(args, registry: server.registry)
            for w in selection.warnings { inv.warn(w) }
            try resolveArgs(selection, namespace: namespace, labels: labels, fields: fields, into: &result)
        }
        return result
    }

    /// An object of a file with `--local`: its type as the built-in registry knows it (nil if not).
    static func localInfo(_ o: SourcedObject) -> ResourceInfo {
        let t = Registry.builtin.type(apiVersion: o.object["apiVersion"].string ?? "", kind: o.object["kind"].string ?? "")
        var info = ResourceInfo(type: t, namespace: o.object["metadata"]["namespace"].string ?? "",
                                name: o.object["metadata"]["name"].string ?? "", object: o.object, source: o.source)
        info.kindlessListItem = o.kindlessListItem
        return info
    }

    /// With `--local` and an explicit `-n`, an object of `-f` that names another namespace is an error of
    /// its own, whatever its kind (kubectl has no mapping offline, so cluster-scoped kinds too).
    func localNamespaceEnforced(_ inv: Invocation) -> Bool { inv.namespaceExplicit && enforceNamespace }

    static func localNamespaceError(_ o: SourcedObject, namespace: String) -> Error? {
        guard let own = o.object["metadata"]["namespace"].string, !own.isEmpty, own != namespace else { return nil }
        return CLIError.message("the namespace from the provided object \(goQuoted(own)) does not match the namespace \(goQuoted(namespace)). You must pass '--namespace=\(own)' to perform this operation.")
    }

    /// The objects of `-k` or `-f` (never both), with the error that ended reading early, if any.
    func readFiles(_ inv: inout Invocation) throws -> (objects: [SourcedObject], error: Error?) {
        var objects: [SourcedObject] = []
        for r in try objectStream(&inv) {
            switch r {
            case .success(let o): objects.append(o)
            case .failure(let e): return (objects, e)
            }
        }
        return (objects, nil)
    }

    /// The objects of `-k` or `-f` one at a time (a file's documents are decoded as they are reached);
    /// the error that ends reading is the last element.
    func objectStream(_ inv: inout Invocation) throws -> AnyIterator<Result<SourcedObject, Error>> {
        if !kustomize.isEmpty {
            if !filenames.isEmpty { throw CLIError.message("only one of -f or -k can be specified") }
            var warnings: [String] = []
            defer { for w in warnings { inv.io.err.write(w + "\n") } }
            var objects = try KustomizeSource.read(kustomize, now: inv.clock.now, environment: inv.environment) { warnings.append($0) }.makeIterator()
            var failed = false
            // kubectl reads kustomize's output as a stream and decodes each object's metadata into its Go
            // type: a label that is no string ends reading there (`unable to decode "DIR": ...`).
            return AnyIterator {
                guard !failed, let o = objects.next() else { return nil }
                if let e = clientMetadataDecodeError(o.object) {
                    failed = true
                    return .failure(CLIError.message("unable to decode \(goQuoted(o.source)): \(e)"))
                }
                return .success(o)
            }
        }
        var stream = FileObjectStream(paths: filenames, recursive: recursive, validate: validateDocuments, stdin: inv.io.readStdin)
        stream.typed = decodeTyped
        stream.requireAPIVersion = !local
        return AnyIterator { stream.next() }
    }

    /// One object read from a file (or made by a generator) as an info: its type from the registry and its
    /// request namespace (the object's own, which must agree with an explicit `-n`), or the error.
    static func info(for o: SourcedObject, registry: Registry, namespace: String, explicit: Bool) -> Result<ResourceInfo, Error> {
        Result {
            let type = try mapping(for: o, registry: registry)
            let ns = try requestNamespace(o.object, type: type, defaultNamespace: namespace, explicit: explicit)
            let name = o.object["metadata"]["name"].string ?? ""
            return ResourceInfo(type: type, namespace: ns, name: name, object: o.object, source: o.source)
        }
    }

    /// Each object of the files that `-l` selects, mapped to its type and namespace; an object whose kind
    /// is unknown or whose namespace disagrees with an explicit `-n` is an error of its own.
    private func resolveFiles(_ inv: inout Invocation, registry: Registry, namespace: String,
                              into result: inout ResourceResult) throws
    {
        var readError: Error?
        for (item, endedReading) in try fileItems(&inv, registry: registry, namespace: namespace, labels: result.labels) {
            if endedReading { readError = item.error } else { result.items.append(item) }
        }
        if let readError, !keepObjectsBeforeBrokenDocument { throw readError }
        // Files that could not be read come as an aggregate: each is an error of its own.
        if case CLIError.aggregate(let list)? = readError {
            result.items += list.map { .failed($0) }
        } else if let readError {
            result.items.append(.failed(readError))
        }
        let kinds = Set(result.items.compactMap { $0.info?.type?.storageKey })
        result.multipleTypes = kinds.count > 1
        result.singleItemImplied = result.items.count == 1
    }

    /// The objects of the files that `-l` selects, read one at a time, each an info or its error;
    /// `endedReading` marks the read error that ends them.
    private func fileItems(_ inv: inout Invocation, registry: Registry, namespace: String, labels: LabelSelector?)
        throws -> AnyIterator<(item: ResourceResult.Item, endedReading: Bool)>
    {
        let explicit = inv.namespaceExplicit && enforceNamespace
        let objects = try objectStream(&inv)
        return AnyIterator {
            while let next = objects.next() {
                let o: SourcedObject
                switch next {
                case .success(let read): o = read
                case .failure(let error): return (.failed(error), true)
                }
                guard labels?.matches(labels: o.object["metadata"]["labels"]) ?? true else { continue }
                switch ResourceBuilder.info(for: o, registry: registry, namespace: namespace, explicit: explicit) {
                case .success(let info): return (.object(info), false)
                case .failure(let error): return (.failed(error), false)
                }
            }
            return nil
        }
    }

    /// `resolve` of `-f`/`-k` (create -f) with the objects handed out as they are read, never all held:
    /// each an info or its error, the read error that ends them last. Builder errors are thrown here.
    func resolveStreaming(_ inv: inout Invocation) throws -> AnyIterator<Result<ResourceInfo, Error>> {
        precondition(hasFiles && !local, "only files stream")
        let labels = try parseFileLabelSelector(labelSelector)
        _ = try parseFieldSelector(fieldSelector)
        if !args.isEmpty {
            throw CLIError.message("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
        }
        let server = try inv.server()
        let items = try fileItems(&inv, registry: server.registry, namespace: try inv.namespace(), labels: labels)
        var pending: [Error] = []  // the files that could not be read, one failure each
        return AnyIterator {
            if !pending.isEmpty { return .failure(pending.removeFirst()) }
            guard let (item, _) = items.next() else { return nil }
            if let info = item.info { return .success(info) }
            if case CLIError.aggregate(let list) = item.error!, let first = list.first {
                pending = Array(list.dropFirst())
                return .failure(first)
            }
            return .failure(item.error!)
        }
    }

    private func resolveArgs(_ selection: ResourceSelection, namespace: String, labels: LabelSelector?,
                             fields: FieldSelector?, into result: inout ResourceResult) throws
    {
        result.multipleTypes = selection.multipleTypes
        result.singleItemImplied = selection.singleItem
        result.requestedTypes = selection.requests.map(\.type)
        // A selector goes with types only (the builder's visitBySelector): names, then type/name pairs.
        if labels != nil || fields != nil || (selectAll && allIsSelector),
           selection.requests.contains(where: { !$0.names.isEmpty })
        {
            throw CLIError.message(selection.pairs ? "selectors and the all flag cannot be used when passing resource/name arguments"
                                                   : "name cannot be provided when a selector is specified")
        }
        let bulk = selectAll || labels != nil || fields != nil
        for req in selection.requests {
            if req.names.isEmpty {
                guard bulk || !requireNames else {
                    throw CLIError.message("resource(s) were provided, but no name was specified")
                }
                result.items.append(.list(req.type, allNamespaces ? nil : namespace))
                continue
            }
            for name in req.names {
                result.items.append(.object(ResourceInfo(type: req.type, namespace: req.type.namespaced ? namespace : "",
                                                         name: name, object: nil, source: "")))
            }
        }
    }
}

/// What a builder resolved: objects named one by one, whole types to list, and per-object errors,
/// in the order they were given.
struct ResourceResult {
    enum Item {
        /// An object from a file (with the file's object) or named by an argument (object not read yet).
        case object(ResourceInfo)
        /// Every object of a type in a namespace (nil: all namespaces) that the selectors match.
        case list(ResourceType, String?)
        case failed(Error)

        var info: ResourceInfo? { if case .object(let i) = self { return i }; return nil }
        var error: Error? { if case .failed(let e) = self { return e }; return nil }
    }

    /// How objects are read when visited.
    enum Fetch {
        /// Named objects are not read (`delete` by name); lists read only names.
        case names
        /// Every object read from the store (for files: the live object, kubectl's `Latest`).
        case latest
        /// Objects named by arguments read from the store; the objects of files as the files have them
        /// (a builder without `Latest`: expose, autoscale, scale).
        case named
        /// Stored rows for tables; `objects` also fills the row's object data.
        case rows(objects: Bool)
    }

    var items: [Item] = []
    var namespace = ""
    var allNamespaces = false
    var multipleTypes = false
    /// One object named (`get pod x`, `get pod/x`, one object in `-f`): printed alone, not as a List.
    var singleItemImplied = false
    /// The types named by arguments (for `No resources found in NS namespace.`).
    var requestedTypes: [ResourceType] = []
    var labelSelectorText = ""
    var fieldSelectorText = ""
    var labels: LabelSelector?
    var fields: FieldSelector?
    var local = false

    var isEmpty: Bool { items.isEmpty }

    /// Reads every object, each an info or an error; `ignoreNotFound` drops named objects that do not exist,
    /// `keepMissing` keeps them as infos without an object (describe then matches names by prefix).
    func infos(_ inv: inout Invocation, fetch: Fetch, ignoreNotFound: Bool = false,
               keepMissing: Bool = false) throws -> [Result<ResourceInfo, Error>]
    {
        if local {
            return items.compactMap { item in
                if case .failed(let e) = item { return .failure(e) }
                return item.info.map { .success($0) }
            }
        }
        let server = try inv.server()
        var out: [Result<ResourceInfo, Error>] = []
        try server.read { s in
            for item in items {
                switch item {
                case .failed(let e): out.append(.failure(e))
                case .object(let info):
                    do { out.append(.success(try read(info, fetch: fetch, session: s))) } catch {
                        if ignoreNotFound, apiReason(error) == .notFound { continue }
                        if keepMissing, apiReason(error) == .notFound { out.append(.success(info)); continue }
                        out.append(.failure(error))
                    }
                case .list(let type, let ns):
                    do { out += try list(type, namespace: ns, fetch: fetch, session: s).map { .success($0) } } catch {
                        out.append(.failure(error))
                    }
                }
            }
        }
        return out
    }

    /// Visits the objects in order; an object whose reading or handling fails is reported with its
    /// file (`error when <verb> "x.yaml": ...`; nil `verb`: the error as thrown) and the others go on.
    /// Returns the errors; with `readErrorsFirst` those of reading (files, kinds, namespaces) come before
    /// those of handling, as apply reports them (all objects are read before any is applied).
    func visit(_ inv: inout Invocation, fetch: Fetch, verb: String?, ignoreNotFound: Bool = false, readErrorsFirst: Bool = false,
               _ body: (inout Invocation, ResourceInfo) throws -> Void) throws -> [Error]
    {
        var errors: [Error] = [], readErrors: [Error] = []
        for r in try infos(&inv, fetch: fetch, ignoreNotFound: ignoreNotFound) {
            switch r {
            case .failure(let e) where readErrorsFirst: readErrors.append(e)
            case .failure(let e): errors.append(e)
            case .success(let info):
                do { try body(&inv, info) } catch {
                    if ignoreNotFound, apiReason(error) == .notFound { continue }
                    errors.append(verb.map { addSource(error, verb: $0, source: info.source) } ?? error)
                }
            }
        }
        return readErrors + errors
    }

    private func read(_ info: ResourceInfo, fetch: Fetch, session s: APISession) throws -> ResourceInfo {
        do { return try readObject(info, fetch: fetch, session: s) } catch {
            // kubectl v1.32 asks for the namespace of a named object it did not find (unless it is
            // `default`) and reports a missing namespace instead.
            guard apiReason(error) == .notFound, let type = info.type else { throw error }
            if Self.namespaceMissing(type, info.namespace, session: s) {
                throw CLIError.api(APIError.notFound("namespaces", info.namespace))
            }
            throw error
        }
    }

    /// Whether a named object of `type` was not found because its namespace is missing, as kubectl v1.32
    /// asks after a NotFound (namespaced kinds, namespaces other than `default`).
    static func namespaceMissing(_ type: ResourceType, _ namespace: String, session s: APISession) -> Bool {
        guard type.namespaced, namespace != "default", !namespace.isEmpty,
              let nsType = s.registry.type(group: "", kind: "Namespace") else { return false }
        return (try? s.get(nsType, namespace: "", name: namespace)) == nil
    }

    private func readObject(_ info: ResourceInfo, fetch: Fetch, session s: APISession) throws -> ResourceInfo {
        guard let type = info.type else { return info }
        var out = info
        switch fetch {
        case .names: break
        case .latest: out.object = try s.get(type, namespace: info.namespace, name: info.name)
        case .named:
            if info.source.isEmpty || info.object == nil { out.object = try s.get(type, namespace: info.namespace, name: info.name) }
            else { out.object = info.objectInNamespace }
        case .rows: out.row = try s.getRow(type, namespace: info.namespace, name: info.name); out.object = nil
        }
        return out
    }

    func list(_ type: ResourceType, namespace: String?, fetch: Fetch, session s: APISession) throws -> [ResourceInfo] {
        let indexed = storeRequirements(labels)
        let needsData: Bool
        switch fetch {
        case .names: needsData = fields != nil
        case .latest, .named: needsData = true
        case .rows(let objects): needsData = objects || fields != nil
        }
        // The field index narrows the rows (equality terms on indexed fields); every term is then
        // checked on the objects, as before.
        let narrowing = (fields?.requirements ?? []).filter { $0.op == .equals && s.indexesField($0.field, of: type) }
        let fieldValues = narrowing.map { ($0.field, $0.value) }
        var rows = needsData ? try s.rows(type, namespace: namespace, labels: indexed ?? [], fieldValues: fieldValues)
            : try s.listSummaries(type, namespace: namespace, labels: indexed ?? [])
        if indexed == nil, let sel = labels { rows = rows.filter { sel.matches(labelMap($0.labels)) } }
        if let fs = fields {
            rows = try filterByFields(rows, fs, type: type, labelSelector: labelSelectorText, fieldSelectorText: fieldSelectorText)
        }
        return try rows.map { row in
            var info = ResourceInfo(type: type, namespace: row.namespace, name: row.name, object: nil, row: row, source: "")
            switch fetch {
            case .latest, .named: info.object = try JSON.parse(row.data)
            default: break
            }
            return info
        }
    }

    /// `No resources found in NS namespace.` when every type asked for is namespaced, else `No resources found`.
    func noResourcesMessage() -> String {
        let allNamespaced = requestedTypes.allSatisfy { $0.namespaced }
        if allNamespaced && !allNamespaces && !requestedTypes.isEmpty { return "No resources found in \(namespace) namespace.\n" }
        return "No resources found\n"
    }
}
