import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57Wire
import Testing

@Suite("Roll-up over accepted values")
struct RollUpThroughAuthorityTests {
    @Test("a province's ratio is Σ numerators / Σ denominators of the communes that reported, naming the one that did not")
    func weightedRatio() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.ratioIndicator()
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-02", numerator: 50, denominator: 100)
        try await fixture.accepted(indicator.id, "vn-75-c2", "2026-02", numerator: 10, denominator: 10)
        try await fixture.accepted(indicator.id, "vn-75-c3", "2026-02", numerator: 1, denominator: 2)
        let result = try await fixture.views.rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2026-02"))
        let value = try #require(result.total.value)
        #expect(abs(value - 61.0 / 112.0 * 100) < 1e-9)
        #expect(abs(value - (50.0 + 100 + 50) / 3) > 10, "not the mean of the ratios")
        #expect(result.total.numerator == 61 && result.total.denominator == 112)
        #expect(result.total.source == .rolledUp)
        #expect(result.missing == ["vn-75-c4"])
        #expect(result.total.reportedCount == 3 && result.total.missingCount == 1)
        #expect(result.children.map(\.unitId) == ["vn-75-c2", "vn-75-c1", "vn-75-c3", "vn-75-c4"])
        #expect(result.children.map(\.rank) == [1, 2, 2, nil])
    }

    @Test("a value counts only from the day it was accepted")
    func asOf() async throws {
        let fixture = try await MetricsFixture(today: "2026-03-10")
        let indicator = try await fixture.countIndicator()
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-Q1", value: 4)
        fixture.moveTo("2026-03-12")
        try await fixture.accepted(indicator.id, "vn-75-c2", "2026-Q1", value: 3)
        let before = try await fixture.views.rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2026-Q1",
                                                                             asOf: "2026-03-11"))
        let after = try await fixture.views.rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2026-Q1",
                                                                            asOf: "2026-03-12"))
        #expect(before.total.value == 4)
        #expect(after.total.value == 7)
    }

    @Test("a commune without its own report is rolled up from its departments; with none, it is missing")
    func nested() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator(rollUp: .max)
        try await fixture.accepted(indicator.id, "vn-75-c1-vhxh", "2026-Q1", value: 9)
        try await fixture.accepted(indicator.id, "vn-75-c2", "2026-Q1", value: 5)
        let result = try await fixture.views.rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2026-Q1"))
        #expect(result.total.value == 9)
        #expect(result.children.first { $0.unitId == "vn-75-c1" }?.source == .rolledUp)
        #expect(result.missing == ["vn-75-c3", "vn-75-c4"])
    }

    @Test("an indicator that does not roll up shows the communes side by side and no total")
    func notRolledUp() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator(rollUp: .none)
        try await fixture.accepted(indicator.id, "vn-75-c2", "2026-Q1", value: 5)
        let result = try await fixture.views.rollUp(MetricsRollUp.Params(indicatorId: indicator.id, unitId: "vn-75", period: "2026-Q1"))
        #expect(result.total.value == nil)
        #expect(result.children.first?.unitId == "vn-75-c2" && result.children.first?.value == 5)
    }

    @Test("a series names each month's value and the roadmap's expectation")
    func series() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-05")
        let indicator = try await fixture.ratioIndicator()
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-01", numerator: 40, denominator: 100)
        try await fixture.accepted(indicator.id, "vn-75-c1", "2026-03", numerator: 45, denominator: 100)
        let series = try await fixture.views.series(MetricsSeries.Params(indicatorId: indicator.id, unitId: "vn-75"))
        #expect(series.points.map(\.period) == ["2026-01", "2026-02", "2026-03"])
        #expect(series.points.map(\.value.value) == [40, nil, 45])
        let expected = try #require(series.points.last?.expected)
        #expect(expected > 30 && expected < 70)
        #expect(series.points[0].periodText == "Tháng 1/2026")
    }
}
