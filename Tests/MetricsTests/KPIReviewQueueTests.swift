import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Issue 15 item 3, KPI values: one queue for a reviewer's whole subtree, oldest first, each
/// item saying whether the caller may decide it; never offered to the unit's own reviewer.
@Suite struct KPIReviewQueueTests {
    /// A value of c1 for 2026-Q1, drafted by c1's staff and submitted by its head.
    func submitted(_ fixture: MetricsFixture, unit: String = "vn-75-c1") async throws -> IndicatorInfo {
        let indicator = try await fixture.countIndicator()
        _ = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: unit, period: "2026-Q1", value: 3,
                                                                    note: "Ba doanh nghiệp", evidenceIds: ["ev-\(unit)-1"]),
                                              caller: MetricsFixture.staff(unit))
        _ = try await fixture.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: unit, period: "2026-Q1"), caller: MetricsFixture.head(unit))
        return indicator
    }

    var queue: (MetricsFixture) -> KPIReviewQueue { { KPIReviewQueue($0.context) } }

    @Test("the provincial reviewer sees a commune's submitted value listing the province, without choosing the commune, and may decide it")
    func provincialReviewerSeesTheSubtree() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-02")
        let indicator = try await submitted(fixture)
        fixture.moveTo("2026-04-09")
        let result = try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75"), caller: MetricsFixture.reviewer)
        let item = try #require(result.items.first)
        #expect(result.items.count == 1)
        #expect(item.kind == .kpiValue && item.itemId == indicator.id && item.unitId == "vn-75-c1" && item.period == "2026-Q1")
        #expect(item.title == "KH-sum — Số doanh nghiệp khoa học công nghệ")
        #expect(item.submittedOn == "2026-04-02" && item.waitingDays == 7)
        #expect(item.value == 3 && item.unitOfMeasure == "doanh nghiệp" && item.note == "Ba doanh nghiệp")
        #expect(item.canDecide && item.whyNot == nil && item.actions == [.accept, .sendBack])
        // What the queue offers, the server accepts.
        let decided = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                              decision: .accept), caller: MetricsFixture.reviewer)
        #expect(decided.state == .accepted)
        #expect(try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75"), caller: MetricsFixture.reviewer).items.isEmpty)
    }

    @Test("the commune's own reviewer is shown its unit's value, marked why, and offered no decision; deciding is refused")
    func ownUnitIsNotOffered() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-02")
        let indicator = try await submitted(fixture)
        let item = try #require(try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75-c1"), caller: MetricsFixture.communeReviewer).items.first)
        #expect(!item.canDecide && item.actions.isEmpty)
        #expect(item.whyNot == "Không được chấp nhận số liệu chỉ tiêu của chính đơn vị mình.")
        let error = await rpcError {
            _ = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                        decision: .accept), caller: MetricsFixture.communeReviewer)
        }
        #expect(error?.code == .permissionDenied)
    }

    @Test("an account that drafted the value is told it may not decide its own work; a head is told only reviewers decide")
    func ownWorkAndRoles() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-02")
        _ = try await submitted(fixture)
        var staffAndReviewer = MetricsFixture.staff("vn-75-c1")
        staffAndReviewer.grants.append(MetricsFixture.grant(.reviewer, "vn-75"))
        let own = try #require(try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75"), caller: staffAndReviewer).items.first)
        #expect(!own.canDecide && own.whyNot?.contains("do chính mình soạn hoặc gửi") == true)
        let head = try #require(try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75"), caller: MetricsFixture.head("vn-75")).items.first)
        #expect(!head.canDecide && head.whyNot == "Chỉ Cơ quan thẩm định mới được chấp nhận số liệu chỉ tiêu.")
    }

    @Test("oldest first across units; the age filter keeps what waited longer; a bad age is refused naming the field")
    func orderAndAge() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-01")
        let indicator = try await submitted(fixture, unit: "vn-75-c3")
        fixture.moveTo("2026-04-03")
        _ = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c2", period: "2026-Q1", value: 5,
                                                                    evidenceIds: ["ev-vn-75-c2-1"]), caller: MetricsFixture.staff("vn-75-c2"))
        _ = try await fixture.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c2", period: "2026-Q1"),
                                              caller: MetricsFixture.head("vn-75-c2"))
        fixture.moveTo("2026-04-10")
        let all = try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75"), caller: MetricsFixture.reviewer)
        #expect(all.items.map(\.unitId) == ["vn-75-c3", "vn-75-c2"])
        let old = try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75", olderThanDays: 8), caller: MetricsFixture.reviewer)
        #expect(old.items.map(\.unitId) == ["vn-75-c3"])
        let error = await rpcError {
            _ = try await queue(fixture).list(ReviewQueueParams(unitId: "vn-75", olderThanDays: -1), caller: MetricsFixture.reviewer)
        }
        #expect(error?.code == .invalidArgument && field(of: error!) == "olderThanDays")
    }

    @Test("a reviewer of another commune cannot list c1's queue: refused at the gateway and again at the backend")
    func hostileCallerCannotList() throws {
        let hostile = Caller(account: "rev-c2", username: "vp.c2", session: "s", grants: [MetricsFixture.grant(.reviewer, "vn-75-c2")])
        for checkpoint in [PolicyCheckpoint.gateway, .backend] {
            #expect(throws: RPCError.self) {
                try MetricsReviewQueue.policy.admit(hostile, unitId: "vn-75-c1", unitPath: ProvinceUnits.paths["vn-75-c1"], at: checkpoint)
            }
        }
        try MetricsReviewQueue.policy.admit(MetricsFixture.reviewer, unitId: "vn-75-c1", unitPath: ProvinceUnits.paths["vn-75-c1"], at: .backend)
    }
}
