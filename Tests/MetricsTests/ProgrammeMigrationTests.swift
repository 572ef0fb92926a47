import Foundation
import GRDB
import MetricsCore
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import Testing

/// The migration that put indicators in programmes' KPI sets: indicators made before it measure 57-NQ/TW.
@Suite struct ProgrammeMigrationTests {
    @Test("An indicator stored before 0004 is in nq57's KPI set after it, otherwise unchanged")
    func existingIndicatorsLandInNQ57() async throws {
        let folder = "/tmp/nq57-metrics-migration-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/metrics.sqlite"
        do {
            let pool = try DatabasePool(path: path)
            var migrator = DatabaseMigrator()
            MetricsService.registerMigrations(&migrator)
            try migrator.migrate(pool, upTo: "0003_report_authors")
            try await pool.write { db in
                try db.execute(sql: """
                    INSERT INTO indicators (id, owner_unit_id, owner_unit_path, plan_number, code, name, grp, kind, measure, unit_of_measure,
                                            direction, roll_up, reported_by, frequency, baseline, baseline_on, created_at)
                    VALUES ('kpi-old', 'vn-75', '/vn/vn-75/', '01-KH/TU', 'CDS-01', 'Tỷ lệ hồ sơ trực tuyến', 'Chuyển đổi số', 'strategic',
                            'percent', '%', 'atLeast', 'weightedRatio', 'children', 'month', 30, '2026-01-01', 0)
                    """)
            }
            try pool.close()
        }
        let database = try ServiceDatabase(path: path, migrations: MetricsService.registerMigrations)
        let context = try await MetricsContext(database: database, units: ProvinceUnits(), evidence: ProvinceEvidence(),
                                               programmes: ProvinceProgrammes(), clock: ManualClock(MetricsFixture.day("2026-03-10")).clock)
        let listed = try await IndicatorReads(context).listIndicators(.init(unitId: "vn-75", programme: "nq57"))
        #expect(listed.map(\.id) == ["kpi-old"])
        #expect(listed.first?.programme == "nq57")
        #expect(listed.first?.baseline == 30)
        #expect(listed.first?.planNumber == "01-KH/TU")
    }
}
