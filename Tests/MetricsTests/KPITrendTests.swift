import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Issue 15 item 1, the KPI-completion trend: each month's end as the dashboard showed it that
/// day, counting only values accepted by then.
@Suite struct KPITrendTests {
    func trend(_ fixture: MetricsFixture, unit: String = "vn-75-c1", asOf: String? = nil, months: Int? = nil) async throws -> [KPITrendMonth] {
        try await KPITrend(fixture.context).trend(MetricsTrend.Params(unitId: unit, asOf: asOf, months: months)).months
    }

    @Test("month by month: nothing due in the first month, then on track, missing, red and missing again")
    func monthByMonth() async throws {
        let fixture = try await MetricsFixture(today: "2026-02-10")
        let indicator = try await fixture.ratioIndicator()
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-01", numerator: 50, denominator: 100)
        fixture.moveTo("2026-04-05")
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-03", numerator: 20, denominator: 100)
        fixture.moveTo("2026-05-10")
        let rows = try await trend(fixture, months: 5)
        #expect(rows.map(\.month) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"])
        #expect(rows.map(\.day) == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-10"])
        #expect(rows[0].assessed == 0 && rows[0].percent == nil && rows[0].byStatus.isEmpty, "no period was due in January")
        #expect(rows[1].byStatus == ["onTrack": 1] && rows[1].percent == 100)
        #expect(rows[2].byStatus == ["notReported": 1] && rows[2].percent == 0, "February was never reported")
        #expect(rows[3].byStatus == ["red": 1] && rows[3].achieved == 0 && rows[3].assessed == 1)
        #expect(rows[4].byStatus == ["notReported": 1])
    }

    @Test("a past day counts only the values accepted by then")
    func acceptedByThen() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-05")
        let indicator = try await fixture.ratioIndicator()
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-03", numerator: 60, denominator: 100)
        let before = try await trend(fixture, asOf: "2026-04-03", months: 1)
        #expect(before.map(\.byStatus) == [["notReported": 1]])
        let after = try await trend(fixture, asOf: "2026-04-05", months: 1)
        #expect(after.map(\.byStatus) == [["onTrack": 1]] && after[0].percent == 100)
    }

    @Test("an indicator without a target is listed by status but not assessed")
    func noTargetNotAssessed() async throws {
        let fixture = try await MetricsFixture(today: "2026-02-10")
        let indicator = try await fixture.ratioIndicator(target: nil)
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-01", numerator: 50, denominator: 100)
        let rows = try await trend(fixture, months: 1)
        #expect(rows.first?.byStatus == ["noTarget": 1] && rows.first?.assessed == 0 && rows.first?.percent == nil, "\(rows)")
    }

    @Test("months outside 1…36 are refused, naming the field")
    func monthsBounded() async throws {
        let fixture = try await MetricsFixture()
        for months in [0, 37] {
            let error = await rpcError { _ = try await trend(fixture, months: months) }
            #expect(error?.code == .invalidArgument && field(of: error!) == "months")
        }
    }
}
