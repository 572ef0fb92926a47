import Foundation
import GRDB
import NQ57API
import NQ57Wire

/// Each person's mail address and whether they want reminders mailed (`auth.mail.get`,
/// `auth.mail.set`, on their own account only), and the reminder runner's contacts
/// (`auth.contacts`, internal).
struct AccountMail: AuthPart {
    let context: AuthContext

    /// Most units one `auth.contacts` call may name.
    static let maxUnits = 5000

    /// Registers the mail methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(AuthMailGet.self) { _, call in try await preference(of: call.caller) }
        routes.on(AuthMailSet.self) { params, call in try await set(params, caller: call.caller) }
        routes.on(AuthContacts.self) { params, _ in try await contacts(params) }
    }

    /// The caller's own settings.
    func preference(of caller: Caller) async throws -> MailPreference {
        let id = try accountId(caller)
        return try await database.pool.read { db in
            guard let record = try AccountRecord.fetchOne(db, key: id) else { throw Self.noAccount }
            return MailPreference(email: record.email, reminders: record.mailReminders)
        }
    }

    /// Changes the caller's own settings; what is left out stays.
    func set(_ params: AuthMailSet.Params, caller: Caller) async throws -> MailPreference {
        let id = try accountId(caller)
        let email = try params.email.map { try MailAddress.validated($0) }
        let now = clock.now
        return try await database.pool.write { db in
            guard var record = try AccountRecord.fetchOne(db, key: id) else { throw Self.noAccount }
            if let email { record.email = email }
            if let reminders = params.reminders { record.mailReminders = reminders }
            try record.update(db)
            try AuditLog.append(db, .init(account: record.id, username: record.username, unitPath: try UnitRecord.path(db, id: record.unitId) ?? "/vn/",
                                          action: "mailSettings", method: AuthMailSet.name, target: record.username), now: now)
            return MailPreference(email: record.email, reminders: record.mailReminders)
        }
    }

    /// Accounts holding any role at `unitIds`, with only those roles, by login name.
    func contacts(_ params: AuthContacts.Params) async throws -> AuthContacts.Result {
        guard params.unitIds.count <= Self.maxUnits else {
            throw RPCError(.invalidArgument, "Tối đa \(Self.maxUnits) đơn vị mỗi lần hỏi.", details: ["field": "unitIds"])
        }
        let units = Array(Set(params.unitIds))
        return try await database.pool.read { db in
            var byAccount: [String: [Grant]] = [:]
            for grant in try GrantRecord.filter(units.contains(GrantRecord.Columns.unitId)).fetchAll(db) {
                guard let path = try UnitRecord.path(db, id: grant.unitId) else { continue }
                byAccount[grant.accountId, default: []].append(Grant(role: grant.role, unitId: grant.unitId, unitPath: path))
            }
            let records = try AccountRecord.filter(keys: Array(byAccount.keys)).order(AccountRecord.Columns.username).fetchAll(db)
            return AuthContacts.Result(contacts: records.map { record in
                ReminderContact(accountId: record.id, username: record.username, displayName: record.displayName, email: record.email,
                                mailReminders: record.mailReminders,
                                grants: (byAccount[record.id] ?? []).sorted { ($0.unitPath, $0.role.rawValue) < ($1.unitPath, $1.role.rawValue) })
            })
        }
    }

    private func accountId(_ caller: Caller) throws -> String {
        guard let id = caller.account else { throw RPCError(.unauthenticated, "Cần đăng nhập để thực hiện thao tác này.") }
        return id
    }

    private static var noAccount: RPCError { RPCError(.notFound, "Tài khoản không còn tồn tại.", details: ["field": "account"]) }
}
