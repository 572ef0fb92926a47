import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import Testing
@testable import TasksCore

/// The migration that brought programmes: plans made before it implement 57-NQ/TW, and lose nothing.
@Suite struct ProgrammeMigrationTests {
    @Test("A plan and its task stored before 0004 are in programme nq57 after it, unchanged, with no links")
    func existingPlansLandInNQ57() async throws {
        let folder = "/tmp/nq57-tasks-migration-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/tasks.sqlite"
        do {
            let pool = try DatabasePool(path: path)
            var migrator = DatabaseMigrator()
            TasksService.registerMigrations(&migrator)
            try migrator.migrate(pool, upTo: "0003_claim_authors")
            try await pool.write { db in
                try db.execute(sql: """
                    INSERT INTO plans (id, number, title, issuing_unit_id, issuing_unit_path, issued_on, implements, period, created_at)
                    VALUES ('plan-old', '27-KH/ĐU', 'Kế hoạch thực hiện Nghị quyết 57', 'vn-75-25246', '/vn/vn-75/vn-75-25246/', '2025-11-19', '[]', NULL, 0);
                    INSERT INTO task_groups (plan_id, code, title, position) VALUES ('plan-old', 'I', 'Lãnh đạo, chỉ đạo', 0);
                    INSERT INTO tasks (id, plan_id, group_code, position, title, lead_unit_id, lead_unit_path, cooperating, output, time_text,
                                       deadline, recurrence, assigned_on, state, percent, created_at)
                    VALUES ('task-old', 'plan-old', 'I', 1, 'Quán triệt Nghị quyết', 'vn-75-25246-pkt', '/vn/vn-75/vn-75-25246/vn-75-25246-pkt/',
                            '[]', NULL, 'Hoàn thành trong tháng 12 năm 2025', '2025-12-31', NULL, '2025-11-19', 'inProgress', 40, 0);
                    """)
            }
            try pool.close()
        }
        let database = try ServiceDatabase(path: path, migrations: TasksService.registerMigrations)
        let (plans, task) = try await database.pool.read { db in
            (try TaskPlanning.plans(db, under: "/vn/"), try TaskRecord.find(db, id: "task-old"))
        }
        #expect(plans.map(\.programme) == ["nq57"])
        #expect(plans.first?.number == "27-KH/ĐU")
        #expect(plans.first?.taskCount == 1)
        #expect(task?.programmes == ["nq57"])
        #expect(task?.linkedPlanIds == [])
        #expect(task?.percent == 40)
        #expect(task?.state == .inProgress)
    }
}
