import Foundation
import GRDB
import NQ57API
import Testing
@testable import EvidenceCore

/// Issue 14 item 3: `files` is read and written through `EvidenceFileRecord`, with the schema
/// unchanged: times stay REAL seconds, statuses and states their raw strings.
@Suite struct FileRecordTests {
    @Test("A record written through GRDB lands in the columns the schema always had, and reads back the same")
    func sameColumns() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let uploadedAt = Date(timeIntervalSince1970: 1_763_604_000.25)
        var record = EvidenceFileRecord(id: "ev-rec", sha256: String(repeating: "c", count: 64), size: 12, fileName: "bien-ban.pdf",
                                        mediaType: "application/pdf", unitId: EvidenceFixture.pkt,
                                        unitPath: "/vn/vn-75/vn-75-25246/vn-75-25246-pkt/", uploadedBy: "cv", uploadedAt: uploadedAt,
                                        supports: "task:T-1")
        record.publicationState = .submitted
        record.publicationAuthors = #"["cv"]"#
        let written = record
        try await fixture.database.pool.write { db in try written.insert(db) }
        let fetched = try fixture.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT typeof(uploaded_at) AS t, uploaded_at, status, publication_state, file_name FROM files WHERE id = 'ev-rec'")
        }
        let row = try #require(fetched)
        #expect(row["t"] as String == "real")
        #expect(row["uploaded_at"] as Double == 1_763_604_000.25)
        #expect(row["status"] as String == "ok")
        #expect(row["publication_state"] as String == "submitted")
        #expect(row["file_name"] as String == "bien-ban.pdf")
        let back = try await fixture.database.pool.read { db in try EvidenceFileRecord.fetchOne(db, key: "ev-rec") }
        #expect(back == record)
        #expect(back?.info.publication?.state == .submitted)
        let fromOutside = try await fixture.database.pool.read { db in
            try EvidenceFileRecord.fetch(db, id: "ev-rec", under: "/vn/vn-75/vn-75-25195/")
        }
        #expect(fromOutside == nil, "a file is not found from a unit outside its path")
    }
}
