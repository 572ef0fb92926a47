import Foundation
import NQ57API
import NQ57Tokens
import NQ57Wire
import Testing
@testable import AuthCore

/// People change their own password; an admin's reset forces a change at the next login, and
/// the access token says so until then.
@Suite struct PasswordChangeTests {
    static let password = "mat-khau-du-dai"

    /// The caller a login's access token describes (as the gateway would forward it).
    static func caller(of login: LoginResult, _ fixture: AuthFixture) async throws -> Caller {
        let verifier = try await AccessTokenVerifier(publicKeyPEM: fixture.authority.context.signer.publicKeyPEM)
        return try await verifier.verify(login.accessToken, now: fixture.clock.clock.now).caller
    }

    static func refusal(_ work: () async throws -> Void) async -> RPCError? {
        do {
            try await work()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(.internal, "\(error)")
        }
    }

    @Test("Changing one's password ends every session, returns a fresh one, and only the new password logs in")
    func change() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let first = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246", password: Self.password)
        let second = try await fixture.authority.sessions.login(AuthLogin.Params(username: "cv.binhtan", password: Self.password))
        let before = try await fixture.authority.sessions.revocations(after: 0).last
        let changed = try await fixture.authority.passwords.changePassword(
            AuthChangePassword.Params(currentPassword: Self.password, newPassword: "mat-khau-moi-2026"),
            caller: try await Self.caller(of: first, fixture))
        #expect(changed.mustChangePassword == false)
        #expect(Set(try await fixture.authority.sessions.revocations(after: before).sessions).count == 2, "both earlier sessions ended")
        for old in [first, second] {
            await #expect(throws: RPCError.self) { try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: old.refreshToken)) }
        }
        _ = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: changed.refreshToken))
        await #expect(throws: RPCError.self) {
            try await fixture.authority.sessions.login(AuthLogin.Params(username: "cv.binhtan", password: Self.password))
        }
        _ = try await fixture.authority.sessions.login(AuthLogin.Params(username: "cv.binhtan", password: "mat-khau-moi-2026"))
        let audit = try await fixture.authority.audit.listAudit(AuthAuditList.Params(unitId: "vn-75-25246", action: "passwordChanged"),
                                                           caller: fixture.admin)
        #expect(audit.entries.map(\.username) == ["cv.binhtan"])
    }

    @Test("A short new password, the same password again, or a wrong current one are refused, naming the field")
    func refusals() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246", password: Self.password)
        let caller = try await Self.caller(of: login, fixture)
        for (current, new, field) in [(Self.password, "ngan", "newPassword"),
                                      (Self.password, Self.password.decomposedStringWithCanonicalMapping, "newPassword"),
                                      ("khong-phai-mat-khau", "mat-khau-moi-2026", "currentPassword")] {
            let error = await Self.refusal {
                _ = try await fixture.authority.passwords.changePassword(AuthChangePassword.Params(currentPassword: current, newPassword: new),
                                                               caller: caller)
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.details?["field"] == field)
        }
    }

    @Test("Wrong current passwords count towards the lockout, and the lock then refuses the login too")
    func wrongCurrentLocks() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246", password: Self.password)
        let caller = try await Self.caller(of: login, fixture)
        var last: RPCError?
        for attempt in 1...5 {
            last = await Self.refusal {
                _ = try await fixture.authority.passwords.changePassword(
                    AuthChangePassword.Params(currentPassword: "sai-lan-thu-\(attempt)", newPassword: "mat-khau-moi-2026"), caller: caller)
            }
        }
        #expect(last?.code == .resourceExhausted)
        #expect(last?.details?["lockedUntil"] != nil)
        let right = await Self.refusal {
            _ = try await fixture.authority.passwords.changePassword(
                AuthChangePassword.Params(currentPassword: Self.password, newPassword: "mat-khau-moi-2026"), caller: caller)
        }
        #expect(right?.code == .resourceExhausted)
        let loginRefused = await Self.refusal {
            _ = try await fixture.authority.sessions.login(AuthLogin.Params(username: "cv.binhtan", password: Self.password))
        }
        #expect(loginRefused?.details?["lockedUntil"] != nil)
    }

    @Test("An admin's reset: sessions end, the lock lifts, the next login must change the password, and until then only that goes")
    func resetForcesChange() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let old = try await fixture.account("qt.binhtan", role: .admin, at: "vn-75-25246", password: Self.password)
        for _ in 1...5 { _ = try? await fixture.authority.sessions.login(AuthLogin.Params(username: "qt.binhtan", password: "sai-mat-khau-roi")) }
        let before = try await fixture.authority.sessions.revocations(after: 0).last

        let reset = try await fixture.authority.passwords.resetPassword(AuthUsersResetPassword.Params(username: "qt.binhtan"), caller: fixture.admin)
        let temporary = try #require(reset.temporaryPassword)
        #expect(temporary.count >= 10)
        #expect(reset.account.mustChangePassword)
        #expect(try await fixture.authority.sessions.revocations(after: before).sessions.count == 1)
        await #expect(throws: RPCError.self) { try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: old.refreshToken)) }

        let login = try await fixture.authority.sessions.login(AuthLogin.Params(username: "qt.binhtan", password: temporary))
        #expect(login.mustChangePassword)
        let caller = try await Self.caller(of: login, fixture)
        #expect(caller.mustChangePassword, "the access token carries it")
        let refused = await Self.refusal {
            _ = try await fixture.authority.accounts.listUsers(AuthUsersList.Params(unitId: "vn-75-25246"), caller: caller)
        }
        #expect(refused?.code == .failedPrecondition)
        #expect(refused?.message == "Bạn cần đổi mật khẩu trước khi tiếp tục.")
        #expect(try await fixture.authority.sessions.whoami(caller: caller).mustChangePassword)
        let refreshed = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken))
        #expect(refreshed.mustChangePassword, "a refresh does not clear it")

        let changed = try await fixture.authority.passwords.changePassword(
            AuthChangePassword.Params(currentPassword: temporary, newPassword: "mat-khau-cua-toi-2026"), caller: caller)
        #expect(!changed.mustChangePassword)
        let free = try await Self.caller(of: changed, fixture)
        #expect(!free.mustChangePassword)
        _ = try await fixture.authority.accounts.listUsers(AuthUsersList.Params(unitId: "vn-75-25246"), caller: free)
        let next = try await fixture.authority.sessions.login(AuthLogin.Params(username: "qt.binhtan", password: "mat-khau-cua-toi-2026"))
        #expect(!next.mustChangePassword)
        let audit = try await fixture.authority.audit.listAudit(AuthAuditList.Params(unitId: "vn-75-25246", username: "qt.binhtan"),
                                                           caller: fixture.admin)
        #expect(audit.entries.contains { $0.action == "passwordChanged" })
    }

    @Test("A reset with a given temporary password keeps to the policy and returns no generated one")
    func resetWithGivenPassword() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        _ = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246")
        let short = await Self.refusal {
            _ = try await fixture.authority.passwords.resetPassword(AuthUsersResetPassword.Params(username: "cv.binhtan", password: "ngan"),
                                                          caller: fixture.admin)
        }
        #expect(short?.details?["field"] == "password")
        let reset = try await fixture.authority.passwords.resetPassword(
            AuthUsersResetPassword.Params(username: "cv.binhtan", password: "tam-thoi-123456"), caller: fixture.admin)
        #expect(reset.temporaryPassword == nil)
        #expect(try await fixture.authority.sessions.login(AuthLogin.Params(username: "cv.binhtan", password: "tam-thoi-123456")).mustChangePassword)
    }

    @Test("The gate: while a change is due only the change, whoami and logout go, and public methods stay open")
    func gate() {
        let due = Caller(account: "acc-1", username: "u", session: "s", grants: [], mustChangePassword: true)
        #expect(PasswordChangeGate.refusal(method: AuthChangePassword.name, policy: AuthChangePassword.policy, caller: due) == nil)
        #expect(PasswordChangeGate.refusal(method: AuthWhoAmI.name, policy: AuthWhoAmI.policy, caller: due) == nil)
        #expect(PasswordChangeGate.refusal(method: AuthLogout.name, policy: AuthLogout.policy, caller: due) == nil)
        #expect(PasswordChangeGate.refusal(method: AuthUnitsList.name, policy: AuthUnitsList.policy, caller: due) == nil)
        #expect(PasswordChangeGate.refusal(method: AuthUsersList.name, policy: AuthUsersList.policy, caller: due)?.code == .failedPrecondition)
        #expect(PasswordChangeGate.refusal(method: TasksList.name, policy: TasksList.policy, caller: due)?.code == .failedPrecondition)
        var free = due
        free.mustChangePassword = false
        #expect(PasswordChangeGate.refusal(method: AuthUsersList.name, policy: AuthUsersList.policy, caller: free) == nil)
    }
}
