import Foundation
import GRDB
import Testing
@testable import NQ57Runtime

/// Each service's database: WAL, versioned migrations run once, in order.
struct ServiceDatabaseTests {
    @Test("A new database is in WAL mode with the shared and the service's migrations applied, once")
    func migrates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-db-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("svc/svc.sqlite").path
        let migrations: (inout DatabaseMigrator) -> Void = { migrator in
            migrator.registerMigration("0002_things") { db in
                try db.create(table: "thing") { $0.autoIncrementedPrimaryKey("id"); $0.column("name", .text) }
                try db.execute(sql: "INSERT INTO thing (name) VALUES ('một')")
            }
        }
        let first = try ServiceDatabase(path: path, migrations: migrations)
        #expect(first.health.journalMode == "wal")
        #expect(first.health.migrations == ["0001_service_meta", "0002_things"])
        let version = try first.pool.read { try String.fetchOne($0, sql: "SELECT value FROM service_meta WHERE key = 'createdByVersion'") }
        #expect(version != nil)

        let second = try ServiceDatabase(path: path, migrations: migrations)
        let count = try second.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM thing") }
        #expect(count == 1, "reopening must not run a migration again")
    }
}
