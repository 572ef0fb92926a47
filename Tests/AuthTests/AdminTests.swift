import Foundation
import GRDB
import NQ57API
import NQ57Wire
import Testing
@testable import AuthCore

/// Units with dated names, accounts, grants, the service's own policy check, and the
/// append-only audit log.
@Suite struct AdminTests {
    @Test("A unit's name is the one in force on the date asked about")
    func datedNames() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let before = try await fixture.authority.units.listUnits(AuthUnitsList.Params(under: "vn-75", asOf: "2026-04-29"))
        let after = try await fixture.authority.units.listUnits(AuthUnitsList.Params(under: "vn-75", asOf: "2026-04-30"))
        #expect(before.units.first?.name == "Tỉnh Đồng Nai")
        #expect(after.units.first?.name == "Thành phố Đồng Nai")
        #expect(after.units.map(\.id) == ["vn-75", "vn-75-25195", "vn-75-25246", "vn-75-25246-vpdu"])

        let renamed = try await fixture.authority.units.renameUnit(
            AuthUnitsRename.Params(unitId: "vn-75-25246", name: UnitName(name: "Phường Bình Tân", validFrom: "2026-04-30")),
            caller: fixture.admin)
        #expect(renamed.names.map(\.name) == ["Xã Bình Tân", "Phường Bình Tân"])
        let old = try await fixture.authority.units.listUnits(AuthUnitsList.Params(under: "vn-75-25246", asOf: "2025-12-15"))
        #expect(old.units.first?.name == "Xã Bình Tân")
    }

    @Test("Names are stored NFC whatever the keyboard sent")
    func nfc() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let decomposed = "Phòng Văn hóa - Xã hội".decomposedStringWithCanonicalMapping
        let unit = try await fixture.authority.units.createUnit(AuthUnitsCreate.Params(
            id: "vn-75-25246-vhxh", parentId: "vn-75-25246", kind: .department,
            names: [UnitName(name: decomposed, validFrom: "2025-07-01")]), caller: fixture.admin)
        #expect(unit.name.unicodeScalars.elementsEqual("Phòng Văn hóa - Xã hội".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("Bad units and grants are refused with the right code", arguments: [
        ("a role on a unit that does not exist", ErrorCode.notFound),
        ("a unit under a unit that does not exist", .notFound),
        ("a unit id with capitals", .invalidArgument),
        ("a unit that exists already", .alreadyExists),
        ("a commune directly under the centre", .invalidArgument),
        ("a date that is not a date", .invalidArgument),
    ])
    func refused(_ label: String, code: ErrorCode) async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        _ = try await fixture.account("cv.test", role: .staff, at: "vn-75-25246")
        do {
            switch label {
            case "a role on a unit that does not exist":
                _ = try await fixture.authority.accounts.grant(GrantParams(username: "cv.test", role: .head, unitId: "vn-79-27442"), caller: fixture.admin)
            case "a unit under a unit that does not exist":
                _ = try await fixture.authority.units.createUnit(.init(id: "x-1", parentId: "nowhere", kind: .commune,
                                                                 names: [UnitName(name: "X", validFrom: "2025-01-01")]), caller: fixture.admin)
            case "a unit id with capitals":
                _ = try await fixture.authority.units.createUnit(.init(id: "VN-75-X", parentId: "vn-75", kind: .commune,
                                                                 names: [UnitName(name: "X", validFrom: "2025-01-01")]), caller: fixture.admin)
            case "a unit that exists already":
                _ = try await fixture.authority.units.createUnit(.init(id: "vn-75-25246", parentId: "vn-75", kind: .commune,
                                                                 names: [UnitName(name: "X", validFrom: "2025-01-01")]), caller: fixture.admin)
            case "a commune directly under the centre":
                _ = try await fixture.authority.units.createUnit(.init(id: "vn-99999", parentId: "vn", kind: .commune,
                                                                 names: [UnitName(name: "X", validFrom: "2025-01-01")]), caller: fixture.admin)
            default:
                _ = try await fixture.authority.units.createUnit(.init(id: "vn-75-1", parentId: "vn-75", kind: .commune,
                                                                 names: [UnitName(name: "X", validFrom: "2025-02-30")]), caller: fixture.admin)
            }
            Issue.record("\(label) was accepted")
        } catch let error as RPCError {
            #expect(error.code == code, "\(label): \(error)")
        }
    }

    @Test("The service checks the policy again: an admin of one commune cannot touch another")
    func serviceRechecks() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let local = try await fixture.account("qt.binhtan", role: .admin, at: "vn-75-25246")
        _ = try await fixture.authority.accounts.addUser(AuthUsersAdd.Params(username: "cv.moi", displayName: "Cán bộ mới",
                                                                    unitId: "vn-75-25246-vpdu", password: "mat-khau-du-dai"),
                                                caller: local.caller)
        await #expect(throws: RPCError.self) {
            _ = try await fixture.authority.accounts.addUser(AuthUsersAdd.Params(username: "cv.khac", displayName: "Khác",
                                                                        unitId: "vn-75-25195", password: "mat-khau-du-dai"),
                                                    caller: local.caller)
        }
    }

    @Test("Short passwords and bad usernames are refused")
    func accountRules() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        for (username, password) in [("ok.user", "ngan"), ("có dấu", "mat-khau-du-dai"), ("ab", "mat-khau-du-dai")] {
            await #expect(throws: (any Error).self, "\(username)/\(password)") {
                _ = try await fixture.authority.accounts.addUser(AuthUsersAdd.Params(username: username, displayName: "X", unitId: "vn-75",
                                                                            password: password), caller: fixture.admin)
            }
        }
    }

    @Test("The audit log refuses UPDATE and DELETE")
    func appendOnly() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        #expect(throws: DatabaseError.self) {
            try fixture.authority.context.database.pool.write { try $0.execute(sql: "UPDATE audit SET outcome = 'ok'") }
        }
        #expect(throws: DatabaseError.self) {
            try fixture.authority.context.database.pool.write { try $0.execute(sql: "DELETE FROM audit") }
        }
    }

    @Test("A batch of call records sent again (its answer was lost) is stored once")
    func resentRecordsStoredOnce() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let records = (1...3).map { index in
            AuditRecord(at: AuthFixture.start, account: "acc", username: "cv.binhtan", unitPath: "/vn/vn-75/vn-75-25246/",
                        method: "tasks.progress", target: "task-\(index)", outcome: "ok")
        }
        try await fixture.authority.audit.appendAudit(.init(entries: records))
        try await fixture.authority.audit.appendAudit(.init(entries: records))
        let listed = try await fixture.authority.audit.listAudit(.init(unitId: "vn-75-25246", action: "call"), caller: fixture.admin).entries
        #expect(listed.count == 3)
        // Records without an id (from an older gateway) are all kept.
        let anonymous = AuditRecord(at: AuthFixture.start, account: nil, username: nil, unitPath: "/vn/vn-75/vn-75-25246/",
                                    method: "tasks.claim", target: nil, outcome: "ok", id: nil)
        try await fixture.authority.audit.appendAudit(.init(entries: [anonymous, anonymous]))
        #expect(try await fixture.authority.audit.listAudit(.init(unitId: "vn-75-25246", action: "call"), caller: fixture.admin).entries.count == 5)
    }

    @Test("On an empty database the first admin is created once, with a generated password when none is given")
    func bootstrap() async throws {
        let fixture = try await AuthFixture(configuration: AuthConfiguration(scryptLogN: 10))
        defer { fixture.remove() }
        #expect((fixture.generatedPassword?.count ?? 0) >= 16, "a generated password is printed once")
        #expect(try fixture.authority.bootstrapAdmin() == nil, "a second start creates nothing")
        let given = try await AuthFixture()
        defer { given.remove() }
        #expect(given.generatedPassword == nil, "a password from NQ57_ADMIN_PASSWORD is not printed")
    }
}

/// xã Bình Tân (25246, Đồng Nai) and phường Bình Tân (27442, Hồ Chí Minh City) are two units.
@Suite struct SameNameTests {
    @Test("Two units with the same name in different provinces are never confused")
    func binhTan() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        _ = try await fixture.authority.units.createUnit(.init(id: "vn-79", parentId: "vn", kind: .province, code: "79",
                                                         names: [UnitName(name: "Thành phố Hồ Chí Minh", validFrom: "2025-07-01")]),
                                                   caller: fixture.admin)
        let hcm = try await fixture.authority.units.createUnit(.init(id: "vn-79-27442", parentId: "vn-79", kind: .commune, code: "27442",
                                                               names: [UnitName(name: "Phường Bình Tân", validFrom: "2025-07-01")]),
                                                         caller: fixture.admin)
        let dongNai = try await fixture.authority.units.listUnits(AuthUnitsList.Params(under: "vn-75"))
        #expect(!dongNai.units.contains { $0.id == hcm.id })
        #expect(dongNai.units.first { $0.code == "25246" }?.name == "Xã Bình Tân")
        let local = try await fixture.account("qt.binhtan", role: .admin, at: "vn-75-25246")
        await #expect(throws: RPCError.self, "an admin of xã Bình Tân has no say over phường Bình Tân") {
            _ = try await fixture.authority.accounts.addUser(AuthUsersAdd.Params(username: "cv.hcm", displayName: "X", unitId: "vn-79-27442",
                                                                        password: "mat-khau-du-dai"), caller: local.caller)
        }
    }
}
