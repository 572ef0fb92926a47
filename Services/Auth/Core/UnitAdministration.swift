import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The unit tree: `auth.units.list`, `auth.units.tree` and `auth.units.get` for anyone;
/// `auth.units.create`, `auth.units.rename`, `auth.units.merge` and `auth.units.split` for
/// admins above every unit they change. Each change is recorded (who, when, why) and audited.
struct UnitAdministration: AuthPart {
    let context: AuthContext

    /// Registers the unit methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(AuthUnitsList.self) { params, _ in try await listUnits(params) }
        routes.on(AuthUnitsTree.self) { params, _ in try await tree(params) }
        routes.on(AuthUnitsGet.self) { params, _ in try await get(params) }
        routes.on(AuthUnitsCreate.self) { params, call in try await createUnit(params, caller: call.caller) }
        routes.on(AuthUnitsRename.self) { params, call in try await renameUnit(params, caller: call.caller) }
        routes.on(AuthUnitsMerge.self) { params, call in try await merge(params, caller: call.caller) }
        routes.on(AuthUnitsSplit.self) { params, call in try await split(params, caller: call.caller) }
    }

    /// The day a read is about: `asOf`, or today.
    private func day(_ asOf: String?) throws -> String {
        try UnitDirectory.validatedDay(asOf ?? clock.today, field: "asOf")
    }

    /// Every unit under `params.under` (or all), ended or not, named as on `params.asOf` (today by default).
    func listUnits(_ params: AuthUnitsList.Params) async throws -> AuthUnitsList.Result {
        let asOf = try day(params.asOf)
        let today = clock.today
        return AuthUnitsList.Result(units: try await database.pool.read { db in
            try UnitDirectory.list(db, under: params.under, asOf: asOf, today: today)
        })
    }

    /// The units that existed on `params.asOf`, named as on that day.
    func tree(_ params: AuthUnitsTree.Params) async throws -> AuthUnitsTree.Result {
        let asOf = try day(params.asOf)
        let today = clock.today
        return AuthUnitsTree.Result(asOf: asOf, units: try await database.pool.read { db in
            try UnitDirectory.tree(db, under: params.under, asOf: asOf, today: today)
        })
    }

    /// One unit as on `params.asOf`, with its history.
    func get(_ params: AuthUnitsGet.Params) async throws -> AuthUnitsGet.Result {
        let asOf = try day(params.asOf)
        let today = clock.today
        return try await database.pool.read { db in
            guard let unit = try UnitDirectory.unit(db, id: params.unitId, asOf: asOf, today: today) else {
                throw RPCError(.notFound, "Không có đơn vị \"\(params.unitId)\".", details: ["field": "unitId", "unit": params.unitId])
            }
            return AuthUnitsGet.Result(unit: unit, history: try UnitDirectory.history(db, unitId: params.unitId))
        }
    }

    /// Adds a unit under its parent.
    func createUnit(_ params: AuthUnitsCreate.Params, caller: Caller) async throws -> UnitInfo {
        try await context.authorize(AuthUnitsCreate.self, caller: caller, unitId: params.parentId)
        let now = clock.now
        return try await database.pool.write { db in
            let unit = try UnitDirectory.create(db, params, caller: caller, now: now)
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
            let unit = try UnitDirectory.rename(db, params, caller: caller, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: unit.path,
                                          action: "unitRenamed", method: AuthUnitsRename.name, target: unit.id), now: now)
            return unit
        }
    }

    /// Merges units into one from a day on; the caller must administer every unit involved.
    func merge(_ params: AuthUnitsMerge.Params, caller: Caller) async throws -> UnitChangeInfo {
        try await authorizeEach(AuthUnitsMerge.self, [params.into], field: "into", caller: caller)
        try await authorizeEach(AuthUnitsMerge.self, params.unitIds, field: "unitIds", caller: caller)
        let now = clock.now
        return try await database.pool.write { db in
            let change = try UnitDirectory.merge(db, params, caller: caller, now: now)
            try audit(db, change, action: "unitsMerged", method: AuthUnitsMerge.name, caller: caller, now: now)
            return change
        }
    }

    /// Splits a unit into several from a day on; the caller must administer every unit involved.
    func split(_ params: AuthUnitsSplit.Params, caller: Caller) async throws -> UnitChangeInfo {
        try await authorizeEach(AuthUnitsSplit.self, [params.unitId], field: "unitId", caller: caller)
        try await authorizeEach(AuthUnitsSplit.self, params.into, field: "into", caller: caller)
        let now = clock.now
        return try await database.pool.write { db in
            let change = try UnitDirectory.split(db, params, caller: caller, now: now)
            try audit(db, change, action: "unitSplit", method: AuthUnitsSplit.name, caller: caller, now: now)
            return change
        }
    }

    /// The policy checked at every unit named in `field`, not only the one the gateway checked; an
    /// unknown unit is `not_found` naming `field`.
    private func authorizeEach<M: APIMethod>(_ method: M.Type, _ unitIds: [String], field: String, caller: Caller) async throws {
        guard unitIds.count <= 100 else {
            throw RPCError(.invalidArgument, "Tối đa 100 đơn vị trong một thay đổi.", details: ["field": field])
        }
        for unitId in Set(unitIds) {
            do {
                try await context.authorize(method, caller: caller, unitId: unitId)
            } catch let error as RPCError where error.code == .notFound {
                throw RPCError(.notFound, error.message, details: ["field": field, "unit": unitId])
            }
        }
    }

    /// One audit entry per unit the change touched, under each unit's path.
    private func audit(_ db: Database, _ change: UnitChangeInfo, action: String, method: String, caller: Caller, now: Date) throws {
        for unitId in Set(change.fromUnitIds + change.toUnitIds).sorted() {
            let path = try UnitDirectory.path(db, id: unitId) ?? "/vn/"
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: path, action: action,
                                          method: method, target: "unit:\(unitId) change:\(change.id)"), now: now)
        }
    }
}
