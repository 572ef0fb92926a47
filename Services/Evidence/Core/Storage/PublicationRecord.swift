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

    /// The record in a file's row; nil when nobody asked to publish the file.
    init?(file: EvidenceFileRecord) {
        guard let state = file.publicationState else { return nil }
        item = ReviewItem(state: state, authors: StringListColumn.decode(file.publicationAuthors),
                          submittedOn: file.publicationSubmittedOn.flatMap(Day.init(iso:)),
                          decidedOn: file.publicationDecidedOn.flatMap(Day.init(iso:)),
                          decidedBy: file.publicationDecidedBy, reason: file.publicationReason)
        submittedBy = file.publicationSubmittedBy
    }

    /// Writes the record into the file's row (saved by the caller).
    func apply(to file: inout EvidenceFileRecord) {
        file.publicationState = item.state
        file.publicationAuthors = StringListColumn.encode(item.authors)
        file.publicationSubmittedOn = item.submittedOn?.iso
        file.publicationSubmittedBy = submittedBy
        file.publicationDecidedOn = item.decidedOn?.iso
        file.publicationDecidedBy = item.decidedBy
        file.publicationReason = item.reason
    }

    /// The record as the API shows it.
    var api: EvidencePublication? {
        guard let state = item.state else { return nil }
        return EvidencePublication(state: state, submittedOn: item.submittedOn?.iso, submittedBy: submittedBy,
                                   decidedOn: item.decidedOn?.iso, decidedBy: item.decidedBy, reason: item.reason)
    }
}
