import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Issue 12 for KPI values: the account that drafted or submitted a value never decides on
/// it; targets are set from the indicator's owner or above; races leave one decision.
@Suite struct KPISeparationOfDutiesTests {
    /// Head and reviewer at the province: reaches a commune's value with both roles.
    static let headAndReviewer = Caller(account: "both", username: "both", session: "s", grants: [
        MetricsFixture.grant(.head, "vn-75"), MetricsFixture.grant(.reviewer, "vn-75"),
    ])
    static let secondReviewer = Caller(account: "rev2", username: "vp2", session: "s", grants: [MetricsFixture.grant(.reviewer, "vn")])

    func ref(_ indicator: IndicatorInfo) -> ReportRef { ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1") }

    func submitted(_ fixture: MetricsFixture, draftedBy: Caller = MetricsFixture.staff("vn-75-c1"),
                   submittedBy: Caller = MetricsFixture.head("vn-75-c1")) async throws -> IndicatorInfo {
        let indicator = try await fixture.countIndicator()
        _ = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 3,
                                                                    evidenceIds: ["ev-vn-75-c1-1"]), caller: draftedBy)
        _ = try await fixture.workflow.submit(ref(indicator), caller: submittedBy)
        return indicator
    }

    @Test("one account drafting, submitting and accepting its own value is refused; the value stays submitted")
    func ownWork() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await submitted(fixture, draftedBy: Self.headAndReviewer, submittedBy: Self.headAndReviewer)
        for decision in [ReviewDecision.accept, .sendBack] {
            let error = await rpcError {
                _ = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                            decision: decision, reason: "Sai số"), caller: Self.headAndReviewer)
            }
            #expect(error?.code == .permissionDenied)
            #expect(error?.details?["rule"] == "separationOfDuties")
        }
        let accepted = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                               decision: .accept), caller: Self.secondReviewer)
        #expect(accepted.state == .accepted)
    }

    @Test("the author of version 1 cannot accept the correction either")
    func correctionKeepsAuthors() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await submitted(fixture, draftedBy: Self.headAndReviewer)
        _ = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                    decision: .accept), caller: Self.secondReviewer)
        let correction = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                                 value: 4, evidenceIds: ["ev-vn-75-c1-1"]),
                                                            caller: MetricsFixture.staff("vn-75-c1"))
        #expect(correction.version == 2)
        _ = try await fixture.workflow.submit(ref(indicator), caller: MetricsFixture.head("vn-75-c1"))
        let error = await rpcError {
            _ = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                        decision: .accept), caller: Self.headAndReviewer)
        }
        #expect(error?.code == .permissionDenied)
    }

    @Test("a commune's reviewer cannot set its own target on a provincial indicator")
    func targetsFromTheOwner() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.ratioIndicator()
        let error = await rpcError {
            _ = try await fixture.admin.setTarget(MetricsTargetSet.Params(indicatorId: indicator.id, unitId: "vn-75-c1", milestone: "2027-01-01",
                                                                              target: "≥ 10"), caller: MetricsFixture.communeReviewer)
        }
        #expect(error?.code == .permissionDenied)
        let unchanged = try await fixture.indicators.getIndicator(IndicatorRef(indicatorId: indicator.id, unitId: "vn-75-c1"),
                                                                     caller: MetricsFixture.reviewer)
        #expect(!"\(unchanged)".contains("≥ 10"), "no target written")
        // The province's reviewer sets the commune's target.
        _ = try await fixture.admin.setTarget(MetricsTargetSet.Params(indicatorId: indicator.id, unitId: "vn-75-c1", milestone: "2027-01-01",
                                                                          target: "≥ 60"), caller: MetricsFixture.reviewer)
    }

    @Test("concurrent accepts and send-backs of one value: exactly one decision, one accepted version at most")
    func concurrentDecisions() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await submitted(fixture)
        let authority = fixture.workflow
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                let caller = index % 2 == 0 ? MetricsFixture.reviewer : Self.secondReviewer
                let decision: ReviewDecision = index % 3 == 0 ? .sendBack : .accept
                group.addTask {
                    (try? await authority.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                      decision: decision, reason: "Sai"), caller: caller)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        let history = try await authority.history(MetricsHistory.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"))
        #expect(history.filter { $0.kind == .accept || $0.kind == .sendBack }.count == 1)
    }
}
