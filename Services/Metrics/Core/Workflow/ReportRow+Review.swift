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

    /// The API's view of it, with the value that counts (its last accepted version) beside it.
    func info(accepted: AcceptedValueRow?) -> ReportInfo {
        ReportInfo(indicatorId: indicatorId, unitId: unitId, period: period, state: state, value: value,
                   numerator: numerator, denominator: denominator, note: note, evidenceIds: evidence, version: version,
                   acceptedValue: accepted?.value, acceptedOn: accepted?.acceptedOn, reason: reason)
    }

    /// The API's view of it as stored now.
    func info(_ db: Database) throws -> ReportInfo {
        info(accepted: try AcceptedValueRow.latest(db, indicatorId: indicatorId, unitId: unitId, period: period)[period])
    }
}
