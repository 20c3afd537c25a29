/// Every SQL statement the store runs, as named constants (kine's `generic.go` pattern).
/// Nothing outside this file spells SQL, so the schema can be read and changed in one place.
///
/// Schema layout (current version: `SQL.migrations.count`):
/// - `objects`: one current row per object (key = resource + namespace + name) holding only the
///   small columns a table listing needs; `object_data` holds the full JSON, so summary listings
///   never page through the big payloads.
/// - `object_owners`: (owner uid -> object) side index for garbage collection.
/// - `object_labels` (v2): (key, value -> object) side index for label-selector listing.
/// - `object_fields` (v4): (field, value -> object) side index for field selectors and controllers;
///   `field_counts` counts the objects per value of the `#` fields. Since v8 each row lists its own
///   entries (`objects.fields`, names coded by `field_names`) instead of a by-object index.
/// - `object_aliases` (v8): a 64-bit hash -> object, for lookups by a computed key (the event correlator).
/// - `config`: small key/value settings; `counters`: the store-wide resource version.
/// Later versions add columns with `ALTER TABLE ... ADD COLUMN` (with a default) or new side tables
/// plus a backfill, appended to `migrations`; a migration never edits an earlier one.
enum SQL {
    // MARK: Schema

    /// Version 1: the original schema. Kept verbatim so older stores replay to the same layout.
    static let schemaV1 = """
        CREATE TABLE objects (
            id INTEGER PRIMARY KEY,
            resource TEXT NOT NULL,
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            uid TEXT NOT NULL,
            resource_version INTEGER NOT NULL,
            labels TEXT NOT NULL DEFAULT '{}',
            owners TEXT NOT NULL DEFAULT '[]',
            cells TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX objects_by_key ON objects (resource, namespace, name);
        CREATE INDEX objects_by_uid ON objects (uid);
        CREATE TABLE object_data (
            id INTEGER PRIMARY KEY,
            data TEXT NOT NULL
        );
        CREATE TABLE object_owners (
            owner_uid TEXT NOT NULL,
            object_id INTEGER NOT NULL,
            PRIMARY KEY (owner_uid, object_id)
        ) WITHOUT ROWID;
        CREATE INDEX object_owners_by_object ON object_owners (object_id);
        CREATE TABLE config (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO counters (name, value) VALUES ('resourceVersion', 0);
        """

    /// Version 2: a label index, backfilled from `objects.labels`.
    static let migrateV2 = """
        CREATE TABLE object_labels (
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            object_id INTEGER NOT NULL,
            PRIMARY KEY (key, value, object_id)
        ) WITHOUT ROWID;
        CREATE INDEX object_labels_by_object ON object_labels (object_id);
        INSERT OR IGNORE INTO object_labels (key, value, object_id)
            SELECT j.key, j.value, o.id FROM objects o, json_each(o.labels) j;
        """

    /// v3: a covering index for table listings, so `get` on a large store reads rows in key order
    /// straight from the index instead of looking each one up in the table.
    static let migrateV3 = """
        CREATE INDEX objects_listing ON objects (resource, namespace, name, uid, resource_version, labels, owners, cells);
        """

    /// v4: a field index, (field name, value -> object), for the fields the API layer picks (field
    /// selectors such as `spec.nodeName`, and what the controllers look up). Fields whose name starts
    /// with `#` are also counted per value in `field_counts` (by triggers, so every write keeps them
    /// exact). The backfill covers the fields the API layer indexed when v4 was written: pods'
    /// `spec.nodeName`, `status.phase` and `#activeNode` (the node of a pod that is not Succeeded or
    /// Failed, "" while unscheduled), events' `involvedObject.uid`.
    static let migrateV4 = """
        CREATE TABLE object_fields (
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            object_id INTEGER NOT NULL,
            PRIMARY KEY (name, value, object_id)
        ) WITHOUT ROWID;
        CREATE INDEX object_fields_by_object ON object_fields (object_id);
        CREATE TABLE field_counts (
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (name, value)
        ) WITHOUT ROWID;
        CREATE TRIGGER field_counts_insert AFTER INSERT ON object_fields WHEN substr(new.name, 1, 1) = '#' BEGIN
            INSERT INTO field_counts (name, value, n) VALUES (new.name, new.value, 1)
                ON CONFLICT (name, value) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER field_counts_delete AFTER DELETE ON object_fields WHEN substr(old.name, 1, 1) = '#' BEGIN
            UPDATE field_counts SET n = n - 1 WHERE name = old.name AND value = old.value;
            DELETE FROM field_counts WHERE name = old.name AND value = old.value AND n <= 0;
        END;
        INSERT INTO object_fields (name, value, object_id)
            SELECT 'spec.nodeName', coalesce(json_extract(d.data, '$.spec.nodeName'), ''), o.id
            FROM objects o JOIN object_data d ON d.id = o.id WHERE o.resource = '/pods';
        INSERT INTO object_fields (name, value, object_id)
            SELECT 'status.phase', coalesce(json_extract(d.data, '$.status.phase'), ''), o.id
            FROM objects o JOIN object_data d ON d.id = o.id WHERE o.resource = '/pods';
        INSERT INTO object_fields (name, value, object_id)
            SELECT '#activeNode', coalesce(json_extract(d.data, '$.spec.nodeName'), ''), o.id
            FROM objects o JOIN object_data d ON d.id = o.id WHERE o.resource = '/pods'
            AND coalesce(json_extract(d.data, '$.status.phase'), '') NOT IN ('Succeeded', 'Failed');
        INSERT INTO object_fields (name, value, object_id)
            SELECT 'involvedObject.uid', coalesce(json_extract(d.data, '$.involvedObject.uid'), ''), o.id
            FROM objects o JOIN object_data d ON d.id = o.id WHERE o.resource = '/events';
        """

    /// Version 5: the change log `get -w` reads (every insert, update and delete in commit order, with
    /// the object as it was written, or its last state for a delete), bounded to the latest
    /// `StoreTransaction.changeLogLimit` entries.
    static let migrateV5 = """
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL,
            resource TEXT NOT NULL,
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            uid TEXT NOT NULL,
            resource_version INTEGER NOT NULL,
            labels TEXT NOT NULL,
            cells TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX changes_by_resource ON changes (resource, seq);
        """

    /// Version 6: compact rows. Objects' JSON is written compressed (`DataCodec`; rows stored as TEXT
    /// before stay readable as they are), and the covering listing index of v3 goes: it held a second
    /// copy of every row's labels, owners and cells, while a listing in key order reads them from the
    /// table through `objects_by_key` at nearly the same speed.
    static let migrateV6 = """
        DROP INDEX IF EXISTS objects_listing;
        """

    /// Version 7: events are indexed by `involvedObject.name` too (`events --for`, field selectors),
    /// backfilled from the stored objects (`object_text` expands v6's compressed rows). Only the name:
    /// it picks out one object's few events, whose kind and namespace are then checked on the objects,
    /// and each further field would cost every event two more index entries.
    static let migrateV7 = """
        INSERT OR IGNORE INTO object_fields (name, value, object_id)
            SELECT 'involvedObject.name', coalesce(json_extract(object_text(d.data), '$.involvedObject.name'), ''), o.id
            FROM objects o JOIN object_data d ON d.id = o.id WHERE o.resource = '/events';
        """

    /// Version 8: a smaller store (about 2 KB less per pod with its four events). What each row's
    /// field-index entries are is kept in the row itself (`objects.fields`: `code:length:value` per
    /// field, codes from `field_names`), so the by-object copy of the field index goes; events are
    /// indexed by `involvedObject.name` only (their uid entries go: `describe` finds an object's events
    /// by its name and keeps those with its uid); uids in the API server's form are kept as 16 bytes
    /// (`UIDCodec`, `uid_key`); events keep no table cells (the API layer computes them when it reads
    /// an event's row) and other long cells are deflated (`compact_cells`, format 3); the event
    /// correlator's keys move from `config` (`event.key/<namespace>/<hash>` -> event name) to
    /// `object_aliases` (a 64-bit hash of the same text -> row id).
    static let migrateV8 = """
        CREATE TABLE field_names (
            code INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        DELETE FROM object_fields WHERE name = 'involvedObject.uid';
        INSERT INTO field_names (name) SELECT DISTINCT name FROM object_fields ORDER BY name;
        ALTER TABLE objects ADD COLUMN fields TEXT NOT NULL DEFAULT '';
        UPDATE objects SET uid = uid_key(uid), cells = CASE resource WHEN '/events' THEN '' ELSE compact_cells(cells) END,
            fields = coalesce((
            SELECT group_concat(n.code || ':' || length(CAST(f.value AS BLOB)) || ':' || f.value, '')
            FROM object_fields f JOIN field_names n ON n.name = f.name WHERE f.object_id = objects.id), '');
        DROP INDEX object_fields_by_object;
        CREATE TABLE object_aliases (
            hash INTEGER PRIMARY KEY,
            object_id INTEGER NOT NULL
        );
        INSERT OR REPLACE INTO object_aliases (hash, object_id)
            SELECT fnv64a(substr(c.key, 11)), o.id FROM config c JOIN objects o ON o.resource = '/events'
            AND o.namespace = substr(c.key, 11, instr(substr(c.key, 11), '/') - 1) AND o.name = c.value
            WHERE c.key >= 'event.key/' AND c.key < 'event.key0';
        DELETE FROM config WHERE key >= 'event.key/' AND key < 'event.key0';
        """

    /// Version 9: no table changes; events of the recorders' usual shapes are stored in data format 5
    /// (`EventCodec`: their string values coded by what they are, no deflate stream), which a build of
    /// v8 could not read, so such a build refuses the store (`schemaTooNew`). Rows stay as written.
    static let migrateV9 = "SELECT 1"

    /// Version 10: no table changes; a state only logged (a pod's Terminating state, its stopped status
    /// and its grace-0 delete when the pod goes in the same request) is stored in data format 6
    /// (`DeltaCodec`: the stored object's data and the edits that make the state), which a build of v9
    /// could not read, so such a build refuses the store (`schemaTooNew`). Rows stay as written.
    static let migrateV10 = "SELECT 1"

    /// Version 11: no table changes; an event whose name carries its `involvedObject.name` (the
    /// recorders' `<name>.<hex>`) is written without that field-index entry (`NameDerivedField`), and a
    /// lookup of the field reads the name's key range too. A build of v10 would miss such events in
    /// `events --for`, `describe` and field selectors, so it refuses the store. Rows written before keep
    /// their entries (found as before) until they are next written.
    static let migrateV11 = "SELECT 1"

    /// Version 12: no table changes; a pod's routine kubelet events (`Pulling`, `Pulled`, `Created`,
    /// `Started`) recorded in the transaction that created the pod are written without a correlator
    /// alias (`object_aliases`), and the recorder finds such an event by the pod's name when the alias
    /// finds none. A build of v11 would record a repeat of one as a new event instead of counting it, so
    /// it refuses the store. Aliases written before stay and are used first.
    static let migrateV12 = "SELECT 1"

    /// Version 13: an object created through the API (`StoreTransaction.rowUID`) has a uid naming its
    /// row (`RowUID`), kept as 17 bytes; `objects_by_uid` holds only the other uids (those given by a
    /// restore, of stores written before), and `get(uid:)` finds the rest by the row id their uid names.
    /// A pod and its four events write no uid index entry. A build of v12 would not find such rows by
    /// uid (owner checks), so it refuses the store. Rows written before keep their uids and entries.
    static let migrateV13 = """
        DROP INDEX objects_by_uid;
        CREATE INDEX objects_by_uid ON objects (uid) WHERE \(uidIndexed);
        """

    /// The condition of `objects_by_uid` (v13): a uid that is not a marked 17-byte one. A query uses the
    /// index only when its WHERE clause holds this very term.
    static let uidIndexed = "typeof(uid) <> 'blob' OR length(uid) <> \(RowUID.markedLength)"

    /// Ordered migrations; index i brings the schema from version i to version i + 1.
    static let migrations: [String] = [schemaV1, migrateV2, migrateV3, migrateV4, migrateV5, migrateV6, migrateV7,
                                       migrateV8, migrateV9, migrateV10, migrateV11, migrateV12, migrateV13]
    static var currentVersion: Int32 { Int32(migrations.count) }

    // MARK: Connection and transactions

    static let readUserVersion = "PRAGMA user_version"
    static func setUserVersion(_ v: Int32) -> String { "PRAGMA user_version = \(v)" }
    static let synchronousNormal = "PRAGMA synchronous = NORMAL"
    /// No memory-mapped reads: mapped pages count in the process's resident memory, so a listing of a
    /// large store would grow to the mapping's size; read() through SQLite's small page cache keeps
    /// every command's memory flat at a small cost in speed.
    static let mmapSize = "PRAGMA mmap_size = 0"
    /// The page cache of a run of large write transactions (`Store.withLargeWriteCache`), in KiB, and
    /// SQLite's default one.
    static let cacheSizeLarge = "PRAGMA cache_size = -8192"
    static let cacheSizeDefault = "PRAGMA cache_size = -2000"
    /// Temporary files (savepoint journals) in memory, and back to the compiled-in default.
    static let tempStoreMemory = "PRAGMA temp_store = MEMORY"
    static let tempStoreDefault = "PRAGMA temp_store = DEFAULT"
    static let journalModeWAL = "PRAGMA journal_mode = WAL"
    static let beginImmediate = "BEGIN IMMEDIATE"
    static let beginDeferred = "BEGIN DEFERRED"
    static let commit = "COMMIT"
    static let rollback = "ROLLBACK"
    static let savepoint = "SAVEPOINT nested"
    static let releaseSavepoint = "RELEASE nested"
    static let rollbackToSavepoint = "ROLLBACK TO nested"
    static let integrityCheck = "PRAGMA integrity_check"
    /// Copies the WAL into the main file and truncates it, so later opens need no WAL recovery.
    static let checkpointTruncate = "PRAGMA wal_checkpoint(TRUNCATE)"

    // MARK: Change log

    static let insertChange = """
        INSERT INTO changes (type, resource, namespace, name, uid, resource_version, labels, cells, data)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """
    /// Logs the deletion of object `?1` with its row as stored (the data copied without decoding).
    static let insertDeletionChange = """
        INSERT INTO changes (type, resource, namespace, name, uid, resource_version, labels, cells, data)
        SELECT 'DELETED', o.resource, o.namespace, o.name, o.uid, o.resource_version, o.labels, o.cells, d.data
        FROM objects o JOIN object_data d ON d.id = o.id WHERE o.id = ?1
        """
    static let pruneChanges = "DELETE FROM changes WHERE seq <= ?1"
    /// An object's data as stored (the base of a logged state, `DeltaCodec`).
    static let selectDataByID = "SELECT data FROM object_data WHERE id = ?1"
    /// Same column order as `fullColumns` (owners empty), then seq and type.
    static let selectChangesSince = """
        SELECT resource, namespace, name, uid, resource_version, labels, '[]', cells, data, seq, type
        FROM changes WHERE resource = ?1 AND seq > ?2 ORDER BY seq
        """
    static let lastChange = "SELECT coalesce(max(seq), 0) FROM changes"
    static let firstChange = "SELECT coalesce(min(seq), 0) FROM changes"

    // MARK: Objects

    /// Column order shared by every row-returning SELECT: see `StoreTransaction.readRow`.
    static let summaryColumns =
        "o.resource, o.namespace, o.name, o.uid, o.resource_version, o.labels, o.owners, o.cells"
    static let fullColumns = summaryColumns + ", d.data"
    static let fromFull = " FROM objects o JOIN object_data d ON d.id = o.id"
    static let fromSummary = " FROM objects o"

    static let selectByKey =
        "SELECT " + fullColumns + fromFull + " WHERE o.resource = ?1 AND o.namespace = ?2 AND o.name = ?3"
    static let selectByUID =
        "SELECT " + fullColumns + fromFull + " WHERE o.uid = ?1 AND (" + uidIndexed + ") ORDER BY o.resource, o.namespace, o.name LIMIT 1"
    /// The row with id `?1` (v13: the row a uid names, `RowUID`).
    static let selectByID = "SELECT " + fullColumns + fromFull + " WHERE o.id = ?1"
    static let selectVersionByKey =
        "SELECT resource_version FROM objects WHERE resource = ?1 AND namespace = ?2 AND name = ?3"
    static let selectCurrentByKey =
        "SELECT id, resource_version, labels, owners, fields FROM objects WHERE resource = ?1 AND namespace = ?2 AND name = ?3"
    static let selectDependents =
        "SELECT " + fullColumns + " FROM object_owners w JOIN objects o ON o.id = w.object_id"
        + " JOIN object_data d ON d.id = o.id WHERE w.owner_uid = ?1 ORDER BY o.resource, o.namespace, o.name"
    static let selectDependentSummaries =
        "SELECT " + summaryColumns + " FROM object_owners w JOIN objects o ON o.id = w.object_id"
        + " WHERE w.owner_uid = ?1 ORDER BY o.resource, o.namespace, o.name"
    static let selectSummariesInNamespace =
        "SELECT " + summaryColumns + fromSummary + " WHERE o.namespace = ?1 ORDER BY o.resource, o.name"
    static let selectNamespacesOfResource =
        "SELECT DISTINCT namespace FROM objects WHERE resource = ?1 ORDER BY namespace"
    /// The highest row id (0 in an empty store): the id the next insert is given, less one.
    static let maxObjectID = "SELECT coalesce(max(id), 0) FROM objects"
    /// Summary rows of `?3` whose row id is in `?1 ..< ?2`, in id order (insertion order), the id last.
    /// Id-range reads walk the row ids: `+o.resource` keeps SQLite off the (resource, namespace, name)
    /// index, which would read every row of the resource (400,000 events in a 100,000-pod store).
    static let selectSummariesByIDRange =
        "SELECT " + summaryColumns + ", o.id" + fromSummary + " WHERE o.id >= ?1 AND o.id < ?2 AND +o.resource = ?3 ORDER BY o.id"
    /// A TTL sweep's expired rows: `?3` rows with ids in `?1 ..< ?2` and a resource version below `?4`,
    /// without a setting `?5 || namespace || '/' || name` (an expiry timer of their own).
    static let expiredCondition = " WHERE o.id >= ?1 AND o.id < ?2 AND +o.resource = ?3 AND o.resource_version < ?4"
        + " AND NOT EXISTS (SELECT 1 FROM config c WHERE c.key = ?5 || o.namespace || '/' || o.name)"
    static let selectExpired = "SELECT o.id, o.fields, o.labels, o.owners FROM objects o" + expiredCondition + " ORDER BY o.id"
    static let logExpired = """
        INSERT INTO changes (type, resource, namespace, name, uid, resource_version, labels, cells, data)
        SELECT 'DELETED', o.resource, o.namespace, o.name, o.uid, o.resource_version, o.labels, o.cells, d.data
        FROM objects o JOIN object_data d ON d.id = o.id
        """ + expiredCondition + " ORDER BY o.id"
    static let deleteExpiredData = "DELETE FROM object_data WHERE id IN (SELECT o.id FROM objects o" + expiredCondition + ")"
    static let deleteExpiredObjects = "DELETE FROM objects WHERE id IN (SELECT o.id FROM objects o" + expiredCondition + ")"
    static let countAll = "SELECT count(*) FROM objects WHERE resource = ?1"
    static let countInNamespace = "SELECT count(*) FROM objects WHERE resource = ?1 AND namespace = ?2"
    /// The counts without expired rows: those with a resource version below the last parameter.
    static let countAllFrom = "SELECT count(*) FROM objects WHERE resource = ?1 AND resource_version >= ?2"
    static let countInNamespaceFrom = "SELECT count(*) FROM objects WHERE resource = ?1 AND namespace = ?2 AND resource_version >= ?3"

    /// A list query: `?1` = resource, `?2` = namespace when `namespaced`, then the label
    /// requirements' parameters in order (see `LabelRequirement.parameters`).
    /// Only constant fragments are concatenated; values are always bound.
    /// With `driver` `.keyOrder` the query reads every object of the resource (in the namespace) in key
    /// order and checks each against the terms; with `.label(i)` or `.field(i)` it starts from the index
    /// entries of that equality term (`labels[i]` or `fields[i]`), looks each object up by its row id and
    /// sorts the few found by key (`StoreTransaction.listDriver` picks it when few entries match).
    ///
    /// `derived` (schema v10): terms on `NameDerivedField.field` also match the rows whose name carries
    /// the value (`derivedFieldCondition`, six parameters: the field, then its value five times); with
    /// driver `.derived` the query starts from the row ids that condition picks.
    static func selectList(full: Bool, namespaced: Bool, labels: [LabelRequirement],
                           fields: [FieldTerm] = [], driver: ListDriver = .keyOrder, minVersion: Bool = false,
                           derived: Bool = false) -> String {
        var sql = "SELECT " + (full ? fullColumns : summaryColumns)
        switch driver {
        case .keyOrder, .derived: sql += full ? fromFull : fromSummary
        case .label: sql += " FROM object_labels x CROSS JOIN objects o" + (full ? " JOIN object_data d ON d.id = o.id" : "")
        case .field: sql += " FROM object_fields x CROSS JOIN objects o" + (full ? " JOIN object_data d ON d.id = o.id" : "")
        }
        if driver == .derived {
            // `+`: not from the key index (every row of the namespace), but by the row ids the term picks.
            sql += namespaced ? " WHERE +o.resource = ?1 AND +o.namespace = ?2" : " WHERE +o.resource = ?1"
        } else {
            sql += namespaced ? " WHERE o.resource = ?1 AND o.namespace = ?2" : " WHERE o.resource = ?1"
        }
        if driver != .keyOrder && driver != .derived { sql += " AND o.id = x.object_id" }
        for (i, requirement) in labels.enumerated() {
            sql += " AND " + (driver == .label(i) ? "x.key = ? AND x.value = ?" : labelCondition(requirement))
        }
        for (i, requirement) in fields.enumerated() {
            if derived, case let name = requirement.parameters[0], name == NameDerivedField.field {
                if case .equals = requirement {
                    sql += " AND o.id IN (" + derivedFieldIDs(namespaced: namespaced) + ")"
                } else {
                    sql += " AND o.id NOT IN (" + derivedFieldIDs(namespaced: namespaced) + ")"
                }
                continue
            }
            sql += " AND " + (driver == .field(i) ? "x.name = ? AND x.value = ?" : fieldCondition(requirement))
        }
        // Expired rows (`StoreTransaction.expiry`): the floor is the last parameter.
        if minVersion { sql += " AND o.resource_version >= ?" }
        sql += namespaced ? " ORDER BY o.name" : " ORDER BY o.namespace, o.name"
        return sql
    }

    /// Where a list query starts (see `selectList`).
    enum ListDriver: Equatable {
        case keyOrder, label(Int), field(Int), derived
    }

    /// The row ids whose field `?` (`NameDerivedField.field`) has the value `?`: those of the field
    /// index's entries, and the rows of resource `?1` (in namespace `?2`, or in each namespace holding
    /// such rows, found one index seek each) without entries whose name is the value, a dot and 1 to 16
    /// lowercase hexadecimal digits (`NameDerivedField`): a key range of the namespace. The value is
    /// bound five times.
    static func derivedFieldIDs(namespaced: Bool) -> String {
        let namespaces = namespaced ? "namespace = ?2" : """
            namespace IN (WITH RECURSIVE ns(n) AS (SELECT (SELECT min(namespace) FROM objects WHERE resource = ?1) \
            UNION ALL SELECT (SELECT min(namespace) FROM objects WHERE resource = ?1 AND namespace > n) FROM ns \
            WHERE n IS NOT NULL) SELECT n FROM ns WHERE n IS NOT NULL)
            """
        return "SELECT object_id FROM object_fields WHERE name = ? AND value = ? UNION ALL SELECT id FROM objects"
            + " WHERE resource = ?1 AND " + namespaces + " AND fields = '' AND name >= (? || '.') AND name < (? || '/')"
            + " AND length(name) - length(?) BETWEEN 2 AND 17 AND substr(name, length(?) + 2) NOT GLOB '*[^0-9a-f]*'"
    }

    /// How many entries (up to `?3`) the label or field index holds for one key and value.
    static let countLabelEntries =
        "SELECT count(*) FROM (SELECT 1 FROM object_labels WHERE key = ?1 AND value = ?2 LIMIT ?3)"
    static let countFieldEntries =
        "SELECT count(*) FROM (SELECT 1 FROM object_fields WHERE name = ?1 AND value = ?2 LIMIT ?3)"

    private static let labelMatchKeyValue = "SELECT object_id FROM object_labels WHERE key = ? AND value = ?"
    private static let labelMatchKey = "SELECT object_id FROM object_labels WHERE key = ?"

    static func labelCondition(_ requirement: LabelRequirement) -> String {
        switch requirement {
        case .equals: return "o.id IN (" + labelMatchKeyValue + ")"
        case .notEquals: return "o.id NOT IN (" + labelMatchKeyValue + ")"
        case .in(_, let values): return "o.id IN (" + labelMatchKeyInValues(values.count) + ")"
        case .notIn(_, let values): return "o.id NOT IN (" + labelMatchKeyInValues(values.count) + ")"
        case .exists: return "o.id IN (" + labelMatchKey + ")"
        case .doesNotExist: return "o.id NOT IN (" + labelMatchKey + ")"
        }
    }

    private static func labelMatchKeyInValues(_ n: Int) -> String {
        labelMatchKey + " AND value IN (" + Array(repeating: "?", count: n).joined(separator: ", ") + ")"
    }

    static let insertObject = """
        INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, owners, cells, fields)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """
    static let insertData = "INSERT INTO object_data (id, data) VALUES (?1, ?2)"
    static let updateObject = """
        UPDATE objects SET uid = ?2, resource_version = ?3, labels = ?4, owners = ?5, cells = ?6, fields = ?7 WHERE id = ?1
        """
    static let updateData = "UPDATE object_data SET data = ?2 WHERE id = ?1"
    static let updateUID = "UPDATE objects SET uid = ?2 WHERE id = ?1"
    static let deleteObject = "DELETE FROM objects WHERE id = ?1"
    static let deleteData = "DELETE FROM object_data WHERE id = ?1"

    static let insertOwners =
        "INSERT OR IGNORE INTO object_owners (owner_uid, object_id) SELECT value, ?1 FROM json_each(?2)"
    static let deleteOwners = "DELETE FROM object_owners WHERE object_id = ?1"
    static let insertLabels =
        "INSERT OR IGNORE INTO object_labels (key, value, object_id) SELECT key, value, ?1 FROM json_each(?2)"
    static let deleteLabels = "DELETE FROM object_labels WHERE object_id = ?1"

    // MARK: Field index

    static let insertField = "INSERT OR IGNORE INTO object_fields (name, value, object_id) VALUES (?2, ?3, ?1)"
    static let deleteField = "DELETE FROM object_fields WHERE name = ?2 AND value = ?3 AND object_id = ?1"
    static let selectFieldCode = "SELECT code FROM field_names WHERE name = ?1"
    static let insertFieldName = "INSERT INTO field_names (name) VALUES (?1)"
    static let selectFieldNames = "SELECT code, name FROM field_names"

    // MARK: Aliases (v8)

    /// The object a 64-bit hash names (`StoreTransaction.get(alias:)`), with the columns of `fullColumns`
    /// (data NULL for a row whose data is not written yet: `StoreTransaction.insert(_:alias:deferred:)`).
    static let selectByAlias =
        "SELECT " + fullColumns + " FROM object_aliases a JOIN objects o ON o.id = a.object_id"
        + " LEFT JOIN object_data d ON d.id = o.id WHERE a.hash = ?1"
    /// The row an alias names, without its data.
    static let selectSummaryByAlias =
        "SELECT " + summaryColumns + " FROM object_aliases a JOIN objects o ON o.id = a.object_id WHERE a.hash = ?1"
    static let upsertAlias = "INSERT OR REPLACE INTO object_aliases (hash, object_id) VALUES (?1, ?2)"
    static let selectFieldCounts = "SELECT value, n FROM field_counts WHERE name = ?1 ORDER BY value"
    static let selectFieldCount = "SELECT n FROM field_counts WHERE name = ?1 AND value = ?2"
    /// A page of `resource`'s objects whose field `?2` has the value `?3`, in the order they were
    /// created (row id), after row id `?4`.
    static let selectKeysByField = """
        SELECT f.object_id, o.namespace, o.name FROM object_fields f JOIN objects o ON o.id = f.object_id
        WHERE f.name = ?2 AND f.value = ?3 AND f.object_id > ?4 AND o.resource = ?1 ORDER BY f.object_id LIMIT ?5
        """

    /// A field condition on `o.id` (equality or inequality of one field's value).
    static func fieldCondition(_ requirement: FieldTerm) -> String {
        switch requirement {
        case .equals: return "o.id IN (SELECT object_id FROM object_fields WHERE name = ? AND value = ?)"
        case .notEquals: return "o.id NOT IN (SELECT object_id FROM object_fields WHERE name = ? AND value = ?)"
        }
    }

    // MARK: Counters and config

    static let storeResourceVersion = "UPDATE counters SET value = ?1 WHERE name = 'resourceVersion'"
    static let currentResourceVersion = "SELECT value FROM counters WHERE name = 'resourceVersion'"
    static let selectConfig = "SELECT value FROM config WHERE key = ?1"
    static let upsertConfig =
        "INSERT INTO config (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    static let deleteConfig = "DELETE FROM config WHERE key = ?1"
    /// `?2` is an upper bound past every key that starts with `?1`, so the key index answers the range
    /// instead of a scan of every setting.
    static let selectFirstConfigInRange = "SELECT key, value FROM config WHERE key >= ?1 AND key < ?2 ORDER BY key LIMIT 1"
    static let selectConfigKeysInRange = "SELECT key FROM config WHERE key >= ?1 AND key < ?2 ORDER BY key LIMIT ?3"
    static let selectLastConfigInRange = "SELECT key, value FROM config WHERE key >= ?1 AND key < ?2 ORDER BY key DESC LIMIT 1"
    static let selectConfigWithPrefix =
        "SELECT key, value FROM config WHERE key >= ?1 AND key < ?2 AND substr(key, 1, length(?1)) = ?1 ORDER BY key"
}
