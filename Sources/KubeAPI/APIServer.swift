import KubeModel
import KubeRegistry
import KubeSchema
import KubeStore

/// What the API server would do with a request, over a local store: identity and bookkeeping fields
/// (uid, resourceVersion, creationTimestamp, generation), namespace checks, name validation, defaulting,
/// and cascading deletes. Each `write` is one store transaction: a request that fails leaves no trace.
public final class APIServer {
    public let store: Store
    public internal(set) var registry: Registry
    /// The clock of the sessions it opens; a client waiting in real time moves it on (`DeleteCommand`).
    public var clock: Clock

    /// The request's `fieldValidation` (kubectl's `--validate`); the API server's default is Warn.
    public var fieldValidation: FieldValidation = .warn
    /// The field manager the client's writes are recorded under (`metadata.managedFields`).
    public var fieldManager = FieldManagerContext()
    /// Receives each API warning once (kubectl prints `Warning: <text>` on stderr).
    public var warningHandler: ((String) -> Void)?
    private var warned: Set<String> = []
    /// Who makes the client's requests, each authorised by RBAC (see `Auth/`); nil (tests, the
    /// server's own work when the store opens): nothing is authorised.
    public internal(set) var requestUser: UserInfo?

    /// Passes a warning to the handler unless it was already given (kubectl deduplicates warnings).
    func emitWarning(_ text: String) {
        if warned.insert(text).inserted { warningHandler?(text) }
    }

    public init(store: Store, registry: Registry, clock: Clock) {
        self.store = store
        self.registry = registry
        self.clock = clock
    }

    /// Opens (or creates and seeds, in the creating transaction) the store at `path`.
    /// `deferredBatches`: how much split-off controller work (batches of up to 500 pods) this command
    /// carries out before it returns (`deferredBatchesPerCommand` unless the user chose otherwise).
    public static func open(path: String, registry: Registry, clock: Clock,
                            deferredBatches: Int = APIServer.deferredBatchesPerCommand) throws -> APIServer {
        let store = try Store(path: path, onCreate: { tx in
            try Seed.freshCluster(into: APISession(tx: tx, registry: registry, clock: clock))
        })
        let server = APIServer(store: store, registry: registry, clock: clock)
        server.deferredPodsLeft = deferredBatches * ControllerManager.burstReplicas
        // A user who may only read the store sees it as it is: neither the seed upgrade nor the clock's
        // controllers can write.
        if !store.isReadOnly {
            try server.upgradeStoredZeros()
            try server.upgradeSeed()
            try server.runClockControllers()
            try server.finishDeferredWork()
        }
        return server
    }

    /// An in-memory store with a fresh cluster, for tests.
    public static func inMemory(registry: Registry, clock: Clock) throws -> APIServer {
        let store = try Store.inMemory(onCreate: { tx in
            try Seed.freshCluster(into: APISession(tx: tx, registry: registry, clock: clock))
        })
        return APIServer(store: store, registry: registry, clock: clock)
    }

    /// A write session with this server's request settings.
    func makeSession(_ tx: StoreTransaction) -> APISession {
        let session = APISession(tx: tx, registry: registry, clock: clock)
        session.auth.user = requestUser
        session.decoded = [:]
        session.memory = controllerMemory
        session.fieldValidation = fieldValidation
        session.fieldManager = fieldManager
        session.warningSink = { [weak self] in self?.emitWarning($0) }
        return session
    }

    /// Runs `body` in one write transaction; then the controller work it split off (a large scale-up)
    /// follows in transactions of its own, so the next command sees the settled state.
    public func write<T>(_ body: (APISession) throws -> T) throws -> T {
        let outermost = !inWrite
        inWrite = true
        defer { if outermost { inWrite = false } }
        let result = try remembering { stamp in
            try store.write { tx in
                let session = makeSession(tx)
                let result = try body(session)
                // A client's write that made events sweeps twice as many expired ones (EventTTL).
                if outermost && !controllerWriting && session.eventsWritten > 0 && !store.isReadOnly {
                    try session.controllers.sweepExpiredEvents(budget: 2 * session.eventsWritten)
                }
                try stamp(tx)
                return result
            }
        }
        if outermost { try finishDeferredWork() }
        return result
    }

    /// Runs a store write (a transaction, or a savepoint inside one) keeping the controllers' memory
    /// honest: stamped with the store's version when an outermost transaction commits (`write` calls
    /// the stamp last, inside the transaction), forgotten when anything is rolled back.
    func remembering<T>(_ write: (_ stamp: (StoreTransaction) throws -> Void) throws -> T) throws -> T {
        let outermost = !store.inTransaction
        var version: ControllerMemory.Version?
        let result: T
        do {
            result = try write { tx in if outermost { version = try ControllerMemory.Version(tx) } }
        } catch {
            controllerMemory.forget()
            throw error
        }
        if outermost { controllerMemory.committed(at: version) }
        return result
    }
    /// Set inside a write (and while split work is finished): nested writes do not finish it again.
    var inWrite = false
    /// Set while the controllers write on their own (`controllerWrite`).
    var controllerWriting = false
    /// What is left of this command's budget of split-off controller work, in pods created
    /// (`deferredBatchesPerCommand` bursts of 500).
    var deferredPodsLeft = APIServer.deferredBatchesPerCommand * ControllerManager.burstReplicas
    /// What the controllers keep between this process's transactions.
    lazy var controllerMemory = ControllerMemory(podResource: registry.type(group: "", kind: "Pod")?.storageKey ?? "/pods") { pod in
        (pod["metadata"]["ownerReferences"].array ?? []).first { $0["controller"].bool == true }?["uid"].string
    }

    /// Runs `body` against a consistent snapshot.
    public func read<T>(_ body: (APISession) throws -> T) throws -> T {
        try store.read { tx in
            let session = APISession(tx: tx, registry: registry, clock: clock)
            session.auth.user = requestUser
            return try body(session)
        }
    }
}

/// How a delete treats the objects that the deleted one owns (`--cascade`).
public enum PropagationPolicy: String, Sendable {
    case background = "Background"
    case foreground = "Foreground"
    case orphan = "Orphan"
}

/// One request context inside a transaction.
public final class APISession {
    public let tx: StoreTransaction
    public let registry: Registry
    public let clock: Clock
    lazy var controllers = ControllerManager(session: self)
    /// Types the hooks of every write look up (`registry` is fixed for the session; `Registry.type(group:kind:)`
    /// joins and hashes a key at each call).
    lazy var pdbType = registry.type(group: "policy", kind: "PodDisruptionBudget")
    lazy var quotaType = registry.type(group: "", kind: "ResourceQuota")
    lazy var namespaceType = registry.type(group: "", kind: "Namespace")
    lazy var claimType = registry.type(group: "", kind: "PersistentVolumeClaim")
    /// The server's controller memory (nil in read sessions and while a store is seeded).
    var memory: ControllerMemory?

    init(tx: StoreTransaction, registry: Registry, clock: Clock) {
        self.tx = tx
        self.registry = registry
        self.clock = clock
        applyEventExpiry(at: clock.now.seconds)
    }

    /// Events written in this session (each one's lease noted: `ControllerManager.eventWritten`).
    var eventsWritten: Int64 = 0

    /// The instant controllers act at while they replay what fell due between two commands.
    var nowOverride: Timestamp?
    public var now: Timestamp { nowOverride ?? clock.now }

    /// The `fieldValidation` of the client's requests in this session.
    public var fieldValidation: FieldValidation = .warn
    /// The field manager of the client's writes in this session.
    public var fieldManager = FieldManagerContext()
    /// While a server-side apply writes the object whose managedFields it computed: the `writeDepth` of
    /// that write (a client's apply writes at 1, a controller's deeper).
    var applyingManagedFieldsAt: Int?
    /// Where API warnings go (the server passes them to kubectl's warning printer).
    var warningSink: ((String) -> Void)?
    /// How many writes are in progress: writes made while one is (by controllers) are not client requests.
    var writeDepth = 0
    /// A component writing through the API as a client with its own field manager (the API server's
    /// loopback clients): its writes are recorded under `fieldManager` as a client's are.
    var componentClient = false
    /// The pod a client's delete is about to wait for (kubectl delete's `--wait`, `finishDeletion`): its
    /// kubelet stops it in the same transaction when the stop falls within `withinSeconds`, with no
    /// timer on the agenda (nothing else can see the pod meanwhile).
    var awaitedPod: (namespace: String, name: String, withinSeconds: Int64)?
    /// The text of the last state of a pod's graceful deletion (`deletionRow`): the next state of the
    /// same pod copies the parts that did not change.
    var deletionText = JSONTextMemo()
    /// The pod and row of the last state `deletionRow` made: the next state whose row inputs it
    /// shares (`samePodRowInputs`) takes its cells, labels, owners and fields.
    var lastDeletionRow: (object: JSONValue, row: ObjectRow)?
    /// Who makes the client's requests and what RBAC allowed them so far.
    var auth = AuthState()
    /// Objects decoded in this write transaction with the resource version they were read at, by key:
    /// controllers read the same unchanged objects again and again (a DaemonSet's pods at each of its
    /// syncs). In a transaction a resource version names one content; a savepoint rolled back (which
    /// may hand its versions out again) clears it (`resetControllers`). Nil in read sessions.
    var decoded: [String: (resourceVersion: Int64, object: JSONValue)]?
    static let decodedLimit = 4096
    /// The PriorityClasses as the Priority admission plugin read them in this transaction (nil: not
    /// read, or one was written since).
    var priorityClasses: [JSONValue]?
    /// The uids of owners waiting in the foreground for their dependents (read once; see ForegroundDeletion).
    var waitingInForeground: Set<String>?
    /// The spec `SpecValidation` last walked for required fields (by its schema definition) and the
    /// causes it found: the same spec gives the same causes.
    var requiredInSpec: (definition: String, spec: JSONValue, causes: [APIError.Cause])?
    /// The ValidatingAdmissionPolicies with bindings, compiled (nil: not read, or one was written since).
    var validatingPolicies: [CompiledPolicy]?
    /// The last pod spec a client's create passed `SpecRules` with (`SpecValidation.withoutTokenVolumeName`).
    var validPodSpec: JSONValue?
    /// Decoding and pruning of a client's pods, once per spec.
    var clientSpecs = ClientSpecMemo()
    /// The last new pod's spec as given and as `Defaults.podSpecAdmission` left it.
    var defaultedPodSpec: (input: JSONValue, mirror: Bool, output: JSONValue)?
    /// The last pod spec a controller's create passed `SpecRules` with (`SpecValidation.withoutTokenVolumeName`).
    var validControllerPodSpec: JSONValue?
    /// The managed fields of the last pod created in this session, with what they depend on.
    var createdPodFields: CreatedPodFields?
    /// The managed fields of the last few shapes of controllers' pod updates (`PodShapeMemo`).
    var podShapeMemos: [PodShapeMemo] = []
    var podShapeKeys = PodShapeKeyCache()
    /// Off only in tests that check the memo against the full computation.
    var usesPodShapeMemo = true
    /// The field sets `parsedFieldSet` read last, with the `fieldsV1` each was read from.
    var parsedFieldSets: [(fieldsV1: JSONValue, set: FieldSet)] = []

    /// Sends an API warning to the client.
    func warn(_ text: String) { warningSink?(text) }

    // MARK: reads

    public func get(_ type: ResourceType, namespace: String, name: String) throws -> JSONValue {
        try authorize("get", type, namespace: namespace, name: name)
        guard let stored = try stored(type, namespace: namespace, name: name) else {
            throw APIError.notFound(type.qualifiedPlural, name)
        }
        return try served(stored.object, as: type)
    }

    public func find(_ type: ResourceType, namespace: String, name: String) throws -> JSONValue? {
        try authorize("get", type, namespace: namespace, name: name)
        return try stored(type, namespace: namespace, name: name).map { try served($0.object, as: type) }
    }

    /// Objects of a type, ordered by namespace then name as an API server lists them; `fields` are
    /// field-selector terms the store's index answers (see `indexesField`).
    public func list(_ type: ResourceType, namespace: String?, fields: [FieldTerm] = []) throws -> [JSONValue] {
        try authorize("list", type, namespace: namespace)
        return try tx.list(resource: type.storageKey, namespace: type.namespaced ? namespace : nil, fields: fields)
            .map { try served(try decode($0), as: type) }
    }

    /// A stored object as a client of `type` reads it: an HPA in the version asked for, a lease as its
    /// holder has renewed it by now (`LeaseRenewal`), a node with its kubelet's status posts (`NodeHeartbeat`).
    func served(_ obj: JSONValue, as type: ResourceType) throws -> JSONValue {
        try servedNode(servedLease(HPAConversion.served(obj, as: type), as: type), as: type)
    }

    /// Rows without decoding the objects (for fast tables); `data` is empty.
    public func listSummaries(_ type: ResourceType, namespace: String?, labels: [KubeStore.LabelRequirement] = [],
                              fields: [FieldTerm] = []) throws -> [ObjectRow] {
        try authorize("list", type, namespace: namespace)
        let namespace = type.namespaced ? namespace : nil
        guard needsData(type) else {
            return try tx.listSummaries(resource: type.storageKey, namespace: namespace, labels: labels, fields: fields)
        }
        var rows: [ObjectRow] = []
        try tx.forEach(resource: type.storageKey, namespace: namespace, labels: labels, fields: fields, full: true) { row in
            rows.append(try withCells(row, type: type, keepData: false))
        }
        return rows
    }

    /// `selector` is the client's field selector, as the authorizers see it (a watch's first list).
    public func rows(_ type: ResourceType, namespace: String?, labels: [KubeStore.LabelRequirement] = [],
                     fields: [FieldTerm] = [], selector: [FieldRequirement] = []) throws -> [ObjectRow] {
        try authorize("list", type, namespace: namespace, fields: selector)
        return try tx.list(resource: type.storageKey, namespace: type.namespaced ? namespace : nil, labels: labels, fields: fields)
            .map { try withCells($0, type: type) }
    }

    /// Rows one at a time in key order (`data` only when `full`), never holding the whole list.
    public func forEachRow(_ type: ResourceType, namespace: String?, labels: [KubeStore.LabelRequirement] = [],
                           fields: [FieldTerm] = [], full: Bool, _ body: (ObjectRow) throws -> Void) throws {
        try authorize("list", type, namespace: namespace)
        try tx.forEach(resource: type.storageKey, namespace: type.namespaced ? namespace : nil, labels: labels,
                       fields: fields, full: full || needsData(type)) { row in
            try body(try withCells(row, type: type, keepData: full))
        }
    }

    /// `rows` narrowed by indexed fields with these values (see `indexesField`).
    public func rows(_ type: ResourceType, namespace: String?, labels: [KubeStore.LabelRequirement] = [],
                     fieldValues: [(String, String)]) throws -> [ObjectRow] {
        try rows(type, namespace: namespace, labels: labels, fields: fieldValues.map { FieldTerm.equals($0.0, $0.1) })
    }

    /// Objects whose indexed fields have these values (see `indexesField`), in key order.
    public func list(_ type: ResourceType, namespace: String?, fieldValues: [(String, String)]) throws -> [JSONValue] {
        try list(type, namespace: namespace, fields: fieldValues.map { FieldTerm.equals($0.0, $0.1) })
    }

    /// `list(_:namespace:fieldValues:)` building only the parts of each object `keeping` names.
    public func list(_ type: ResourceType, namespace: String?, fieldValues: [(String, String)], keeping: JSONKeep) throws -> [JSONValue] {
        // A lease's renewal needs the whole object.
        if LeaseRenewal.isLease(type) { return try list(type, namespace: namespace, fieldValues: fieldValues) }
        try authorize("list", type, namespace: namespace)
        return try tx.list(resource: type.storageKey, namespace: type.namespaced ? namespace : nil,
                           fields: fieldValues.map { FieldTerm.equals($0.0, $0.1) }).map { row in
            do { return try JSON.parse(row.data, keeping: keeping) } catch {
                throw APIError(reason: .internalError, message: "stored object \(row.resource) \(row.namespace)/\(row.name) is unreadable: \(error)", code: 500)
            }
        }
    }

    /// Whether the store's field index answers a field-selector term on `field` of `type`.
    public func indexesField(_ field: String, of type: ResourceType) -> Bool {
        FieldIndex.indexes(field, type: type) && FieldIndex.schemaVersion(of: field) <= tx.schemaVersion
    }

    func decode(_ row: ObjectRow) throws -> JSONValue { try decode(row, layout: false).object }

    /// `decode`, with the layout of the row's text when asked for and parsed (`JSON.parseWithLayout`).
    func decode(_ row: ObjectRow, layout wanted: Bool) throws -> (object: JSONValue, layout: JSONTextLayout?) {
        let key = decoded == nil ? "" : row.resource + "\u{1}" + row.namespace + "\u{1}" + row.name
        if let hit = decoded?[key], hit.resourceVersion == row.resourceVersion { return (hit.object, nil) }
        let object: JSONValue
        var layout: JSONTextLayout?
        do {
            if wanted { (object, layout) = try JSON.parseWithLayout(row.data) } else { object = try JSON.parse(row.data) }
        } catch {
            throw APIError(reason: .internalError, message: "stored object \(row.resource) \(row.namespace)/\(row.name) is unreadable: \(error)", code: 500)
        }
        if decoded != nil {
            if decoded!.count >= APISession.decodedLimit { decoded!.removeAll(keepingCapacity: true) }
            decoded![key] = (row.resourceVersion, object)
        }
        return (object, layout)
    }

    /// The stored object with this key and its resource version. When this transaction holds it in
    /// `decoded` (it wrote or read it), one index lookup confirms the version instead of reading,
    /// expanding and parsing the row again.
    func stored(_ type: ResourceType, namespace: String, name: String) throws -> (resourceVersion: Int64, object: JSONValue)? {
        try storedRow(type, namespace: namespace, name: name).map { ($0.row.resourceVersion, $0.object) }
    }

    /// `stored`, with the object's row: read from the store, or (when `decoded` holds the object at the
    /// stored version) a row of its key, uid and resource version without data or cells.
    func storedRow(_ type: ResourceType, namespace: String, name: String) throws -> (row: ObjectRow, object: JSONValue)? {
        try storedRow(type, namespace: namespace, name: name, layout: false).map { ($0.row, $0.object) }
    }

    /// `storedRow`, with the layout of the row's text when asked for and the row was read and parsed.
    func storedRow(_ type: ResourceType, namespace: String, name: String,
                   layout wanted: Bool) throws -> (row: ObjectRow, object: JSONValue, layout: JSONTextLayout?)? {
        let ns = type.namespaced ? namespace : ""
        if let cache = decoded, !cache.isEmpty,
           let hit = cache[type.storageKey + "\u{1}" + ns + "\u{1}" + name] {
            guard let rv = try tx.resourceVersion(resource: type.storageKey, namespace: ns, name: name) else { return nil }
            if rv == hit.resourceVersion {
                return (ObjectRow(resource: type.storageKey, namespace: ns, name: name, uid: hit.object["metadata"]["uid"].string ?? "",
                                  resourceVersion: rv, data: ""), hit.object, nil)
            }
        }
        guard let row = try tx.get(resource: type.storageKey, namespace: ns, name: name) else { return nil }
        let (object, layout) = try decode(row, layout: wanted)
        return (row, object, layout)
    }

    /// Keeps an object this transaction just stored in `decoded`, as `decode` would read it back. Not
    /// an object holding a floating-point number: its stored text may read back as an integer.
    /// `readBack`: the object is one `decode` returned with only strings and integers set since, so its
    /// numbers read back as they are (the walk looking for one is skipped).
    func remember(_ obj: JSONValue, row: ObjectRow, readBack: Bool = false) {
        guard decoded != nil, readBack || !obj.holdsDouble else { return }
        if decoded!.count >= APISession.decodedLimit { decoded!.removeAll(keepingCapacity: true) }
        decoded![row.resource + "\u{1}" + row.namespace + "\u{1}" + row.name] = (row.resourceVersion, obj)
    }

    /// The object of a row that may lack its data (a summary row): from `decoded` when this transaction
    /// already read it at that resource version, else read from the store.
    func object(of row: ObjectRow) throws -> JSONValue? {
        if !row.data.isEmpty { return try decode(row) }
        let key = row.resource + "\u{1}" + row.namespace + "\u{1}" + row.name
        if let hit = decoded?[key], hit.resourceVersion == row.resourceVersion { return hit.object }
        return try tx.get(resource: row.resource, namespace: row.namespace, name: row.name).map(decode)
    }

    // MARK: writes

    /// Creates an object the way the API server does. `namespace` is the request namespace (already
    /// reconciled with the object's own by the caller). With `dryRun` nothing is stored, but the
    /// returned object is what would have been.
    @discardableResult
    public func create(_ input: JSONValue, type: ResourceType, namespace: String, dryRun: Bool = false) throws -> JSONValue {
        try authorize("create", type, namespace: namespace)
        if writeDepth == 0 { try checkRequestBody(input) }
        if type.group == StageDefaults.group { try installStageAPI() }
        var request = AdmissionRequest(operation: .create, type: type, object: input, old: nil, fromClient: writeDepth == 0)
        if Self.isReview(type) {
            try AdmissionChain.run(AdmissionChain.decoding, &request, self)
            return try review(request.object, type: type, namespace: namespace)
        }
        writeDepth += 1
        defer { writeDepth -= 1 }
        try AdmissionChain.run(AdmissionChain.decoding, &request, self)
        var obj = request.object
        let kindName = type.kind
        if type.namespaced {
            obj["metadata"]["namespace"] = .string(namespace)
        } else {
            obj.remove(["metadata", "namespace"])
        }
        var name = obj["metadata"]["name"].string ?? ""
        // NamespaceLifecycle names the object as the client sent it (admission.NewForbidden).
        let givenName = !name.isEmpty ? name : (obj["metadata"]["generateName"].string ?? "").isEmpty ? "Unknown"
            : (obj["metadata"]["generateName"].string ?? "")
        if name.isEmpty, let prefix = obj["metadata"]["generateName"].string, !prefix.isEmpty {
            name = try uniqueName(prefix: prefix, type: type, namespace: namespace)
            obj["metadata"]["name"] = .string(name)
        }
        // ObjectMeta is judged with the spec, by the kind's validation, after mutating admission (whose
        // NamespaceLifecycle refuses a missing namespace first): its causes lead the kind's list.
        let metaCauses = (name.isEmpty
            ? [APIError.Cause(field: "metadata.name", message: "Required value: name or generateName is required")] : [])
            + Validation.objectMeta(obj, type: type)
        if type.namespaced {
            try requireNamespace(namespace, creating: type, name: givenName)
        }
        request.object = obj
        request.metaCauses = metaCauses
        request.requestName = input["metadata"]["name"].string ?? ""
        request.dryRun = dryRun
        try AdmissionChain.admit(&request, self)
        obj = request.object
        // The registry validates (and admission runs) before storage finds the name taken: an invalid
        // object is refused as invalid even when one of its name exists.
        if try tx.resourceVersion(resource: type.storageKey, namespace: type.namespaced ? namespace : "", name: name) != nil {
            throw APIError.alreadyExists(type.qualifiedPlural, name)
        }
        // Schema v13: a uid naming the row the insert below takes (`StoreTransaction.rowUID`), found by uid
        // without an index entry.
        let uid = dryRun ? uuidV4() : try tx.rowUID(uuidV4())
        obj["metadata"]["uid"] = .string(uid)
        obj["metadata"]["creationTimestamp"] = .string(now.rfc3339)
        if type.group == "batch" && type.kind == "Job" { Defaults.jobSelector(&obj, uid: uid) }
        Normalize.dropEmptyMetadataMaps(&obj)
        type.generation.apply(to: &obj, old: nil)
        obj.remove(["metadata", "deletionTimestamp"])
        obj.remove(["metadata", "resourceVersion"])
        obj = Normalize.metadataOrder(obj)
        if dryRun {
            obj["metadata"]["resourceVersion"] = .string("")
            obj.remove(["metadata", "resourceVersion"])
            return HPAConversion.served(obj, as: type)
        }
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        let row = try storableRow(for: obj, type: type, resourceVersion: rv)
        // A pod's scheduler and kubelet update it at once: its data and index entries are written once.
        try tx.insert(row, deferred: type.group.isEmpty && type.kind == "Pod")
        if type.group.isEmpty && type.kind == "Pod" { controllers.podCreated(uid: uid) }
        remember(obj, row: row)
        try afterWrite(type: type, object: obj, old: nil)
        return HPAConversion.served(obj, as: type)
    }

    /// Replaces a stored object. When `obj` carries a resourceVersion it must match the stored one
    /// (optimistic concurrency); bookkeeping fields are kept from the stored object.
    @discardableResult
    public func update(_ input: JSONValue, type: ResourceType, dryRun: Bool = false, body: RequestBody = .object,
                       verb: String? = nil, subresource: String = "") throws -> JSONValue
    {
        let requestVerb: String
        if let verb { requestVerb = verb } else if case .object = body { requestVerb = "update" } else { requestVerb = "patch" }
        try authorize(requestVerb, type, namespace: input["metadata"]["namespace"].string,
                      name: input["metadata"]["name"].string ?? "", subresource: subresource)
        let fromClient = writeDepth == 0
        if fromClient, case .object = body { try checkRequestBody(input) }
        writeDepth += 1
        defer { writeDepth -= 1 }
        var obj = input
        let name = obj["metadata"]["name"].string ?? ""
        let namespace = type.namespaced ? (obj["metadata"]["namespace"].string ?? "") : ""
        guard let (oldVersion, stored) = try stored(type, namespace: namespace, name: name) else {
            throw APIError.notFound(type.qualifiedPlural, name)
        }
        // A lease or node is updated from what it is now: its holder's renewals since it was stored are theirs.
        let old = servedNode(try servedLease(stored, as: type), as: type)
        var request = AdmissionRequest(operation: .update, type: type, object: obj, old: old, fromClient: fromClient, body: body)
        request.dryRun = dryRun
        try AdmissionChain.run(AdmissionChain.decoding, &request, self)
        obj = request.object
        if let rv = obj["metadata"]["resourceVersion"].string, !rv.isEmpty, rv != String(oldVersion) {
            throw APIError.conflict(type.qualifiedPlural, name,
                                    "the object has been modified; please apply your changes to the latest version and try again")
        }
        // A controller's write of a pod's status and binding (its metadata the stored one) is admitted
        // by recording its managed fields: the rest of the chain leaves it as it is (`ControllerPodWrite`).
        request.object = obj
        let statusOnly = ControllerPodWrite.changesOnlyStatus(request, session: self)
        if !statusOnly {
            // Judged with the spec by the kind's update validation (`SpecRules`), its causes first.
            request.metaCauses = Validation.objectMeta(obj, type: type, old: old)
            for key in ["uid", "creationTimestamp", "generation", "deletionTimestamp"] {
                let v = old["metadata"][key]
                if v.isNull { obj.remove(["metadata", key]) } else { obj["metadata"][key] = v }
            }
            request.object = obj
            try AdmissionChain.admit(&request, self)
        } else {
            #if DEBUG
            ControllerPodWrite.check(request, self)
            #endif
            ControllerPodWrite.admit(&request, self)
        }
        obj = request.object
        Normalize.dropEmptyMetadataMaps(&obj)
        type.generation.apply(to: &obj, old: old)
        // An update that changes nothing keeps the resourceVersion (no write), as the API server does.
        var comparable = obj
        comparable["metadata"]["resourceVersion"] = old["metadata"]["resourceVersion"]
        if comparable == old { return HPAConversion.served(old, as: type) }
        obj = Normalize.metadataOrder(obj)
        if dryRun { return HPAConversion.served(obj, as: type) }
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        let row = try storableRow(for: obj, type: type, resourceVersion: rv)
        try tx.update(row, expectedResourceVersion: oldVersion)
        remember(obj, row: row)
        try afterWrite(type: type, object: obj, old: old)
        try deleteIfFinalized(type, obj)
        return HPAConversion.served(obj, as: type)
    }

    /// Deletes an object and, unless orphaning, everything it owns (garbage collection through
    /// ownerReferences) and, for a namespace, everything in it. Returns the deleted object (a pod its
    /// kubelet must stop first is returned as it stays, Terminating: `deletePodGracefully`).
    /// `gracePeriod`: the request's `gracePeriodSeconds` (nil: the object's own).
    @discardableResult
    public func delete(_ type: ResourceType, namespace: String, name: String,
                       propagation: PropagationPolicy = .background, dryRun: Bool = false,
                       gracePeriod: Int64? = nil) throws -> JSONValue
    {
        try authorize("delete", type, namespace: namespace, name: name)
        let ns = type.namespaced ? namespace : ""
        // A pod its kubelet deletes after marking it is read from `decoded`, not parsed again. A pod
        // read from the store is parsed noting its layout: marking it copies parts of its text.
        let isPod = type.group.isEmpty && type.kind == "Pod"
        guard let (row, obj, layout) = try storedRow(type, namespace: ns, name: name, layout: isPod) else {
            throw APIError.notFound(type.qualifiedPlural, name)
        }
        // What a delete causes (garbage collection, controllers) is not the client's request.
        writeDepth += 1
        defer { writeDepth -= 1 }
        if type.group.isEmpty && type.kind == "Namespace" && ["default", "kube-system", "kube-public"].contains(name) {
            throw APIError(reason: .forbidden, message: "namespaces \"\(name)\" is forbidden: this namespace may not be deleted", code: 403)
        }
        try judgeDeletionByPolicies(type, obj, dryRun: dryRun)
        if dryRun { return obj }
        if type.group.isEmpty && type.kind == "Namespace" { return try deleteNamespace(type, obj, stored: row) }
        // A pod's own deletion (its kubelet's) comes first: graceful, then in the background.
        if isPod, let stays = try deletePodGracefully(type, obj, stored: row, layout: layout, requested: gracePeriod) { return stays }
        if propagation == .foreground && !isPod { return try deleteInForeground(type, obj, stored: row) }
        let kept = Self.finalizers(of: obj, after: isPod ? .background : propagation)
        if propagation == .orphan && !kept.isEmpty { try orphanDependents(of: row.uid) }
        if let marked = try markFinalizing(type, object: obj, stored: row, finalizers: kept) { return marked }
        // A pod's delete at grace 0 is recorded before the pod goes (`recordGraceZero`).
        let (gone, lastState) = try isPod ? recordGraceZero(type, obj) : (obj, nil)
        try tx.delete(resource: type.storageKey, namespace: ns, name: name, lastState: lastState)
        switch propagation {
        case .orphan: try orphanDependents(of: row.uid)
        case .background, .foreground: try deleteDependents(of: row.uid)
        }
        try afterDelete(type: type, object: gone)
        try terminatingObjectGone(type, gone)
        try foregroundOwnersMayGo(gone["metadata"]["ownerReferences"].array ?? [])
        return gone
    }

    func deleteDependents(of uid: String) throws {
        for dep in try tx.dependents(ofUID: uid) {
            guard let depType = registry.type(storageKey: dep.resource) else { continue }
            if try tx.get(resource: dep.resource, namespace: dep.namespace, name: dep.name) == nil { continue }
            let obj = try decode(dep)
            // Only delete when every owner is gone (the GC keeps objects that still have a live owner).
            let owners = (obj["metadata"]["ownerReferences"].array ?? []).compactMap { $0["uid"].string }
            let remaining = try owners.filter { o in o == uid ? false : try ownerExists(uid: o, namespace: dep.namespace) }
            if !remaining.isEmpty {
                var o = obj
                let refs = (o["metadata"]["ownerReferences"].array ?? []).filter { $0["uid"].string != uid }
                o["metadata"]["ownerReferences"] = .array(refs)
                try update(o, type: depType)
                continue
            }
            try delete(depType, namespace: dep.namespace, name: dep.name, propagation: .background)
        }
    }

    func ownerExists(uid: String, namespace: String) throws -> Bool {
        try tx.get(uid: uid) != nil
    }

    func orphanDependents(of uid: String) throws {
        for dep in try tx.dependents(ofUID: uid) {
            guard let depType = registry.type(storageKey: dep.resource) else { continue }
            var obj = try decode(dep)
            let refs = (obj["metadata"]["ownerReferences"].array ?? []).filter { $0["uid"].string != uid }
            if refs.isEmpty { obj.remove(["metadata", "ownerReferences"]) } else { obj["metadata"]["ownerReferences"] = .array(refs) }
            try update(obj, type: depType)
        }
    }

    func deleteNamespaceContents(_ namespace: String) throws {
        for type in registry.types where type.namespaced {
            for row in try tx.listSummaries(resource: type.storageKey, namespace: namespace) {
                if try tx.get(resource: type.storageKey, namespace: namespace, name: row.name) == nil { continue }
                try delete(type, namespace: namespace, name: row.name, propagation: .background)
            }
        }
    }

    /// NamespaceLifecycle: the namespace must exist and not be terminating (`name`: the object's name as
    /// the client sent it, else its generateName, else "Unknown").
    func requireNamespace(_ namespace: String, creating type: ResourceType, name: String) throws {
        guard let nsType = registry.type(group: "", kind: "Namespace") else { return }
        guard try tx.resourceVersion(resource: nsType.storageKey, namespace: "", name: namespace) != nil else {
            throw APIError.notFound("namespaces", namespace)
        }
        if let (_, obj) = try? stored(nsType, namespace: "", name: namespace), obj["status"]["phase"].string == "Terminating" {
            throw APIError(reason: .forbidden,
                           message: "\(type.qualifiedPlural) \"\(name)\" is forbidden: unable to create new content in namespace \(namespace) because it is being terminated",
                           code: 403)
        }
    }

    func uniqueName(prefix: String, type: ResourceType, namespace: String) throws -> String {
        let base = prefix.count > 58 ? String(prefix.prefix(58)) : prefix
        for _ in 0..<100 {
            let candidate = base + randomSuffix(count: 5)
            if try tx.resourceVersion(resource: type.storageKey, namespace: type.namespaced ? namespace : "", name: candidate) == nil {
                return candidate
            }
        }
        throw APIError(reason: .alreadyExists, message: "could not generate a unique name from \(prefix)", code: 409)
    }

    /// The API server's limit on what a client sends (the object as kubectl's JSON body, or a patch):
    /// the body is read before anything else, so this comes before every other check of the request.
    public func checkRequestBody(_ input: JSONValue) throws {
        if input.jsonString(.compactOrdered).utf8.count > APIError.requestBodyLimit { throw APIError.requestEntityTooLarge }
    }

    /// The row to store, unless it is more than etcd takes in one request (its key and value).
    func storableRow(for obj: JSONValue, type: ResourceType, resourceVersion: Int64) throws -> ObjectRow {
        let r = row(for: obj, type: type, resourceVersion: resourceVersion)
        if r.data.utf8.count + r.resource.utf8.count + r.namespace.utf8.count + r.name.utf8.count > APIError.storedObjectLimit {
            throw APIError.etcdRequestTooLarge
        }
        return r
    }

    /// `data`: the object's text (`jsonString(.compactOrdered)`) when the caller has it.
    func row(for obj: JSONValue, type: ResourceType, resourceVersion: Int64, data: String? = nil) -> ObjectRow {
        let meta = obj["metadata"]
        let owners = (meta["ownerReferences"].array ?? []).compactMap { $0["uid"].string }
        let cells = storedCells(for: obj, type: type)
        let labels = meta["labels"].object.map { JSONValue.object($0).compactJSON } ?? "{}"
        return ObjectRow(resource: type.storageKey, namespace: type.namespaced ? (meta["namespace"].string ?? "") : "",
                         name: meta["name"].string ?? "", uid: meta["uid"].string ?? "", resourceVersion: resourceVersion,
                         labels: labels, ownerUIDs: owners, cells: cells, data: data ?? obj.jsonString(.compactOrdered),
                         fields: FieldIndex.fields(of: obj, type: type))
    }

    // MARK: hooks

    /// Called after every stored create or update: controllers reconcile here (synchronously, inside the
    /// same transaction).
    func afterWrite(type: ResourceType, object: JSONValue, old: JSONValue?) throws {
        rbacChanged(type)
        if type.kind == "PriorityClass" { priorityClasses = nil }
        if ValidatingPolicies.isPolicyResource(type) { validatingPolicies = nil }
        if old == nil && type.group.isEmpty && type.kind == "Namespace" {
            try namespaceCreated(object["metadata"]["name"].string ?? "")
        }
        if old == nil && type.group.isEmpty && type.kind == "Node" { try nodeCreated(object) }
        try quotaObjectWritten(type: type, new: object, old: old)
        try disruptionObjectWritten(type: type, new: object, old: old)
        try controllers.objectWritten(type: type, object: object, old: old)
        try storageProtectionAfterWrite(type: type, object: object, old: old)
        if let old, old["metadata"]["ownerReferences"] != object["metadata"]["ownerReferences"] {
            try foregroundOwnersMayGo(old["metadata"]["ownerReferences"].array ?? [])
        }
    }

    /// What the service-account and root-CA controllers put in every new namespace.
    func namespaceCreated(_ ns: String) throws {
        try createIfPossible(["apiVersion": "v1", "kind": "ServiceAccount",
                              "metadata": ["name": "default", "namespace": .string(ns)]])
        try createIfPossible(["apiVersion": "v1", "kind": "ConfigMap",
                              "metadata": ["name": "kube-root-ca.crt", "namespace": .string(ns),
                                           "annotations": ["kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IPs or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."]],
                              "data": ["ca.crt": .string(Seed.caCertificate)]])
    }

    /// A registered node's kubelet takes its lease in kube-node-lease (a node kwok manages is left to its
    /// Stages; the seed's node gets its lease with the seed).
    func nodeCreated(_ node: JSONValue) throws {
        guard node["metadata"]["annotations"]["kwok.x-k8s.io/node"].string != "fake",
            (try tx.config("seed.kube-system")) != nil, let name = node["metadata"]["name"].string else { return }
        let saved = fieldManager
        defer { fieldManager = saved }
        fieldManager.manager = "kubelet"
        // Without kube-node-lease (deleted) the kubelet's create fails and the node is registered anyway.
        try? createIfPossible(SeedLeases.nodeLease(node: name, nodeUID: node["metadata"]["uid"].string ?? "", now: now))
    }

    func afterDelete(type: ResourceType, object: JSONValue) throws {
        rbacChanged(type)
        if type.kind == "PriorityClass" { priorityClasses = nil }
        if ValidatingPolicies.isPolicyResource(type) { validatingPolicies = nil }
        if isCRD(type) { try customResourceDefinitionDeleted(object) }
        try quotaObjectWritten(type: type, new: nil, old: object)
        try disruptionObjectWritten(type: type, new: nil, old: object)
        try controllers.objectDeleted(type: type, object: object)
        if type.group.isEmpty && type.kind == "Pod" { try podReleasedClaims(object) }
        try nodeLeaseDeleted(object, type: type)
        // The API server keeps its own `kubernetes` Service: deleting it brings it straight back.
        if type.group.isEmpty && type.kind == "Service" && object["metadata"]["name"].string == "kubernetes"
            && object["metadata"]["namespace"].string == "default"
        {
            try Seed.kubernetesService(into: self)
        }
    }
}

