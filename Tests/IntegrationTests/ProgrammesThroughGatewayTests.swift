import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Programmes through the real services: the tasks service keeps the list, the metrics service asks it when a
/// KPI set names one, and the command line lists and creates them.
@Suite(.serialized)
struct ProgrammesThroughGatewayTests {
    @Test("A province's own programme: declared from the command line, listed for anyone, its KPI set checked by metrics through tasks")
    func provinceProgramme() async throws {
        let system = try await TestSystem()
        let client = system.client
        let admin = try await system.login()
        _ = try await client.call(AuthUnitsCreate.self, .init(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                                              names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]), token: admin)

        let common = ["--data", system.root, "--session", "\(system.root)/admin.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + common,
                                               input: "\(TestSystem.adminPassword)\n")
        #expect(login.status == 0, "\(login.stderr)")
        let created = try await ChildProcess.run("nq57", ["programmes", "create", "--code", "dn-cds", "--name", "Chương trình chuyển đổi số tỉnh Đồng Nai",
                                                          "--short-name", "CĐS Đồng Nai", "--unit", "vn-75"] + common)
        #expect(created.status == 0, "\(created.stderr)")
        let listed = try await ChildProcess.run("nq57", ["programmes", "list"] + common)
        #expect(listed.status == 0, "\(listed.stderr)")
        // An aligned table: a header row, then one row per programme, its code first; owners by name.
        let rows = listed.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(rows.first == "MÃ", "\(listed.stdout)")
        #expect(Array(rows.dropFirst().filter { !$0.isEmpty && $0 != "─" && !$0.hasPrefix("─") })
                == ["nq57", "nq59", "nq66", "nq68", "nq70", "nq71", "nq72", "dn-cds"], "\(listed.stdout)")
        #expect(listed.stdout.contains("Tỉnh Đồng Nai") && !listed.stdout.contains("\t"))
        let duplicate = try await ChildProcess.run("nq57", ["programmes", "create", "--code", "dn-cds", "--name", "Lần hai", "--unit", "vn-75"] + common)
        #expect(duplicate.status != 0)
        #expect(duplicate.stderr.contains("Đã có chương trình mã dn-cds."))

        // Anyone may read the list.
        let anonymous = try await client.call(TasksProgrammeList.self, Empty())
        #expect(anonymous.programmes.last?.kind == .local)

        // The metrics service checks the programme of a KPI set with the tasks service.
        let params = MetricsIndicatorCreate.Params(
            ownerUnitId: "vn-75", planNumber: "05-KH/UBND", code: "CDS-01", name: "Tỷ lệ hồ sơ xử lý trực tuyến", group: "Chuyển đổi số",
            measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio, reportedBy: .children, frequency: .month,
            baselineOn: "2026-01-01", programme: "dn-cds")
        let indicator = try await client.call(MetricsIndicatorCreate.self, params, token: admin)
        #expect(indicator.programme == "dn-cds")
        var unknown = params
        unknown.code = "CDS-02"
        unknown.programme = "nq99"
        let refused = await rpcError { _ = try await client.call(MetricsIndicatorCreate.self, unknown, token: admin) }
        #expect(refused?.code == .notFound)
        #expect(refused?.details?["field"] == "programme")
        let dashboard = try await client.call(MetricsDashboard.self, .init(unitId: "vn-75", programme: "dn-cds"), token: admin)
        #expect(dashboard.indicators.map(\.indicatorId) == [indicator.id])
        let other = try await client.call(MetricsDashboard.self, .init(unitId: "vn-75", programme: "nq71"), token: admin)
        #expect(other.indicators.isEmpty)
        #expect(await system.stop() == 0)
    }
}
