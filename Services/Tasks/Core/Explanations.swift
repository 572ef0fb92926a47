import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Requests for explanation (yêu cầu giải trình): a leader or inspector asks the unit answerable
/// for a red flag to explain it by a date (`tasks.explanations.request`); the unit's head answers
/// once, with text and evidence (`tasks.explanations.answer`); the requests stay with the unit
/// (`tasks.explanations.list`) and on the task's flags, and one unanswered past its date is a red
/// flag of its own (`explanationOverdue` in `tasks.flags`).
public struct Explanations: Sendable {
    let context: TasksContext

    /// Furthest date a request may give.
    static let maxDays = 90

    /// Explanations over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the explanation methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let explanations = Explanations(context)
        routes.on(TasksExplanationRequest.self) { params, call in try await explanations.request(params, caller: call.caller) }
        routes.on(TasksExplanationAnswer.self) { params, call in try await explanations.answer(params, caller: call.caller) }
        routes.on(TasksExplanationList.self) { params, _ in TasksExplanationList.Result(requests: try await explanations.list(params)) }
    }

    /// Records a request about a flag the unit answers for. A task's flag must be raised on the task
    /// today, the unit its lead unit; one request at a time per flag.
    public func request(_ params: TasksExplanationRequest.Params, caller: Caller) async throws -> ExplanationInfo {
        let path = try await context.unitPath(params.unitId)
        guard caller.holds([.steering, .inspector], over: path), let username = caller.username else {
            throw RPCError(.permissionDenied, "Chỉ Ban Chỉ đạo hoặc Ủy ban Kiểm tra cấp trên mới yêu cầu đơn vị giải trình.")
        }
        let question = try FreeText.required(params.question, field: "question", label: "Nội dung yêu cầu giải trình")
        let today = context.today
        guard let due = Day(iso: params.dueOn), due >= today, today.daysUntil(due) <= Self.maxDays else {
            throw RPCError(.invalidArgument, "Hạn giải trình phải là một ngày từ hôm nay (\(today)) đến \(Self.maxDays) ngày sau, dạng yyyy-MM-dd.",
                           details: ["field": "dueOn"])
        }
        let warningDays = context.warningDays
        let record = ExplanationRecord(
            id: "gt-" + String(UUID().uuidString.lowercased().prefix(12)), unitId: params.unitId, unitPath: path, kind: params.kind,
            itemId: params.itemId, rule: params.rule, period: params.period, question: question, dueOn: due.iso, requestedBy: username,
            requestedOn: today.iso, requestedAt: context.clock.now.timeIntervalSince1970)
        return try await context.database.pool.write { db in
            if params.kind == .task {
                guard let task = try TaskRecord.find(db, id: params.itemId), task.leadUnitId == params.unitId else {
                    throw RPCError(.notFound, "Đơn vị không chủ trì nhiệm vụ \"\(params.itemId)\".", details: ["field": "itemId"])
                }
                let raised = task.flags(on: today, warningDays: warningDays)
                guard raised.contains(where: { $0.rule.rawValue == params.rule && $0.level == .red }) else {
                    throw RPCError(.failedPrecondition, "Nhiệm vụ này hôm nay không có cảnh báo đỏ \"\(params.rule)\" để yêu cầu giải trình.",
                                   details: ["field": "rule"])
                }
            } else {
                guard ["behindRoadmap", "overdue", "sentBack", "notReported"].contains(params.rule) else {
                    throw RPCError(.invalidArgument, "Quy tắc cảnh báo chỉ tiêu \"\(params.rule)\" không có.", details: ["field": "rule"])
                }
            }
            let open = try ExplanationRecord.filter(Column("unit_id") == params.unitId && Column("item_id") == params.itemId
                                                    && Column("rule") == params.rule && Column("answer") == nil)
                .fetchAll(db).contains { $0.period == params.period }
            if open {
                throw RPCError(.alreadyExists, "Đơn vị đang có một yêu cầu giải trình chưa trả lời về cảnh báo này.", details: ["field": "rule"])
            }
            try record.insert(db)
            return record.info(today: today)
        }
    }

    /// The head of the unit asked answers, once; evidence must be the unit's own.
    public func answer(_ params: TasksExplanationAnswer.Params, caller: Caller) async throws -> ExplanationInfo {
        let path = try await context.unitPath(params.unitId)
        guard caller.holds([.head], at: path), let username = caller.username else {
            throw RPCError(.permissionDenied, "Chỉ người đứng đầu đơn vị được yêu cầu mới trả lời giải trình.")
        }
        let text = try FreeText.required(params.answer, field: "answer", label: "Nội dung giải trình")
        let evidence = params.evidenceIds ?? []
        if !evidence.isEmpty { _ = try await context.evidence.files(evidence, unitId: params.unitId, caller: caller) }
        let today = context.today
        let now = context.clock.now.timeIntervalSince1970
        return try await context.database.pool.write { db in
            // Another unit's request answers as one that does not exist.
            guard var record = try ExplanationRecord.fetchOne(db, key: params.requestId), record.unitId == params.unitId else {
                throw RPCError(.notFound, "Không có yêu cầu giải trình \"\(params.requestId)\" gửi đơn vị này.", details: ["field": "requestId"])
            }
            guard record.answer == nil else {
                throw RPCError(.failedPrecondition, "Yêu cầu này đã được trả lời ngày \(Day(iso: record.answeredOn ?? "").map(\.description) ?? "")."
                               , details: ["field": "requestId"])
            }
            record.answer = text
            record.evidence = StringListColumn.encode(evidence)
            record.answeredBy = username
            record.answeredOn = today.iso
            record.answeredAt = now
            try record.update(db)
            return record.info(today: today)
        }
    }

    /// The requests of a unit and below, newest first.
    public func list(_ params: TasksExplanationList.Params) async throws -> [ExplanationInfo] {
        let path = try await context.unitPath(params.unitId)
        let today = context.today
        return try await context.database.pool.read { db in
            try ExplanationRecord.all(db, under: path, itemId: params.itemId).map { $0.info(today: today) }
        }
    }

    /// The red flags of requests past their date without an answer, for units at or below `path` on `day`.
    static func overdueFlags(_ db: Database, under path: String, on day: Day) throws -> [FlagInfo] {
        try ExplanationRecord.all(db, under: path).compactMap { record in
            guard record.answer == nil, let due = Day(iso: record.dueOn), day > due else { return nil }
            let what = record.kind == .task ? "nhiệm vụ" : "chỉ tiêu"
            return FlagInfo(rule: .explanationOverdue, since: due.adding(days: 1).iso,
                            detail: "Yêu cầu giải trình ngày \(Day(iso: record.requestedOn).map(\.description) ?? record.requestedOn) về cảnh báo "
                                + "\"\(record.rule)\" của \(what) \(record.itemId), hạn \(due), chưa được trả lời.",
                            taskId: record.itemId, taskTitle: record.question, unitId: record.unitId)
        }
    }
}
