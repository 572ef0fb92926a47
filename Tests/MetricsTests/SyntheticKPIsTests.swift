import Foundation
import MetricsCore
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57TestSupport
import Testing

/// The benchmark's made-up province is written through the service's own records, so the
/// service reads it as it reads its own data.
@Suite struct SyntheticKPIsTests {
    @Test("a synthetic province rolls up: every commune reported every indicator for the last month")
    func rollsUp() async throws {
        let folder = "/tmp/nq57-metrics-\(UUID().uuidString.prefix(8))"
        let database = try ServiceDatabase(path: "\(folder)/metrics.sqlite", migrations: MetricsService.registerMigrations)
        let lastMonth = try #require(PeriodKey(key: "2026-10"))
        let (units, values) = try SyntheticKPIs.build(database: database, communes: 4, indicators: 3, months: 2, lastMonth: lastMonth)
        #expect(values == 4 * 3 * 2)
        let context = try await MetricsContext(database: database, units: units, evidence: ProvinceEvidence(),
                                               clock: ManualClock(MetricsFixture.day("2026-11-24")).clock)
        for number in 0..<3 {
            let rolled = try await ValueViews(context).rollUp(MetricsRollUp.Params(indicatorId: "kpi-bench-\(number)", unitId: "vn-p0"))
            #expect(rolled.period == "2026-10" && rolled.total.reportedCount == 4 && rolled.missing.isEmpty)
            #expect(rolled.rule == (number % 3 == 2 ? .sum : .weightedRatio))
        }
    }
}
