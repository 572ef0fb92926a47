import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// Comments on a unit's KPI report between the unit and its reviewers (`metrics.comments.add`,
/// `metrics.comments.list`), kept with the report: text through `FreeText`, the period checked
/// against the indicator's frequency.
public struct ReportComments: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsCommentAdd.self) { params, call in try await add(params, caller: call.caller) }
        routes.on(MetricsCommentList.self) { params, _ in try await list(params) }
    }

    /// Adds a comment as `caller`, from the side their roles put them on.
    public func add(_ params: MetricsCommentAdd.Params, caller: Caller) async throws -> CommentInfo {
        let path = try await context.unitPath(params.unitId)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
        let period = try context.checked { () throws(RuleError) in try ValueCheck.period(params.period, frequency: indicator.rules.frequency) }
        let text = try CommentRules.text(params.text)
        let role = try CommentRules.side(of: caller, forUnitAt: path)
        let row = ReportCommentRow(indicatorId: indicator.id, unitId: params.unitId, period: period.key, at: context.clock.now.timeIntervalSince1970,
                                   account: caller.account, username: caller.username, role: role.rawValue, text: text)
        let saved = try await context.database.pool.write { db in
            var inserted = row
            try inserted.insert(db)
            return inserted
        }
        return saved.info
    }

    /// The comments on the unit's reports of the indicator, oldest first.
    public func list(_ params: MetricsHistory.Params) async throws -> CommentList {
        let path = try await context.unitPath(params.unitId)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
        return try await context.database.pool.read { db in
            CommentList(comments: try ReportCommentRow.all(db, indicatorId: indicator.id, unitId: params.unitId, period: params.period).map(\.info))
        }
    }
}
