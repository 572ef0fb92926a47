import Foundation
import NQ57API
import NQ57Wire
import Testing
@testable import AuthCore

/// The lockout holds when guesses arrive at once: each attempt is counted before its
/// password is hashed, so they cannot all read the same count.
@Suite struct ConcurrentLockoutTests {
    /// Sends `count` logins at once and returns each refusal (nil for a login that got in).
    static func loginsAtOnce(_ fixture: AuthFixture, username: String, passwords: [String]) async -> [RPCError?] {
        await withTaskGroup(of: RPCError?.self) { group in
            for password in passwords {
                group.addTask {
                    do {
                        _ = try await fixture.authority.sessions.login(AuthLogin.Params(username: username, password: password))
                        return nil
                    } catch let error as RPCError {
                        return error
                    } catch {
                        return RPCError(.internal, "\(error)")
                    }
                }
            }
            var outcomes: [RPCError?] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
    }

    @Test("Thirty wrong passwords at once lock the name; the right one is refused while locked; the lockout is on record")
    func thirtyAtOnce() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let outcomes = await Self.loginsAtOnce(fixture, username: "admin", passwords: (1...30).map { "sai-mat-khau-\($0)-lan" })
        #expect(outcomes.count == 30)
        #expect(outcomes.allSatisfy { $0?.code == .unauthenticated })
        let plainRefusals = outcomes.filter { $0?.details?["lockedUntil"] == nil }.count
        #expect(plainRefusals <= 4, "at most four guesses are answered 'wrong password' before the lock: \(plainRefusals)")

        do {
            _ = try await fixture.authority.sessions.login(AuthLogin.Params(username: "admin", password: "quan-tri-vien-2025"))
            Issue.record("the right password got in during the lock")
        } catch let error as RPCError {
            #expect(error.code == .unauthenticated)
            #expect(error.details?["lockedUntil"] != nil)
        }

        let audit = try await fixture.authority.audit.listAudit(AuthAuditList.Params(unitId: "vn", username: "admin", limit: 1000),
                                                           caller: fixture.admin)
        let actions = audit.entries.map(\.action)
        #expect(actions.filter { $0 == "lockout" }.count == 1)
        #expect(actions.filter { $0 == "loginFailed" }.count <= 5, "at most five passwords were checked")
        #expect(actions.filter { $0 == "loginFailed" || $0 == "lockout" || $0 == "loginRefused" }.count >= 30)

        fixture.clock.advance(by: 15 * 60 + 1)
        let login = try await fixture.authority.sessions.login(AuthLogin.Params(username: "admin", password: "quan-tri-vien-2025"))
        #expect(login.account.username == "admin", "the lock ends on time")
    }

    @Test("Unknown names lock the same way under concurrent guesses")
    func unknownNameAtOnce() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let outcomes = await Self.loginsAtOnce(fixture, username: "khong-ai-ca", passwords: (1...30).map { "doan-mo-\($0)-lan-nua" })
        #expect(outcomes.filter { $0?.details?["lockedUntil"] != nil }.count >= 26)
    }

    @Test("Four wrong and the right one at once: the right one gets in or the name locks, never more than five checks")
    func rightAmongWrong() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let passwords = (1...4).map { "sai-mat-khau-\($0)-lan" } + ["quan-tri-vien-2025"]
        let outcomes = await Self.loginsAtOnce(fixture, username: "admin", passwords: passwords)
        #expect(outcomes.filter { $0 == nil }.count <= 1)
        #expect(outcomes.compactMap { $0 }.allSatisfy { $0.code == .unauthenticated })
    }
}

/// The lockout rule on its own: attempts counted when they start, settled when checked.
@Suite struct LockoutPolicyTests {
    let policy = LockoutPolicy(maxFailures: 5, lockDuration: 15 * 60)
    let now = Date(timeIntervalSince1970: 1_765_760_400)

    @Test("Five attempts may be checked at once; the sixth starts the lock")
    func sixthStartsTheLock() {
        var state = LockoutPolicy.State()
        for _ in 1...5 {
            let (next, start) = policy.start(state, now: now)
            #expect(start == .proceed)
            state = next
        }
        let (locked, start) = policy.start(state, now: now)
        #expect(start == .locked(until: now.addingTimeInterval(15 * 60), startedLock: true))
        #expect(policy.start(locked, now: now.addingTimeInterval(60)).start == .locked(until: now.addingTimeInterval(15 * 60), startedLock: false))
        #expect(policy.succeeded(locked, now: now.addingTimeInterval(1)) == nil, "the right password still being checked is refused")
        #expect(policy.failed(locked, now: now.addingTimeInterval(1)) == locked)
    }

    @Test("One at a time: four failures and the right password gets in; the fifth failure locks")
    func sequential() {
        var state = LockoutPolicy.State()
        for _ in 1...4 {
            state = policy.failed(policy.start(state, now: now).state, now: now)
            #expect(state.lockedUntil == nil)
        }
        let started = policy.start(state, now: now)
        #expect(started.start == .proceed)
        #expect(policy.succeeded(started.state, now: now) == LockoutPolicy.State())
        let fifth = policy.failed(started.state, now: now)
        #expect(fifth.lockedUntil == now.addingTimeInterval(15 * 60))
    }

    @Test("After the lock ends the count starts from zero")
    func afterTheLock() {
        let locked = LockoutPolicy.State(failures: 0, lockedUntil: now)
        let (next, start) = policy.start(locked, now: now.addingTimeInterval(1))
        #expect(start == .proceed)
        #expect(next == LockoutPolicy.State(failures: 1, lockedUntil: nil))
    }
}
