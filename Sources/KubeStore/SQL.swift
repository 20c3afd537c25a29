/// Every SQL statement the store runs, as named constants (kine's `generic.go` pattern).
/// Nothing outside this file spells SQL, so the schema can be read and changed in one place.
///
/// Schema layout (current version: `SQL.migrations.count`):
/// - `objects`: one current row per object (key = resource + namespace + name) holding only the
///   small columns a table listing needs; `object_data` holds the full JSON, so summary listings
///   never page through the big payloads.
/// - `object_owners`: (owner uid -> object) side index for garbage collection.
/// - `object_labels` (v2): (key, value -> object) side index for label-selector listing.
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

    /// Ordered migrations; index i brings the schema from version i to version i + 1.
    static let migrations: [String] = [schemaV1, migrateV2, migrateV3]
    static var currentVersion: Int32 { Int32(migrations.count) }

    // MARK: Connection and transactions

    static let readUserVersion = "PRAGMA user_version"
    static func setUserVersion(_ v: Int32) -> String { "PRAGMA user_version = \(v)" }
    static let synchronousNormal = "PRAGMA synchronous = NORMAL"
    /// Memory-mapped reads: a cold listing (every CLI run is cold) skips a read() + copy per page.
    static let mmapSize = "PRAGMA mmap_size = 268435456"
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
        "SELECT " + fullColumns + fromFull + " WHERE o.uid = ?1 ORDER BY o.resource, o.namespace, o.name LIMIT 1"
    static let selectCurrentByKey =
        "SELECT id, resource_version, labels, owners FROM objects WHERE resource = ?1 AND namespace = ?2 AND name = ?3"
    static let selectDependents =
        "SELECT " + fullColumns + " FROM object_owners w JOIN objects o ON o.id = w.object_id"
        + " JOIN object_data d ON d.id = o.id WHERE w.owner_uid = ?1 ORDER BY o.resource, o.namespace, o.name"
    static let selectSummariesInNamespace =
        "SELECT " + summaryColumns + fromSummary + " WHERE o.namespace = ?1 ORDER BY o.resource, o.name"
    static let selectNamespacesOfResource =
        "SELECT DISTINCT namespace FROM objects WHERE resource = ?1 ORDER BY namespace"
    static let countAll = "SELECT count(*) FROM objects WHERE resource = ?1"
    static let countInNamespace = "SELECT count(*) FROM objects WHERE resource = ?1 AND namespace = ?2"

    /// A list query: `?1` = resource, `?2` = namespace when `namespaced`, then the label
    /// requirements' parameters in order (see `LabelRequirement.parameters`).
    /// Only constant fragments are concatenated; values are always bound.
    static func selectList(full: Bool, namespaced: Bool, labels: [LabelRequirement]) -> String {
        var sql = "SELECT " + (full ? fullColumns + fromFull : summaryColumns + fromSummary)
        sql += namespaced ? " WHERE o.resource = ?1 AND o.namespace = ?2" : " WHERE o.resource = ?1"
        for requirement in labels {
            sql += " AND " + labelCondition(requirement)
        }
        sql += namespaced ? " ORDER BY o.name" : " ORDER BY o.namespace, o.name"
        return sql
    }

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
        INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, owners, cells)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        """
    static let insertData = "INSERT INTO object_data (id, data) VALUES (?1, ?2)"
    static let updateObject = """
        UPDATE objects SET uid = ?2, resource_version = ?3, labels = ?4, owners = ?5, cells = ?6 WHERE id = ?1
        """
    static let updateData = "UPDATE object_data SET data = ?2 WHERE id = ?1"
    static let deleteObject = "DELETE FROM objects WHERE id = ?1"
    static let deleteData = "DELETE FROM object_data WHERE id = ?1"

    static let insertOwners =
        "INSERT OR IGNORE INTO object_owners (owner_uid, object_id) SELECT value, ?1 FROM json_each(?2)"
    static let deleteOwners = "DELETE FROM object_owners WHERE object_id = ?1"
    static let insertLabels =
        "INSERT OR IGNORE INTO object_labels (key, value, object_id) SELECT key, value, ?1 FROM json_each(?2)"
    static let deleteLabels = "DELETE FROM object_labels WHERE object_id = ?1"

    // MARK: Counters and config

    static let nextResourceVersion =
        "UPDATE counters SET value = value + 1 WHERE name = 'resourceVersion' RETURNING value"
    static let currentResourceVersion = "SELECT value FROM counters WHERE name = 'resourceVersion'"
    static let selectConfig = "SELECT value FROM config WHERE key = ?1"
    static let upsertConfig =
        "INSERT INTO config (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    static let deleteConfig = "DELETE FROM config WHERE key = ?1"
    static let selectConfigWithPrefix =
        "SELECT key, value FROM config WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key"
}
