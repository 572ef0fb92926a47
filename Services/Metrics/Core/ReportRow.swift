import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import ReviewRules

extension ReviewStateMachine {
    /// The workflow of KPI values (`ReviewPolicy.kpiValue`).
    static let values = ReviewStateMachine(.kpiValue)
}

/// A row of `reports`: the latest version of a unit's value for a period.
struct ReportRow: Sendable {
    var indicatorId: String
    var unitId: String
    var unitPath: String
    var period: String
    var state: ReportState
    var number: ReportedNumber
    var note: String?
    var evidence: [String]
    var version: Int
    var reason: String?
    var submittedOn: String?
    var acceptedValue: Double?
    var acceptedOn: String?
    /// Accounts that drafted or submitted any version, none of whom may review it.
    var authors: [String]

    init(row: Row) {
        indicatorId = row["indicator_id"]
        unitId = row["unit_id"]
        unitPath = row["unit_path"]
        period = row["period"]
        state = ReportState(rawValue: row["state"]) ?? .draft
        number = ReportedNumber(value: row["value"], numerator: row["numerator"], denominator: row["denominator"])
        note = row["note"]
        evidence = StringListColumn.decode(row["evidence"])
        version = row["version"]
        reason = row["reason"]
        submittedOn = row["submitted_on"]
        acceptedValue = row.hasColumn("accepted_value") ? row["accepted_value"] : nil
        acceptedOn = row.hasColumn("accepted_on") ? row["accepted_on"] : nil
        authors = StringListColumn.decode(row["authors"] ?? "[]")
    }

    /// The value as the shared review workflow sees it.
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

    static func fetch(_ db: Database, indicatorId: String, unitId: String, period: String) throws -> ReportRow? {
        try Row.fetchOne(db, sql: selectSQL + " WHERE r.indicator_id = ? AND r.unit_id = ? AND r.period = ?",
                         arguments: [indicatorId, unitId, period]).map(ReportRow.init(row:))
    }

    /// Reports with the value that counts (the last accepted version) beside each.
    static let selectSQL = """
        SELECT r.*, a.value AS accepted_value, a.accepted_on AS accepted_on FROM reports r
        LEFT JOIN accepted_values a ON a.indicator_id = r.indicator_id AND a.unit_id = r.unit_id AND a.period = r.period
            AND a.version = (SELECT MAX(version) FROM accepted_values b
                             WHERE b.indicator_id = r.indicator_id AND b.unit_id = r.unit_id AND b.period = r.period)
        """

    var info: ReportInfo {
        ReportInfo(indicatorId: indicatorId, unitId: unitId, period: period, state: state, value: number.value,
                   numerator: number.numerator, denominator: number.denominator, note: note, evidenceIds: evidence, version: version,
                   acceptedValue: acceptedValue, acceptedOn: acceptedOn, reason: reason)
    }
}
