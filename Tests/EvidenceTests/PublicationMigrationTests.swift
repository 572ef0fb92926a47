import Foundation
import GRDB
import NQ57Runtime
import Testing
@testable import EvidenceCore

/// The migration that made publishing a reviewed decision: files flagged public by their
/// uploader (no review) come back as requests waiting for a decision, not as published.
@Suite struct PublicationMigrationTests {
    @Test("A file flagged public before 0005 is a submitted request after it, and not public")
    func flaggedFilesBecomeRequests() async throws {
        let folder = "/tmp/nq57-evidence-migration-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/evidence.sqlite"
        do {
            let pool = try DatabasePool(path: path)
            var migrator = DatabaseMigrator()
            EvidenceService.registerMigrations(&migrator)
            try migrator.migrate(pool, upTo: "0004_log")
            try await pool.write { db in
                for (id, flag) in [("ev-public", 1), ("ev-private", 0)] {
                    try db.execute(sql: """
                        INSERT INTO files (id, sha256, size, file_name, media_type, unit_id, unit_path, uploaded_by, uploaded_at, is_public)
                        VALUES (?, 'ab', 1, 'a.png', 'image/png', 'vn-75', '/vn/vn-75/', 'cv', ?, ?)
                        """, arguments: [id, EvidenceFixture.day("2025-11-20").timeIntervalSince1970, flag])
                }
            }
            try pool.close()
        }
        let database = try ServiceDatabase(path: path, migrations: EvidenceService.registerMigrations)
        let (flagged, other) = try await database.pool.read { db in
            (try EvidenceFileRecord.fetchOne(db, key: "ev-public")?.info, try EvidenceFileRecord.fetchOne(db, key: "ev-private")?.info)
        }
        #expect(flagged?.publication?.state == .submitted)
        #expect(flagged?.publication?.submittedOn == "2025-11-20")
        #expect(flagged?.isPublic == false)
        #expect(other?.publication == nil && other?.isPublic == false)
    }
}
