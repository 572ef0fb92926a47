import GRDB
import NQ57API
import NQ57Calendar
import NQ57Runtime
import ReviewRules

/// The review of a request to publish one file, as the `publication_*` columns of `files`
/// keep it: the shared `ReviewItem` plus who last asked.
struct PublicationRecord: Equatable {
    /// The review fields the state machine reads and writes.
    var item: ReviewItem
    /// The account that last asked for publication.
    var submittedBy: String?

    /// The record of a file that nobody asked to publish yet.
    static let none = PublicationRecord(item: .new, submittedBy: nil)

    init(item: ReviewItem, submittedBy: String?) {
        self.item = item
        self.submittedBy = submittedBy
    }

    /// The record in a `files` row; nil when nobody asked to publish the file.
    init?(row: Row) {
        guard let stateText: String = row["publication_state"], let state = ReviewState(rawValue: stateText) else { return nil }
        let submitted: String? = row["publication_submitted_on"]
        let decided: String? = row["publication_decided_on"]
        item = ReviewItem(state: state, authors: StringListColumn.decode(row["publication_authors"] ?? "[]"),
                          submittedOn: submitted.flatMap(Day.init(iso:)), decidedOn: decided.flatMap(Day.init(iso:)),
                          decidedBy: row["publication_decided_by"], reason: row["publication_reason"])
        submittedBy = row["publication_submitted_by"]
    }

    /// Writes the record into the file's row.
    func save(_ db: Database, evidenceId: String) throws {
        try db.execute(sql: """
            UPDATE files SET publication_state = ?, publication_authors = ?, publication_submitted_on = ?, publication_submitted_by = ?,
                             publication_decided_on = ?, publication_decided_by = ?, publication_reason = ?
            WHERE id = ?
            """, arguments: [item.state?.rawValue, StringListColumn.encode(item.authors), item.submittedOn?.iso, submittedBy,
                             item.decidedOn?.iso, item.decidedBy, item.reason, evidenceId])
    }

    /// The record as the API shows it.
    var api: EvidencePublication? {
        guard let state = item.state else { return nil }
        return EvidencePublication(state: state, submittedOn: item.submittedOn?.iso, submittedBy: submittedBy,
                                   decidedOn: item.decidedOn?.iso, decidedBy: item.decidedBy, reason: item.reason)
    }
}
