import AuthCore
import EvidenceCore
import Foundation
import GRDB
import MetricsCore
import NQ57Runtime
import TasksCore
import Testing

/// Databases made by main as of commit 7d8b0ae migrate forward and lose nothing: each service's
/// database is built with its migrations up to the last one main had then (named here, never "the
/// one before last", as new ones keep coming), filled through SQL with rows in every table, then
/// opened as the service opens it today; every row of every table must read back unchanged.
@Suite("Upgrades lose nothing")
struct UpgradeTests {
    /// Builds the old database, upgrades it, and checks every row; returns the upgraded database.
    private func upgrade(_ definition: ServiceDefinition, from lastMigration: String, rows: String) throws -> ServiceDatabase {
        let fixture = try UpgradeFixture()
        let old = try fixture.makeOld(definition, upTo: lastMigration, rows: rows)
        for (table, tableRows) in old {
            #expect(!tableRows.isEmpty, "the old \(table) table has rows to carry over")
        }
        let database = try fixture.upgrade(definition)
        #expect(database.health.migrations.contains(lastMigration))
        let now = try UpgradeFixture.rows(of: old, in: database)
        for table in old.keys.sorted() {
            #expect(now[table] == old[table], "every row of \(table) survives the upgrade")
        }
        return database
    }

    @Test("nq57-tasks: plans, groups, tasks, claims and history from 0003_claim_authors")
    func tasks() throws {
        let database = try upgrade(TasksService.definition, from: "0003_claim_authors", rows: """
            INSERT INTO plans VALUES ('plan-1', '27-KH/ĐU', 'Kế hoạch thực hiện Nghị quyết 57', 'vn-75-25246', '/vn/vn-75/vn-75-25246/',
                '2025-11-19', '["Nghị quyết số 57-NQ/TW"]', NULL, 1763500000.5);
            INSERT INTO task_groups VALUES ('plan-1', 'I', 'Lãnh đạo, chỉ đạo', 0), ('plan-1', 'III', 'Nhiệm vụ, giải pháp', 1);
            INSERT INTO tasks VALUES
                ('task-due', 'plan-1', 'I', 1, 'Thành lập Ban Chỉ đạo cấp xã', 'vn-75-25246', '/vn/vn-75/vn-75-25246/', '[]', NULL,
                 'Hoàn thành trong tháng 11 năm 2025', '2025-11-30', NULL, '2025-11-19', 'completedOnTime', 100, 1763500001),
                ('task-monthly', 'plan-1', 'III', 1, 'Cập nhật dữ liệu', 'vn-75-25246-vpdu', '/vn/vn-75/vn-75-25246/vn-75-25246-vpdu/',
                 '["vn-75-25246-ubnd"]', 'Báo cáo', 'Thực hiện thường xuyên', NULL, 'month', '2025-11-19', 'inProgress', 40, 1763500002);
            INSERT INTO claims VALUES
                ('task-due', '', 'completedOnTime', '["ev-1"]', 'Đã thành lập', '2025-11-28', NULL, '2025-11-29', '["acc-staff","acc-head"]', 'acc-rev'),
                ('task-monthly', '2025-11', 'needsRework', '["ev-2"]', NULL, '2025-11-30', '2025-12-01', '2025-12-01', '["acc-staff"]', 'acc-rev');
            INSERT INTO task_events (task_id, at, kind, account, username, percent, note, difficulties, evidence, period) VALUES
                ('task-due', 1763600000, 'progress', 'acc-staff', 'cv.binhtan', 50, 'Đang làm', 'Thiếu người', '[]', NULL),
                ('task-due', 1763700000, 'accept', 'acc-rev', 'vp.tinh', NULL, NULL, NULL, '[]', NULL),
                ('task-monthly', 1763800000, 'sendBack', 'acc-rev', 'vp.tinh', NULL, 'Thiếu minh chứng', NULL, '[]', '2025-11');
            """)
        // Tasks made before deadlines could be decided rest on their plan's wording, the day it names kept.
        let tasks = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, stated_deadline, deadline_basis FROM tasks ORDER BY id")
        }
        #expect(tasks.map { $0["stated_deadline"] as String? } == ["2025-11-30", nil])
        #expect(tasks.map { $0["deadline_basis"] as String } == ["source", "source"])
    }

    @Test("nq57-auth: units, names, accounts, grants, sessions, tokens and the audit log from 0006_used_tokens")
    func auth() throws {
        _ = try upgrade(AuthService.definition, from: "0006_used_tokens", rows: """
            INSERT INTO units VALUES ('vn-75', '75', 'province', 'vn', '/vn/vn-75/', 1.5),
                ('vn-75-25246', '25246', 'commune', 'vn-75', '/vn/vn-75/vn-75-25246/', 2.5);
            INSERT INTO unit_names VALUES ('vn-75', '1976-01-01', 'Tỉnh Đồng Nai'), ('vn-75', '2026-04-30', 'Thành phố Đồng Nai'),
                ('vn-75-25246', '2025-07-01', 'Xã Bình Tân');
            INSERT INTO accounts VALUES ('acc-1', 'cv.binhtan', 'Nguyễn Văn Á', 'vn-75-25246', 'scrypt$32768$8$1$c2FsdA$aGFzaA', '001099000001',
                1763500000, 1, 1763500100);
            INSERT INTO grants VALUES ('acc-1', 'staff', 'vn-75-25246', 1763500001), ('acc-1', 'head', 'vn-75-25246', 1763500002);
            INSERT INTO login_failures VALUES ('không.có.ai', 3, 1763500500.25);
            INSERT INTO sessions VALUES ('ses-1', 'acc-1', 'refresh-hash-1', 1763500200, 1764105000, NULL),
                ('ses-2', 'acc-1', 'refresh-hash-2', 1763500300, 1764105100, 1763500400);
            INSERT INTO revocations (session_id, at) VALUES ('ses-2', 1763500400);
            INSERT INTO audit (at, account_id, username, unit_path, action, method, target, outcome, record_id) VALUES
                (1763500200, 'acc-1', 'cv.binhtan', '/vn/vn-75/vn-75-25246/', 'login', NULL, NULL, 'ok', 'rec-1'),
                (1763500300, NULL, NULL, '/vn/', 'call', 'tasks.progress', 'task-1', 'permission_denied', NULL);
            INSERT INTO used_refresh_tokens VALUES ('used-hash-1', 'ses-1');
            INSERT INTO used_identity_tokens VALUES ('id-token-hash', 1763503800);
            """)
    }

    @Test("nq57-metrics: indicators, targets, reports, accepted values and history from 0003_report_authors")
    func metrics() throws {
        _ = try upgrade(MetricsService.definition, from: "0003_report_authors", rows: """
            INSERT INTO indicators VALUES ('kpi-1', 'vn-75-25246', '/vn/vn-75/vn-75-25246/', '27-KH/ĐU', 'NL-01',
                'Tổng chi ngân sách địa phương chi cho KHCN, đổi mới sáng tạo', 'Phát triển nguồn lực', 'plan', 'percent', '%', 'atLeast',
                'none', 'owner', 'quarter', 100, 'vn-75-25246-kt', 'Phòng Kinh tế', 0, '2025-11-19', 681, NULL, 1763500000);
            INSERT INTO targets VALUES ('kpi-1', 'vn-75-25246', '2025', '2025-12-31', '≥ 1', 1, NULL),
                ('kpi-1', 'vn-75-25246', '2030', '2030-12-31', NULL, NULL, 'Không đọc được trong bản gốc');
            INSERT INTO reports VALUES ('kpi-1', 'vn-75-25246', '/vn/vn-75/vn-75-25246/', '2025-Q4', 'accepted', 1.25, 5, 400, 'Quý IV',
                '["ev-1"]', 2, NULL, '2025-12-20', '["acc-staff","acc-head"]', 'acc-rev');
            INSERT INTO accepted_values VALUES ('kpi-1', 'vn-75-25246', '2025-Q4', 2, 1.25, 5, 400, '2025-12-22');
            INSERT INTO report_events (indicator_id, unit_id, period, at, kind, account, username, value, numerator, denominator, note, evidence)
                VALUES ('kpi-1', 'vn-75-25246', '2025-Q4', 1766000000, 'report', 'acc-staff', 'cv.binhtan', 1.25, 5, 400, NULL, '["ev-1"]'),
                       ('kpi-1', 'vn-75-25246', '2025-Q4', 1766100000, 'accept', 'acc-rev', 'vp.tinh', NULL, NULL, NULL, 'Đạt', '[]');
            """)
    }

    @Test("nq57-evidence: files with their publication reviews and the log from 0005_publication_review")
    func evidence() throws {
        _ = try upgrade(EvidenceService.definition, from: "0005_publication_review", rows: """
            INSERT INTO files (id, sha256, size, file_name, media_type, unit_id, unit_path, uploaded_by, uploaded_at, supports, status,
                               publication_state, publication_authors, publication_submitted_on, publication_submitted_by,
                               publication_decided_on, publication_decided_by, publication_reason) VALUES
                ('ev-1', 'a3f1', 1048576, 'Quyết định thành lập BCĐ.pdf', 'application/pdf', 'vn-75-25246', '/vn/vn-75/vn-75-25246/', 'acc-staff',
                 1763600000, 'task-due', 'ok', 'accepted', '["acc-staff"]', '2025-11-28', 'acc-staff', '2025-11-29', 'acc-head', NULL),
                ('ev-2', 'b4e2', 10, 'ảnh.jpg', 'image/jpeg', 'vn-75-25246', '/vn/vn-75/vn-75-25246/', NULL, 1763700000, NULL, 'damaged',
                 NULL, '[]', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO log_entries VALUES (0, 'ev-1', 'upload', 'leaf-0', '{"kind":"upload"}', 1763600000),
                (1, 'ev-1', 'review', 'leaf-1', '{"kind":"review"}', 1763700000);
            """)
    }
}
