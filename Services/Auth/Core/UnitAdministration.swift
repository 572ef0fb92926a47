import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The unit tree: `auth.units.list` for anyone, `auth.units.create` and `auth.units.rename`
/// for admins above the unit.
struct UnitAdministration: AuthPart {
    let context: AuthContext

    /// Registers the unit methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(AuthUnitsList.self) { params, _ in try await listUnits(params) }
        routes.on(AuthUnitsCreate.self) { params, call in try await createUnit(params, caller: call.caller) }
        routes.on(AuthUnitsRename.self) { params, call in try await renameUnit(params, caller: call.caller) }
    }

    /// The units under `params.under` (or all), named as on `params.asOf` (today by default).
    func listUnits(_ params: AuthUnitsList.Params) async throws -> AuthUnitsList.Result {
        let asOf = params.asOf ?? clock.today
        guard NQ57Clock.parseDay(asOf) != nil else {
            throw RPCError(.invalidArgument, "Ngày \"\(asOf)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "asOf"])
        }
        return AuthUnitsList.Result(units: try await database.pool.read { db in
            try UnitDirectory.list(db, under: params.under, asOf: asOf)
        })
    }

    /// Adds a unit under its parent.
    func createUnit(_ params: AuthUnitsCreate.Params, caller: Caller) async throws -> UnitInfo {
        try await context.authorize(AuthUnitsCreate.self, caller: caller, unitId: params.parentId)
        let now = clock.now
        return try await database.pool.write { db in
            let unit = try UnitDirectory.create(db, params, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: unit.path,
                                          action: "unitCreated", method: AuthUnitsCreate.name, target: unit.id), now: now)
            return unit
        }
    }

    /// Gives a unit a new name from a day on.
    func renameUnit(_ params: AuthUnitsRename.Params, caller: Caller) async throws -> UnitInfo {
        try await context.authorize(AuthUnitsRename.self, caller: caller, unitId: params.unitId)
        let now = clock.now
        return try await database.pool.write { db in
            let unit = try UnitDirectory.rename(db, unitId: params.unitId, name: params.name, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: unit.path,
                                          action: "unitRenamed", method: AuthUnitsRename.name, target: unit.id), now: now)
            return unit
        }
    }
}
