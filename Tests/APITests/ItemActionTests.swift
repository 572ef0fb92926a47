import NQ57Calendar
import ReviewRules
import Testing
@testable import NQ57API

/// The actions returned with an item are exactly the moves the review workflow would accept
/// from that caller: what the console shows as buttons.
struct ItemActionTests {
    let machine = ReviewStateMachine(.taskClaim)
    let day = Day(year: 2026, month: 12, day: 7)!

    @Test("A submitted claim: the reviewer above may accept or send back; its author, who is also a reviewer, may not")
    func decisionsOnlyForOthers() {
        let item = ReviewItem(state: .submitted, authors: ["head.a"], submittedOn: day)
        let reviewerAbove = ReviewActor(account: "rev.p", roles: [.reviewer], isOfItemUnit: false)
        let authorReviewer = ReviewActor(account: "head.a", roles: [.head, .reviewer], isOfItemUnit: true)
        #expect(machine.actions(on: item, by: reviewerAbove, on: day) == [.accept, .sendBack])
        #expect(machine.actions(on: item, by: authorReviewer, on: day).isEmpty)
    }

    @Test("A draft: staff may edit it, only the head may also submit it")
    func draftActionsByRole() {
        let item = ReviewItem(state: .draft, authors: ["staff.a"])
        #expect(machine.actions(on: item, by: ReviewActor(account: "staff.a", roles: [.staff], isOfItemUnit: true), on: day) == [.draft])
        #expect(machine.actions(on: item, by: ReviewActor(account: "head.a", roles: [.head], isOfItemUnit: true), on: day) == [.draft, .submit])
    }
}
