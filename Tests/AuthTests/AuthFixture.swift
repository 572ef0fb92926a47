import Foundation
import Logging
import NQ57API
import NQ57Runtime
import NQ57Tokens
@testable import AuthCore

/// An auth authority over a fresh database in a temporary folder, with a clock the test
/// moves, cheap password hashing, and a small tree: vn → tỉnh Đồng Nai → xã Bình Tân (with
/// its Văn phòng Đảng ủy) and phường Bình Long.
struct AuthFixture {
    let authority: AuthAuthority
    let clock: ManualClock
    let folder: String
    let admin: Caller
    /// The first admin's password when the authority generated it.
    let generatedPassword: String?

    static let start = ISO8601DateFormatter().date(from: "2025-12-15T01:00:00Z")!

    init(configuration: AuthConfiguration = AuthConfiguration(initialAdminPassword: "quan-tri-vien-2025", scryptLogN: 10)) async throws {
        folder = "/tmp/nq57-auth-\(UUID().uuidString.prefix(8))"
        let database = try ServiceDatabase(path: "\(folder)/auth.sqlite") { AuthSchema.register(&$0) }
        clock = ManualClock(Self.start)
        let signer = try await AccessTokenSigner(privateKeyPEM: AccessTokenSigner.generatePrivateKeyPEM())
        authority = AuthAuthority(database: database, signer: signer, configuration: configuration, clock: clock.clock,
                                  logger: Logger(label: "test"))
        generatedPassword = try authority.bootstrapAdmin()
        let password = configuration.initialAdminPassword ?? generatedPassword ?? ""
        let login = try await authority.sessions.login(AuthLogin.Params(username: "admin", password: password))
        admin = Caller(account: login.account.id, username: "admin", session: nil, grants: login.account.grants)
        for unit in [
            AuthUnitsCreate.Params(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                   names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01"),
                                           UnitName(name: "Thành phố Đồng Nai", validFrom: "2026-04-30")]),
            AuthUnitsCreate.Params(id: "vn-75-25246", parentId: "vn-75", kind: .commune, code: "25246",
                                   names: [UnitName(name: "Xã Bình Tân", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246-vpdu", parentId: "vn-75-25246", kind: .department,
                                   names: [UnitName(name: "Văn phòng Đảng ủy", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25195", parentId: "vn-75", kind: .commune, code: "25195",
                                   names: [UnitName(name: "Phường Bình Phước", validFrom: "2025-07-01")]),
        ] {
            _ = try await authority.units.createUnit(unit, caller: admin)
        }
    }

    /// Creates an account with `role` at `unit` and logs it in.
    func account(_ username: String, role: Role, at unit: String, password: String = "mat-khau-du-dai") async throws -> LoginResult {
        _ = try await authority.accounts.addUser(AuthUsersAdd.Params(username: username, displayName: "Cán bộ \(username)", unitId: unit,
                                                            password: password), caller: admin)
        _ = try await authority.accounts.grant(GrantParams(username: username, role: role, unitId: unit), caller: admin)
        return try await authority.sessions.login(AuthLogin.Params(username: username, password: password))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

extension LoginResult {
    /// The caller the gateway would forward for this login.
    var caller: Caller {
        Caller(account: account.id, username: account.username, session: nil, grants: account.grants)
    }
}
