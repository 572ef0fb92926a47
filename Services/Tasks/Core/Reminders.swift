import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Each person's reminders: `tasks.reminders.list` and `tasks.reminders.markRead` (their own
/// only, whatever ids they send), and `tasks.reminders.run` for admins.
public struct Reminders: Sendable {
    let context: TasksContext

    /// Reminders over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the reminder methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let reminders = Reminders(context)
        routes.on(TasksRemindersList.self) { params, call in try await reminders.list(params, caller: call.caller) }
        routes.on(TasksRemindersMarkRead.self) { params, call in try await reminders.markRead(params, caller: call.caller) }
        routes.on(TasksRemindersRun.self) { _, call in try await reminders.run(caller: call.caller) }
    }

    /// The caller's reminders, newest first, with their unread count.
    public func list(_ params: TasksRemindersList.Params, caller: Caller) async throws -> TasksRemindersList.Result {
        let account = try Self.account(of: caller)
        let limit = params.limit ?? 100
        guard (1...500).contains(limit) else {
            throw RPCError(.invalidArgument, "Số thông báo mỗi lần phải từ 1 đến 500.", details: ["field": "limit"])
        }
        return try await context.database.pool.read { db in
            var request = ReminderRecord.filter(ReminderRecord.Columns.accountId == account)
            if params.unreadOnly == true { request = request.filter(ReminderRecord.Columns.readAt == nil) }
            let records = try request.order(ReminderRecord.Columns.id.desc).limit(limit).fetchAll(db)
            return TasksRemindersList.Result(unread: try ReminderRecord.unreadCount(db, accountId: account), reminders: records.map(\.info))
        }
    }

    /// Marks the caller's reminders read: those named (each must be theirs), or all.
    public func markRead(_ params: TasksRemindersMarkRead.Params, caller: Caller) async throws -> TasksRemindersMarkRead.Result {
        let account = try Self.account(of: caller)
        if let ids = params.ids, ids.count > 1000 {
            throw RPCError(.invalidArgument, "Tối đa 1000 thông báo mỗi lần.", details: ["field": "ids"])
        }
        let now = context.clock.now.timeIntervalSince1970
        return try await context.database.pool.write { db in
            var request = ReminderRecord.filter(ReminderRecord.Columns.accountId == account)
            if let ids = params.ids {
                let own = Set(try request.filter(keys: ids).select(ReminderRecord.Columns.id, as: Int64.self).fetchAll(db))
                if let foreign = ids.first(where: { !own.contains($0) }) {
                    // Someone else's reminder answers as one that does not exist: no way to learn which ids are taken.
                    throw RPCError(.notFound, "Không có thông báo số \(foreign) của bạn.", details: ["field": "ids", "id": "\(foreign)"])
                }
                request = request.filter(keys: ids)
            }
            try request.filter(ReminderRecord.Columns.readAt == nil).updateAll(db, ReminderRecord.Columns.readAt.set(to: now))
            return TasksRemindersMarkRead.Result(unread: try ReminderRecord.unreadCount(db, accountId: account))
        }
    }

    /// Runs the reminders of today now.
    public func run(caller: Caller) async throws -> ReminderRunReport {
        guard caller.grants.contains(where: { $0.role == .admin }) else {
            throw RPCError(.permissionDenied, "Chỉ quản trị hệ thống mới chạy nhắc việc.")
        }
        guard let collaborators = context.reminders else {
            throw RPCError(.failedPrecondition, "Dịch vụ nhiệm vụ chưa được cấu hình để nhắc việc.")
        }
        return try await ReminderRunner(context, collaborators: collaborators).run(on: context.today)
    }

    private static func account(of caller: Caller) throws -> String {
        guard let account = caller.account else { throw RPCError(.unauthenticated, "Cần đăng nhập để thực hiện thao tác này.") }
        return account
    }
}
