import Foundation
import GRDB
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Comments on a task between its lead unit and its reviewers (`tasks.comments.add`,
/// `tasks.comments.list`), kept with the task: text through `FreeText`, a recurring task's
/// period checked to be one of its periods.
struct TaskComments: Sendable {
    let context: TasksContext

    /// Registers the methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let comments = TaskComments(context: context)
        routes.on(TasksCommentAdd.self) { params, call in try await comments.add(params, caller: call.caller) }
        routes.on(TasksCommentList.self) { params, _ in try await comments.list(params) }
    }

    /// Adds a comment as `caller`, from the side their roles put them on.
    func add(_ params: TasksCommentAdd.Params, caller: Caller) async throws -> CommentInfo {
        let path = try await context.unitPath(params.unitId)
        let text = try CommentRules.text(params.text)
        let at = context.clock.now.timeIntervalSince1970
        return try await context.database.pool.write { db in
            let task = try TaskReads.task(db, id: params.taskId, unitPath: path)
            if let period = params.period {
                guard let recurrence = task.recurrence, PeriodKey(key: period)?.period == recurrence else {
                    throw RPCError(.invalidArgument, "Kỳ \"\(period)\" không phải kỳ báo cáo của nhiệm vụ này.", details: ["field": "period"])
                }
            }
            let role = try CommentRules.side(of: caller, forUnitAt: task.leadUnitPath)
            var record = TaskCommentRecord(taskId: task.id, period: params.period, at: at, account: caller.account,
                                           username: caller.username, role: role.rawValue, text: text)
            try record.insert(db)
            return record.info
        }
    }

    /// The task's comments, oldest first.
    func list(_ ref: TaskRef) async throws -> CommentList {
        let path = try await context.unitPath(ref.unitId)
        return try await context.database.pool.read { db in
            _ = try TaskReads.task(db, id: ref.taskId, unitPath: path)
            return CommentList(comments: try TaskCommentRecord.all(db, taskId: ref.taskId).map(\.info))
        }
    }
}
