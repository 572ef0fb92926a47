import GRDB

/// The tasks database, version by version.
enum TasksSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0002_plans_tasks_claims") { db in
            try db.execute(sql: """
                CREATE TABLE plans (
                    id TEXT PRIMARY KEY,
                    number TEXT NOT NULL,
                    title TEXT NOT NULL,
                    issuing_unit_id TEXT NOT NULL,
                    issuing_unit_path TEXT NOT NULL,
                    issued_on TEXT NOT NULL,
                    implements TEXT NOT NULL,
                    period TEXT,
                    created_at REAL NOT NULL,
                    UNIQUE (issuing_unit_id, number)
                );
                CREATE TABLE task_groups (
                    plan_id TEXT NOT NULL REFERENCES plans(id),
                    code TEXT NOT NULL,
                    title TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (plan_id, code)
                );
                CREATE TABLE tasks (
                    id TEXT PRIMARY KEY,
                    plan_id TEXT NOT NULL REFERENCES plans(id),
                    group_code TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    lead_unit_id TEXT NOT NULL,
                    lead_unit_path TEXT NOT NULL,
                    cooperating TEXT NOT NULL,
                    output TEXT,
                    time_text TEXT NOT NULL,
                    deadline TEXT,
                    recurrence TEXT,
                    assigned_on TEXT NOT NULL,
                    state TEXT NOT NULL,
                    percent INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL
                );
                CREATE INDEX tasks_lead_unit_path ON tasks(lead_unit_path);
                -- One claim per task (period '') or per period of a recurring task.
                CREATE TABLE claims (
                    task_id TEXT NOT NULL REFERENCES tasks(id),
                    period TEXT NOT NULL,
                    state TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    note TEXT,
                    submitted_on TEXT,
                    sent_back_on TEXT,
                    decided_on TEXT,
                    PRIMARY KEY (task_id, period)
                );
                -- Every progress report, claim, submission and review; never updated.
                CREATE TABLE task_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    task_id TEXT NOT NULL REFERENCES tasks(id),
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    account TEXT,
                    username TEXT,
                    percent INTEGER,
                    note TEXT,
                    difficulties TEXT,
                    evidence TEXT NOT NULL DEFAULT '[]',
                    period TEXT
                );
                CREATE INDEX task_events_task ON task_events(task_id, seq);
                CREATE TRIGGER task_events_append_only_update BEFORE UPDATE ON task_events
                    BEGIN SELECT RAISE(ABORT, 'task history is append-only'); END;
                CREATE TRIGGER task_events_append_only_delete BEFORE DELETE ON task_events
                    BEGIN SELECT RAISE(ABORT, 'task history is append-only'); END;
                """)
        }
        // Separation of duties: who drafted or submitted each claim, and who decided on it. Claims made
        // before this version get their authors from the history, which has recorded every step.
        migrator.registerMigration("0003_claim_authors") { db in
            try db.execute(sql: """
                ALTER TABLE claims ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE claims ADD COLUMN decided_by TEXT;
                UPDATE claims SET authors = COALESCE((
                    SELECT json_group_array(account) FROM (
                        SELECT DISTINCT e.account FROM task_events e
                        WHERE e.task_id = claims.task_id AND COALESCE(e.period, '') = claims.period
                          AND e.kind IN ('claim', 'submit') AND e.account IS NOT NULL ORDER BY e.account)
                ), '[]');
                """)
        }
        // Tasks without a deadline, or with one before their plan's date, are kept: the day the wording
        // names (the source, never overwritten), what the deadline in force rests on, and each later
        // decision's previous and new deadline in the history; and the plan's unit, whose roles decide it.
        // Earlier tasks rest on their source.
        migrator.registerMigration("0004_task_deadline_decisions") { db in
            try db.execute(sql: """
                ALTER TABLE tasks ADD COLUMN stated_deadline TEXT;
                ALTER TABLE tasks ADD COLUMN deadline_basis TEXT NOT NULL DEFAULT 'source';
                ALTER TABLE tasks ADD COLUMN plan_unit_path TEXT NOT NULL DEFAULT '';
                UPDATE tasks SET stated_deadline = deadline,
                                 plan_unit_path = COALESCE((SELECT issuing_unit_path FROM plans WHERE plans.id = tasks.plan_id), '');
                ALTER TABLE task_events ADD COLUMN previous_deadline TEXT;
                ALTER TABLE task_events ADD COLUMN new_deadline TEXT;
                """)
        }
        // Programmes: several resolutions (and units' own programmes) on one deployment. Every plan made
        // before this version implements 57-NQ/TW. A task may also be linked into plans besides its own.
        migrator.registerMigration("0005_programmes_plan_links") { db in
            try db.execute(sql: """
                CREATE TABLE programmes (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    short_name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    owner_unit_id TEXT NOT NULL,
                    owner_unit_path TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                INSERT INTO programmes VALUES
                    ('nq57', 'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia', 'NQ 57', 'national', 'vn', '/vn/', 0),
                    ('nq59', 'Nghị quyết số 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới', 'NQ 59', 'national', 'vn', '/vn/', 0),
                    ('nq66', 'Nghị quyết số 66-NQ/TW ngày 30/04/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới', 'NQ 66', 'national', 'vn', '/vn/', 0),
                    ('nq68', 'Nghị quyết số 68-NQ/TW ngày 04/05/2025 của Bộ Chính trị về phát triển kinh tế tư nhân', 'NQ 68', 'national', 'vn', '/vn/', 0),
                    ('nq70', 'Nghị quyết số 70-NQ/TW ngày 20/08/2025 của Bộ Chính trị về bảo đảm an ninh năng lượng quốc gia đến năm 2030, tầm nhìn đến năm 2045', 'NQ 70', 'national', 'vn', '/vn/', 0),
                    ('nq71', 'Nghị quyết số 71-NQ/TW ngày 22/08/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo', 'NQ 71', 'national', 'vn', '/vn/', 0),
                    ('nq72', 'Nghị quyết số 72-NQ/TW ngày 09/09/2025 của Bộ Chính trị về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân', 'NQ 72', 'national', 'vn', '/vn/', 0);
                ALTER TABLE plans ADD COLUMN programme TEXT NOT NULL DEFAULT 'nq57';
                CREATE INDEX plans_programme ON plans(programme);
                -- A task linked into a plan besides its home plan (tasks.plan_id): shown in both, reported once.
                CREATE TABLE plan_tasks (
                    plan_id TEXT NOT NULL REFERENCES plans(id),
                    task_id TEXT NOT NULL REFERENCES tasks(id),
                    linked_on TEXT NOT NULL,
                    linked_by TEXT,
                    PRIMARY KEY (plan_id, task_id)
                );
                CREATE INDEX plan_tasks_task ON plan_tasks(task_id);
                """)
        }
        // Reminders that escalate: the grace days of each plan before its overdue items go to the steering
        // members; each reminder to each person once (its key), and one mailed digest per person per day.
        migrator.registerMigration("0006_reminders") { db in
            try db.execute(sql: """
                ALTER TABLE plans ADD COLUMN escalate_after_days INTEGER NOT NULL DEFAULT 7;
                CREATE TABLE reminders (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    key TEXT NOT NULL UNIQUE,
                    account_id TEXT NOT NULL,
                    username TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    email TEXT,
                    stage TEXT NOT NULL,
                    item_kind TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    period TEXT,
                    title TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    raised_on TEXT NOT NULL,
                    message TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    read_at REAL,
                    mail_state TEXT NOT NULL,
                    mailed_at REAL
                );
                CREATE INDEX reminders_account ON reminders(account_id, id);
                CREATE INDEX reminders_mail_pending ON reminders(mail_state, account_id);
                CREATE TABLE reminder_digests (
                    account_id TEXT NOT NULL,
                    day TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    reminders INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    updated_at REAL NOT NULL,
                    PRIMARY KEY (account_id, day)
                );
                """)
        }
        // Requests for explanation (yêu cầu giải trình) about red flags, and the unit's answer.
        migrator.registerMigration("0007_explanation_requests") { db in
            try db.execute(sql: """
                CREATE TABLE explanation_requests (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL,
                    unit_path TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    period TEXT,
                    question TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    requested_on TEXT NOT NULL,
                    requested_at REAL NOT NULL,
                    answer TEXT,
                    evidence TEXT NOT NULL DEFAULT '[]',
                    answered_by TEXT,
                    answered_on TEXT,
                    answered_at REAL
                );
                CREATE INDEX explanation_requests_unit ON explanation_requests(unit_path, requested_at);
                """)
        }
        // Comments on a task (or one report period of it) between its unit and its reviewers (issue 16 item 5).
        migrator.registerMigration("0008_task_comments") { db in
            try db.execute(sql: """
                CREATE TABLE task_comments (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    task_id TEXT NOT NULL REFERENCES tasks(id),
                    period TEXT,
                    at REAL NOT NULL,
                    account TEXT,
                    username TEXT,
                    role TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX task_comments_task ON task_comments(task_id, seq);
                """)
        }
    }
}
