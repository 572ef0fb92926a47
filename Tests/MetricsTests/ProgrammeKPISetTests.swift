import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// KPI sets of programmes: each indicator belongs to one programme's set, and every view filters by programme.
@Suite struct ProgrammeKPISetTests {
    /// A count indicator of `owner` in `programme`'s KPI set, reported by the owner itself each quarter.
    static func params(owner: String = "vn-75", code: String, programme: String?) -> MetricsIndicatorCreate.Params {
        MetricsIndicatorCreate.Params(
            ownerUnitId: owner, planNumber: "02-KH/TU", code: code, name: "Số trường học có phòng học thông minh", group: "Giáo dục",
            measure: .count, unitOfMeasure: "trường", direction: .atLeast, rollUp: .sum, reportedBy: .children, frequency: .quarter,
            baselineOn: "2026-01-01", programme: programme)
    }

    @Test("An indicator names no programme (nq57), a national one, or the province's own; the programme is on every view of it")
    func programmeOfIndicator() async throws {
        let fixture = try await MetricsFixture()
        let plain = try await fixture.ratioIndicator()
        #expect(plain.programme == "nq57")
        let education = try await fixture.admin.createIndicator(Self.params(code: "GD-01", programme: " NQ71 "), caller: MetricsFixture.reviewer)
        #expect(education.programme == "nq71")
        let own = try await fixture.admin.createIndicator(Self.params(code: "DN-01", programme: "dn-cds"), caller: MetricsFixture.reviewer)
        #expect(own.programme == "dn-cds")
        // Commune c1's own programme takes the KPI set of a department below c1.
        let below = try await fixture.admin.createIndicator(Self.params(owner: "vn-75-c1-vhxh", code: "C1-01", programme: "c1-cds"),
                                                            caller: MetricsFixture.reviewer)
        #expect(below.programme == "c1-cds")
        let listed = try await fixture.indicators.listIndicators(.init(unitId: "vn-75", programme: "nq71"))
        #expect(listed.map(\.id) == [education.id])
    }

    @Test("Bad programme on a KPI set: unknown, malformed, another unit's own; nothing written", arguments: [
        ("nq99", "vn-75", ErrorCode.notFound), ("nq 71", "vn-75", ErrorCode.invalidArgument),
        ("c1-cds", "vn-75-c2", ErrorCode.failedPrecondition), ("c1-cds", "vn-75", ErrorCode.failedPrecondition),
    ])
    func badProgramme(_ programme: String, _ owner: String, _ code: ErrorCode) async throws {
        let fixture = try await MetricsFixture()
        let error = await rpcError {
            _ = try await fixture.admin.createIndicator(Self.params(owner: owner, code: "X-01", programme: programme), caller: MetricsFixture.reviewer)
        }
        #expect(error?.code == code)
        #expect(error?.details?["field"] == "programme")
        #expect(error?.message.isEmpty == false)
        #expect(try await fixture.indicators.listIndicators(.init(unitId: "vn-75")).isEmpty)
    }

    @Test("Dashboard, flags, export and the public view: all programmes together, each row naming its own, or one programme")
    func filters() async throws {
        let fixture = try await MetricsFixture()
        let digital = try await fixture.ratioIndicator()
        let education = try await fixture.admin.createIndicator(Self.params(code: "GD-01", programme: "nq71"), caller: MetricsFixture.reviewer)
        _ = try await fixture.admin.setTarget(.init(indicatorId: education.id, unitId: "vn-75", milestone: "2030", target: "100"),
                                              caller: MetricsFixture.reviewer)

        let all = try await fixture.overview.dashboard(.init(unitId: "vn-75", asOf: "2026-05-10"))
        #expect(Set(all.indicators.map(\.programme)) == ["nq57", "nq71"])
        #expect(all.indicators.first { $0.indicatorId == education.id }?.programme == "nq71")
        #expect(all.byProgramme.map(\.key) == ["nq57", "nq71"])
        let only71 = try await fixture.overview.dashboard(.init(unitId: "vn-75", asOf: "2026-05-10", programme: "nq71"))
        #expect(only71.indicators.map(\.indicatorId) == [education.id])
        #expect(only71.byProgramme.map(\.key) == ["nq71"])
        #expect(only71.total.byStatus.values.reduce(0, +) == 1)

        // Nothing reported: every commune's value of both is missing for the period due.
        let flags = try await fixture.overview.flags(UnitAsOf(unitId: "vn-75", asOf: "2026-05-10"))
        #expect(Set(flags.flags.map(\.indicatorId)) == [digital.id, education.id])
        #expect(flags.flags.allSatisfy { $0.programme == ($0.indicatorId == education.id ? "nq71" : "nq57") })
        let flags57 = try await fixture.overview.flags(UnitAsOf(unitId: "vn-75", asOf: "2026-05-10", programme: "nq57"))
        #expect(!flags57.flags.isEmpty)
        #expect(flags57.flags.allSatisfy { $0.indicatorId == digital.id })

        let csv = try await fixture.exports.export(.init(view: .dashboard, unitId: "vn-75", asOf: "2026-05-10", programme: "nq71"))
        #expect(csv.csv.hasPrefix("\u{FEFF}Ngày số liệu,Đơn vị,Mã đơn vị,Chương trình,"))
        #expect(csv.rows == 1)
        #expect(csv.csv.contains(",nq71,"))
        let flagsCSV = try await fixture.exports.export(.init(view: .flags, unitId: "vn-75", asOf: "2026-05-10", programme: "nq71"))
        #expect(flagsCSV.rows == flags.flags.count { $0.programme == "nq71" })

        let published = try await fixture.published.publicIndicators(UnitAsOf(unitId: "vn-75", asOf: "2026-05-10", programme: "nq71"))
        #expect(published.indicators.map(\.code) == ["GD-01"])
        #expect(published.indicators.map(\.programme) == ["nq71"])

        for call in [
            { _ = try await fixture.overview.dashboard(.init(unitId: "vn-75", programme: "nq99")) },
            { _ = try await fixture.overview.flags(UnitAsOf(unitId: "vn-75", programme: "nq99")) },
            { _ = try await fixture.exports.export(.init(view: .dashboard, unitId: "vn-75", programme: "nq99")) },
            { _ = try await fixture.published.publicIndicators(UnitAsOf(unitId: "vn-75", programme: "nq99")) },
        ] as [() async throws -> Void] {
            let error = await rpcError(call)
            #expect(error?.code == .notFound)
            #expect(error?.details?["field"] == "programme")
        }
    }
}
