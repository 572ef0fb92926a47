import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import ReviewRules

extension ReviewStateMachine {
    /// The workflow of KPI values (`ReviewPolicy.kpiValue`).
    static let values = ReviewStateMachine(.kpiValue)
}

extension ReportRow {
    /// The value as the shared review workflow sees it (a value sent back is `sentBack` there).
    var reviewItem: ReviewItem {
        let reviewState: ReviewState = switch state {
        case .draft: .draft
        case .submitted: .submitted
        case .needsRework: .sentBack
        case .accepted: .accepted
        }
        return ReviewItem(state: reviewState, authors: authors, version: version,
                          submittedOn: submittedOn.flatMap(Day.init(iso:)), reason: reason)
    }

    /// The API's view of it, with the value that counts (its last accepted version) beside it and
    /// what `caller` may do with it on `day`.
    func info(accepted: AcceptedValueRow?, for caller: Caller, on day: Day) -> ReportInfo {
        ReportInfo(indicatorId: indicatorId, unitId: unitId, period: period, state: state, value: value,
                   numerator: numerator, denominator: denominator, note: note, evidenceIds: evidence, version: version,
                   acceptedValue: accepted?.value, acceptedOn: accepted?.acceptedOn, reason: reason,
                   actions: Self.actions(on: reviewItem, for: caller, unitPath: unitPath, on: day))
    }

    /// The API's view of it as stored now, for `caller` on `day`.
    func info(_ db: Database, for caller: Caller, on day: Day) throws -> ReportInfo {
        info(accepted: try AcceptedValueRow.latest(db, indicatorId: indicatorId, unitId: unitId, period: period)[period], for: caller, on: day)
    }

    /// What `caller` may do on `item` of the unit at `unitPath` on `day` (nothing, when anonymous);
    /// on `.new`, what it may do for a period not reported yet.
    static func actions(on item: ReviewItem, for caller: Caller, unitPath: String, on day: Day) -> [ItemAction] {
        guard let actor = try? caller.reviewActor(forUnitAt: unitPath) else { return [] }
        return ReviewStateMachine.values.actions(on: item, by: actor, on: day)
    }
}
