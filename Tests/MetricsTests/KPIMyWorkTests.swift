import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Issue 16 item 1, KPIs: Việc của tôi lists the next due period of every indicator a unit
/// reports, the ended periods without a value (one row, with their count), drafts waiting for
/// the head, and values sent back with the reason on top.
@Suite struct KPIMyWorkTests {
    func work(_ fixture: MetricsFixture, _ caller: Caller, unit: String? = nil) async throws -> [MyWorkItem] {
        try await KPIMyWork(fixture.context).list(MyWorkParams(unitId: unit), caller: caller).items
    }

    @Test("the current quarter is due; once ended without a value it is overdue, with the periods missed counted in one row")
    func dueThenOverdue() async throws {
        let fixture = try await MetricsFixture(today: "2026-03-10")
        let indicator = try await fixture.countIndicator()
        let staff = MetricsFixture.staff("vn-75-c1")
        let now = try await work(fixture, staff)
        #expect(now.count == 1)
        #expect(now.first?.section == .due && now.first?.period == "2026-Q1" && now.first?.dueOn == "2026-03-31")
        #expect(now.first?.unitId == "vn-75-c1" && now.first?.itemId == indicator.id && now.first?.actions == [.draft])
        fixture.moveTo("2026-07-05")
        let later = try await work(fixture, staff)
        #expect(later.map(\.section) == [.overdue, .due])
        #expect(later[0].period == "2026-Q1" && later[0].missedPeriods == 2 && later[0].daysLate == 96)
        #expect(later[1].period == "2026-Q3")
    }

    @Test("a draft waits for the head (who may submit it); a value sent back comes first with its reason")
    func draftsAndSendBacks() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-02")
        let indicator = try await fixture.countIndicator()
        _ = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 2,
                                                                    evidenceIds: ["ev-vn-75-c1-1"]), caller: MetricsFixture.staff("vn-75-c1"))
        let head = try await work(fixture, MetricsFixture.head("vn-75-c1"))
        let draft = try #require(head.first { $0.section == .draft })
        #expect(draft.period == "2026-Q1" && draft.actions.contains(.submit))
        #expect(!head.contains { $0.section == .overdue }, "a drafted period is not missing")
        _ = try await fixture.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"),
                                              caller: MetricsFixture.head("vn-75-c1"))
        _ = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                    decision: .sendBack, reason: "Thiếu danh sách doanh nghiệp"),
                                              caller: MetricsFixture.reviewer)
        let after = try await work(fixture, MetricsFixture.staff("vn-75-c1"))
        #expect(after.first?.section == .sentBack)
        #expect(after.first?.reason == "Thiếu danh sách doanh nghiệp")
        #expect(after.first?.actions == [.draft])
    }

    @Test("only the caller's own units: another commune's work is not listed, and asking for it is refused")
    func onlyOwnUnits() async throws {
        let fixture = try await MetricsFixture(today: "2026-03-10")
        _ = try await fixture.countIndicator()
        #expect(try await work(fixture, MetricsFixture.staff("vn-75-c1")).allSatisfy { $0.unitId == "vn-75-c1" })
        let error = await rpcError { _ = try await work(fixture, MetricsFixture.staff("vn-75-c1"), unit: "vn-75-c2") }
        #expect(error?.code == .permissionDenied && field(of: error!) == "unitId")
        #expect(try await work(fixture, MetricsFixture.reviewer).isEmpty, "a reviewer has no work of a unit to report")
    }
}
