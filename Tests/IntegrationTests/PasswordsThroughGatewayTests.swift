import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// The lockout under concurrent guesses and the forced password change, through the real
/// gateway, auth service and command line.
@Suite(.serialized)
struct PasswordsThroughGatewayTests {
    @Test("Thirty wrong passwords sent at once through the gateway lock the account; the right one is then refused")
    func concurrentGuessesLock() async throws {
        let system = try await TestSystem()
        let admin = try await system.login()
        _ = try await AuthThroughGatewayTests.prepare(system, adminToken: admin, username: "cv.binhtan", role: .staff)
        let client = system.client
        let refusals = await withTaskGroup(of: RPCError?.self) { group in
            for attempt in 1...30 {
                group.addTask {
                    do {
                        _ = try await client.call(AuthLogin.self, AuthLogin.Params(username: "cv.binhtan", password: "doan-sai-\(attempt)-lan"))
                        return nil
                    } catch let error as RPCError {
                        return error
                    } catch {
                        return RPCError(.internal, "\(error)")
                    }
                }
            }
            var all: [RPCError?] = []
            for await refusal in group { all.append(refusal) }
            return all
        }
        #expect(refusals.allSatisfy { $0?.code == .unauthenticated })
        #expect(refusals.filter { $0?.details?["lockedUntil"] == nil }.count <= 4)
        do {
            _ = try await system.login("cv.binhtan", password: "mat-khau-thu-nghiem")
            Issue.record("the right password got in during the lock")
        } catch let error as RPCError {
            #expect(error.details?["lockedUntil"] != nil)
        }
        let audit = try await client.call(AuthAuditList.self, AuthAuditList.Params(unitId: "vn", action: "lockout", username: "cv.binhtan"),
                                          token: admin)
        #expect(audit.entries.count == 1)
        #expect(await system.stop() == 0)
    }

    @Test("An admin's reset forces a change at the next login: refused calls until then, from the gateway and the command line")
    func forcedChange() async throws {
        let system = try await TestSystem()
        let session = "\(system.root)/admin-session.json"
        let userSession = "\(system.root)/user-session.json"
        let adminLogin = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin", "--data", system.root,
                                                             "--session", session], input: TestSystem.adminPassword + "\n")
        #expect(adminLogin.status == 0, "\(adminLogin.stderr)")
        let admin = try await system.login()
        _ = try await AuthThroughGatewayTests.prepare(system, adminToken: admin, username: "kt.binhtan", role: .inspector)

        let reset = try await ChildProcess.run("nq57", ["users", "reset-password", "kt.binhtan", "--data", system.root, "--session", session])
        #expect(reset.status == 0, "\(reset.stderr)")
        let temporary = try #require(reset.stdout.split(separator: "\n").first?.split(separator: " ").last.map(String.init))

        let client = system.client
        let login = try await client.call(AuthLogin.self, AuthLogin.Params(username: "kt.binhtan", password: temporary))
        #expect(login.mustChangePassword)
        do {
            _ = try await client.call(AuthUsersList.self, AuthUsersList.Params(unitId: "vn-75-25246"), token: login.accessToken)
            Issue.record("a call went through before the password was changed")
        } catch let error as RPCError {
            #expect(error.code == .failedPrecondition)
            #expect(error.message == "Bạn cần đổi mật khẩu trước khi tiếp tục.")
        }
        #expect(try await client.call(AuthWhoAmI.self, Empty(), token: login.accessToken).mustChangePassword)

        // The person changes it from the command line.
        let userLogin = try await ChildProcess.run("nq57", ["login", "--user", "kt.binhtan", "--password-stdin", "--data", system.root,
                                                            "--session", userSession], input: temporary + "\n")
        #expect(userLogin.stdout.contains("nq57 password"), "the login says a change is due")
        let change = try await ChildProcess.run("nq57", ["password", "--password-stdin", "--data", system.root, "--session", userSession],
                                                input: "\(temporary)\nmat-khau-rieng-2026\n")
        #expect(change.status == 0, "\(change.stderr)")
        let list = try await ChildProcess.run("nq57", ["users", "list", "--unit", "vn-75-25246", "--data", system.root, "--session", userSession])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("kt.binhtan"))

        let fresh = try await client.call(AuthLogin.self, AuthLogin.Params(username: "kt.binhtan", password: "mat-khau-rieng-2026"))
        #expect(!fresh.mustChangePassword)
        _ = try await client.call(AuthUsersList.self, AuthUsersList.Params(unitId: "vn-75-25246"), token: fresh.accessToken)
        #expect(await system.stop() == 0)
    }
}
