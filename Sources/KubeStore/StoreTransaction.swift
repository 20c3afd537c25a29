import CSQLite
import KubeModel

/// SQLITE_CONSTRAINT_UNIQUE / SQLITE_CONSTRAINT_PRIMARYKEY (extended codes; C macros built with shifts).
private let constraintUnique: Int32 = 2067
private let constraintPrimaryKey: Int32 = 1555

/// The operations available inside `Store.read {}` / `Store.write {}`. Valid only during the
/// closure it was passed to; mutating methods throw `.misuse` inside `read {}`.
public final class StoreTransaction {
    let db: Database
    let writable: Bool
    var isOpen = true
    /// The resource version counter as this transaction sees it (nil until first needed).
    private var lastResourceVersion: Int64?
    private var counterDirty = false
    /// Rows inserted with `deferred: true` whose side tables (data, label, owner and field entries) are
    /// not written yet, by key: see `insert(_:alias:deferred:)`.
    /// Changed only through `setPending`, `removePending` and `discardPending`, which keep `pendingByField`.
    private(set) var pending: [String: PendingRow] = [:]
    /// The keys of the rows in `pending` by each of their `fields`: `fieldCount` flushes the rows holding
    /// one field value without walking every deferred row (a transaction defers thousands of events).
    private var pendingByField: [IndexedField: Set<String>] = [:]
    /// Updates written with `deferred: true` whose row is not rewritten yet, by key: see
    /// `update(_:expectedResourceVersion:deferred:)`.
    var pendingUpdates: [String: PendingUpdate] = [:]
    /// Settings written by `setConfig` and not yet in the table, by key (nil: removed). Written with the
    /// deferred rows (`flushPending`: before a savepoint begins or ends and before COMMIT) and before any
    /// read of the table other than one key's (`config` answers from here): a setting rewritten at each
    /// event of a scale-up (the event aggregator's and spam filter's) is written once per transaction.
    var pendingConfig: [String: String?] = [:]
    /// The stored data `get` read last (its BLOB and text) with the key and resource version it was
    /// read at: the base of a state logged next for that object (`storedData`) without reading and
    /// expanding the BLOB again. A key's data changes only with its resource version, except in
    /// `rewriteInPlace`, which forgets it.
    private var lastRead: (key: String, resourceVersion: Int64, data: StoredData)?
    /// Rows of `resource` whose resource version is below `belowVersion` have expired (as keys whose
    /// etcd lease ran out): no read returns or counts them, `update` and `delete` find none, and an
    /// `insert` of such a row's key replaces it. They stay in the file until `deleteExpired` or
    /// `delete` (with `expiry` cleared) removes them. The API layer sets it for events (EventTTL).
    public var expiry: (resource: String, belowVersion: Int64)?
    /// Key ranges (a resource's objects in one namespace, or in all of them) that a count or an
    /// unfiltered list of this transaction found empty (`RangeKey`): a count or list of one (with
    /// any selector) answers at once. The controllers look for quotas, budgets, ReplicaSets and
    /// Services in the namespace of every pod they see change; a namespace has none of them, mostly.
    /// Only an insert of the resource can fill such a range (`insert` forgets its ranges; an expired
    /// row hides nothing here: ranges are noted only while none of the resource's rows are hidden),
    /// and a rolled-back savepoint may bring deleted rows back (`discardPending` forgets them all).
    private var emptyRanges: Set<RangeKey> = []
    /// Settings this transaction read and found unset (`config`): each is set again only through
    /// `setConfig`, which forgets it.
    private var unsetConfig: Set<String> = []
    /// The resource versions `resourceVersion` read from the table (nil: no row), by key. A key asked
    /// again answers from here: the controllers confirm the namespace of every pod they see change
    /// (`storedRow`), three or four times per deleted pod. Only this transaction can change a row
    /// meanwhile (a write transaction holds the store's write lock; a read one reads one snapshot):
    /// `insert`, `update`, `rewriteInPlace` and `delete` forget their key, `deleteExpired` forgets all,
    /// and so does a rolled-back savepoint (`discardPending`). Expiry is applied when answering, as it
    /// may change meanwhile (`expiry`). Emptied when it reaches `knownVersionLimit` keys.
    private var knownVersions: [VersionKey: Int64?] = [:]
    static let knownVersionLimit = 4096

    /// `knownVersions`' key: the three strings as they are, not joined into a new one.
    private struct VersionKey: Hashable {
        var resource: String
        var namespace: String
        var name: String
    }

    /// Forgets every key of `knownVersions` (rows were deleted by other than their key).
    func forgetVersions() { knownVersions.removeAll() }

    /// Forgets what `knownVersions` holds of this key.
    private func forgetVersion(_ resource: String, _ namespace: String, _ name: String) {
        if !knownVersions.isEmpty { knownVersions.removeValue(forKey: VersionKey(resource: resource, namespace: namespace, name: name)) }
    }

    /// Whether a row of `resource` at `version` has expired (see `expiry`).
    @inline(__always) func isExpired(_ resource: String, _ version: Int64) -> Bool {
        guard let e = expiry else { return false }
        return version < e.belowVersion && resource == e.resource
    }

    /// The floor of `expiry` for `resource`, when it hides anything.
    func expiryFloor(_ resource: String) -> Int64? {
        guard let e = expiry, e.belowVersion > 0, e.resource == resource else { return nil }
        return e.belowVersion
    }

    init(db: Database, writable: Bool) {
        self.db = db
        self.writable = writable
    }

    /// The store's schema version (older than `Store.schemaVersion` only for a read-only user reading
    /// an old store, whose indexes lack what later versions added).
    public var schemaVersion: Int32 { db.schemaVersion }

    private func checkOpen() throws {
        guard isOpen else { throw StoreError.misuse("transaction used after it ended") }
    }

    func checkWritable() throws {
        try checkOpen()
        guard writable else { throw StoreError.misuse("write inside a read transaction") }
    }

    // MARK: Reads

    /// `emptyRanges`' key of `resource`'s objects in `namespace` (nil: in every namespace): the two
    /// strings as they are, not joined into a new one at each lookup.
    private struct RangeKey: Hashable {
        var resource: String
        var namespace: String?
    }

    /// Whether this transaction knows `resource` has no object in `namespace` (nil: in any).
    private func knownEmpty(_ resource: String, _ namespace: String?) -> Bool {
        guard !emptyRanges.isEmpty else { return false }
        return emptyRanges.contains(RangeKey(resource: resource, namespace: nil))
            || (namespace != nil && emptyRanges.contains(RangeKey(resource: resource, namespace: namespace)))
    }

    /// Notes an empty range (see `emptyRanges`), unless expired rows of the resource are hidden.
    private func noteEmpty(_ resource: String, _ namespace: String?) {
        if expiryFloor(resource) == nil { emptyRanges.insert(RangeKey(resource: resource, namespace: namespace)) }
    }

    /// The row with this key, or nil.
    public func get(resource: String, namespace: String, name: String) throws -> ObjectRow? {
        try checkOpen()
        if !pending.isEmpty { try flushPending(key: StoreTransaction.pendingKey(resource, namespace, name)) }
        if !pendingUpdates.isEmpty { try flushUpdate(key: StoreTransaction.pendingKey(resource, namespace, name)) }
        let s = try db.statement(SQL.selectByKey)
        try s.bind([resource, namespace, name])
        defer { s.reset() }
        guard try s.step() else { return nil }
        let row = try readRow(s, full: true, resource: nil, namespace: nil)
        if expiry != nil && isExpired(row.resource, row.resourceVersion) { return nil }
        if db.codec.deltaFormat, let blob = s.blob(8) {
            lastRead = (StoreTransaction.pendingKey(resource, namespace, name), row.resourceVersion, StoredData(blob: blob, text: row.data))
        }
        return row
    }

    /// The resource version of the row with this key, or nil when there is none: one index lookup,
    /// without reading or expanding the object.
    public func resourceVersion(resource: String, namespace: String, name: String) throws -> Int64? {
        try checkOpen()
        if !pendingUpdates.isEmpty, let u = pendingUpdates[StoreTransaction.pendingKey(resource, namespace, name)] {
            return u.row.resourceVersion
        }
        let key = VersionKey(resource: resource, namespace: namespace, name: name)
        let version: Int64?
        if let known = knownVersions[key] {
            version = known
        } else {
            let s = try db.statement(SQL.selectVersionByKey)
            defer { s.reset() }
            try s.bind([resource, namespace, name])
            version = try s.step() ? s.int64(0) : nil
            if knownVersions.count >= StoreTransaction.knownVersionLimit { knownVersions.removeAll(keepingCapacity: true) }
            knownVersions[key] = .some(version)
        }
        guard let version else { return nil }
        return isExpired(resource, version) ? nil : version
    }

    /// The row with this uid, or nil (the first by key if several share it): through `objects_by_uid`,
    /// and (v13) the row the uid names (`RowUID`) when it holds that uid.
    public func get(uid: String) throws -> ObjectRow? {
        try checkOpen()
        try flushPending { $0.row.uid == uid }
        let s = try db.statement(SQL.selectByUID)
        try s.bindUID(1, uid)
        var found = try rows(s, full: true).first
        if db.schemaVersion >= 13, let id = RowUID.id(uid) {
            let t = try db.statement(SQL.selectByID)
            try t.bind(1, id)
            if let named = try rows(t, full: true).first, named.uid == uid,
               found.map({ StoreTransaction.keyPrecedes(named, $0) }) ?? true {
                found = named
            }
        }
        return found
    }

    /// Whether `a`'s key (resource, namespace, name) sorts before `b`'s as SQLite orders them (bytes).
    static func keyPrecedes(_ a: ObjectRow, _ b: ObjectRow) -> Bool {
        for (x, y) in [(a.resource, b.resource), (a.namespace, b.namespace), (a.name, b.name)] where x != y {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return false
    }

    /// `random` (a fresh random uid) made to name the row the next insert takes (`RowUID`, schema
    /// v13), so that row is found by uid without a uid index entry. As random as `random` to anyone
    /// reading it; `random` itself in an older store. If another row is inserted first, the uid is
    /// still unique and is kept with an index entry as any other.
    public func rowUID(_ random: String) throws -> String {
        guard db.schemaVersion >= 13 else { return random }
        return RowUID.uid(random, naming: try maxRowID() + 1)
    }

    /// Rows of `resource` in `namespace` (nil = every namespace), matching every label requirement,
    /// ordered by namespace then name (byte order, like Go's string comparison).
    public func list(resource: String, namespace: String?, labels: [LabelRequirement] = [],
                     fields: [FieldTerm] = []) throws -> [ObjectRow] {
        try select(full: true, resource: resource, namespace: namespace, labels: labels, fields: fields)
    }

    /// `list` without the `data` column (`data == ""`): the fast path for tables and selectors.
    public func listSummaries(resource: String, namespace: String?, labels: [LabelRequirement] = [],
                              fields: [FieldTerm] = []) throws -> [ObjectRow] {
        try select(full: false, resource: resource, namespace: namespace, labels: labels, fields: fields)
    }

    /// `list` (or `listSummaries` when `full` is false) one row at a time, in key order, without
    /// holding the rows: memory stays flat whatever the number of objects. `body` must not list
    /// the same query again while it runs (the statement is in use).
    public func forEach(resource: String, namespace: String?, labels: [LabelRequirement] = [],
                        fields: [FieldTerm] = [], full: Bool, _ body: (ObjectRow) throws -> Void) throws {
        let s = try prepareList(full: full, resource: resource, namespace: namespace, labels: labels, fields: fields)
        defer { s.reset() }
        while try s.step() {
            let row = try readRow(s, full: full, resource: resource, namespace: namespace)
            if isExpired(resource, row.resourceVersion) { continue }
            try body(row)
        }
    }

    private func select(full: Bool, resource: String, namespace: String?,
                        labels: [LabelRequirement], fields: [FieldTerm]) throws -> [ObjectRow] {
        if knownEmpty(resource, namespace) {
            try checkOpen()
            return []
        }
        let s = try prepareList(full: full, resource: resource, namespace: namespace, labels: labels, fields: fields)
        let found = try rows(s, full: full, resource: resource, namespace: namespace)
        if found.isEmpty && labels.isEmpty && fields.isEmpty { noteEmpty(resource, namespace) }
        return found
    }

    private func prepareList(full: Bool, resource: String, namespace: String?,
                             labels: [LabelRequirement], fields: [FieldTerm]) throws -> Statement {
        try checkOpen()
        try flushPending { $0.row.resource == resource }
        // Schema v11: a term on a field the rows' names may carry (`NameDerivedField`) reads that key range too.
        let derived = fields.contains { NameDerivedField.applies(resource: resource, field: $0.parameters[0]) }
        let driver = try listDriver(labels: labels, fields: fields, derived: derived)
        let floor = expiryFloor(resource)
        let s = try db.statement(SQL.selectList(full: full, namespaced: namespace != nil, labels: labels, fields: fields,
                                                driver: driver, minVersion: floor != nil, derived: derived))
        try s.bind(1, resource)
        var index: Int32 = 2
        if let namespace {
            try s.bind(2, namespace)
            index = 3
        }
        let fieldParameters = fields.flatMap { term -> [String] in
            let p = term.parameters
            return derived && p[0] == NameDerivedField.field ? [p[0]] + Array(repeating: p[1], count: 5) : p
        }
        for parameter in labels.flatMap(\.parameters) + fieldParameters {
            try s.bind(index, parameter)
            index += 1
        }
        if let floor { try s.bind(index, floor) }
        return s
    }

    /// A list narrowed by an equality term that fewer than this many index entries match starts from
    /// those entries (`SQL.selectList`'s driver) and sorts what it finds.
    static let drivingEntryLimit: Int64 = 2048

    /// Where a list query starts: from the equality term (label or field) with the fewest index entries,
    /// when they are fewer than `drivingEntryLimit`, else from every object of the resource in key order.
    /// The first takes about as long as the objects it finds (100 pods of one node among 100,000 read
    /// 100 rows), the second as long as the resource has objects, but it streams in key order without
    /// sorting, so a term that many objects match keeps it. Counting stops at the limit: at most that
    /// many index entries are read per term.
    /// With `derived`, an equality term on `NameDerivedField.field` starts the query (`SQL.ListDriver.derived`):
    /// the index entries do not count the rows whose names carry the value, which are one object's events.
    func listDriver(labels: [LabelRequirement], fields: [FieldTerm], derived: Bool = false) throws -> SQL.ListDriver {
        if derived, fields.contains(where: { if case .equals(NameDerivedField.field, _) = $0 { return true } else { return false } }) {
            return .derived
        }
        var best: (driver: SQL.ListDriver, entries: Int64)?
        func consider(_ driver: SQL.ListDriver, _ sql: String, _ key: String, _ value: String) throws {
            let s = try db.statement(sql)
            defer { s.reset() }
            try s.bind([key, value])
            try s.bind(3, StoreTransaction.drivingEntryLimit)
            let entries = try s.step() ? s.int64(0) : StoreTransaction.drivingEntryLimit
            if entries < StoreTransaction.drivingEntryLimit && entries < (best?.entries ?? .max) { best = (driver, entries) }
        }
        for (i, term) in labels.enumerated() {
            if case .equals(let key, let value) = term { try consider(.label(i), SQL.countLabelEntries, key, value) }
        }
        for (i, term) in fields.enumerated() {
            if derived && term.parameters[0] == NameDerivedField.field { continue }
            if case .equals(let name, let value) = term { try consider(.field(i), SQL.countFieldEntries, name, value) }
        }
        return best?.driver ?? .keyOrder
    }

    /// How many objects have each value of the counted field `name` (a `#` field), by value.
    public func fieldCounts(_ name: String) throws -> [String: Int] {
        try checkOpen()
        // The deferred rows stay deferred: their entries (not in `field_counts` yet) are counted here as
        // `writeSideTables` will write them. Flushing them would write the created state of every pod a
        // controller just made, which its scheduler rewrites at once (each deflated twice).
        try flushUpdates()
        let s = try db.statement(SQL.selectFieldCounts)
        defer { s.reset() }
        try s.bind(1, name)
        var result: [String: Int] = [:]
        while try s.step() { result[s.text(0)] = Int(s.int64(1)) }
        for entry in pending.values where name.hasPrefix("#") && entry.row.fields.contains(where: { $0.name == name }) {
            for field in storedFields(entry.row) where field.name == name { result[field.value, default: 0] += 1 }
        }
        return result
    }

    /// How many objects have `value` in the counted field `name`.
    public func fieldCount(_ name: String, value: String) throws -> Int {
        try checkOpen()
        try flushPending(holding: IndexedField(name, value))
        let s = try db.statement(SQL.selectFieldCount)
        defer { s.reset() }
        try s.bind([name, value])
        return try s.step() ? Int(s.int64(0)) : 0
    }

    /// Up to `limit` keys of the objects of `resource` whose indexed field has `value`, oldest first
    /// (creation order), after the one whose `position` is given (0 = from the start). Page on with
    /// the last key's `position`.
    public func keys(resource: String, field: String, value: String, after position: Int64 = 0,
                     limit: Int = 256) throws -> [(position: Int64, namespace: String, name: String)] {
        try checkOpen()
        try flushPending { $0.row.resource == resource }
        let s = try db.statement(SQL.selectKeysByField)
        defer { s.reset() }
        try s.bind([resource, field, value])
        try s.bind(4, position)
        try s.bind(5, Int64(limit))
        var result: [(position: Int64, namespace: String, name: String)] = []
        while try s.step() { result.append((s.int64(0), s.text(1), s.text(2))) }
        return result
    }

    /// Summaries of every object in `namespace`, of every resource, ordered by resource then name.
    public func summaries(inNamespace namespace: String) throws -> [ObjectRow] {
        try checkOpen()
        try flushUpdates()
        let s = try db.statement(SQL.selectSummariesInNamespace)
        try s.bind(1, namespace)
        return try rows(s, full: false)
    }

    /// Rows whose `ownerUIDs` contain `uid`, ordered by resource, namespace, name; without `data` unless `full`.
    public func dependents(ofUID uid: String, full: Bool = true) throws -> [ObjectRow] {
        try checkOpen()
        try flushPending { $0.row.ownerUIDs.contains(uid) }
        let s = try db.statement(full ? SQL.selectDependents : SQL.selectDependentSummaries)
        try s.bind(1, uid)
        return try rows(s, full: full)
    }

    /// The distinct namespaces holding at least one object of `resource`, sorted.
    public func namespaces(withObjectsIn resource: String) throws -> [String] {
        try checkOpen()
        let s = try db.statement(SQL.selectNamespacesOfResource)
        defer { s.reset() }
        try s.bind(1, resource)
        var result: [String] = []
        while try s.step() { result.append(s.text(0)) }
        return result
    }

    /// Number of objects of `resource` in `namespace` (nil = all namespaces).
    public func count(resource: String, namespace: String?) throws -> Int {
        try checkOpen()
        if knownEmpty(resource, namespace) { return 0 }
        let floor = expiryFloor(resource)
        let s = try db.statement(namespace == nil ? (floor == nil ? SQL.countAll : SQL.countAllFrom)
                                 : (floor == nil ? SQL.countInNamespace : SQL.countInNamespaceFrom))
        defer { s.reset() }
        try s.bind(1, resource)
        if let namespace { try s.bind(2, namespace) }
        if let floor { try s.bind(namespace == nil ? 2 : 3, floor) }
        guard try s.step() else { return 0 }
        let n = Int(s.int64(0))
        if n == 0 { noteEmpty(resource, namespace) }
        return n
    }

    // MARK: Writes

    /// The row a 64-bit `alias` names (`insert(_:alias:)`), or nil. An alias outlives its row, and a
    /// later row may take its id: the caller checks that the row is the one it meant.
    public func get(alias: Int64) throws -> ObjectRow? {
        try row(alias: alias, full: true)
    }

    /// `get(alias:)` as a summary row (without its data): one index lookup, nothing expanded.
    public func summary(alias: Int64) throws -> ObjectRow? {
        try row(alias: alias, full: false)
    }

    private func row(alias: Int64, full: Bool) throws -> ObjectRow? {
        try checkOpen()
        let s = try db.statement(full ? SQL.selectByAlias : SQL.selectSummaryByAlias)
        try s.bind(1, alias)
        defer { s.reset() }
        guard try s.step() else { return nil }
        if full && s.isNull(8) {
            // The row's data is not written yet (`insert(_:alias:deferred:)`): written, then read again.
            guard !pending.isEmpty else { throw StoreError.corrupt("object \(s.text(2)) has no data") }
            s.reset()
            try flushPending()
            return try row(alias: alias, full: full)
        }
        let found = try readRow(s, full: full, resource: nil, namespace: nil)
        // A deferred update of the row (`update(_:expectedResourceVersion:deferred:)`): written, then read again.
        if !pendingUpdates.isEmpty, pendingUpdates[StoreTransaction.pendingKey(found.resource, found.namespace, found.name)] != nil {
            s.reset()
            try flushUpdate(key: StoreTransaction.pendingKey(found.resource, found.namespace, found.name))
            return try row(alias: alias, full: full)
        }
        return isExpired(found.resource, found.resourceVersion) ? nil : found
    }

    /// Inserts a new row, storing `row.resourceVersion` as given. Throws `.alreadyExists` when a
    /// row with the same resource, namespace and name exists. `alias`, when given, names the row from
    /// now on (`get(alias:)`; a row it named before is no longer found by it).
    ///
    /// `deferred` (without an alias): the row's side tables (its data, label, owner and field entries)
    /// are written later, when something may read them (`flushPending`), at the latest when the
    /// savepoint or transaction ends. An update of the row before then rewrites only the row itself, so
    /// an object created and then updated in one go (a pod and its first status) writes them once.
    /// Its key, resource version, uid and change log entries are written at once, as for any row.
    public func insert(_ row: ObjectRow, alias: Int64? = nil, deferred: Bool = false) throws {
        try checkWritable()
        forgetVersion(row.resource, row.namespace, row.name)
        let owners = encodeOwners(row.ownerUIDs)
        let s = try db.statement(SQL.insertObject)
        // Bound again for a second try (a run clears the bindings).
        // A uid naming the row the insert is expected to take is bound marked (`RowUID`); checked below.
        let named = db.schemaVersion >= 13 ? RowUID.id(row.uid) : nil
        func bindRow() throws {
            try s.bind([row.resource, row.namespace, row.name])
            try s.bindUID(4, row.uid, row: named)
            try s.bind(5, row.resourceVersion)
            try s.bind(6, row.labels)
            try s.bind(7, owners)
            try s.bindCells(8, row.cells)
            try s.bind(9, try encodeFields(storedFields(row)))
        }
        if !emptyRanges.isEmpty {
            emptyRanges.remove(RangeKey(resource: row.resource, namespace: nil))
            emptyRanges.remove(RangeKey(resource: row.resource, namespace: row.namespace))
        }
        try bindRow()
        do {
            try s.run()
        } catch StoreError.sqlite(let code, _, _) where code == constraintUnique || code == constraintPrimaryKey {
            // An expired row still in the file gives its key up to the new one.
            guard expiry != nil, let old = try? currentRow(resource: row.resource, namespace: row.namespace, name: row.name,
                                                           includingExpired: true),
                  isExpired(row.resource, old.resourceVersion) else { throw StoreError.alreadyExists }
            try deleteRow(old)
            try bindRow()
            try s.run()
        }
        if let named, named != db.lastInsertRowID {
            // The row took another id: its uid is kept as any other, with its index entry.
            let u = try db.statement(SQL.updateUID)
            try u.bind(1, db.lastInsertRowID)
            try u.bindUID(2, row.uid)
            try u.run()
        }
        let id = db.lastInsertRowID
        let later = deferred && alias == nil
        // A deferred row (a pod its scheduler and kubelet update at once) is logged against the last
        // new object of its resource deflated in full when the two have enough in common; its own
        // data is encoded only if it is written as it is (an update in the meantime brings new data).
        let delta = later ? db.codec.logDelta(row.data, resource: row.resource) : nil
        // A deferred row's first state stays the base of `logDelta` (deflated in full); another row is
        // stored as `encodeStored` writes it.
        let encoded = delta != nil ? nil : later ? db.codec.encode(row.data) : db.codec.encodeStored(row.data, resource: row.resource)
        if later && delta == nil { db.codec.keepShapeBase(row.data, encoded: encoded, resource: row.resource) }
        let entry = PendingRow(id: id, row: row, encoded: encoded, owners: owners, encodeLater: delta != nil)
        if later {
            setPending(entry, key: StoreTransaction.pendingKey(row.resource, row.namespace, row.name))
        } else {
            try writeSideTables(entry)
        }
        if let alias {
            let a = try db.statement(SQL.upsertAlias)
            try a.bind(1, alias)
            try a.bind(2, id)
            try a.run()
        }
        try logChange(.added, row, encoded: delta ?? encoded)
    }

    /// Replaces the row with `row`'s key. Throws `.notFound` when there is none, and
    /// `.conflict(current:)` when `expectedResourceVersion` is given and differs from the stored one.
    ///
    /// `deferred`: the change is logged at once (a watch sees it, with this resource version), and
    /// `resourceVersion` answers with it, but the row itself is rewritten only when something may read
    /// it (any other read of the store, `flushUpdates`), at the latest when the savepoint or transaction
    /// ends; a `delete` of the row before then never writes it (a pod marked Terminating and removed in
    /// the same request: its Terminating state is only logged).
    public func update(_ row: ObjectRow, expectedResourceVersion: Int64?, deferred: Bool = false) throws {
        try checkWritable()
        forgetVersion(row.resource, row.namespace, row.name)
        let key = StoreTransaction.pendingKey(row.resource, row.namespace, row.name)
        if var entry = pending[key] { return try updatePending(&entry, key: key, row, expectedResourceVersion: expectedResourceVersion) }
        if !pendingUpdates.isEmpty { try flushUpdate(key: key) }
        let existing = try currentRow(resource: row.resource, namespace: row.namespace, name: row.name)
        if let expectedResourceVersion, expectedResourceVersion != existing.resourceVersion {
            throw StoreError.conflict(current: existing.resourceVersion)
        }
        if deferred {
            // Logged against the stored data (`DeltaCodec`): the row itself is encoded only if it is written.
            let base = db.codec.deltaFormat ? try storedData(id: existing.id, key: key, resourceVersion: existing.resourceVersion) : nil
            let logged = db.codec.encode(row.data, against: base)
            pendingUpdates[key] = PendingUpdate(row: row, encoded: logged, base: base)
            return try logChange(.modified, row, encoded: logged)
        }
        let encoded = db.codec.encodeStored(row.data, resource: row.resource)
        try rewrite(existing, with: row, encoded: encoded)
        try logChange(.modified, row, encoded: encoded)
    }

    /// The stored data of row `id` (the base of a logged state), or nil when it is not a BLOB.
    private func storedData(id: Int64, key: String, resourceVersion: Int64) throws -> StoredData? {
        if let last = lastRead, last.resourceVersion == resourceVersion, last.key == key { return last.data }
        let s = try db.statement(SQL.selectDataByID)
        defer { s.reset() }
        try s.bind(1, id)
        guard try s.step(), let blob = s.blob(0) else { return nil }
        let text = try blob.withUnsafeBufferPointer { try db.codec.decode($0) }
        return StoredData(blob: blob, text: text)
    }

    /// Rewrites the stored row `existing` (the objects row, its data and index entries) as `row`.
    private func rewrite(_ existing: Current, with row: ObjectRow, encoded: [UInt8]?) throws {
        let owners = encodeOwners(row.ownerUIDs)
        // No fields given: the row keeps the entries it has.
        let fields = row.fields.isEmpty ? existing.fields : try encodeFields(storedFields(row))
        try rewriteObjectRow(id: existing.id, row, owners: owners, fields: fields)
        let d = try db.statement(SQL.updateData)
        try d.bind(1, existing.id)
        try d.bindData(2, row.data, encoded: encoded)
        try d.run()
        if row.labels != existing.labels { try writeLabels(id: existing.id, labels: row.labels, replacing: true) }
        if owners != existing.owners { try writeOwners(id: existing.id, owners: owners, replacing: true) }
        if fields != existing.fields {
            try updateFields(id: existing.id, old: try decodeFields(existing.fields), new: storedFields(row))
        }
    }

    /// Rewrites the stored row with `row`'s key as `row`, keeping its resource version and logging no
    /// change: a one-time reshaping of stored objects whose meaning stays the same (the API layer's
    /// `upgradeStoredZeros` leaves out the zero values Go leaves out). Throws `.notFound` when there is
    /// no such row.
    public func rewriteInPlace(_ row: ObjectRow) throws {
        try checkWritable()
        forgetVersion(row.resource, row.namespace, row.name)
        if !pending.isEmpty { try flushPending() }
        if !pendingUpdates.isEmpty { try flushUpdates() }
        let existing = try currentRow(resource: row.resource, namespace: row.namespace, name: row.name)
        lastRead = nil
        var row = row
        row.resourceVersion = existing.resourceVersion
        try rewrite(existing, with: row, encoded: db.codec.encode(row.data))
    }

    /// Deletes the row with this key. Throws `.notFound` when there is none, and `.conflict` when
    /// `expectedResourceVersion` is given and differs.
    /// `lastState`: the object as it was last written, when that was only logged (`logPassingState`):
    /// the deletion is logged with it (and its encoding) instead of the row as stored.
    public func delete(resource: String, namespace: String, name: String,
                       expectedResourceVersion: Int64? = nil, lastState: (row: ObjectRow, encoded: [UInt8]?)? = nil) throws {
        try checkWritable()
        forgetVersion(resource, namespace, name)
        if !pending.isEmpty { try flushPending(key: StoreTransaction.pendingKey(resource, namespace, name)) }
        let existing = try currentRow(resource: resource, namespace: namespace, name: name)
        // A deferred update of the row is never written: the row goes as stored (its index entries are
        // the stored ones), logged as last updated.
        if !pendingUpdates.isEmpty, let u = pendingUpdates.removeValue(forKey: StoreTransaction.pendingKey(resource, namespace, name)) {
            if let expectedResourceVersion, expectedResourceVersion != u.row.resourceVersion {
                pendingUpdates[StoreTransaction.pendingKey(resource, namespace, name)] = u
                throw StoreError.conflict(current: u.row.resourceVersion)
            }
            return try deleteRow(existing, lastState: lastState ?? (u.row, u.encoded))
        }
        if let expectedResourceVersion, expectedResourceVersion != existing.resourceVersion {
            throw StoreError.conflict(current: existing.resourceVersion)
        }
        try deleteRow(existing, lastState: lastState)
    }

    /// Deletes a current row, its index entries and data, logging the deletion (with `lastState`, the
    /// state only logged before, see `delete`).
    private func deleteRow(_ existing: Current, lastState: (row: ObjectRow, encoded: [UInt8]?)? = nil) throws {
        if let lastState {
            try logChange(.deleted, lastState.row, encoded: lastState.encoded)
        } else {
            let log = try db.statement(SQL.insertDeletionChange)
            try log.bind(1, existing.id)
            try log.run()
            try pruneChangeLog()
        }
        // A row written with no labels or no owners has no entries of them to delete (see
        // writeLabels/writeOwners).
        var statements = [SQL.deleteObject, SQL.deleteData]
        if existing.labels != "{}" { statements.append(SQL.deleteLabels) }
        if existing.owners != "[]" { statements.append(SQL.deleteOwners) }
        for sql in statements {
            let s = try db.statement(sql)
            try s.bind(1, existing.id)
            try s.run()
        }
        for field in try decodeFields(existing.fields) { try runField(SQL.deleteField, id: existing.id, field) }
    }

    /// Logs a state an object passes through inside this transaction without storing it: the row keeps
    /// its stored state until the object's next write (a delete with `lastState`), and nothing reads it
    /// meanwhile; watchers see the state as a MODIFIED change. Returns the data's encoding for reuse.
    @discardableResult
    public func logPassingState(_ row: ObjectRow) throws -> [UInt8]? {
        try checkWritable()
        // Logged against the object's stored data (`DeltaCodec`), which the row keeps meanwhile.
        let key = StoreTransaction.pendingKey(row.resource, row.namespace, row.name)
        var base = pendingUpdates.isEmpty ? nil : pendingUpdates[key]?.base
        if base == nil, db.codec.deltaFormat, pending[key] == nil,
           let stored = try? currentRow(resource: row.resource, namespace: row.namespace, name: row.name) {
            base = try storedData(id: stored.id, key: key, resourceVersion: stored.resourceVersion)
        }
        let encoded = db.codec.encode(row.data, against: base)
        try logChange(.modified, row, encoded: encoded)
        return encoded
    }

    /// The next value of the store-wide resource version counter (strictly increasing, never reused,
    /// even across processes; a rolled-back transaction's values may be handed out again).
    /// The counter is read once per transaction and kept here; `flushResourceVersion` stores it before
    /// the commit. A savepoint rolled back keeps the values it took (never handed out twice in one
    /// transaction), and a transaction rolled back stores nothing, as the UPDATE would have been undone.
    public func nextResourceVersion() throws -> Int64 {
        try checkWritable()
        let next = (try counterValue()) + 1
        lastResourceVersion = next
        counterDirty = true
        return next
    }

    /// The last resource version handed out (0 in a new store).
    public func currentResourceVersion() throws -> Int64 {
        try checkOpen()
        return try counterValue()
    }

    /// The counter as stored, or as this transaction advanced it.
    private func counterValue() throws -> Int64 {
        if let lastResourceVersion { return lastResourceVersion }
        let value = try db.scalarInt(SQL.currentResourceVersion)
        lastResourceVersion = value
        return value
    }

    /// Stores the counter this transaction advanced (called by `Store` right before COMMIT).
    func flushResourceVersion() throws {
        guard counterDirty, let lastResourceVersion else { return }
        let s = try db.statement(SQL.storeResourceVersion)
        try s.bind(1, lastResourceVersion)
        try s.run()
        counterDirty = false
    }

    // MARK: Config

    /// A small setting (current namespace, contexts, ...), or nil when unset.
    public func config(_ key: String) throws -> String? {
        try checkOpen()
        if let value = pendingConfig[key] { return value }
        if unsetConfig.contains(key) { return nil }
        let s = try db.statement(SQL.selectConfig)
        defer { s.reset() }
        try s.bind(1, key)
        guard try s.step() else {
            unsetConfig.insert(key)
            return nil
        }
        return s.text(0)
    }

    /// Sets a setting; nil removes it.
    /// Written to the table later (`pendingConfig`), at the latest before COMMIT.
    public func setConfig(_ key: String, _ value: String?) throws {
        try checkWritable()
        pendingConfig[key] = .some(value)
        unsetConfig.remove(key)
    }

    /// Writes everything kept for later (deferred rows and settings): before a savepoint begins or ends
    /// and before COMMIT.
    func flushAll() throws {
        try flushPending()
        try flushConfig()
    }

    /// Writes the settings `setConfig` kept (`pendingConfig`), in key order.
    func flushConfig() throws {
        guard !pendingConfig.isEmpty else { return }
        for (key, value) in pendingConfig.sorted(by: { $0.key < $1.key }) {
            let s = try db.statement(value == nil ? SQL.deleteConfig : SQL.upsertConfig)
            try s.bind(1, key)
            if let value { try s.bind(2, value) }
            try s.run()
        }
        pendingConfig.removeAll(keepingCapacity: true)
    }

    /// The first setting (by key) with `lower <= key < upper`, or nil: one index seek.
    public func firstConfigEntry(from lower: String, below upper: String) throws -> (key: String, value: String)? {
        try configEntry(SQL.selectFirstConfigInRange, from: lower, below: upper)
    }

    /// The keys of the settings with `lower <= key < upper`, in key order, at most `limit` of them.
    public func configKeys(from lower: String, below upper: String, limit: Int) throws -> [String] {
        try checkOpen()
        try flushConfig()
        let s = try db.statement(SQL.selectConfigKeysInRange)
        defer { s.reset() }
        try s.bind(1, lower)
        try s.bind(2, upper)
        try s.bind(3, Int64(limit))
        var keys: [String] = []
        while try s.step() { keys.append(s.text(0)) }
        return keys
    }

    /// The last setting (by key) with `lower <= key < upper`, or nil: one index seek.
    public func lastConfigEntry(from lower: String, below upper: String) throws -> (key: String, value: String)? {
        try configEntry(SQL.selectLastConfigInRange, from: lower, below: upper)
    }

    /// The one setting a range query (`sql`, bound to `lower` and `upper`) finds, or nil.
    private func configEntry(_ sql: String, from lower: String, below upper: String) throws -> (key: String, value: String)? {
        try checkOpen()
        try flushConfig()
        let s = try db.statement(sql)
        defer { s.reset() }
        try s.bind(1, lower)
        try s.bind(2, upper)
        return try s.step() ? (s.text(0), s.text(1)) : nil
    }

    /// Every setting whose key starts with `prefix`, ordered by key.
    public func configEntries(withPrefix prefix: String) throws -> [(key: String, value: String)] {
        try checkOpen()
        try flushConfig()
        let s = try db.statement(SQL.selectConfigWithPrefix)
        defer { s.reset() }
        try s.bind(1, prefix)
        try s.bind(2, prefix + "\u{10FFFF}")
        var result: [(key: String, value: String)] = []
        while try s.step() { result.append((s.text(0), s.text(1))) }
        return result
    }

    // MARK: Change log

    /// How many changes the log keeps (older ones are dropped as new ones are written).
    public static let changeLogLimit: Int64 = 10_000

    private func logChange(_ type: ChangeType, _ row: ObjectRow, encoded: [UInt8]?) throws {
        let s = try db.statement(SQL.insertChange)
        try s.bind([type.rawValue, row.resource, row.namespace, row.name, row.uid])
        try s.bind(6, row.resourceVersion)
        try s.bind(7, row.labels)
        try s.bind(8, row.cells)
        try s.bindData(9, row.data, encoded: encoded)
        try s.run()
        try pruneChangeLog()
    }

    /// Drops the oldest changes (every 64 entries) so the log keeps about `changeLogLimit` of them.
    private func pruneChangeLog() throws {
        let seq = db.lastInsertRowID
        if seq > StoreTransaction.changeLogLimit && seq % 64 == 0 {
            let p = try db.statement(SQL.pruneChanges)
            try p.bind(1, seq - StoreTransaction.changeLogLimit)
            try p.run()
        }
    }

    /// The changes of a resource after position `seq`, in the order they were committed.
    public func changes(resource: String, after seq: Int64) throws -> [Change] {
        try checkOpen()
        let s = try db.statement(SQL.selectChangesSince)
        defer { s.reset() }
        try s.bind(1, resource)
        try s.bind(2, seq)
        var out: [Change] = []
        while try s.step() {
            let row = try readRow(s, full: true, resource: nil, namespace: nil)
            out.append(Change(seq: s.int64(9), type: ChangeType(rawValue: s.text(10)) ?? .modified, row: row))
        }
        return out
    }

    /// The position of the latest change (0 when none), and of the oldest one still kept.
    public func changeLogBounds() throws -> (first: Int64, last: Int64) {
        try checkOpen()
        return (try db.scalarInt(SQL.firstChange), try db.scalarInt(SQL.lastChange))
    }

    // MARK: Deferred side tables

    /// A row inserted with `deferred: true`, as its side tables are to be written.
    struct PendingRow {
        var id: Int64
        var row: ObjectRow
        var encoded: [UInt8]?
        var owners: String
        /// Whether `encoded` is still to be computed (the row's state was only logged, as a delta).
        var encodeLater = false
    }

    static func pendingKey(_ resource: String, _ namespace: String, _ name: String) -> String {
        resource + "\u{1}" + namespace + "\u{1}" + name
    }

    /// The data, label, owner and field entries of a row whose `objects` row is written.
    private func writeSideTables(_ entry: PendingRow) throws {
        let d = try db.statement(SQL.insertData)
        try d.bind(1, entry.id)
        try d.bindData(2, entry.row.data, encoded: entry.encodeLater ? db.codec.encodeStored(entry.row.data, resource: entry.row.resource) : entry.encoded)
        try d.run()
        try writeLabels(id: entry.id, labels: entry.row.labels, replacing: false)
        try writeOwners(id: entry.id, owners: entry.owners, replacing: false)
        for field in storedFields(entry.row) { try runField(SQL.insertField, id: entry.id, field) }
    }

    /// `update` of a row whose side tables are not written yet: the row itself is rewritten and the
    /// entry waits with the new data, labels, owners and fields (an empty `fields` keeps the entry's).
    private func updatePending(_ entry: inout PendingRow, key: String, _ row: ObjectRow, expectedResourceVersion: Int64?) throws {
        if let expectedResourceVersion, expectedResourceVersion != entry.row.resourceVersion {
            throw StoreError.conflict(current: entry.row.resourceVersion)
        }
        let owners = encodeOwners(row.ownerUIDs)
        var next = row
        if next.fields.isEmpty { next.fields = entry.row.fields }
        try rewriteObjectRow(id: entry.id, row, owners: owners, fields: try encodeFields(storedFields(next)))
        let encoded = db.codec.encodeStored(row.data, resource: row.resource)
        entry.row = next
        entry.encoded = encoded
        entry.encodeLater = false
        entry.owners = owners
        setPending(entry, key: key)
        try logChange(.modified, row, encoded: encoded)
    }

    /// An update written with `deferred: true`, as its row is to be rewritten.
    struct PendingUpdate {
        var row: ObjectRow
        /// The state's encoding as logged (against `base` when there is one: not the row's encoding).
        var encoded: [UInt8]?
        /// The stored data the logged state was encoded against (`DeltaCodec`).
        var base: StoredData?
    }

    /// Rewrites the rows of every deferred update (`update(_:expectedResourceVersion:deferred:)`).
    func flushUpdates() throws {
        guard !pendingUpdates.isEmpty else { return }
        let keys = pendingUpdates.keys.sorted()
        for key in keys { try flushUpdate(key: key) }
    }

    private func flushUpdate(key: String) throws {
        guard let u = pendingUpdates.removeValue(forKey: key) else { return }
        try rewrite(try currentRow(resource: u.row.resource, namespace: u.row.namespace, name: u.row.name), with: u.row,
                    encoded: u.base == nil ? u.encoded : db.codec.encodeStored(u.row.data, resource: u.row.resource))
    }

    /// Writes the side tables of the deferred rows `which` picks (all by default), and the rows of the
    /// deferred updates (all of them: any read may meet one).
    func flushPending(_ which: (PendingRow) -> Bool = { _ in true }) throws {
        try flushUpdates()
        guard !pending.isEmpty else { return }
        // In row id order, as they would have been written.
        for (key, entry) in pending.filter({ which($0.value) }).sorted(by: { $0.value.id < $1.value.id }) {
            removePending(key)
            try writeSideTables(entry)
        }
    }

    /// `flushPending { $0.row.fields.contains(field) }`, through `pendingByField`.
    private func flushPending(holding field: IndexedField) throws {
        try flushUpdates()
        guard let keys = pendingByField[field], !keys.isEmpty else { return }
        for (key, entry) in keys.compactMap({ key in pending[key].map { (key, $0) } }).sorted(by: { $0.1.id < $1.1.id }) {
            removePending(key)
            try writeSideTables(entry)
        }
    }

    private func flushPending(key: String) throws {
        guard let entry = removePending(key) else { return }
        try writeSideTables(entry)
    }

    /// Puts a deferred row in `pending` (replacing the one with its key) and its fields in `pendingByField`.
    private func setPending(_ entry: PendingRow, key: String) {
        if let old = pending.updateValue(entry, forKey: key) {
            if old.row.fields == entry.row.fields { return }
            unindexPending(old, key: key)
        }
        for field in entry.row.fields { pendingByField[field, default: []].insert(key) }
    }

    /// Takes a deferred row out of `pending` and its fields out of `pendingByField`.
    @discardableResult
    private func removePending(_ key: String) -> PendingRow? {
        guard let entry = pending.removeValue(forKey: key) else { return nil }
        unindexPending(entry, key: key)
        return entry
    }

    private func unindexPending(_ entry: PendingRow, key: String) {
        for field in entry.row.fields {
            guard var keys = pendingByField.removeValue(forKey: field) else { continue }
            keys.remove(key)
            if !keys.isEmpty { pendingByField[field] = keys }
        }
    }

    /// Forgets the deferred rows (their savepoint or transaction was rolled back).
    func discardPending() {
        pending.removeAll()
        pendingByField.removeAll()
        pendingUpdates.removeAll()
        pendingConfig.removeAll()
        emptyRanges.removeAll()
        unsetConfig.removeAll()
        knownVersions.removeAll()
    }

    // MARK: Internals

    private struct Current {
        var id: Int64
        var resourceVersion: Int64
        var labels: String
        var owners: String
        /// `objects.fields` as stored.
        var fields: String
    }

    private func currentRow(resource: String, namespace: String, name: String, includingExpired: Bool = false) throws -> Current {
        let s = try db.statement(SQL.selectCurrentByKey)
        defer { s.reset() }
        try s.bind([resource, namespace, name])
        guard try s.step() else { throw StoreError.notFound }
        let current = Current(id: s.int64(0), resourceVersion: s.int64(1), labels: s.text(2), owners: s.text(3), fields: s.text(4))
        if !includingExpired && isExpired(resource, current.resourceVersion) { throw StoreError.notFound }
        return current
    }

    private func writeLabels(id: Int64, labels: String, replacing: Bool) throws {
        if replacing {
            let s = try db.statement(SQL.deleteLabels)
            try s.bind(1, id)
            try s.run()
        }
        guard labels != "{}" && !labels.isEmpty else { return }
        let s = try db.statement(SQL.insertLabels)
        try s.bind(1, id)
        try s.bind(2, labels)
        try s.run()
    }

    private func writeOwners(id: Int64, owners: String, replacing: Bool) throws {
        if replacing {
            let s = try db.statement(SQL.deleteOwners)
            try s.bind(1, id)
            try s.run()
        }
        guard owners != "[]" else { return }
        let s = try db.statement(SQL.insertOwners)
        try s.bind(1, id)
        try s.bind(2, owners)
        try s.run()
    }


    /// Reads every row of a SELECT over `SQL.summaryColumns` (+ data when `full`), then resets it.
    /// `resource`/`namespace`, when the query fixed them, are reused instead of re-read per row.
    private func rows(_ s: Statement, full: Bool, resource: String? = nil, namespace: String? = nil) throws -> [ObjectRow] {
        defer { s.reset() }
        var result: [ObjectRow] = []
        var lastNamespace = ""
        while try s.step() {
            var row = try readRow(s, full: full, resource: resource, namespace: namespace)
            if expiry != nil && isExpired(row.resource, row.resourceVersion) { continue }
            if namespace == nil {
                // Rows come grouped by namespace: share one string per group.
                if row.namespace == lastNamespace { row.namespace = lastNamespace } else { lastNamespace = row.namespace }
            }
            result.append(row)
        }
        return result
    }

    /// The current row of a SELECT over `SQL.summaryColumns` (+ data when `full`).
    func readRow(_ s: Statement, full: Bool, resource: String?, namespace: String?) throws -> ObjectRow {
        ObjectRow(
            resource: resource ?? s.text(0), namespace: namespace ?? s.text(1), name: s.text(2), uid: s.uid(3),
            resourceVersion: s.int64(4), labels: s.text(5), ownerUIDs: try decodeOwners(s.text(6)),
            cells: try s.data(7), data: full ? try s.data(8) : "")
    }

    /// Rewrites the objects row `id` (uid, resource version, labels, owners, cells and fields) from `row`,
    /// with its owners and fields already encoded.
    private func rewriteObjectRow(id: Int64, _ row: ObjectRow, owners: String, fields: String) throws {
        let s = try db.statement(SQL.updateObject)
        try s.bind(1, id)
        try s.bindUID(2, row.uid, row: id)
        try s.bind(3, row.resourceVersion)
        try s.bind(4, row.labels)
        try s.bind(5, owners)
        try s.bindCells(6, row.cells)
        try s.bind(7, fields)
        try s.run()
    }

    private func encodeOwners(_ uids: [String]) -> String {
        uids.isEmpty ? "[]" : JSONValue.array(uids.map { .string($0) }).compactJSON
    }

    private func decodeOwners(_ text: String) throws -> [String] {
        if text == "[]" || text.isEmpty { return [] }
        // Fast path for the usual case (no escapes): `["a","b"]` -> the odd fields between quotes.
        if !text.utf8.contains(UInt8(ascii: "\\")) && text.hasPrefix("[\"") && text.hasSuffix("\"]") {
            let fields = text.split(separator: "\"", omittingEmptySubsequences: false)
            return stride(from: 1, to: fields.count - 1, by: 2).map { String(fields[$0]) }
        }
        guard let array = (try? JSON.parse(text))?.array else {
            throw StoreError.corrupt("owner uids are not a JSON array: \(text)")
        }
        return try array.map {
            guard let s = $0.string else { throw StoreError.corrupt("owner uid is not a string: \(text)") }
            return s
        }
    }
}
