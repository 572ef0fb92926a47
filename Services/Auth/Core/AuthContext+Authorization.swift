import GRDB
import NQ57API
import NQ57Wire

/// The checks the admin methods share. Each checks the caller again against the method's
/// policy (the gateway did first): the service trusts the gateway's word on who is calling,
/// not on what they may do.
extension AuthContext {
    /// Refuses unless `caller` satisfies `M.policy` for the unit `unitId`.
    func authorize<M: APIMethod>(_ method: M.Type, caller: Caller, unitId: String?) async throws {
        var path: String?
        if let unitId {
            path = try await database.pool.read { db in try UnitDirectory.path(db, id: unitId) }
            if path == nil { throw UnitDirectory.unknownUnit(unitId) }
        }
        if let refusal = PasswordChangeGate.refusal(method: M.name, policy: M.policy, caller: caller) { throw refusal }
        guard M.policy.permits(caller, unitPath: path) else {
            throw RPCError(.permissionDenied, "Bạn không có quyền thực hiện thao tác này với đơn vị này.",
                           details: ["method": M.name])
        }
    }

    /// The account `username`, if the caller administers all of it: its own unit and every unit
    /// it holds a role at must be at or below a unit where the caller is admin. An admin of a
    /// department cannot touch an account that also answers at the province (or the root `admin`).
    static func managedAccount(_ db: Database, username: String, caller: Caller) throws -> AccountStore.Account {
        guard let account = try AccountStore.find(db, username: username) else {
            throw RPCError(.notFound, "Không có tài khoản \"\(username)\".", details: ["field": "username"])
        }
        let paths = [account.unitPath] + (try AccountStore.grants(db, accountId: account.id).map(\.unitPath))
        guard paths.allSatisfy({ caller.holds([.admin], over: $0) }) else {
            throw RPCError(.permissionDenied,
                           "Tài khoản \"\(account.username)\" thuộc hoặc có vai trò ở đơn vị nằm ngoài phạm vi quản trị của bạn.",
                           details: ["field": "username"])
        }
        return account
    }
}
