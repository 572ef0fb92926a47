import NQ57API
@testable import MetricsCore
import Testing

/// `sys.metrics` of the metrics service shows reported values waiting for review and values sent back (red flags
/// its own data decides).
@Suite("Metrics gauges")
struct MetricsGaugesTests {
    @Test("A submitted value waits for review; sent back, it is a red flag until corrected and accepted")
    func waitingAndSentBack() async throws {
        let fixture = try await MetricsFixture()
        func gauges() async throws -> [String: Double] {
            let read = try await MetricsGauges.read(database: fixture.context.database)
            return Dictionary(uniqueKeysWithValues: read.map { ($0.name, $0.value) })
        }
        #expect(try await gauges() == ["nq57_red_flags_open": 0, "nq57_reviews_waiting": 0])
        let indicator = try await fixture.countIndicator()
        let ref = ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1")
        _ = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 3,
                                                    evidenceIds: ["ev-vn-75-c1-1"]), caller: MetricsFixture.staff("vn-75-c1"))
        #expect(try await gauges() == ["nq57_red_flags_open": 0, "nq57_reviews_waiting": 0], "a draft waits for nobody")
        _ = try await fixture.workflow.submit(ref, caller: MetricsFixture.head("vn-75-c1"))
        #expect(try await gauges() == ["nq57_red_flags_open": 0, "nq57_reviews_waiting": 1])
        _ = try await fixture.workflow.review(MetricsReview.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                    decision: .sendBack, reason: "Thiếu danh sách doanh nghiệp"), caller: MetricsFixture.reviewer)
        #expect(try await gauges() == ["nq57_red_flags_open": 1, "nq57_reviews_waiting": 0])
        let flags = try await fixture.overview.flags(UnitAsOf(unitId: "vn-75")).flags
        #expect(flags.count { $0.rule == .sentBack } == 1, "the same value tasks.flags shows as sent back")
    }
}
