import Foundation
import GRDB
import NQ57API
import Testing
@testable import AuthCore

/// The audit log is append-only for real, and places the gateway's records at their unit.
@Suite struct AuditLogTests {
    static func row(_ fixture: AuthFixture, seq: Int64) throws -> Row? {
        try fixture.authority.context.database.pool.read { try Row.fetchOne($0, sql: "SELECT * FROM audit WHERE seq = ?", arguments: [seq]) }
    }

    @Test("INSERT OR REPLACE (and REPLACE) over an audit entry is refused like UPDATE and DELETE; the entry is unchanged")
    func replaceRefused() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let record = AuditRecord(at: AuthFixture.start, account: "acc", username: "cv.binhtan", unitPath: "/vn/vn-75/vn-75-25246/",
                                 method: "tasks.progress", target: "task:T-1", outcome: "ok")
        try await fixture.authority.audit.appendAudit(.init(entries: [record]))
        let seq = try #require(try await fixture.authority.context.database.pool.read {
            try Int64.fetchOne($0, sql: "SELECT seq FROM audit WHERE record_id = ?", arguments: [record.id])
        })
        let before = try Self.row(fixture, seq: seq)

        #expect(throws: DatabaseError.self, "over its position") {
            try fixture.authority.context.database.pool.write { db in
                try db.execute(sql: """
                    INSERT OR REPLACE INTO audit (seq, at, unit_path, action, outcome) VALUES (?, 0, '/vn/', 'call', 'forged')
                    """, arguments: [seq])
            }
        }
        #expect(throws: DatabaseError.self, "over its record id") {
            try fixture.authority.context.database.pool.write { db in
                try db.execute(sql: """
                    REPLACE INTO audit (at, unit_path, action, outcome, record_id) VALUES (0, '/vn/', 'call', 'forged', ?)
                    """, arguments: [record.id])
            }
        }
        #expect(try Self.row(fixture, seq: seq) == before)
        let forged = try await fixture.authority.context.database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit WHERE outcome = 'forged'") }
        #expect(forged == 0)
        // A new entry is still welcome, and a record sent again is still stored once.
        try await fixture.authority.audit.appendAudit(.init(entries: [record, AuditRecord(at: AuthFixture.start, account: nil, username: nil,
                                                                                     unitPath: nil, method: "tasks.claim", target: nil,
                                                                                     outcome: "ok")]))
        let calls = try await fixture.authority.audit.listAudit(.init(unitId: "vn", action: "call"), caller: fixture.admin).entries
        #expect(calls.count == 2)
    }

    @Test("A refused call's record, without the unit's path, is placed at the unit it named and keeps its action")
    func placedAtNamedUnit() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let refused = AuditRecord(at: AuthFixture.start, account: "acc", username: "cv.binhphuoc", unitPath: nil, unitId: "vn-75-25246",
                                  method: "tasks.progress", action: "refused", target: "task:T-1 unit:vn-75-25246",
                                  outcome: "permission_denied")
        try await fixture.authority.audit.appendAudit(.init(entries: [refused]))
        let entries = try await fixture.authority.audit.listAudit(.init(unitId: "vn-75-25246", action: "refused"), caller: fixture.admin).entries
        #expect(entries.count == 1)
        #expect(entries.first?.target == "task:T-1 unit:vn-75-25246")
        #expect(entries.first?.outcome == "permission_denied")
        #expect(entries.first?.username == "cv.binhphuoc")
    }
}
