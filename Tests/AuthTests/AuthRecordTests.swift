import Foundation
import GRDB
import NQ57API
import Testing
@testable import AuthCore

/// Issue 14 item 3: the auth tables are read and written through GRDB records with the schema
/// unchanged, so a database written before the change reads the same after it.
@Suite struct AuthRecordTests {
    @Test("Rows written through the records keep the column types the schema always had")
    func sameColumnTypes() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("cv.records", role: .staff, at: "vn-75-25246")
        _ = try await fixture.authority.passwords.resetPassword(.init(username: "cv.records", password: "mat-khau-tam-thoi-1"),
                                                                caller: fixture.admin)
        let types = try fixture.authority.context.database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT typeof(created_at) FROM units WHERE id = 'vn-75') AS unit_created,
                       (SELECT typeof(created_at) || ' ' || typeof(must_change_password) || ' ' || typeof(password_changed_at)
                          FROM accounts WHERE username = 'cv.records') AS account,
                       (SELECT typeof(granted_at) || ' ' || role FROM grants g JOIN accounts a ON a.id = g.account_id
                          WHERE a.username = 'cv.records') AS grant_row,
                       (SELECT typeof(refresh_expires_at) || ' ' || typeof(revoked_at) FROM sessions WHERE account_id = ?) AS session,
                       (SELECT typeof(at) FROM revocations ORDER BY seq DESC LIMIT 1) AS revocation,
                       (SELECT typeof(at) || ' ' || typeof(seq) FROM audit ORDER BY seq DESC LIMIT 1) AS audit
                """, arguments: [login.account.id])
        }
        let row = try #require(types)
        #expect(row["unit_created"] as String == "real")
        #expect(row["account"] as String == "real integer real")
        #expect(row["grant_row"] as String == "real staff")
        #expect(row["session"] as String == "real real", "the reset ended the session")
        #expect(row["revocation"] as String == "real")
        #expect(row["audit"] as String == "real integer")
        let summary = try await fixture.authority.sessions.whoami(caller: login.caller)
        #expect(summary.grants.map(\.role) == [.staff])
        #expect(summary.mustChangePassword)
    }
}
