import Foundation
import GRDB
import NQ57API

/// A service's own SQLite database: one file under the service's folder, opened through
/// GRDB on the system SQLite in WAL mode, with the service's versioned migrations run
/// before it serves anything.
public final class ServiceDatabase: Sendable {
    /// The connection pool (one writer, concurrent readers).
    public let pool: DatabasePool
    /// The database file.
    public let path: String
    private let cachedHealth: DatabaseHealth

    /// Opens (creating if needed) the database at `path` and migrates it.
    ///
    /// Every service's migrator starts with the shared `0001_service_meta` migration, which
    /// records when and by which version the database was created.
    public init(path: String, migrations: (inout DatabaseMigrator) -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        let pool = try DatabasePool(path: path, configuration: configuration)

        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_service_meta") { db in
            try db.create(table: "service_meta") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO service_meta (key, value) VALUES ('createdAt', ?), ('createdByVersion', ?)",
                           arguments: [ISO8601DateFormatter().string(from: Date()), NQ57Version.current])
        }
        migrations(&migrator)
        try migrator.migrate(pool)

        self.pool = pool
        self.path = path
        self.cachedHealth = try pool.read { db in
            DatabaseHealth(path: path,
                           journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown",
                           migrations: try migrator.appliedMigrations(db))
        }
    }

    /// The database's state as of opening: journal mode and applied migrations (these do not
    /// change while the service runs, so health checks need not touch the disk).
    public var health: DatabaseHealth { cachedHealth }
}
