import NQ57API
import NQ57Calendar
import NQ57Runtime
import ReviewRules

extension ClaimRecord {
    /// The claim as the shared review workflow sees it. A stored claim is at least drafted;
    /// a claim sent back is `sentBack` until it is submitted again; a completed one is accepted.
    var reviewItem: ReviewItem {
        let state: ReviewState = switch self.state {
        case .notStarted, .inProgress: .draft
        case .submitted: .submitted
        case .needsRework: .sentBack
        case .completedOnTime, .completedLate: .accepted
        }
        return ReviewItem(state: state, authors: StringListColumn.decode(authorsJSON),
                          submittedOn: submittedOn.flatMap(Day.init(iso:)), decidedOn: decidedOn.flatMap(Day.init(iso:)))
    }
}

extension ReviewStateMachine {
    /// The workflow of task claims (`ReviewPolicy.taskClaim`).
    static let claims = ReviewStateMachine(.taskClaim)
}
