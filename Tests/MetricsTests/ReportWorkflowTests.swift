import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57Runtime
import NQ57Wire
import Testing

@Suite("Reporting, review and corrections")
struct ReportWorkflowTests {
    @Test("sent back counts for nothing and raises the quality flag; a correction keeps the history")
    func sentBackAndCorrected() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator()
        let a = fixture
        _ = try await a.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 3,
                                                    evidenceIds: ["ev-vn-75-c1-1"]), caller: MetricsFixture.staff("vn-75-c1"))
        _ = try await a.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"), caller: MetricsFixture.head("vn-75-c1"))
        let back = try await a.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                           decision: .sendBack, reason: "Thiếu danh sách doanh nghiệp"),
                                      caller: MetricsFixture.reviewer)
        #expect(back.state == .needsRework && back.acceptedValue == nil)
        let rolled = try await a.views.rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2026-Q1"))
        #expect(rolled.total.value == nil)
        let flags = try await a.overview.flags(UnitAsOf(unitId: "vn-75"))
        #expect(flags.flags.contains { $0.rule == .sentBack && $0.unitId == "vn-75-c1" && $0.detail.contains("Thiếu danh sách") })

        _ = try await a.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 4,
                                                    evidenceIds: ["ev-vn-75-c1-2"]), caller: MetricsFixture.staff("vn-75-c1"))
        _ = try await a.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"), caller: MetricsFixture.head("vn-75-c1"))
        let accepted = try await a.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                               decision: .accept), caller: MetricsFixture.reviewer)
        #expect(accepted.version == 2 && accepted.acceptedValue == 4)
        let history = try await a.workflow.history(MetricsHistory.Params(indicatorId: indicator.id, unitId: "vn-75-c1"))
        #expect(history.map(\.kind) == [.report, .submit, .sendBack, .correct, .submit, .accept])
        #expect(history.first?.value == 3)
        let after = try await a.overview.flags(UnitAsOf(unitId: "vn-75"))
        #expect(!after.flags.contains { $0.rule == .sentBack })
    }

    @Test("an accepted value keeps counting while its correction waits for review")
    func correctionOfAccepted() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator()
        try await fixture.accepted(indicator.id, "vn-75-c2", "2026-Q1", value: 5)
        let draft = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c2", period: "2026-Q1",
                                                                            value: 6, evidenceIds: ["ev-vn-75-c2-7"]),
                                                       caller: MetricsFixture.staff("vn-75-c2"))
        #expect(draft.state == .draft && draft.version == 2 && draft.acceptedValue == 5)
        let rolled = try await fixture.views.rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2026-Q1"))
        #expect(rolled.total.value == 5)
    }

    @Test("a value waiting for review cannot be changed, and only a draft can be submitted")
    func order() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator()
        let a = fixture
        await #expect(throws: RPCError.self) {
            _ = try await a.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"), caller: MetricsFixture.head("vn-75-c1"))
        }
        _ = try await a.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 3,
                                                    evidenceIds: ["ev-vn-75-c1-1"]), caller: MetricsFixture.staff("vn-75-c1"))
        _ = try await a.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"), caller: MetricsFixture.head("vn-75-c1"))
        let error = await #expect(throws: RPCError.self) {
            _ = try await a.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 9,
                                                        evidenceIds: ["ev-vn-75-c1-1"]), caller: MetricsFixture.staff("vn-75-c1"))
        }
        #expect(error?.code == .failedPrecondition)
    }

    @Test("a reviewer does not review a value of their own unit")
    func ownUnit() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator()
        _ = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 3,
                                                                    evidenceIds: ["ev-vn-75-c1-1"]), caller: MetricsFixture.staff("vn-75-c1"))
        _ = try await fixture.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"),
                                               caller: MetricsFixture.head("vn-75-c1"))
        let error = await #expect(throws: RPCError.self) {
            _ = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                        decision: .accept), caller: MetricsFixture.communeReviewer)
        }
        #expect(error?.code == .permissionDenied)
    }

    @Test("accepted values survive a restart: the in-memory table is rebuilt from the database")
    func reload() async throws {
        let folder = "/tmp/nq57-metrics-\(UUID().uuidString.prefix(8))"
        let database = try ServiceDatabaseOpener.open(folder)
        let clock = ManualClock(MetricsFixture.day("2026-03-10"))
        let first = try await MetricsContext(database: database, units: ProvinceUnits(), evidence: ProvinceEvidence(), clock: clock.clock)
        let indicator = try await IndicatorAdmin(first).createIndicator(MetricsIndicatorCreate.Params(
            ownerUnitId: "vn-75", code: "KH-01", name: "Số doanh nghiệp", group: "Khoa học công nghệ", measure: .count,
            direction: .atLeast, rollUp: .sum, reportedBy: .children, frequency: .year, baselineOn: "2025-01-01"),
            caller: MetricsFixture.reviewer)
        _ = try await ReportWorkflow(first).report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c3", period: "2025", value: 12,
                                                        evidenceIds: ["ev-vn-75-c3-1"]), caller: MetricsFixture.staff("vn-75-c3"))
        _ = try await ReportWorkflow(first).submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c3", period: "2025"), caller: MetricsFixture.head("vn-75-c3"))
        _ = try await ReportWorkflow(first).review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c3", period: "2025", decision: .accept),
                                   caller: MetricsFixture.reviewer)
        let second = try await MetricsContext(database: try ServiceDatabaseOpener.open(folder), units: ProvinceUnits(),
                                                evidence: ProvinceEvidence(), clock: clock.clock)
        let rolled = try await ValueViews(second).rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2025"))
        #expect(rolled.total.value == 12)
    }
}

enum ServiceDatabaseOpener {
    static func open(_ folder: String) throws -> ServiceDatabase {
        try ServiceDatabase(path: "\(folder)/metrics.sqlite", migrations: MetricsService.registerMigrations)
    }
}
