import GRDB
import NQ57API
import NQ57Wire

/// The audit log's methods: `auth.audit.list` for inspectors and admins of a unit, and
/// `auth.audit.append`, through which the gateway ships its journal.
struct AuthAudit: AuthPart {
    let context: AuthContext

    /// Registers the audit methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(AuthAuditList.self) { params, call in try await listAudit(params, caller: call.caller) }
        routes.on(AuthAuditAppend.self) { params, _ in
            try await appendAudit(params)
            return Empty()
        }
    }

    /// The entries about a unit's subtree, newest first.
    func listAudit(_ params: AuthAuditList.Params, caller: Caller) async throws -> AuthAuditList.Result {
        try await context.authorize(AuthAuditList.self, caller: caller, unitId: params.unitId)
        let limit = min(max(params.limit ?? 100, 1), 1000)
        return try await database.pool.read { db in
            guard let path = try UnitDirectory.path(db, id: params.unitId) else { throw UnitDirectory.unknownUnit(params.unitId) }
            return AuthAuditList.Result(entries: try AuditLog.list(db, under: path, action: params.action, username: params.username,
                                                                   before: params.before, limit: limit))
        }
    }

    /// Stores the gateway's records, each once by its id.
    func appendAudit(_ params: AuthAuditAppend.Params) async throws {
        try await database.pool.write { db in try AuditLog.append(db, records: params.entries) }
    }
}
