import Foundation
import GRDB
import NQ57Runtime

/// A service's database made by an older release, then opened by this one.
///
/// The old database is built by the service's own migrator stopped at a named migration (GRDB's
/// `migrate(_:upTo:)`), so no frozen copy of old schemas is kept: the name is all a test states.
struct UpgradeFixture {
    /// Every row of every table, column by column, as SQLite stores it.
    typealias Snapshot = [String: [[String: DatabaseValue]]]

    let path: String

    /// A fresh database file in a new temporary folder.
    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("service.sqlite").path
    }

    /// Creates the database with `definition`'s migrations up to and including `lastMigration`, then
    /// runs `rows` (SQL inserts, in one transaction) and returns every row it holds.
    func makeOld(_ definition: ServiceDefinition, upTo lastMigration: String, rows: String) throws -> Snapshot {
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        // As ServiceDatabase registers it: each service's list starts with this shared migration.
        migrator.registerMigration("0001_service_meta") { db in
            try db.execute(sql: """
                CREATE TABLE service_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO service_meta (key, value) VALUES ('createdAt', '2025-11-19T02:00:00Z'), ('createdByVersion', 'main-7d8b0ae');
                """)
        }
        definition.migrations(&migrator)
        try migrator.migrate(queue, upTo: lastMigration)
        try queue.write { db in try db.execute(sql: rows) }
        let snapshot = try queue.read(Self.snapshot)
        try queue.close()
        return snapshot
    }

    /// Opens the database as the service does today (every migration run), and returns it.
    func upgrade(_ definition: ServiceDefinition) throws -> ServiceDatabase {
        try ServiceDatabase(path: path, migrations: definition.migrations)
    }

    /// Every row of every table of `db` (SQLite's and GRDB's own tables aside), in rowid order.
    static func snapshot(_ db: Database) throws -> Snapshot {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name
            """)
        var snapshot: Snapshot = [:]
        for table in tables {
            snapshot[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid").map { row in
                Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0] as DatabaseValue) })
            }
        }
        return snapshot
    }

    /// The rows of `old`'s tables as `database` holds them now, limited to the columns `old` had
    /// (later migrations may add columns, never lose these).
    static func rows(of old: Snapshot, in database: ServiceDatabase) throws -> Snapshot {
        try database.pool.read { db in
            var now: Snapshot = [:]
            for (table, rows) in old {
                guard let columns = rows.first?.keys.sorted() else { now[table] = []; continue }
                let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                now[table] = try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid").map { row in
                    Dictionary(uniqueKeysWithValues: columns.map { ($0, row[$0] as DatabaseValue) })
                }
            }
            return now
        }
    }
}
