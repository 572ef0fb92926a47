import NQ57Calendar
import ReviewRules
import Testing

/// The review workflow, move by move, for each kind of reviewed thing, with the day set by the test.
@Suite struct ReviewStateMachineTests {
    let day = Day(year: 2026, month: 3, day: 31)!
    let later = Day(year: 2026, month: 4, day: 2)!
    let staff = ReviewActor(account: "acc-staff", roles: [.staff], isOfItemUnit: true)
    let head = ReviewActor(account: "acc-head", roles: [.head], isOfItemUnit: true)
    let reviewer = ReviewActor(account: "acc-reviewer", roles: [.reviewer], isOfItemUnit: false)
    /// One account holding head and reviewer above the unit: the finding of issue 12.
    let headAndReviewer = ReviewActor(account: "acc-both", roles: [.head, .reviewer], isOfItemUnit: false)

    let claims = ReviewStateMachine(.taskClaim)
    let values = ReviewStateMachine(.kpiValue)
    let publication = ReviewStateMachine(.publication)

    func submitted(_ machine: ReviewStateMachine) throws -> ReviewItem {
        let drafted = try machine.apply(.draft, to: .new, by: staff, on: day)
        return try machine.apply(.submit, to: drafted, by: head, on: day)
    }

    func refusal(_ body: () throws(ReviewRefusal) -> ReviewItem) -> ReviewRefusal? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func draftSubmitAcceptRecordsAuthorsDaysAndDecider() throws {
        let drafted = try claims.apply(.draft, to: .new, by: staff, on: day)
        #expect(drafted.state == .draft)
        #expect(drafted.authors == ["acc-staff"])
        let sent = try claims.apply(.submit, to: drafted, by: head, on: day)
        #expect(sent.state == .submitted)
        #expect(sent.submittedOn == day)
        #expect(sent.authors == ["acc-head", "acc-staff"])
        let accepted = try claims.apply(.accept, to: sent, by: reviewer, on: later)
        #expect(accepted.state == .accepted)
        #expect(accepted.decidedOn == later)
        #expect(accepted.decidedBy == "acc-reviewer")
        #expect(accepted.submittedOn == day)
    }

    @Test func theAuthorOfAClaimCanNeverDecideOnItWhateverRolesItHolds() throws {
        // Drafted and submitted by one account that also holds reviewer above the unit.
        let drafted = try claims.apply(.draft, to: .new, by: headAndReviewer, on: day)
        let sent = try claims.apply(.submit, to: drafted, by: headAndReviewer, on: day)
        for move in [ReviewMove.accept, .sendBack(reason: "Thiếu biên bản")] {
            let error = refusal { () throws(ReviewRefusal) in try claims.apply(move, to: sent, by: headAndReviewer, on: day) }
            #expect(error?.kind == .separationOfDuties)
            #expect(error?.message.contains("chính mình") == true)
        }
        // Drafting alone is enough to be an author.
        let byOther = try claims.apply(.submit, to: try claims.apply(.draft, to: .new, by: headAndReviewer, on: day), by: head, on: day)
        #expect(refusal { () throws(ReviewRefusal) in try claims.apply(.accept, to: byOther, by: headAndReviewer, on: day) }?.kind
                == .separationOfDuties)
    }

    @Test func authorshipOutlivesASendBackAndAResubmission() throws {
        let sent = try submitted(claims)
        let back = try claims.apply(.sendBack(reason: "Thiếu ảnh"), to: sent, by: reviewer, on: day)
        #expect(back.state == .sentBack)
        #expect(back.reason == "Thiếu ảnh")
        let redrafted = try claims.apply(.draft, to: back, by: headAndReviewer, on: later)
        let resent = try claims.apply(.submit, to: redrafted, by: head, on: later)
        #expect(resent.authors == ["acc-both", "acc-head", "acc-staff"])
        #expect(refusal { () throws(ReviewRefusal) in try claims.apply(.accept, to: resent, by: headAndReviewer, on: later) }?.kind
                == .separationOfDuties)
        let accepted = try claims.apply(.accept, to: resent, by: reviewer, on: later)
        #expect(accepted.reason == nil)
        #expect(accepted.submittedOn == later)
    }

    @Test func aReviewerOfTheItemsOwnUnitMayNotDecideOnAClaimOrAValue() throws {
        let ownReviewer = ReviewActor(account: "acc-own", roles: [.reviewer], isOfItemUnit: true)
        for machine in [claims, values] {
            let sent = try submitted(machine)
            let error = refusal { () throws(ReviewRefusal) in try machine.apply(.accept, to: sent, by: ownReviewer, on: day) }
            #expect(error?.kind == .separationOfDuties)
            #expect(error?.message.contains("chính đơn vị mình") == true)
        }
    }

    @Test func rolesThatMayNotMakeAMoveAreRefusedFirst() throws {
        #expect(refusal { () throws(ReviewRefusal) in try claims.apply(.submit, to: try claims.apply(.draft, to: .new, by: staff, on: day), by: staff, on: day) }?.kind
                == .notPermitted)
        let sentClaim = try submitted(claims)
        #expect(refusal { () throws(ReviewRefusal) in try claims.apply(.accept, to: sentClaim, by: head, on: day) }?.kind
                == .notPermitted)
        #expect(refusal { () throws(ReviewRefusal) in try claims.apply(.draft, to: .new, by: reviewer, on: day) }?.kind == .notPermitted)
        #expect(refusal { () throws(ReviewRefusal) in try claims.apply(.withdraw, to: .new, by: head, on: day) }?.message
                == "Không ai được thu hồi đề nghị hoàn thành.")
    }

    @Test func everyIllegalMoveOfAClaimIsRefusedWithItsState() throws {
        let all = ReviewActor(account: "acc-any", roles: Set(ReviewRole.allCases), isOfItemUnit: false)
        let legal: [ReviewState?: Set<String>] = [
            nil: ["draft"], .draft: ["draft", "submit"], .submitted: ["accept", "sendBack"],
            .sentBack: ["draft", "submit"], .accepted: [], .withdrawn: [],
        ]
        let moves: [ReviewMove] = [.draft, .submit, .accept, .sendBack(reason: "Thiếu"), .withdraw]
        for (state, allowed) in legal {
            for move in moves where move != .withdraw {
                let item = ReviewItem(state: state, authors: ["acc-staff"])
                let error = refusal { () throws(ReviewRefusal) in try claims.apply(move, to: item, by: all, on: day) }
                if allowed.contains(move.name) {
                    #expect(error == nil, "\(String(describing: state)) --\(move.name)-> refused: \(error?.message ?? "")")
                } else {
                    #expect(error?.kind == .illegalMove, "\(String(describing: state)) --\(move.name)-> should be illegal")
                    #expect(error?.from == state)
                }
            }
        }
    }

    @Test func aSendBackNeedsAReasonThatIsNotBlank() throws {
        let sent = try submitted(values)
        let error = refusal { () throws(ReviewRefusal) in try values.apply(.sendBack(reason: "  \n"), to: sent, by: reviewer, on: day) }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("lý do") == true)
        // NFC: a decomposed reason is stored composed.
        let back = try values.apply(.sendBack(reason: "Thie\u{0302}\u{0301}u so\u{0302}\u{0301} lie\u{0323}\u{0302}u"), to: sent, by: reviewer, on: day)
        #expect(back.reason == "Thiếu số liệu")
    }

    @Test func anAcceptedValueIsCorrectedAsANewVersionButAnAcceptedClaimIsNot() throws {
        let accepted = try values.apply(.accept, to: try submitted(values), by: reviewer, on: day)
        let correction = try values.apply(.draft, to: accepted, by: staff, on: later)
        #expect(correction.state == .draft)
        #expect(correction.version == 2)
        #expect(correction.submittedOn == nil)
        let claim = try claims.apply(.accept, to: try submitted(claims), by: reviewer, on: day)
        #expect(refusal { () throws(ReviewRefusal) in try claims.apply(.draft, to: claim, by: staff, on: later) }?.kind == .illegalMove)
    }

    @Test func aValueMustBeDraftedBeforeItIsSubmitted() {
        let error = refusal { () throws(ReviewRefusal) in try values.apply(.submit, to: .new, by: head, on: day) }
        #expect(error?.kind == .illegalMove)
        #expect(error?.message.contains("chuyên viên cần lập trước") == true)
    }

    @Test func publicationIsRequestedDecidedByAnotherHeadOrReviewerAndWithdrawn() throws {
        let requested = try publication.apply(.submit, to: .new, by: staff, on: day)
        #expect(requested.state == .submitted)
        // Staff cannot decide; the requester cannot decide; the unit's own head can.
        #expect(refusal { () throws(ReviewRefusal) in try publication.apply(.accept, to: requested, by: staff, on: day) }?.kind == .notPermitted)
        let published = try publication.apply(.accept, to: requested, by: head, on: day)
        #expect(published.state == .accepted)
        #expect(refusal { () throws(ReviewRefusal) in try publication.apply(.withdraw, to: published, by: staff, on: later) }?.kind
                == .notPermitted)
        let withdrawn = try publication.apply(.withdraw, to: published, by: reviewer, on: later)
        #expect(withdrawn.state == .withdrawn)
        #expect(withdrawn.decidedBy == "acc-reviewer")
        // A head who asks cannot publish alone.
        let ownRequest = try publication.apply(.submit, to: withdrawn, by: head, on: later)
        #expect(refusal { () throws(ReviewRefusal) in try publication.apply(.accept, to: ownRequest, by: head, on: later) }?.kind
                == .separationOfDuties)
        #expect(try publication.apply(.accept, to: ownRequest, by: reviewer, on: later).state == .accepted)
        #expect(refusal { () throws(ReviewRefusal) in try publication.apply(.draft, to: .new, by: head, on: day) }?.kind == .notPermitted)
    }

    @Test func permitsTellsAScreenWhichActionsToOffer() throws {
        let sent = try submitted(claims)
        #expect(claims.permits(.accept, on: sent, by: reviewer, on: day))
        #expect(!claims.permits(.accept, on: sent, by: head, on: day))
        #expect(!claims.permits(.submit, on: sent, by: head, on: day))
    }
}
