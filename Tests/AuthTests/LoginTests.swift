import Foundation
import GRDB
import NQ57API
import NQ57Crypto
import NQ57Tokens
import NQ57Wire
import NQ57TestSupport
import Testing
@testable import AuthCore

/// Password logins, the lockout, refresh, logout and the revocation log.
@Suite struct LoginTests {
    @Test("A wrong password and an unknown user get the same refusal")
    func sameRefusal() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        var messages: [RPCError] = []
        for (user, password) in [("admin", "sai-mat-khau-roi"), ("khong-co-ai", "sai-mat-khau-roi")] {
            do {
                _ = try await fixture.authority.sessions.login(AuthLogin.Params(username: user, password: password))
                Issue.record("logged in as \(user)")
            } catch let error as RPCError {
                messages.append(error)
            }
        }
        #expect(messages.count == 2)
        #expect(messages[0] == messages[1])
        #expect(messages[0].code == .unauthenticated)
    }

    @Test("Five failures in a row lock for 15 minutes; the right password does not get in meanwhile")
    func lockout() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        for attempt in 1...5 {
            do {
                _ = try await fixture.authority.sessions.login(AuthLogin.Params(username: "admin", password: "sai-\(attempt)-lan-nua"))
            } catch let error as RPCError {
                #expect(error.code == .unauthenticated)
                #expect((error.details?["lockedUntil"] != nil) == (attempt == 5), "attempt \(attempt)")
            }
        }
        await #expect(throws: RPCError.self) {
            try await fixture.authority.sessions.login(AuthLogin.Params(username: "admin", password: "quan-tri-vien-2025"))
        }
        fixture.clock.advance(by: 14 * 60)
        await #expect(throws: RPCError.self) {
            try await fixture.authority.sessions.login(AuthLogin.Params(username: "admin", password: "quan-tri-vien-2025"))
        }
        fixture.clock.advance(by: 61)
        let login = try await fixture.authority.sessions.login(AuthLogin.Params(username: "admin", password: "quan-tri-vien-2025"))
        #expect(login.account.username == "admin")

        let audit = try await fixture.authority.audit.listAudit(AuthAuditList.Params(unitId: "vn"), caller: fixture.admin)
        let actions = audit.entries.map(\.action)
        #expect(actions.filter { $0 == "loginFailed" }.count == 5)
        #expect(actions.contains("lockout"))
        #expect(actions.filter { $0 == "loginRefused" }.count == 2)
    }

    @Test("An unknown name locks too, so a lockout tells nothing about who exists")
    func unknownNamesLock() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        var last: RPCError?
        for _ in 1...5 {
            do { _ = try await fixture.authority.sessions.login(AuthLogin.Params(username: "ghost", password: "bat-ky-mat-khau")) } catch let error as RPCError { last = error }
        }
        #expect(last?.details?["lockedUntil"] != nil)
    }

    @Test("Refresh gives a new pair once; logout revokes the session and the log says so")
    func refreshAndLogout() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246")
        let renewed = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken))
        #expect(renewed.refreshToken != login.refreshToken)
        let verifier = try await AccessTokenVerifier(publicKeyPEM: fixture.authority.context.signer.publicKeyPEM)
        let claims = try await verifier.verify(renewed.accessToken, now: fixture.clock.clock.now)
        #expect(claims.usr == "cv.binhtan")
        #expect(claims.grants.map(\.role) == [.staff])

        let before = try await fixture.authority.sessions.revocations(after: 0)
        try await fixture.authority.sessions.logout(caller: claims.caller)
        let after = try await fixture.authority.sessions.revocations(after: before.last)
        #expect(after.sessions == [claims.sid])
        await #expect(throws: RPCError.self, "refresh after logout") {
            try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: renewed.refreshToken))
        }
    }

    @Test("A refresh token used twice ends the whole session: neither holder refreshes again, and the log says so")
    func refreshTokenReuse() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246")
        let before = try await fixture.authority.sessions.revocations(after: 0)
        // The rightful client rotates; a thief then replays the old token, after the window for a lost answer.
        let renewed = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken))
        fixture.clock.advance(by: SessionStore.retryGrace)
        let replay = await rpcError { _ = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken)) }
        #expect(replay?.code == .unauthenticated)
        #expect(replay?.details?["reason"] == "refreshTokenReused")
        // The session is revoked for the gateway, and the newer token is dead too.
        let after = try await fixture.authority.sessions.revocations(after: before.last)
        #expect(after.sessions.count == 1)
        let newer = await rpcError { _ = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: renewed.refreshToken)) }
        #expect(newer?.code == .unauthenticated)
        #expect(newer?.details?["reason"] == nil, "the newer token is simply dead, not itself a reuse")
        let audit = try await fixture.authority.context.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit WHERE action = 'refreshReuse'")
        }
        #expect(audit.count == 1)
        // A made-up token is refused without ending anything.
        let made = await rpcError { _ = try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: "khong-ton-tai")) }
        #expect(made?.code == .unauthenticated && made?.details?["reason"] == nil)
    }

    @Test("A refresh whose answer was lost is asked again with the same token: within 30 s it rotates again and the lost token is dead; later, or two rotations back, it ends the session")
    func refreshRetryAfterLostAnswer() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246")
        let sessions = fixture.authority.sessions
        let before = try await sessions.revocations(after: 0)
        // The gateway's first call went through, but it gave up waiting: the answer is lost.
        let lost = try await sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken))
        fixture.clock.advance(by: SessionStore.retryGrace - 1)
        let retried = try await sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken))
        #expect(retried.refreshToken != lost.refreshToken)
        #expect(try await sessions.revocations(after: before.last).sessions.isEmpty, "the session goes on")
        // The retried token rotates on as usual.
        let next = try await sessions.refresh(AuthRefresh.Params(refreshToken: retried.refreshToken))
        #expect(!next.refreshToken.isEmpty)
        // The token two rotations back is reuse, even inside the window: the session ends.
        let twoBack = await rpcError { _ = try await sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken)) }
        #expect(twoBack?.details?["reason"] == "refreshTokenReused")
        #expect(try await sessions.revocations(after: before.last).sessions.count == 1)

        // Another session: the lost answer's token, should it ever come back, is reuse too.
        let other = try await sessions.login(AuthLogin.Params(username: "cv.binhtan", password: "mat-khau-du-dai"))
        let delivered = try await sessions.refresh(AuthRefresh.Params(refreshToken: other.refreshToken))
        _ = try await sessions.refresh(AuthRefresh.Params(refreshToken: other.refreshToken))
        let stale = await rpcError { _ = try await sessions.refresh(AuthRefresh.Params(refreshToken: delivered.refreshToken)) }
        #expect(stale?.details?["reason"] == "refreshTokenReused")

        // A third: the old token 30 s after its rotation is reuse, and ends the session.
        let third = try await sessions.login(AuthLogin.Params(username: "cv.binhtan", password: "mat-khau-du-dai"))
        _ = try await sessions.refresh(AuthRefresh.Params(refreshToken: third.refreshToken))
        fixture.clock.advance(by: SessionStore.retryGrace)
        let late = await rpcError { _ = try await sessions.refresh(AuthRefresh.Params(refreshToken: third.refreshToken)) }
        #expect(late?.details?["reason"] == "refreshTokenReused")
        #expect(try await sessions.revocations(after: before.last).sessions.count == 3)
    }

    @Test("Ten retries of one lost refresh at once: all answered, the session goes on, and exactly one of the ten tokens is live")
    func parallelRetriesLeaveOneLiveToken() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246")
        let sessions = fixture.authority.sessions
        let before = try await sessions.revocations(after: 0)
        _ = try await sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken))  // its answer is lost
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 {
                group.addTask { try await sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken)).refreshToken }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(tokens).count == 10)
        #expect(try await sessions.revocations(after: before.last).sessions.isEmpty)
        let current = try await fixture.authority.context.database.pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT refresh_hash FROM sessions WHERE revoked_at IS NULL"))
        }
        let live = tokens.filter { token in current.contains(Array(token.utf8).withUnsafeBytes { SHA256Hasher.digest($0) }.hexString) }
        #expect(live.count == 1, "the others are remembered as used: whoever presents one ends the session")
        let stale = try #require(tokens.first { !live.contains($0) })
        let replay = await rpcError { _ = try await sessions.refresh(AuthRefresh.Params(refreshToken: stale)) }
        #expect(replay?.details?["reason"] == "refreshTokenReused")
    }

    @Test("Access tokens expire with the configured lifetime")
    func expiry() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("ld.tinh", role: .steering, at: "vn-75")
        let verifier = try await AccessTokenVerifier(publicKeyPEM: fixture.authority.context.signer.publicKeyPEM)
        _ = try await verifier.verify(login.accessToken, now: fixture.clock.clock.now.addingTimeInterval(299))
        await #expect(throws: (any Error).self) {
            try await verifier.verify(login.accessToken, now: fixture.clock.clock.now.addingTimeInterval(301))
        }
    }

    @Test("Changing an account's roles ends its sessions, so old tokens stop within the revocation delay")
    func roleChangeRevokes() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let login = try await fixture.account("tp.binhtan", role: .head, at: "vn-75-25246")
        let before = try await fixture.authority.sessions.revocations(after: 0).last
        _ = try await fixture.authority.accounts.revoke(GrantParams(username: "tp.binhtan", role: .head, unitId: "vn-75-25246"), caller: fixture.admin)
        let revoked = try await fixture.authority.sessions.revocations(after: before)
        #expect(revoked.sessions.count == 1)
        await #expect(throws: RPCError.self) {
            try await fixture.authority.sessions.refresh(AuthRefresh.Params(refreshToken: login.refreshToken))
        }
    }
}
