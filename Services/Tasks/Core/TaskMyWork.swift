import Foundation
import GRDB
import NQ57API
import NQ57Calendar
import NQ57Runtime
import TasksRules

/// `tasks.myWork`: "Việc của tôi" on tasks, for the units where the caller is staff or head
/// (and below): claims sent back with the reason, what is overdue or due next, and drafts
/// waiting for the head's submission.
struct TaskMyWork: Sendable {
    let context: TasksContext

    /// Registers the method.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let work = TaskMyWork(context: context)
        routes.on(TasksMyWork.self) { params, call in try await work.list(params, caller: call.caller) }
    }

    /// The caller's work on tasks, today.
    func list(_ params: MyWorkParams, caller: Caller) async throws -> MyWorkResult {
        var asked: String?
        if let unitId = params.unitId { asked = try await context.unitPath(unitId) }
        let scope = try MyWork.scope(of: caller, within: asked)
        let (tasks, reasons) = try await context.database.pool.read { db in
            let tasks = try scope.flatMap { try TaskRecord.all(db, under: $0, ordered: false) }
            return (tasks, try Self.sendBackReasons(db))
        }
        let today = context.today
        var seen = Set<String>()
        var items: [MyWorkItem] = []
        for task in tasks where seen.insert(task.id).inserted {
            let actor = try? caller.reviewActor(forUnitAt: task.leadUnitPath)
            items += task.workItems(on: today, reasons: reasons[task.id] ?? [:], actor: actor)
        }
        return MyWorkResult(asOf: today.iso, items: MyWork.arranged(items))
    }

    /// The reason of the last send-back of each task's claim, by task and period ("" for a task's own claim).
    static func sendBackReasons(_ db: Database) throws -> [String: [String: String]] {
        var reasons: [String: [String: String]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT task_id, period, note FROM task_events WHERE kind = ? ORDER BY seq",
                                       arguments: [TaskHistoryKind.sendBack.rawValue])
        while let row = try rows.next() {
            let task: String = row[0]
            let period: String? = row[1]
            let reason: String? = row[2]
            reasons[task, default: [:]][period ?? ""] = reason
        }
        return reasons
    }
}
