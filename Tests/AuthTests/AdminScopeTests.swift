import Foundation
import NQ57API
import NQ57Wire
import NQ57TestSupport
import Testing
@testable import AuthCore

/// An admin acts only on units and accounts in their subtree: an account is theirs when its
/// unit and every unit it holds a role at are at or below a unit where they are admin. A grant
/// or revoke that changes nothing ends no session.
@Suite struct AdminScopeTests {
    /// The fixture with an admin of xã Bình Tân's Văn phòng Đảng ủy and a staff member there.
    static func departmentAdmin(_ fixture: AuthFixture) async throws -> (admin: Caller, staff: LoginResult) {
        let admin = try await fixture.account("qt.vpdu", role: .admin, at: "vn-75-25246-vpdu")
        let staff = try await fixture.account("cv.vpdu", role: .staff, at: "vn-75-25246-vpdu")
        return (admin.caller, staff)
    }


    @Test("A department admin cannot end the root admin's sessions by granting it a role in the department")
    func rootAdminOutOfReach() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let (departmentAdmin, _) = try await Self.departmentAdmin(fixture)
        let root = try await fixture.authority.sessions.login(AuthLogin.Params(username: "admin", password: "quan-tri-vien-2025"))
        let before = try await fixture.authority.sessions.revocations(after: 0).last
        for role in [Role.staff, .admin] {
            let code = await errorCode {
                _ = try await fixture.authority.accounts.grant(GrantParams(username: "admin", role: role, unitId: "vn-75-25246-vpdu"),
                                                      caller: departmentAdmin)
            }
            #expect(code == .permissionDenied, "\(role)")
        }
        #expect(try await fixture.authority.sessions.revocations(after: before).sessions.isEmpty, "no session of the root admin ended")
        _ = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: root.refreshToken))
        let whoami = try await fixture.authority.sessions.whoami(caller: root.caller)
        #expect(whoami.grants.map(\.unitId) == ["vn"], "the root admin holds nothing new")
    }

    @Test("Repeating a grant the account holds, or revoking one it does not, changes nothing and ends no session")
    func noChangeNoRevocation() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let (departmentAdmin, staff) = try await Self.departmentAdmin(fixture)
        let before = try await fixture.authority.sessions.revocations(after: 0).last
        let again = try await fixture.authority.accounts.grant(GrantParams(username: "cv.vpdu", role: .staff, unitId: "vn-75-25246-vpdu"),
                                                      caller: departmentAdmin)
        #expect(again.grants.map(\.role) == [.staff])
        let notHeld = try await fixture.authority.accounts.revoke(GrantParams(username: "cv.vpdu", role: .head, unitId: "vn-75-25246-vpdu"),
                                                         caller: departmentAdmin)
        #expect(notHeld.grants.map(\.role) == [.staff])
        #expect(try await fixture.authority.sessions.revocations(after: before).sessions.isEmpty)
        _ = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: staff.refreshToken))

        // A real change still ends the sessions.
        _ = try await fixture.authority.accounts.grant(GrantParams(username: "cv.vpdu", role: .head, unitId: "vn-75-25246-vpdu"),
                                              caller: departmentAdmin)
        #expect(try await fixture.authority.sessions.revocations(after: before).sessions.count == 1)
        let audit = try await fixture.authority.audit.listAudit(AuthAuditList.Params(unitId: "vn-75-25246-vpdu"), caller: fixture.admin)
        #expect(audit.entries.filter { $0.action == "grant" || $0.action == "revoke" }.map(\.outcome).prefix(3) == ["ok", "unchanged", "unchanged"])
    }

    @Test("An account that also answers above the admin's unit is out of their reach, for every change")
    func accountWithRoleAbove() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let (departmentAdmin, _) = try await Self.departmentAdmin(fixture)
        _ = try await fixture.authority.accounts.grant(GrantParams(username: "cv.vpdu", role: .reviewer, unitId: "vn-75"), caller: fixture.admin)
        let grant = await errorCode {
            _ = try await fixture.authority.accounts.grant(GrantParams(username: "cv.vpdu", role: .head, unitId: "vn-75-25246-vpdu"),
                                                  caller: departmentAdmin)
        }
        let revoke = await errorCode {
            _ = try await fixture.authority.accounts.revoke(GrantParams(username: "cv.vpdu", role: .staff, unitId: "vn-75-25246-vpdu"),
                                                   caller: departmentAdmin)
        }
        let reset = await errorCode {
            _ = try await fixture.authority.passwords.resetPassword(AuthUsersResetPassword.Params(username: "cv.vpdu"), caller: departmentAdmin)
        }
        #expect([grant, revoke, reset] == [.permissionDenied, .permissionDenied, .permissionDenied])
        // The province's admin reaches it.
        let province = try await fixture.account("qt.tinh", role: .admin, at: "vn-75")
        _ = try await fixture.authority.accounts.revoke(GrantParams(username: "cv.vpdu", role: .staff, unitId: "vn-75-25246-vpdu"),
                                               caller: province.caller)
    }

    @Test("An account of another unit, a role at a unit outside, a unit outside: all refused")
    func outsideTheSubtree() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let (departmentAdmin, _) = try await Self.departmentAdmin(fixture)
        _ = try await fixture.account("cv.binhphuoc", role: .staff, at: "vn-75-25195")
        let otherAccount = await errorCode {
            _ = try await fixture.authority.accounts.grant(GrantParams(username: "cv.binhphuoc", role: .staff, unitId: "vn-75-25246-vpdu"),
                                                  caller: departmentAdmin)
        }
        let unitAbove = await errorCode {
            _ = try await fixture.authority.accounts.grant(GrantParams(username: "cv.vpdu", role: .head, unitId: "vn-75-25246"),
                                                  caller: departmentAdmin)
        }
        let newUnitOutside = await errorCode {
            _ = try await fixture.authority.units.createUnit(AuthUnitsCreate.Params(id: "vn-75-25195-vpdu", parentId: "vn-75-25195", kind: .department,
                                                                              names: [UnitName(name: "Văn phòng", validFrom: "2025-07-01")]),
                                                       caller: departmentAdmin)
        }
        let renameAbove = await errorCode {
            _ = try await fixture.authority.units.renameUnit(AuthUnitsRename.Params(unitId: "vn-75-25246",
                                                                              name: UnitName(name: "Phường Bình Tân", validFrom: "2026-01-01")),
                                                       caller: departmentAdmin)
        }
        #expect([otherAccount, unitAbove, newUnitOutside, renameAbove] == [.permissionDenied, .permissionDenied, .permissionDenied, .permissionDenied])
    }
}
